package table

import (
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/copyedit/copyedit/internal/wordhash"
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

// Hashing works on the folded bytes (the UTF-8 of the folded runes) in
// little-endian 8-byte words, each mixed in with a 64×64→128-bit multiply
// (as in wyhash). ASCII text, almost every query, is lower-cased eight bytes
// at a time; other text is folded rune by rune into the same word stream,
// so equal folds hash equally whichever path produced them.

// Hash returns the hash of the folded form of s. Equal folds give equal
// hashes, whichever spelling produced them: Hash("Mark") == Hash("MARK").
// It is part of the data format: changing it requires regenerating the
// embedded data.
func Hash(s string) uint64 {
	h := uint64(wordhash.Seed)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		if x&wordhash.High8 != 0 {
			return hashSlow(s[i:], h, i)
		}
		h = wordhash.Mum(h^wordhash.Lower8(x), wordhash.Mul1)
	}
	var w uint64
	for j := 0; i < len(s); i, j = i+1, j+1 {
		c := s[i]
		if c >= utf8.RuneSelf {
			return hashSlow(s[i-j:], h, i-j)
		}
		w |= uint64(lowerASCII(c)) << (8 * j)
	}
	return wordhash.Mum(wordhash.Mum(h^w, wordhash.Mul1)^uint64(len(s)), wordhash.Mul2)
}

// hashSlow continues Hash from a word boundary at byte n of the folded
// stream, folding s rune by rune.
func hashSlow(s string, h uint64, n int) uint64 {
	var w uint64
	k := 0 // bytes in w
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		m := utf8.EncodeRune(buf[:], foldRune(r))
		for _, c := range buf[:m] {
			w |= uint64(c) << (8 * k)
			k++
			n++
			if k == 8 {
				h = wordhash.Mum(h^w, wordhash.Mul1)
				w, k = 0, 0
			}
		}
	}
	return wordhash.Mum(wordhash.Mum(h^w, wordhash.Mul1)^uint64(n), wordhash.Mul2)
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
	for i+8 <= len(a) && i+8 <= len(b) {
		x := binary.LittleEndian.Uint64([]byte(a[i : i+8]))
		y := binary.LittleEndian.Uint64([]byte(b[i : i+8]))
		if (x|y)&wordhash.High8 != 0 {
			break
		}
		if x, y = wordhash.Lower8(x), wordhash.Lower8(y); x != y {
			// The first differing byte decides: it is the lowest one.
			d := bits.TrailingZeros64(x^y) &^ 7
			if byte(x>>d) < byte(y>>d) {
				return -1
			}
			return 1
		}
		i += 8
	}
	j = i
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
