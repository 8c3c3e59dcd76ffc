package normalize

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// The data files behind literal recognition; see the comments at their tops.
var (
	//go:embed data/abbreviations.txt
	abbreviationsData string
	//go:embed data/suffixes.txt
	suffixesData string
	//go:embed data/emoticons.txt
	emoticonsData string
)

type wordSet map[string]struct{}

func (w wordSet) has(s string) bool { _, ok := w[s]; return ok }

// parseList reads a data file: one entry per line, "#" starts a comment line.
func parseList(data string) wordSet {
	set := wordSet{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		set[line] = struct{}{}
	}
	return set
}

var (
	abbreviations = sync.OnceValue(func() wordSet { return parseList(abbreviationsData) })
	suffixes      = sync.OnceValue(func() wordSet { return parseList(suffixesData) })
	emoticons     = sync.OnceValue(func() wordSet { return parseList(emoticonsData) })
)

// IsAbbreviation reports whether w (without its period) is a listed
// abbreviation that takes a period without ending a sentence, such as "Dr".
func IsAbbreviation(w string) bool { return abbreviations().has(w) }

// Bounds on the literals, so that no scan runs far past a token on text
// that almost matches, and tokenizing stays linear in the input.
const (
	maxCode   = 500 // bytes of inline code
	maxLabel  = 63  // bytes of one domain label
	maxDomain = 253 // bytes of a domain name
	maxIPv6   = 45  // bytes of an IPv6 address
)

type literal struct {
	size int
	kind Kind
}

// matchLiteral recognises a protected literal that starts at s[i] with
// anything but an ASCII letter or digit; size 0 means none.
func matchLiteral(s string, i int) literal {
	c := s[i]
	prevBoundary := i == 0 || isBoundaryBefore(s, i)
	switch {
	case c == '.':
		if n := countByte(s[i:], '.'); n >= 3 {
			return literal{n, Ellipsis}
		}
		// A leading-dot name: ".NET", ".com", ".gitignore".
		if prevBoundary && i+1 < len(s) && isASCIILetter(s[i+1]) {
			n := 1 + alnumRun(s[i+1:])
			if i+n < len(s) && s[i+n] == '.' {
				return literal{}
			}
			return literal{n, Domain}
		}
	case c == 0xE2 && strings.HasPrefix(s[i:], "…"):
		return literal{len("…"), Ellipsis}
	case c == '`':
		if j := strings.IndexByte(s[i+1:min(len(s), i+maxCode)], '`'); j > 0 && !strings.ContainsAny(s[i+1:i+1+j], "\n\r") {
			return literal{j + 2, Code}
		}
	case c == '&':
		if n := matchEntity(s[i:]); n > 0 {
			return literal{n, Entity}
		}
	case (c == '#' || c == '@') && prevBoundary:
		if i+1 < len(s) && startsWithLetter(s[i+1:]) {
			return literal{1 + tagRun(s[i+1:]), Tag}
		}
	}
	if prevBoundary && isEmoticonStart(c) {
		if n := matchEmoticon(s, i); n > 0 {
			return literal{n, Emoticon}
		}
	}
	return literal{}
}

// literalTrigger reports whether c, right after a run of ASCII letters and
// digits, may continue it into a literal: a URL, e-mail address, domain,
// abbreviation or address. Anything else ends an ordinary word or number.
func literalTrigger(c byte) bool {
	switch c {
	case '.', '@', ':', '/', '-', '+', '%':
		return true
	}
	return false
}

// matchWordLiteral recognises a literal at s[i] that starts with a run of j
// ASCII letters and digits followed by a literalTrigger byte.
func matchWordLiteral(s string, i, j int) literal {
	// Every literal but an abbreviation goes on after its trigger with a
	// letter, a digit, or a second ':' or '/' ("http://", "fe80::1"); a word
	// that ends a sentence ("word. ") can only be an abbreviation ("Dr.").
	if k := i + j + 1; k >= len(s) || !(isASCIILetter(s[k]) || isDigit(s[k]) || s[k] == ':' || s[k] == '/') {
		if s[i+j] == '.' && isASCIILetter(s[i]) {
			if n := matchAbbrev(s, i, j); n > 0 {
				return literal{n, Abbrev}
			}
		}
		return literal{}
	}
	rest := s[i:]
	if n := matchURL(rest); n > 0 {
		return literal{n, URL}
	}
	if n := matchEmail(rest); n > 0 {
		return literal{n, Email}
	}
	if isASCIILetter(s[i]) {
		if n := matchAbbrev(s, i, j); n > 0 {
			return literal{n, Abbrev}
		}
	}
	if n := matchDomain(rest); n > 0 {
		return literal{n, Domain}
	}
	if n := matchIPv6(rest); n > 0 {
		return literal{n, Literal}
	}
	return literal{}
}

