package casing_test

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copyedit/copyedit/casing"
	"github.com/copyedit/copyedit/internal/testtext"
	"github.com/copyedit/copyedit/normalize"
)

// FuzzCaser checks on any input: no panic; edits sorted, not overlapping,
// on rune boundaries and changing something; every edit only changes case,
// except a/an; valid UTF-8 stays valid; cleaning the output again makes no
// sure edit (idempotent).
func FuzzCaser(f *testing.F) {
	for _, tc := range mustFix {
		f.Add(tc.in)
	}
	for _, tc := range mustKeep {
		f.Add(tc.in)
	}
	for _, s := range []string{"", "a", "i", "A.", "\n\n", "a  an  a", "Ukraine’s. russia’s", "a 11,500", "an U.S. envoy", "ǆemal ǅ. ß", "İstanbul ı", "x\n\ny z\n\nA B c D\n\n"} {
		f.Add(s)
	}
	if b, err := os.ReadFile("../testdata/article.txt"); err == nil {
		f.Add(string(b))
	}
	c, err := casing.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := check(t, c, s)
		if !utf8.ValidString(s) {
			return
		}
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of valid input %q: %q", s, out)
		}
		if again := check(t, c, out); again != out {
			t.Fatalf("not idempotent:\n in    %q\n once  %q\n twice %q", s, out, again)
		}
	})
}

// check runs the pass on s, checks its edits and returns s with the sure
// edits made.
func check(t *testing.T, c *casing.Caser, s string) string {
	t.Helper()
	edits := c.Edits(normalize.NewDoc(s))
	if v := normalize.Valid(s, edits); len(v) != len(edits) {
		t.Fatalf("invalid edits on %q: %+v", s, edits)
	}
	var sure []normalize.Edit
	for _, e := range edits {
		old := s[e.Start:e.End]
		if e.Rule == casing.RuleArticle {
			if !strings.EqualFold(old, "a") && !strings.EqualFold(old, "an") {
				t.Fatalf("article edit of %q", old)
			}
		} else if !strings.EqualFold(old, e.New) {
			t.Fatalf("%s changed more than case: %q → %q", e.Rule, old, e.New)
		}
		if e.Confidence <= 0 || e.Confidence > 1 || e.Message == "" {
			t.Fatalf("edit without confidence or message: %+v", e)
		}
		if e.Sure() >= normalize.DefaultThreshold {
			sure = append(sure, e)
		}
	}
	return normalize.Apply(s, sure)
}

// BenchmarkEdits measures the pass alone on one chunk of text, its tokens
// already made (they are shared by the passes' Docs in a pipeline run).
func BenchmarkEdits(b *testing.B) {
	c, err := casing.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, pattern string }{
		{"clean", "../testdata/eval/*.gold.txt"},
		{"dirty", "../testdata/eval/*.raw.txt"},
	} {
		text := testtext.Join(b, bc.pattern)
		if bc.name == "dirty" {
			text += testtext.Join(b, "../testdata/article.txt")
		}
		b.Run(bc.name, func(b *testing.B) {
			d := normalize.NewDoc(text)
			d.Tokens()
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				c.Edits(d)
			}
		})
		b.Run(bc.name+"+tokenize", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				c.Edits(normalize.NewDoc(text))
			}
		})
	}
}

// BenchmarkNew measures building a Caser (the default lexicon's tables are
// read in place from data/caps.bin: nothing is built).
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := casing.New(); err != nil {
			b.Fatal(err)
		}
	}
}
