// Package trie finds the words of a sorted list within a small edit
// distance of a query, walking the list as an implicit trie: the words that
// share a prefix are a contiguous range of the sorted list, so the walk
// needs no index beyond the list itself, and building it costs nothing.
//
// The distance is the optimal string alignment distance (Damerau-
// Levenshtein with each substring edited once) over bytes: insertions,
// deletions, substitutions and transpositions of adjacent bytes cost 1.
package trie

import "sort"

// MaxQuery is the longest query, in bytes, Search accepts; longer queries
// find nothing.
const MaxQuery = 64

// MaxDist is the largest distance Search accepts.
const MaxDist = 3

// List is a sorted list of unique words and its trie. It is immutable and
// safe for concurrent use.
type List struct {
	words []string
	nodes []node // the trie in depth-first order; nodes[0] is the root
}

// node is one trie node: the byte that leads to it, the word that ends
// there (or -1), and the index after its subtree, where its next sibling
// starts. Its first child, if any, is the next node.
type node struct {
	label byte
	// minLen and maxLen bound the lengths of the words in the subtree
	// (capped at 255): a query far longer or shorter than all of them
	// cannot match there.
	minLen, maxLen uint8
	word           int32
	end            int32
}

// New returns a List of words, which must be sorted (byte order) and
// unique; New sorts and deduplicates a copy if they are not.
func New(words []string) *List {
	if !sort.StringsAreSorted(words) || hasDup(words) {
		w := append([]string(nil), words...)
		sort.Strings(w)
		k := 0
		for i, s := range w {
			if i == 0 || s != w[k-1] {
				w[k] = s
				k++
			}
		}
		words = w[:k]
	}
	l := &List{words: words}
	l.build()
	return l
}

// build makes the trie: one pass over the sorted words, keeping the path
// of open nodes on a stack.
func (l *List) build() {
	// Count the nodes first: one per byte not shared with the previous
	// word's prefix.
	total := 1
	prev := ""
	for _, w := range l.words {
		total += len(w) - commonPrefix(prev, w)
		prev = w
	}
	nodes := make([]node, 1, total)
	nodes[0] = node{word: -1, minLen: 255}
	stack := make([]int32, 1, 64) // stack[d] is the open node at depth d
	prev = ""
	for i, w := range l.words {
		common := commonPrefix(prev, w)
		// Close the nodes deeper than the common prefix, passing their
		// word lengths up to their parents.
		for len(stack) > common+1 {
			top := stack[len(stack)-1]
			nodes[top].end = int32(len(nodes))
			stack = stack[:len(stack)-1]
			up := &nodes[stack[len(stack)-1]]
			up.minLen = min(up.minLen, nodes[top].minLen)
			up.maxLen = max(up.maxLen, nodes[top].maxLen)
		}
		for d := common; d < len(w); d++ {
			stack = append(stack, int32(len(nodes)))
			nodes = append(nodes, node{label: w[d], word: -1, minLen: 255})
		}
		last := &nodes[stack[len(stack)-1]]
		last.word = int32(i)
		l8 := uint8(min(len(w), 255))
		last.minLen = min(last.minLen, l8)
		last.maxLen = max(last.maxLen, l8)
		prev = w
	}
	for d := len(stack) - 1; d >= 0; d-- {
		k := stack[d]
		nodes[k].end = int32(len(nodes))
		if d > 0 {
			up := &nodes[stack[d-1]]
			up.minLen = min(up.minLen, nodes[k].minLen)
			up.maxLen = max(up.maxLen, nodes[k].maxLen)
		}
	}
	l.nodes = nodes
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func hasDup(w []string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] {
			return true
		}
	}
	return false
}

// Len returns the number of words.
func (l *List) Len() int { return len(l.words) }

// Word returns word i.
func (l *List) Word(i int) string { return l.words[i] }

// Index returns the index of word, or -1.
func (l *List) Index(word string) int {
	i := sort.SearchStrings(l.words, word)
	if i < len(l.words) && l.words[i] == word {
		return i
	}
	return -1
}

// Match is a word found by Search: its index in the list and its distance
// from the query.
type Match struct {
	Index int32
	Dist  int8
}

// Searcher holds the scratch space of searches; reuse one per goroutine to
// search without allocating.
type Searcher struct {
	// Rows counts the trie nodes the last search computed a row for: its
	// cost, for measurements.
	Rows int

	rows [MaxQuery + MaxDist + 2][MaxQuery + 1]int8
	path [MaxQuery + MaxDist + 2]byte
	out  []Match
}

