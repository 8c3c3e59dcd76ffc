package normalize

import "unicode/utf8"

// markStructure sets each token's flags: case shape (unless a word has it
// already), line, paragraph and sentence boundaries. atParaStart says whether
// the text begins a paragraph. Flags other than the case flags are cleared
// first (white space never has any), so that tokens carried over from an
// earlier text are marked afresh.
func markStructure(s string, toks []Token, atParaStart bool) {
	markFrom(s, toks, 0, startState(atParaStart), len(toks))
}

// structState is what the flags of a token depend on in the tokens before
// it.
type structState struct {
	paraStart, lineStart, sentStart bool
	newlines                        int
}

// startState is the state at the start of a text.
func startState(atParaStart bool) structState {
	return structState{paraStart: atParaStart, lineStart: true, sentStart: atParaStart}
}

// markFrom marks toks[i:], the state before toks[i] being st, as
// markStructure does, and stops after the first token at or after index
// stop that settles the state: a word, number or other literal of the
// sentence's words, or an ellipsis. After such a token the state is the
// zero structState whatever came before, so the tokens after it are marked
// as they would be after any other text. It returns the index after the
// last token marked.
func markFrom(s string, toks []Token, i int, st structState, stop int) int {
	paraStart, lineStart, sentStart, newlines := st.paraStart, st.lineStart, st.sentStart, st.newlines
	for ; i < len(toks); i++ {
		t := &toks[i]
		switch t.Kind {
		case Space:
			continue
		case Newline:
			newlines++
			lineStart = true
			if newlines >= 2 {
				paraStart, sentStart = true, true
			}
			continue
		}
		newlines = 0
		t.Flags &= caseFlags
		if lineStart {
			t.Flags |= LineStart
			lineStart = false
		}
		if paraStart {
			t.Flags |= ParaStart
			paraStart = false
		}
		switch t.Kind {
		case Word:
			if t.Flags&caseFlags == 0 {
				t.Flags |= caseShape(t.Text(s)) // not known yet: a new token
			}
			fallthrough
		case Number, Abbrev, Domain, Tag, Code, Literal, URL, Email:
			if sentStart {
				t.Flags |= SentenceStart
				sentStart = false
			}
			if i >= stop {
				return i + 1
			}
		case Ellipsis:
			sentStart = false
			if i >= stop {
				return i + 1
			}
		case Punct:
			r, _ := utf8.DecodeRuneInString(t.Text(s))
			if r == '.' || r == '!' || r == '?' {
				if end, startNext := endsSentence(s, toks, i); end {
					t.Flags |= SentenceEnd
					sentStart = startNext
				}
			}
		}
	}
	return i
}

// settles reports whether the state after a token of kind k is the zero
// structState, whatever it was before (see markFrom).
func settles(k Kind) bool {
	switch k {
	case Word, Number, Abbrev, Domain, Tag, Code, Literal, URL, Email, Ellipsis:
		return true
	}
	return false
}

// markSpans marks the tokens of toks that the spans of new tokens may have
// changed the flags of, when every other token, and the text around it up
// to the next white space, is as it was when toks were last marked: from
// the token after the last settling one before each span (or the start) to
// the first settling one after it. The spans are in order, as index pairs
// [start, end) of toks.
func markSpans(s string, toks []Token, atParaStart bool, spans []tokenSpan) {
	done := 0 // toks[:done] are marked; the state there is settled, or the start state at 0
	for _, sp := range spans {
		if sp.end < done {
			continue // marked with the span before
		}
		from := max(sp.start, done)
		for from > done && !settles(toks[from-1].Kind) {
			from--
		}
		st := structState{}
		if from == 0 {
			st = startState(atParaStart)
		}
		done = markFrom(s, toks, from, st, sp.end)
	}
}

// tokenSpan is a run of tokens, [start, end) as indexes.
type tokenSpan struct{ start, end int }

// endsSentence reports whether the terminator toks[i] ends a sentence: it is
// followed, after any closing quotes and brackets, by white space or the end
// of the text. startNext is false after "?”" and "!”", where a lower-case word
// usually continues the sentence ("“Why?” she asked").
func endsSentence(s string, toks []Token, i int) (end, startNext bool) {
	quoted := false
	for j := i + 1; j < len(toks); j++ {
		t := toks[j]
		switch t.Kind {
		case Space, Newline:
			return true, !quoted || s[toks[i].Start] == '.'
		case Punct:
			r, _ := utf8.DecodeRuneInString(t.Text(s))
			if isClosing(r) {
				quoted = quoted || isQuote(r)
				continue
			}
		}
		return false, false
	}
	return true, true
}

// isClosing reports whether r closes a quotation or bracket.
func isClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}':
		return true
	}
	return false
}

// isQuote reports whether r is a quotation mark.
func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '‹', '›', '„', '‚':
		return true
	}
	return false
}
