package casing

import (
	"strings"
	"unicode/utf8"

	"github.com/copyedit/copyedit/normalize"
)

// midSentence reports whether word token i stands inside a sentence, where
// its case is its own and not the position's: not the first word of a
// sentence or line, not after a colon, an opening quote or bracket.
func (w *walker) midSentence(i int) bool {
	t := w.toks[i]
	if t.Flags&(normalize.SentenceStart|normalize.LineStart|normalize.ParaStart) != 0 {
		return false
	}
	p := w.prevSolid(i)
	if p < 0 {
		return false
	}
	r := w.punct(p)
	return r != ':' && !isOpening(r)
}

// collectEvidence records the words the chunk writes with a capital
// mid-sentence, outside headings: "a word the document writes capitalised
// mid-sentence elsewhere is a name here too".
func (w *walker) collectEvidence() {
	hp := 0
	ev := w.st.evidence
	for i, t := range w.toks {
		if t.Kind != normalize.Word || !isCapShape(t) || w.inHeading(i, &hp) || !w.midSentence(i) {
			continue
		}
		base, _ := splitPossessive(t.Text(w.text))
		if utf8.RuneCountInString(base) < 2 {
			continue
		}
		w.s.buf = lowerKey(w.s.buf, base)
		if w.st.bf.has(hashBytes(w.s.buf)) {
			if e, ok := ev[string(w.s.buf)]; ok {
				w.bump(e, 1, 0)
				continue
			}
		}
		if e := w.remember(string(w.s.buf), strings.Clone(base)); e != nil {
			e.caps = 1
		}
	}
}

// docEvidence capitalises the lower-case words that the document writes
// with a capital elsewhere at least as often, unless they are ordinary
// words in lower case too ("sporting director" beside "Sporting CP").
func (w *walker) docEvidence() {
	ev := w.st.evidence
	if len(ev) == 0 && len(w.s.cands) == 0 {
		return
	}
	// The decisions of the other rules count as evidence, so that the
	// output cleaned again gives the same answer.
	var added []string
	for _, c := range w.s.cands {
		if c.conf < normalize.DefaultThreshold || c.rule == RuleArticle || c.rule == RulePronounI || w.counted[c.tok] {
			continue
		}
		t := w.toks[c.tok]
		if !t.Is(normalize.Lower) || !w.midSentence(c.tok) {
			continue
		}
		hp := 0
		if w.inHeading(c.tok, &hp) {
			continue
		}
		if w.counted == nil {
			w.counted = map[int]bool{}
		}
		w.counted[c.tok] = true
		base, _ := splitPossessive(c.new)
		key := string(lowerKey(w.s.buf, base))
		if e, ok := ev[key]; ok {
			w.bump(e, 1, -min(e.lows, 1))
		} else if e := w.remember(key, base); e != nil {
			e.caps = 1
			added = append(added, key)
		}
	}
	decided := map[int]bool{}
	for _, c := range w.s.cands {
		if c.conf >= normalize.DefaultThreshold {
			decided[c.tok] = true
		}
	}
	if len(added) > 0 {
		w.recountLows(added, decided)
	}
	for _, i := range w.s.lowIdx {
		if decided[i] {
			continue
		}
		base, suf := splitPossessive(w.tokText(i))
		w.s.buf = lowerKey(w.s.buf, base)
		e := ev[string(w.s.buf)]
		if e == nil || e.caps == 0 || particles()[base] || w.c.common(base) {
			continue
		}
		// A word the lexicon does not know at all needs one capitalised
		// use; a rare word ("kremlin", level 70) needs as many as it has
		// lower-case ones.
		if e.caps < e.lows && w.c.known(base) {
			continue
		}
		if strings.EqualFold(e.form, base) {
			w.add(i, recase(base, e.form)+suf, RuleProperNoun, 0.8, "the document writes this name with a capital elsewhere")
		}
	}
}

// recountLows counts the lower-case mid-sentence uses of newly evidenced
// words, which the scan did not look for.
func (w *walker) recountLows(keys []string, decided map[int]bool) {
	want := make(map[string]bool, len(keys))
	for _, k := range keys {
		want[k] = true
	}
	hp := 0
	for i, t := range w.toks {
		if t.Kind != normalize.Word || !t.Is(normalize.Lower) || w.inHeading(i, &hp) || decided[i] || !w.midSentence(i) {
			continue
		}
		base, _ := splitPossessive(t.Text(w.text))
		w.s.buf = lowerKey(w.s.buf, base)
		if !want[string(w.s.buf)] {
			continue
		}
		if e := w.st.evidence[string(w.s.buf)]; e != nil {
			w.bump(e, 0, 1)
		}
		w.s.lowIdx = append(w.s.lowIdx, i)
	}
}
