package casing_test

import (
	"os"
	"testing"

	"github.com/copyedit/copyedit/casing"
	"github.com/copyedit/copyedit/normalize"
)

// corpusText reads the benchmark corpus named by $COPYEDIT_CORPUS (default
// /tmp/c4.txt, written by go run ./examples/corpus -mb 4 -seed 1 -o
// /tmp/c4.txt), or skips.
func corpusText(b *testing.B) string {
	b.Helper()
	name := os.Getenv("COPYEDIT_CORPUS")
	if name == "" {
		name = "/tmp/c4.txt"
	}
	data, err := os.ReadFile(name)
	if err != nil {
		b.Skipf("no corpus (%v): go run ./examples/corpus -mb 4 -seed 1 -o /tmp/c4.txt", err)
	}
	return string(data)
}

// BenchmarkCorpus runs the pass alone in a pipeline over the corpus, as
// copyedit.New(copyedit.WithPasses("casing")).Fix does: chunking,
// tokenizing and applying the edits included.
func BenchmarkCorpus(b *testing.B) {
	text := corpusText(b)
	c, err := casing.New()
	if err != nil {
		b.Fatal(err)
	}
	p, err := normalize.NewPipeline([]normalize.Pass{c})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		p.Fix(text)
	}
}

// BenchmarkCorpusTokenize is the tokenizing share of BenchmarkCorpus: a
// pipeline whose one pass asks for the tokens and edits nothing.
func BenchmarkCorpusTokenize(b *testing.B) {
	text := corpusText(b)
	p, err := normalize.NewPipeline([]normalize.Pass{normalize.PassFunc{PassName: "tokens", Func: func(d *normalize.Doc) []normalize.Edit {
		d.Tokens()
		return nil
	}}})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		p.Fix(text)
	}
}
