package normalize

import (
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
