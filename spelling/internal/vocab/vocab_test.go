package vocab

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit/lexicon"
)

var built = func() func(t *testing.T) *Vocab {
	var v *Vocab
	return func(t *testing.T) *Vocab {
		t.Helper()
		if v == nil {
			var err error
			v, err = Build(lexicon.Default())
			require.NoError(t, err)
		}
		return v
	}
}()

func TestBuild(t *testing.T) {
	v := built(t)
	require.NoError(t, v.Trie.Check())
	assert.Greater(t, v.Trie.Len(), 100000)
	for _, c := range []struct {
		key     string
		level   int
		capital bool
		us, uk  bool
	}{
		{"these", 1, false, true, true},
		{"february", 1, true, true, true},
		{"color", 1, false, true, false},
		{"colour", 1, false, false, true},
	} {
		p, ok := v.Trie.Lookup(c.key)
		require.True(t, ok, c.key)
		got := Cand(p)
		assert.Equal(t, c.capital, got&Capital != 0, c.key)
		assert.Equal(t, c.us, got&US != 0, c.key)
		assert.Equal(t, c.uk, got&UK != 0, c.key)
	}
	for _, w := range []string{"wich", "belive", "Russia", "russia's", "NATO", "nato"} {
		_, ok := v.Trie.Lookup(w)
		assert.False(t, ok, "%s is no candidate", w)
	}
	// A round trip through the serialized form.
	back, err := Load(string(v.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, v.Trie.Len(), back.Trie.Len())
	assert.Equal(t, v.Hot.Len(), back.Hot.Len())
	for _, bad := range []string{"", "nope", magic + "\x00\x00\x00\x00\x00\x00\x00\x00", string(v.Bytes()[:100])} {
		_, err := Load(bad)
		assert.Error(t, err)
	}
}

func TestHot(t *testing.T) {
	v := built(t)
	n := v.Hot.Len()
	t.Logf("%d common words", n)
	assert.Greater(t, n, 5000)
	assert.Less(t, n, hotSlots/2+1)
	lex := lexicon.Default()
	for _, w := range []string{"the", "The", "would", "These", "people", "said"} {
		k, ok := Key(w)
		require.True(t, ok, w)
		assert.True(t, v.Hot.Has(k), "%s is common", w)
	}
	for _, w := range []string{"color", "colour", "thes", "woudl", "archyde", "russia", "zeitgeis"} {
		k, ok := Key(w)
		require.True(t, ok, w)
		assert.False(t, v.Hot.Has(k), "%s is not", w)
	}
	for _, w := range []string{"", "reporters", "THE", "tHe", "it's", "café", "a1"} {
		_, ok := Key(w)
		assert.False(t, ok, "%q has no key", w)
	}
	// Every common word is what its definition says.
	count := 0
	for form := range lex.Each {
		k, ok := Key(form)
		if !ok || form[0] < 'a' || !v.Hot.Has(k) {
			continue
		}
		count++
		e, ok := lex.Lookup(form)
		require.True(t, ok, form)
		assert.LessOrEqual(t, e.Level, uint8(hotLevel), form)
		lex.LookupFold(form, func(f string, e lexicon.Entry) bool {
			assert.Equal(t, lexicon.Common, e.Region.Spelling(), "%s (%s)", form, f)
			return true
		})
	}
	assert.Equal(t, n, count, "every key in the table is a lexicon word")
}

func TestLevelClass(t *testing.T) {
	for _, c := range []struct {
		level uint8
		class int
	}{{0, 0}, {10, 1}, {20, 2}, {35, 3}, {40, 4}, {50, 5}, {55, 6}, {60, 7}, {70, 8}, {80, 9}} {
		assert.Equal(t, c.class, LevelClass(c.level), "level %d", c.level)
	}
}
