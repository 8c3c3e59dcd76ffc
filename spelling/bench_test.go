package spelling_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/copyedit/copyedit/internal/testtext"
	"github.com/copyedit/copyedit/lexicon"
	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spelling"
)

// The benchmarks of the pass, their inputs and what they measure:
//
//	BenchmarkEdits              the article and evaluation texts, raw and corrected, tokenizing included
//	BenchmarkPass/clean         the corrected texts: nearly every word known (a few names)
//	BenchmarkPass/typos         the same with a realistic slip in one word in ten
//	BenchmarkKnown              a correctly spelt word (0 allocations)
//	BenchmarkSuggest            the ranking of a few typical typos
//	BenchmarkSuggestByLength    the ranking of unknown words by length, per word
//	BenchmarkNew                a Speller once the data is loaded
//	BenchmarkCorpus             the pass through a pipeline on the file $COPYEDIT_CORPUS (see below)
//
// BenchmarkPass times the pass alone (tokens made outside the timer), with
// a new Speller for each run, so that no verdict is remembered from one run
// to the next: every distinct unknown word of the text is ranked.

// clean returns the corrected news texts: the article and the evaluation
// texts.
func clean(b *testing.B) string {
	return testtext.Join(b, "../testdata/article.golden.txt", "../testdata/eval/*.gold.txt")
}

// withTypos plants a realistic slip (two letters swapped, one dropped or
// doubled, a vowel or a neighbouring key for another) in one lower-case
// word of four letters or more in every, about, ten, when the slip makes
// a word the lexicon lacks. The seed fixes the result.
func withTypos(text string, seed uint64) string {
	lex := lexicon.Default()
	r := rand.New(rand.NewPCG(seed, 1))
	words := strings.Split(text, " ")
	for i, w := range words {
		if len(w) < 4 || r.IntN(10) != 0 || strings.IndexFunc(w, func(c rune) bool { return c < 'a' || c > 'z' }) >= 0 {
			continue
		}
		if t := slip(r, w); !lex.Contains(t) {
			words[i] = t
		}
	}
	return strings.Join(words, " ")
}

// slip makes one typing or spelling slip inside w.
func slip(r *rand.Rand, w string) string {
	b := []byte(w)
	i := 1 + r.IntN(len(b)-2)
	switch r.IntN(5) {
	case 0:
		b[i], b[i+1] = b[i+1], b[i]
	case 1:
		b = append(b[:i], b[i+1:]...)
	case 2:
		b = append(b[:i+1], b[i:]...)
	case 3:
		const vowels = "aeiou"
		if strings.IndexByte(vowels, b[i]) >= 0 {
			b[i] = vowels[r.IntN(len(vowels))]
		}
	default:
		const rows = "qwertyuiopasdfghjklzxcvbnm"
		if k := strings.IndexByte(rows, b[i]); k > 0 {
			b[i] = rows[k-1]
		}
	}
	return string(b)
}

func benchPass(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		s, err := spelling.New()
		if err != nil {
			b.Fatal(err)
		}
		d := normalize.NewDoc(text)
		d.Tokens()
		b.StartTimer()
		s.Edits(d)
	}
}

// BenchmarkPass runs the pass alone on clean text and on text with
// typos.
func BenchmarkPass(b *testing.B) {
	text := clean(b)
	b.Run("clean", func(b *testing.B) { benchPass(b, text) })
	b.Run("typos", func(b *testing.B) { benchPass(b, withTypos(text, 1)) })
}

// BenchmarkEdits runs the pass on the article and the evaluation texts,
// raw and corrected, tokenizing included (see BenchmarkTokenize).
func BenchmarkEdits(b *testing.B) {
	text := testtext.Join(b, "../testdata/*.txt", "../testdata/eval/*.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s, err := spelling.New()
		if err != nil {
			b.Fatal(err)
		}
		s.Edits(normalize.NewDoc(text))
	}
}

// BenchmarkTokenize is the tokenizer's share of BenchmarkEdits.
func BenchmarkTokenize(b *testing.B) {
	text := testtext.Join(b, "../testdata/*.txt", "../testdata/eval/*.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		normalize.NewDoc(text).Tokens()
	}
}

// BenchmarkKnown is the path of a correctly spelt word: no allocation.
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

// BenchmarkSuggestByLength ranks 40 unknown words of each length: slips
// of common words (SCOWL level 35 or below), the typical unknown word of
// news text.
func BenchmarkSuggestByLength(b *testing.B) {
	s, err := spelling.New()
	if err != nil {
		b.Fatal(err)
	}
	lex := lexicon.Default()
	byLen := map[int][]string{}
	r := rand.New(rand.NewPCG(2, 3))
	for form, e := range lex.Each {
		n := len(form)
		if e.Class != lexicon.Word || e.Level > 35 || n < 4 || n > 12 || len(byLen[n]) >= 40 || r.IntN(20) != 0 ||
			strings.IndexFunc(form, func(c rune) bool { return c < 'a' || c > 'z' }) >= 0 {
			continue
		}
		if t := slip(r, form); !lex.Contains(t) && len(t) == n {
			byLen[n] = append(byLen[n], t)
		}
	}
	for n := 4; n <= 12; n += 2 {
		words := byLen[n]
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, w := range words {
					s.Suggest(w)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words))/1000, "µs/word")
		})
	}
}

// BenchmarkCorpus runs the pass alone through a pipeline (as
// copyedit.New(copyedit.WithPasses("spelling")).Fix does, tokenizing
// included), a new Speller each run, on the file named by the environment
// variable COPYEDIT_CORPUS: the benchmark corpus, whose unknown words vary
// as real text's do.
//
//	go run ./examples/corpus -mb 4 -seed 1 -o /tmp/c4.txt -gold /tmp/c4.clean.txt
//	COPYEDIT_CORPUS=/tmp/c4.txt go test -run X -bench Corpus ./spelling/
func BenchmarkCorpus(b *testing.B) {
	text, ok := testtext.Corpus(b)
	if !ok {
		b.Skip("COPYEDIT_CORPUS names no file")
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s, err := spelling.New()
		if err != nil {
			b.Fatal(err)
		}
		p, err := normalize.NewPipeline([]normalize.Pass{s})
		if err != nil {
			b.Fatal(err)
		}
		p.Fix(text)
	}
}

// BenchmarkNew is the cost of a Speller once the process has its data
// (the first also reads the embedded candidate words' header: see
// BenchmarkLoad).
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := spelling.New(); err != nil {
			b.Fatal(err)
		}
	}
}
