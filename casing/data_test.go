package casing

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit/casing/internal/xnames"
)

// entries returns a data file's entries (the key of each line: the whole
// line, or the given field), in file order.
func entries(data string, field int) []string {
	var out []string
	_ = lines(data, func(l string, _ int) error {
		f := strings.Fields(l)
		if field < 0 {
			out = append(out, l)
		} else if field < len(f) {
			out = append(out, f[field])
		}
		return nil
	})
	return out
}

// TestDataFiles checks every embedded data file: a header comment that
// says what it is, entries sorted (byte order) and unique.
func TestDataFiles(t *testing.T) {
	files := []struct {
		name  string
		data  string
		field int
	}{
		{"phrases.txt", phrasesData, -1},
		{"names-xtext.txt", xtextData, -1},
		{"minor-chicago.txt", minorChicagoData, -1},
		{"minor-ap.txt", minorAPData, -1},
		{"particles.txt", particlesData, -1},
		{"sounds.txt", soundsData, 1},
		{"determiners.txt", determinersData, -1},
		{"bullets.txt", bulletsData, -1},
		{"auxiliaries.txt", auxiliariesData, -1},
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			require.True(t, strings.HasPrefix(f.data, "# "), "a header comment first")
			es := entries(f.data, f.field)
			require.NotEmpty(t, es)
			assert.True(t, sort.StringsAreSorted(es), "sorted")
			seen := map[string]bool{}
			for _, e := range es {
				assert.False(t, seen[e], "duplicate %q", e)
				seen[e] = true
			}
		})
	}
	for _, l := range entries(soundsData, -1) {
		f := strings.Fields(l)
		require.Len(t, f, 2, l)
		assert.Contains(t, []string{"vowel", "consonant", "either"}, f[0], l)
	}
	for _, p := range append(entries(phrasesData, -1), entries(xtextData, -1)...) {
		if strings.Contains(p, " ") {
			_, msg := parsePhrase(p)
			assert.Empty(t, msg, p)
		}
	}
	// The AP list is a subset of Chicago's: AP capitalises more.
	for w := range minorAP() {
		if w != "so" && w != "yet" {
			assert.True(t, minorChicago()[w], "%q is minor in AP but not in Chicago", w)
		}
	}
}

// TestXTextNamesRegenerate checks that the committed names-xtext.txt is
// what the generator writes from the x/text in go.mod.
func TestXTextNamesRegenerate(t *testing.T) {
	b, err := os.ReadFile("data/names-xtext.txt")
	require.NoError(t, err)
	assert.Equal(t, xnames.File(), string(b), "run go generate ./casing/...")
	names := xnames.Names()
	for _, want := range []string{"Russia", "Ukraine", "United Kingdom", "North America", "Spanish", "Swedish"} {
		assert.Contains(t, names, want)
	}
	assert.NotContains(t, names, "Western Europe", "compass adjectives are left out")
}

func TestLexConf(t *testing.T) {
	tb := defaultTables()
	for _, tc := range []struct {
		word string
		sure bool
		why  string
	}{
		{"russia", true, "russia 80 vs Russia 50"},
		{"english", true, "english 70 vs English 10"},
		{"monday", true, "only capitalised"},
		{"august", false, "august 35: an ordinary adjective"},
		{"turkey", false, "turkey 35"},
		{"china", false, "china 35"},
		{"mark", false, "mark 10"},
		{"polish", false, "polish 20"},
		{"los", false, "a name particle"},
		{"nato", false, "an all-caps form is only a suggestion: house styles differ"},
	} {
		ci, _ := tb.lookupString(tc.word)
		assert.Equal(t, tc.sure, ci.conf >= 0.5, "%s: %s (%+v)", tc.word, tc.why, ci)
	}
}

func TestNumberAndLetterSounds(t *testing.T) {
	for s, want := range map[string]sound{
		"8": soundVowel, "80": soundVowel, "11": soundVowel, "18": soundVowel, "11,500": soundVowel, "1800": soundVowel,
		"110": soundConsonant, "100": soundConsonant, "46": soundConsonant, "1": soundConsonant, "11500": soundUnknown,
	} {
		assert.Equal(t, want, numberSound(s), s)
	}
	for r, want := range map[rune]sound{'M': soundVowel, 'F': soundVowel, 'U': soundConsonant, 'B': soundConsonant, 'x': soundVowel} {
		assert.Equal(t, want, letterSound(r), string(r))
	}
	c := &Caser{}
	for w, want := range map[string]sound{
		"hour": soundVowel, "honest": soundVowel, "university": soundConsonant, "one": soundConsonant,
		"european": soundConsonant, "ukrainian": soundConsonant, "unexpected": soundVowel, "unanimous": soundConsonant,
		"umbrella": soundVowel, "usual": soundConsonant, "urban": soundVowel, "utter": soundVowel, "herb": soundEither,
		"onerous": soundVowel, "interesting": soundVowel, "custom": soundConsonant, "uninformed": soundVowel,
	} {
		got, _ := c.wordSound([]byte(w))
		assert.Equal(t, want, got, w)
	}
}

func TestRecase(t *testing.T) {
	for _, tc := range [][3]string{
		{"russia", "Russia", "Russia"},
		{"o’brien", "O'Brien", "O’Brien"},
		{"i’m", "I'm", "I’m"},
		{"nato", "NATO", "NATO"},
		{"iphone", "iPhone", "iPhone"},
		{"ıstanbul", "Istanbul", "ıstanbul"},
	} {
		assert.Equal(t, tc[2], recase(tc[0], tc[1]), tc[0])
	}
}
