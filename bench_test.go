package copyedit_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/internal/testtext"
)

// benchTexts returns the texts the pipeline benchmarks clean: the
// repository's raw texts (the article and the evaluation pairs, about
// 40 KB of news with their defects), and, when the environment variable
// COPYEDIT_CORPUS names one, the benchmark corpus, whose unknown words vary
// as real text's do:
//
//	go run ./examples/corpus -mb 10 -seed 1 -o /tmp/c10.txt
//	COPYEDIT_CORPUS=/tmp/c10.txt go test -run X -bench Pipeline -benchmem .
func benchTexts(b *testing.B) map[string]string {
	b.Helper()
	texts := map[string]string{"raw": testtext.Join(b, "testdata/eval/*.raw.txt", "testdata/article.txt")}
	if text, ok := testtext.Corpus(b); ok {
		texts["corpus"] = text
	}
	return texts
}

// BenchmarkPipeline measures the default pipeline, and each pass alone
// (tokenizing included), streaming a text as the command does.
func BenchmarkPipeline(b *testing.B) {
	for name, text := range benchTexts(b) {
		for _, pass := range []string{"all", "normalize", "spacing", "spelling", "casing"} {
			var opts []copyedit.Option
			if pass != "all" {
				opts = append(opts, copyedit.WithPasses(pass))
			}
			p, err := copyedit.New(opts...)
			if err != nil {
				b.Fatal(err)
			}
			warmUp(p, text)
			b.Run(name+"/"+pass, func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					if err := p.FixReader(io.Discard, strings.NewReader(text)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkParallel measures one pipeline shared by every goroutine, each
// cleaning the raw texts: the throughput of the command on many files.
func BenchmarkParallel(b *testing.B) {
	text := benchTexts(b)["raw"]
	p := copyedit.Default()
	warmUp(p, text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		var out bytes.Buffer
		for pb.Next() {
			out.Reset()
			if err := p.FixReader(&out, strings.NewReader(text)); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// warmUp cleans the start of text once, so that the data a pass reads on
// first use (the dictionaries' tables) is not timed.
func warmUp(p *copyedit.Pipeline, text string) {
	p.Fix(text[:min(len(text), 16<<10)])
}
