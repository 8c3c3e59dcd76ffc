package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func normalizeString(t *testing.T, s string, opts ...Option) (string, *Report) {
	t.Helper()
	n, err := New(opts...)
	require.NoError(t, err)
	p, err := NewPipeline([]Pass{n})
	require.NoError(t, err)
	return p.CleanString(s)
}

func TestNormalizeRules(t *testing.T) {
	tests := []struct {
		in, want, rule, why string
	}{
		{"e\u0301t\u00e9", "\u00e9t\u00e9", RuleNFC, "decomposed letters are composed"},
		{"a\r\nb\rc", "a\nb\nc", RuleLineEnd, "CRLF and CR become LF"},
		{"a\u2028b", "a\nb", RuleLineEnd, "line separator"},
		{"10\u00a0km and\u202fso", "10 km and so", RuleSpaceChar, "no-break spaces become spaces"},
		{"in\u200bvisible soft\u00adhyphen \ufeffbom", "invisible softhyphen bom", RuleInvisible, "zero-width characters go"},
		{"bell\x07 and \x00nul", "bell and nul", RuleInvisible, "control characters go"},
		{"tab\tkept", "tab\tkept", "", "tabs stay"},
		{"end   \nnext \t\nlast  ", "end\nnext\nlast", RuleTrailingSpace, "trailing spaces are trimmed"},
		{"nbsp at end\u00a0\u00a0\nx", "nbsp at end\nx", RuleTrailingSpace, "trailing no-break spaces too"},
		{"Headline\n\nHeadline\n\nBody.", "Headline\n\nBody.", RuleRepeatedParagraph, "a paragraph that repeats the previous one goes"},
		{"Headline\n\nHeadline \n\nHeadline", "Headline", RuleRepeatedParagraph, "every repeat goes, trailing spaces aside"},
		{"Headline\r\n\r\nHeadline\r\n", "Headline\n", RuleRepeatedParagraph, "CRLF text"},
		{"A\n\nB\n\nA", "A\n\nB\n\nA", "", "only the previous paragraph counts"},
		{"* * *\n\n* * *", "* * *\n\n* * *", "", "separators without letters stay"},
		{"“Curly” ‘quotes’ — dashes…", "“Curly” ‘quotes’ — dashes…", "", "typography is kept by default"},
		{"emoji 👩‍👩‍👧 stay", "emoji 👩‍👩‍👧 stay", "", "zero-width joiners in emoji stay"},
		{"\xff\xfe bad", "\xff\xfe bad", "", "invalid UTF-8 passes through untouched"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			got, rep := normalizeString(t, tt.in)
			assert.Equal(t, tt.want, got)
			if tt.rule == "" {
				assert.Empty(t, rep.Changes)
				return
			}
			require.NotEmpty(t, rep.Changes)
			rules := map[string]bool{}
			for _, c := range rep.Changes {
				rules[c.Rule] = true
			}
			assert.True(t, rules[tt.rule], "want rule %s in %v", tt.rule, rep.Changes)
		})
	}
}

func TestTypography(t *testing.T) {
	ascii, _ := normalizeString(t, "“Don’t,” she said — wait…", WithTypography(ASCIITypography))
	assert.Equal(t, `"Don't," she said -- wait...`, ascii)
	smart, _ := normalizeString(t, `"Don't," she said -- 'wait'... see https://x.org/it's`, WithTypography(SmartTypography))
	assert.Equal(t, "“Don’t,” she said — ‘wait’… see https://x.org/it's", smart)
	_, err := ParseTypography("fancy")
	assert.Error(t, err)
}

// TestPipelineReport checks the reports of passes that edit the same text:
// every change is located in the input, and replaying them gives the output.
func TestPipelineReport(t *testing.T) {
	upper := PassFunc{PassName: "upper", Func: func(d *Doc) []Edit {
		var e []Edit
		for _, tok := range d.Tokens() {
			if tok.Kind == Word && tok.Text(d.Text) == "world" {
				e = append(e, Edit{Start: tok.Start, End: tok.Start + 1, New: "W", Rule: "upper/w"})
			}
		}
		return e
	}}
	insert := PassFunc{PassName: "insert", Func: func(d *Doc) []Edit {
		if i := strings.Index(d.Text, "Wo"); i >= 0 {
			return []Edit{{Start: i + 1, End: i + 1, New: "-", Rule: "insert/dash"}}
		}
		return nil
	}}
	n, err := New()
	require.NoError(t, err)
	p, err := NewPipeline([]Pass{n, upper, insert})
	require.NoError(t, err)
	in := "hello\u00a0world\r\nworld"
	out, rep := p.CleanString(in)
	assert.Equal(t, "hello W-orld\nWorld", out)
	replayed, err := ApplyChanges(in, rep.Changes)
	require.NoError(t, err)
	assert.Equal(t, out, replayed)
	var rules []string
	for _, c := range rep.Changes {
		rules = append(rules, c.Rule)
	}
	// Adjacent edits stay apart; only overlapping ones are merged.
	assert.Equal(t, []string{"normalize/space-char", "upper/w", "insert/dash", "normalize/line-end", "upper/w"}, rules)
	assert.Equal(t, Position{Offset: 14, Len: 1, Line: 2, Col: 1}, rep.Changes[4].Position)
}

