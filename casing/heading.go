package casing

import (
	"github.com/copyedit/copyedit/normalize"
)

// Heading limits: a heading is a one-line paragraph of 2 to maxHeadingWords
// words and at most maxHeadingTokens tokens, without final punctuation.
const (
	maxHeadingWords  = 16
	maxHeadingTokens = 64
)

// findHeadings lists the one-line paragraphs that look like headings, with
// how their words are cased. It reads the lines from w.s.nls.
func (w *walker) findHeadings() {
	toks := w.toks
	nls := w.s.nls
	lineStart := 0
	for k := 0; k <= len(nls); k++ {
		i := len(toks) // the line's end: a Newline token or the end
		if k < len(nls) {
			i = int(nls[k])
		}
		a, b := lineStart, i
		lineStart = i + 1
		if a >= b {
			continue
		}
		// The line must be a whole paragraph: begin one and be followed by
		// a blank line or the end of the text.
		first := a
		for first < b && toks[first].Kind == normalize.Space {
			first++
		}
		if first == b || !toks[first].Is(normalize.ParaStart) || !w.paraEndsAt(i) {
			continue
		}
		if h, ok := w.classifyHeading(first, b); ok {
			w.s.heads = append(w.s.heads, h)
		} else if h.label {
			w.s.labels = append(w.s.labels, [2]int32{int32(first), int32(b)})
		}
	}
}

// paraEndsAt reports whether the newline at toks[i] (or the end, i ==
// len) ends a paragraph: a blank line or the end of the text follows.
func (w *walker) paraEndsAt(i int) bool {
	toks := w.toks
	if i >= len(toks) {
		return true
	}
	for j := i + 1; j < len(toks); j++ {
		switch toks[j].Kind {
		case normalize.Space:
			continue
		case normalize.Newline:
			return true
		}
		return false
	}
	return true
}

// classifyHeading reads the line toks[a:b] and says whether it is a heading.
// Its lower-case content words go to w.s.headLows[h.lo:h.hi].
func (w *walker) classifyHeading(a, b int) (heading, bool) {
	toks := w.toks
	for b > a && toks[b-1].Kind == normalize.Space {
		b--
	}
	h := heading{a: a, b: b, lo: len(w.s.headLows), hi: len(w.s.headLows)}
	// Sizes are counted in tokens, which no edit of the pass changes (a
	// limit in bytes would flip when "a" becomes "an").
	if b-a > maxHeadingTokens {
		return h, false
	}
	// No final punctuation, also inside a closing quote or bracket.
	last := b - 1
	for last > a && isClosingPunct(w.punct(last)) {
		last--
	}
	switch toks[last].Kind {
	case normalize.Ellipsis:
		return h, false
	case normalize.Punct:
		switch w.punct(last) {
		case '.', '!', '?', ':', ';', ',':
			return h, false
		}
	}
	if word, _ := w.bulletAt(a); word >= 0 {
		return h, false // a list item
	}
	words, k, commas := 0, 0, 0
	colon := -1   // a colon with words after it: "Label: value"
	prevCap := -1 // the last capitalised word, for adjacency
	prevName := false
	for i := a; i < b; i++ {
		t := toks[i]
		if (t.Kind == normalize.Punct && w.punct(i) == ';') || t.Is(normalize.SentenceEnd) {
			return h, false // a sentence, not a heading
		}
		// Contact details are no heading: an address, a link, a phone
		// number, a list of parts separated by commas.
		switch t.Kind {
		case normalize.Email, normalize.URL:
			return h, false
		case normalize.Number:
			if isPhone(w.tokText(i), w.punct(i-1) == '+') {
				return h, false
			}
		case normalize.Punct:
			switch w.punct(i) {
			case ',':
				if commas++; commas >= 2 {
					return h, false
				}
			case ':':
				if colon < 0 {
					colon = i
				}
			}
		}
		if t.Kind == normalize.Abbrev && t.End-t.Start == 2 {
			// An initial ("B.") is one only before a capital: the tokenizer
			// reads "B. a" as a sentence end, "B. A" as an initial.
			return h, false
		}
		if t.Kind != normalize.Word && t.Kind != normalize.Number && t.Kind != normalize.Abbrev {
			continue
		}
		words++
		if t.Kind != normalize.Word || t.Is(normalize.Technical) {
			k++
			continue
		}
		p := w.prevSolid(i)
		if p == i-1 && (w.punct(p) == '-' || w.punct(p) == '/') {
			continue // the second part of a compound: "De-escalation"
		}
		sub := p >= 0 && (w.punct(p) == ':' || isOpening(w.punct(p)))
		idx := k
		k++
		word := w.written(i)
		base, _ := splitPossessive(word)
		w.s.buf = lowerKey(w.s.buf, base)
		key := w.s.buf
		adjacent := prevCap >= 0 && prevCap == i-2 && toks[i-1].Kind == normalize.Space
		lower := shapeOf(word) == shapeLower
		switch {
		case idx == 0 || sub || t.Is(normalize.SentenceStart):
			if !lower {
				prevCap, prevName = i, !w.c.commonFold(base)
			}
		case lower:
			prevCap = -1
			if w.c.minor[string(key)] || particles()[string(key)] {
				continue
			}
			w.s.headLows = append(w.s.headLows, i)
		default:
			h.capped++
			// A capitalised ordinary word shows title case, unless it is
			// part of a name: "New" in "New York", "Central" in "European
			// Central Bank".
			ev := w.titleEvidence(base, key)
			name := !ev && !w.c.minor[string(key)]
			if ev && !(adjacent && prevName) && !w.nextIsName(i, b) {
				h.ev++
			}
			prevCap, prevName = i, name
		}
	}
	h.hi = len(w.s.headLows)
	if words < 2 || words > maxHeadingWords {
		w.s.headLows = w.s.headLows[:h.lo]
		return h, false
	}
	// "Media contact: Jenna Albright": a label in sentence case before a
	// value is a line of a form, not a title-case heading ("Interview: The
	// Copper Lanterns’ Maren Solberg" is one).
	if colon >= 0 && colon < b-1 {
		for _, i := range w.s.headLows[h.lo:h.hi] {
			if i < colon {
				w.s.headLows = w.s.headLows[:h.lo]
				h.hi, h.label = h.lo, true
				return h, false
			}
		}
	}
	return h, true
}

