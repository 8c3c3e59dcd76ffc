// Package trie finds the words of a list within a small edit distance of a
// query. The trie is one flat array of 8-byte nodes whose children are
// contiguous, so it serializes to bytes that can be embedded in the binary
// and used in place (Load): nothing is built at run time. Each word carries
// a 7-bit payload for its user (the spelling pass keeps what it knows of
// the word there).
//
// The alphabet is the apostrophe and the lower-case ASCII letters: words
// with other bytes cannot be stored, and query bytes outside it match
// nothing.
//
// The distance is the optimal string alignment distance (Damerau-
// Levenshtein with each substring edited once): insertions, deletions,
// substitutions and transpositions of adjacent letters cost 1. A search
// walks the trie carrying, for each number of edits e up to the bound, the
// set of query prefixes within e edits of the node's prefix as the bits of
// a machine word (the bit-parallel automaton of Wu and Manber, with Hyyrö's
// transposition term), so a node costs a handful of word operations
// whatever the query's length. A node whose query prefixes have used up
// the budget can only continue with the letters that follow them in the
// query: each node keeps the set of its children's letters as a bit mask,
// so the walk goes straight to those children and skips the others.
package trie

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"unsafe"
)

// MaxQuery is the longest query, in bytes, a search accepts; longer
// queries find nothing.
const MaxQuery = 60

// MaxDist is the largest distance a search accepts.
const MaxDist = 3

// MaxPayload is the largest payload a word can carry.
const MaxPayload = 1<<7 - 1

// maxDepth bounds the depth of a search: a word within MaxDist of a query
// of MaxQuery bytes is at most this long.
const maxDepth = MaxQuery + MaxDist

// The alphabet: the symbol of ' is 0, of a…z 1…26, in byte order.
const (
	symbols  = 27
	noSymbol = 0xff
)

var symbolOf = func() (t [256]uint8) {
	for i := range t {
		t[i] = noSymbol
	}
	t['\''] = 0
	for c := 'a'; c <= 'z'; c++ {
		t[c] = uint8(c-'a') + 1
	}
	return t
}()

func byteOf(sym int) byte {
	if sym == 0 {
		return '\''
	}
	return byte('a' + sym - 1)
}

// The layout of a node, an unsigned 64-bit little-endian integer:
//
//	bits  0–26  the symbols of the children, one bit each
//	bit  27     a word ends at the node
//	bits 28–31  the length of the shortest word in the subtree (capped at 15)
//	bits 32–35  the length of the longest word in the subtree (15: 15 or more)
//	bits 36–56  the index of the first child; the others follow it in
//	            symbol order
//	bits 57–63  the payload of the word that ends at the node
//
// The root is node 0.
const (
	lenCap   = 1<<4 - 1
	maxNodes = 1 << 21
)

type node uint64

func (n node) mask() uint32   { return uint32(n) & (1<<symbols - 1) }
func (n node) isWord() bool   { return n&(1<<27) != 0 }
func (n node) minLen() int    { return int(n>>28) & lenCap }
func (n node) maxLen() int    { return int(n>>32) & lenCap }
func (n node) first() uint32  { return uint32(n>>36) & (maxNodes - 1) }
func (n node) payload() uint8 { return uint8(n >> 57) }

// Trie is a set of words, each with a payload. It is immutable and safe for
// concurrent use.
type Trie struct {
	data  string // the nodes, 8 bytes each, little-endian
	words int
}

// node returns node i.
func (t *Trie) node(i uint32) node {
	s := t.data[int(i)*8:]
	_ = s[7] // one bounds check, and one 8-byte load
	return node(uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56)
}

// child returns the child of n with symbol sym; n must have one.
func (t *Trie) child(n node, sym int) node {
	return t.node(n.first() + uint32(bits.OnesCount32(n.mask()&(1<<sym-1))))
}

// Len returns the number of words.
func (t *Trie) Len() int { return t.words }

