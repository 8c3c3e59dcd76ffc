package table

import (
	"unicode"
	"unicode/utf8"
)

// rightQuote is U+2019 RIGHT SINGLE QUOTATION MARK, the typographic
// apostrophe. Queries may use it wherever the stored form has '.
const rightQuote = '\u2019'

// foldRune is the case folding used for grouping and hashing: the simple
// lower-case mapping, plus ’ → '. It maps one rune to one rune, so it never
// allocates.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	if r == rightQuote {
		return '\''
	}
	return unicode.ToLower(r)
}

// lowerASCII lower-cases one ASCII byte.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// Fold returns s case-folded the way the table groups forms: every rune
// through unicode.ToLower, ’ replaced by '. Invalid UTF-8 becomes U+FFFD.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = utf8.AppendRune(b, foldRune(r))
	}
	return string(b)
}

// Canon returns s with every ’ replaced by ', the spelling the table stores.
func Canon(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == 0xE2 {
			b := make([]byte, 0, len(s))
			for _, r := range s {
				if r == rightQuote {
					r = '\''
				}
				b = utf8.AppendRune(b, r)
			}
			return string(b)
		}
	}
	return s
}

// hash constants: 64-bit FNV-1a, finished with the murmur3 mixer so that
// both the low 32 bits (slot) and the top byte (tag) are well spread.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Hash returns the hash of the folded form of s. Equal folds give equal
// hashes, whichever spelling produced them: Hash("Mark") == Hash("MARK").
// It is part of the data format: changing it requires regenerating the
// embedded data.
func Hash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			h = (h ^ uint64(lowerASCII(c))) * fnvPrime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		h = (h ^ uint64(foldRune(r))) * fnvPrime
		i += n
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// FoldEqual reports whether a and b have the same folded form, without
// allocating.
func FoldEqual(a, b string) bool {
	return FoldCompare(a, b) == 0
}

// FoldCompare compares the folded forms of a and b rune by rune (by code
// point, which for valid UTF-8 is the same as comparing the folded bytes).
func FoldCompare(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, cb := a[i], b[j]
		if ca|cb < utf8.RuneSelf {
			ca, cb = lowerASCII(ca), lowerASCII(cb)
			if ca != cb {
				if ca < cb {
					return -1
				}
				return 1
			}
			i++
			j++
			continue
		}
		ra, na := utf8.DecodeRuneInString(a[i:])
		rb, nb := utf8.DecodeRuneInString(b[j:])
		ra, rb = foldRune(ra), foldRune(rb)
		if ra != rb {
			if ra < rb {
				return -1
			}
			return 1
		}
		i += na
		j += nb
	}
	switch {
	case i < len(a):
		return 1
	case j < len(b):
		return -1
	}
	return 0
}

// CanonEqual reports whether the stored form equals query, where a ’ in
// query matches a ' in stored. It does not allocate.
func CanonEqual(stored, query string) bool {
	if len(stored) == len(query) {
		return stored == query
	}
	if len(query) < len(stored) {
		return false
	}
	j := 0
	for i := 0; i < len(stored); i++ {
		c := stored[i]
		if j < len(query) && query[j] == c {
			j++
			continue
		}
		if c == '\'' && j+3 <= len(query) && query[j] == 0xE2 && query[j+1] == 0x80 && query[j+2] == 0x99 {
			j += 3
			continue
		}
		return false
	}
	return j == len(query)
}
