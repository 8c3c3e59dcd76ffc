package casing

import "unicode/utf8"

// evTable is the document's evidence: how it writes each word mid-sentence
// outside headings, capitalised (as form) or in lower case. It is an
// open-addressing hash table over the keyHash of the lower-case key, its
// keys and forms kept in one byte arena, so that remembering a word
// allocates nothing once the arena has grown, and a document of any length
// holds at most maxEvidence words in a few MiB. A Bloom filter of eight
// bits a slot answers most finds, for the words the document has not
// capitalised, without a probe.
type evTable struct {
	slots   []uint64 // hash>>32 <<32 | entry index+1; 0 is empty
	bloom   bloom    // the entries' hashes
	entries []evEntry
	arena   []byte
	gen     uint32 // the current analysis, for undo
	// plain holds keys of up to 16 bytes whose entry is known to be
	// plain (infoPlain: "the" of "The Hague"), which a lower-case use
	// leaves alone: the scan decides them without a probe of the table.
	plain plainSet
}

// plainSet is a set of keys of up to 16 bytes, held in two words each
// (as mix16 takes them), in open addressing.
type plainSet struct {
	slots []plainKey
	n     int
}

type plainKey struct {
	k0, k1 uint64
	n      int // 0: empty
}

// has reports whether the set holds the key k0, k1 of n bytes, whose
// mix16 is h.
func (p *plainSet) has(k0, k1 uint64, n int, h uint64) bool {
	if p.n == 0 {
		return false
	}
	mask := uint64(len(p.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &p.slots[i]
		if s.n == 0 {
			return false
		}
		if s.k0 == k0 && s.k1 == k1 && s.n == n {
			return true
		}
	}
}

// add adds the key k0, k1 of n bytes.
func (p *plainSet) add(k0, k1 uint64, n int) {
	if 2*(p.n+1) > len(p.slots) {
		old := p.slots
		p.slots = make([]plainKey, max(256, 2*len(old)))
		p.n = 0
		for _, s := range old {
			if s.n != 0 {
				p.add(s.k0, s.k1, s.n)
			}
		}
	}
	mask := uint64(len(p.slots) - 1)
	for i := mix16(k0, k1, n) & mask; ; i = (i + 1) & mask {
		s := &p.slots[i]
		if s.n == 0 {
			*s = plainKey{k0, k1, n}
			p.n++
			return
		}
		if s.k0 == k0 && s.k1 == k1 && s.n == n {
			return
		}
	}
}

// evEntry counts the uses of one word.
type evEntry struct {
	hash       uint64
	key, form  uint32 // offsets into arena
	keyN, frmN uint16
	caps, lows int32
	// The counts before the current analysis touched the entry, so that an
	// analysis can be undone.
	caps0, lows0 int32
	gen          uint32
	info         uint8 // lexicon facts about the key, computed once (infoChecked…)
}

const (
	infoChecked uint8 = 1 << iota
	infoPlain         // a particle or an ordinary word: never capitalised on evidence
	infoKnown         // the lexicon lists the word in some case
)

// maxEvidence bounds the words remembered per document, so that memory
// stays flat on endless input.
const maxEvidence = 1 << 16

// find returns the index of key's entry, or -1.
func (t *evTable) find(h uint64, key []byte) int {
	slots := t.slots
	if len(slots) == 0 || !t.bloom.has(h) {
		return -1
	}
	mask := uint64(len(slots) - 1)
	tag := h &^ 0xffffffff
	for i := h & mask; ; i = (i + 1) & mask {
		s := slots[i]
		if s == 0 {
			return -1
		}
		if s&^0xffffffff == tag {
			idx := uint32(s) - 1
			e := &t.entries[idx]
			if e.hash == h && int(e.keyN) == len(key) && string(t.arena[e.key:e.key+uint32(e.keyN)]) == string(key) {
				return int(idx)
			}
		}
	}
}

// add adds an entry for key, written form, and returns its index, or -1
// when the table is full (or the word too long to keep).
func (t *evTable) add(h uint64, key []byte, form string) int {
	if len(t.entries) >= maxEvidence || len(key) > 0xffff || len(form) > 0xffff {
		return -1
	}
	if 2*(len(t.entries)+1) > len(t.slots) {
		t.grow()
	}
	e := evEntry{hash: h, key: uint32(len(t.arena)), keyN: uint16(len(key)), gen: t.gen}
	t.arena = append(t.arena, key...)
	e.form, e.frmN = uint32(len(t.arena)), uint16(len(form))
	t.arena = append(t.arena, form...)
	t.entries = append(t.entries, e)
	t.insert(len(t.entries) - 1)
	return len(t.entries) - 1
}

func (t *evTable) insert(idx int) {
	h := t.entries[idx].hash
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = h&^0xffffffff | uint64(idx+1)
	t.bloom.add(h)
}

func (t *evTable) grow() {
	n := max(1024, 2*len(t.slots))
	t.slots = make([]uint64, n)
	t.bloom = newBloom(8 * n)
	for i := range t.entries {
		t.insert(i)
	}
}

// form returns the entry's capitalised spelling.
func (t *evTable) form(e *evEntry) string {
	return string(t.arena[e.form : e.form+uint32(e.frmN)])
}

// formEqualFold reports whether the entry's form equals s but for case (and
// ’ for ').
func (t *evTable) formEqualFold(e *evEntry, s string) bool {
	f := t.arena[e.form : e.form+uint32(e.frmN)]
	for len(f) > 0 && s != "" {
		a, n := utf8.DecodeRune(f)
		b, m := utf8.DecodeRuneInString(s)
		f, s = f[n:], s[m:]
		if a != b && toLower(a) != toLower(b) {
			return false
		}
	}
	return len(f) == 0 && s == ""
}

// A mark is where an analysis started, to undo it.
type mark struct {
	entries, arena            int
	titleHeads, sentenceHeads int
}

// begin starts an analysis of the docState.
func (st *docState) begin() mark {
	st.ev.gen++
	return mark{len(st.ev.entries), len(st.ev.arena), st.titleHeads, st.sentenceHeads}
}

// touch saves an entry's counts before the current analysis first changes
// them.
func (w *walker) touch(idx int) *evEntry {
	e := &w.st.ev.entries[idx]
	if e.gen != w.st.ev.gen {
		e.gen, e.caps0, e.lows0 = w.st.ev.gen, e.caps, e.lows
		w.s.touched = append(w.s.touched, int32(idx))
	}
	return e
}

// rollback undoes the current analysis: the counts it changed, the entries
// it added, the heading counts.
func (st *docState) rollback(m mark, touched []int32) {
	t := &st.ev
	for _, idx := range touched {
		if int(idx) < m.entries {
			e := &t.entries[idx]
			e.caps, e.lows = e.caps0, e.lows0
		}
	}
	if len(t.entries) > m.entries {
		t.entries, t.arena = t.entries[:m.entries], t.arena[:m.arena]
		clear(t.slots)
		clear(t.bloom)
		clear(t.plain.slots)
		t.plain.n = 0
		for i := range t.entries {
			t.insert(i)
		}
	}
	st.titleHeads, st.sentenceHeads = m.titleHeads, m.sentenceHeads
}
