package spelling

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit/lexicon"
)

// TestLoadMemory checks what building the candidate lists allocates,
// against the 40 MiB budget of a loaded dictionary.
func TestLoadMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := newVocab(lexicon.Default())
	runtime.ReadMemStats(&after)
	mib := float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20)
	t.Logf("candidate lists: %d words, %.1f MiB allocated", v.list.Len(), mib)
	assert.Less(t, mib, 40.0)
	assert.Greater(t, v.list.Len(), 100000)
	// Capitalized dictionary words are candidates in their own case.
	p, ok := v.list.Lookup("february")
	require.True(t, ok)
	assert.Equal(t, "February", cand(p).spell("february"))
	p, ok = v.list.Lookup("these")
	require.True(t, ok)
	assert.Equal(t, "these", cand(p).spell("these"))
}

// BenchmarkLoad is the one-time cost of the candidate trie, built by the
// first New of a process.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		newVocab(lexicon.Default())
	}
}
