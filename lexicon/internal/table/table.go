// Package table is the binary word table behind package lexicon: a sorted
// run of records plus a precomputed open-addressing hash table, both read in
// place from one string (the embedded data), so opening a table costs a few
// header reads and no allocation proportional to its size.
//
// # Format
//
// All integers are little endian.
//
//	header  32 bytes
//	  [0:4]   magic "CLX1"
//	  [4:8]   number of records
//	  [8:12]  number of groups (distinct folded forms)
//	  [12:16] number of hash slots
//	  [16:20] number of kinds
//	  [20:24] length of the records section in bytes
//	  [24:28] kind index width in bytes (1 or 2)
//	  [28:32] zero
//	kinds   nKinds × uint32: the distinct metadata values, ascending
//	records one per form, sorted by (folded form, form):
//	  byte    form length (1..127) | 0x80 if the record ends its group
//	  1|2     index into kinds
//	  n       the form, UTF-8
//	slots   nSlots × uint32: 0 if empty, else tag<<24 | (offset+1), where
//	        offset is the byte offset of a group's first record in the
//	        records section and tag is the top byte of the group's hash.
//
// A group is the run of records that share a folded form ("Mark", "mark").
// Each group has exactly one slot, found by linear probing from
// Slot(Hash(folded form)).
package table

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Magic starts every table.
const Magic = "CLX1"

const headerSize = 32

// MaxFormLen is the longest form, in bytes, a table can hold.
const MaxFormLen = 127

const (
	lastInGroup = 0x80
	lenMask     = 0x7f
	maxOffset   = 1<<24 - 2
)

// Table is an opened table. The zero value is an empty table. A Table is
// immutable and safe for concurrent use.
type Table struct {
	records int
	groups  int
	kinds   []uint32
	kw      int    // kind index width
	recs    string // records section
	slots   string // slots section
	nslots  uint64
}

// Open reads a table in place. data must stay unchanged while the table is
// used (a string guarantees that).
func Open(data string) (*Table, error) {
	if len(data) < headerSize || data[:4] != Magic {
		return nil, errors.New("table: bad magic")
	}
	u32 := func(off int) int { return int(binary.LittleEndian.Uint32([]byte(data[off : off+4]))) }
	t := &Table{
		records: u32(4),
		groups:  u32(8),
		nslots:  uint64(u32(12)),
		kw:      u32(24),
	}
	nkinds, reclen := u32(16), u32(20)
	if t.kw != 1 && t.kw != 2 {
		return nil, fmt.Errorf("table: bad kind width %d", t.kw)
	}
	off := headerSize
	end := off + 4*nkinds + reclen + 4*int(t.nslots)
	if end != len(data) {
		return nil, fmt.Errorf("table: size %d, header says %d", len(data), end)
	}
	if t.groups > 0 && int(t.nslots) <= t.groups {
		return nil, errors.New("table: too few slots")
	}
	t.kinds = make([]uint32, nkinds)
	for i := range t.kinds {
		t.kinds[i] = uint32(u32(off + 4*i))
	}
	off += 4 * nkinds
	t.recs = data[off : off+reclen]
	off += reclen
	t.slots = data[off:]
	return t, nil
}

// Len returns the number of records.
func (t *Table) Len() int { return t.records }

// Groups returns the number of distinct folded forms.
func (t *Table) Groups() int { return t.groups }

// Slots returns the size of the hash table.
func (t *Table) Slots() int { return int(t.nslots) }

// Kinds returns the number of distinct metadata values.
func (t *Table) Kinds() int { return len(t.kinds) }

func (t *Table) slot(i uint64) uint32 {
	s := t.slots[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// Slot maps a hash to its home slot in a table of n slots.
func Slot(h uint64, n uint64) uint64 {
	return (h & 0xffffffff) * n >> 32
}

// Tag is the byte of a hash kept in the slot to skip most mismatches.
func Tag(h uint64) uint32 { return uint32(h >> 56) }

// Group returns the offset of the first record of the group whose folded
// form equals the folded word, or -1.
func (t *Table) Group(word string) int {
	if t.nslots == 0 {
		return -1
	}
	h := Hash(word)
	tag := Tag(h)
	for i := Slot(h, t.nslots); ; {
		s := t.slot(i)
		if s == 0 {
			return -1
		}
		if s>>24 == tag {
			off := int(s&0xffffff) - 1
			if form, _, _, _ := t.Record(off); FoldEqual(form, word) {
				return off
			}
		}
		i++
		if i == t.nslots {
			i = 0
		}
	}
}

// Record decodes the record at off: its form, metadata, whether it ends its
// group, and the offset of the next record (len of the records section at
// the end).
func (t *Table) Record(off int) (form string, meta uint32, last bool, next int) {
	h := t.recs[off]
	n := int(h & lenMask)
	k := int(t.recs[off+1])
	if t.kw == 2 {
		k |= int(t.recs[off+2]) << 8
	}
	start := off + 1 + t.kw
	next = start + n
	return t.recs[start:next], t.kinds[k], h&lastInGroup != 0, next
}

// End is the offset just past the last record.
func (t *Table) End() int { return len(t.recs) }

// Find returns the metadata of the form spelled exactly like word (a ’ in
// word matches a stored ').
func (t *Table) Find(word string) (uint32, bool) {
	off := t.Group(word)
	if off < 0 {
		return 0, false
	}
	for {
		form, meta, last, next := t.Record(off)
		if CanonEqual(form, word) {
			return meta, true
		}
		if last {
			return 0, false
		}
		off = next
	}
}
