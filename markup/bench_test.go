package markup

import (
	"os"
	"testing"
)

// The benchmarks read the article as HTML and Markdown, dirty (as scraped)
// and clean (the golden output), and time the extraction alone and Clean
// with normalize and spacing; Text is plain Clean on the article for
// comparison.
func benchInput(b *testing.B, name string) string {
	data, err := os.ReadFile("../testdata/" + name)
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func BenchmarkExtract(b *testing.B) {
	for _, c := range []struct {
		name, file string
		f          Format
	}{{"HTML", "article.html", HTML}, {"Markdown", "article.md", Markdown}} {
		src := benchInput(b, c.file)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Extract(src, c.f)
			}
		})
	}
}

func BenchmarkClean(b *testing.B) {
	p := basePipeline(b)
	for _, c := range []struct {
		name, file string
		f          Format
	}{
		{"Text/dirty", "article.txt", Text},
		{"HTML/dirty", "article.html", HTML},
		{"HTML/clean", "article.html.golden", HTML},
		{"Markdown/dirty", "article.md", Markdown},
		{"Markdown/clean", "article.md.golden", Markdown},
		{"HTML/empty", "", HTML},
	} {
		src := ""
		if c.file != "" {
			src = benchInput(b, c.file)
		}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Clean(p, src, c.f)
			}
		})
	}
}
