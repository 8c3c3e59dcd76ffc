package spelling

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/copyedit/copyedit/lexicon"
	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spelling/internal/vocab"
)

// evidenceKey keys the pass's per-document evidence in normalize.State.
type evidenceKey struct{}

// evidence is what the document says about its unknown words.
type evidence struct {
	// counts holds how often each unknown word form occurs in the chunk,
	// in lower case: counts[w] is an index into tally (a map put would
	// store its key again, and the key is a buffer on the stack).
	counts map[string]int32
	tally  []int32
	// capitalized holds the lower case of unknown words written with a
	// capital in the middle of a sentence: names ("Ivanova").
	capitalized map[string]bool
	// decisions caches the verdicts on unknown words.
	decisions map[decisionKey]decision
	// american and british count the words spelt only one way or the
	// other ("color", "colour"): the document's preferred spelling.
	american, british int
}

func newEvidence() *evidence {
	return &evidence{counts: map[string]int32{}, capitalized: map[string]bool{}, decisions: map[decisionKey]decision{}}
}

// countLocale counts a known word spelt the way of one locale only.
func (ev *evidence) countLocale(r lexicon.Region) {
	switch r.Spelling() {
	case lexicon.USOnly:
		ev.american++
	case lexicon.CommonwealthOnly:
		ev.british++
	}
}

// repeatedUse is how many times a document must use an unknown word for
// the pass to take it as deliberate (a name, a term: "Archyde" eight times)
// and leave it alone.
const repeatedUse = 3

// maxRemembered bounds the unknown words a document's evidence remembers.
const maxRemembered = 20000

// maxDecisions bounds the cached decisions on unknown words: each holds an
// edit with its suggestions (a few hundred bytes), and a news document has
// far fewer distinct unknown words.
const maxDecisions = 4096

// maxRounds bounds how often the words are decided again with their
// neighbours' corrections.
const maxRounds = 3

// suggestOnly returns the confidence given to a correction that is only to
// be suggested, conf at most: below t, the pipeline's threshold (0.45 for
// the default 0.5).
func suggestOnly(conf, t float64) float64 { return min(conf, t*0.9) }

// minSuggest is the least confidence a correction needs to be reported
// at all, as a suggestion.
const minSuggest = 0.2

// minTypoLen is the shortest word the noisy channel corrects: shorter
// unknown words ("ot", "fo") have too many equally likely corrections.
const minTypoLen = 3

