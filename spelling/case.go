package spelling

import (
	"unicode"
	"unsafe"
)

// wordCase is the capitalization pattern of a word.
type wordCase uint8

const (
	lowerCase  wordCase = iota // "these"
	titleCase                  // "These"
	upperCase                  // "THESE"
	otherShape                 // "iPhone", "McDonald", digits, no letters
)

// caseOf returns the pattern of word.
func caseOf(word string) wordCase {
	upper, lower, letters := 0, 0, 0
	firstUpper := false
	for _, r := range word {
		switch {
		case r == '\'' || r == '’':
			continue
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			if letters == 0 {
				firstUpper = true
			}
			upper++
		case unicode.IsLower(r):
			lower++
		default:
			if !unicode.IsLetter(r) && !unicode.IsMark(r) {
				return otherShape
			}
		}
		letters++
	}
	switch {
	case letters == 0:
		return otherShape
	case upper == 0:
		return lowerCase
	case firstUpper && upper == 1:
		return titleCase
	case lower == 0 && upper > 1:
		return upperCase
	}
	return otherShape
}

// applyCase writes a lower-case ASCII correction in the pattern of the word
// it replaces: "these" → "These" for a Title word, "THESE" for an upper-case
// one.
func applyCase(fix string, c wordCase) string {
	switch c {
	case titleCase:
		if fix != "" && 'a' <= fix[0] && fix[0] <= 'z' {
			return string(fix[0]-'a'+'A') + fix[1:]
		}
	case upperCase:
		b := []byte(fix)
		for i, ch := range b {
			if 'a' <= ch && ch <= 'z' {
				b[i] = ch - 'a' + 'A'
			}
		}
		return string(b)
	}
	return fix
}

// unsafeString views b as a string without copying; b must not change
// while the string is in use.
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