// Nodes returns the number of nodes.
func (t *Trie) Nodes() int { return len(t.data) / 8 }

// Size returns the size of the serialized trie in bytes.
func (t *Trie) Size() int { return len(t.data) + headerSize }

// New returns the trie of words without payloads, which it sorts and
// deduplicates first (in a copy) if they are not sorted and unique. It
// panics on a word the format cannot hold (see Build).
func New(words []string) *Trie {
	if !sortedUnique(words) {
		words = slices.Clone(words)
		slices.Sort(words)
		words = slices.Compact(words)
	}
	t, err := Build(words, nil)
	if err != nil {
		panic(err)
	}
	return t
}

// Build returns the trie of words, word i carrying payload[i] (0 when
// payload is nil). The words must be sorted (byte order) and unique, of the
// letters a–z and the apostrophe, and the payloads at most MaxPayload.
func Build(words []string, payload []uint8) (*Trie, error) {
	if payload != nil && len(payload) != len(words) {
		return nil, errors.New("trie: one payload per word")
	}
	for i, w := range words {
		if i > 0 && words[i-1] >= w {
			return nil, fmt.Errorf("trie: words not sorted and unique at %q", w)
		}
		for j := 0; j < len(w); j++ {
			if symbolOf[w[j]] == noSymbol {
				return nil, fmt.Errorf("trie: %q: byte %q is not a letter a–z or an apostrophe", w, w[j])
			}
		}
		if payload != nil && payload[i] > MaxPayload {
			return nil, fmt.Errorf("trie: %q: payload %d over %d", w, payload[i], MaxPayload)
		}
	}
	b := builder{words: words, payload: payload, nodes: make([]node, 1, 3*len(words)+1)}
	b.build(0, 0, len(words), 0)
	if len(b.nodes) >= maxNodes {
		return nil, fmt.Errorf("trie: %d nodes, the format holds fewer than %d", len(b.nodes), maxNodes)
	}
	buf := make([]byte, 8*len(b.nodes))
	for i, n := range b.nodes {
		binary.LittleEndian.PutUint64(buf[8*i:], uint64(n))
	}
	return &Trie{data: unsafe.String(unsafe.SliceData(buf), len(buf)), words: len(words)}, nil
}

func sortedUnique(words []string) bool {
	for i := 1; i < len(words); i++ {
		if words[i-1] >= words[i] {
			return false
		}
	}
	return true
}

type builder struct {
	words   []string
	payload []uint8
	nodes   []node
}

// build fills node k, the prefix words[lo][:depth] shared by words[lo:hi],
// and its subtree: its children are allocated as one block, then each
// child's subtree in turn, so that a subtree is mostly contiguous.
func (b *builder) build(k uint32, lo, hi, depth int) (minLen, maxLen int) {
	var n node
	minLen, maxLen = lenCap, 0
	if lo < hi && len(b.words[lo]) == depth {
		n |= 1 << 27
		if b.payload != nil {
			n |= node(b.payload[lo]) << 57
		}
		minLen, maxLen = min(depth, lenCap), min(depth, lenCap)
		lo++
	}
	first := uint32(len(b.nodes))
	type group struct{ lo, hi int }
	var groups [symbols]group
	count := 0
	for i := lo; i < hi; {
		c := b.words[i][depth]
		j := i + 1
		for j < hi && b.words[j][depth] == c {
			j++
		}
		groups[count] = group{i, j}
		count++
		n |= 1 << symbolOf[c]
		b.nodes = append(b.nodes, 0)
		i = j
	}
	for g := range count {
		lmin, lmax := b.build(first+uint32(g), groups[g].lo, groups[g].hi, depth+1)
		minLen, maxLen = min(minLen, lmin), max(maxLen, lmax)
	}
	if count > 0 {
		n |= node(first) << 36
	}
	n |= node(minLen)<<28 | node(maxLen)<<32
	b.nodes[k] = n
	return minLen, maxLen
}