// Edits returns the spelling edits of d: corrections of unknown words (made
// when the evidence is strong, suggested otherwise), real-word errors in
// fixed phrases, and, with a locale, the other locale's spellings.
func (s *Speller) Edits(d *normalize.Doc) []normalize.Edit {
	text := d.Text
	toks := d.Tokens()
	ev := normalize.Load(d.State(), evidenceKey{}, newEvidence)
	// The counts are the chunk's own: counts carried from earlier chunks
	// would protect a word in one cleaning and not in the next, once the
	// earlier occurrences are fixed, and cleaning must be idempotent.
	clear(ev.counts)
	ev.tally = ev.tally[:0]
	// The caches hold a document's distinct unknown words; a stream of any
	// length must keep its memory flat.
	if len(ev.decisions) > maxDecisions {
		clear(ev.decisions)
	}
	if len(ev.capitalized) > maxRemembered {
		clear(ev.capitalized)
	}

	// First pass: look every word up, and note the unknown ones and the
	// document's evidence about them.
	sn := scan{s: s, text: text, ev: ev, hot: s.hot(), confusions: !s.disabled[RuleConfusion]}
	sn.run(toks)
	todo, todoPara, paras, edits, starts := sn.todo, sn.todoPara, sn.paras, sn.edits, sn.starts
	// A paragraph with many unknown words is in another language, or not
	// prose (code, a list of names): its words are no typos to correct.
	kept := todo[:0]
	for k, i := range todo {
		if !paras[todoPara[k]].foreign() {
			kept = append(kept, i)
		}
	}
	todo = kept
	sc := s.pool.Get().(*scratch)
	defer s.pool.Put(sc)
	// A correction can change the context of a neighbour ("thes topicx":
	// once topicx reads topics, thes reads these). So the words are
	// decided again with their neighbours' corrections until nothing
	// changes, as a second cleaning of the output would decide them.
	// A word whose context reads no correction that changed keeps its
	// verdict of the round before.
	// The corrections are evidence of the document's locale too, as words
	// the next cleaning will know ("whhizz" → "whizz" is British): when
	// they change the locale the corrections use, every word is decided
	// again with it.
	var fixed, next map[int]string
	var found []normalize.Edit
	verdicts := make([]verdict, len(todo))
	var changed []int // the words whose correction changed, in order
	american, british := ev.american, ev.british
	locale := s.preferred(ev)
	relocale := false
	for round := 0; round < maxRounds; round++ {
		found = found[:0]
		next = map[int]string{}
		for k, i := range todo {
			if round == 0 || relocale || readsAny(changed, i, verdicts[k].first, verdicts[k].last) {
				verdicts[k] = s.correct(sc, d, toks, i, ev, fixed)
			}
			v := &verdicts[k]
			if !v.ok || s.disabled[v.edit.Rule] {
				continue
			}
			found = append(found, v.edit)
			if v.edit.Sure() >= d.EditThreshold() && v.edit.End == toks[i].End {
				next[i] = v.edit.New
			}
		}
		ev.american, ev.british = american, british
		s.addLocaleEvidence(ev, found, d.EditThreshold())
		now := s.preferred(ev)
		relocale, locale = now != locale, now
		if !relocale && (maps.Equal(next, fixed) || len(todo) < 2) {
			break
		}
		changed = changedKeys(fixed, next, changed[:0])
		fixed = next
	}
	// Confusion phrases are read with the typos corrected ("Lyav a
	// replay" is "Leave a replay" once cleaned), and win over a typo edit
	// of the same word (sortEdits keeps the first).
	if s.confusions != nil && !s.disabled[RuleConfusion] {
		for i, w := range next {
			var buf [32]byte
			if lw, ok := lowerInto(buf[:], w); ok && len(w) <= len(buf) && s.confusions[lw] != nil {
				starts = append(starts, i)
			}
		}
	}
	if len(starts) > 0 {
		slices.Sort(starts)
		edits = append(edits, s.confusionEdits(text, toks, slices.Compact(starts), next)...)
	}
	edits = append(edits, found...)
	if len(edits) == 0 {
		return nil
	}
	return sortEdits(edits)
}

// scan is the first loop of Edits: it looks every word up and notes the
// unknown ones, the paragraphs' counts of words, the document's evidence,
// the words that may start a confusion phrase, and the locale edits. The
// common word, nine in ten, costs a packed key and one table probe, in a
// loop kept small so that its values stay in registers; any other word
// goes to word.
type scan struct {
	s          *Speller
	text       string
	ev         *evidence
	hot        *vocab.Hot
	confusions bool

	toks     []normalize.Token
	todo     []int       // indexes of the unknown words
	todoPara []int       // their paragraphs
	paras    []paragraph // lower-case words known and unknown, by paragraph
	starts   []int       // indexes of words that may start a confusion phrase
	edits    []normalize.Edit
}

func (sn *scan) run(toks []normalize.Token) {
	sn.toks = toks
	text := sn.text
	hot := sn.hot
	ps := &sn.s.starts
	confusions := sn.confusions
	sn.paras = append(sn.paras[:0], paragraph{})
	para := &sn.paras[0]
	first := true
	for i := range toks {
		t := &toks[i]
		if t.Flags&normalize.ParaStart != 0 && !first {
			sn.paras = append(sn.paras, paragraph{})
			para = &sn.paras[len(sn.paras)-1]
		}
		first = false
		if t.Kind != normalize.Word {
			continue
		}
		// A word of up to eight letters has one key for both tables: its
		// lower case, packed (vocab.KeyAt, its fast path written out).
		var key uint64
		hasKey := false
		short := false
		if n := t.End - t.Start; n <= 8 && t.Start+8 <= len(text) {
			w8 := text[t.Start:]
			_ = w8[7]
			x := uint64(w8[0]) | uint64(w8[1])<<8 | uint64(w8[2])<<16 | uint64(w8[3])<<24 |
				uint64(w8[4])<<32 | uint64(w8[5])<<40 | uint64(w8[6])<<48 | uint64(w8[7])<<56
			const ones, highs = 0x0101010101010101, 0x8080808080808080
			mask := ^uint64(0) >> (64 - 8*uint(n))
			x &= mask
			if x&highs == 0 {
				x |= 0x2020202020202020 & mask
				ge := x + (0x80-'a')*ones
				gt := x + (0x80-'z'-1)*ones
				if (ge&^gt)&highs&mask == highs&mask {
					key, hasKey, short = x, true, true
				}
			}
		} else {
			key, hasKey = vocab.KeyAt(text, t.Start, t.End)
			short = hasKey && t.End-t.Start <= 8
		}
		if confusions && (short && ps.has(key) || !short && ps.long) {
			sn.starts = append(sn.starts, i)
		}
		if t.Flags&normalize.Technical != 0 {
			continue
		}
		// Most words are common ones: known, and common to every locale.
		if hasKey && hot != nil && hot.Has(key) {
			para.words++
			continue
		}
		sn.word(i, t, para)
	}
}

