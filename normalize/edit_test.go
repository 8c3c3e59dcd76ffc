package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNarrow(t *testing.T) {
	tests := []struct {
		old, new string
		p, q     int
	}{
		{"russia’s", "Russia’s", 0, 9}, // bytes: ’ is three
		{"abc", "abc", 3, 0},
		{"thes", "these", 4, 0},
		{"aXa", "aYa", 1, 1},
		{"é", "è", 0, 0},   // a shared lead byte is not cut off a rune
		{"aé", "aè", 1, 0}, // nor a shared suffix byte
		{"", "x", 0, 0},
	}
	for _, tt := range tests {
		p, q := Narrow(tt.old, tt.new)
		assert.Equal(t, [2]int{tt.p, tt.q}, [2]int{p, q}, "%q → %q", tt.old, tt.new)
	}
}
