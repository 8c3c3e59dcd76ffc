package normalize_test

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spacing"
)

// checkTokens is a pass that fails the test when the tokens the pipeline
// derived for its Doc differ from the text's own tokens, read whole (and,
// for a chunk that continues a paragraph, not as a paragraph start).
func checkTokens(t testing.TB) normalize.Pass {
	return normalize.PassFunc{PassName: "check", Func: func(d *normalize.Doc) []normalize.Edit {
		got := d.Tokens()
		want := (&normalize.Doc{Text: d.Text, Continued: d.Continued}).Tokens()
		if len(got) != len(want) {
			t.Fatalf("%d tokens, want %d in %q", len(got), len(want), d.Text)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("token %d is %+v, want %+v in %q", i, got[i], want[i], d.Text)
			}
		}
		return nil
	}}
}

// capitalize is a pass that capitalizes every third lower-case word, to make
// many small edits that change case.
var capitalize = normalize.PassFunc{PassName: "cap", Func: func(d *normalize.Doc) []normalize.Edit {
	var edits []normalize.Edit
	n := 0
	for _, tok := range d.Tokens() {
		if tok.Kind == normalize.Word && tok.Is(normalize.Lower) {
			if n++; n%3 == 0 {
				r := []rune(tok.Text(d.Text))
				edits = append(edits, normalize.Edit{Start: tok.Start, End: tok.End, New: string(unicode.ToUpper(r[0])) + string(r[1:]), Rule: "cap/word"})
			}
		}
	}
	return edits
}}

func tokenCheckedPipeline(t testing.TB) *normalize.Pipeline {
	n, err := normalize.New()
	if err != nil {
		t.Fatal(err)
	}
	s, err := spacing.New()
	if err != nil {
		t.Fatal(err)
	}
	check := checkTokens(t)
	p, err := normalize.NewPipeline([]normalize.Pass{check, n, check, s, check, capitalize, check}, normalize.WithChunkSize(256))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPipelineTokensMatch(t *testing.T) {
	p := tokenCheckedPipeline(t)
	b, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{string(b), "J. smith met Dr.ivanova,then NATO.The end", strings.Repeat("a,b. c  d\n\n", 50)} {
		p.Fix(s)
		p.CleanString(s)
	}
}

func FuzzPipelineTokens(f *testing.F) {
	f.Add("J. smith met Dr.ivanova,then NATO.The end")
	f.Add("a  b,c. d\r\n\r\ne")
	f.Fuzz(func(t *testing.T, s string) {
		tokenCheckedPipeline(t).Fix(s)
	})
}
