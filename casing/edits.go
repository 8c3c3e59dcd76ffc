package casing

import (
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/copyedit/copyedit/lexicon"
	"github.com/copyedit/copyedit/normalize"
)

// stateKey keys the casing pass's docState in a normalize.State.
type stateKey struct{}

// docState is what the pass learns about a whole document, carried from
// chunk to chunk: the words it writes with a capital mid-sentence, and how
// its headings are cased.
type docState struct {
	ev                        evTable
	titleHeads, sentenceHeads int
}

func newDocState() *docState { return &docState{} }

// bump adds to an evidence entry's counts.
func (w *walker) bump(idx int, caps, lows int) {
	e := w.touch(idx)
	e.caps += int32(caps)
	e.lows += int32(lows)
}

// addHeads adds to the document's heading counts.
func (w *walker) addHeads(titles, sents int) {
	w.st.titleHeads += titles
	w.st.sentenceHeads += sents
}

// cand is a proposed replacement of one token.
type cand struct {
	tok  int
	new  string
	rule string
	conf float64
	msg  string
}

// heading is a one-line paragraph that looks like a heading.
type heading struct {
	a, b    int // token range
	lo, hi  int // its lower-case content words: scratch.headLows[lo:hi]
	lower   int // the one lower-case content word left, when lowers == 1
	lowers  int // lower-case content words that no other rule capitalises
	capped  int // capitalised words after the first
	ev      int // capitalised ordinary words: title-case evidence
	fixed   bool
	conf    float64
	isTitle bool
	isSent  bool
	// label: the line is no heading because lower-case words precede its
	// colon ("Media contact: Jenna Albright").
	label bool
}

// scratch is the per-call working memory, pooled so that a clean document
// costs no allocation.
type scratch struct {
	words    []int32 // the chunk's words that have a case
	nls      []int32 // the chunk's Newline tokens
	cands    []cand
	heads    []heading
	labels   [][2]int32 // token ranges of the one-line paragraphs read as labels
	headLows []int
	lowIdx   []lowRef // lower-case uses of evidenced words
	lowAll   []lowRef // the other lower-case words mid-sentence (entry -1)
	arts     []int
	listKeep []int   // list items' first words, which sentence-start leaves alone
	touched  []int32 // evidence entries changed by this analysis
	counted  bits    // tokens whose fix has been counted as document evidence
	decided  bits    // tokens with a sure candidate, for docEvidence
	buf      []byte
}

// lowRef is a lower-case word mid-sentence, with its hash and its evidence
// entry (or -1).
type lowRef struct {
	tok   int32
	entry int32
	hash  uint64
}

// bits is a set of token indexes.
type bits []uint64

func (b *bits) reset(n int) {
	words := (n + 63) / 64
	if cap(*b) < words {
		*b = make(bits, words)
		return
	}
	*b = (*b)[:words]
	clear(*b)
}

func (b bits) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }
func (b bits) set(i int)      { b[i/64] |= 1 << (i % 64) }

var scratchPool = sync.Pool{New: func() any { return &scratch{buf: make([]byte, 0, 64)} }}

// walker holds one call's view of a chunk.
type walker struct {
	// recheck: an edit of this analysis may change another decision.
	recheck bool
	// fixed holds the new text of the tokens other rules change, while
	// the headings are classified again.
	fixed map[int]string

	c    *Caser
	text string
	toks []normalize.Token
	st   *docState
	s    *scratch
	// sure is the confidence an edit needs to be made (the Doc's
	// threshold): the rules read the edits that will be made.
	sure float64
}

// maxRounds bounds the analyses of one chunk: a fix can make another
// visible ("a x" becomes "a X" in a heading, and then wants "an"), so the
// pass analyses its own output again until nothing new turns up.
const maxRounds = 3