// The serialized form: a header, then the nodes.
const (
	magic      = "trie\x02\x00\x00\x00"
	headerSize = 16
)

// Bytes returns the serialized trie, which Load reads back.
func (t *Trie) Bytes() []byte {
	buf := make([]byte, headerSize, headerSize+len(t.data))
	copy(buf, magic)
	binary.LittleEndian.PutUint32(buf[8:], uint32(t.words))
	binary.LittleEndian.PutUint32(buf[12:], uint32(len(t.data)/8))
	return append(buf, t.data...)
}

// Load returns the trie serialized in data, which it uses in place. It
// checks the header only: it touches no node, so loading costs nothing
// however large the trie. Check verifies the nodes.
func Load(data string) (*Trie, error) {
	if len(data) < headerSize || data[:8] != magic {
		return nil, errors.New("trie: not a serialized trie")
	}
	words := int(binary.LittleEndian.Uint32([]byte(data[8:12])))
	nodes := int(binary.LittleEndian.Uint32([]byte(data[12:16])))
	if nodes < 1 || len(data) != headerSize+8*nodes {
		return nil, errors.New("trie: truncated or corrupt data")
	}
	return &Trie{data: data[headerSize:], words: words}, nil
}

// Check verifies that every node's children lie after it, inside the
// array, so that a search cannot leave it or loop, and that the trie holds
// as many words as it says.
func (t *Trie) Check() error {
	nodes := uint32(t.Nodes())
	words := 0
	for i := range nodes {
		n := t.node(i)
		if c := uint32(bits.OnesCount32(n.mask())); c > 0 && (n.first() <= i || n.first()+c > nodes) {
			return fmt.Errorf("trie: node %d: bad children", i)
		}
		if n.mask()>>symbols != 0 {
			return fmt.Errorf("trie: node %d: bad symbols", i)
		}
		if n.isWord() {
			words++
		}
	}
	if words != t.words {
		return fmt.Errorf("trie: %d words, the header says %d", words, t.words)
	}
	return nil
}

// Lookup returns the payload of word, or false if the trie lacks it.
func (t *Trie) Lookup(word string) (uint8, bool) {
	n := t.node(0)
	for i := 0; i < len(word); i++ {
		sym := int(symbolOf[word[i]])
		if sym == noSymbol || n.mask()&(1<<sym) == 0 {
			return 0, false
		}
		n = t.child(n, sym)
	}
	return n.payload(), n.isWord()
}

// Match is a word found by a search: its distance from the query, its
// payload, and where the searcher keeps its spelling (see Word).
type Match struct {
	Dist    int8
	Payload uint8
	n       uint8
	off     uint32
}

// Budget bounds a search by the word's start: words whose first letter is
// the query's (or whose first two letters are the query's swapped) may be
// up to Same edits away, the others up to Other. Writers seldom get the
// first letter of a word wrong, and a word that differs from the query in
// its first letter and in something else is seldom what they meant;
// searching the other first letters with a smaller budget is most of a
// search's saving.
type Budget struct {
	Same, Other int
}

// Searcher holds the scratch space of searches; reuse one per goroutine to
// search without allocating.
type Searcher struct {
	// Rows counts the trie nodes the last search computed a state for:
	// its cost, for measurements.
	Rows int

	t    *Trie
	m    int
	full uint64 // the bits of the query prefixes 0..m
	same int    // the budget of words that start like the query
	q0   int    // the symbol of the query's first letter (or -1)
	peq  [32]uint64
	next [MaxQuery + 1]uint32 // the symbol bit of query letter j
	path [maxDepth + 2]byte
	st   [maxDepth + 2]state // the state of the node at each depth of the walk
	out  []Match
	buf  []byte

	// The last search, for Widen: its query and budget, and whether it
	// ran; and the matches under the query's first letter that Widen
	// carries over (their spellings in keepBuf), taken when reuse is set.
	lastQ         [MaxQuery]byte
	lastBudget    Budget
	lastOK, reuse bool
	keep          []Match
	keepBuf       []byte
}

