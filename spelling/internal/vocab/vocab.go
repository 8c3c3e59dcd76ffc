// Package vocab builds, stores and loads the spelling pass's candidate
// words: the trie of the lexicon's words that a correction may be (see
// internal/trie), each word carrying what the ranking needs to know of it
// (a Cand), and the set of common words (Hot) that spares most correctly
// spelt words a lexicon lookup.
//
// For the default lexicon both are generated ahead of time (go generate
// ./spelling/...) into spelling/data/vocab.bin, which the pass embeds and
// reads in place; for a lexicon given at run time they are built on first
// use.
package vocab

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/copyedit/copyedit/lexicon"
	"github.com/copyedit/copyedit/spelling/internal/trie"
)

// MaxLevel is the rarest SCOWL level a correction may come from: level 80
// holds word-game words and typo-like rarities ("wich", "belive") that
// make poor corrections.
const MaxLevel = 70

// Cand is what the ranking knows of a candidate word: the class of its
// SCOWL level (LevelClass), whether it is spelt capitalized ("February"
// for the key "february"), and the locales whose spelling it is. It is the
// word's payload in the trie.
type Cand uint8

// The fields of a Cand.
const (
	Level   Cand = 0x0f // LevelClass of the word's level
	Capital Cand = 0x10 // spelt with a capital first letter
	US      Cand = 0x20 // an American spelling
	UK      Cand = 0x40 // a British spelling
)

// CandOf packs an entry and whether its spelling is capitalized.
func CandOf(e lexicon.Entry, capital bool) Cand {
	c := Cand(LevelClass(e.Level))
	if capital {
		c |= Capital
	}
	if e.Region.Accepts(lexicon.American) {
		c |= US
	}
	if e.Region.Accepts(lexicon.British) {
		c |= UK
	}
	return c
}

// LevelClass numbers the SCOWL levels that the ranking tells apart: 0 for
// the user's words, then 1…8 for levels 10, 20, 35, 40, 50, 55, 60 and 70,
// and 9 above.
func LevelClass(level uint8) int {
	switch {
	case level == lexicon.UserLevel:
		return 0
	case level <= 10:
		return 1
	case level <= 20:
		return 2
	case level <= 35:
		return 3
	case level <= 40:
		return 4
	case level <= 50:
		return 5
	case level <= 55:
		return 6
	case level <= 60:
		return 7
	case level <= 70:
		return 8
	}
	return 9
}

// Vocab is the candidate trie and the common words of a lexicon. It is
// immutable and safe for concurrent use.
type Vocab struct {
	// Trie holds the candidates by their lower case.
	Trie *trie.Trie
	// Hot holds the common words.
	Hot *Hot
}

// Build returns the vocabulary of lex.
func Build(lex *lexicon.Lexicon) (*Vocab, error) {
	words, cands := candidates(lex)
	payload := make([]uint8, len(cands))
	for i, c := range cands {
		payload[i] = uint8(c)
	}
	t, err := trie.Build(words, payload)
	if err != nil {
		return nil, fmt.Errorf("vocab: %w", err)
	}
	return &Vocab{Trie: t, Hot: buildHot(lex)}, nil
}

// candidates returns the candidate keys, sorted, and what is known of
// each: the lexicon's lower-case words up to MaxLevel (and the user's), and
// its capitalized dictionary words ("February", "Monday") by their lower
// case, one entry per key: the lower-case word if there is one, else the
// commonest capitalized one.
func candidates(lex *lexicon.Lexicon) ([]string, []Cand) {
	const sizeHint = 150000
	words := make([]string, 0, sizeHint)
	cands := make([]Cand, 0, sizeHint)
	levels := make([]uint8, 0, sizeHint)
	add := func(key string, capital bool, e lexicon.Entry) {
		if n := len(words); n > 0 && words[n-1] == key {
			if cands[n-1]&Capital != 0 && (!capital || e.Level < levels[n-1]) {
				cands[n-1], levels[n-1] = CandOf(e, capital), e.Level
			}
			return
		}
		words = append(words, key)
		cands = append(cands, CandOf(e, capital))
		levels = append(levels, e.Level)
	}
	// Each walks the lexicon in case-folded order, which for these words
	// is the byte order of their lower case: the list comes out sorted.
	for form, e := range lex.Each {
		if e.Level > MaxLevel && e.Level != lexicon.UserLevel {
			continue
		}
		switch {
		case candidateForm(form):
			add(form, false, e)
		case e.Class == lexicon.Upper && len(form) > 1 && 'A' <= form[0] && form[0] <= 'Z' && candidateForm(form[1:]):
			add(string(form[0]+'a'-'A')+form[1:], true, e)
		}
	}
	if slices.IsSortedFunc(words, func(a, b string) int {
		if a == b {
			return 1 // a duplicate: not strictly sorted
		}
		return strings.Compare(a, b)
	}) {
		return words, cands
	}
	// A lexicon whose order differs from byte order: never the default.
	idx := make([]int, len(words))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(words[a], words[b]) })
	w2, c2 := make([]string, 0, len(words)), make([]Cand, 0, len(words))
	for _, i := range idx {
		if n := len(w2); n > 0 && w2[n-1] == words[i] {
			continue
		}
		w2, c2 = append(w2, words[i]), append(c2, cands[i])
	}
	return w2, c2
}

// candidateForm reports whether a lexicon spelling can be a correction:
// lower-case ASCII letters, with apostrophes inside.
func candidateForm(s string) bool {
	if s == "" || s[0] == '\'' || s[len(s)-1] == '\'' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && c != '\'' {
			return false
		}
	}
	return true
}

// The serialized vocabulary: a header (magic, the sizes of the two parts),
// the trie, then the common words' slots.
const (
	magic      = "vocab\x01\x00\x00"
	headerSize = 16
)

// Bytes returns the serialized vocabulary, which Load reads back.
func (v *Vocab) Bytes() []byte {
	t := v.Trie.Bytes()
	buf := make([]byte, headerSize, headerSize+len(t)+len(v.Hot.slots))
	copy(buf, magic)
	binary.LittleEndian.PutUint32(buf[8:], uint32(len(t)))
	binary.LittleEndian.PutUint32(buf[12:], uint32(len(v.Hot.slots)))
	buf = append(buf, t...)
	return append(buf, v.Hot.slots...)
}

// Load returns the vocabulary serialized in data, which it uses in place.
func Load(data string) (*Vocab, error) {
	if len(data) < headerSize || data[:8] != magic {
		return nil, errors.New("vocab: not a serialized vocabulary")
	}
	nt := int(binary.LittleEndian.Uint32([]byte(data[8:12])))
	nh := int(binary.LittleEndian.Uint32([]byte(data[12:16])))
	if len(data) != headerSize+nt+nh {
		return nil, errors.New("vocab: truncated or corrupt data")
	}
	t, err := trie.Load(data[headerSize : headerSize+nt])
	if err != nil {
		return nil, fmt.Errorf("vocab: %w", err)
	}
	h, err := loadHot(data[headerSize+nt:])
	if err != nil {
		return nil, err
	}
	return &Vocab{Trie: t, Hot: h}, nil
}
