package normalize

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

func TestTransformer(t *testing.T) {
	n, err := New()
	require.NoError(t, err)
	p, err := NewPipeline([]Pass{n}, WithChunkSize(16))
	require.NoError(t, err)
	in := strings.Repeat("Headline\u00a0one  \r\n\r\nHeadline one\r\n\r\nBody e\u0301.\r\n\r\n", 40)
	want := p.Fix(in)

	got, _, err := transform.String(p.Transformer(), in)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	// Through a reader, a few bytes at a time, and chained after NFD.
	r := transform.NewReader(iotest.OneByteReader(strings.NewReader(in)), transform.Chain(norm.NFD, p.Transformer()))
	b, err := io.ReadAll(r)
	require.NoError(t, err)
	assert.Equal(t, want, string(b))

	// A small destination buffer: output waits for the next call.
	tr := p.Transformer()
	var out []byte
	src := []byte(in)
	dst := make([]byte, 7)
	for {
		nDst, nSrc, err := tr.Transform(dst, src, true)
		out = append(out, dst[:nDst]...)
		src = src[nSrc:]
		if err == nil {
			break
		}
		require.ErrorIs(t, err, transform.ErrShortDst)
	}
	assert.Equal(t, want, string(out))
}
