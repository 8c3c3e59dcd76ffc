package spelling

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit/normalize"
)

// TestChangedKeys checks the words whose correction changes between two
// rounds, and which verdicts read them.
func TestChangedKeys(t *testing.T) {
	a := map[int]string{2: "these", 8: "topics", 14: "would"}
	b := map[int]string{2: "these", 8: "tropics", 20: "matter"}
	changed := changedKeys(a, b, nil)
	assert.Equal(t, []int{8, 14, 20}, changed)
	assert.Empty(t, changedKeys(a, a, nil))
	assert.Equal(t, []int{2, 8, 14}, changedKeys(nil, a, nil))

	assert.True(t, readsAny(changed, 4, 4, 8), "reads word 8")
	assert.False(t, readsAny(changed, 4, 4, 7), "stops before word 8")
	assert.False(t, readsAny(changed, 8, 8, 12), "word 8 itself is not its context")
	assert.True(t, readsAny(changed, 8, 8, 14))
	assert.False(t, readsAny(changed, 20, 20, 20), "a verdict that read nothing")
	assert.False(t, readsAny(nil, 0, 0, 100))
	assert.True(t, readsAny(changed, 16, 14, 16), "reads word 14 before it (\"ect. the\")")
	assert.False(t, readsAny(changed, 16, 15, 16))
}

// TestStartsSentence: a word after a period starts a sentence unless the
// word before the period is an abbreviation in some case, or corrected to
// one, as the next cleaning will read it.
func TestStartsSentence(t *testing.T) {
	for _, c := range []struct {
		text, word string
		fixed      string // the correction of the word before the period
		want       bool
	}{
		{"It ended. next", "next", "", true},
		{"It ended. “next", "next", "", true},
		{"see dr. smith", "smith", "", false},
		{"see dr. ,smith", "smith", "", false},
		{"and ect.) vouhsafes", "vouhsafes", "", true},
		{"and ect.) vouhsafes", "vouhsafes", "etc", false},
		{"and MS. smith", "smith", "", false},
		{"see dr.? “smith", "smith", "", true},
		{"in the middle", "middle", "", false},
	} {
		toks := normalize.Tokenize(c.text)
		i := slices.IndexFunc(toks, func(tk normalize.Token) bool { return tk.Text(c.text) == c.word })
		require.GreaterOrEqual(t, i, 0, c.text)
		var fixed map[int]string
		if c.fixed != "" {
			p := slices.IndexFunc(toks, func(tk normalize.Token) bool { return tk.Text(c.text) == "ect" })
			fixed = map[int]string{p: c.fixed}
		}
		got, _ := startsSentence(c.text, toks, i, fixed)
		assert.Equal(t, c.want, got, "%q", c.text)
	}
}
