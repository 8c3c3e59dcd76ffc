package copyedit_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/casing"
	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spacing"
	"github.com/copyedit/copyedit/spelling"
)

// TestRulesDocumented checks that every rule a pass can report is
// documented, once, and that each example is right: the pass alone turns
// Before into After.
func TestRulesDocumented(t *testing.T) {
	ids := []string{normalize.RuleNFC, normalize.RuleLineEnd, normalize.RuleSpaceChar, normalize.RuleInvisible,
		normalize.RuleTrailingSpace, normalize.RuleRepeatedParagraph, normalize.RuleTypography}
	ids = append(ids, spacing.Rules...)
	ids = append(ids, spelling.Rules...)
	ids = append(ids, casing.Rules...)
	seen := map[string]bool{}
	for _, r := range copyedit.Rules() {
		assert.False(t, seen[r.ID], "%s documented twice", r.ID)
		seen[r.ID] = true
		assert.NotEmpty(t, r.Summary, r.ID)
	}
	for _, id := range ids {
		assert.True(t, seen[id], "rule %s has no documentation in rules.go", id)
	}
	assert.Len(t, seen, len(ids), "rules.go documents a rule no pass has")

	for _, r := range copyedit.Rules() {
		if r.Before == "" || r.ID == normalize.RuleTypography || r.ID == spelling.RuleLocale {
			continue // these need options
		}
		pass := r.ID[:len(r.ID)-len(r.ID[indexSlash(r.ID):])]
		p, err := copyedit.New(copyedit.WithPasses(pass))
		require.NoError(t, err)
		assert.Equal(t, r.After, p.Fix(r.Before), "the example of %s", r.ID)
	}
}

func indexSlash(s string) int {
	for i := range s {
		if s[i] == '/' {
			return i
		}
	}
	return len(s)
}

func TestExplain(t *testing.T) {
	r, err := copyedit.Explain("spacing/after-punct")
	require.NoError(t, err)
	assert.Contains(t, r.String(), "changing,everything")
	_, err = copyedit.Explain("spacing/nope")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "spacing/after-punct")
}
