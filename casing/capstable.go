package casing

import (
	_ "embed"
	"encoding/binary"
	"errors"
	mbits "math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/copyedit/copyedit/lexicon"
)

//go:generate go test -run TestCapsData -update-caps .

// capsData is the default lexicon's capitalisation table, made ahead of
// time (go generate; a test checks it is what buildTables makes of
// lexicon.Default()) and read in place, so that New builds nothing.
//
//go:embed data/caps.bin
var capsData string

// The caps table's byte layout, little-endian:
//
//	"CAPS2\n" magic
//	          a Bloom filter of capsBloomBits bits over the keys' hashes
//	          (two bits a key, as type bloom sets them), a cheap "surely
//	          not" for most words, which have no capitalised spelling
//	uint32    number of slots (a power of two), then the slots: uint32
//	          each, 0 for empty, else the top 8 bits of the key's hash
//	          (lowerKeyHash) over the 24-bit offset of its record + 1
//	records:  key length, key, form length, form, shape, class,
//	          capLevel, lowLevel, conf×100, given (one byte each)
//
// Slots are probed linearly from the hash's low bits.
const capsMagic = "CAPS2\n"

// capsBloomBits is the size of the caps table's Bloom filter: 64 KiB, 2.5%
// false positives for the default lexicon's 45,000 keys.
const capsBloomBits = 1 << 19

// capsTable is a caps table, read in place from its bytes.
type capsTable struct {
	data  string
	bloom string // the Bloom filter's bytes
	slots string // the slots' bytes
	mask  uint64
	recs  string
}

func openCaps(data string) (*capsTable, error) {
	if !strings.HasPrefix(data, capsMagic) || len(data) < len(capsMagic)+4 {
		return nil, errors.New("casing: bad caps table")
	}
	p := len(capsMagic)
	if len(data) < p+capsBloomBits/8+4 {
		return nil, errors.New("casing: bad caps table size")
	}
	bloom := data[p : p+capsBloomBits/8]
	p += capsBloomBits / 8
	n := int(binary.LittleEndian.Uint32([]byte(data[p : p+4])))
	p += 4
	if n == 0 || n&(n-1) != 0 || len(data) < p+4*n {
		return nil, errors.New("casing: bad caps table size")
	}
	return &capsTable{data: data, bloom: bloom, slots: data[p : p+4*n], mask: uint64(n - 1), recs: data[p+4*n:]}, nil
}

func (t *capsTable) slot(i uint64) uint32 {
	s := t.slots[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// lookup returns the capInfo of a lower-case key whose lowerKeyHash is h.
func (t *capsTable) lookup(h uint64, key []byte) (capInfo, bool) {
	const m = capsBloomBits - 1
	if x, y := h&m, (h>>32)&m; t.bloom[x>>3]&(1<<(x&7)) == 0 || t.bloom[y>>3]&(1<<(y&7)) == 0 {
		return capInfo{}, false
	}
	tag := uint32(h>>56) << 24
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slot(i)
		if s == 0 {
			return capInfo{}, false
		}
		if s&0xff000000 != tag {
			continue
		}
		off := int(s&0xffffff) - 1
		r := t.recs[off:]
		kn := int(r[0])
		if kn != len(key) || r[1:1+kn] != string(key) {
			continue
		}
		r = r[1+kn:]
		fn := int(r[0])
		f := r[1+fn:]
		return capInfo{
			form: r[1 : 1+fn], shape: shape(f[0]), class: lexicon.Class(f[1]),
			capLevel: f[2], lowLevel: f[3], conf: float64(f[4]) / 100, given: f[5] != 0,
		}, true
	}
}

// encodeCaps writes the caps table of a lower-case key → capInfo map.
func encodeCaps(m map[string]capInfo) ([]byte, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	n := 1 << mbits.Len(uint(2*len(m)))
	slots := make([]uint32, n)
	var recs []byte
	for _, k := range keys {
		ci := m[k]
		if len(k) > 255 || len(ci.form) > 255 || len(recs) >= 1<<24-1 {
			return nil, errors.New("casing: caps table entry too large")
		}
		off := len(recs)
		recs = append(recs, byte(len(k)))
		recs = append(recs, k...)
		recs = append(recs, byte(len(ci.form)))
		recs = append(recs, ci.form...)
		given := byte(0)
		if ci.given {
			given = 1
		}
		recs = append(recs, byte(ci.shape), byte(ci.class), ci.capLevel, ci.lowLevel, byte(ci.conf*100+0.5), given)
		_, h := lowerKeyHash(nil, k)
		i := h & uint64(n-1)
		for slots[i] != 0 {
			i = (i + 1) & uint64(n-1)
		}
		slots[i] = uint32(h>>56)<<24 | uint32(off+1)
	}
	out := []byte(capsMagic)
	bl := newBloom(capsBloomBits)
	for _, k := range keys {
		bl.add(hashString(k))
	}
	for _, w := range bl {
		out = binary.LittleEndian.AppendUint64(out, w)
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(n))
	for _, s := range slots {
		out = binary.LittleEndian.AppendUint32(out, s)
	}
	return append(out, recs...), nil
}

// defaultCaps is the embedded table of the default lexicon.
var defaultCaps = sync.OnceValue(func() *capsTable {
	t, err := openCaps(capsData)
	if err != nil {
		panic(err)
	}
	return t
})
