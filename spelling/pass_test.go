package spelling

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestChangedKeys checks the words whose correction changes between two
// rounds, and which verdicts read them.
func TestChangedKeys(t *testing.T) {
	a := map[int]string{2: "these", 8: "topics", 14: "would"}
	b := map[int]string{2: "these", 8: "tropics", 20: "matter"}
	changed := changedKeys(a, b, nil)
	assert.Equal(t, []int{8, 14, 20}, changed)
	assert.Empty(t, changedKeys(a, a, nil))
	assert.Equal(t, []int{2, 8, 14}, changedKeys(nil, a, nil))

	assert.True(t, readsAny(changed, 4, 8), "reads word 8")
	assert.False(t, readsAny(changed, 4, 7), "stops before word 8")
	assert.False(t, readsAny(changed, 8, 12), "word 8 itself is not its context")
	assert.True(t, readsAny(changed, 8, 14))
	assert.False(t, readsAny(changed, 20, 20), "a verdict that read nothing")
	assert.False(t, readsAny(nil, 0, 100))
}