func TestPipelineMergesOverlaps(t *testing.T) {
	shout := PassFunc{PassName: "shout", Func: func(d *Doc) []Edit {
		return []Edit{{Start: 0, End: 11, New: strings.ToUpper(d.Text[:11]), Rule: "shout/all"}}
	}}
	n, err := New()
	require.NoError(t, err)
	p, err := NewPipeline([]Pass{n, shout})
	require.NoError(t, err)
	in := "hello\u00a0world, hi"
	out, rep := p.CleanString(in)
	assert.Equal(t, "HELLO WORLD, hi", out)
	require.Len(t, rep.Changes, 1)
	assert.Equal(t, Change{Position: Position{Offset: 0, Len: 12, Line: 1, Col: 1}, Old: "hello\u00a0world", New: "HELLO WORLD",
		Rule: "normalize/space-char+shout/all", Confidence: 1, Message: "use a plain space"}, rep.Changes[0])
}

func TestThresholdMakesSuggestions(t *testing.T) {
	unsure := PassFunc{PassName: "guess", Func: func(d *Doc) []Edit {
		if i := strings.Index(d.Text, "teh"); i >= 0 {
			return []Edit{{Start: i, End: i + 3, New: "the", Rule: "guess/typo", Confidence: 0.3, Alternatives: []string{"tech"}}}
		}
		return nil
	}}
	p, err := NewPipeline([]Pass{unsure})
	require.NoError(t, err)
	out, rep := p.CleanString("see teh cat")
	assert.Equal(t, "see teh cat", out, "below the threshold the text is left alone")
	require.Len(t, rep.Suggestions, 1)
	assert.Equal(t, "the", rep.Suggestions[0].New)
	assert.Equal(t, []string{"tech"}, rep.Suggestions[0].Alternatives)
	assert.Equal(t, 4, rep.Suggestions[0].Offset)

	p, err = NewPipeline([]Pass{unsure}, WithThreshold(0.2))
	require.NoError(t, err)
	assert.Equal(t, "see the cat", p.Fix("see teh cat"))
	_, err = NewPipeline(nil, WithThreshold(2))
	assert.Error(t, err)
}

// TestChunking checks that a text cut into many chunks comes out as it does
// in one piece, and that a paragraph repeated across a chunk break goes.
func TestChunking(t *testing.T) {
	n, err := New()
	require.NoError(t, err)
	var b strings.Builder
	for i := 0; i < 50; i++ {
		b.WriteString("Line  with a space at the end \r\n\r\nHeadline\r\n\r\nHeadline\r\n\r\n")
	}
	in := b.String()
	one, err := NewPipeline([]Pass{n}, WithChunkSize(1<<20))
	require.NoError(t, err)
	many, err := NewPipeline([]Pass{n}, WithChunkSize(7))
	require.NoError(t, err)
	want, wantRep := one.CleanString(in)
	got, gotRep := many.CleanString(in)
	assert.Equal(t, want, got)
	assert.Equal(t, wantRep, gotRep)
	assert.Equal(t, 50, strings.Count(got, "Headline"))

	var w strings.Builder
	require.NoError(t, many.FixReader(&w, strings.NewReader(in)))
	assert.Equal(t, want, w.String())
}

func TestLongLineIsCut(t *testing.T) {
	n, err := New()
	require.NoError(t, err)
	p, err := NewPipeline([]Pass{n}, WithChunkSize(64))
	require.NoError(t, err)
	in := strings.Repeat("word ", 2000) + strings.Repeat("x", 3000) + "é"
	out, rep := p.CleanString(in)
	assert.Equal(t, strings.TrimRight(in, " "), out)
	assert.Empty(t, rep.Changes)
}

// FuzzNormalize checks the normalize pass's promises on any input: valid
// edits, a report that replays to the output, valid UTF-8 kept valid, and a
// second run that changes nothing.
func FuzzNormalize(f *testing.F) {
	for _, s := range seedCorpus() {
		f.Add(s)
	}
	n, err := New()
	if err != nil {
		f.Fatal(err)
	}
	p, err := NewPipeline([]Pass{n})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, rep := p.CleanString(s)
		replayed, err := ApplyChanges(s, rep.Changes)
		if err != nil || replayed != out {
			t.Fatalf("report does not replay: %v\n%q\n%q", err, replayed, out)
		}
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q: %q", s, out)
		}
		if again := p.Fix(out); again != out {
			t.Fatalf("not idempotent:\n%q\n%q\n%q", s, out, again)
		}
	})
}

// TestRepeatsPass runs the repeated-paragraph check as its own pass, after
// another pass that makes two paragraphs equal.
func TestRepeatsPass(t *testing.T) {
	fix := PassFunc{PassName: "fix", Func: func(d *Doc) []Edit {
		if i := strings.Index(d.Text, "Teh"); i >= 0 {
			return []Edit{{Start: i, End: i + 3, New: "The", Rule: "fix/teh"}}
		}
		return nil
	}}
	n, err := New(KeepRepeatedParagraphs())
	require.NoError(t, err)
	p, err := NewPipeline([]Pass{n, fix, NewRepeats()})
	require.NoError(t, err)
	in := "Teh end.\n\nThe end.\n\nTHE END."
	out, rep := p.CleanString(in)
	assert.Equal(t, "The end.", out, "repeats found in the cleaned text, case ignored")
	assert.Equal(t, out, p.Fix(out))
	replayed, err := ApplyChanges(in, rep.Changes)
	require.NoError(t, err)
	assert.Equal(t, out, replayed)
}
