package spelling

import (
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit/lexicon"
	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spelling/internal/vocab"
)

// TestLoadMemory checks that loading the embedded candidate words
// allocates next to nothing: they are read in place.
func TestLoadMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v, err := vocab.Load(vocabData)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	t.Logf("candidate words: %d, %d trie nodes, %d bytes embedded; %d bytes allocated to load",
		v.Trie.Len(), v.Trie.Nodes(), len(vocabData), after.TotalAlloc-before.TotalAlloc)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<10), "nothing is built")
	assert.Greater(t, v.Trie.Len(), 100000)
	require.NoError(t, v.Trie.Check())
	// Capitalized dictionary words are candidates in their own case.
	p, ok := v.Trie.Lookup("february")
	require.True(t, ok)
	assert.NotZero(t, vocab.Cand(p)&vocab.Capital)
	p, ok = v.Trie.Lookup("these")
	require.True(t, ok)
	assert.Zero(t, vocab.Cand(p)&vocab.Capital)
	assert.Equal(t, 7.6, prior(vocab.Cand(p)), "these is at level 10")
}

// BenchmarkLoad is the one-time cost of the candidate words: reading the
// embedded ones (default) and building them for a lexicon given with
// WithLexicon (built).
func BenchmarkLoad(b *testing.B) {
	b.Run("default", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := vocab.Load(vocabData); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("built", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := vocab.Build(lexicon.Default()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestFirstUse logs what the first Speller of a process costs to clean the
// article: the embedded data is read in place, so this is mostly the text's
// own work. Run it alone for a cold figure:
//
//	go test -run TestFirstUse -v ./spelling/
func TestFirstUse(t *testing.T) {
	text, err := os.ReadFile("../testdata/article.txt")
	require.NoError(t, err)
	start := time.Now()
	s, err := New()
	require.NoError(t, err)
	built := time.Since(start)
	s.Edits(normalize.NewDoc(string(text)))
	t.Logf("New %v; New and the first Edits of the article (%d bytes) %v", built, len(text), time.Since(start))
}
