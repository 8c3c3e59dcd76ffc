package spelling

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit/lexicon"
)

// dataLines returns the lines of a data file after its header comment,
// checking that the header is there and that lines are sorted and unique.
func dataLines(t *testing.T, name, data string) []string {
	t.Helper()
	require.True(t, strings.HasPrefix(data, "# "), "%s starts with a header comment", name)
	require.True(t, strings.HasSuffix(data, "\n"), "%s ends with a newline", name)
	lines := strings.Split(strings.TrimSuffix(body(data), "\n"), "\n")
	for i, l := range lines {
		require.NotEmpty(t, l, "%s: blank line %d", name, i)
		require.False(t, strings.HasPrefix(l, "#"), "%s: comment after the header", name)
		if i > 0 {
			require.Less(t, lines[i-1], l, "%s: not sorted or not unique at %q", name, l)
		}
	}
	return lines
}

func TestMisspellData(t *testing.T) {
	lex := lexicon.Default()
	lines := dataLines(t, "misspell.txt", misspellData)
	assert.Greater(t, len(lines), 20000)
	prev := ""
	for _, l := range lines {
		typo, fix, ok := strings.Cut(l, " ")
		require.True(t, ok, l)
		require.NotEqual(t, typo, fix, "maps to itself")
		require.NotEqual(t, prev, typo, "typo listed twice")
		prev = typo
		assert.False(t, lex.Contains(typo), "typo %q is a word", typo)
		assert.True(t, lex.Contains(fix), "correction %q is no word", fix)
	}
	// Binary search finds the first, the last and a middle entry.
	for _, l := range []string{lines[0], lines[len(lines)/2], lines[len(lines)-1]} {
		typo, fix, _ := strings.Cut(l, " ")
		got, ok := curated(typo)
		assert.True(t, ok, typo)
		assert.Equal(t, fix, got)
	}
	for _, miss := range []string{"", "a", "zzzzzz", "the", "aaaa"} {
		_, ok := curated(miss)
		assert.False(t, ok, miss)
	}
}

func TestLocaleData(t *testing.T) {
	lex := lexicon.Default()
	lines := dataLines(t, "locale.txt", localeData)
	assert.Greater(t, len(lines), 1000)
	for _, l := range lines {
		am, br, ok := strings.Cut(l, " ")
		require.True(t, ok, l)
		require.NotEqual(t, am, br)
		a, ok := lex.Lookup(am)
		require.True(t, ok, am)
		b, ok := lex.Lookup(br)
		require.True(t, ok, br)
		assert.True(t, a.Region.Accepts(lexicon.American) && !a.Region.Accepts(lexicon.British), am)
		assert.True(t, b.Region.Accepts(lexicon.British) && !b.Region.Accepts(lexicon.American), br)
	}
	m := localeMaps()
	assert.Equal(t, "colour", m[0]["color"])
	assert.Equal(t, "color", m[1]["colour"])
}

func TestConfusionData(t *testing.T) {
	lex := lexicon.Default()
	lines := dataLines(t, "confusions.txt", confusionData)
	for _, l := range lines {
		wrong, right, ok := strings.Cut(l, " -> ")
		require.True(t, ok, l)
		require.Equal(t, strings.ToLower(l), l, "lower case")
		require.NotEqual(t, wrong, right)
		for _, w := range strings.Fields(wrong) {
			assert.True(t, lex.Contains(w), "%q: every word of the wrong phrase is a real word (%q)", l, w)
		}
	}
	assert.NotEmpty(t, builtinConfusions()["leave"])
}

func TestErrorsData(t *testing.T) {
	lines := dataLines(t, "errors.txt", errorsData)
	assert.Len(t, chunks(), len(lines))
	for _, c := range chunks() {
		assert.NotEqual(t, c.intended, c.typed)
		assert.True(t, isLowerASCII(c.intended) && isLowerASCII(c.typed), "%v", c)
	}
}

func TestKeyboard(t *testing.T) {
	nb := neighbours()
	assert.True(t, nb['g']['h'] && nb['h']['g'], "same row")
	assert.True(t, nb['e']['s'] && nb['e']['d'], "row below")
	assert.True(t, nb['b']['g'] && nb['b']['h'], "row above")
	assert.False(t, nb['a']['l'])
	assert.False(t, nb['q']['p'])
	n := 0
	for c := 'a'; c <= 'z'; c++ {
		for d := 'a'; d <= 'z'; d++ {
			if nb[c][d] {
				n++
			}
		}
	}
	assert.Greater(t, n, 100)
}

func TestLookupSorted(t *testing.T) {
	data := "a 1\nb 2\nd 4\n"
	for k, want := range map[string]string{"a": "1", "b": "2", "d": "4"} {
		got, ok := lookupSorted(data, k)
		assert.True(t, ok)
		assert.Equal(t, want, got)
	}
	for _, k := range []string{"", "c", "e", "0"} {
		_, ok := lookupSorted(data, k)
		assert.False(t, ok, k)
	}
	_, ok := lookupSorted("", "a")
	assert.False(t, ok)
	got, ok := lookupSorted("x 9", "x")
	assert.True(t, ok, "no final newline")
	assert.Equal(t, "9", got)
}

func TestErrorModel(t *testing.T) {
	var ch channel
	cost := func(intended, typed string) float64 {
		require.True(t, ch.prepare(typed))
		return ch.cost(intended)
	}
	assert.Zero(t, cost("these", "these"))
	// The cheap slips cost less than arbitrary ones.
	assert.Less(t, cost("these", "thes"), cost("the", "thes"), "dropped final e before an extra s")
	assert.Less(t, cost("would", "woudl"), cost("world", "woudl"), "a swap before two substitutions")
	assert.Less(t, cost("beginning", "begining"), cost("beginning", "beginnig"), "double letter")
	assert.Less(t, cost("separate", "seperate"), cost("separate", "sepxrate"), "vowel for vowel")
	assert.Less(t, cost("phone", "fone"), cost("phone", "zone"), "sound-alike spelling")
	assert.Less(t, cost("cat", "cst"), cost("cat", "cpt"), "keyboard neighbour")
	assert.Greater(t, cost("these", "xhese"), cost("these", "thexe"), "first letter")
	long := strings.Repeat("a", maxModelLen+1)
	assert.False(t, ch.prepare(long))
}

func TestRoman(t *testing.T) {
	for _, w := range []string{"i", "ii", "iv", "vii", "xiv", "xlii", "mcmxcix", "mmxxiv", "cdxliv"} {
		assert.True(t, roman(w), w)
	}
	for _, w := range []string{"", "iiii", "vv", "ic", "mixi", "civil", "vivid", "xm", "abc"} {
		assert.False(t, roman(w), w)
	}
}

// TestPhraseStarts checks the filter of phrase starts against the map of
// confusions, over the lexicon's short words.
func TestPhraseStarts(t *testing.T) {
	confusions := builtinConfusions()
	ps := newPhraseStarts(confusions)
	n := 0
	for w := range lexicon.Default().Each {
		k, ok := foldKey(w)
		if !ok {
			continue
		}
		_, want := confusions[strings.ToLower(w)]
		require.Equal(t, want, ps.has(k), w)
		n++
	}
	assert.Greater(t, n, 10000)
}
