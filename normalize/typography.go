package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// typographyEdits converts quotes, apostrophes, dashes and ellipses outside
// protected tokens to the style t.
func typographyEdits(d *Doc, t Typography) []Edit {
	s := d.Text
	toks := d.Tokens()
	var edits []Edit
	add := func(start, end int, repl string) {
		edits = append(edits, Edit{Start: start, End: end, New: repl, Rule: RuleTypography, Message: "typography"})
	}
	for i := 0; i < len(toks); i++ {
		tok := toks[i]
		text := tok.Text(s)
		switch tok.Kind {
		case Word:
			// Apostrophes inside words.
			for j, r := range text {
				switch {
				case t == ASCIITypography && (r == '’' || r == 'ʼ'):
					add(tok.Start+j, tok.Start+j+utf8.RuneLen(r), "'")
				case t == SmartTypography && r == '\'':
					add(tok.Start+j, tok.Start+j+1, "’")
				}
			}
		case Ellipsis:
			switch {
			case t == ASCIITypography && text == "…":
				add(tok.Start, tok.End, "...")
			case t == SmartTypography && text == "..." && (tok.Start == 0 || s[tok.Start-1] != '.'):
				// Three periods, not the end of a longer run ("Mr...." is
				// "mr" and four periods until the casing pass writes "Mr").
				add(tok.Start, tok.End, "…")
			}
		case Punct:
			r, _ := utf8.DecodeRuneInString(text)
			if t == ASCIITypography {
				if repl, ok := asciiPunct[r]; ok {
					add(tok.Start, tok.End, repl)
				}
				continue
			}
			switch r {
			case '"':
				if opensQuote(s, tok.Start) {
					add(tok.Start, tok.End, "“")
				} else {
					add(tok.Start, tok.End, "”")
				}
			case '\'':
				next, _ := utf8.DecodeRuneInString(s[tok.End:])
				if opensQuote(s, tok.Start) && unicode.IsLetter(next) {
					add(tok.Start, tok.End, "‘")
				} else {
					add(tok.Start, tok.End, "’")
				}
			case '-':
				// Exactly two hyphens between other characters make a dash.
				if i+1 < len(toks) && toks[i+1].Kind == Punct && toks[i+1].Text(s) == "-" &&
					!(i+2 < len(toks) && toks[i+2].Kind == Punct && toks[i+2].Text(s) == "-") &&
					!(i > 0 && toks[i-1].Kind == Punct && toks[i-1].Text(s) == "-") {
					add(tok.Start, toks[i+1].End, "—")
					i++
				}
			}
		}
	}
	return edits
}

var asciiPunct = map[rune]string{
	'“': `"`, '”': `"`, '„': `"`, '‟': `"`,
	'‘': "'", '’': "'", '‚': "'", '‛': "'",
	'–': "-", '—': "--",
}

// opensQuote reports whether a quote at s[i] opens a quotation: it starts
// the text or follows white space, an opening bracket or a dash.
func opensQuote(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-“‘", r)
}