// Edits returns the casing edits of d: sorted, not overlapping, nil when
// there is nothing to change. The edits it is sure of leave text that it
// would not change again: when a round of analysis makes sure edits, the
// result is analysed once more and the new edits are composed with them.
func (c *Caser) Edits(d *normalize.Doc) []normalize.Edit {
	if len(d.Tokens()) == 0 {
		return nil
	}
	st := normalize.Load(d.State(), stateKey{}, newDocState)
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	m := st.begin()
	t := d.EditThreshold()
	edits, recheck := c.analyze(d, st, s)
	acc, text := []normalize.Edit(nil), d.Text
	for round := 1; ; round++ {
		sure := sureOnly(edits, t)
		if len(sure) == 0 || !recheck {
			return compose(d.Text, text, acc, edits, t)
		}
		acc = compose(d.Text, text, acc, sure, t)
		if round == maxRounds {
			return acc
		}
		text = normalize.Apply(d.Text, acc)
		st.rollback(m, s.touched)
		m = st.begin()
		edits, recheck = c.analyze(&normalize.Doc{Text: text, Continued: d.Continued, Threshold: d.Threshold}, st, s)
	}
}

// analyze runs every rule over one text and returns its edits, and
// whether the text they make must be analysed again: when an edit may
// change how the text is read (the tokenizer knows "Mar." and the initial
// in "J. Smith" only with their capitals), or a late rule's capital may be
// evidence for an earlier one.
func (c *Caser) analyze(d *normalize.Doc, st *docState, s *scratch) ([]normalize.Edit, bool) {
	s.cands, s.heads, s.headLows, s.lowIdx, s.lowAll, s.arts, s.listKeep, s.touched = s.cands[:0], s.heads[:0], s.headLows[:0], s.lowIdx[:0], s.lowAll[:0], s.arts[:0], s.listKeep[:0], s.touched[:0]
	s.words, s.nls, s.labels = s.words[:0], s.nls[:0], s.labels[:0]
	w := &walker{c: c, text: d.Text, toks: d.Tokens(), st: st, s: s, sure: d.EditThreshold()}
	s.counted.reset(len(w.toks))
	s.decided.reset(len(w.toks))
	w.index()
	w.findHeadings()
	w.lists()
	w.collectEvidence()
	w.scan()
	w.givenNamesBeforeFixes()
	w.headingRule()
	// Names found by the document's evidence may stand before a surname
	// and make given names, which are evidence in turn: to a fixed point.
	for range 8 {
		n := len(s.cands)
		w.docEvidence()
		w.givenNamesBeforeFixes()
		if len(s.cands) == n {
			break
		}
	}
	w.articles()
	edits := w.edits()
	return edits, w.recheck || w.touchesReading(edits)
}

// touchesReading reports whether a sure edit may change how the tokenizer
// reads the text around it: a word that becomes a listed abbreviation
// before its period ("mar." → "Mar."), a single letter, or a word after a
// single letter and a period ("J. smith": "J." is an initial only before a
// capital); or a word of a line that is no heading only for the lower-case
// words before its colon.
func (w *walker) touchesReading(edits []normalize.Edit) bool {
	for _, e := range edits {
		if e.Sure() < w.sure || e.Rule == RuleArticle {
			continue
		}
		if utf8.RuneCountInString(e.New) == 1 {
			return true
		}
		if e.End < len(w.text) && w.text[e.End] == '.' {
			if base, _ := splitPossessive(e.New); normalize.IsAbbreviation(base) {
				return true // "mar." → "Mar.", "gen." → "Gen."
			}
		}
		i := w.tokenAt(e.Start)
		if p := w.prevSolid(i); p > 0 && w.punct(p) == '.' && w.isWord(p-1) && utf8.RuneCountInString(w.tokText(p-1)) == 1 {
			return true // "J. smith" → "J. Smith": "J." becomes an initial
		}
		for _, l := range w.s.labels {
			if int(l[0]) <= i && i < int(l[1]) {
				// "vittle antares: ..." → "Vittle Antares: ...": a
				// label in sentence case no more, the line may be a
				// title-case heading.
				return true
			}
		}
	}
	return false
}

// tokenAt returns the index of the token that starts at off.
func (w *walker) tokenAt(off int) int {
	i, _ := slices.BinarySearchFunc(w.toks, off, func(t normalize.Token, off int) int { return t.Start - off })
	return i
}

