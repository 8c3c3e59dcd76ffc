package normalize

import (
	"unicode"
	"unicode/utf8"
)

// Kind classifies a Token.
type Kind uint8

// The token kinds. Space, Newline, Word and Punct are ordinary text that the
// passes may edit; every other kind is a protected literal (see Protected).
const (
	Space    Kind = iota // a run of horizontal white space
	Newline              // one line break: "\n", "\r\n" or "\r"
	Word                 // letters, with marks, digits and inner apostrophes ("NATO’s", "don't", "iPhone15")
	Punct                // one punctuation or symbol rune
	Number               // starts with a digit: "1,250", "3.5", "10:30", "4th", "1990s", "2024-01-05"
	Ellipsis             // "..." or "…"
	Abbrev               // an abbreviation with its periods: "Dr.", "e.g.", "U.S.", "Ph.D.", "J."
	URL                  // "https://example.org/x", "www.example.org"
	Email                // "press@example.org"
	Domain               // a domain or file name: "example.org/report", "Node.js", "index.html", ".NET"
	Tag                  // a hashtag or mention: "#copyedit", "@copyedit"
	Emoticon             // ":)", ";-)", ":D", "<3"
	Code                 // inline code between backticks
	Entity               // an HTML character reference: "&amp;", "&#8217;"
	Literal              // other technical literals: versions "v1.2.3", IPv6 addresses
	Invalid              // bytes that are not valid UTF-8, kept as they are
)

var kindNames = [...]string{"Space", "Newline", "Word", "Punct", "Number", "Ellipsis", "Abbrev", "URL", "Email", "Domain", "Tag", "Emoticon", "Code", "Entity", "Literal", "Invalid"}

// String returns the kind's name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// Protected reports whether tokens of this kind are literals that no pass may
// change: numbers, URLs, e-mail addresses, abbreviations and the like.
func (k Kind) Protected() bool { return k > Punct }

// Flags describe a token's case shape and its place in the text.
type Flags uint16

// Token flags. The case flags are set on Word tokens only.
const (
	ParaStart     Flags = 1 << iota // first token of a paragraph (after a blank line or at the start of the text)
	LineStart                       // first non-space token of a line
	SentenceStart                   // first Word or Number of a sentence
	SentenceEnd                     // a ".", "!" or "?" that ends a sentence
	Lower                           // every letter is lower case: "mark"
	Upper                           // two or more letters, all upper case: "NATO"
	Title                           // first letter upper case, the rest lower case: "Mark", "I"
	Mixed                           // any other mix: "iPhone", "McDonald"
	Technical                       // contains a digit or an underscore: "iPhone15", "snake_case"
)

// caseFlags are the flags that depend on a word's letters alone.
const caseFlags = Lower | Upper | Title | Mixed | Technical

// Token is a span of the text, [Start, End) in bytes.
type Token struct {
	Start, End int
	Kind       Kind
	Flags      Flags
}

// Is reports whether all of the flags f are set.
func (t Token) Is(f Flags) bool { return t.Flags&f == f }

// Text returns the token's text in s, the string it was read from.
func (t Token) Text(s string) string { return s[t.Start:t.End] }

// GluedToPeriod reports whether toks[i], tokens of text, follows a period
// or an abbreviation with no space between ("NATO.russia", "Dr.ivanova").
// The spacing pass separates a capitalized word there, so a later pass
// that capitalized one would make the next cleaning change the text again.
func GluedToPeriod(text string, toks []Token, i int) bool {
	if i <= 0 || toks[i-1].End != toks[i].Start {
		return false
	}
	p := toks[i-1]
	return p.Kind == Abbrev || (p.Kind == Punct && text[p.Start] == '.')
}

// Tokenize splits s into tokens that cover it exactly, in order.
// It never fails: bytes that are not valid UTF-8 become Invalid tokens.
func Tokenize(s string) []Token {
	return tokenize(s, true, nil)
}

