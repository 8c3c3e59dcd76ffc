package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/internal/evaluate"
)

func TestEvaluateDir(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"../../testdata/eval"}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "spelling")
	assert.Contains(t, out.String(), "precision")
}

func TestEvaluatePair(t *testing.T) {
	dir := t.TempDir()
	raw, gold := filepath.Join(dir, "r.txt"), filepath.Join(dir, "g.txt")
	require.NoError(t, os.WriteFile(raw, []byte("The world is changing,everything is possible."), 0o644))
	require.NoError(t, os.WriteFile(gold, []byte("The world is changing, everything is possible."), 0o644))
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"-v", raw, gold}, &out, &errb), errb.String())
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "spacing") {
			assert.Equal(t, []string{"spacing", "1", "0", "0", "1.000", "1.000"}, strings.Fields(line))
		}
	}
	assert.Equal(t, 1, run([]string{}, &out, &errb))
	assert.Equal(t, 1, run([]string{dir}, &out, &errb), "no pairs in the folder")
}

func TestScoreLargePairSkipsRepeats(t *testing.T) {
	var raw, gold strings.Builder
	n, repeats := 0, 0
	for raw.Len() < largePair+1 {
		p := fmt.Sprintf("Item %d is changing,everything at once.", n)
		raw.WriteString(p + "\n\n")
		gold.WriteString(strings.Replace(p, ",", ", ", 1) + "\n\n")
		if n%10 == 0 {
			raw.WriteString(p + "\n\n") // scraped twice
			repeats++
		}
		n++
	}
	res := score(copyedit.Default(), raw.String(), gold.String())
	assert.Equal(t, n, res.By[evaluate.Spacing].Fixed)
	assert.Equal(t, repeats, res.By[evaluate.Paragraph].Fixed)
	assert.Zero(t, res.Total().False)
}
