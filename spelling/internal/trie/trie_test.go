package trie

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// osa is the reference distance: optimal string alignment, by the book.
func osa(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func randomWords(r *rand.Rand, n int, alphabet string) []string {
	words := make([]string, n)
	for i := range words {
		b := make([]byte, 1+r.IntN(8))
		for k := range b {
			b[k] = alphabet[r.IntN(len(alphabet))]
		}
		words[i] = string(b)
	}
	return words
}

func sortedCopy(words []string) []string {
	w := slices.Clone(words)
	slices.Sort(w)
	return slices.Compact(w)
}

// within reports whether w is within the budget of q, by the book.
func within(b Budget, q, w string) (int, bool) {
	d := osa(w, q)
	return d, d <= budgetOf(b, q, w)
}

// budgetOf is the bound for word w and query q by their starts.
func budgetOf(b Budget, q, w string) int {
	switch {
	case q != "" && w != "" && w[0] == q[0]:
		return b.Same
	case len(q) >= 2 && len(w) >= 2 && w[0] == q[1] && w[1] == q[0]:
		return b.Same
	}
	return b.Other
}

// TestSearchMatchesBruteForce compares SearchBudget with the distance of
// every word, on random words over a small alphabet (many near neighbours).
func TestSearchMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := sortedCopy(append(randomWords(r, 3000, "abcde"), ""))
	payload := make([]uint8, len(words))
	for i := range payload {
		payload[i] = uint8(i % 128)
	}
	tr, err := Build(words, payload)
	require.NoError(t, err)
	var s Searcher
	queries := append(randomWords(r, 150, "abcdef"), "", "a", "ab", "ba", "aab")
	for _, q := range queries {
		for _, b := range []Budget{{0, 0}, {1, 1}, {2, 2}, {3, 3}, {2, 1}, {3, 1}, {2, 0}, {1, 0}} {
			want := []found{}
			for i, w := range words {
				if d, ok := within(b, q, w); ok {
					want = append(want, found{w, d, uint8(i % 128)})
				}
			}
			got := []found{}
			for _, m := range s.SearchBudget(tr, q, b) {
				got = append(got, found{s.Word(m), int(m.Dist), m.Payload})
			}
			require.Equal(t, want, got, "query %q, budget %v", q, b)
		}
	}
}

// TestSearchLetters checks the search on words with many distinct
// letters, where the letter filter does most of the work.
func TestSearchLetters(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	const abc = "abcdefghijklmnopqrstuvwxyz'"
	words := sortedCopy(randomWords(r, 20000, abc))
	tr := New(words)
	var s Searcher
	for _, q := range randomWords(r, 40, abc) {
		for _, b := range []Budget{{2, 2}, {2, 1}, {3, 1}} {
			var want, got []string
			for _, w := range words {
				if _, ok := within(b, q, w); ok {
					want = append(want, w)
				}
			}
			for _, m := range s.SearchBudget(tr, q, b) {
				got = append(got, s.Word(m))
			}
			require.Equal(t, want, got, "query %q, budget %v", q, b)
		}
	}
}

// found is a match as the tests compare it.
type found struct {
	word    string
	dist    int
	payload uint8
}

func TestBuildAndLookup(t *testing.T) {
	tr, err := Build([]string{"apple", "fig", "pear"}, []uint8{1, 2, 3})
	require.NoError(t, err)
	assert.Equal(t, 3, tr.Len())
	for _, c := range []struct {
		word    string
		payload uint8
		ok      bool
	}{{"apple", 1, true}, {"pear", 3, true}, {"plum", 0, false}, {"pea", 0, false}, {"PEAR", 0, false}, {"", 0, false}} {
		p, ok := tr.Lookup(c.word)
		assert.Equal(t, c.ok, ok, c.word)
		if ok {
			assert.Equal(t, c.payload, p, c.word)
		}
	}
	for _, bad := range [][]string{{"pear", "apple"}, {"fig", "fig"}, {"Fig"}, {"fig1"}} {
		_, err := Build(bad, nil)
		assert.Error(t, err, "%q", bad)
	}
	_, err = Build([]string{"fig"}, []uint8{200})
	assert.Error(t, err, "payload too large")
	_, err = Build([]string{"fig"}, []uint8{1, 2})
	assert.Error(t, err, "payload count")
	assert.Equal(t, 2, New([]string{"b", "a", "b"}).Len(), "New sorts and deduplicates")
	assert.Panics(t, func() { New([]string{"B"}) })

	var s Searcher
	assert.Empty(t, s.Search(New(nil), "x", 2))
	assert.Empty(t, s.Search(tr, "apple", 9), "distance out of range")
	long := make([]byte, MaxQuery+1)
	assert.Empty(t, s.Search(tr, string(long), 1))
	got := s.Search(tr, "apple", 0)
	require.Len(t, got, 1)
	assert.Equal(t, "apple", s.Word(got[0]))
	assert.Equal(t, uint8(1), got[0].Payload)
	assert.Len(t, s.Search(tr, "aPPle", 2), 1, "bytes outside the alphabet match nothing")
	assert.Empty(t, s.Search(tr, "aPPle", 1))
}

