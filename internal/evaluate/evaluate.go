// Package evaluate scores a cleanup against a hand-corrected text: for each
// defect a careful editor fixed (raw → gold), did the tool fix it, miss it, or
// get it wrong; and what did the tool change that should have stayed.
package evaluate

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aymanbagabas/go-udiff"
)

// Category is the kind of a defect.
type Category string

// The categories, from the nature of the correction.
const (
	Spelling  Category = "spelling"  // letters changed
	Casing    Category = "casing"    // only the case of letters changed
	Spacing   Category = "spacing"   // only white space changed
	Article   Category = "article"   // "a" ↔ "an"
	Paragraph Category = "paragraph" // a repeated paragraph dropped
)

// Categories lists every category in report order.
var Categories = []Category{Spelling, Casing, Spacing, Article, Paragraph}

// Counts are the outcomes of one category.
type Counts struct {
	Fixed  int // the tool made the gold correction
	Missed int // the defect is still there, or was changed to something else
	False  int // the tool changed text the gold keeps, or fixed a defect wrongly
}

// Precision is Fixed / (Fixed + False); 1 when the tool changed nothing.
func (c Counts) Precision() float64 {
	if c.Fixed+c.False == 0 {
		return 1
	}
	return float64(c.Fixed) / float64(c.Fixed+c.False)
}

// Recall is Fixed / (Fixed + Missed); 1 when there was nothing to fix.
func (c Counts) Recall() float64 {
	if c.Fixed+c.Missed == 0 {
		return 1
	}
	return float64(c.Fixed) / float64(c.Fixed+c.Missed)
}

// Outcome is one scored region of the raw text.
type Outcome struct {
	Category          Category
	Raw, Gold, Output string
	Offset            int // in the raw text
	Expected, Changed bool
	Fixed             bool
}

// String shows the outcome for a failure message.
func (o Outcome) String() string {
	switch {
	case o.Fixed:
		return fmt.Sprintf("fixed  %-9s %q → %q", o.Category, o.Raw, o.Output)
	case o.Expected:
		return fmt.Sprintf("MISSED %-9s %q → want %q, got %q", o.Category, o.Raw, o.Gold, o.Output)
	}
	return fmt.Sprintf("FALSE  %-9s %q → %q (gold keeps it)", o.Category, o.Raw, o.Output)
}

// Result is the score of one text.
type Result struct {
	By       map[Category]*Counts
	Outcomes []Outcome
}

// Total sums the counts over every category.
func (r Result) Total() Counts {
	var t Counts
	for _, c := range r.By {
		t.Fixed += c.Fixed
		t.Missed += c.Missed
		t.False += c.False
	}
	return t
}

// Add adds another result's counts to r's.
func (r *Result) Add(o Result) {
	if r.By == nil {
		r.By = map[Category]*Counts{}
	}
	for cat, c := range o.By {
		if r.By[cat] == nil {
			r.By[cat] = &Counts{}
		}
		r.By[cat].Fixed += c.Fixed
		r.By[cat].Missed += c.Missed
		r.By[cat].False += c.False
	}
	r.Outcomes = append(r.Outcomes, o.Outcomes...)
}

type region struct{ start, end int }

// Score compares the tool's output for raw with the gold text. Differences
// are widened to whole words and grouped, so that "thes" → "these" counts
// once however each side spells the edit.
func Score(raw, gold, output string) Result {
	want := udiff.Strings(raw, gold)
	got := udiff.Strings(raw, output)
	var regions []region
	for _, e := range want {
		regions = append(regions, widen(raw, e.Start, e.End))
	}
	for _, e := range got {
		regions = append(regions, widen(raw, e.Start, e.End))
	}
	sort.Slice(regions, func(i, j int) bool { return regions[i].start < regions[j].start })
	var merged []region
	for _, r := range regions {
		if n := len(merged); n > 0 && r.start <= merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, r.end)
			continue
		}
		merged = append(merged, r)
	}
	res := Result{By: map[Category]*Counts{}}
	for _, c := range Categories {
		res.By[c] = &Counts{}
	}
	for _, r := range merged {
		o := Outcome{Offset: r.start, Raw: raw[r.start:r.end]}
		o.Gold = project(raw, gold, want, r)
		o.Output = project(raw, output, got, r)
		o.Expected = o.Gold != o.Raw
		o.Changed = o.Output != o.Raw
		if !o.Expected && !o.Changed {
			continue
		}
		o.Fixed = o.Expected && o.Output == o.Gold
		if o.Expected {
			o.Category = categorize(o.Raw, o.Gold)
		} else {
			o.Category = categorize(o.Raw, o.Output)
		}
		c := res.By[o.Category]
		switch {
		case o.Fixed:
			c.Fixed++
		case o.Expected && o.Changed:
			c.Missed++
			c.False++
		case o.Expected:
			c.Missed++
		default:
			c.False++
		}
		res.Outcomes = append(res.Outcomes, o)
	}
	return res
}

// widen extends [start, end) of s to whole words on both sides.
func widen(s string, start, end int) region {
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !isWordRune(r) {
			break
		}
		start -= size
	}
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(r) {
			break
		}
		end += size
	}
	return region{start, end}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// project returns the text that raw[r.start:r.end] became in after, where
// edits take raw to after and none crosses the region's ends.
func project(raw, after string, edits []udiff.Edit, r region) string {
	delta := 0
	startDelta := 0
	for _, e := range edits {
		if e.End <= r.start && !(e.Start == e.End && e.Start == r.start) {
			startDelta += len(e.New) - (e.End - e.Start)
		}
		// An insertion at the region's end belongs to it: touching regions
		// were merged, so no other region starts there.
		if e.Start < r.end || (e.Start == e.End && e.Start == r.end) {
			delta += len(e.New) - (e.End - e.Start)
		}
	}
	s, e := r.start+startDelta, r.end+delta
	if s < 0 || e > len(after) || s > e {
		return ""
	}
	return after[s:e]
}

// categorize names the kind of the correction from a to b.
func categorize(a, b string) Category {
	switch {
	case strings.Count(a, "\n")-strings.Count(b, "\n") >= 2:
		return Paragraph
	case squeeze(a) == squeeze(b):
		return Spacing
	case strings.EqualFold(a, b):
		return Casing
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) == len(wb) {
		for i := range wa {
			if wa[i] != wb[i] {
				x, y := strings.ToLower(wa[i]), strings.ToLower(wb[i])
				if (x == "a" && y == "an") || (x == "an" && y == "a") {
					return Article
				}
			}
		}
	}
	return Spelling
}

// squeeze drops white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
