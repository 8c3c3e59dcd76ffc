package copyedit_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/lexicon"
	"github.com/copyedit/copyedit/markup"
	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spelling"
)

// TestIdempotentOnRandomPhrases cleans short texts assembled at random from
// words — of the lexicon in every class and level, of the repository's raw
// texts, slips of them, in every case — and separators, and checks that
// cleaning the output again changes nothing. The byte-level fuzzers reach
// such word-level encounters between the passes (a typo after a rare word
// that the casing pass capitalizes) only by chance. COPYEDIT_PHRASES sets
// how many texts (default 3000) and COPYEDIT_SEED the seed.
func TestIdempotentOnRandomPhrases(t *testing.T) {
	n := envInt(t, "COPYEDIT_PHRASES", 3000)
	seed := envInt(t, "COPYEDIT_SEED", 1)
	if testing.Short() {
		n = min(n, 300)
	}
	p, err := copyedit.New()
	require.NoError(t, err)
	for _, in := range foundPhrases {
		once := p.Fix(in)
		require.Equal(t, once, p.Fix(once), "cleaning %q twice", in)
	}
	g := newPhraseGen(t, uint64(seed))
	failed := 0
	for range n {
		parts := g.phrase()
		if !idempotent(p, strings.Join(parts, "")) {
			parts = shrink(p, parts)
			in := strings.Join(parts, "")
			once := p.Fix(in)
			t.Errorf("not idempotent:\ninput  %q\nonce   %q\ntwice  %q", in, once, p.Fix(once))
			if failed++; failed == 10 {
				t.FailNow()
			}
		}
	}
}

// foundPhrases are texts this test found not idempotent once, each for a
// different reason.
var foundPhrases = []string{
	"Housweiferies (fooslcap S. couitesan",
	"And brookign's R.  a",
	"vittle” antares: DISORGAIZATIONS  etcdg's An, Negitiations",
	"1255,To “tghat keypunches",
	"The “rognize. grey",
	"Is; TEH  Teh; teh ycaudexes's imaignative",
	"An ciruclar\n\nAn Ciruclar",
	"draftines. centre-right",
	"sequestered ,“we",
	"dr. ,yearvs.",
	"ect.) vouhsafes",
	"dr.? “Rrae",
	"2731 rumourd whhizz",
	"’s chequys’s \nchequys",
	"Its iin.I.Its",
	"gae latyr",
}

func envInt(t *testing.T, name string, def int) int {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	v, err := strconv.Atoi(s)
	require.NoError(t, err, name)
	return v
}

func idempotent(p *copyedit.Pipeline, in string) bool {
	out := p.Fix(in)
	return p.Fix(out) == out
}

// shrink drops parts of a failing text while it still fails.
func shrink(p *copyedit.Pipeline, parts []string) []string {
	for changed := true; changed; {
		changed = false
		for i := 0; i < len(parts); i++ {
			try := append(append([]string(nil), parts[:i]...), parts[i+1:]...)
			if !idempotent(p, strings.Join(try, "")) {
				parts, changed = try, true
				i--
			}
		}
	}
	return parts
}

// phraseGen draws the parts of random texts.
type phraseGen struct {
	r       *rand.Rand
	lexical []string // lexicon words of every class and level
	written []string // white-space separated pieces of the raw texts
}

func newPhraseGen(t *testing.T, seed uint64) *phraseGen {
	g := &phraseGen{r: rand.New(rand.NewPCG(seed, 7))}
	all := 0
	lexicon.Default().Each(func(string, lexicon.Entry) bool { all++; return true })
	// About 20,000 words spread over the whole lexicon.
	every := max(all/20000, 1)
	i := 0
	lexicon.Default().Each(func(form string, _ lexicon.Entry) bool {
		if i++; i%every == 0 {
			g.lexical = append(g.lexical, form)
		}
		return true
	})
	files, err := filepath.Glob("testdata/eval/*.raw.txt")
	require.NoError(t, err)
	for _, f := range append(files, "testdata/article.txt") {
		g.written = append(g.written, strings.Fields(readFile(t, f))...)
	}
	return g
}

var separators = []string{" ", " ", " ", " ", " ", ", ", ". ", ".", ",", ": ", "; ", "! ", "? ", "\n", "\n\n", "  ", " - ", "'s ", "-", " “", "” ", " (", ") ",
	"\t", "... ", "…", " '", "' ", "’s ", " — ", "/", "? “", ".” ", " \"", "\" ", ":", ";", "!", " ,", " ."}

