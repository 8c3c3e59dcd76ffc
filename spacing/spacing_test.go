package spacing_test

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spacing"
)

func pipeline(t testing.TB, opts ...spacing.Option) *normalize.Pipeline {
	t.Helper()
	s, err := spacing.New(opts...)
	require.NoError(t, err)
	p, err := normalize.NewPipeline([]normalize.Pass{s})
	require.NoError(t, err)
	return p
}

func TestSpacingFixes(t *testing.T) {
	tests := []struct{ in, want, why string }{
		{"changing,everything", "changing, everything", "comma"},
		{"wavers,it could", "wavers, it could", "comma before a lower-case word"},
		{"one;two", "one; two", "semicolon"},
		{"Note:this", "Note: this", "colon"},
		{"Wow!Amazing", "Wow! Amazing", "exclamation mark"},
		{"Why?Because", "Why? Because", "question mark"},
		{"NATO.The world", "NATO. The world", "sentence period before a capitalized word"},
		{"dialogue.Western officials", "dialogue. Western officials", "sentence period"},
		{"in 2020.The", "in 2020. The", "sentence period after a number"},
		{"Dr.Ivanova", "Dr. Ivanova", "title glued to a name"},
		{"J.R.R.Tolkien", "J.R.R. Tolkien", "initials glued to a name"},
		{"Plan B.The end", "Plan B. The end", "a capital initial glued to a sentence"},
		{"possible.Dr.Ivanova", "possible. Dr. Ivanova", "period before a title"},
		{"platforms:Node.js", "platforms: Node.js", "colon before a file-like name"},
		{"see:https://example.org", "see: https://example.org", "colon before a URL"},
		{"Archyde:  European", "Archyde: European", "doubled space"},
		{"end.   Next", "end. Next", "three spaces"},
		{"word , next", "word, next", "space before a comma"},
		{"Really ?", "Really?", "space before a question mark at the end"},
		{"the end .", "the end.", "space before a final period"},
		{"said ,”", "said,”", "space before a comma inside a closing quote"},
		{"she said,“Hello.”", "she said, “Hello.”", "opening quote glued to a comma"},
		{"the word“fake”is", "the word “fake” is", "quotes glued to words"},
		{"the talks.the stakes", "the talks. the stakes", "lower-case sentence glued to a period"},
	}
	p := pipeline(t)
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			assert.Equal(t, tt.want, p.Fix(tt.in))
		})
	}
}

func TestSpacingKeeps(t *testing.T) {
	tests := []struct{ in, why string }{
		{"1,250 people", "thousands separator"},
		{"3.5% growth", "decimal"},
		{"at 10:30 today", "time"},
		{"$2,000.50", "money"},
		{"see example.org/report", "domain with a path"},
		{"built on Node.js and index.html", "file names"},
		{"https://example.org/a,b;c?d=e:f", "URL"},
		{"press@example.org", "e-mail"},
		{"v1.2.3", "version"},
		{"the U.S. and e.g. Ph.D. holders", "abbreviations"},
		{"J.R.R. Tolkien", "initials"},
		{"wait...what", "ellipsis"},
		{"great :) ok", "emoticon"},
		{"“Hello,” she said", "comma inside a closing quote"},
		{"“Why?” she asked", "question mark inside a closing quote"},
		{"ratio 3:1 and John 3:16", "numbers with colons"},
		{"AT&amp;T", "HTML entity"},
		{"fe80::1ff:fe23", "IPv6"},
		{"    indented line", "indentation"},
		{"a\ttab", "tab"},
		{"e.coli and node.js", "a single letter or a file-like name before a period"},
		{"see file.name and obj.method", "lower case after a period when the next word is not a common one"},
		{"Ukraine—“it is", "a quote after a dash"},
		{"“Quoted”, he said", "comma after a closing quote"},
		{"#tags,#more", "hashtag"},
		{"C:\\Users", "path"},
		{"a - b – c — d", "spaced dashes"},
		{"(see above) and [1]", "brackets"},
	}
	p := pipeline(t)
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			assert.Equal(t, tt.in, p.Fix(tt.in))
		})
	}
}

func TestWithoutRules(t *testing.T) {
	p := pipeline(t, spacing.WithoutRules(spacing.RuleDoubleSpace))
	assert.Equal(t, "a,  b, c", p.Fix("a,  b,c"))
	_, err := spacing.New(spacing.WithoutRules("spacing/nope"))
	assert.Error(t, err)
}

func ExampleNew() {
	s, _ := spacing.New()
	p, _ := normalize.NewPipeline([]normalize.Pass{s})
	out, report := p.CleanString("The world is changing,everything is possible.Dr.Ivanova agrees.")
	fmt.Println(out)
	for _, c := range report.Changes {
		fmt.Println(c.Rule, c.Offset)
	}
	// Output:
	// The world is changing, everything is possible. Dr. Ivanova agrees.
	// spacing/after-punct 22
	// spacing/after-period 45
	// spacing/after-abbreviation 48
}

// FuzzSpacing checks the pass on any input: the report replays to the
// output, only spaces change, and a second run changes nothing.
func FuzzSpacing(f *testing.F) {
	for _, s := range []string{"", "a,b", "NATO.The", "Dr.Ivanova", "x  ,  y", "1,2:3", "“Hi,”she", "a ... b", "\xff,a", "U.S.Army"} {
		f.Add(s)
	}
	p := pipeline(f)
	f.Fuzz(func(t *testing.T, s string) {
		out, rep := p.CleanString(s)
		replayed, err := normalize.ApplyChanges(s, rep.Changes)
		if err != nil || replayed != out {
			t.Fatalf("report does not replay: %v", err)
		}
		for _, c := range rep.Changes {
			if !onlySpaces(c.Old) || !onlySpaces(c.New) {
				t.Fatalf("change %v is not a space edit", c)
			}
		}
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		if again := p.Fix(out); again != out {
			t.Fatalf("not idempotent: %q → %q → %q", s, out, again)
		}
	})
}

func onlySpaces(s string) bool {
	for _, r := range s {
		if r != ' ' {
			return false
		}
	}
	return true
}

func BenchmarkSpacing(b *testing.B) {
	text := []byte("The world is changing,everything is possible.Dr.Ivanova met U.S. officials at 10:30, e.g. in Kyiv.  Prices rose 3.5% to 1,250 ; see https://example.org/report.\n\n")
	for len(text) < 1<<20 {
		text = append(text, text...)
	}
	p := pipeline(b)
	s := string(text)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		p.CleanString(s)
	}
}
