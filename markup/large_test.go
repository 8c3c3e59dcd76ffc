package markup

import (
	"strings"
	"testing"

	"github.com/copyedit/copyedit/normalize"
	"github.com/stretchr/testify/require"
)

// TestLargeInputs runs inputs of about a megabyte, built to hit the
// extractors' and the mapping's loops: they must stay linear (a quadratic
// step would run for minutes here) and their reports must apply.
func TestLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	p := basePipeline(t)
	for _, c := range []struct {
		name, src string
		f         Format
	}{
		{"inline soup", strings.Repeat("<b>a,b ", 100000), HTML},
		{"deep nesting, wrong end tags", strings.Repeat("<span>", 100000) + "a,b" + strings.Repeat("</i>", 100000), HTML},
		{"an unclosed code element", "<code>" + strings.Repeat("<x>a</div>", 50000), HTML},
		{"comments between words", strings.Repeat("a <!-- x --> b,", 50000), HTML},
		{"whole elements repeated", strings.Repeat("<h1>a b</h1>\n", 50000), HTML},
		{"one long line", strings.Repeat("a,b ", 200000), Markdown},
		{"emphasis", strings.Repeat("*a*,b ", 100000), Markdown},
		{"many lines", strings.Repeat("a,b\n", 200000), Markdown},
		{"headings repeated", strings.Repeat("# a\n\n", 50000), Markdown},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, rep, err := clean(p, c.src, c.f)
			require.NoError(t, err)
			applied, err := normalize.ApplyChanges(c.src, rep.Changes)
			require.NoError(t, err)
			require.Equal(t, out, applied)
		})
	}
}