// word looks up the word toks[i] (t), in paragraph para, which is not a
// common word.
func (sn *scan) word(i int, t *normalize.Token, para *paragraph) {
	s, ev := sn.s, sn.ev
	w := t.Text(sn.text)
	shape := lowerCase
	if t.Is(normalize.Title) {
		shape = titleCase
	}
	// A word in capitals ("TEH", "McGonagall") is never corrected, but it
	// counts as the same word in lower case would: the casing pass writes
	// "teh" as "TEH" where the document does, and the next cleaning must
	// find the same evidence.
	caps := t.Flags&(normalize.Upper|normalize.Mixed) != 0
	k, e := s.known(w, shape)
	switch k {
	case known:
		if caps {
			para.words++
			return
		}
		if shape == titleCase {
			// The locale counts a capitalized word as its lower-case
			// word ("Grey" as "grey"), whatever the capital says (a
			// name, a sentence start): the casing pass capitalizes words.
			ev.countLocale(s.lowerRegion(w))
		} else {
			ev.countLocale(e.Region)
		}
		if s.toLocale != nil && shape == lowerCase && !accepted(e, s.locale) && !s.disabled[RuleLocale] {
			if to, ok := s.toLocale[w]; ok {
				sn.edits = append(sn.edits, normalize.Edit{
					Start: t.Start, End: t.End, New: to, Rule: RuleLocale, Confidence: 0.9,
					Message: fmt.Sprintf("%s spelling: %s", s.locale, to),
				})
			}
		}
		para.words++
		return
	case otherCase, weak:
		para.words++
		return
	}
	if (shape == titleCase || caps) && !t.Is(normalize.LineStart) && !sn.startsSentence(i) {
		// A name: remembered in lower case, allocated once.
		var buf [64]byte
		if lw := lowered(buf[:], w); !ev.capitalized[lw] {
			ev.capitalized[strings.Clone(lw)] = true
		}
	}
	// Counted in lower case: the casing pass capitalizes a sentence's
	// first word, and the count must not change when it does.
	var buf [64]byte
	lw := lowered(buf[:], w)
	if k, ok := ev.counts[lw]; ok {
		ev.tally[k]++
	} else {
		ev.counts[strings.Clone(lw)] = int32(len(ev.tally))
		ev.tally = append(ev.tally, 1)
	}
	para.words++
	para.unknown++
	if caps {
		return
	}
	sn.todo = append(sn.todo, i)
	sn.todoPara = append(sn.todoPara, len(sn.paras)-1)
}

// startsSentence is startsSentence of toks[i], with no corrections yet.
func (sn *scan) startsSentence(i int) bool {
	ok, _ := startsSentence(sn.text, sn.toks, i, nil)
	return ok
}

// addLocaleEvidence counts the spellings of the corrections made (at or
// above the threshold t, not the suggestions) in the document's locale
// evidence.
func (s *Speller) addLocaleEvidence(ev *evidence, fixes []normalize.Edit, t float64) {
	for _, e := range fixes {
		if e.Sure() >= t {
			ev.countLocale(s.lowerRegion(e.New))
		}
	}
}

// lowerRegion returns the region of w's lower-case word if the lexicon
// knows it (not only weakly), else 0: a region of no locale.
func (s *Speller) lowerRegion(w string) lexicon.Region {
	var buf [64]byte
	if k, e := s.known(lowered(buf[:], w), lowerCase); k == known {
		return e.Region
	}
	return 0
}