var shortWords = []string{"a", "an", "the", "A", "An", "The", "I", "i", "Dr.", "Mr.", "U.S.", "e.g.", "St.", "de", "van", "al", "to", "be", "is", "it", "of", "in", "and", "was",
	"J.", "B.", "Prof.", "mr.", "dr.", "jan.", "Mar.", "etc.", "i.e.", "3.5%", "1,250", "10:30", "example.org", "Node.js", "v1.2.3", "http://x.io/a", "a@b.com", ":)", "iPhone", "McDonald", "O'Brien", "NATO", "nato", "EU", "e-mail", "well-known", "#1", "2nd", "x"}

func (g *phraseGen) phrase() []string {
	n := 2 + g.r.IntN(10)
	if g.r.IntN(4) == 0 {
		n += g.r.IntN(30) // several sentences, lines or paragraphs
	}
	parts := make([]string, 0, 2*n)
	for i := range n {
		if i > 0 {
			parts = append(parts, separators[g.r.IntN(len(separators))])
		}
		if i > 1 && g.r.IntN(6) == 0 {
			// A word the text uses again, maybe in another case: the
			// document's own evidence.
			w := parts[2*g.r.IntN(i)]
			if g.r.IntN(2) == 0 {
				w = title(strings.ToLower(w))
			}
			parts = append(parts, w)
			continue
		}
		parts = append(parts, g.word())
	}
	if g.r.IntN(3) == 0 {
		parts = append(parts, ".")
	}
	return parts
}

func (g *phraseGen) word() string {
	var w string
	switch k := g.r.IntN(10); {
	case k < 4:
		w = g.lexical[g.r.IntN(len(g.lexical))]
	case k < 6:
		w = g.written[g.r.IntN(len(g.written))]
	case k < 8:
		w = shortWords[g.r.IntN(len(shortWords))]
	case k < 9:
		w = g.random()
	default:
		return fmt.Sprint(g.r.IntN(3000))
	}
	if g.r.IntN(3) == 0 {
		w = g.slip(w)
	}
	switch g.r.IntN(6) {
	case 0:
		w = strings.ToLower(w)
	case 1:
		w = title(strings.ToLower(w))
	case 2:
		w = strings.ToUpper(w)
	}
	return w
}

// random is a short string of letters, a name or a typo no list has.
func (g *phraseGen) random() string {
	b := make([]byte, 1+g.r.IntN(6))
	for i := range b {
		b[i] = "aeiouybcdfghklmnprstvwz"[g.r.IntN(23)]
	}
	return string(b)
}

// slip makes one typing error: a deletion, insertion, substitution or
// transposition of letters.
func (g *phraseGen) slip(w string) string {
	b := []byte(w)
	if len(b) < 2 {
		return w
	}
	i := g.r.IntN(len(b) - 1)
	c := "etaoinshrdlucmwfgypbvky"[g.r.IntN(23)]
	switch g.r.IntN(4) {
	case 0:
		return string(append(b[:i:i], b[i+1:]...))
	case 1:
		return string(b[:i]) + string(c) + string(b[i:])
	case 2:
		b[i] = c
	default:
		b[i], b[i+1] = b[i+1], b[i]
	}
	return string(b)
}

func title(w string) string {
	for i, r := range w {
		return string(unicode.ToUpper(r)) + w[i+len(string(r)):]
	}
	return w
}

// TestIdempotentOnRandomDocuments cleans long texts of random paragraphs
// twice: the document-level evidence (words used again, capitals, the
// locale) gathered over many paragraphs must lead to the same decisions on
// the output. COPYEDIT_DOCS sets how many (default 3), COPYEDIT_DOC_KB
// their size (default 48, within one chunk).
func TestIdempotentOnRandomDocuments(t *testing.T) {
	n := envInt(t, "COPYEDIT_DOCS", 3)
	size := envInt(t, "COPYEDIT_DOC_KB", 48) << 10
	seed := envInt(t, "COPYEDIT_SEED", 1)
	p, err := copyedit.New()
	require.NoError(t, err)
	g := newPhraseGen(t, uint64(seed))
	for range n {
		var b strings.Builder
		for b.Len() < size {
			b.WriteString(strings.Join(g.phrase(), ""))
			b.WriteString([]string{"\n\n", "\n\n", "\n", " "}[g.r.IntN(4)])
		}
		in := b.String()
		once := p.Fix(in)
		twice := p.Fix(once)
		if once != twice {
			k := 0
			for k < len(once) && k < len(twice) && once[k] == twice[k] {
				k++
			}
			from, to := max(k-120, 0), min(k+80, len(once), len(twice))
			t.Errorf("not idempotent at byte %d of %d:\nonce  %q\ntwice %q", k, len(once), once[from:to], twice[from:to])
		}
	}
}

