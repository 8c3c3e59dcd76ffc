// Command evaluate scores copyedit against hand-corrected text: for every
// defect the gold text corrects, whether the default pipeline fixed it, missed
// it, or changed text the gold keeps, per category (spelling, casing,
// spacing, a/an, repeated paragraph).
//
// Usage:
//
//	evaluate [-v] DIR            pairs DIR/NAME.raw.txt and DIR/NAME.gold.txt
//	evaluate [-v] RAW GOLD       one pair, e.g. the corpus and its clean twin
//
// A large pair, such as `go run ./examples/corpus -o raw.txt -gold gold.txt`
// writes, is scored paragraph by paragraph (the raw text may repeat a
// paragraph the gold has once). With -v every outcome that is not a fix is
// printed.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/internal/evaluate"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	verbose := fs.Bool("v", false, "print every outcome that is not a fix")
	if err := fs.Parse(args); err != nil {
		return 1
	}
	pairs, err := pairsOf(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 1
	}
	p := copyedit.Default()
	var total evaluate.Result
	for _, pr := range pairs {
		raw, err := os.ReadFile(pr[0])
		if err != nil {
			fmt.Fprintf(stderr, "evaluate: %v\n", err)
			return 1
		}
		gold, err := os.ReadFile(pr[1])
		if err != nil {
			fmt.Fprintf(stderr, "evaluate: %v\n", err)
			return 1
		}
		res := score(p, string(raw), string(gold))
		if *verbose {
			for _, o := range res.Outcomes {
				if !o.Fixed {
					fmt.Fprintf(stdout, "%s: %v\n", filepath.Base(pr[0]), o)
				}
			}
		}
		total.Add(res)
	}
	fmt.Fprintf(stdout, "%-10s %7s %7s %7s %9s %7s\n", "category", "fixed", "missed", "false", "precision", "recall")
	for _, cat := range evaluate.Categories {
		c := total.By[cat]
		if c == nil {
			c = &evaluate.Counts{}
		}
		fmt.Fprintf(stdout, "%-10s %7d %7d %7d %9.3f %7.3f\n", cat, c.Fixed, c.Missed, c.False, c.Precision(), c.Recall())
	}
	t := total.Total()
	fmt.Fprintf(stdout, "%-10s %7d %7d %7d %9.3f %7.3f\n", "all", t.Fixed, t.Missed, t.False, t.Precision(), t.Recall())
	return 0
}

// pairsOf returns the raw and gold files the arguments name.
func pairsOf(args []string) ([][2]string, error) {
	switch len(args) {
	case 1:
		raws, err := filepath.Glob(filepath.Join(args[0], "*.raw.txt"))
		if err != nil {
			return nil, err
		}
		if len(raws) == 0 {
			return nil, fmt.Errorf("%s: no NAME.raw.txt files", args[0])
		}
		sort.Strings(raws)
		var out [][2]string
		for _, r := range raws {
			out = append(out, [2]string{r, strings.TrimSuffix(r, ".raw.txt") + ".gold.txt"})
		}
		return out, nil
	case 2:
		return [][2]string{{args[0], args[1]}}, nil
	}
	return nil, fmt.Errorf("usage: evaluate [-v] DIR | RAW GOLD")
}

// largePair is the size from which a pair is scored paragraph by paragraph.
const largePair = 1 << 20

// score cleans raw and scores it against gold: whole, or, for a large pair,
// paragraph by paragraph; a paragraph the raw text repeats is scored as the
// clean paragraph twice, which the pipeline must make once.
func score(p *copyedit.Pipeline, raw, gold string) evaluate.Result {
	if len(raw) < largePair {
		return evaluate.Score(raw, gold, p.Fix(raw))
	}
	rp, gp := strings.Split(raw, "\n\n"), strings.Split(gold, "\n\n")
	var res evaluate.Result
	g := 0
	for i := 0; i < len(rp) && g < len(gp); i++ {
		if i > 0 && g > 0 && rp[i] == rp[i-1] {
			// The repeat alone, around the clean paragraph, so that the
			// paragraph's own defects are not counted twice.
			pair := gp[g-1] + "\n\n" + gp[g-1]
			res.Add(evaluate.Score(pair, gp[g-1], p.Fix(pair)))
			continue
		}
		res.Add(evaluate.Score(rp[i], gp[g], p.Fix(rp[i])))
		g++
	}
	return res
}
