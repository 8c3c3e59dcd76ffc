// Command gen builds package lexicon's embedded data from SCOWL, as
// installed by Debian's scowl package:
//
//	go generate ./lexicon/...
//	go run ./lexicon/internal/gen -scowl /usr/share/dict/scowl -out lexicon -stats
//
// It writes scowl.bin (the table, see lexicon/internal/table) and
// SCOWL-COPYRIGHT (the Debian copyright file, verbatim) into -out. The
// output depends only on the input files, so re-running it reproduces the
// committed files byte for byte.
//
// With -typos FILE (lines "typo correction") it instead prints, for every
// SCOWL category group and level, how many typos would be accepted as
// correct words: the measurement behind leaving out level 95 and the
// variant_2 lists.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copyedit/copyedit/lexicon/internal/table"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	scowl := fs.String("scowl", "/usr/share/dict/scowl", "SCOWL `folder` (files <category>-<subcategory>.<size>)")
	copyright := fs.String("copyright", "/usr/share/doc/scowl/copyright", "SCOWL copyright `file` to copy beside the data")
	out := fs.String("out", ".", "output `folder`")
	stats := fs.Bool("stats", false, "print statistics about the data")
	typos := fs.String("typos", "", "measure how many typos in `file` (lines \"typo correction\") each SCOWL list accepts; writes nothing")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gen: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *typos != "" {
		if err := measureTypos(stdout, *scowl, *typos); err != nil {
			fmt.Fprintln(stderr, "gen:", err)
			return 1
		}
		return 0
	}
	res, err := generate(*scowl, *copyright)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return 1
	}
	for _, f := range res.files {
		if err := os.WriteFile(filepath.Join(*out, f.name), f.data, 0o644); err != nil {
			fmt.Fprintln(stderr, "gen:", err)
			return 1
		}
	}
	if *stats {
		res.stats.print(stdout)
	}
	return 0
}

// The policy: which SCOWL lists go into the lexicon, and what they mean.
const maxLevel = 80

// categories maps each included SCOWL spelling category to its region flags.
// Left out, by measurement (see -typos and the README): variant_2 and
// variant_3 (they accept "dependance", "altho", "surprize", "idealogy") and
// the special lists.
var categories = map[string]uint16{
	"english":              table.RegionAmerican | table.RegionBritish | table.RegionBritishZ | table.RegionCanadian | table.RegionAustralian,
	"american":             table.RegionAmerican,
	"british":              table.RegionBritish,
	"british_z":            table.RegionBritishZ,
	"canadian":             table.RegionCanadian,
	"australian":           table.RegionAustralian,
	"variant_1":            table.RegionAmericanVariant,
	"british_variant_1":    table.RegionBritishVariant,
	"canadian_variant_1":   table.RegionCanadianVariant,
	"australian_variant_1": table.RegionAustralianVariant,
}

// subcategories maps SCOWL sub-categories to classes.
var subcategories = map[string]uint8{
	"words":         table.ClassWord,
	"upper":         table.ClassUpper,
	"proper-names":  table.ClassProperName,
	"abbreviations": table.ClassAbbreviation,
	"contractions":  table.ClassContraction,
}

// sContractions are the 's forms SCOWL lists among its words that are
// contractions (of is, has or us), not possessives: they are kept, as
// Contraction, when other word+'s forms are dropped.
var sContractions = map[string]bool{
	"he's": true, "here's": true, "how's": true, "it's": true, "let's": true,
	"she's": true, "that's": true, "there's": true, "what's": true,
	"when's": true, "where's": true, "who's": true, "why's": true,
}

// list is one SCOWL file.
type list struct {
	name     string
	category string
	sub      string
	level    int
}

// parseName splits "british_z-words.35".
func parseName(name string) (list, bool) {
	base, size, ok := strings.Cut(name, ".")
	if !ok {
		return list{}, false
	}
	level, err := strconv.Atoi(size)
	if err != nil || strings.Contains(size, ".") {
		return list{}, false
	}
	cat, sub, ok := strings.Cut(base, "-")
	if !ok {
		return list{}, false
	}
	return list{name: name, category: cat, sub: sub, level: level}, true
}

// lists returns the SCOWL files in dir accepted by keep, sorted by name.
func lists(dir string, keep func(list) bool) ([]list, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []list
	for _, e := range ents {
		if l, ok := parseName(e.Name()); ok && !e.IsDir() && keep(l) {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no SCOWL word lists", dir)
	}
	return out, nil
}

// readList returns the forms in one SCOWL file, converted to UTF-8: Debian
// ships UTF-8, upstream SCOWL ships ISO-8859-1, so a file that is not valid
// UTF-8 is read as ISO-8859-1.
func readList(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		b := make([]byte, 0, len(data)+len(data)/8)
		for _, c := range data {
			b = utf8.AppendRune(b, rune(c))
		}
		data = b
	}
	var forms []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		form := strings.TrimSpace(sc.Text())
		if form == "" {
			continue
		}
		if strings.IndexFunc(form, unicode.IsSpace) >= 0 {
			return nil, fmt.Errorf("%s:%d: %q has a space", path, n, form)
		}
		if err := table.CheckForm(form); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		forms = append(forms, form)
	}
	return forms, sc.Err()
}

