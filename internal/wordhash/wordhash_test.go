package wordhash

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLower8 checks Lower8 against strings.ToLower on every run of eight
// consecutive ASCII bytes.
func TestLower8(t *testing.T) {
	var all []byte
	for c := range 128 {
		all = append(all, byte(c))
	}
	for i := 0; i+8 <= len(all); i++ {
		chunk := string(all[i : i+8])
		got := Lower8(binary.LittleEndian.Uint64([]byte(chunk)))
		want := binary.LittleEndian.Uint64([]byte(strings.ToLower(chunk)))
		assert.Equal(t, want, got, "%q", chunk)
	}
}
