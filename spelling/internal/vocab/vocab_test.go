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
	assert.Greater(t, n, 50000)
	assert.Less(t, n, hotSlots*3/4+1)
	lex := lexicon.Default()
	for _, w := range []string{"the", "The", "would", "These", "people", "said", "reporters", "Reporters", "international", "Ukraine", "mark", "Mark", "NATO", "russia"} {
		k, ok := Key(w)
		require.True(t, ok, w)
		assert.True(t, v.Hot.Has(k), "%s is common", w)
	}
	for _, w := range []string{"color", "colour", "organize", "organise", "thes", "woudl", "archyde", "zeitgeis", "negotations", "wich"} {
		k, ok := Key(w)
		require.True(t, ok, w)
		assert.False(t, v.Hot.Has(k), "%s is not", w)
	}
	for _, w := range []string{"", "it's", "café", "a1", "e-mail"} {
		_, ok := Key(w)
		assert.False(t, ok, "%q has no key", w)
	}
	k1, _ := Key("Internationally")
	k2, _ := Key("internationally")
	assert.Equal(t, k1, k2, "keys ignore case")
	// Every common word is what its definition says.
	count := 0
	var last uint64
	for form := range lex.Each {
		k, ok := Key(form)
		if !ok || k == last || !v.Hot.Has(k) {
			continue
		}
		last = k
		count++
		minLevel := uint8(255)
		lex.LookupFold(form, func(f string, e lexicon.Entry) bool {
			assert.Equal(t, lexicon.Common, e.Region.Spelling(), "%s (%s)", form, f)
			minLevel = min(minLevel, e.Level)
			return true
		})
		assert.LessOrEqual(t, minLevel, uint8(hotLevel), form)
	}
	assert.Equal(t, n, count, "every key in the table is a lexicon group's")
}

func TestLevelClass(t *testing.T) {
	for _, c := range []struct {
		level uint8
		class int
	}{{0, 0}, {10, 1}, {20, 2}, {35, 3}, {40, 4}, {50, 5}, {55, 6}, {60, 7}, {70, 8}, {80, 9}} {
		assert.Equal(t, c.class, LevelClass(c.level), "level %d", c.level)
	}
}

func TestKeyAt(t *testing.T) {
	words := []string{"the", "The", "THE", "a", "zebra", "Zz", "abcdefgh", "ABCDEFGH", "abcdefghi", "it's", "café", "a1", "e-mail", "@", "[x", "`", "{", "naïve", "x"}
	for _, w := range words {
		for _, pad := range []string{"", " and more text after it"} {
			text := "<" + w + pad
			got, gotOK := KeyAt(text, 1, 1+len(w))
			want, wantOK := Key(w)
			assert.Equal(t, wantOK, gotOK, "%q in %q", w, text)
			assert.Equal(t, want, got, "%q in %q", w, text)
		}
	}
	// Every byte value in every position of a short word.
	for b := 0; b < 256; b++ {
		for pos := 0; pos < 4; pos++ {
			w := []byte("abcd")
			w[pos] = byte(b)
			text := string(w) + "........"
			got, gotOK := KeyAt(text, 0, 4)
			want, wantOK := Key(string(w))
			require.Equal(t, wantOK, gotOK, "byte %#x at %d", b, pos)
			require.Equal(t, want, got, "byte %#x at %d", b, pos)
		}
	}
}