// isBoundaryBefore reports whether the rune before s[i] is not a letter or digit.
func isBoundaryBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !(isWordRune(r) || (r < utf8.RuneSelf && isDigit(byte(r))))
}

func countByte(s string, b byte) int {
	n := 0
	for n < len(s) && s[n] == b {
		n++
	}
	return n
}

// alnumRun returns the length of the run of ASCII letters, digits and
// underscores at the start of s.
func alnumRun(s string) int {
	n := 0
	for n < len(s) && (isASCIILetter(s[n]) || isDigit(s[n]) || s[n] == '_') {
		n++
	}
	return n
}

// tagRun returns the length of a hashtag or mention body.
func tagRun(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !(isWordRune(r) || (r < utf8.RuneSelf && (isDigit(byte(r)) || r == '_'))) {
			break
		}
		n += size
	}
	return n
}

func matchEntity(s string) int {
	// &name; &#123; &#x1F;
	i := 1
	if i < len(s) && s[i] == '#' {
		i++
		hex := i < len(s) && (s[i] == 'x' || s[i] == 'X')
		if hex {
			i++
		}
		start := i
		for i < len(s) && i-start < 8 && (isDigit(s[i]) || (hex && isHexLetter(s[i]))) {
			i++
		}
		if i == start {
			return 0
		}
	} else {
		start := i
		for i < len(s) && i-start < 32 && (isASCIILetter(s[i]) || (i > start && isDigit(s[i]))) {
			i++
		}
		if i-start < 2 {
			return 0
		}
	}
	if i < len(s) && s[i] == ';' {
		return i + 1
	}
	return 0
}

func isHexLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'f' }

func isEmoticonStart(c byte) bool {
	return c == ':' || c == ';' || c == '=' || c == '<' || c == '^'
}

// matchEmoticon matches a listed emoticon standing alone at s[i].
func matchEmoticon(s string, i int) int {
	for n := 4; n >= 2; n-- {
		if i+n > len(s) || !emoticons().has(s[i:i+n]) {
			continue
		}
		if i+n == len(s) {
			return n
		}
		r, _ := utf8.DecodeRuneInString(s[i+n:])
		if !isWordRune(r) && !(r < utf8.RuneSelf && isDigit(byte(r))) {
			return n
		}
	}
	return 0
}

// matchURL matches "scheme://…" or "www.…".
func matchURL(s string) int {
	n := 0
	for n < len(s) && n <= 10 && isASCIILetter(s[n]) {
		n++
	}
	switch {
	case n >= 2 && strings.HasPrefix(s[n:], "://") && n+3 < len(s) && !isSpaceByte(s[n+3]):
		return urlEnd(s, n+3)
	case n == 3 && strings.EqualFold(s[:4], "www.") && len(s) > 4 && isASCIILetter(s[4]):
		return urlEnd(s, 4)
	}
	return 0
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// urlEnd returns where a URL-like run that started at 0 ends, scanning from i:
// at white space or a character that cannot be in a URL, with trailing
// sentence punctuation and unbalanced closing brackets left outside.
func urlEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c <= ' ' || c == '"' || c == '<' || c == '>' || c == '`' || c >= utf8.RuneSelf {
			break
		}
		i++
	}
	// Brackets are unbalanced while a URL has more closing than opening ones.
	paren := strings.Count(s[:i], ")") - strings.Count(s[:i], "(")
	bracket := strings.Count(s[:i], "]") - strings.Count(s[:i], "[")
	for i > 0 {
		switch c := s[i-1]; {
		case strings.IndexByte(".,;:!?'*", c) >= 0:
		case c == ')' && paren > 0:
			paren--
		case c == ']' && bracket > 0:
			bracket--
		default:
			return i
		}
		i--
	}
	return i
}

// matchEmail matches local@domain.tld.
func matchEmail(s string) int {
	i := 0
	for i < len(s) && i < 64 && (isASCIILetter(s[i]) || isDigit(s[i]) || strings.IndexByte("._%+-", s[i]) >= 0) {
		i++
	}
	if i == 0 || i >= len(s) || s[i] != '@' {
		return 0
	}
	i++
	start := i
	lastDot := -1
	for i < len(s) && i-start < maxDomain && (isASCIILetter(s[i]) || isDigit(s[i]) || s[i] == '-' || (s[i] == '.' && i+1 < len(s) && (isASCIILetter(s[i+1]) || isDigit(s[i+1])))) {
		if s[i] == '.' {
			lastDot = i
		}
		i++
	}
	if lastDot <= start || i-lastDot-1 < 2 {
		return 0
	}
	for k := lastDot + 1; k < i; k++ {
		if !isASCIILetter(s[k]) {
			return 0
		}
	}
	return i
}

