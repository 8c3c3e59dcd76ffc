package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// kindsOf returns "text:Kind" for the non-space tokens of s.
func kindsOf(s string) []string {
	var out []string
	for _, t := range Tokenize(s) {
		if t.Kind == Space || t.Kind == Newline {
			continue
		}
		out = append(out, t.Text(s)+":"+t.Kind.String())
	}
	return out
}

func TestTokenizeProtected(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		why  string
	}{
		{"1,250", []string{"1,250:Number"}, "thousands separator"},
		{"3.5%", []string{"3.5:Number", "%:Punct"}, "decimal"},
		{"10:30", []string{"10:30:Number"}, "time"},
		{"10:30am", []string{"10:30am:Number"}, "time with suffix"},
		{"2,000.50", []string{"2,000.50:Number"}, "money"},
		{"2024-01-05", []string{"2024-01-05:Number"}, "date"},
		{"4th 1990s", []string{"4th:Number", "1990s:Number"}, "ordinals and decades"},
		{"2020,the", []string{"2020:Number", ",:Punct", "the:Word"}, "a comma before a letter ends a number"},
		{"see https://example.org/report.", []string{"see:Word", "https://example.org/report:URL", ".:Punct"}, "URL without the sentence period"},
		{"(www.example.org)", []string{"(:Punct", "www.example.org:URL", "):Punct"}, "URL without an unbalanced bracket"},
		{"press@example.org,", []string{"press@example.org:Email", ",:Punct"}, "e-mail"},
		{"example.org/report", []string{"example.org/report:Domain"}, "domain with a path"},
		{"Node.js", []string{"Node.js:Domain"}, "file-like name"},
		{"index.html", []string{"index.html:Domain"}, "file name"},
		{".NET", []string{".NET:Domain"}, "leading dot"},
		{"v1.2.3", []string{"v1.2.3:Word"}, "version: a technical word"},
		{"U.S. e.g. Ph.D. J.R.R.", []string{"U.S.:Abbrev", "e.g.:Abbrev", "Ph.D.:Abbrev", "J.R.R.:Abbrev"}, "dotted abbreviations"},
		{"Dr. Ivanova", []string{"Dr.:Abbrev", "Ivanova:Word"}, "title"},
		{"Dr.Ivanova", []string{"Dr.:Abbrev", "Ivanova:Word"}, "title glued to a name"},
		{"J. Smith", []string{"J.:Abbrev", "Smith:Word"}, "initial"},
		{"wait... and…", []string{"wait:Word", "...:Ellipsis", "and:Word", "…:Ellipsis"}, "ellipses"},
		{"fine :) ok ;-)", []string{"fine:Word", ":):Emoticon", "ok:Word", ";-):Emoticon"}, "emoticons"},
		{"AT&amp;T", []string{"AT:Word", "&amp;:Entity", "T:Word"}, "HTML entity"},
		{"#copyedit @news", []string{"#copyedit:Tag", "@news:Tag"}, "hashtag and mention"},
		{"run `go test`", []string{"run:Word", "`go test`:Code"}, "inline code"},
		{"fe80::1ff:fe23", []string{"fe80::1ff:fe23:Literal"}, "IPv6"},
		{"NATO’s", []string{"NATO’s:Word"}, "inner apostrophe"},
		{"don't", []string{"don't:Word"}, "contraction"},
		{"NATO.The", []string{"NATO:Word", ".:Punct", "The:Word"}, "glued sentences are not a domain"},
		{"dialogue.Western", []string{"dialogue:Word", ".:Punct", "Western:Word"}, "glued sentences are not a domain"},
		{"six-month", []string{"six:Word", "-:Punct", "month:Word"}, "hyphen"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			assert.Equal(t, tt.want, kindsOf(tt.in), "%q", tt.in)
		})
	}
}

