package table

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"mark", "mark"},
		{"NATO", "nato"},
		{"iPhone", "iphone"},
		{"It’s", "it's"},
		{"CAFÉ", "café"},
		{"Ölander", "ölander"},
		{"\u212A", "k"}, // Kelvin sign lower-cases to ASCII k
	} {
		assert.Equal(t, c.want, Fold(c.in), c.in)
	}
}

func TestCanon(t *testing.T) {
	assert.Equal(t, "it's", Canon("it’s"))
	assert.Equal(t, "rock'n'roll", Canon("rock’n’roll"))
	assert.Equal(t, "plain", Canon("plain"))
}

func TestCanonEqual(t *testing.T) {
	for _, c := range []struct {
		stored, query string
		want          bool
	}{
		{"it's", "it's", true},
		{"it's", "it’s", true},
		{"rock'n'roll", "rock’n'roll", true},
		{"it's", "its", false},
		{"its", "it’s", false},
		{"it's", "It's", false},
		{"it's", "it’s’", false},
		{"it's", "it’", false},
		{"a", "", false},
	} {
		assert.Equal(t, c.want, CanonEqual(c.stored, c.query), "%q %q", c.stored, c.query)
	}
}

// foldPairs are strings whose folds compare in interesting ways: equal
// under different spellings, ASCII against non-ASCII, long words crossing
// the eight-byte fast path.
var foldPairs = []string{
	"", "a", "A", "mark", "Mark", "MARK", "marks", "café", "CAFÉ", "cafe",
	"it's", "it’s", "IT’S", "kelvin", "\u212Aelvin", "internationalization",
	"INTERNATIONALIZATION", "internationalisation", "Internationalization’s",
	"abcdefgh", "ABCDEFGH", "abcdefgi", "abcdefg", "abcdefgé", "ABCDEFGÉ",
	"straße", "STRASSE", "ǅemal", "ǆemal", "Ǆemal", "\xff", "\xfe", "a\xffb",
}

func TestHashAndFoldCompareAgreeWithFold(t *testing.T) {
	for _, a := range foldPairs {
		for _, b := range foldPairs {
			want := strings.Compare(Fold(a), Fold(b))
			assert.Equal(t, want, FoldCompare(a, b), "FoldCompare(%q, %q)", a, b)
			assert.Equal(t, want == 0, FoldEqual(a, b), "FoldEqual(%q, %q)", a, b)
			if want == 0 {
				assert.Equal(t, Hash(a), Hash(b), "Hash(%q) != Hash(%q)", a, b)
			} else {
				assert.NotEqual(t, Hash(a), Hash(b), "Hash(%q) == Hash(%q)", a, b)
			}
		}
	}
}

func FuzzFoldConsistency(f *testing.F) {
	for _, s := range foldPairs {
		f.Add(s, strings.ToUpper(s))
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		want := strings.Compare(Fold(a), Fold(b))
		if got := FoldCompare(a, b); got != want {
			t.Fatalf("FoldCompare(%q, %q) = %d, want %d", a, b, got, want)
		}
		if want == 0 && Hash(a) != Hash(b) {
			t.Fatalf("Hash(%q) != Hash(%q) though they fold equal", a, b)
		}
		if Hash(a) != Hash(Fold(a)) && !strings.ContainsRune(a, 0xFFFD) && utf8Valid(a) {
			t.Fatalf("Hash(%q) != Hash(Fold(%q))", a, a)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\x00") == s }

func items(forms ...string) []Item {
	out := make([]Item, len(forms))
	for i, f := range forms {
		out[i] = Item{Form: f, Meta: Meta(uint8(10+i), ClassWord, RegionAmerican)}
	}
	return out
}

func TestBuildFind(t *testing.T) {
	data, err := Build(items("mark", "Mark", "MARK", "it's", "café", "Russia", "internationalization"))
	require.NoError(t, err)
	tb, err := Open(string(data))
	require.NoError(t, err)
	assert.Equal(t, 7, tb.Len())
	assert.Equal(t, 5, tb.Groups())

	for i, f := range []string{"mark", "Mark", "MARK", "it's", "café", "Russia", "internationalization"} {
		m, ok := tb.Find(f)
		if assert.True(t, ok, f) {
			level, _, _ := Unpack(m)
			assert.Equal(t, uint8(10+i), level, f)
		}
	}
	_, ok := tb.Find("it’s")
	assert.True(t, ok, "’ finds '")
	for _, f := range []string{"mArk", "russia", "Café", "its", "", "internationalisation", "x"} {
		_, ok := tb.Find(f)
		assert.False(t, ok, f)
	}

	// The group of "MaRk" lists all three, in (fold, form) order.
	var group []string
	for off := tb.Group("MaRk"); off >= 0; {
		form, _, last, next := tb.Record(off)
		group = append(group, form)
		if last {
			break
		}
		off = next
	}
	assert.Equal(t, []string{"MARK", "Mark", "mark"}, group)
	assert.Equal(t, -1, tb.Group("marks"))
}

func TestBuildDeterministic(t *testing.T) {
	forms := make([]string, 2000)
	for i := range forms {
		forms[i] = fmt.Sprintf("w%dx%s", i, strings.Repeat("Ab", i%7))
	}
	want, err := Build(items(forms...))
	require.NoError(t, err)
	for range 3 {
		its := items(forms...)
		rand.Shuffle(len(its), func(i, j int) { its[i], its[j] = its[j], its[i] })
		got, err := Build(its)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
}

func TestBuildManyKinds(t *testing.T) {
	// More than 256 distinct metadata values need two-byte kind indexes.
	var its []Item
	for i := range 1000 {
		its = append(its, Item{Form: fmt.Sprint("k", i), Meta: uint32(i)})
	}
	data, err := Build(its)
	require.NoError(t, err)
	tb, err := Open(string(data))
	require.NoError(t, err)
	assert.Equal(t, 1000, tb.Kinds())
	for i := range 1000 {
		m, ok := tb.Find(fmt.Sprint("K", i)[0:0] + fmt.Sprint("k", i))
		require.True(t, ok)
		assert.Equal(t, uint32(i), m)
	}
}

func TestBuildErrors(t *testing.T) {
	for _, c := range []struct {
		forms []string
		want  string
	}{
		{[]string{"a", "a"}, "duplicate"},
		{[]string{""}, "empty"},
		{[]string{strings.Repeat("x", MaxFormLen+1)}, "at most"},
		{[]string{"a\xffb"}, "UTF-8"},
		{[]string{"a\uFFFDb"}, "U+FFFD"},
		{[]string{"it’s"}, "store '"},
	} {
		_, err := Build(items(c.forms...))
		if assert.Error(t, err, c.forms) {
			assert.Contains(t, err.Error(), c.want)
		}
	}
}

func TestEmptyAndBadTables(t *testing.T) {
	data, err := Build(nil)
	require.NoError(t, err)
	tb, err := Open(string(data))
	require.NoError(t, err)
	assert.Equal(t, 0, tb.Len())
	_, ok := tb.Find("a")
	assert.False(t, ok)

	var zero Table
	_, ok = zero.Find("a")
	assert.False(t, ok)
	assert.Equal(t, -1, zero.Group("a"))

	for _, bad := range []string{"", "XXXX" + strings.Repeat("\x00", 28), string(data) + "x", string(data[:len(data)-1])} {
		_, err := Open(bad)
		assert.Error(t, err)
	}
}
