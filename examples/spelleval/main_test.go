package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	set := filepath.Join(dir, "set.txt")
	require.NoError(t, os.WriteFile(set, []byte("# a comment\nwould: woudl\nbelieve: beleive\nbusiness: buisness xyzzyq\n\n"), 0o644))
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{set}, &out, &errOut), errOut.String())
	assert.Contains(t, out.String(), "xyzzyq → ", "a miss is printed")
	assert.Contains(t, out.String(), "want business")
	assert.Contains(t, out.String(), set+": top1=3/4 (75.0%)")

	out.Reset()
	require.Equal(t, 0, run([]string{"-q", set}, &out, &errOut))
	assert.NotContains(t, out.String(), "xyzzyq")
	assert.Contains(t, out.String(), "top1=3/4")
}

func TestRunErrors(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 2, run(nil, &out, &errOut), "no file")
	assert.Contains(t, errOut.String(), "usage")
	assert.Equal(t, 2, run([]string{"-locale", "fr", "x"}, &out, &errOut))
	assert.Equal(t, 2, run([]string{"-nope"}, &out, &errOut))
	errOut.Reset()
	assert.Equal(t, 1, run([]string{filepath.Join(t.TempDir(), "missing.txt")}, &out, &errOut))
	assert.Contains(t, errOut.String(), "missing.txt")

	bad := filepath.Join(t.TempDir(), "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("no colon here\n"), 0o644))
	errOut.Reset()
	assert.Equal(t, 1, run([]string{bad}, &out, &errOut))
	assert.Contains(t, errOut.String(), "bad.txt:1:")
}

// TestNorvig scores Norvig's public test sets when they are present (they
// are not part of the repository) and holds the target.
func TestNorvig(t *testing.T) {
	for _, name := range []string{"norvig-testset1.txt", "norvig-testset2.txt"} {
		path := filepath.Join("..", "..", "..", "shared", "eval", "spelling", name)
		if _, err := os.Stat(path); err != nil {
			t.Skip("Norvig's test sets are not here:", err)
		}
		var out, errOut bytes.Buffer
		require.Equal(t, 0, run([]string{"-q", path}, &out, &errOut), errOut.String())
		t.Log(out.String())
	}
}
