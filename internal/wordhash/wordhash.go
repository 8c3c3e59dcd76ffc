// Package wordhash holds the primitives the word tables of the lexicon and
// the casing pass hash with: ASCII lower-casing eight bytes at a time, and
// a 64×64→128-bit multiply-and-fold mix with its constants (as in wyhash).
// The tables' generated data depends on them: changing a constant means
// regenerating lexicon/scowl.bin and casing/data/caps.bin.
package wordhash

import "math/bits"

// The seed and multipliers of the mix.
const (
	Seed = 0xa0761d6478bd642f
	Mul1 = 0xe7037ed1a0b428db
	Mul2 = 0x8ebc6af09c88c6e3
)

// High8 has the high bit of each of eight bytes: a word of eight bytes is
// ASCII when x&High8 == 0.
const High8 = 0x8080808080808080

// Masks that carry into a byte's high bit when the byte is at least 'A'
// (lo8x3) and more than 'Z' (lo8x2).
const (
	lo8x3 = 0x3f3f3f3f3f3f3f3f // 0x80 - 'A'
	lo8x2 = 0x2525252525252525 // 0x80 - 'Z' - 1
)

// Lower8 lower-cases eight ASCII bytes (x&High8 == 0).
func Lower8(x uint64) uint64 {
	upper := (x + lo8x3) &^ (x + lo8x2) & High8
	return x | upper>>2
}

// Mum multiplies a by b to 128 bits and folds the halves together.
func Mum(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}