// repeated reports whether the chunk uses the unknown word w at least
// repeatedUse times, counted in lower case.
func repeated(ev *evidence, w string) bool {
	var buf [64]byte
	k, ok := ev.counts[lowered(buf[:], w)]
	return ok && ev.tally[k] >= repeatedUse
}

// verdict is correct's answer on an unknown word, with the first and last
// tokens whose corrections (in fixed) it read: a round whose corrections
// agree with those of the round that gave the verdict there gives it again.
type verdict struct {
	edit        normalize.Edit
	ok          bool
	first, last int
}

// correct decides on the unknown word toks[i].
func (s *Speller) correct(sc *scratch, d *normalize.Doc, toks []normalize.Token, i int, ev *evidence, fixed map[int]string) verdict {
	text := d.Text
	t := toks[i]
	w := t.Text(text)
	start, end := t.Start, t.End
	if stem, ok := possessiveStem(w); ok {
		w, end = stem, t.Start+len(stem)
	}
	shape := lowerCase
	keep := model.costKeep
	sentStart, first := startsSentence(text, toks, i, fixed)
	atStart := sentStart || t.Is(normalize.LineStart)
	if t.Is(normalize.Title) {
		// A capitalized unknown word is a name unless it starts a
		// sentence or line.
		if !atStart {
			return verdict{first: i, last: i}
		}
		shape = titleCase
	}
	if atStart {
		// At a start a word is judged alike in either case, with a dearer
		// correction (it may be a name): the casing pass capitalizes
		// "draftines" there, and the next cleaning reads "Draftines".
		keep = model.costKeepTitle
	}
	if utf8.RuneCountInString(w) < minTypoLen || strings.ContainsAny(w, "'’") {
		return verdict{first: i, last: i}
	}
	// A word the chunk uses often, in any case, or writes capitalized
	// mid-sentence, is the writer's word.
	if repeated(ev, t.Text(text)) {
		return verdict{first: i, last: i}
	}
	lw, ok := lowerInto(sc.lower[:], w)
	if !ok || ev.capitalized[lw] {
		return verdict{first: i, last: i}
	}
	if !strings.ContainsAny(lw, "aeiouy") || roman(lw) {
		// Not ASCII letters; no vowel: an abbreviation ("mps", "kwh"); or
		// a Roman numeral ("vii", "xiv").
		return verdict{first: i, last: i}
	}
	// A sentence's first word is judged by its context alike in either
	// case ("farth A", "Farth A"), so that cleaning again changes nothing.
	if nameContext(text, toks, i, s) {
		return verdict{first: i, last: i}
	}
	ctx, last := s.contextAt(text, toks, i, fixed, ev)
	key := decisionKey{word: lw, shape: shape, atStart: atStart, plural: ctx.nextPlural, singular: ctx.nextSingular, locale: ctx.locale}
	dec, ok := ev.decisions[key]
	if !ok {
		if dec, ok = s.cache.get(key); !ok {
			dec = s.decide(sc, lw, w, shape, atStart, keep, ctx)
		}
		key.word = strings.Clone(lw)
		ev.decisions[key] = dec
		if !ok {
			s.cache.put(key, dec)
		}
	}
	if !dec.ok {
		return verdict{first: first, last: last}
	}
	e := dec.edit
	e.Start, e.End = start, end
	// Suggested only: a correction without the margin an edit needs; one
	// of a word glued to a period ("Russia.ukrain", "AAAA.hhe"), which the
	// spacing pass separates or not depending on the word (a capital, a
	// word that opens sentences); and one to a short word or an
	// abbreviation before a period glued to letters ("iin.I.Its" →
	// "in.I.Its" reads as the abbreviation "in.I.", which the spacing pass
	// separates from the next word). Made, each would make the next
	// cleaning change the text again.
	if dec.tentative || normalize.GluedToPeriod(text, toks, i) || shortForm(e.New) && beforeGluedPeriod(text, toks, i) {
		e.Confidence = suggestOnly(e.Sure(), d.EditThreshold())
	}
	return verdict{edit: e, ok: true, first: first, last: last}
}

// readsAny reports whether a verdict on word i whose context read the
// corrections of the words from first to last reads one of changed
// (sorted).
func readsAny(changed []int, i, first, last int) bool {
	k, _ := slices.BinarySearch(changed, first)
	for ; k < len(changed) && changed[k] <= last; k++ {
		if changed[k] != i {
			return true
		}
	}
	return false
}

