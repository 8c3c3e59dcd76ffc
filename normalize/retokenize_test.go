package normalize

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// FuzzRetokenize checks that tokens derived from the previous text's
// tokens and the edits are exactly the tokens of the new text.
func FuzzRetokenize(f *testing.F) {
	for _, s := range seedCorpus() {
		f.Add(s, uint16(3), uint8(2), "X ")
	}
	f.Add("J. smith met Dr.ivanova", uint16(3), uint8(1), "S")
	f.Add("a `code` b", uint16(2), uint8(0), "`")
	f.Fuzz(func(t *testing.T, s string, at uint16, n uint8, repl string) {
		// Up to three edits spread over the text, from the fuzzed numbers.
		var edits []Edit
		pos := 0
		for i := 0; i < 3 && pos <= len(s); i++ {
			start := pos + int(at)%(len(s)-pos+1)
			end := min(len(s), start+int(n)%4)
			edits = append(edits, Edit{Start: start, End: end, New: repl})
			pos = end + 1 + int(at)%7
		}
		edits = Valid(s, edits)
		next := Apply(s, edits)
		toks := Tokenize(s)
		got, ok := retokenize(s, toks, next, edits, true, nil)
		if !ok {
			return
		}
		want := Tokenize(next)
		if len(got) != len(want) {
			t.Fatalf("%q → %q: %d tokens, want %d\n got %v\nwant %v", s, next, len(got), len(want), got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%q → %q: token %d is %+v, want %+v", s, next, i, got[i], want[i])
			}
		}
	})
}

// TestRetokenizeManyEdits checks retokenize against Tokenize on the
// article with many edits at random places, of the kinds that change the
// structure flags around them: sentence ends, line and paragraph breaks,
// words in other cases, literals.
func TestRetokenizeManyEdits(t *testing.T) {
	data, err := os.ReadFile("../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data) + "\n\n" + strings.Join(seedCorpus(), "\n")
	repls := []string{"", " ", "  ", ".", ". ", "\n", "\n\n", "X", "x", "Word", "e.g.", "!", "?”", "…", "a", "\"", " Mr. ", "3.5", "http://x.org", "’", ":)", "#tag"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var edits []Edit
		for pos := r.IntN(200); pos < len(text); pos += 1 + r.IntN(200) {
			end := min(len(text), pos+r.IntN(4))
			edits = append(edits, Edit{Start: pos, End: end, New: repls[r.IntN(len(repls))]})
			pos = end
		}
		edits = Valid(text, edits)
		next := Apply(text, edits)
		atParaStart := r.IntN(2) == 0
		got, ok := retokenize(text, tokenize(text, atParaStart, nil), next, edits, atParaStart, nil)
		if !ok {
			continue
		}
		want := tokenize(next, atParaStart, nil)
		if len(got) != len(want) {
			t.Fatalf("%d tokens, want %d", len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("token %d is %+v, want %+v, in %q", i, got[i], want[i], next[max(0, want[i].Start-40):min(len(next), want[i].End+40)])
			}
		}
	}
}