// state is, for e = 0…3, the set of query prefixes (bit j: the first j
// bytes) within e edits of a node's prefix.
type state [MaxDist + 1]uint64

// step returns the state after a letter whose query bits are my, from the
// node's state p, its parent's g, and the parent letter's query bits px
// (for a transposition).
func step(p, g *state, my, px uint64) state {
	tm := (my << 1) & px
	var ns state
	ns[0] = (p[0] << 1) & my
	ns[1] = (p[1]<<1)&my | p[0] | p[0]<<1 | ns[0]<<1 | (g[0]<<2)&tm
	ns[2] = (p[2]<<1)&my | p[1] | p[1]<<1 | ns[1]<<1 | (g[1]<<2)&tm
	ns[3] = (p[3]<<1)&my | p[2] | p[2]<<1 | ns[2]<<1 | (g[2]<<2)&tm
	return ns
}

// Search returns every word within maxd of q, in byte order. The result is
// valid until the next search with s.
func (s *Searcher) Search(t *Trie, q string, maxd int) []Match {
	return s.SearchBudget(t, q, Budget{Same: maxd, Other: maxd})
}

// SearchBudget returns every word within the budget of q, in byte order.
// The result is valid until the next search with s.
func (s *Searcher) SearchBudget(t *Trie, q string, b Budget) []Match {
	s.out = s.out[:0]
	s.buf = s.buf[:0]
	s.Rows = 0
	s.lastOK = false
	if len(q) > MaxQuery || b.Same < 0 || b.Other < 0 || max(b.Same, b.Other) > MaxDist || t.words == 0 {
		return s.out
	}
	s.t, s.m, s.same = t, len(q), b.Same
	s.lastOK, s.lastBudget = true, b
	copy(s.lastQ[:], q)
	m := len(q)
	s.full = 1<<(m+1) - 1
	s.peq = [32]uint64{}
	for i := 0; i < m; i++ {
		s.next[i] = 0
		if sym := symbolOf[q[i]]; sym != noSymbol {
			s.peq[sym] |= 1 << (i + 1)
			s.next[i] = 1 << sym
		}
	}
	s.next[m] = 0
	s.q0 = -1
	q1 := -1
	if m > 0 && symbolOf[q[0]] != noSymbol {
		s.q0 = int(symbolOf[q[0]])
	}
	if m > 1 && symbolOf[q[1]] != noSymbol {
		q1 = int(symbolOf[q[1]])
	}
	root := t.node(0)
	if root.isWord() && m <= b.Other {
		s.emit(root.payload(), int8(m), 0)
	}
	// The root's children choose their budget by their letter.
	s.st[0] = state{1, 3, 7, 15}
	mask := root.mask()
	base := root.first()
	for iter := mask; iter != 0; iter &= iter - 1 {
		sym := bits.TrailingZeros32(iter)
		cn := t.node(base + uint32(bits.OnesCount32(mask&(1<<sym-1))))
		cb := b.Other
		if sym == s.q0 {
			if s.reuse {
				s.spliceKept()
				continue
			}
			cb = b.Same
		}
		// Under the query's second letter, the query's first letter
		// starts a swap: that subtree is walked with the larger budget.
		walkBud := cb
		if sym == q1 && cb < b.Same {
			walkBud = b.Same
		}
		s.Rows++
		my := s.peq[sym]
		ns := &s.st[1]
		*ns = step(&s.st[0], &state{}, my, 0)
		if !s.alive(ns, cn, 1, walkBud) {
			continue
		}
		s.path[1] = byteOf(sym)
		if cn.isWord() {
			s.word(ns, cn, 1, cb)
		}
		switch {
		case cn.mask() == 0 || 1 >= m+walkBud:
		case walkBud > cb:
			s.walkSwap(cn, cb, my)
		default:
			s.walk(cn, 1, cb, my)
		}
	}
	return s.out
}