// isPhone reports whether a number looks like a telephone number: seven
// digits or more, in groups ("720-555-0148", "+44 20"), or after a plus.
func isPhone(s string, plus bool) bool {
	digits, groups := 0, 1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '-' || c == '.' || c == ' ':
			groups++
		}
	}
	return plus || (digits >= 7 && groups >= 2)
}

// nextIsName reports whether the word after toks[i] (one space between,
// before b) is capitalised and not an ordinary word: a name that toks[i]
// may belong to.
func (w *walker) nextIsName(i, b int) bool {
	j := w.nextWordAfterSpace(i)
	if j < 0 || j >= b || w.toks[j].Is(normalize.Technical) || shapeOf(w.written(j)) == shapeLower {
		return false
	}
	base, _ := splitPossessive(w.written(j))
	var buf [64]byte
	return !w.titleEvidence(base, lowerKey(buf[:0], base))
}

// titleEvidence reports whether a capitalised heading word is an ordinary
// word, capitalised only because the heading is in title case: "Market",
// "Implications", "Next"; not a name such as "Trump" or "Russia".
func (w *walker) titleEvidence(word string, key []byte) bool {
	if w.c.minor[string(key)] {
		return true // "With", "Under": title case in some style
	}
	if !w.c.commonFold(word) {
		return false
	}
	if ci, ok := w.c.tables.lookupString(string(key)); ok && ci.shape == shapeTitle && ci.capLevel <= 50 {
		return false
	}
	return true
}

func isClosingPunct(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']':
		return true
	}
	return false
}

// headingRule capitalises the one word left in lower case in a title-case
// heading, when the heading itself or the document's other headings show
// that title case is the style. Words that other rules capitalise (names)
// count as capitalised, so that the output, cleaned again, reads the same.
func (w *walker) headingRule() {
	heads := w.s.heads
	if len(heads) == 0 {
		return
	}
	// Classify the headings again, reading each word as the other rules
	// will write it.
	w.fixed = map[int]string{}
	for _, c := range w.s.cands {
		if _, ok := w.fixed[c.tok]; !ok && c.conf >= w.sure {
			w.fixed[c.tok] = c.new
		}
	}
	w.s.headLows = w.s.headLows[:0]
	for i := range heads {
		h, ok := w.classifyHeading(heads[i].a, heads[i].b)
		if !ok {
			// No heading after all: nothing to capitalise, no evidence.
			h = heading{a: h.a, b: h.b, lo: h.lo, hi: h.lo}
		}
		heads[i] = h
	}
	w.fixed = nil
	titles, sents := 0, 0
	for i := range heads {
		h := &heads[i]
		h.lowers, h.lower = h.hi-h.lo, -1
		if h.lowers > 0 {
			h.lower = w.s.headLows[h.hi-1]
		}
		h.isTitle = h.lowers == 0 && h.ev > 0
		h.isSent = h.lowers >= 2
		if h.isTitle {
			titles++
		}
		if h.isSent {
			sents++
		}
	}
	T0, S := w.st.titleHeads+titles, w.st.sentenceHeads+sents
	fixed := 0
	for changed := true; changed; {
		changed = false
		for i := range heads {
			h := &heads[i]
			if h.lowers != 1 || h.fixed {
				continue
			}
			T := T0 + fixed
			var conf float64
			switch {
			case S > 0 && S >= T:
				conf = 0.3
			case h.ev > 0 && T >= 1:
				conf = 0.8
			case h.ev > 0:
				conf = 0.55
			case T >= 2:
				conf = 0.65
			default:
				conf = 0.35
			}
			h.conf = conf
			if conf >= w.sure {
				h.fixed = true
				fixed++
				changed = true
			}
		}
	}
	for _, h := range heads {
		if h.lowers != 1 || h.conf == 0 {
			continue
		}
		base, suf := splitPossessive(w.tokText(h.lower))
		w.add(h.lower, w.capitalised(base)+suf, RuleHeading, h.conf, "capitalise every main word of a title-case heading")
	}
	w.addHeads(titles+fixed, sents)
}

// capitalised returns the capitalised spelling of a lower-case word: the
// lexicon's when it knows one ("nato" → "NATO"), else with a capital first.
func (w *walker) capitalised(base string) string {
	key := lowerKey(w.s.buf, base)
	if n, ok := w.c.names[string(key)]; ok {
		return recase(base, n)
	}
	if ci, ok := w.caps(key); ok && ci.conf > 0 && ci.shape != shapeMixedLower {
		return recase(base, ci.form)
	}
	return capFirst(base)
}

// inHeading reports whether token i is in one of the headings; hp is a
// cursor into the sorted headings that the caller advances with i.
func (w *walker) inHeading(i int, hp *int) bool {
	heads := w.s.heads
	for *hp < len(heads) && heads[*hp].b <= i {
		*hp++
	}
	return *hp < len(heads) && heads[*hp].a <= i
}

// written returns word token i as the rules so far will write it.
func (w *walker) written(i int) string {
	if s, ok := w.fixed[i]; ok {
		return s
	}
	return w.tokText(i)
}
