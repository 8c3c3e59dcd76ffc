package normalize

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// cutParagraphs returns, for each chunk nextCut cuts s into, the label of
// its last paragraph: the number in its closing "(n).".
func cutParagraphs(s string, size int) []string {
	var out []string
	for len(s) > 0 {
		n, _ := nextCut(s, size, true)
		chunk := strings.TrimRight(s[:n], "\n")
		label := chunk[strings.LastIndex(chunk, "(")+1:]
		out = append(out, label)
		s = s[n:]
	}
	return out
}

// TestCutsFollowCleaning: cleaning changes letters and spaces, never digits
// or punctuation (an ellipsis is one period in either form), and drops
// repeated paragraphs, so a text and its cleaned form are cut after the
// same paragraphs, however much longer or shorter the cleaning made it.
func TestCutsFollowCleaning(t *testing.T) {
	raw, clean := twinTexts()
	for _, size := range []int{4 << 10, 16 << 10, 64 << 10} {
		a, b := cutParagraphs(raw, size), cutParagraphs(clean, size)
		assert.Greater(t, len(a), 3, "size %d: cut into chunks", size)
		assert.Equal(t, a, b, "size %d", size)
	}
	// A byte size alone would not do: the twin is longer.
	assert.NotEqual(t, len(raw), len(clean))
}

// TestCutBounds: a chunk ends within cutSpread times the size even when no
// line picks a break, and never inside a paragraph.
func TestCutBounds(t *testing.T) {
	// No digit, no punctuation; no paragraph repeats the one before.
	var b strings.Builder
	for i := range 200 {
		b.WriteString(strings.Repeat("word ", 40) + strings.Repeat("x", i%3+1) + "\n\n")
	}
	s := b.String()
	n, forced := nextCut(s, 1000, false)
	assert.False(t, forced)
	assert.GreaterOrEqual(t, n, cutSpread*1000)
	assert.Less(t, n, cutSpread*1000+250)
	assert.Equal(t, "\n\n", s[n:n+2], "cut before a paragraph break")

	// A paragraph repeated throughout is one paragraph: never cut, until
	// the forced cut.
	s = strings.Repeat(strings.Repeat("word ", 40)+"\n\n", 200)
	_, forced = nextCut(s, 100, false)
	assert.True(t, forced)
}

// twinTexts returns a text of 3,000 paragraphs and its cleaned twin.
func twinTexts() (string, string) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"the", "council", "said", "on", "Monday", "that", "prices", "rose", "by", "3.5%", "in", "2024", "so..."}
	var raw, clean strings.Builder
	for p := range 3000 {
		for w := range 5 + r.IntN(60) {
			word := words[r.IntN(len(words))]
			sep := []string{" ", " ", " ", ", ", ". ", "; "}[r.IntN(6)]
			if w == 0 {
				sep = ""
			}
			raw.WriteString(sep + word)
			// The cleaned twin: capitals, longer words, a space lost, an
			// ellipsis in one character (the typography option).
			word = strings.ReplaceAll(word, "...", "…")
			switch r.IntN(5) {
			case 0:
				word = strings.ToUpper(word[:1]) + word[1:]
			case 1:
				if c := word[len(word)-1]; c >= 'a' && c <= 'z' {
					word += "ly" // a letter's slip corrected: never between marks
				}
			case 2:
				sep = strings.TrimSuffix(sep, " ")
			}
			clean.WriteString(sep + word)
		}
		fmt.Fprintf(&raw, " (%d).\n\n", p)
		fmt.Fprintf(&clean, " (%d).\n\n", p)
		if r.IntN(8) == 0 {
			// A headline scraped twice, in capitals: the normalize pass
			// drops the repeat, whose digits must not count.
			last := raw.String()
			last = last[strings.LastIndex(strings.TrimRight(last, "\n"), "\n")+1:]
			raw.WriteString(strings.ToUpper(last))
		}
	}
	return raw.String(), clean.String()
}

// TestNextParagraph: the paragraphs the cut and the repeat rule read, with
// any line ends, and blank lines of spaces.
func TestNextParagraph(t *testing.T) {
	for _, c := range []struct {
		text   string
		ps, pe int
	}{
		{"ab\n\ncd", 0, 2},
		{"ab\ncd\n \t\nef", 0, 5},
		{"ab\r\n\r\ncd", 0, 2},
		{"ab\r\rcd", 0, 2},
		{"ab\ncd", 0, 5},
		{"\n\n \nab", 4, 6},
		{"", -1, 0},
	} {
		ps, pe := nextParagraph(c.text, 0)
		if ps < 0 {
			pe = 0
		}
		assert.Equal(t, []int{c.ps, c.pe}, []int{ps, pe}, "%q", c.text)
	}
}
