package copyedit_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/markup"
	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spelling"
)

func TestOptions(t *testing.T) {
	dir := t.TempDir()
	words := filepath.Join(dir, "words.txt")
	require.NoError(t, os.WriteFile(words, []byte("# house words\nZorblat\n"), 0o644))
	tests := []struct {
		opts    []copyedit.Option
		in, out string
		why     string
	}{
		{nil, "It was  a interesting day.", "It was an interesting day.", "defaults"},
		{[]copyedit.Option{copyedit.WithoutRules("spacing/double-space")}, "It was  a interesting day.", "It was  an interesting day.", "a rule turned off"},
		{[]copyedit.Option{copyedit.WithPasses("spacing")}, "It was  a interesting day.", "It was a interesting day.", "one pass"},
		{[]copyedit.Option{copyedit.WithTypography(normalize.ASCIITypography)}, "“Quoted” text.", "\"Quoted\" text.", "typography"},
		{[]copyedit.Option{copyedit.WithLocale(spelling.UK)}, "The color of defense.", "The colour of defence.", "locale"},
		{[]copyedit.Option{copyedit.WithWordFile(words)}, "The zorblat team met.", "The zorblat team met.", "a house word is known"},
		{[]copyedit.Option{copyedit.WithPhrases("Blue Lagoon Pact")}, "They signed the blue Lagoon Pact today.", "They signed the Blue Lagoon Pact today.", "a phrase"},
		{[]copyedit.Option{copyedit.WithFormat(markup.HTML)}, "<p title=\"a,b\">x,y</p>", "<p title=\"a,b\">X, y</p>", "HTML"},
	}
	for _, tt := range tests {
		t.Run(tt.why, func(t *testing.T) {
			p, err := copyedit.New(tt.opts...)
			require.NoError(t, err)
			assert.Equal(t, tt.out, p.Fix(tt.in))
		})
	}
	for _, bad := range []copyedit.Option{
		copyedit.WithoutRules("spacing/nope"), copyedit.WithPasses("grammar"), copyedit.WithThreshold(0),
		copyedit.WithWordFile(filepath.Join(dir, "missing.txt")), copyedit.WithFormat(markup.Format(99)),
	} {
		_, err := copyedit.New(bad)
		assert.Error(t, err)
	}
}
