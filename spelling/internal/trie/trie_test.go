package trie

import (
	"math/rand/v2"
	"slices"
	"testing"

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

// TestSearchMatchesBruteForce compares Search with the distance of every
// word, on random words over a small alphabet (many near neighbours).
func TestSearchMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := randomWords(r, 3000, "abcde")
	l := New(words)
	var s Searcher
	for _, q := range randomWords(r, 100, "abcdef") {
		for maxd := 0; maxd <= MaxDist; maxd++ {
			want := []Match{}
			for i := range l.Len() {
				if d := osa(l.Word(i), q); d <= maxd {
					want = append(want, Match{Index: int32(i), Dist: int8(d)})
				}
			}
			got := append([]Match{}, s.Search(l, q, maxd)...)
			require.Equal(t, want, got, "query %q, distance %d", q, maxd)
		}
	}
}

// TestSearchPrefix checks that the bounded search finds a subset of the
// full one, and every word with at most prefixMax edits in the prefix.
func TestSearchPrefix(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	l := New(randomWords(r, 3000, "abcde"))
	var s Searcher
	for _, q := range randomWords(r, 200, "abcde") {
		full := slices.Clone(s.Search(l, q, 2))
		part := slices.Clone(s.SearchPrefix(l, q, 2, len(q)/2-1, 1))
		for _, m := range part {
			assert.Contains(t, full, m, "query %q", q)
		}
		// Words equal to q in their first half are all found.
		for _, m := range full {
			w := l.Word(int(m.Index))
			h := len(q)/2 - 1
			if h > 0 && len(w) >= h && w[:h] == q[:h] {
				assert.Contains(t, part, m, "query %q word %q", q, w)
			}
		}
	}
}

func TestNewSortsAndIndex(t *testing.T) {
	l := New([]string{"pear", "apple", "pear", "fig"})
	assert.Equal(t, 3, l.Len())
	assert.Equal(t, "apple", l.Word(0))
	assert.Equal(t, 2, l.Index("pear"))
	assert.Equal(t, -1, l.Index("plum"))
	var s Searcher
	assert.Empty(t, s.Search(New(nil), "x", 2))
	assert.Empty(t, s.Search(l, "apple", 9), "distance out of range")
	long := make([]byte, MaxQuery+1)
	assert.Empty(t, s.Search(l, string(long), 1))
	assert.Equal(t, []Match{{Index: 0, Dist: 0}}, s.Search(l, "apple", 0))
}

func TestEmptyWord(t *testing.T) {
	l := New([]string{"", "a", "ab"})
	var s Searcher
	got := s.Search(l, "b", 1)
	assert.Equal(t, []Match{{Index: 0, Dist: 1}, {Index: 1, Dist: 1}, {Index: 2, Dist: 1}}, got)
}

func BenchmarkSearch(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	l := New(randomWords(r, 100000, "abcdefghijklmnopqrstuvwxyz"))
	var s Searcher
	b.ReportAllocs()
	for b.Loop() {
		s.Search(l, "negotations", 2)
	}
}
