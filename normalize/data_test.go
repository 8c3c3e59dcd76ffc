package normalize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDataFiles checks that every embedded list is sorted, without
// duplicates or stray spaces, so that diffs of the data stay readable.
func TestDataFiles(t *testing.T) {
	for name, data := range map[string]string{
		"abbreviations.txt": abbreviationsData, "suffixes.txt": suffixesData, "emoticons.txt": emoticonsData,
	} {
		assertSortedList(t, name, data)
	}
}

func assertSortedList(t *testing.T, name, data string) {
	t.Helper()
	prev := ""
	n := 0
	for i, line := range strings.Split(strings.TrimRight(data, "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		n++
		assert.Equal(t, strings.TrimSpace(line), line, "%s:%d: stray space", name, i+1)
		assert.NotEmpty(t, line, "%s:%d: empty line", name, i+1)
		assert.Less(t, prev, line, "%s:%d: not sorted or repeated", name, i+1)
		prev = line
	}
	assert.NotZero(t, n, "%s is empty", name)
}
