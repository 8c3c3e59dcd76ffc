package casing

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"

	"github.com/copyedit/copyedit/internal/wordhash"
)

// Every table of the pass (the caps table, the evidence table, the Bloom
// filters in front of them and of the phrases) is keyed by keyHash of a
// word's lower-case key (lowerKey: lower case, ’ as '). A key of up to 16
// bytes is hashed as two little-endian words, zero-padded, with one
// 64×64→128-bit multiply (as in wyhash); an ASCII word of the text is
// lower-cased and hashed eight bytes at a time, without a loop over its
// letters (walker.wordKey).

// mix16 is keyHash of a key of n ≤ 16 bytes held in two words.
func mix16(k0, k1 uint64, n int) uint64 {
	return wordhash.Mum(k0^wordhash.Seed, k1^wordhash.Mul1) ^ uint64(n)*wordhash.Mul2
}

// pack returns a key of at most 16 bytes in two words, as mix16 takes it.
func pack(key []byte) (k0, k1 uint64) {
	var t [16]byte
	copy(t[:], key)
	return binary.LittleEndian.Uint64(t[:8]), binary.LittleEndian.Uint64(t[8:])
}

// keyHash is the hash of a lower-case key.
func keyHash(key []byte) uint64 {
	if len(key) <= 16 {
		k0, k1 := pack(key)
		return mix16(k0, k1, len(key))
	}
	h := uint64(wordhash.Seed)
	i := 0
	for ; i+8 <= len(key); i += 8 {
		h = wordhash.Mum(h^binary.LittleEndian.Uint64(key[i:]), wordhash.Mul1)
	}
	var t [8]byte
	copy(t[:], key[i:])
	return wordhash.Mum(h^binary.LittleEndian.Uint64(t[:]), wordhash.Mul2) ^ uint64(len(key))
}

// keyHashString is keyHash of a key in a string.
func keyHashString(key string) uint64 {
	var buf [64]byte
	return keyHash(append(buf[:0], key...))
}

// load64 returns the eight bytes of s at i, little-endian.
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// keyMasks[n] keeps the first n bytes of two words.
var keyMasks = func() (m [17][2]uint64) {
	for n := range m {
		for i := 0; i < n; i++ {
			m[n][i/8] |= 0xff << (8 * (i % 8))
		}
	}
	return m
}()

// wordKey writes the lower-case key of the word w.text[start:end], its
// possessive "’s" or "'s" left out (splitPossessive), into buf and returns
// it with its keyHash. The common word, ASCII and at most 16 bytes long, is
// read and lower-cased eight bytes at a time.
func (w *walker) wordKey(start, end int, buf *[64]byte) ([]byte, uint64) {
	s := w.text
	n := end - start
	if n >= 3 {
		if c := s[end-1]; c == 's' || c == 'S' {
			if s[end-2] == '\'' {
				n -= 2
			} else if n >= 5 && s[end-4:end-1] == "’" {
				n -= 4
			}
		}
	}
	if n <= 16 && start+16 <= len(s) {
		m := &keyMasks[n]
		k0, k1 := load64(s, start)&m[0], load64(s, start+8)&m[1]
		if (k0|k1)&wordhash.High8 == 0 {
			k0, k1 = wordhash.Lower8(k0), wordhash.Lower8(k1)
			binary.LittleEndian.PutUint64(buf[:8], k0)
			binary.LittleEndian.PutUint64(buf[8:16], k1)
			return buf[:n], mix16(k0, k1, n)
		}
	}
	key := lowerKey(buf[:0], s[start:start+n])
	return key, keyHash(key)
}

// lowerKey writes s in lower case into buf (with ’ as ') and returns it;
// it does not allocate for words shorter than buf's capacity.
func lowerKey(buf []byte, s string) []byte {
	if cap(buf) < len(s) {
		buf = make([]byte, 0, len(s)+8)
	}
	buf = buf[:len(s)]
	for i := 0; i < len(s) && i < len(buf); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return lowerKeySlow(buf[:i], s[i:])
		}
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf
}

func lowerKeySlow(buf []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r == '’':
			buf = append(buf, '\'')
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf
}