// tokenize reads s into toks[:0], growing it as needed; atParaStart says
// whether s begins a paragraph.
func tokenize(s string, atParaStart bool, toks []Token) []Token {
	if toks == nil {
		toks = make([]Token, 0, len(s)/3+16)
	}
	toks = toks[:0]
	sc := scanner{s: s}
	for sc.pos < len(s) {
		start := sc.pos
		kind := sc.next()
		toks = append(toks, Token{Start: start, End: sc.pos, Kind: kind, Flags: sc.flags})
	}
	markStructure(s, toks, atParaStart)
	return toks
}

type scanner struct {
	s     string
	pos   int
	flags Flags // case flags of the word just read, when known while reading it
}

// next scans one token at sc.pos and returns its kind.
func (sc *scanner) next() Kind {
	s, i := sc.s, sc.pos
	sc.flags = 0
	c := s[i]
	switch {
	case c == ' ' || c == '\t':
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		sc.pos = j
		return Space
	case c == '\n':
		sc.pos = i + 1
		return Newline
	case c == '\r':
		sc.pos = i + 1
		if sc.pos < len(s) && s[sc.pos] == '\n' {
			sc.pos++
		}
		return Newline
	}
	if isASCIILetter(c) || isDigit(c) {
		j, shape := alnumShape(s[i:])
		if i+j < len(s) && literalTrigger(s[i+j]) {
			if n := matchWordLiteral(s, i, j); n.size > 0 {
				sc.pos = i + n.size
				return n.kind
			}
		}
		if isDigit(c) {
			sc.pos = i + scanNumber(s[i:])
			return Number
		}
		n := scanWord(s[i:], j)
		if n == j {
			sc.flags = shape // an ASCII word: its case is known already
		}
		sc.pos = i + n
		return Word
	}
	if n := matchLiteral(s, i); n.size > 0 {
		sc.pos = i + n.size
		return n.kind
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && size <= 1:
		sc.pos = i + 1
		return Invalid
	case isWordRune(r):
		sc.pos = i + scanWord(s[i:], 0)
		return Word
	case r == '\u2028' || r == '\u2029' || r == '\u0085':
		sc.pos = i + size
		return Newline
	case unicode.IsSpace(r):
		j := i + size
		for j < len(s) {
			r2, n := utf8.DecodeRuneInString(s[j:])
			if r2 == '\n' || r2 == '\r' || r2 == '\u2028' || r2 == '\u2029' || r2 == '\u0085' || !unicode.IsSpace(r2) {
				break
			}
			j += n
		}
		sc.pos = j
		return Space
	}
	sc.pos = i + size
	return Punct
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isWordRune reports whether r can start or continue a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r))
	}
	return unicode.IsLetter(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
}

// isApostrophe reports whether r is an apostrophe that may sit inside a word.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// scanWord returns the length of the word at the start of s, whose first
// from bytes are already known to be ASCII letters, digits or underscores:
// letters, marks, digits and underscores, apostrophes between letters, and,
// once the word holds a digit, "." "," ":" "-" before a further digit
// ("v1.2.3").
func scanWord(s string, from int) int {
	i := from
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case isASCIILetter(c) || c == '_' || isDigit(c):
				i++
				continue
			case c == '\'':
				if i > 0 && i+1 < len(s) && startsWithLetter(s[i+1:]) {
					i++
					continue
				}
			case c == '.' || c == ',' || c == ':' || c == '-':
				if i+1 < len(s) && isDigit(s[i+1]) && hasDigit(s[:i]) {
					i++
					continue
				}
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r) || unicode.IsDigit(r):
			i += size
		case isApostrophe(r) && i > 0 && startsWithLetter(s[i+size:]):
			i += size
		default:
			return i
		}
	}
	return i
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

