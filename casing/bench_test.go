package casing_test

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/copyedit/copyedit/casing"
	"github.com/copyedit/copyedit/normalize"
)

// corpusText reads the benchmark corpus named by $COPYEDIT_CORPUS (default
// /tmp/c4.txt, written by go run ./examples/corpus -mb 4 -seed 1 -o
// /tmp/c4.txt -gold /tmp/c4.gold.txt), or with gold the same text without
// its planted defects (the name with .gold before .txt), or skips.
func corpusText(b *testing.B, gold bool) string {
	b.Helper()
	name := os.Getenv("COPYEDIT_CORPUS")
	if name == "" {
		name = "/tmp/c4.txt"
	}
	if gold {
		name = strings.TrimSuffix(name, ".txt") + ".gold.txt"
	}
	data, err := os.ReadFile(name)
	if err != nil {
		b.Skipf("no corpus (%v): go run ./examples/corpus -mb 4 -seed 1 -o /tmp/c4.txt -gold /tmp/c4.gold.txt", err)
	}
	return string(data)
}

// BenchmarkCorpus runs the pass alone in a pipeline over the corpus, as
// copyedit.New(copyedit.WithPasses("casing")).Fix does: chunking,
// tokenizing and applying the edits included; dirty is the corpus with its
// defects, clean the same text without them.
func BenchmarkCorpus(b *testing.B) {
	c, err := casing.New()
	if err != nil {
		b.Fatal(err)
	}
	p, err := normalize.NewPipeline([]normalize.Pass{c})
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"dirty", "clean"} {
		b.Run(name, func(b *testing.B) {
			text := corpusText(b, name == "clean")
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				p.Fix(text)
			}
		})
	}
}

// BenchmarkCorpusTokenize is the tokenizing share of BenchmarkCorpus: a
// pipeline whose one pass asks for the tokens and edits nothing.
func BenchmarkCorpusTokenize(b *testing.B) {
	text := corpusText(b, false)
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

// TestNewCold times New and a first Edits in a fresh process (this test
// binary run again), where nothing is built yet: the pass's share of the
// time to first output, whose budget is 50 ms for the whole program.
func TestNewCold(t *testing.T) {
	if os.Getenv("CASING_NEW_COLD") == "1" {
		t0 := time.Now()
		c, err := casing.New()
		if err != nil {
			t.Fatal(err)
		}
		c.Edits(normalize.NewDoc("It was a interesting day in russia.\n"))
		fmt.Printf("cold %d\n", time.Since(t0).Microseconds())
		return
	}
	if testing.Short() {
		t.Skip("runs the test binary again")
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^TestNewCold$")
	cmd.Env = append(os.Environ(), "CASING_NEW_COLD=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err, string(out))
	}
	var us int
	for _, line := range strings.Split(string(out), "\n") {
		if _, err := fmt.Sscanf(line, "cold %d", &us); err == nil {
			break
		}
	}
	// A measurement, not an assertion: timings depend on the machine and its
	// load (go test -run TestNewCold -v prints it).
	t.Logf("New and a first Edits, cold: %d µs", us)
	if us <= 0 {
		t.Errorf("no time measured in %q", out)
	}
}
