package spelling_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spelling"
)

// FuzzEdits checks the pass on any input: no panic, edits sorted, inside
// the text, on rune boundaries, not overlapping; valid UTF-8 stays valid;
// cleaning the output again changes nothing.
func FuzzEdits(f *testing.F) {
	for _, s := range []string{"thes topics woudl", "Leave a Replay", "Kyiv’s beleive", "a b c", "", "THES", "thes’s", "ﬁnd the thes", "negotations\u00a0x", "\xff\xfe thes"} {
		f.Add(s)
	}
	if b, err := os.ReadFile(filepath.Join("..", "testdata", "article.txt")); err == nil {
		f.Add(string(b[:min(len(b), 2000)]))
	}
	sp, err := spelling.New()
	if err != nil {
		f.Fatal(err)
	}
	p, err := normalize.NewPipeline([]normalize.Pass{sp})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		edits := sp.Edits(normalize.NewDoc(s))
		last := 0
		for _, e := range edits {
			if e.Start < last || e.End < e.Start || e.End > len(s) {
				t.Fatalf("edit %+v out of order or range (last %d, len %d)", e, last, len(s))
			}
			if !utf8.ValidString(s[e.Start:e.End]) && utf8.ValidString(s) {
				t.Fatalf("edit %+v splits a rune", e)
			}
			if e.Sure() <= 0 || e.Sure() > 1 {
				t.Fatalf("edit %+v has confidence out of (0, 1]", e)
			}
			last = e.End
		}
		out := p.Fix(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("valid input %q gave invalid output %q", s, out)
		}
		if again := p.Fix(out); again != out {
			t.Fatalf("not idempotent:\n in  %q\n out %q\n again %q", s, out, again)
		}
	})
}
