// Command spelleval scores the spelling pass's corrections on test sets in
// Norvig's format, one correct word and its misspellings a line:
//
//	right: wrong1 wrong2
//
// For every misspelling it asks the speller for its best correction
// (without context, as aspell's first suggestion is scored), prints each
// miss, and ends each file with a line
//
//	FILE: top1=N/M (P%) made=K precision=Q%
//
// where made counts the corrections confident enough to be made in a text
// (the others are only suggestions) and precision is how many of those
// were right.
//
//	go run ./examples/spelleval [-q] [-locale US|UK] FILE...
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spelling"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("spelleval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	quiet := fs.Bool("q", false, "print only the score lines, not each miss")
	locale := fs.String("locale", "", "spelling `locale`: US, UK or any")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: spelleval [-q] [-locale L] FILE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	loc, err := spelling.ParseLocale(*locale)
	if err != nil {
		fmt.Fprintln(stderr, "spelleval:", err)
		return 2
	}
	sp, err := spelling.New(spelling.WithLocale(loc))
	if err != nil {
		fmt.Fprintln(stderr, "spelleval:", err)
		return 1
	}
	status := 0
	for _, name := range fs.Args() {
		if err := evalFile(sp, name, *quiet, stdout); err != nil {
			fmt.Fprintln(stderr, "spelleval:", err)
			status = 1
		}
	}
	return status
}

// score counts one file's outcomes.
type score struct {
	total, top1, made, madeRight int
}

func evalFile(sp *spelling.Speller, name string, quiet bool, w io.Writer) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	var sc score
	in := bufio.NewScanner(f)
	line := 0
	for in.Scan() {
		line++
		text := strings.TrimSpace(in.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		right, wrongs, ok := strings.Cut(text, ":")
		if !ok {
			return fmt.Errorf("%s:%d: want \"right: wrong1 wrong2\", got %q", name, line, text)
		}
		right = strings.TrimSpace(right)
		for _, wrong := range strings.Fields(wrongs) {
			sc.total++
			got, conf := best(sp, wrong)
			hit := strings.EqualFold(got, right)
			if hit {
				sc.top1++
			}
			if conf >= normalize.DefaultThreshold && !strings.EqualFold(got, wrong) {
				sc.made++
				if hit {
					sc.madeRight++
				}
			}
			if !hit && !quiet {
				fmt.Fprintf(w, "%s:%d: %s → %s (want %s)\n", name, line, wrong, orNone(got), right)
			}
		}
	}
	if err := in.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	fmt.Fprintf(w, "%s: top1=%d/%d (%.1f%%) made=%d precision=%.1f%%\n",
		name, sc.top1, sc.total, pct(sc.top1, sc.total), sc.made, pct(sc.madeRight, sc.made))
	return nil
}

// best returns the speller's first suggestion for word and its confidence.
func best(sp *spelling.Speller, word string) (string, float64) {
	s := sp.Suggest(word)
	if len(s) == 0 {
		return "", 0
	}
	return s[0].Word, s[0].Confidence
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func pct(n, d int) float64 {
	if d == 0 {
		return 100
	}
	return 100 * float64(n) / float64(d)
}
