// Command corpus writes a deterministic benchmark corpus: N MB of varied
// news-like text with realistic defects planted at about one per 50 words,
// made from the repository's own clean texts and the lexicon's words, so that
// the vocabulary (and the unknown words) vary as they do in real text rather
// than repeating one article N times, which would flatter any cache.
//
// Usage:
//
//	go run ./examples/corpus -mb 20 -seed 1 -o corpus.txt [-gold corpus.gold.txt]
//
// With -gold it also writes the same text without the planted defects, so a
// large-scale precision check can compare the two.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copyedit/copyedit/lexicon"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	mb := fs.Float64("mb", 10, "megabytes of text to write")
	seed := fs.Uint64("seed", 1, "random seed; the same seed writes the same corpus")
	from := fs.String("from", "testdata", "folder with the clean texts (article.golden.txt, eval/*.gold.txt)")
	out := fs.String("o", "", "output file (default standard output)")
	gold := fs.String("gold", "", "also write the text without the planted defects to this file")
	if err := fs.Parse(args); err != nil {
		return 1
	}
	sentences, err := loadSentences(*from)
	if err != nil {
		fmt.Fprintf(stderr, "corpus: %v\n", err)
		return 1
	}
	w, closeW, err := create(*out, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "corpus: %v\n", err)
		return 1
	}
	var g io.Writer = io.Discard
	closeG := func() error { return nil }
	if *gold != "" {
		if g, closeG, err = create(*gold, nil); err != nil {
			fmt.Fprintf(stderr, "corpus: %v\n", err)
			return 1
		}
	}
	gen := newGenerator(*seed, sentences, lexicon.Default())
	gen.write(w, g, int(*mb*(1<<20)))
	if err := closeW(); err != nil {
		fmt.Fprintf(stderr, "corpus: %v\n", err)
		return 1
	}
	if err := closeG(); err != nil {
		fmt.Fprintf(stderr, "corpus: %v\n", err)
		return 1
	}
	return 0
}

// create opens name for buffered writing, or uses def when name is empty.
func create(name string, def io.Writer) (io.Writer, func() error, error) {
	if name == "" {
		bw := bufio.NewWriter(def)
		return bw, bw.Flush, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, nil, err
	}
	bw := bufio.NewWriter(f)
	return bw, func() error {
		if err := bw.Flush(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}, nil
}

// loadSentences reads the clean texts and splits their paragraphs into
// sentences.
func loadSentences(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "eval", "*.gold.txt"))
	if err != nil {
		return nil, err
	}
	files = append(files, filepath.Join(dir, "article.golden.txt"))
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("%v (run from the repository's root, or set -from)", err)
		}
		for _, para := range strings.Split(string(b), "\n\n") {
			para = strings.TrimSpace(para)
			if strings.Count(para, " ") < 6 || strings.Contains(para, "\n") {
				continue // headings, speaker-only lines, lists
			}
			out = append(out, splitSentences(para)...)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no sentences found under %s", dir)
	}
	return out, nil
}

// splitSentences cuts a paragraph after ". " before a capital letter.
func splitSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(p); i++ {
		if p[i] == '.' && p[i+1] == ' ' && 'A' <= p[i+2] && p[i+2] <= 'Z' && !strings.HasSuffix(p[:i], "Dr") && !strings.HasSuffix(p[:i], "Mr") {
			out = append(out, p[start:i+1])
			start = i + 2
		}
	}
	return append(out, p[start:])
}

type generator struct {
	rng       *rand.Rand
	sentences []string
	words     map[int][]string // common lower-case words by length
	names     []string         // capitalized names from the lexicon
}