type file struct {
	name string
	data []byte
}

type result struct {
	files []file
	stats stats
}

// acc accumulates what the lists say about one form.
type acc struct {
	level  uint8
	class  uint8
	region uint16
}

func generate(dir, copyrightPath string) (*result, error) {
	ls, err := lists(dir, func(l list) bool {
		_, okc := categories[l.category]
		_, oks := subcategories[l.sub]
		return okc && oks && l.level <= maxLevel
	})
	if err != nil {
		return nil, err
	}
	forms := make(map[string]*acc)
	for _, l := range ls {
		words, err := readList(filepath.Join(dir, l.name))
		if err != nil {
			return nil, err
		}
		level, class, region := uint8(l.level), subcategories[l.sub], categories[l.category]
		for _, w := range words {
			a := forms[w]
			if a == nil {
				a = &acc{level: level, class: class}
				forms[w] = a
			} else if level < a.level || level == a.level && class < a.class {
				a.level, a.class = level, class
			}
			a.region |= region
		}
	}

	var st stats
	st.lines = len(forms)
	for form, a := range forms {
		stem, ok := strings.CutSuffix(form, "'s")
		if !ok {
			continue
		}
		if sContractions[form] {
			a.class = table.ClassContraction
			continue
		}
		if _, ok := forms[stem]; ok {
			delete(forms, form)
			st.possessives++
			st.possessiveBytes += len(form)
		}
	}

	items := make([]table.Item, 0, len(forms))
	for form, a := range forms {
		items = append(items, table.Item{Form: form, Meta: table.Meta(a.level, a.class, a.region)})
	}
	data, err := table.Build(items)
	if err != nil {
		return nil, err
	}
	notice, err := os.ReadFile(copyrightPath)
	if err != nil {
		return nil, err
	}
	if !bytes.Contains(notice, []byte("Kevin Atkinson")) {
		return nil, errors.New(copyrightPath + ": not SCOWL's copyright notice")
	}
	st.collect(items, data)
	return &result{
		files: []file{{"scowl.bin", data}, {"SCOWL-COPYRIGHT", notice}},
		stats: st,
	}, nil
}

// stats describes the generated data, for -stats and the README.
type stats struct {
	lines           int // distinct forms read
	possessives     int // word+'s forms dropped
	possessiveBytes int
	items           []table.Item
	size            int
	table           *table.Table
}

func (st *stats) collect(items []table.Item, data []byte) {
	st.items = items
	st.size = len(data)
	st.table, _ = table.Open(string(data))
}

func (st *stats) print(w io.Writer) {
	t := st.table
	fmt.Fprintf(w, "distinct forms read: %d\n", st.lines)
	fmt.Fprintf(w, "word+'s possessives dropped: %d (%d bytes of text)\n", st.possessives, st.possessiveBytes)
	fmt.Fprintf(w, "entries: %d, folded groups: %d, kinds: %d, slots: %d\n", t.Len(), t.Groups(), t.Kinds(), t.Slots())
	fmt.Fprintf(w, "scowl.bin: %d bytes (records %d, slots %d)\n", st.size, t.End(), 4*t.Slots())
	type key struct {
		level, class uint8
	}
	count := map[key]int{}
	regions := map[uint16]int{}
	for _, it := range st.items {
		level, class, region := table.Unpack(it.Meta)
		count[key{level, class}]++
		count[key{level, 0}]++
		count[key{0, class}]++
		regions[region]++
	}
	levels := []uint8{10, 20, 35, 40, 50, 55, 60, 70, 80}
	fmt.Fprintf(w, "%5s %8s %8s %8s %8s %8s %8s %8s\n", "level", "word", "upper", "proper", "abbrev", "contr", "all", "total")
	total := 0
	for _, l := range levels {
		total += count[key{l, 0}]
		fmt.Fprintf(w, "%5d", l)
		for c := uint8(1); c <= 5; c++ {
			fmt.Fprintf(w, " %8d", count[key{l, c}])
		}
		fmt.Fprintf(w, " %8d %8d\n", count[key{l, 0}], total)
	}
	fmt.Fprintf(w, "%5s", "all")
	for c := uint8(1); c <= 5; c++ {
		fmt.Fprintf(w, " %8d", count[key{0, c}])
	}
	fmt.Fprintf(w, " %8d\n", len(st.items))
	type rc struct {
		region uint16
		n      int
	}
	var rcs []rc
	for r, n := range regions {
		rcs = append(rcs, rc{r, n})
	}
	slices.SortFunc(rcs, func(a, b rc) int { return cmp.Or(b.n-a.n, int(a.region)-int(b.region)) })
	fmt.Fprintln(w, "region flags (US GB GBZ CA AU, then variants US GB CA AU): entries")
	for _, r := range rcs[:min(len(rcs), 15)] {
		fmt.Fprintf(w, "  %09b: %d\n", bitsReversed(r.region), r.n)
	}
}

// bitsReversed prints region flags in declaration order, left to right.
func bitsReversed(r uint16) uint16 {
	var out uint16
	for i := 0; i < 9; i++ {
		if r&(1<<i) != 0 {
			out |= 1 << (8 - i)
		}
	}
	return out
}
