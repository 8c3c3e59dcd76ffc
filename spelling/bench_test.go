package spelling_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spelling"
)

// corpus returns the article and the evaluation texts, raw and corrected:
// news prose with names, numbers, URLs, typos and their fixes.
func corpus(b *testing.B, pattern string) string {
	b.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		b.Fatal("no test data", err)
	}
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func benchEdits(b *testing.B, text string) {
	s, err := spelling.New()
	if err != nil {
		b.Fatal(err)
	}
	s.Edits(normalize.NewDoc(text)) // load the candidate trie
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Edits(normalize.NewDoc(text))
	}
}

// BenchmarkEdits runs the pass alone on varied news text with typos: the
// article and the evaluation texts, raw and corrected. It includes
// tokenizing (see BenchmarkTokenize).
func BenchmarkEdits(b *testing.B) {
	benchEdits(b, corpus(b, "../testdata/*.txt")+corpus(b, "../testdata/eval/*.txt"))
}

// BenchmarkEditsClean runs the pass on the corrected texts only.
func BenchmarkEditsClean(b *testing.B) {
	benchEdits(b, corpus(b, "../testdata/eval/*.gold.txt"))
}

// BenchmarkTokenize is the tokenizer's share of BenchmarkEdits.
func BenchmarkTokenize(b *testing.B) {
	text := corpus(b, "../testdata/*.txt") + corpus(b, "../testdata/eval/*.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		normalize.NewDoc(text).Tokens()
	}
}

// BenchmarkKnown is the path of a correctly spelt word: a lookup, no
// allocation.
func BenchmarkKnown(b *testing.B) {
	s, err := spelling.New()
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("the negotiations would bolster Kyiv’s power and encourage Moscow to engage in meaningful dialogue")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			s.Known(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}

// BenchmarkSuggest ranks the corrections of unknown words.
func BenchmarkSuggest(b *testing.B) {
	s, err := spelling.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range []string{"thes", "woudl", "negotations", "reserchers", "necasery"} {
		b.Run(w, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s.Suggest(w)
			}
		})
	}
}

// BenchmarkNew is the cost of a Speller once the process has loaded its
// data (the first New also builds the candidate trie, see BenchmarkLoad).
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := spelling.New(); err != nil {
			b.Fatal(err)
		}
	}
}
