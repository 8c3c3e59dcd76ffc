package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit"
)

func TestUseColor(t *testing.T) {
	env := func(v string) func(string) string { return func(string) string { return v } }
	assert.True(t, useColor(true, env("")))
	assert.False(t, useColor(true, env("1")), "NO_COLOR set")
	assert.False(t, useColor(false, env("")), "not a terminal")
	var b bytes.Buffer
	assert.False(t, isTerminal(&b))
}

func TestWordDiff(t *testing.T) {
	in := "First line is fine.\nchanging,everything  here\nIt woudl help.\n"
	_, rep := copyedit.Default().CleanString(in)
	require.NotEmpty(t, rep.Changes)
	var b bytes.Buffer
	wordDiff(&b, "a.txt", in, rep.Changes)
	out := b.String()
	assert.Contains(t, out, ansiBold+"a.txt:2:"+ansiReset+" ")
	assert.Contains(t, out, ansiRed+"changing"+ansiReset+ansiGreen+"Changing"+ansiReset+","+ansiGreen+"␣"+ansiReset+"everything")
	assert.Contains(t, out, ansiRed+"woudl"+ansiReset+ansiGreen+"would"+ansiReset)
	assert.NotContains(t, out, "First line", "lines without changes are not shown")
	assert.Equal(t, 2, bytes.Count(b.Bytes(), []byte("\n")), "one line per changed line")
}

func TestFilesBarOnlyOnTerminals(t *testing.T) {
	var b bytes.Buffer
	assert.Nil(t, newFilesBar(&b, false, 10))
	assert.Nil(t, newFilesBar(&b, true, 1))
	bar := newFilesBar(&b, true, 3)
	require.NotNil(t, bar)
	require.NoError(t, bar.Add(3))
	r, done := withBytesBar(bytes.NewReader(nil), &b, true, 1, "x")
	done()
	assert.IsType(t, &bytes.Reader{}, r, "small inputs get no bar")
}