// startsSentence reports whether the word toks[i] starts a sentence as the
// tokenizer reads the text once cleaned: not after a period that follows
// an abbreviation in any case or once corrected ("dr. smith", "ect.) the"),
// which the casing and spelling passes make "Dr." and "etc.", after which
// no sentence starts. It returns too the word before the period, whose
// correction it read (i if none).
func startsSentence(text string, toks []normalize.Token, i int, fixed map[int]string) (bool, int) {
	if !toks[i].Is(normalize.SentenceStart) {
		return false, i
	}
	j := i - 1
	for j > 0 && (toks[j].Kind == normalize.Space || toks[j].Kind == normalize.Punct && !terminator(text[toks[j].Start])) {
		j--
	}
	if j < 1 || toks[j].Kind != normalize.Punct || text[toks[j].Start] != '.' || toks[j-1].Kind != normalize.Word {
		return true, i
	}
	w := toks[j-1].Text(text)
	if f, ok := fixed[j-1]; ok {
		w = f
	}
	return !abbreviationAnyCase(w), j - 1
}

// shortForm reports whether w reads as part of a dotted abbreviation
// before a period: two letters at most, or a listed abbreviation.
func shortForm(w string) bool {
	return utf8.RuneCountInString(w) <= 2 || abbreviationAnyCase(w)
}

// beforeGluedPeriod reports whether the word toks[i] is followed by a
// period and, with no space, a letter ("iin.I").
func beforeGluedPeriod(text string, toks []normalize.Token, i int) bool {
	j := i + 1
	if j >= len(toks) || toks[j].Start != toks[i].End || toks[j].Kind != normalize.Punct || text[toks[j].Start] != '.' {
		return false
	}
	e := toks[j].End
	return e < len(text) && (text[e]|0x20 >= 'a' && text[e]|0x20 <= 'z' || text[e] >= 0x80)
}

func terminator(c byte) bool { return c == '.' || c == '!' || c == '?' }

// abbreviationAnyCase reports whether w, in its own case, in lower case or
// capitalized, is a listed abbreviation.
func abbreviationAnyCase(w string) bool {
	if len(w) > 8 {
		return false // no listed abbreviation is longer
	}
	if normalize.IsAbbreviation(w) {
		return true
	}
	// Every listed abbreviation is ASCII letters: its lower case and its
	// capitalized form, in a buffer.
	var buf [8]byte
	lw, ok := lowerInto(buf[:], w)
	if !ok {
		return false
	}
	if normalize.IsAbbreviation(lw) {
		return true
	}
	buf[0] -= 'a' - 'A'
	return 'A' <= buf[0] && buf[0] <= 'Z' && normalize.IsAbbreviation(unsafeString(buf[:len(w)]))
}