func startsWithLetter(s string) bool {
	if s == "" {
		return false
	}
	if s[0] < utf8.RuneSelf {
		return isASCIILetter(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// scanNumber returns the length of the number at the start of s: digits and
// letters ("4th", "1990s", "10am", "00:1A"), with "." "," ":" "/" "-" between
// digits ("1,250", "3.5", "10:30", "12/05/2024", "2024-01-05").
func scanNumber(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case isDigit(c) || isASCIILetter(c):
			i++
		case (c == '.' || c == ',' || c == ':' || c == '/' || c == '-') && i+1 < len(s) && isDigit(s[i+1]):
			i++
		default:
			return i
		}
	}
	return i
}

// caseShape returns the case flags of a word.
func caseShape(w string) Flags {
	if f, ok := asciiCaseShape(w); ok {
		return f
	}
	var upper, letters int
	lower, firstUpper, tech := false, false, false
	for _, r := range w {
		switch {
		case r == '_' || unicode.IsDigit(r):
			tech = true
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			if letters == 0 {
				firstUpper = true
			}
			upper++
			letters++
		case unicode.IsLower(r):
			lower = true
			letters++
		case unicode.IsLetter(r):
			letters++ // a letter without case (CJK, Arabic…)
		}
	}
	return shapeFlags(lower, firstUpper, upper, tech)
}

// asciiCaseShape is caseShape for the common all-ASCII word; ok is false
// when w holds other runes.
func asciiCaseShape(w string) (f Flags, ok bool) {
	upper := 0
	lower, firstUpper, tech := false, false, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'a' <= c && c <= 'z':
			lower = true
		case 'A' <= c && c <= 'Z':
			if upper == 0 && !lower {
				firstUpper = true
			}
			upper++
		case isDigit(c) || c == '_':
			tech = true
		case c == '\'':
		default:
			return 0, false
		}
	}
	return shapeFlags(lower, firstUpper, upper, tech), true
}

// asciiClass classifies ASCII bytes for alnumShape.
var asciiClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = classUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	t['_'] = classDigit // technical, like a digit
	return t
}()

const (
	classLower = 1 + iota
	classUpper
	classDigit
)

// alnumShape returns the length of the run of ASCII letters, digits and
// underscores at the start of s, and the case flags of that run as a word.
func alnumShape(s string) (int, Flags) {
	// Nearly every word is lower case or capitalized: a letter, then lower
	// case letters up to a byte of no class, which a loop of one test a
	// byte reads without tracking the shape.
	if s == "" {
		return 0, 0
	}
	first := asciiClass[s[0]]
	if first != classLower && first != classUpper {
		return alnumShapeAny(s)
	}
	n := 1
	for n < len(s) && s[n]-'a' < 26 {
		n++
	}
	if n < len(s) && asciiClass[s[n]] != 0 {
		return alnumShapeAny(s)
	}
	if first == classUpper {
		return n, Title
	}
	return n, Lower
}

// alnumShapeAny is alnumShape for any run: it tracks the shape byte by
// byte.
func alnumShapeAny(s string) (int, Flags) {
	var lower, tech bool
	firstUpper := false
	nUpper := 0
	n := 0
	for ; n < len(s); n++ {
		switch asciiClass[s[n]] {
		case classLower:
			lower = true
		case classUpper:
			if !lower && nUpper == 0 {
				firstUpper = true
			}
			nUpper++
		case classDigit:
			tech = true
		default:
			return n, shapeFlags(lower, firstUpper, nUpper, tech)
		}
	}
	return n, shapeFlags(lower, firstUpper, nUpper, tech)
}

// shapeFlags returns the case flags of a word from what its letters showed:
// whether any is lower case, whether the first is upper case, how many are
// upper case, and whether a digit or underscore came.
func shapeFlags(lower, firstUpper bool, nUpper int, tech bool) Flags {
	var f Flags
	if tech {
		f |= Technical
	}
	switch {
	case nUpper == 0 && lower:
		f |= Lower
	case firstUpper && nUpper == 1:
		f |= Title
	case !lower && nUpper >= 2:
		f |= Upper
	case nUpper > 0:
		f |= Mixed
	}
	return f
}