func newGenerator(seed uint64, sentences []string, lex *lexicon.Lexicon) *generator {
	g := &generator{rng: rand.New(rand.NewPCG(seed, 0x636f70796564)), sentences: sentences, words: map[int][]string{}}
	for form, e := range lex.Each {
		switch {
		case e.Class == lexicon.Word && e.Level <= 50 && isLowerASCII(form) && len(form) >= 4:
			g.words[len(form)] = append(g.words[len(form)], form)
		case (e.Class == lexicon.Upper || e.Class == lexicon.ProperName) && e.Level <= 50 && isTitleASCII(form):
			g.names = append(g.names, form)
		}
	}
	return g
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func isTitleASCII(s string) bool {
	return len(s) >= 3 && 'A' <= s[0] && s[0] <= 'Z' && isLowerASCII(s[1:])
}

// write writes about size bytes of paragraphs to w, and their clean
// versions to gold.
func (g *generator) write(w, gold io.Writer, size int) {
	written := 0
	for written < size {
		var clean []string
		for n := 2 + g.rng.IntN(4); n > 0; n-- {
			clean = append(clean, g.vary(g.sentences[g.rng.IntN(len(g.sentences))]))
		}
		para := strings.Join(clean, " ")
		raw := g.plant(para)
		fmt.Fprint(w, raw, "\n\n")
		fmt.Fprint(gold, para, "\n\n")
		written += len(raw) + 2
		if g.rng.IntN(25) == 0 { // a paragraph scraped twice
			fmt.Fprint(w, raw, "\n\n")
			written += len(raw) + 2
		}
	}
}

// vary swaps some words of a clean sentence for others of the same kind, so
// that the vocabulary keeps changing: lower-case words for lexicon words of
// the same length, names for lexicon names or invented ones.
func (g *generator) vary(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		core, tail := splitTail(w)
		if i > 0 {
			switch strings.ToLower(strings.TrimLeft(words[i-1], "“‘\"'(")) {
			case "a", "an":
				continue // keep "a"/"an" right
			}
		}
		switch {
		case isLowerASCII(core) && len(core) >= 5 && g.rng.IntN(4) == 0:
			if pool := g.words[len(core)]; len(pool) > 0 {
				words[i] = pool[g.rng.IntN(len(pool))] + tail
			}
		case i > 0 && isTitleASCII(core) && g.rng.IntN(3) == 0:
			if g.rng.IntN(3) == 0 {
				words[i] = g.inventName() + tail
			} else {
				words[i] = g.names[g.rng.IntN(len(g.names))] + tail
			}
		}
	}
	return strings.Join(words, " ")
}

// splitTail splits trailing punctuation off a word.
func splitTail(w string) (core, tail string) {
	i := len(w)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(w[:i])
		if unicode.IsLetter(r) {
			break
		}
		i -= size
	}
	return w[:i], w[i:]
}

var syllables = []string{"ka", "ro", "vin", "sel", "mar", "to", "len", "zu", "bri", "dan", "ko", "vel", "ish", "or", "ta", "nek", "sha", "lu", "gor", "mi"}

// inventName makes a name no dictionary has, as news is full of them.
func (g *generator) inventName() string {
	var b strings.Builder
	for n := 2 + g.rng.IntN(2); n > 0; n-- {
		b.WriteString(syllables[g.rng.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// plant puts defects into a clean paragraph at about one per 50 words.
func (g *generator) plant(p string) string {
	words := strings.Split(p, " ")
	for i := range words {
		if g.rng.IntN(50) != 0 {
			continue
		}
		core, tail := splitTail(words[i])
		switch g.rng.IntN(6) {
		case 0, 1: // a typo
			if isLowerASCII(core) && len(core) >= 4 {
				words[i] = g.typo(core) + tail
			}
		case 2: // a lost capital
			if isTitleASCII(core) {
				words[i] = strings.ToLower(core) + tail
			}
		case 3: // a lost space after punctuation
			if i+1 < len(words) && tail != "" && strings.ContainsAny(tail[:1], ",.;:") {
				words[i] += words[i+1]
				words[i+1] = ""
			}
		case 4: // a doubled space
			words[i] += " "
		case 5: // a wrong article
			switch core {
			case "a":
				words[i] = "an" + tail
			case "an":
				words[i] = "a" + tail
			}
		}
	}
	var b strings.Builder
	for i, w := range words {
		if w == "" {
			continue
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

var keyboard = map[byte]string{
	'a': "qwsz", 'b': "vghn", 'c': "xdfv", 'd': "serfcx", 'e': "wsdr", 'f': "drtgvc", 'g': "ftyhbv", 'h': "gyujnb",
	'i': "ujko", 'j': "huikmn", 'k': "jiolm", 'l': "kop", 'm': "njk", 'n': "bhjm", 'o': "iklp", 'p': "ol",
	'q': "wa", 'r': "edft", 's': "awedxz", 't': "rfgy", 'u': "yhji", 'v': "cfgb", 'w': "qase", 'x': "zsdc",
	'y': "tghu", 'z': "asx",
}

// typo makes one realistic slip in a lower-case ASCII word: a swap of two
// letters, a dropped or doubled letter, a neighbouring key or a vowel swap.
func (g *generator) typo(w string) string {
	b := []byte(w)
	i := 1 + g.rng.IntN(len(b)-2)
	switch g.rng.IntN(5) {
	case 0:
		b[i], b[i+1] = b[i+1], b[i]
	case 1:
		b = append(b[:i], b[i+1:]...)
	case 2:
		b = append(b[:i+1], b[i:]...)
	case 3:
		if n := keyboard[b[i]]; n != "" {
			b[i] = n[g.rng.IntN(len(n))]
		}
	default:
		const vowels = "aeiou"
		if strings.IndexByte(vowels, b[i]) >= 0 {
			b[i] = vowels[g.rng.IntN(len(vowels))]
		}
	}
	return string(b)
}
