package casing

// A bloom is a Bloom filter over word hashes: a cheap "surely not" before
// a map lookup, since most words of a text start no phrase. Two bits per
// key, from the two halves of a 64-bit keyHash.
type bloom []uint64

func newBloom(bits int) bloom { return make(bloom, bits/64) }

func (b bloom) add(h uint64) {
	m := uint64(len(b)*64 - 1)
	x, y := h&m, (h>>32)&m
	b[x/64] |= 1 << (x % 64)
	b[y/64] |= 1 << (y % 64)
}

func (b bloom) has(h uint64) bool {
	m := uint64(len(b)*64 - 1)
	x, y := h&m, (h>>32)&m
	return b[x/64]&(1<<(x%64)) != 0 && b[y/64]&(1<<(y%64)) != 0
}
