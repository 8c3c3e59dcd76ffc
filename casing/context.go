package casing

import (
	"github.com/copyedit/copyedit/normalize"
)

// Context checks shared by the rules: is the text around a word English,
// is a word a likely typo, does a determiner stand before it.

// maxForeignWords bounds the words foreign reads on each side of a token.
const maxForeignWords = 12

// foreign reports whether the words around token i are mostly not English:
// of the words of its stretch of text (bounded by sentence ends, quotation
// marks and paragraph breaks, at most maxForeignWords on each side), more
// than half are unknown to the lexicon in any case. "Le gouvernement a
// annoncé une réforme" and "Wir haben keine Zeit mehr" are foreign; an
// English sentence with a typo or a name is not. Case is ignored, so that
// the answer stays the same once the pass has capitalised a word.
func (w *walker) foreign(i int) bool {
	words, unknown := 0, 0
	count := func(k int) {
		t := w.toks[k]
		if t.Kind != normalize.Word || t.Is(normalize.Technical) {
			return
		}
		words++
		base, _ := splitPossessive(w.tokText(k))
		if !w.c.known(base) {
			unknown++
		}
	}
	count(i)
	n := 0
	for k := i - 1; k >= 0 && n < maxForeignWords; k-- {
		t := w.toks[k]
		if t.Is(normalize.SentenceEnd) || isQuoteMark(w.punct(k)) {
			break
		}
		if t.Kind == normalize.Word {
			n++
		}
		count(k)
		if t.Flags&(normalize.ParaStart|normalize.SentenceStart) != 0 {
			break
		}
	}
	n = 0
	for k := i + 1; k < len(w.toks) && n < maxForeignWords; k++ {
		t := w.toks[k]
		if t.Is(normalize.SentenceEnd) || isQuoteMark(w.punct(k)) || t.Flags&(normalize.ParaStart|normalize.SentenceStart) != 0 {
			break
		}
		if t.Kind == normalize.Word {
			n++
		}
		count(k)
	}
	return words >= 2 && unknown*2 > words
}

// isQuoteMark reports whether r is a double quotation mark or guillemet,
// which bound a quotation that may be in another language. (Single quotes
// are left out: ’ is also the apostrophe.)
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‹', '›':
		return true
	}
	return false
}

// typoLike reports whether a word the lexicon does not know looks like a
// slip of the keys on a very common word (SCOWL level 20 or below): two
// letters swapped ("badyl" for "badly", "wiht" for "with"), a letter typed
// twice ("betweeen") or one left out ("ther", "taling"). Such a word is no
// evidence of a name. A letter added that is not a double is not counted:
// names are too often a common word and a letter ("markus", "ana").
func (c *Caser) typoLike(word string) bool {
	n := len(word)
	if n < 3 || n > 24 {
		return false
	}
	for i := 0; i < n; i++ {
		if b := word[i]; b < 'a' || b > 'z' {
			return false // the slips are judged on plain ASCII words only
		}
	}
	var buf [26]byte
	common := func(b []byte) bool {
		e, ok := c.lex.Lookup(string(b))
		return ok && e.Level != 0 && e.Level <= 20
	}
	for i := 0; i+1 < n; i++ {
		b := append(buf[:0], word...)
		if word[i] == word[i+1] {
			// A letter typed twice: "betweeen".
			b = append(b[:i], word[i+1:]...)
		} else {
			b[i], b[i+1] = b[i+1], b[i]
		}
		if common(b) {
			return true
		}
	}
	for i := 0; i <= n; i++ {
		for ch := byte('a'); ch <= 'z'; ch++ {
			b := append(append(append(buf[:0], word[:i]...), ch), word[i:]...)
			if common(b) {
				return true
			}
		}
	}
	return false
}

// afterFunctionWord reports whether word token i follows, with one space
// between, a determiner ("the", "this", "their": a noun phrase) or an
// auxiliary verb in lower case ("could", "would", "not": a verb), where a
// lower-case word is no given name.
func (w *walker) afterFunctionWord(i int) bool {
	if i < 2 || w.toks[i-1].Kind != normalize.Space || w.toks[i-2].Kind != normalize.Word {
		return false
	}
	var buf [16]byte
	d := w.tokText(i - 2)
	if len(d) > len(buf) {
		return false
	}
	key := lowerKey(buf[:0], d)
	// An auxiliary counts in lower case ("will Okonkwo play"), not as a
	// name ("Will Smith"), except at a sentence start, where its capital
	// says nothing: "be ba Aa" and "Be ba Aa" must read the same.
	lower := w.toks[i-2].Flags&(normalize.Lower|normalize.SentenceStart) != 0
	return determiners()[string(key)] || (lower && auxiliaries()[string(key)])
}
