package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func forms(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Form)
	}
	return out
}

func TestParseWordList(t *testing.T) {
	in := "\uFEFF# Our people and products\n" +
		"Zelenskyy    # Ukrainian president\n" +
		"\n" +
		"   Kyiv\r\n" +
		"C#\n" +
		"y’all\n" +
		"\t# indented comment\n" +
		"COVID-19\t#trailing comment after a tab\n" +
		"last-line-without-newline"
	items, err := ParseWordList(strings.NewReader(in), "names.txt")
	require.NoError(t, err)
	assert.Equal(t, []string{"Zelenskyy", "Kyiv", "C#", "y'all", "COVID-19", "last-line-without-newline"}, forms(items))
	assert.Equal(t, ProperName, items[0].Entry.Class)
	assert.Equal(t, Contraction, items[3].Entry.Class)
	assert.Equal(t, Abbreviation, items[4].Entry.Class)

	items, err = ParseWordList(strings.NewReader(""), "empty.txt")
	assert.NoError(t, err)
	assert.Empty(t, items)
}

func TestParseWordListErrors(t *testing.T) {
	for _, c := range []struct {
		name      string
		in        string
		line, col int
		msg       string
	}{
		{"two words", "ok\nNew York\n", 2, 5, "more than one word"},
		{"two words after indent", "  Ho Chi Minh", 1, 6, "more than one word"},
		{"no-break space", "Ho\u00a0Chi", 1, 5, "more than one word"}, // col of "Chi", in bytes,
		{"invalid UTF-8", "ok\n\nab\xffc\n", 3, 3, "invalid UTF-8"},
		{"control character", "a\x01b", 1, 2, "control character"},
		{"zero-width space", "a\u200bb", 1, 2, "control character"},
		{"replacement character", "a\uFFFDb", 1, 2, "U+FFFD"},
		{"too long", "ok\n  " + strings.Repeat("x", MaxWordLen+1) + "\n", 2, 3, "too long"},
		{"CRLF keeps lines", "a\r\nb c\r\n", 2, 3, "more than one word"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseWordList(strings.NewReader(c.in), "words.txt")
			var se *SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, "words.txt", se.File)
			assert.Equal(t, c.line, se.Line, "line")
			assert.Equal(t, c.col, se.Col, "col")
			assert.Contains(t, se.Msg, c.msg)
			lines := strings.SplitAfter(c.in, "\n")
			start := len(strings.Join(lines[:c.line-1], ""))
			assert.Equal(t, start+c.col-1, se.Offset, "offset")
			assert.True(t, strings.HasPrefix(err.Error(), "words.txt:"), err.Error())
		})
	}
}

func TestSyntaxErrorMessage(t *testing.T) {
	_, err := ParseWordList(strings.NewReader("# names\n\tNew York\n"), "names.txt")
	require.Error(t, err)
	assert.Equal(t, "names.txt:2:6: more than one word on the line (put each on its own line, or start a comment with #)\n\t\tNew York\n\t\t    ^", err.Error())
}

func TestLoadWordList(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "names.txt")
	require.NoError(t, os.WriteFile(path, []byte("Zelenskyy\nKyiv\n"), 0o644))
	items, err := LoadWordList(path)
	require.NoError(t, err)
	l, err := Default().With(items...)
	require.NoError(t, err)
	assert.True(t, l.Contains("Zelenskyy"))
	assert.Equal(t, []string{"Kyiv"}, foldForms(l, "KYIV"))

	bad := filepath.Join(dir, "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("fine\nnot fine\n"), 0o644))
	_, err = LoadWordList(bad)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), bad+":2:"), err.Error())

	_, err = LoadWordList(filepath.Join(dir, "missing.txt"))
	assert.True(t, errors.Is(err, os.ErrNotExist))
}

func FuzzParseWordList(f *testing.F) {
	for _, s := range []string{
		"Zelenskyy\n# comment\nKyiv  # trailing\n",
		"\uFEFFa\r\nb\r\n",
		"New York\n",
		"a\xffb",
		"C#\n#\n #\n",
		"it’s\n",
		strings.Repeat("x", MaxWordLen+1),
		"\u00a0word\u00a0\n\u2028\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		items, err := ParseWordList(strings.NewReader(in), "fuzz.txt")
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a *SyntaxError", err)
			}
			if se.Line < 1 || se.Col < 1 || se.Offset < 0 || se.Offset > len(in) {
				t.Fatalf("bad position in %+v", se)
			}
			if se.Line > strings.Count(in, "\n")+1 {
				t.Fatalf("line %d past the end", se.Line)
			}
			_ = se.Error()
			return
		}
		for _, it := range items {
			if err := CheckWord(it.Form); err != nil {
				t.Fatalf("parsed word %q is invalid: %v", it.Form, err)
			}
			if !utf8.ValidString(it.Form) || strings.ContainsAny(it.Form, " \t\r\n") {
				t.Fatalf("parsed word %q", it.Form)
			}
			if !strings.Contains(strings.ReplaceAll(in, "’", "'"), it.Form) {
				t.Fatalf("word %q not in the input", it.Form)
			}
		}
		l, err := New(items...)
		if err != nil {
			t.Fatalf("New(parsed words): %v", err)
		}
		for _, it := range items {
			if !l.Contains(it.Form) {
				t.Fatalf("New lost %q", it.Form)
			}
		}
	})
}
