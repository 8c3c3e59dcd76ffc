package spelling

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/copyedit/copyedit/lexicon"
)

// TestLoadMemory checks what building the candidate lists allocates,
// against the 40 MiB budget of a loaded dictionary.
func TestLoadMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := newVocab(lexicon.Default())
	r := v.reversed()
	runtime.ReadMemStats(&after)
	mib := float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20)
	t.Logf("candidate lists: %d words, %.1f MiB allocated", v.list.Len(), mib)
	assert.Less(t, mib, 40.0)
	assert.Equal(t, v.list.Len(), r.list.Len())
	assert.Greater(t, v.list.Len(), 100000)
	// Capitalized dictionary words are candidates in their own case.
	i := v.list.Index("february")
	assert.GreaterOrEqual(t, i, 0)
	assert.Equal(t, "February", v.word(int32(i)))
	assert.Equal(t, "these", v.word(int32(v.list.Index("these"))))
}

// BenchmarkLoad is the one-time cost of the candidate lists: the forward
// trie, built by the first New of a process, and the trie of reversed
// words, built by the first search of a long word.
func BenchmarkLoad(b *testing.B) {
	b.Run("forward", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			newVocab(lexicon.Default())
		}
	})
	b.Run("reversed", func(b *testing.B) {
		v := newVocab(lexicon.Default())
		b.ReportAllocs()
		for b.Loop() {
			v.reverse()
		}
	})
}

// TestSearchByHalves checks that the two half-bounded walks find what one
// full walk finds, for real typos long enough to be searched by halves.
func TestSearchByHalves(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	v := s.vocab()
	sc := new(scratch)
	for _, w := range []string{"negotations", "reserchers", "necasery", "bronchiolitis", "guarenteeing", "dissapointed", "imidatly", "preliminery"} {
		for maxd := 2; maxd <= 3; maxd++ {
			full := map[int32]int8{}
			for _, m := range sc.search.Search(v.list, w, maxd) {
				full[m.Index] = m.Dist
			}
			got := map[int32]int8{}
			for _, m := range s.search(sc, v, w, maxd) {
				got[m.Index] = m.Dist
			}
			assert.Equal(t, full, got, "%s at distance %d", w, maxd)
		}
	}
}
