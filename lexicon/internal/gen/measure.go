package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// groupOf sorts every SCOWL spelling category into the groups the typo
// measurement compares.
func groupOf(category string) string {
	switch {
	case strings.HasSuffix(category, "variant_1"):
		return "variant_1"
	case strings.HasSuffix(category, "variant_2"):
		return "variant_2"
	case strings.HasSuffix(category, "variant_3"):
		return "variant_3"
	case category == "special":
		return "special"
	}
	return "main"
}

// measureTypos prints, per category group and level, how many known typos
// SCOWL lists as words: each is a typo a spell checker using that list
// would accept and so could never fix. Only pairs whose correction is a
// main-list word up to level 60 count, so noise in the typo file does not.
func measureTypos(w io.Writer, dir, typoPath string) error {
	ls, err := lists(dir, func(l list) bool { return true })
	if err != nil {
		return err
	}
	// level[group][form] = smallest level
	level := map[string]map[string]int{}
	for _, l := range ls {
		words, err := readList(filepath.Join(dir, l.name))
		if err != nil {
			return err
		}
		g := groupOf(l.category)
		if level[g] == nil {
			level[g] = map[string]int{}
		}
		for _, form := range words {
			if old, ok := level[g][form]; !ok || l.level < old {
				level[g][form] = l.level
			}
		}
	}
	f, err := os.Open(typoPath)
	if err != nil {
		return err
	}
	defer f.Close()
	var typos []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 2 || fields[0] == fields[1] {
			continue
		}
		if l, ok := level["main"][fields[1]]; ok && l <= 60 {
			typos = append(typos, fields[0])
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	slices.Sort(typos)
	typos = slices.Compact(typos)
	fmt.Fprintf(w, "%d typos whose correction is a main-list word up to level 60\n", len(typos))
	fmt.Fprintln(w, "typos accepted, by the group and level where they first appear:")
	levels := []int{10, 20, 35, 40, 50, 55, 60, 70, 80, 95}
	for _, g := range []string{"main", "variant_1", "variant_2", "variant_3", "special"} {
		found := map[int][]string{}
		for _, t := range typos {
			if l, ok := level[g][t]; ok {
				found[l] = append(found[l], t)
			}
		}
		fmt.Fprintf(w, "%-10s", g)
		for _, l := range levels {
			fmt.Fprintf(w, " %d:%d", l, len(found[l]))
		}
		fmt.Fprintln(w)
		for _, l := range levels {
			if ex := found[l]; len(ex) > 0 {
				fmt.Fprintf(w, "  %d: %s\n", l, strings.Join(ex[:min(len(ex), 25)], " "))
			}
		}
	}
	return nil
}
