package normalize

import (
	"os"
	"testing"
)

// benchText is the article repeated to 1 MiB: realistic tokens for the
// tokenizer, which keeps no state between calls.
func benchText(b *testing.B) string {
	raw, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(raw)
	for len(s) < 1<<20 {
		s += "\n\n" + string(raw)
	}
	return s
}

// BenchmarkTokenize tokenizes into reused memory, as the pipeline does.
func BenchmarkTokenize(b *testing.B) {
	s := benchText(b)
	var toks []Token
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		toks = tokenize(s, true, toks)
	}
}

func BenchmarkNormalizeClean(b *testing.B) {
	n, err := New()
	if err != nil {
		b.Fatal(err)
	}
	s := benchText(b)
	out := n.Edits(NewDoc(s))
	s = Apply(s, out) // already clean: the common case
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		n.Edits(NewDoc(s))
	}
}

func BenchmarkNormalizeDirty(b *testing.B) {
	n, err := New()
	if err != nil {
		b.Fatal(err)
	}
	s := benchText(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		n.Edits(NewDoc(s))
	}
}