// matchAbbrev matches an abbreviation with its periods at s[i], where the
// first letter run is j bytes long: dotted short forms ("U.S.", "e.g.",
// "Ph.D.", "J.R.R."), a listed abbreviation ("Dr.") or an initial ("J.").
func matchAbbrev(s string, i, j int) int {
	rest := s[i:]
	if j <= 2 && onlyLetters(rest[:j]) {
		// Dotted: two or more segments of one or two letters, each with its period.
		k, segs := 0, 0
		for {
			n := 0
			for k+n < len(rest) && n <= 2 && isASCIILetter(rest[k+n]) {
				n++
			}
			if n == 0 || n > 2 || k+n >= len(rest) || rest[k+n] != '.' {
				break
			}
			k += n + 1
			segs++
		}
		if segs >= 2 {
			return k
		}
	}
	if j >= len(rest) || rest[j] != '.' || !onlyLetters(rest[:j]) {
		return 0
	}
	next := rest[j+1:]
	if IsAbbreviation(rest[:j]) {
		if next != "" && isDigit(next[0]) {
			return 0 // "St.5" is not an abbreviation
		}
		return j + 1
	}
	// A single capital initial before a name: "J. Smith", "J.Smith".
	if j == 1 && rest[0] >= 'B' && rest[0] <= 'Z' && rest[0] != 'I' {
		if t := strings.TrimLeft(next, " "); t != "" && 'A' <= t[0] && t[0] <= 'Z' {
			return j + 1
		}
	}
	return 0
}

func onlyLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIILetter(s[i]) {
			return false
		}
	}
	return s != ""
}

// matchDomain matches label(.label)+ whose last label is a listed top-level
// domain or file extension in one case, with an optional port and path.
func matchDomain(s string) int {
	i, labels, lastStart := 0, 0, 0
	for {
		n := 0
		for i+n < len(s) && n <= maxLabel && (isASCIILetter(s[i+n]) || isDigit(s[i+n]) || s[i+n] == '-' || s[i+n] == '_') {
			n++
		}
		if n == 0 {
			break
		}
		if n > maxLabel || i+n > maxDomain {
			return 0
		}
		lastStart = i
		i += n
		labels++
		if i+1 < len(s) && s[i] == '.' && (isASCIILetter(s[i+1]) || isDigit(s[i+1])) {
			i++
			continue
		}
		break
	}
	if labels < 2 {
		return 0
	}
	if !isSuffix(s[lastStart:i]) {
		return 0
	}
	if i < len(s) && (s[i] == '/' || s[i] == ':' || s[i] == '?' || s[i] == '#') && i+1 < len(s) && !isSpaceByte(s[i+1]) {
		return urlEnd(s, i)
	}
	return i
}

// isSuffix reports whether label is a listed domain or file suffix written
// all in lower case or all in upper case.
func isSuffix(label string) bool {
	var buf [8]byte
	if len(label) > len(buf) {
		return false
	}
	lower, upper := true, true
	for i := 0; i < len(label); i++ {
		c := label[i]
		lower = lower && !('A' <= c && c <= 'Z')
		upper = upper && !('a' <= c && c <= 'z')
		buf[i] = c | 0x20
		if isDigit(c) {
			buf[i] = c
		}
	}
	return (lower || upper) && suffixes().has(string(buf[:len(label)]))
}

// matchIPv6 matches an IPv6 address: hex groups with "::" or seven colons.
func matchIPv6(s string) int {
	i, colons, group := 0, 0, 0
	double := false
	for i < len(s) {
		if i > maxIPv6 {
			return 0
		}
		c := s[i]
		switch {
		case isDigit(c) || isHexLetter(c):
			group++
			if group > 4 {
				return 0
			}
		case c == ':':
			colons++
			if i > 0 && s[i-1] == ':' {
				double = true
			}
			group = 0
		default:
			goto done
		}
		i++
	}
done:
	if i < len(s) && (isASCIILetter(s[i]) || s[i] == '.') {
		return 0
	}
	if colons >= 2 && (double || colons == 7) {
		return i
	}
	return 0
}