func TestTokenizeFlags(t *testing.T) {
	s := "as global attention turns. for the West, “Why?” she asked. Dr. elena Ivanova met iPhone users.\n\nintroduction"
	toks := Tokenize(s)
	flags := map[string]Flags{}
	for _, tok := range toks {
		flags[tok.Text(s)] |= tok.Flags
	}
	assert.True(t, flags["as"]&SentenceStart != 0, "paragraph start")
	assert.True(t, flags["as"]&ParaStart != 0)
	assert.True(t, flags["for"]&SentenceStart != 0, "after a period")
	assert.True(t, flags["Why"]&SentenceStart == 0, "inside a quotation that opens mid-sentence")
	assert.True(t, flags["she"]&SentenceStart == 0, "after ?” the sentence goes on")
	assert.True(t, flags["elena"]&SentenceStart == 0, "not after an abbreviation")
	assert.True(t, flags["introduction"]&(SentenceStart|ParaStart) == SentenceStart|ParaStart)
	assert.True(t, flags["West"]&Title != 0)
	assert.True(t, flags["iPhone"]&Mixed != 0)
	assert.True(t, flags["global"]&Lower != 0)
}

func TestTokenizeCoversInput(t *testing.T) {
	for _, s := range []string{"", "a", "\xff\xfe", "a\r\nb\rc\u2028d", strings.Repeat(",", 100), "e\u0301 \u200b 👩‍👩‍👧 مرحبا"} {
		toks := Tokenize(s)
		end := 0
		for _, tok := range toks {
			require.Equal(t, end, tok.Start, "%q", s)
			require.Greater(t, tok.End, tok.Start, "%q", s)
			end = tok.End
		}
		require.Equal(t, len(s), end, "%q", s)
	}
}

// FuzzTokenize checks that tokens cover any input exactly, in order, on rune
// boundaries where the input is valid UTF-8.
func FuzzTokenize(f *testing.F) {
	for _, s := range seedCorpus() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, tok := range Tokenize(s) {
			if tok.Start != end || tok.End <= tok.Start {
				t.Fatalf("token %+v after %d in %q", tok, end, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(tok.Text(s)) {
				t.Fatalf("token %+v splits a rune in %q", tok, s)
			}
			end = tok.End
		}
		if end != len(s) {
			t.Fatalf("tokens end at %d of %d in %q", end, len(s), s)
		}
	})
}

// seedCorpus returns inputs for the fuzzers: ordinary and nasty text.
func seedCorpus() []string {
	return []string{
		"", " ", "\n\n", "a", "NATO.The world is changing,everything is possible.",
		"Dr.Ivanova met U.S. officials at 10:30, e.g. in Kyiv’s centre.",
		"Putin\n\nPutin\n\nPutin", "a\r\nb\r\n\r\nb", "x\u00a0\u200b y  \t\n",
		"e\u0301\u0301", "\u200be\u0301", "“Hello,” she said.", "https://example.org/a?b=c.", "fe80::1",
		strings.Repeat(",", 1000), "\x00\x01\x7f\xff", "مرحبا بالعالم. שלום", "👩‍👩‍👧 emoji :)",
		"word ,next . then", "\u2028\u2029\u0085", "...", "&amp;&#8217;", "`code, here`",
	}
}

// TestAlnumShapeAgrees checks the case flags read while scanning against
// the case flags read from the finished word.
func TestAlnumShapeAgrees(t *testing.T) {
	for _, w := range []string{"mark", "Mark", "NATO", "iPhone", "McDonald", "I", "a", "v2", "X2", "snake_case", "ABCd", "aBC", "Ab1", "_", "9", "", "A", "Ab", "ab", "aB", "Ab_", "abc9", "Abc d"} {
		n, f := alnumShape(w)
		word, _, _ := strings.Cut(w, " ")
		assert.Equal(t, len(word), n, w)
		assert.Equal(t, caseShape(word), f, w)
		n2, f2 := alnumShapeAny(w)
		assert.Equal(t, n2, n, w)
		assert.Equal(t, f2, f, w)
	}
}