// Search returns every word within maxd of q, in list order. The result is
// valid until the next Search with s.
func (s *Searcher) Search(l *List, q string, maxd int) []Match {
	return s.SearchPrefix(l, q, maxd, 0, maxd)
}

// SearchPrefix is Search with a tighter bound on the start of the words:
// every prefix of up to prefixLen bytes must be within prefixMax of a
// prefix of q. With prefixMax < maxd it finds the words whose first part
// holds few of the edits, at a fraction of Search's cost: by the pigeonhole
// principle, a word within 2 edits of q has at most 1 in the first half of
// q, or none in the second.
func (s *Searcher) SearchPrefix(l *List, q string, maxd, prefixLen, prefixMax int) []Match {
	s.out = s.out[:0]
	s.Rows = 0
	if len(q) > MaxQuery || maxd < 0 || maxd > MaxDist || len(l.words) == 0 {
		return s.out
	}
	n := len(q)
	inf := int8(maxd + 1)
	for j := 0; j <= n; j++ {
		s.rows[0][j] = min(int8(j), inf)
	}
	w := walk{s: s, l: l, q: q, n: n, maxd: int8(maxd), plen: prefixLen, pmax: int8(min(prefixMax, maxd))}
	if n <= maxd && l.nodes[0].word >= 0 {
		s.out = append(s.out, Match{Index: l.nodes[0].word, Dist: int8(n)})
	}
	w.visit(0, 0)
	return s.out
}

type walk struct {
	s    *Searcher
	l    *List
	q    string
	n    int
	maxd int8
	plen int  // depths up to plen must be within pmax
	pmax int8 // the bound on short prefixes
}

// visit walks the children of node k at depth, whose row is rows[depth].
func (w *walk) visit(k int32, depth int) {
	nodes := w.l.nodes
	s := w.s
	end := nodes[k].end
	for c := k + 1; c < end; c = nodes[c].end {
		nd := &nodes[c]
		best := w.row(depth+1, nd.label)
		if best > w.maxd || (depth+1 <= w.plen && best > w.pmax) || w.tooFar(depth+1, nd) {
			continue
		}
		if nd.word >= 0 {
			if d := depth + 1 - w.n; d <= int(w.maxd) && d >= -int(w.maxd) {
				if v := s.rows[depth+1][w.n]; v <= w.maxd {
					s.out = append(s.out, Match{Index: nd.word, Dist: v})
				}
			}
		}
		if depth+2 < len(s.rows) && depth+1 < w.n+int(w.maxd) {
			w.visit(c, depth+1)
		}
	}
}

// tooFar reports whether no word under nd can be within maxd of the query:
// each cell of the row, plus the letters its remaining query and the
// remaining words' lengths differ by, exceeds maxd.
func (w *walk) tooFar(i int, nd *node) bool {
	cur := &w.s.rows[i]
	md := int(w.maxd)
	lo, hi := max(0, i-md), min(w.n, i+md)
	minRest, maxRest := int(nd.minLen)-i, int(nd.maxLen)-i
	for j := lo; j <= hi; j++ {
		v := int(cur[j])
		if v > md {
			continue
		}
		rest := w.n - j
		switch {
		case rest < minRest:
			v += minRest - rest
		case rest > maxRest:
			v += rest - maxRest
		}
		if v <= md {
			return false
		}
	}
	return true
}

// row fills rows[i] for the prefix extended by c and returns its smallest
// cell: the walk goes deeper only if it is within the bound. Only the band of
// cells within maxd of the diagonal is computed: the others exceed maxd.
func (w *walk) row(i int, c byte) int8 {
	s := w.s
	s.Rows++
	s.path[i] = c
	md := int(w.maxd)
	inf := w.maxd + 1
	prev := &s.rows[i-1]
	cur := &s.rows[i]
	q := w.q
	lo, hi := max(1, i-md), min(w.n, i+md)
	best := inf
	if i <= md {
		cur[0] = int8(i)
		best = int8(i)
	} else {
		cur[0] = inf
		cur[lo-1] = inf
	}
	var p1 byte
	if i > 1 {
		p1 = s.path[i-1]
	}
	for j := lo; j <= hi; j++ {
		v := prev[j-1]
		if q[j-1] != c {
			v++
		}
		v = min(v, prev[j]+1, cur[j-1]+1)
		if j > 1 && i > 1 && q[j-2] == c && q[j-1] == p1 {
			v = min(v, s.rows[i-2][j-2]+1)
		}
		v = min(v, inf)
		cur[j] = v
		best = min(best, v)
	}
	if hi+1 <= w.n {
		cur[hi+1] = inf
	}
	return best
}
