package markup

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseFormat(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Format
	}{
		{"", Text}, {"text", Text}, {"TXT", Text}, {"plain", Text},
		{"html", HTML}, {"HTM", HTML}, {" xhtml ", HTML},
		{"markdown", Markdown}, {"md", Markdown}, {"Markdown", Markdown},
		{"auto", Auto},
	} {
		got, err := ParseFormat(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, got, c.in)
	}
	_, err := ParseFormat("rtf")
	assert.ErrorContains(t, err, `unknown format "rtf"`)
}

func TestFormatString(t *testing.T) {
	for f := Text; f <= Auto; f++ {
		assert.True(t, f.Valid())
		back, err := ParseFormat(f.String())
		require.NoError(t, err)
		assert.Equal(t, f, back, "String and ParseFormat round-trip")
	}
	assert.Equal(t, "Format(9)", Format(9).String())
	assert.False(t, Format(-1).Valid())
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		name, file, head string
		want             Format
	}{
		{"html extension", "story.html", "plain words", HTML},
		{"htm extension, upper case", "STORY.HTM", "", HTML},
		{"xhtml extension", "a/b.xhtml", "", HTML},
		{"md extension", "README.md", "<html>", Markdown},
		{"markdown extension", "notes.markdown", "", Markdown},
		{"txt extension wins over content", "page.txt", "<!DOCTYPE html><html>", Text},
		{"doctype", "", "<!DOCTYPE html>\n<html>", HTML},
		{"doctype lower case after a BOM and blank lines", "-", "\uFEFF\n\n  <!doctype html>", HTML},
		{"html tag", "feed", "<html lang=en>", HTML},
		{"a fragment opening with a paragraph", "", "<p>Russian president…</p>", HTML},
		{"a fragment opening with a heading", "", "<h1>Putin</h1>", HTML},
		{"a comment then a tag", "", "<!-- scraped --><div>x</div>", HTML},
		{"a comment alone is not enough", "", "<!-- scraped -->plain", Text},
		{"plain text", "", "Putin to Discuss Ukraine’s NATO Exclusion", Text},
		{"text starting with a less-than sign", "", "<3 love it", Text},
		{"an unknown tag", "", "<foo>bar</foo>", Text},
		{"a tag name cut off", "", "<p", Text},
		{"a longer word that starts like a tag", "", "<paragraph>", Text},
		{"markdown is never sniffed", "", "# Heading\n\n*emphasis*", Text},
		{"empty", "", "", Text},
	} {
		assert.Equal(t, c.want, Detect(c.file, []byte(c.head)), c.name)
	}
}
