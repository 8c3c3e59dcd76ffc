package vocab

import (
	"errors"
	"math/bits"

	"github.com/copyedit/copyedit/lexicon"
)

// Hot is a set of common words for which the lexicon's answer is known
// without asking it: the words of ASCII letters whose group in the lexicon
// (the spellings with the same lower case: "mark" and "Mark") has one at
// SCOWL level 50 or below and only spellings common to all locales. In
// lower case or capitalized, such a word is known (or a known word in
// another case, or a rare one: all of which the spelling pass leaves
// alone) and tells nothing of the document's locale. Nine words in ten of
// news text are hot; the set is a 1 MB table probed once, where the
// lexicon's lookup reads a slot table and a record table of 5 MB between
// them.
//
// A word is looked up by its key (Key). The table is open addressing with
// linear probing, 0 marking an empty slot.
type Hot struct {
	slots string // 8 bytes each, little-endian keys
	shift uint   // 64 − log2(number of slots)
}

// hotLevel is the rarest level a group needs a spelling at.
const hotLevel = 50

// hotSlots is the size of the table: about twice the common words.
const hotSlots = 1 << 17

// Key returns the key of a word of ASCII letters, whatever their case: its
// lower case packed into an integer (little-endian) when it has at most
// eight letters, else a 64-bit hash of its lower case whose top bit is set
// (a packed key's top byte is at most 'z').
func Key(word string) (uint64, bool) {
	if len(word) == 0 {
		return 0, false
	}
	if len(word) <= 8 {
		var k uint64
		for i := len(word) - 1; i >= 0; i-- {
			c := word[i] | 0x20 // ASCII lower case
			if c-'a' >= 26 {
				return 0, false
			}
			k = k<<8 | uint64(c)
		}
		return k, true
	}
	h := uint64(len(word)) * 0x9e3779b97f4a7c15
	for i := 0; i < len(word); i += 8 {
		var k uint64
		for j := min(i+8, len(word)) - 1; j >= i; j-- {
			c := word[j] | 0x20
			if c-'a' >= 26 {
				return 0, false
			}
			k = k<<8 | uint64(c)
		}
		h = (h ^ k) * 0xff51afd7ed558ccd
		h ^= h >> 32
	}
	return h | 1<<63, true
}

// KeyAt returns Key(text[start:end]), faster for short words: it reads the
// word's bytes as one integer when text has eight bytes from start.
func KeyAt(text string, start, end int) (uint64, bool) {
	n := end - start
	if n <= 0 || n > 8 || start+8 > len(text) {
		return Key(text[start:end])
	}
	s := text[start:]
	_ = s[7] // one bounds check, and one 8-byte load
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	mask := ^uint64(0) >> (64 - 8*n)
	x &= mask
	if x&highs != 0 {
		return 0, false // not ASCII
	}
	x |= 0x2020202020202020 & mask // lower case, if letters
	// Each byte of the word must lie in 'a'…'z': at least 'a' sets its high
	// bit when 0x80-'a' is added, above 'z' when 0x80-'z'-1 is (no byte
	// carries into the next: each is below 0x80).
	ge := x + (0x80-'a')*ones
	gt := x + (0x80-'z'-1)*ones
	if (ge&^gt)&highs&mask != highs&mask {
		return 0, false
	}
	return x, true
}

func (h *Hot) slot(i uint64) uint64 {
	s := h.slots[i*8:]
	_ = s[7] // one bounds check, and one 8-byte load
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Has reports whether the word with key k is common.
func (h *Hot) Has(k uint64) bool {
	mask := uint64(len(h.slots)/8 - 1)
	for i := (k * 0x9e3779b97f4a7c15) >> h.shift; ; i = (i + 1) & mask {
		switch h.slot(i) {
		case k:
			return true
		case 0:
			return false
		}
	}
}

// Len returns the number of common words.
func (h *Hot) Len() int {
	n := 0
	for i := range uint64(len(h.slots) / 8) {
		if h.slot(i) != 0 {
			n++
		}
	}
	return n
}

// buildHot collects the common words of lex.
func buildHot(lex *lexicon.Lexicon) *Hot {
	slots := make([]uint64, hotSlots)
	shift := uint(64 - bits.TrailingZeros(hotSlots))
	n := 0
	var last uint64
	for form := range lex.Each {
		k, ok := Key(form)
		if !ok || k == last {
			continue // not letters, or a group already seen
		}
		last = k
		common, minLevel := true, uint8(255)
		lex.LookupFold(form, func(_ string, e lexicon.Entry) bool {
			common = common && e.Region.Spelling() == lexicon.Common
			minLevel = min(minLevel, e.Level)
			return true
		})
		if !common || minLevel > hotLevel || minLevel == lexicon.UserLevel || n >= hotSlots*3/4 {
			continue
		}
		i := (k * 0x9e3779b97f4a7c15) >> shift
		for slots[i] != 0 {
			if slots[i] == k {
				break
			}
			i = (i + 1) & (hotSlots - 1)
		}
		if slots[i] == 0 {
			slots[i] = k
			n++
		}
	}
	buf := make([]byte, 8*hotSlots)
	for i, k := range slots {
		for b := range 8 {
			buf[8*i+b] = byte(k >> (8 * b))
		}
	}
	return &Hot{slots: string(buf), shift: shift}
}

// loadHot reads the table of a serialized vocabulary.
func loadHot(data string) (*Hot, error) {
	n := len(data) / 8
	if n == 0 || n&(n-1) != 0 || len(data)%8 != 0 {
		return nil, errors.New("vocab: bad table of common words")
	}
	return &Hot{slots: data, shift: uint(64 - bits.TrailingZeros(uint(n)))}, nil
}
