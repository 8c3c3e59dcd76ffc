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
//	"CAPS3\n" magic
//	          a Bloom filter of capsBloomBits bits over the keys' hashes
//	          (keyHash; two bits a key, as type bloom sets them), a cheap
//	          "surely not" for most words, which have no capitalised
//	          spelling
//	          the same over the keys whose conf is not 0, which the
//	          proper-noun rule writes capitalised: ordinary words with a
//	          capitalised spelling ("may", "will", "new") fail it
//	uint32    number of slots (a power of two), then the slots: uint32
//	          each, 0 for empty, else the top 8 bits of the key's hash
//	          over the 24-bit offset of its record + 1
//	records:  key length, key, form length, form, shape, class,
//	          capLevel, lowLevel, conf×100, given (one byte each)
//
// Slots are probed linearly from the hash's low bits.
const capsMagic = "CAPS3\n"

// capsBloomBits is the size of each of the caps table's Bloom filters: 64
// KiB, about 2% false positives for the default lexicon's 38,000 keys.
const capsBloomBits = 1 << 19

// capsTable is a caps table, read in place from its bytes.
type capsTable struct {
	data  string
	bloom string // the Bloom filter's bytes
	confs string // the Bloom filter of the keys with a conf
	slots string // the slots' bytes
	mask  uint64
	recs  string
}

func openCaps(data string) (*capsTable, error) {
	if !strings.HasPrefix(data, capsMagic) || len(data) < len(capsMagic)+4 {
		return nil, errors.New("casing: bad caps table")
	}
	p := len(capsMagic)
	if len(data) < p+2*capsBloomBits/8+4 {
		return nil, errors.New("casing: bad caps table size")
	}
	bloom := data[p : p+capsBloomBits/8]
	p += capsBloomBits / 8
	confs := data[p : p+capsBloomBits/8]
	p += capsBloomBits / 8
	n := int(binary.LittleEndian.Uint32([]byte(data[p : p+4])))
	p += 4
	if n == 0 || n&(n-1) != 0 || len(data) < p+4*n {
		return nil, errors.New("casing: bad caps table size")
	}
	return &capsTable{data: data, bloom: bloom, confs: confs, slots: data[p : p+4*n], mask: uint64(n - 1), recs: data[p+4*n:]}, nil
}

// bloomHas reports whether the Bloom filter bf may hold the hash h.
func bloomHas(bf string, h uint64) bool {
	const m = capsBloomBits - 1
	x, y := h&m, (h>>32)&m
	return bf[x>>3]&(1<<(x&7)) != 0 && bf[y>>3]&(1<<(y&7)) != 0
}

func (t *capsTable) slot(i uint64) uint32 {
	s := t.slots[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// lookup returns the capInfo of a lower-case key whose keyHash is h.
func (t *capsTable) lookup(h uint64, key []byte) (capInfo, bool) {
	if !bloomHas(t.bloom, h) {
		return capInfo{}, false
	}
	if off := t.find(h, key); off >= 0 {
		return t.record(off), true
	}
	return capInfo{}, false
}

// lookupConf is lookup for a key whose conf is not 0, which the
// proper-noun rule writes capitalised: ok is false for any other key.
func (t *capsTable) lookupConf(h uint64, key []byte) (capInfo, bool) {
	if !bloomHas(t.confs, h) {
		return capInfo{}, false
	}
	if off := t.find(h, key); off >= 0 {
		if ci := t.record(off); ci.conf > 0 {
			return ci, true
		}
	}
	return capInfo{}, false
}

// find returns the offset of the record of a lower-case key whose keyHash
// is h, or -1.
func (t *capsTable) find(h uint64, key []byte) int {
	tag := uint32(h>>56) << 24
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slot(i)
		if s == 0 {
			return -1
		}
		if s&0xff000000 != tag {
			continue
		}
		off := int(s&0xffffff) - 1
		r := t.recs[off:]
		if kn := int(r[0]); kn == len(key) && r[1:1+kn] == string(key) {
			return off
		}
	}
}

// record returns the capInfo of the record at off.
func (t *capsTable) record(off int) capInfo {
	r := t.recs[off:]
	r = r[1+int(r[0]):]
	fn := int(r[0])
	f := r[1+fn:]
	return capInfo{
		form: r[1 : 1+fn], shape: shape(f[0]), class: lexicon.Class(f[1]),
		capLevel: f[2], lowLevel: f[3], conf: float64(f[4]) / 100, given: f[5] != 0,
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
		h := keyHashString(k)
		i := h & uint64(n-1)
		for slots[i] != 0 {
			i = (i + 1) & uint64(n-1)
		}
		slots[i] = uint32(h>>56)<<24 | uint32(off+1)
	}
	out := []byte(capsMagic)
	all, confs := newBloom(capsBloomBits), newBloom(capsBloomBits)
	for _, k := range keys {
		all.add(keyHashString(k))
		if m[k].conf > 0 {
			confs.add(keyHashString(k))
		}
	}
	for _, bl := range []bloom{all, confs} {
		for _, w := range bl {
			out = binary.LittleEndian.AppendUint64(out, w)
		}
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
