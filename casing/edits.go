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
	evidence                  map[string]*evidence
	bf                        bloom // the keys of evidence
	titleHeads, sentenceHeads int
}

// evidence counts how a document writes one word mid-sentence outside
// headings: capitalised (as form) or in lower case.
type evidence struct {
	form       string
	caps, lows int
}

// maxEvidence bounds the words remembered per document, so that memory
// stays flat on endless input.
const maxEvidence = 1 << 16

func newDocState() *docState {
	return &docState{evidence: map[string]*evidence{}, bf: newBloom(1 << 15)}
}

// remember adds a word to the evidence.
func (st *docState) remember(key, form string) *evidence {
	if len(st.evidence) >= maxEvidence {
		return nil
	}
	e := &evidence{form: form}
	st.evidence[key] = e
	st.bf.add(hashString(key))
	return e
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
}

// scratch is the per-call working memory, pooled so that a clean document
// costs no allocation.
type scratch struct {
	cands    []cand
	heads    []heading
	headLows []int
	lowIdx   []int
	arts     []int
	buf      []byte
}

var scratchPool = sync.Pool{New: func() any { return &scratch{buf: make([]byte, 0, 64)} }}

// walker holds one call's view of a chunk.
type walker struct {
	// fixed holds the new text of the tokens other rules change, while
	// the headings are classified again.
	fixed map[int]string

	c    *Caser
	text string
	toks []normalize.Token
	st   *docState
	s    *scratch
}

// Edits returns the casing edits of d: sorted, not overlapping, nil when
// there is nothing to change.
func (c *Caser) Edits(d *normalize.Doc) []normalize.Edit {
	toks := d.Tokens()
	if len(toks) == 0 {
		return nil
	}
	st := normalize.Load(d.State(), stateKey{}, newDocState)
	s := scratchPool.Get().(*scratch)
	s.cands, s.heads, s.headLows, s.lowIdx, s.arts = s.cands[:0], s.heads[:0], s.headLows[:0], s.lowIdx[:0], s.arts[:0]
	defer scratchPool.Put(s)
	w := &walker{c: c, text: d.Text, toks: toks, st: st, s: s}
	w.findHeadings()
	w.collectEvidence()
	w.scan()
	w.givenNamesBeforeFixes()
	w.headingRule()
	w.docEvidence()
	w.articles()
	return w.edits()
}

// add proposes a candidate unless its rule is turned off.
func (w *walker) add(tok int, new, rule string, conf float64, msg string) {
	if w.c.disabled[rule] || new == w.toks[tok].Text(w.text) {
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
		if t.End < len(w.text) && !utf8.RuneStart(w.text[t.End]) {
			continue // next to bytes that are not UTF-8: leave them be
		}
		out = append(out, normalize.Edit{Start: t.Start, End: t.End, New: c.new, Rule: c.rule, Confidence: c.conf, Message: c.msg})
	}
	return out
}

// --- small token helpers ---

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

// lowerKey writes s in lower case into buf (with ’ as ') and returns it;
// it does not allocate for words shorter than buf's capacity.
func lowerKey(buf []byte, s string) []byte {
	buf = buf[:0]
	for _, r := range s {
		switch {
		case r == '’':
			buf = append(buf, '\'')
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf
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

// shapeFlags returns the case shape of a word token.
func isCapShape(t normalize.Token) bool {
	return t.Flags&(normalize.Title|normalize.Upper|normalize.Mixed) != 0 && t.Flags&normalize.Technical == 0
}

// startsUpper reports whether s begins with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// --- the lexicon, asked about one word ---

// caps returns the capitalisation info of a lower-case key.
func (w *walker) caps(key []byte) (capInfo, bool) {
	ci, ok := w.c.tables.caps[string(key)]
	return ci, ok
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

// known reports whether the lexicon lists the word in any case.
func (c *Caser) known(word string) bool {
	found := false
	c.lex.LookupFold(word, func(string, lexicon.Entry) bool { found = true; return false })
	return found
}
