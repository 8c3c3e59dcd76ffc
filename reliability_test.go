package copyedit_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/normalize"
)

// nastyInputs are inputs that break careless text tools.
func nastyInputs() []string {
	return []string{
		"", " ", "\n", "\n\n\n", ".", ",,,,", strings.Repeat(",", 10000), "!?;:.,", "...", "…",
		"\x00", "a\x00b", "\xff\xfe\xfd", "caf\xc3", "\r\n\r\n", "a\rb\rc", "\u2028\u2029",
		"e\u0301\u0301\u0301", "\u0301start", "👩‍👩‍👧‍👦 family, 🇺🇦 flag", "مرحبا بالعالم. hello world", "שלום. עולם",
		"漢字とかな、カタカナ。", "Привет,мир.Пока", "ﬁne ligature", "\u200b\u200c\u200d\ufeff", "\t\t\tindented",
		"A\n\nA\n\nA\n\nA", "a\n\nA", "Teh end.\n\nThe end.", "HEADLINE\n\nHeadline", "x" + strings.Repeat(" ", 1000) + "y", strings.Repeat("a.", 500), "http://" + strings.Repeat("a", 300),
		"Dr.Ivanova,NATO.The U.S.Army e.g.the i.e.,etc.", "“”‘’«»„“", "a interesting, an university, a hour",
	}
}

// checkInvariants asserts copyedit's promises for one input.
func checkInvariants(t *testing.T, p *copyedit.Pipeline, in string) {
	t.Helper()
	out, rep := p.CleanString(in)
	replayed, err := normalize.ApplyChanges(in, rep.Changes)
	if err != nil || replayed != out {
		t.Fatalf("the report does not take the input to the output: %v\ninput %q\noutput %q\nreplay %q", err, in, out, replayed)
	}
	if quiet := p.Fix(in); quiet != out {
		t.Fatalf("Fix and CleanString disagree on %q:\n%q\n%q", in, quiet, out)
	}
	if utf8.ValidString(in) && !utf8.ValidString(out) {
		t.Fatalf("valid UTF-8 in, invalid out: %q → %q", in, out)
	}
	if again := p.Fix(out); again != out {
		t.Fatalf("not idempotent:\ninput  %q\nonce   %q\ntwice  %q", in, out, again)
	}
	last := -1
	for _, c := range rep.Changes {
		if c.Offset < last {
			t.Fatalf("changes out of order at %v", c)
		}
		last = c.Offset + c.Len
	}
}

func TestInvariantsOnNastyInputs(t *testing.T) {
	p, err := copyedit.New()
	require.NoError(t, err)
	for _, in := range nastyInputs() {
		checkInvariants(t, p, in)
	}
}

func TestInvariantsOnTestdata(t *testing.T) {
	p, err := copyedit.New()
	require.NoError(t, err)
	files, err := filepath.Glob("testdata/eval/*.txt")
	require.NoError(t, err)
	files = append(files, "testdata/article.txt")
	for _, f := range files {
		checkInvariants(t, p, readFile(t, f))
	}
}

// TestLongLine streams a line far longer than a chunk, with no newline, and
// checks that nothing is lost: the pipeline cuts it at white space.
func TestLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("long input")
	}
	p, err := copyedit.New()
	require.NoError(t, err)
	word := "lorem ipsum dolor sit amet consectetur "
	n := (50 << 20) / len(word)
	r := io.MultiReader(strings.NewReader(strings.Repeat(word, n)), strings.NewReader("end."))
	var out countingWriter
	require.NoError(t, p.FixReader(&out, r))
	assert.Equal(t, int64(n*len(word)+len("end.")), out.n, "the output keeps every byte")
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(b []byte) (int, error) { w.n += int64(len(b)); return len(b), nil }

// TestConcurrentUse shares one pipeline between goroutines; run with -race.
func TestConcurrentUse(t *testing.T) {
	p, err := copyedit.New()
	require.NoError(t, err)
	in := article(t)
	want := p.Fix(in)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 5 {
				assert.Equal(t, want, p.Fix(in))
			}
		})
	}
	wg.Wait()
}

// FuzzPipeline checks the whole default pipeline's promises on any input:
// the report replays to the output, valid UTF-8 stays valid, a second run
// changes nothing, and changes come in order.
func FuzzPipeline(f *testing.F) {
	for _, s := range nastyInputs() {
		f.Add(s)
	}
	for _, name := range []string{"testdata/article.txt", "testdata/eval/01-central-bank.raw.txt", "testdata/eval/04-tech-launch.raw.txt"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(string(b))
		}
	}
	p, err := copyedit.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkInvariants(t, p, in)
	})
}
