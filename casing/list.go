package casing

import (
	"github.com/copyedit/copyedit/normalize"
)

// Lists: the items of one list are written alike. A list whose other items
// start with a capital gets one for its lower-case item; a list written in
// lower case stays so, even its first item, which starts a paragraph
// ("- first item in the list\n- second item").

// listItem is the first word of one list item, and the marker's kind.
type listItem struct {
	word   int  // token index of the item's first word
	marker rune // the bullet, or '1' for numbers, 'a' for letters
}

// bulletAt returns, when the line whose first token is toks[a] is a list
// item ("- item", "• item", "1. item", "2) item", "a) item"), the index of
// its first word and the kind of marker; else -1.
func (w *walker) bulletAt(a int) (int, rune) {
	toks := w.toks
	if a < 0 || a >= len(toks) {
		return -1, 0
	}
	j, marker := -1, rune(0)
	switch t := toks[a]; t.Kind {
	case normalize.Punct:
		if bullets()[w.tokText(a)] {
			j, marker = a+1, w.punct(a)
		}
	case normalize.Number:
		if s := w.tokText(a); len(s) <= 3 && allDigits(s) && (w.punct(a+1) == '.' || w.punct(a+1) == ')') {
			j, marker = a+2, '1'
		}
	case normalize.Word:
		if s := w.tokText(a); len(s) == 1 && w.punct(a+1) == ')' {
			j, marker = a+2, 'a'
		}
	}
	if j < 0 || j+1 >= len(toks) || toks[j].Kind != normalize.Space || toks[j+1].Kind != normalize.Word {
		return -1, 0
	}
	return j + 1, marker
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// lists finds the lists of the chunk (two items or more with the same kind
// of marker on consecutive lines, a blank line between them allowed) and
// decides each item's first word: capitalised where most items are, left
// alone where most are not. w.s.listKeep gets the items whose first word
// the sentence-start rule must leave alone.
func (w *walker) lists() {
	toks := w.toks
	nls := w.s.nls
	var items []listItem
	newlines := 0 // line ends since the last token that is not white space
	a := 0
	for k := 0; k <= len(nls); k++ {
		b := len(toks) // the line is toks[a:b]
		if k < len(nls) {
			b = int(nls[k])
		}
		// Only the first token of a line that is not white space is a
		// LineStart; any other resets newlines, which it already is.
		i := a
		for i < b && toks[i].Kind == normalize.Space {
			i++
		}
		if i < b {
			if toks[i].Is(normalize.LineStart) {
				word, marker := w.bulletAt(i)
				if word < 0 || (len(items) > 0 && (newlines > 2 || items[len(items)-1].marker != marker)) {
					w.listDecide(items)
					items = items[:0]
				}
				if word >= 0 {
					items = append(items, listItem{word: word, marker: marker})
				}
			}
			newlines = 0
		}
		if k < len(nls) {
			newlines++
		}
		a = b + 1
	}
	w.listDecide(items)
}

// listDecide decides the first words of one list's items.
func (w *walker) listDecide(items []listItem) {
	if len(items) < 2 {
		return
	}
	caps, lows := 0, 0
	for _, it := range items {
		t := w.toks[it.word]
		switch {
		case t.Is(normalize.Technical):
		case t.Is(normalize.Lower):
			lows++
		case t.Flags&(normalize.Title|normalize.Upper) != 0:
			// A capital shows the list's style only on an ordinary word:
			// "Russia" has one in any list.
			base, _ := splitPossessive(w.tokText(it.word))
			var buf [64]byte
			if w.c.lowerLevel(string(lowerKey(buf[:0], base))) != 0 {
				caps++
			}
		}
	}
	conf := 0.0
	switch {
	case caps > lows:
		conf = 0.8
	case caps == lows:
		conf = 0.4
	}
	for _, it := range items {
		t := w.toks[it.word]
		if !t.Is(normalize.Lower) || t.Is(normalize.Technical) {
			continue
		}
		w.s.listKeep = append(w.s.listKeep, it.word)
		if conf > 0 {
			base, suf := splitPossessive(w.tokText(it.word))
			w.add(it.word, w.capitalised(base)+suf, RuleSentenceStart, conf, "capitalise the first word of a list item, as the list's other items")
		}
	}
}

// listKept reports whether the sentence-start rule must leave word token i
// alone: the first word of a list item, decided by lists.
func (w *walker) listKept(i int) bool {
	for _, k := range w.s.listKeep {
		if k == i {
			return true
		}
	}
	return false
}
