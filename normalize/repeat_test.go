package normalize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// collapsed is the reference of sameParagraph: runs of spaces made one.
func collapsed(s string) string {
	for strings.Contains(s, "  ") {
		s = strings.ReplaceAll(s, "  ", " ")
	}
	return s
}

func TestSameParagraph(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Headline", "HEADLINE", true},
		{"Two  spaces here", "two spaces  HERE", true},
		{"Ünïcode Straße", "ÜNÏCODE STRASSE", false}, // simple folding only, as strings.EqualFold
		{"Ünïcode", "üNÏcode", true},
		{"a", "a ", false},
		{"a b", "ab", false},
		{"", "", true},
		{"Kelvin \u212a", "kelvin k", true},
	} {
		assert.Equal(t, c.want, sameParagraph(c.a, c.b), "%q %q", c.a, c.b)
		assert.Equal(t, strings.EqualFold(collapsed(c.a), collapsed(c.b)), sameParagraph(c.a, c.b), "reference: %q %q", c.a, c.b)
	}
}

// FuzzSameParagraph checks sameParagraph against strings.EqualFold on the
// texts with their runs of spaces collapsed.
func FuzzSameParagraph(f *testing.F) {
	f.Add("Headline  x", "HEADLINE x")
	f.Add("a\xffb", "A\xfeB")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := sameParagraph(a, b), strings.EqualFold(collapsed(a), collapsed(b)); got != want {
			t.Fatalf("sameParagraph(%q, %q) = %v, want %v", a, b, got, want)
		}
	})
}
