package normalize

import "unicode/utf8"

// markStructure sets each token's flags: case shape (unless a word has it
// already), line, paragraph and sentence boundaries. atParaStart says whether
// the text begins a paragraph. Flags other than the case flags are cleared
// first (white space never has any), so that tokens carried over from an
// earlier text are marked afresh.
func markStructure(s string, toks []Token, atParaStart bool) {
	paraStart, lineStart, sentStart := atParaStart, true, atParaStart
	newlines := 0
	for i := range toks {
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
		case Ellipsis:
			sentStart = false
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
}

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