// TestIdempotentOnRandomMarkup cleans random Markdown and HTML documents
// twice, whose prose is random phrases inside the formats' structures
// (headings, lists, emphasis, links, code, tags). COPYEDIT_MARKUP sets how
// many of each format (default 200).
func TestIdempotentOnRandomMarkup(t *testing.T) {
	n := envInt(t, "COPYEDIT_MARKUP", 200)
	seed := envInt(t, "COPYEDIT_SEED", 1)
	g := newPhraseGen(t, uint64(seed))
	for _, f := range []copyedit.Format{markup.Markdown, markup.HTML} {
		p, err := copyedit.New(copyedit.WithFormat(f))
		require.NoError(t, err)
		failed := 0
		for range n {
			in := g.markupDoc(f)
			once := p.Fix(in)
			if twice := p.Fix(once); twice != once {
				t.Errorf("%v not idempotent:\ninput  %q\nonce   %q\ntwice  %q", f, in, once, twice)
				if failed++; failed == 5 {
					break
				}
			}
		}
	}
}

// markupDoc returns a small document of format f around random phrases.
func (g *phraseGen) markupDoc(f copyedit.Format) string {
	var b strings.Builder
	for range 1 + g.r.IntN(6) {
		text := strings.Join(g.phrase(), "")
		text = strings.ReplaceAll(text, "\n", " ")
		if f == markup.HTML {
			text = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(text)
			words := strings.Split(text, " ")
			if k := g.r.IntN(len(words)); g.r.IntN(2) == 0 {
				words[k] = []string{"<b>", "<i>", "<a href=\"http://x/a,b\">"}[g.r.IntN(3)] + words[k] + []string{"</b>", "</i>", "</a>"}[g.r.IntN(3)]
			}
			text = strings.Join(words, " ")
			open := []string{"<p>", "<h1>", "<li>", "<td>", "<blockquote>"}[g.r.IntN(5)]
			b.WriteString(open + text + "</" + open[1:] + "\n")
			continue
		}
		words := strings.Split(text, " ")
		if k := g.r.IntN(len(words)); g.r.IntN(2) == 0 {
			mark := []string{"*", "**", "`", "_"}[g.r.IntN(4)]
			words[k] = mark + words[k] + mark
		}
		if k := g.r.IntN(len(words)); g.r.IntN(4) == 0 {
			words[k] = "[" + words[k] + "](http://x/" + words[k] + ")"
		}
		text = strings.Join(words, " ")
		prefix := []string{"", "", "# ", "## ", "- ", "1. ", "> ", "    "}[g.r.IntN(8)]
		b.WriteString(prefix + text + "\n\n")
	}
	return b.String()
}

// TestIdempotentWithOptions cleans random phrases twice with the options
// that change what the passes do: a locale, a typography, another
// threshold, some passes only. COPYEDIT_OPTION_PHRASES sets how many per option set (default
// 500).
func TestIdempotentWithOptions(t *testing.T) {
	n := envInt(t, "COPYEDIT_OPTION_PHRASES", 500)
	seed := envInt(t, "COPYEDIT_SEED", 1)
	for name, opts := range map[string][]copyedit.Option{
		"UK":          {copyedit.WithLocale(spelling.UK)},
		"US":          {copyedit.WithLocale(spelling.US)},
		"ascii":       {copyedit.WithTypography(normalize.ASCIITypography)},
		"smart":       {copyedit.WithTypography(normalize.SmartTypography)},
		"threshold.9": {copyedit.WithThreshold(0.9)},
		"threshold.3": {copyedit.WithThreshold(0.3)},
		"threshold.1": {copyedit.WithThreshold(0.1)},
		"spelling":    {copyedit.WithPasses("spelling")},
		"casing":      {copyedit.WithPasses("casing")},
		"spacing":     {copyedit.WithPasses("spacing")},
		"no-casing":   {copyedit.WithPasses("normalize", "spacing", "spelling")},
		"UK-smart.7":  {copyedit.WithLocale(spelling.UK), copyedit.WithTypography(normalize.SmartTypography), copyedit.WithThreshold(0.7)},
	} {
		t.Run(name, func(t *testing.T) {
			p, err := copyedit.New(opts...)
			require.NoError(t, err)
			g := newPhraseGen(t, uint64(seed))
			failed := 0
			for range n {
				parts := g.phrase()
				if !idempotent(p, strings.Join(parts, "")) {
					in := strings.Join(shrink(p, parts), "")
					once := p.Fix(in)
					t.Errorf("not idempotent:\ninput  %q\nonce   %q\ntwice  %q", in, once, p.Fix(once))
					if failed++; failed == 5 {
						t.FailNow()
					}
				}
			}
		})
	}
}