// Widen returns SearchBudget(t, q, b) when the last search was of the same
// trie and query with the same Same budget and at most b.Other: the words
// under the query's first letter, which that search walked with the same
// budget, are taken from its matches instead of walked again (a third of
// the work, or more, where Other grows from 1 to 2).
func (s *Searcher) Widen(t *Trie, q string, b Budget) []Match {
	last := s.lastBudget
	if !s.lastOK || s.t != t || len(q) != s.m || string(s.lastQ[:s.m]) != q ||
		last.Same != b.Same || last.Other > b.Other || s.q0 < 0 {
		return s.SearchBudget(t, q, b)
	}
	// The matches under the first letter are contiguous (byte order).
	s.keep, s.keepBuf = s.keep[:0], s.keepBuf[:0]
	first := q[0]
	for _, m := range s.out {
		if m.n == 0 || s.buf[m.off] != first {
			continue
		}
		w := s.buf[m.off : m.off+uint32(m.n)]
		m.off = uint32(len(s.keepBuf))
		s.keepBuf = append(s.keepBuf, w...)
		s.keep = append(s.keep, m)
	}
	s.reuse = true
	out := s.SearchBudget(t, q, b)
	s.reuse = false
	return out
}

// spliceKept emits the matches Widen carried over, in place of the walk of
// the subtree under the query's first letter.
func (s *Searcher) spliceKept() {
	for _, m := range s.keep {
		off := len(s.buf)
		s.buf = append(s.buf, s.keepBuf[m.off:m.off+uint32(m.n)]...)
		m.off = uint32(off)
		s.out = append(s.out, m)
	}
}

// walkSwap visits the children of n, the query's second letter at depth 1
// searched with budget bud: its child that is the query's first letter,
// the start of a swap, has the larger budget.
func (s *Searcher) walkSwap(n node, bud int, px uint64) {
	mask := n.mask()
	base := n.first()
	for iter := mask; iter != 0; iter &= iter - 1 {
		sym := bits.TrailingZeros32(iter)
		cn := s.t.node(base + uint32(bits.OnesCount32(mask&(1<<sym-1))))
		cb := bud
		if sym == s.q0 {
			cb = s.same
		}
		s.Rows++
		my := s.peq[sym]
		ns := &s.st[2]
		*ns = step(&s.st[1], &s.st[0], my, px)
		if !s.alive(ns, cn, 2, cb) {
			continue
		}
		s.path[2] = byteOf(sym)
		if cn.isWord() {
			s.word(ns, cn, 2, cb)
		}
		if cn.mask() != 0 && 2 < s.m+cb {
			s.walk(cn, 2, cb, my)
		}
	}
}

