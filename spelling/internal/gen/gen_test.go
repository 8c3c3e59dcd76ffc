package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit/lexicon"
)

// TestRegenerate checks that the committed data is what the generator
// makes, byte for byte.
func TestRegenerate(t *testing.T) {
	for _, f := range generate(lexicon.Default(), io.Discard) {
		committed, err := os.ReadFile(filepath.Join("..", "..", "data", f.name))
		require.NoError(t, err)
		if !bytes.Equal(committed, f.data) {
			t.Errorf("spelling/data/%s is stale or not deterministic: run go generate ./spelling/...", f.name)
		}
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-out", dir, "-v"}, &out, &errOut), errOut.String())
	assert.Contains(t, out.String(), "is nearer", "the log names the pairs left out")
	for _, name := range []string{"misspell.txt", "locale.txt"} {
		_, err := os.Stat(filepath.Join(dir, name))
		assert.NoError(t, err)
	}
	assert.Equal(t, 2, run([]string{"extra"}, &out, &errOut))
	assert.Equal(t, 2, run([]string{"-nope"}, &out, &errOut))
	assert.Equal(t, 1, run([]string{"-out", filepath.Join(dir, "missing", "dir")}, &out, &errOut))
}

func TestRejectTypo(t *testing.T) {
	lex := lexicon.Default()
	assert.Empty(t, rejectTypo(lex, "woudl", "would"))
	assert.Contains(t, rejectTypo(lex, "Woudl", "would"), "lower-case")
	assert.Contains(t, rejectTypo(lex, "these", "this"), "lexicon word")
	assert.Contains(t, rejectTypo(lex, "woudl", "wouldx"), "not a lexicon word")
	assert.Contains(t, rejectTypo(lex, "unconfortability", "discomfort"), "too far")
	assert.Contains(t, rejectTypo(lex, "woudl", "woudl"), "itself")
}

func TestRejectLocale(t *testing.T) {
	lex := lexicon.Default()
	assert.Empty(t, rejectLocale(lex, "color", "colour"))
	assert.NotEmpty(t, rejectLocale(lex, "colour", "color"))
	assert.NotEmpty(t, rejectLocale(lex, "these", "these"))
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "abc", 0}, {"woudl", "would", 1}, {"thes", "these", 1}, {"abc", "", 3}, {"ca", "abc", 3}} {
		assert.Equal(t, c.d, distance(c.a, c.b), "%q %q", c.a, c.b)
	}
}
