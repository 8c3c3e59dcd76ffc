package evaluate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestScore(t *testing.T) {
	tests := []struct {
		raw, gold, out string
		cat            Category
		want           Counts
		why            string
	}{
		{"That’s a interesting question", "That’s an interesting question", "That’s an interesting question", Article, Counts{Fixed: 1}, "an insertion at the end of a word"},
		{"That’s a interesting question", "That’s an interesting question", "That’s a interesting question", Article, Counts{Missed: 1}, "missed"},
		{"a university", "a university", "an university", Article, Counts{False: 1}, "a false a/an change"},
		{"thes topics", "these topics", "these topics", Spelling, Counts{Fixed: 1}, "typo"},
		{"thes topics", "these topics", "the topics", Spelling, Counts{Missed: 1, False: 1}, "a wrong fix is missed and false"},
		{"mark Rutte", "Mark Rutte", "Mark Rutte", Casing, Counts{Fixed: 1}, "case"},
		{"changing,everything", "changing, everything", "changing, everything", Spacing, Counts{Fixed: 1}, "space"},
		{"Head\n\nHead\n\nBody", "Head\n\nBody", "Head\n\nBody", Paragraph, Counts{Fixed: 1}, "repeated paragraph"},
		{"could mark the", "could mark the", "could Mark the", Casing, Counts{False: 1}, "a false capital"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			res := Score(tt.raw, tt.gold, tt.out)
			assert.Equal(t, tt.want, *res.By[tt.cat], "%v", res.Outcomes)
			for _, c := range Categories {
				if c != tt.cat {
					assert.Equal(t, Counts{}, *res.By[c], c)
				}
			}
		})
	}
}