func TestEmptyWord(t *testing.T) {
	tr := New([]string{"", "a", "ab"})
	var s Searcher
	var got []string
	for _, m := range s.Search(tr, "b", 1) {
		got = append(got, s.Word(m))
	}
	assert.Equal(t, []string{"", "a", "ab"}, got)
}

func TestSerialize(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	words := sortedCopy(randomWords(r, 5000, "abcdefghij"))
	tr := New(words)
	data := tr.Bytes()
	back, err := Load(string(data))
	require.NoError(t, err)
	require.NoError(t, back.Check())
	assert.Equal(t, tr.Len(), back.Len())
	assert.Equal(t, tr.Nodes(), back.Nodes())
	assert.Equal(t, len(data), back.Size())
	var s1, s2 Searcher
	for _, q := range randomWords(r, 50, "abcdefghij") {
		a := slices.Clone(s1.Search(tr, q, 2))
		b := s2.Search(back, q, 2)
		assert.Equal(t, a, b)
	}
	for _, bad := range []string{"", "nope", string(data[:len(data)-1]), magic + string(make([]byte, 8))} {
		_, err := Load(bad)
		assert.Error(t, err, "%q", bad)
	}
	// A child reference out of range.
	corrupt := slices.Clone(data)
	for i := 4; i < 8; i++ {
		corrupt[headerSize+i] = 0xff
	}
	back, err = Load(string(corrupt))
	require.NoError(t, err, "Load reads the header only")
	assert.Error(t, back.Check())
}

func BenchmarkSearch(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	tr := New(randomWords(r, 100000, "abcdefghijklmnopqrstuvwxyz"))
	var s Searcher
	b.ReportAllocs()
	for b.Loop() {
		s.Search(tr, "negotations", 2)
	}
}

// TestReuseQueryMemory searches with queries that share memory, as a
// caller that lowers words into one buffer does.
func TestReuseQueryMemory(t *testing.T) {
	words := []string{"these", "those", "world", "would"}
	tr := New(words)
	var s Searcher
	buf := []byte("woudl")
	q := unsafe.String(&buf[0], len(buf))
	first := len(s.Search(tr, q, 2))
	require.NotZero(t, first)
	copy(buf, "thess")
	s.Search(tr, q, 2)
	copy(buf, "woudl")
	assert.Equal(t, first, len(s.Search(tr, q, 2)))
}

// TestWiden checks Widen against a fresh search, after a search of the same
// query with a smaller Other budget (whose matches it reuses), and after
// searches it must not reuse: another query, another Same budget, a larger
// Other budget, a query it refused.
func TestWiden(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	words := sortedCopy(append(randomWords(r, 4000, "abcde'"), "", "a", "b"))
	payload := make([]uint8, len(words))
	for i := range payload {
		payload[i] = uint8(i % 128)
	}
	tr, err := Build(words, payload)
	require.NoError(t, err)
	collect := func(s *Searcher, ms []Match) []found {
		got := []found{}
		for _, m := range ms {
			got = append(got, found{s.Word(m), int(m.Dist), m.Payload})
		}
		return got
	}
	var s, fresh Searcher
	rows, freshRows := 0, 0 // of the first case, where Widen reuses
	queries := append(randomWords(r, 120, "abcdef"), "", "a", "ab", "ba", "aab", "'a", "zab")
	for _, q := range queries {
		for i, c := range []struct {
			before string
			first  Budget
			widen  Budget
		}{
			{q, Budget{2, 1}, Budget{2, 2}},
			{q, Budget{2, 0}, Budget{2, 2}},
			{q, Budget{3, 1}, Budget{3, 3}},
			{q, Budget{2, 2}, Budget{2, 2}},
			{q, Budget{3, 1}, Budget{2, 2}},
			{q, Budget{2, 2}, Budget{2, 1}},
			{"abc", Budget{2, 1}, Budget{2, 2}},
			{strings.Repeat("a", MaxQuery+1), Budget{2, 1}, Budget{2, 2}},
		} {
			s.SearchBudget(tr, c.before, c.first)
			got := collect(&s, s.Widen(tr, q, c.widen))
			want := collect(&fresh, fresh.SearchBudget(tr, q, c.widen))
			require.Equal(t, want, got, "query %q after %q %v, widened to %v", q, c.before, c.first, c.widen)
			if i == 0 {
				rows, freshRows = rows+s.Rows, freshRows+fresh.Rows
			}
		}
	}
	assert.Less(t, rows, freshRows, "Widen walks less")
}