// changedKeys appends to out, sorted, the words whose correction differs
// between a and b (or that only one corrects).
func changedKeys(a, b map[int]string, out []int) []int {
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			out = append(out, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// roman reports whether w is a well-formed Roman numeral in lower case,
// from 1 to 3999.
func roman(w string) bool {
	if w == "" {
		return false
	}
	// Thousands, hundreds, tens, units: each a fixed set of forms.
	rest := w
	for _, digits := range [4][]string{
		{"mmm", "mm", "m"},
		{"cm", "dccc", "dcc", "dc", "d", "cd", "ccc", "cc", "c"},
		{"xc", "lxxx", "lxx", "lx", "l", "xl", "xxx", "xx", "x"},
		{"ix", "viii", "vii", "vi", "v", "iv", "iii", "ii", "i"},
	} {
		for _, d := range digits {
			if strings.HasPrefix(rest, d) {
				rest = rest[len(d):]
				break
			}
		}
	}
	return rest == ""
}

// paragraph counts a paragraph's words and the unknown ones. The counts
// must not change when the casing pass capitalizes a word, or cleaning the
// output again could decide otherwise: so every word counts, in any case,
// and an unknown word counts as unknown whether or not it looks like a
// name (the casing pass makes names of unknown words before a surname, and
// a capital there is evidence on the next cleaning).
type paragraph struct{ words, unknown int }

// foreign reports whether so many of the paragraph's words are unknown that
// it is not English prose: at least four, and more than a third.
func (p paragraph) foreign() bool { return p.unknown >= 4 && p.unknown*3 > p.words }

// decisionKey is what a decision on an unknown word depends on.
type decisionKey struct {
	word             string
	shape            wordCase
	atStart          bool
	plural, singular bool
	locale           Locale
}

// decision is the pass's verdict on an unknown word in a context: the edit
// (without its place), if any. A document keeps its decisions, so a word it
// repeats is ranked once.
type decision struct {
	edit normalize.Edit
	ok   bool
	// tentative: the correction lacks the margin over the word itself
	// that an edit needs; it is only suggested.
	tentative bool
}

// decide ranks the corrections of the unknown word lw (lower case; w as
// written, atStart if it starts a sentence or line) and returns the edit to
// make or suggest.
func (s *Speller) decide(sc *scratch, lw, w string, shape wordCase, atStart bool, keep float64, ctx context) decision {
	rule := RuleTypo
	curatedFix, isCurated := curated(lw)
	// A word at a start, which may be a name, is judged as a capitalized
	// one in either case. A capitalized word three edits from any word is
	// a name: its edit would need a confidence that so far a correction
	// never has.
	judgedLower := shape == lowerCase && !atStart
	cands := s.rank(sc, lw, keep, ctx, judgedLower, curatedFix, isCurated)
	if len(cands) == 0 {
		return decision{}
	}
	best := cands[0]
	conf := best.Confidence
	if conf < minSuggest || (shape == titleCase && conf < normalize.DefaultThreshold) {
		// Too weak to be worth a reader's time; a capitalized word that
		// is not surely a typo is a name.
		return decision{}
	}
	// Likelier than the word being right, but not by the margin an edit
	// needs ("edtech" is no slip of "detach"): a suggestion. (A
	// capitalized word already needs more: its keep cost is lower.)
	tentative := judgedLower && best.Cost > keep-keepMargin(sc.best)
	if isCurated && curatedFix == best.Word {
		rule = RuleMisspelling
	}
	// Confidence must not read 0, which means certain.
	conf = max(conf, 0.001)
	alts := make([]string, 0, len(cands)-1)
	for _, c := range cands[1:] {
		alts = append(alts, applyCase(c.Word, shape))
	}
	fix := applyCase(best.Word, shape)
	return decision{ok: true, tentative: tentative, edit: normalize.Edit{
		New: fix, Rule: rule, Confidence: conf, Alternatives: alts,
		Message: fmt.Sprintf("unknown word %q: did you mean %q?", w, fix),
	}}
}

// keepMargin is how much likelier than the word itself a correction must
// be to be made.
func keepMargin(c ranked) float64 {
	if c.dist == 1 && c.slip <= nat(model.likelySlip) {
		return model.likelySlipMargin
	}
	return model.keepMargin
}

// nameContext reports whether the lower-case word toks[i] sits where a
// name does: right after a title abbreviation ("Prof. adaeze Nwosu") or
// right before a capitalized word that is not a common word ("priya
// Raghunathan"): a first name written in lower case is the casing pass's
// to fix, not a typo.
func nameContext(text string, toks []normalize.Token, i int, s *Speller) bool {
	if j := prevWord(toks, i); j >= 0 && toks[j].Kind == normalize.Abbrev && toks[j].Is(normalize.Title) {
		return true
	}
	j := nextWordSpace(toks, i)
	if j < 0 {
		return false
	}
	n := toks[j]
	if initialAt(text, toks, j) {
		// "fooslcap S. Couitesan": a first name before a middle initial.
		// Whether the tokenizer reads "S." as an initial depends on the
		// case of the word after it, which the casing pass may change.
		return true
	}
	if n.Kind != normalize.Word || !n.Is(normalize.Title) {
		return false
	}
	if ss, _ := startsSentence(text, toks, j, nil); ss {
		return false
	}
	k, _ := s.known(n.Text(text), titleCase)
	return k != known || isNameEntry(s, n.Text(text))
}

// initialAt reports whether toks[j] is a capital letter with its period
// that could be a name's initial (B to Z but I, as the tokenizer reads
// them): an abbreviation token ("S." before "Couitesan") or a letter
// before a period ("S" before ". couitesan").
func initialAt(text string, toks []normalize.Token, j int) bool {
	t := toks[j]
	if t.End-t.Start != 1 && !(t.Kind == normalize.Abbrev && t.End-t.Start == 2) {
		return false
	}
	if c := text[t.Start]; c < 'B' || c > 'Z' || c == 'I' {
		return false
	}
	if t.Kind == normalize.Abbrev {
		return true
	}
	return t.Kind == normalize.Word && j+1 < len(toks) && toks[j+1].Kind == normalize.Punct && text[toks[j+1].Start] == '.'
}

// isNameEntry reports whether the lexicon lists word as a name.
func isNameEntry(s *Speller, word string) bool {
	e, ok := s.lex.Lookup(word)
	return ok && e.Class != 1 // not lexicon.Word
}

// prevWord returns the index of the token before toks[i] across one space,
// or -1.
func prevWord(toks []normalize.Token, i int) int {
	if i >= 2 && toks[i-1].Kind == normalize.Space {
		return i - 2
	}
	return -1
}

// nextWordSpace returns the index of the token after toks[i] across one
// space, or -1.
func nextWordSpace(toks []normalize.Token, i int) int {
	if i+2 < len(toks) && toks[i+1].Kind == normalize.Space {
		return i + 2
	}
	return -1
}

// maxPhraseWords bounds how far the context looks for a noun.
const maxPhraseWords = 4

// contextAt reads the context of toks[i]: the head noun of the words that
// follow it, up to a function word or punctuation other than a hyphen. It
// returns too the last token whose correction it read (i if none).
func (s *Speller) contextAt(text string, toks []normalize.Token, i int, fixed map[int]string, ev *evidence) (context, int) {
	var ctx context
	last := i
	head := ""
	words := 0
	for j := i + 1; j < len(toks) && words < maxPhraseWords; j++ {
		t := toks[j]
		switch t.Kind {
		case normalize.Space:
			if t.End-t.Start > 1 && strings.ContainsAny(t.Text(text), "\t") {
				j = len(toks)
			}
			continue
		case normalize.Punct:
			if t.Text(text) == "-" && head != "" {
				continue
			}
		case normalize.Word:
			w := t.Text(text)
			last = j
			if f, ok := fixed[j]; ok {
				w = f
			}
			if t.Flags&normalize.Lower == 0 {
				if t.Flags&normalize.Title == 0 {
					j = len(toks)
					continue
				}
				// Read in lower case: the casing pass capitalizes the
				// words of a title-case heading ("tghat keypunches" →
				// "tghat Keypunches"), and the next cleaning must read
				// the same number.
				w = strings.ToLower(w)
			}
			if functionWords[w] || !s.lex.Contains(w) {
				// A function word ends the noun phrase; an unknown word
				// (another typo) says nothing.
				j = len(toks)
				continue
			}
			head = w
			words++
			continue
		}
		break
	}
	if head != "" {
		ctx.next = head
		plural, ok := s.number(head)
		ctx.nextPlural = ok && plural
		ctx.nextSingular = ok && !plural
	}
	ctx.locale = s.preferred(ev)
	return ctx, last
}

// confusionEdits finds the confusion phrases that start at the words
// toks[i] for i in starts: word tokens separated by single spaces,
// compared without case.
func (s *Speller) confusionEdits(text string, toks []normalize.Token, starts []int, fixed map[int]string) []normalize.Edit {
	var edits []normalize.Edit
	var buf [32]byte
	var idxBuf [8]int // the words of a phrase: no allocation for the usual few
	for _, i := range starts {
		w := wordAt(text, toks, i, fixed)
		if len(w) > len(buf) {
			continue
		}
		lw, ok := lowerInto(buf[:], w)
		if !ok {
			continue
		}
		phrases, ok := s.confusions[lw]
		if !ok {
			continue
		}
		for _, p := range phrases {
			idx, ok := matchPhrase(text, toks, i, p.wrong, fixed, idxBuf[:])
			if !ok {
				continue
			}
			for k, j := range idx {
				if p.wrong[k] == p.right[k] {
					continue
				}
				w := wordAt(text, toks, j, fixed)
				fix := p.right[k]
				if caseOf(w) != lowerCase {
					fix = applyCase(fix, caseOf(w))
				}
				edits = append(edits, normalize.Edit{
					Start: toks[j].Start, End: toks[j].End, New: fix, Rule: RuleConfusion, Confidence: 0.9,
					Message: fmt.Sprintf("%q is usually written %q", strings.Join(p.wrong, " "), strings.Join(p.right, " ")),
				})
			}
			break
		}
	}
	return edits
}

// wordAt returns word toks[i] as the typo corrections in fixed write it.
func wordAt(text string, toks []normalize.Token, i int, fixed map[int]string) string {
	if w, ok := fixed[i]; ok {
		return w
	}
	return toks[i].Text(text)
}

// matchPhrase reports whether the words of phrase start at toks[i], each
// separated by one space and written as fixed corrects them, and returns
// their token indexes. A word with capitals inside ("ReplAY") is no word
// of a phrase.
func matchPhrase(text string, toks []normalize.Token, i int, phrase []string, fixed map[int]string, buf []int) ([]int, bool) {
	idx := buf[:0]
	j := i
	for k, w := range phrase {
		if k > 0 {
			if j+1 >= len(toks) || toks[j+1].Kind != normalize.Space || j+2 >= len(toks) {
				return nil, false
			}
			j += 2
		}
		t := toks[j]
		if t.Kind != normalize.Word {
			return nil, false
		}
		if tw := wordAt(text, toks, j, fixed); !strings.EqualFold(tw, w) || caseOf(tw) == otherShape {
			return nil, false
		}
		idx = append(idx, j)
	}
	// The phrase must end at a word boundary: not glued to a further
	// word by a hyphen or apostrophe.
	if j+1 < len(toks) && toks[j+1].Kind == normalize.Punct && toks[j+1].Text(text) == "-" {
		return nil, false
	}
	return idx, true
}

// sortEdits sorts edits by start and drops any that overlaps an earlier
// one (a confusion phrase wins over a typo inside it).
func sortEdits(edits []normalize.Edit) []normalize.Edit {
	slices.SortStableFunc(edits, func(a, b normalize.Edit) int { return a.Start - b.Start })
	out := edits[:0]
	last := -1
	for _, e := range edits {
		if e.Start < last {
			continue
		}
		out = append(out, e)
		last = e.End
	}
	return out
}

// phraseStarts filters words for the first words of the confusion phrases:
// a word that is none of them (nearly every word) is rejected by one probe
// of a small table of packed keys (foldKey), cheaper than the map lookup
// it spares.
type phraseStarts struct {
	keys []uint64 // open addressing, linear probing, 0 empty
	// filter has bit h>>56 set for the hash h of each key: it rejects
	// nearly every other word without a probe (a probe that misses must
	// run on to an empty slot).
	filter [4]uint64
	// long is set when some first word has no key: then every word
	// without one must be looked up.
	long bool
}

func newPhraseStarts(confusions map[string][]phrase) phraseStarts {
	size := 16
	for size < 2*len(confusions) {
		size *= 2
	}
	ps := phraseStarts{keys: make([]uint64, size)}
	for w := range confusions {
		k, ok := foldKey(w)
		if !ok {
			ps.long = true
			continue
		}
		h := phraseHash(k)
		ps.filter[h>>62] |= 1 << (h >> 56 & 63)
		i := ps.slot(k)
		for ps.keys[i] != 0 {
			i = (i + 1) & (len(ps.keys) - 1)
		}
		ps.keys[i] = k
	}
	return ps
}

func phraseHash(k uint64) uint64 { return k * 0x9e3779b97f4a7c15 }

func (ps *phraseStarts) slot(k uint64) int {
	return int(phraseHash(k) >> 58 & uint64(len(ps.keys)-1))
}

// has reports whether the word with key k starts a phrase.
func (ps *phraseStarts) has(k uint64) bool {
	if h := phraseHash(k); ps.filter[h>>62]>>(h>>56&63)&1 == 0 {
		return false
	}
	for i := ps.slot(k); ; i = (i + 1) & (len(ps.keys) - 1) {
		switch ps.keys[i] {
		case k:
			return true
		case 0:
			return false
		}
	}
}

// foldKey packs a word of one to eight ASCII letters, in lower case, into
// an integer (little-endian): the common-word table's key (vocab.Key) of a
// short word.
func foldKey(w string) (uint64, bool) {
	if len(w) > 8 {
		return 0, false
	}
	return vocab.Key(w)
}
