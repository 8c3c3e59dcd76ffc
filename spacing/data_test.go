package spacing

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStartersSorted(t *testing.T) {
	prev := ""
	for i, line := range strings.Split(strings.TrimRight(startersData, "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		assert.Less(t, prev, line, "starters.txt:%d: not sorted or repeated", i+1)
		assert.Equal(t, strings.ToLower(strings.TrimSpace(line)), line, "starters.txt:%d", i+1)
		prev = line
	}
	assert.True(t, starters().has("the"))
}