// walk visits the children of n, a node at depth d ≥ 1 whose state is
// st[d] (its parent's st[d-1], and the query bits of its letter px),
// searched with budget bud. It is the search's inner loop: the state
// update and the length test are written out, on local copies, to keep the
// values in registers.
func (s *Searcher) walk(n node, d, bud int, px uint64) {
	t := s.t
	mask := n.mask()
	base := n.first()
	iter := mask
	bud &= MaxDist
	dd := d + 1
	p, g := &s.st[d], &s.st[d-1]
	full := s.full
	if bud == 0 {
		// With the budget used up at every prefix, only the query's next
		// letters, or a swap with the letter before, can continue.
		iter &= s.letters(p[0])
	} else if p[bud-1]&full == 0 {
		iter &= s.letters(p[bud]) | s.letters(g[bud-1])
	}
	s.Rows += bits.OnesCount32(iter)
	m := s.m
	mbit := uint64(1) << uint(m)
	p0, p1, p2, p3 := p[0], p[1], p[2], p[3]
	// The transposition terms depend on the child's letter only through
	// (my << 1) & px: precompute the shifted parent sets.
	g0, g1, g2 := g[0]<<2&px, g[1]<<2&px, g[2]<<2&px
	// Some prefix j within bud edits, with the rest of the query and the
	// rest of a word of the subtree differing in length by at most bud:
	// m-j in [minRest-bud, maxRest+bud], so j in [lo, hi] with
	// hi = hiBase - minLen and lo = loBase - maxLen.
	hiBase := m + dd + bud
	loBase := m + dd - bud
	for ; iter != 0; iter &= iter - 1 {
		sym := bits.TrailingZeros32(iter)
		cn := t.node(base + uint32(bits.OnesCount32(mask&(1<<sym-1))))
		my := s.peq[sym&31]
		ms := my << 1
		n0 := (p0 << 1) & my
		n1 := (p1<<1)&my | p0 | p0<<1 | n0<<1 | g0&ms
		n2 := (p2<<1)&my | p1 | p1<<1 | n1<<1 | g1&ms
		n3 := (p3<<1)&my | p2 | p2<<1 | n2<<1 | g2&ms
		hi := hiBase - cn.minLen()
		if hi < 0 {
			continue
		}
		window := uint64(2)<<uint(hi) - 1
		if ml := cn.maxLen(); ml != lenCap {
			window &^= uint64(1)<<uint(max(loBase-ml, 0)) - 1
		}
		var at uint64
		switch bud {
		case 0:
			at = n0
		case 1:
			at = n1
		case 2:
			at = n2
		default:
			at = n3
		}
		if at&full&window == 0 {
			continue
		}
		s.path[dd] = byteOf(sym)
		if cn.isWord() {
			switch {
			case n0&mbit != 0:
				s.emit(cn.payload(), 0, dd)
			case n1&mbit != 0 && bud >= 1:
				s.emit(cn.payload(), 1, dd)
			case n2&mbit != 0 && bud >= 2:
				s.emit(cn.payload(), 2, dd)
			case n3&mbit != 0 && bud >= 3:
				s.emit(cn.payload(), 3, dd)
			}
		}
		if cn.mask() != 0 && dd < maxDepth && dd < m+bud {
			s.st[dd] = state{n0, n1, n2, n3}
			s.walk(cn, dd, bud, my)
		}
	}
}

// alive reports whether a word under n (at depth d) may be within bud of
// the query: some prefix j within bud edits, with the rest of the query and
// the rest of some word of the subtree differing in length by at most bud.
func (s *Searcher) alive(ns *state, n node, d, bud int) bool {
	m := s.m
	// m-j in [minRest-bud, maxRest+bud]
	hi := min(m, m-n.minLen()+d+bud)
	lo := 0
	if n.maxLen() != lenCap {
		lo = max(0, m-n.maxLen()+d-bud)
	}
	return hi >= lo && ns[bud]&(uint64(2)<<hi-1)&^(uint64(1)<<lo-1) != 0
}

// word emits the word at n (depth d) if it is within bud of the query.
func (s *Searcher) word(ns *state, n node, d, bud int) {
	m := uint(s.m)
	for e := 0; e <= bud; e++ {
		if ns[e]>>m&1 != 0 {
			s.emit(n.payload(), int8(e), d)
			return
		}
	}
}

// letters returns the symbol bits of the query letters that follow the
// prefixes in set.
func (s *Searcher) letters(set uint64) uint32 {
	var a uint32
	set &= s.full
	for set != 0 {
		a |= s.next[bits.TrailingZeros64(set)]
		set &= set - 1
	}
	return a
}

// Word returns the spelling of a match of the last search.
func (s *Searcher) Word(m Match) string {
	return unsafe.String(unsafe.SliceData(s.buf[m.off:]), int(m.n))
}

func (s *Searcher) emit(payload uint8, dist int8, depth int) {
	off := len(s.buf)
	s.buf = append(s.buf, s.path[1:depth+1]...)
	s.out = append(s.out, Match{Dist: dist, Payload: payload, n: uint8(depth), off: uint32(off)})
}