// sureOnly returns the edits at or above the threshold t.
func sureOnly(edits []normalize.Edit, t float64) []normalize.Edit {
	var out []normalize.Edit
	for _, e := range edits {
		if e.Sure() >= t {
			out = append(out, e)
		}
	}
	return out
}

// compose returns the edits of orig that do what prev (edits of orig, sure
// ones) and then next (edits of text = Apply(orig, prev)) do. A next edit
// that touches text a prev edit wrote is merged with it; a suggestion (below
// the threshold t) that would be merged is dropped, so that it cannot undo a
// sure edit.
func compose(orig, text string, prev, next []normalize.Edit, t float64) []normalize.Edit {
	if len(prev) == 0 {
		return next
	}
	if len(next) == 0 {
		return prev
	}
	// Where each prev edit's new text lies in text.
	type span struct{ ns, ne int }
	spans := make([]span, len(prev))
	delta := 0
	for i, e := range prev {
		ns := e.Start + delta
		spans[i] = span{ns, ns + len(e.New)}
		delta += len(e.New) - (e.End - e.Start)
	}
	// toOrig maps an offset of text outside (or at the edge of) every
	// prev edit's new text to orig.
	toOrig := func(p int) int {
		d := 0
		for i, e := range prev {
			if spans[i].ne > p || (spans[i].ne == p && spans[i].ns == p && e.Start == e.End) {
				break
			}
			d += len(e.New) - (e.End - e.Start)
		}
		return p - d
	}
	used := make([]bool, len(prev))
	var out []normalize.Edit
	for _, n := range next {
		first, last := -1, -1
		for i, sp := range spans {
			if sp.ns < n.End && n.Start < sp.ne || (n.Start == n.End && sp.ns <= n.Start && n.Start <= sp.ne) {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first < 0 {
			n.Start, n.End = toOrig(n.Start), toOrig(n.End)
			out = append(out, n)
			continue
		}
		if n.Sure() < t {
			continue
		}
		s1, e1 := min(n.Start, spans[first].ns), max(n.End, spans[last].ne)
		m := prev[first]
		m.New = text[s1:n.Start] + n.New + text[n.End:e1]
		m.Start = prev[first].Start - (spans[first].ns - s1)
		m.End = prev[last].End + (e1 - spans[last].ne)
		m.Confidence = min(prev[first].Sure(), n.Sure())
		for i := first; i <= last; i++ {
			used[i] = true
		}
		out = append(out, m)
	}
	for i, e := range prev {
		if !used[i] {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b normalize.Edit) int { return a.Start - b.Start })
	return normalize.Valid(orig, out)
}

// add proposes a candidate unless its rule is turned off or the word is
// glued to a period before it ("NATO.russia", "Dr.ivanova"): the spacing
// pass separates a capitalized word there, so capitalizing it here would
// make the next run change the text again. Likewise a single letter glued
// to a period and a word after it ("b.Ac"): capitalized, it reads as an
// initial ("B.Ac"), which the spacing pass separates.
func (w *walker) add(tok int, new, rule string, conf float64, msg string) {
	if w.c.disabled[rule] || new == w.toks[tok].Text(w.text) || normalize.GluedToPeriod(w.text, w.toks, tok) || w.letterBeforeGluedWord(tok) {
		return
	}
	if t := w.toks[tok]; t.End < len(w.text) && !utf8.RuneStart(w.text[t.End]) {
		// Next to bytes that are not UTF-8: left be, and so no evidence
		// for the rules that read the words around as they will be
		// written.
		return
	}
	w.s.cands = append(w.s.cands, cand{tok: tok, new: new, rule: rule, conf: conf, msg: msg})
}

// edits turns the candidates into edits, one per token: the most confident.
func (w *walker) edits() []normalize.Edit {
	cs := w.s.cands
	if len(cs) == 0 {
		return nil
	}
	slices.SortStableFunc(cs, func(a, b cand) int {
		if a.tok != b.tok {
			return a.tok - b.tok
		}
		switch {
		case a.conf > b.conf:
			return -1
		case a.conf < b.conf:
			return 1
		}
		return 0
	})
	out := make([]normalize.Edit, 0, len(cs))
	last := -1
	for _, c := range cs {
		if c.tok == last {
			continue
		}
		last = c.tok
		t := w.toks[c.tok]
		out = append(out, normalize.Edit{Start: t.Start, End: t.End, New: c.new, Rule: c.rule, Confidence: c.conf, Message: c.msg})
	}
	return out
}

// --- small token helpers ---

// letterBeforeGluedWord reports whether token i is a single letter
// followed by a period and a word, with no space between them.
func (w *walker) letterBeforeGluedWord(i int) bool {
	if i+2 >= len(w.toks) || utf8.RuneCountInString(w.tokText(i)) != 1 {
		return false
	}
	p, n := w.toks[i+1], w.toks[i+2]
	return p.Kind == normalize.Punct && w.text[p.Start] == '.' && p.Start == w.toks[i].End &&
		n.Start == p.End && n.Kind == normalize.Word
}

func (w *walker) tokText(i int) string { return w.toks[i].Text(w.text) }

func (w *walker) isWord(i int) bool {
	return i >= 0 && i < len(w.toks) && w.toks[i].Kind == normalize.Word
}

// punct returns the rune of a Punct token, or 0.
func (w *walker) punct(i int) rune {
	if i < 0 || i >= len(w.toks) || w.toks[i].Kind != normalize.Punct {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(w.tokText(i))
	return r
}

// prevSolid returns the index of the last token before i that is not
// white space on the same line, or -1.
func (w *walker) prevSolid(i int) int {
	for j := i - 1; j >= 0; j-- {
		switch w.toks[j].Kind {
		case normalize.Space:
			continue
		case normalize.Newline:
			return -1
		}
		return j
	}
	return -1
}

// nextWordAfterSpace returns the index of the word that follows token i
// after horizontal white space, or -1.
func (w *walker) nextWordAfterSpace(i int) int {
	if i+2 < len(w.toks) && w.toks[i+1].Kind == normalize.Space && w.toks[i+2].Kind == normalize.Word {
		return i + 2
	}
	return -1
}

// splitPossessive splits "Russia’s" into "Russia" and "’s".
func splitPossessive(s string) (base, suffix string) {
	n := len(s)
	if n < 3 || (s[n-1] != 's' && s[n-1] != 'S') {
		return s, ""
	}
	if s[n-2] == '\'' {
		return s[:n-2], s[n-2:]
	}
	if n >= 5 && s[n-4:n-1] == "’" {
		return s[:n-4], s[n-4:]
	}
	return s, ""
}

// isOpening reports whether r opens a quotation or bracket, or is a dash
// after which a fresh clause may start.
func isOpening(r rune) bool {
	switch r {
	case '“', '‘', '"', '\'', '(', '[', '«', '‹', '„', '—', '–':
		return true
	}
	return false
}

// startsUpper reports whether s begins with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// --- the lexicon, asked about one word ---

// caps returns the capitalisation info of a lower-case key.
func (w *walker) caps(key []byte) (capInfo, bool) {
	var buf [64]byte
	k := lowerKey(buf[:0], string(key))
	return w.c.tables.lookup(keyHash(k), k)
}

// lowerLevel returns the level of the lower-case spelling key in the
// lexicon, or 0 when it is not listed.
func (c *Caser) lowerLevel(key string) uint8 {
	if e, ok := c.lex.Lookup(key); ok {
		return e.Level
	}
	return 0
}

// common reports whether key, in lower case, is an ordinary word (SCOWL
// level 60 or below): "sporting", "president", "turkey", "august".
func (c *Caser) common(key string) bool {
	l := c.lowerLevel(key)
	return l != 0 && l <= 60
}

// commonFold is common for a word in any case: "Market" is common because
// "market" is.
func (c *Caser) commonFold(word string) bool {
	level := uint8(0)
	c.lex.LookupFold(word, func(form string, e lexicon.Entry) bool {
		if shapeOf(form) == shapeLower {
			level = e.Level
			return false
		}
		return true
	})
	return level != 0 && level <= 60
}

// known reports whether the lexicon lists the word in any case.
func (c *Caser) known(word string) bool {
	found := false
	c.lex.LookupFold(word, func(string, lexicon.Entry) bool { found = true; return false })
	return found
}
