package vocab

import (
	"errors"
	"math/bits"

	"github.com/copyedit/copyedit/lexicon"
)

// Hot is a set of common words for which the lexicon's answer is known
// without asking it: the lower-case ASCII words of at most eight letters at
// SCOWL level 20 or below whose every spelling in the lexicon, lower-case
// or capitalized, is common to all locales. Written in lower case, or
// capitalized at a sentence start, such a word is known, and tells nothing
// of the document's locale. About two in three words of news text are
// hot; the set is a 128 KB table, which stays in the processor's cache
// where the lexicon's 5 MB do not.
//
// A word is looked up by its key (Key): its bytes as a little-endian
// integer. The table is open addressing with linear probing, 0 marking an
// empty slot.
type Hot struct {
	slots string // 8 bytes each, little-endian keys
	shift uint   // 64 − log2(number of slots)
}

// hotLevel is the rarest level of a common word.
const hotLevel = 20

// hotSlots is the size of the table: twice the common words, or more.
const hotSlots = 1 << 14

// Key returns the key of a word written in lower case, or capitalized
// (its first letter is lowered), if it has one to eight ASCII letters.
func Key(word string) (uint64, bool) {
	if len(word) == 0 || len(word) > 8 {
		return 0, false
	}
	var k uint64
	for i := len(word) - 1; i >= 0; i-- {
		c := word[i]
		if c-'a' >= 26 {
			if i > 0 || c-'A' >= 26 {
				return 0, false
			}
			c += 'a' - 'A'
		}
		k = k<<8 | uint64(c)
	}
	return k, true
}

func (h *Hot) slot(i uint64) uint64 {
	s := h.slots[i*8 : i*8+8]
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
	for form, e := range lex.Each {
		if e.Class != lexicon.Word || e.Level > hotLevel || e.Level == lexicon.UserLevel {
			continue
		}
		k, ok := Key(form)
		if !ok || form[0] < 'a' {
			continue
		}
		common := true
		lex.LookupFold(form, func(_ string, e lexicon.Entry) bool {
			common = e.Region.Spelling() == lexicon.Common
			return common
		})
		if !common || n >= hotSlots/2 {
			continue
		}
		i := (k * 0x9e3779b97f4a7c15) >> shift
		for slots[i] != 0 {
			i = (i + 1) & (hotSlots - 1)
		}
		slots[i] = k
		n++
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
