package normalize

import "strings"

// retokenize returns the tokens of next, the text the edits made from prev,
// whose tokens are toks: it reads again only the neighbourhood of each edit
// and shifts the tokens in between, then marks the structure flags again
// where they may have changed (see markSpans). ok is false when the edits could change tokens farther away
// (a backtick added or removed: inline code spans a line) or a token read
// again runs past its neighbourhood; the caller then tokenizes next whole.
// The result goes into dst, which must not share memory with toks.
//
// A neighbourhood reaches from the white space before the word before the
// edit to the white space after the word after it: no token but white space
// crosses white space, except inline code, and the widest look-around of
// the tokenizer, the initial before a capitalized name ("J. Smith"), spans
// one word.
func retokenize(prev string, toks []Token, next string, edits []Edit, atParaStart bool, dst []Token) ([]Token, bool) {
	for _, e := range edits {
		if strings.IndexByte(e.New, '`') >= 0 || strings.IndexByte(prev[e.Start:e.End], '`') >= 0 {
			return dst, false
		}
	}
	dst = dst[:0]
	var spanBuf [16]tokenSpan
	spans := spanBuf[:0] // the tokens read again, as indexes of dst
	copied := 0          // toks[:copied] are done
	delta := 0           // len(next) - len(prev) over the edits before the region
	for k := 0; k < len(edits); {
		// The region, as token indexes [a, b) of toks, grown over every
		// edit whose neighbourhood overlaps it.
		a := wordsBefore(toks, tokenAt(toks, max(edits[k].Start-1, 0)))
		b := wordsAfter(toks, tokenAt(toks, edits[k].End))
		growth := len(edits[k].New) - (edits[k].End - edits[k].Start)
		for k++; k < len(edits) && wordsBefore(toks, tokenAt(toks, max(edits[k].Start-1, 0))) < b; k++ {
			b = max(b, wordsAfter(toks, tokenAt(toks, edits[k].End)))
			growth += len(edits[k].New) - (edits[k].End - edits[k].Start)
		}
		if a < copied {
			return dst, false // regions overlap: cannot happen, but be safe
		}
		dst = appendShifted(dst, toks[copied:a], delta)
		start, end := len(prev), len(prev)
		if a < len(toks) {
			start = toks[a].Start
		}
		if b < len(toks) {
			end = toks[b].Start
		}
		sc := scanner{s: next, pos: start + delta}
		stop := end + delta + growth
		span := tokenSpan{start: len(dst)}
		for sc.pos < stop {
			from := sc.pos
			kind := sc.next()
			dst = append(dst, Token{Start: from, End: sc.pos, Kind: kind})
		}
		if sc.pos != stop {
			return dst, false
		}
		span.end = len(dst)
		spans = append(spans, span)
		delta += growth
		copied = b
	}
	dst = appendShifted(dst, toks[copied:], delta)
	// The tokens read again, and those around them whose structure flags
	// they may change, are marked again; the others keep their flags.
	markSpans(next, dst, atParaStart, spans)
	return dst, true
}

// appendShifted appends toks to dst, moved by delta bytes: one block copy,
// then the offsets, which is cheaper than appending token by token.
func appendShifted(dst, toks []Token, delta int) []Token {
	n := len(dst)
	dst = append(dst, toks...)
	if delta != 0 {
		moved := dst[n:]
		for i := range moved {
			moved[i].Start += delta
			moved[i].End += delta
		}
	}
	return dst
}

// tokenAt returns the index of the token holding byte off, or len(toks).
func tokenAt(toks []Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func isWhite(k Kind) bool { return k == Space || k == Newline }

// wordsBefore returns the index of the white-space token before the word
// before toks[i] (or 0): the start of a neighbourhood.
func wordsBefore(toks []Token, i int) int {
	i = min(i, len(toks)-1)
	for seen := 0; i > 0; i-- {
		if isWhite(toks[i].Kind) && !isWhite(toks[i-1].Kind) {
			if seen++; seen == 2 {
				return i
			}
		}
	}
	return 0
}

// wordsAfter returns the index just after the word after toks[i] and the
// white space that follows it (or len(toks)): the end of a neighbourhood.
func wordsAfter(toks []Token, i int) int {
	for seen := 0; i < len(toks); i++ {
		if isWhite(toks[i].Kind) && (i+1 == len(toks) || !isWhite(toks[i+1].Kind)) {
			if seen++; seen == 2 {
				return i + 1
			}
		}
	}
	return len(toks)
}
