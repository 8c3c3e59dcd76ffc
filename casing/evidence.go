package casing

import (
	"unicode/utf8"

	"github.com/copyedit/copyedit/normalize"
)

// midSentence reports whether word token i stands inside a sentence, where
// its case is its own and not the position's: not the first word of a
// sentence or line, not after a colon, an opening quote or bracket.
func (w *walker) midSentence(i int) bool {
	toks := w.toks
	if toks[i].Flags&(normalize.SentenceStart|normalize.LineStart|normalize.ParaStart) != 0 {
		return false
	}
	if i >= 2 && toks[i-1].Kind == normalize.Space && toks[i-2].Kind == normalize.Word {
		return true // the common case: a word, a space, this word
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
	ev := &w.st.ev
	var kb [64]byte
	toks := w.toks
	for _, i32 := range w.s.words {
		i := int(i32)
		t := &toks[i]
		if t.Flags&(normalize.Title|normalize.Upper|normalize.Mixed) == 0 || w.inHeading(i, &hp) || !w.midSentence(i) {
			continue
		}
		base, _ := splitPossessive(w.text[t.Start:t.End])
		if utf8.RuneCountInString(base) < 2 {
			continue
		}
		key, h := w.wordKey(t.Start, t.End, &kb)
		if e := ev.find(h, key); e >= 0 {
			w.bump(e, 1, 0)
			continue
		}
		if e := ev.add(h, key, base); e >= 0 {
			ev.entries[e].caps = 1
		}
	}
}

// docEvidence capitalises the lower-case words that the document writes
// with a capital elsewhere at least as often, unless they are ordinary
// words in lower case too ("sporting director" beside "Sporting CP").
func (w *walker) docEvidence() {
	ev := &w.st.ev
	if len(ev.entries) == 0 && len(w.s.cands) == 0 {
		return
	}
	// The decisions of the other rules count as evidence, so that the
	// output cleaned again gives the same answer.
	added := false
	for _, c := range w.s.cands {
		if c.conf < w.sure || c.rule == RuleArticle || c.rule == RulePronounI || w.s.counted.has(c.tok) {
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
		w.s.counted.set(c.tok)
		base, _ := splitPossessive(c.new)
		w.s.buf = lowerKey(w.s.buf, base)
		h := keyHash(w.s.buf)
		if e := ev.find(h, w.s.buf); e >= 0 {
			w.bump(e, 1, -min(int(ev.entries[e].lows), 1))
		} else if e := ev.add(h, w.s.buf, base); e >= 0 {
			ev.entries[e].caps = 1
			added = true
		}
	}
	for _, c := range w.s.cands {
		if c.conf >= w.sure {
			w.s.decided.set(c.tok)
		}
	}
	if added {
		w.recountLows()
	}
	for _, r := range w.s.lowIdx {
		i := int(r.tok)
		if w.s.decided.has(i) {
			continue
		}
		e := &ev.entries[r.entry]
		if e.caps == 0 {
			continue
		}
		base, suf := splitPossessive(w.tokText(i))
		info := w.entryInfo(e)
		if info&infoPlain != 0 {
			continue
		}
		// A word the lexicon does not know at all needs one capitalised
		// use; a rare word ("kremlin", level 70) needs as many as it has
		// lower-case ones.
		if e.caps < e.lows && info&infoKnown != 0 {
			continue
		}
		if ev.formEqualFold(e, base) {
			w.add(i, recase(base, ev.form(e))+suf, RuleProperNoun, 0.8, "the document writes this name with a capital elsewhere")
		}
	}
}

// entryInfo returns what the lexicon says about an entry's word; it asks
// once per entry.
func (w *walker) entryInfo(e *evEntry) uint8 {
	if e.info&infoChecked == 0 {
		key := string(w.st.ev.arena[e.key : e.key+uint32(e.keyN)])
		e.info = infoChecked
		if particles()[key] || w.c.common(key) {
			e.info |= infoPlain
		}
		if w.c.known(key) {
			e.info |= infoKnown
		}
	}
	return e.info
}

// recountLows counts the lower-case mid-sentence uses of newly evidenced
// words, which the scan did not look for: the words of s.lowAll whose key
// now has an entry.
func (w *walker) recountLows() {
	ev := &w.st.ev
	all := w.s.lowAll
	n := 0
	for _, r := range all {
		i := int(r.tok)
		if w.s.decided.has(i) {
			all[n] = r
			n++
			continue
		}
		base, _ := splitPossessive(w.tokText(i))
		w.s.buf = lowerKey(w.s.buf, base)
		e := ev.find(r.hash, w.s.buf)
		if e < 0 {
			all[n] = r
			n++
			continue
		}
		w.bump(e, 0, 1)
		r.entry = int32(e)
		w.s.lowIdx = append(w.s.lowIdx, r)
	}
	w.s.lowAll = all[:n]
}
