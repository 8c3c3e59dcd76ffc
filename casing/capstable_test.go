package casing

import (
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit/lexicon"
)

var updateCaps = flag.Bool("update-caps", false, "rewrite data/caps.bin from the default lexicon")

// TestCapsData checks that the embedded caps table is what buildTables
// makes of the default lexicon (go generate ./casing/ rewrites it), and
// that every entry reads back.
func TestCapsData(t *testing.T) {
	m := capsMap(lexicon.Default())
	data, err := encodeCaps(m)
	require.NoError(t, err)
	if *updateCaps {
		require.NoError(t, os.WriteFile("data/caps.bin", data, 0o644))
		return
	}
	require.Equal(t, string(data), capsData, "data/caps.bin is stale: go generate ./casing/")
	tab := defaultCaps()
	for k, want := range m {
		got, ok := tab.lookup(keyHash([]byte(k)), []byte(k))
		require.True(t, ok, k)
		assert.Equal(t, want, got, k)
	}
	for _, k := range []string{"", "the", "zzzzqx", "russiaa"} {
		_, ok := tab.lookup(keyHash([]byte(k)), []byte(k))
		assert.False(t, ok, k)
	}
	ci, ok := tab.lookup(keyHash([]byte("russia")), []byte("russia"))
	require.True(t, ok)
	assert.Equal(t, "Russia", ci.form)
}
