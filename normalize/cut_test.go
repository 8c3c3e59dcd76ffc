package normalize

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// cutParagraphs returns, for each chunk nextCut cuts s into, the number of
// paragraph breaks before its end.
func cutParagraphs(s string, size int) []int {
	var out []int
	done := 0
	for len(s) > 0 {
		n, _ := nextCut(s, size, true)
		done += strings.Count(s[:n], "\n\n")
		out = append(out, done)
		s = s[n:]
	}
	return out
}

// TestCutsFollowCleaning: cleaning changes letters and spaces, never digits
// or punctuation (an ellipsis is one period in either form), so a text and its cleaned form are cut after the same
// paragraphs, however much longer or shorter the cleaning made it.
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
	para := strings.Repeat("word ", 40) + "\n\n" // no digit, no punctuation
	s := strings.Repeat(para, 200)
	n, forced := nextCut(s, 1000, false)
	assert.False(t, forced)
	assert.GreaterOrEqual(t, n, cutSpread*1000)
	assert.Less(t, n, cutSpread*1000+len(para))
	assert.Equal(t, "\n\n", s[n:n+2], "cut before a paragraph break")
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
	}
	return raw.String(), clean.String()
}
