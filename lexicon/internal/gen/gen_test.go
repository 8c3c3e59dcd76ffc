package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	scowlDir      = "/usr/share/dict/scowl"
	copyrightFile = "/usr/share/doc/scowl/copyright"
)

// TestRegenerate checks that the committed data is what the generator makes
// from the installed SCOWL, byte for byte. It needs Debian's scowl package.
func TestRegenerate(t *testing.T) {
	if _, err := os.Stat(scowlDir); err != nil {
		t.Skip("SCOWL not installed:", err)
	}
	res, err := generate(scowlDir, copyrightFile)
	require.NoError(t, err)
	for _, f := range res.files {
		committed, err := os.ReadFile(filepath.Join("..", "..", f.name))
		require.NoError(t, err)
		if !bytes.Equal(committed, f.data) {
			t.Errorf("lexicon/%s is stale or not deterministic: run go generate ./lexicon/...", f.name)
		}
	}
}

func TestRunWritesFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("TestRegenerate covers the data")
	}
	if _, err := os.Stat(scowlDir); err != nil {
		t.Skip("SCOWL not installed:", err)
	}
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-out", dir, "-stats"}, &out, &errOut), errOut.String())
	assert.Contains(t, out.String(), "entries:")
	for _, name := range []string{"scowl.bin", "SCOWL-COPYRIGHT"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		want, err := os.ReadFile(filepath.Join("..", "..", name))
		require.NoError(t, err)
		assert.True(t, bytes.Equal(want, got), name)
	}
	assert.Equal(t, 2, run([]string{"extra"}, &out, &errOut))
}

func TestParseName(t *testing.T) {
	l, ok := parseName("british_z-proper-names.80")
	assert.True(t, ok)
	assert.Equal(t, list{name: "british_z-proper-names.80", category: "british_z", sub: "proper-names", level: 80}, l)
	for _, bad := range []string{"README", "english-words", "english.10", "english-words.x", "english-words.10.bak"} {
		_, ok := parseName(bad)
		assert.False(t, ok, bad)
	}
}

func TestReadListLatin1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "english-words.10")
	require.NoError(t, os.WriteFile(path, []byte("caf\xe9\nna\xefve\r\n\nplain\n"), 0o644))
	forms, err := readList(path)
	require.NoError(t, err)
	assert.Equal(t, []string{"café", "naïve", "plain"}, forms)

	require.NoError(t, os.WriteFile(path, []byte("café\ntwo words\n"), 0o644))
	_, err = readList(path)
	assert.ErrorContains(t, err, ":2:")
}

func TestGenerateSmall(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	write("english-words.10", "it's\nmark\nmark's\nthese\n")
	write("english-upper.50", "Mark\nMark's\nRussia\n")
	write("english-contractions.10", "don't\n")
	write("american-words.10", "color\n")
	write("british-words.10", "colour\n")
	write("variant_1-words.10", "color\n")
	write("english-words.95", "thier\n")
	write("variant_2-words.20", "dependance\n")
	write("special-hacker.50", "foo\n")
	copyright := filepath.Join(dir, "copyright")
	require.NoError(t, os.WriteFile(copyright, []byte("Copyright 2000-2011 by Kevin Atkinson\n"), 0o644))

	res, err := generate(dir, copyright)
	require.NoError(t, err)
	assert.Equal(t, 2, res.stats.possessives, "mark's and Mark's dropped")
	var got []string
	for _, it := range res.stats.items {
		got = append(got, it.Form)
	}
	assert.ElementsMatch(t, []string{"it's", "mark", "these", "Mark", "Russia", "don't", "color", "colour"}, got)

	_, err = generate(dir, filepath.Join(dir, "english-words.10"))
	assert.ErrorContains(t, err, "copyright")
	_, err = generate(t.TempDir(), copyright)
	assert.Error(t, err)
}
