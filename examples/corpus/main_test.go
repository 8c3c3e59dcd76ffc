package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit"
)

// TestCorpusCleansToItself cleans a generated corpus of many chunks, with
// its planted defects and repeated headlines, and cleans the output again:
// nothing may change, though the output is cut into chunks from a text of
// another length.
func TestCorpusCleansToItself(t *testing.T) {
	out := filepath.Join(t.TempDir(), "corpus.txt")
	var stderr bytes.Buffer
	// Seed 2 at 2 MB is one that chunks cut at a size in bytes got wrong.
	require.Zero(t, run([]string{"-mb", "2", "-seed", "2", "-from", "../../testdata", "-o", out}, &stderr, &stderr), stderr.String())
	in, err := os.ReadFile(out)
	require.NoError(t, err)
	p, err := copyedit.New()
	require.NoError(t, err)
	once := p.Fix(string(in))
	require.NotEqual(t, string(in), once, "the corpus has defects")
	twice := p.Fix(once)
	if once != twice {
		k := 0
		for k < len(once) && k < len(twice) && once[k] == twice[k] {
			k++
		}
		assert.Fail(t, "not idempotent", "at byte %d: %q became %q", k, once[max(0, k-60):min(len(once), k+60)], twice[max(0, k-60):min(len(twice), k+60)])
	}
}
