package main

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pieceReader returns data in pieces of the given sizes, cycling through
// them; a size of 0 is a read that returns nothing and no error. With
// eofWithData the last piece comes with io.EOF. After the data it returns
// end, or io.EOF when end is nil.
type pieceReader struct {
	data        []byte
	sizes       []int
	i           int
	eofWithData bool
	end         error
}

func (r *pieceReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		if r.end != nil {
			return 0, r.end
		}
		return 0, io.EOF
	}
	size := 1
	if len(r.sizes) > 0 {
		size = r.sizes[r.i%len(r.sizes)]
		r.i++
	}
	n := copy(p[:min(len(p), size)], r.data)
	r.data = r.data[n:]
	if len(r.data) == 0 && r.eofWithData && r.end == nil {
		return n, io.EOF
	}
	return n, nil
}

// readAllSized reads r with buffers of the given sizes, cycling through
// them, until an error.
func readAllSized(r io.Reader, sizes []int) ([]byte, error) {
	var out []byte
	for i := 0; ; i++ {
		size := 7
		if len(sizes) > 0 {
			size = sizes[i%len(sizes)]
		}
		p := make([]byte, size)
		n, err := r.Read(p)
		out = append(out, p[:n]...)
		if err != nil {
			return out, err
		}
		if i > 10*len(out)+1000 {
			return out, errors.New("no progress")
		}
	}
}

// wantBad returns what checkedReader must report about data: the offset,
// line and column of the first NUL byte or invalid UTF-8 sequence, found the
// plain way, or ok false.
func wantBad(data []byte) (b badByteError, ok bool) {
	line, lineStart := 1, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == 0 || (r == utf8.RuneError && size == 1) {
			return badByteError{Offset: i, Line: line, Col: i - lineStart + 1, Byte: data[i],
				Truncated: r != 0 && !utf8.FullRune(data[i:])}, true
		}
		if r == '\n' {
			line++
			lineStart = i + 1
		}
		i += size
	}
	return badByteError{}, false
}

func TestCheckedReader(t *testing.T) {
	long := strings.Repeat("abc\n", checkedBufSize/4)
	tests := []struct {
		name string
		in   string
		bad  *badByteError
	}{
		{"empty", "", nil},
		{"ASCII", "hello\nworld\n", nil},
		{"multibyte", "naïve café — 😀 Zürich\n", nil},
		{"NUL first", "\x00abc", &badByteError{Offset: 0, Line: 1, Col: 1, Byte: 0}},
		{"NUL on line 3", "a\nbc\nde\x00", &badByteError{Offset: 7, Line: 3, Col: 3, Byte: 0}},
		{"Latin-1", "caf\xe9\n", &badByteError{Offset: 3, Line: 1, Col: 4, Byte: 0xe9}},
		{"lone continuation", "a\n\x80", &badByteError{Offset: 2, Line: 2, Col: 1, Byte: 0x80}},
		{"overlong", "\xc0\xaf", &badByteError{Offset: 0, Line: 1, Col: 1, Byte: 0xc0}},
		{"surrogate", "ok \xed\xa0\x80", &badByteError{Offset: 3, Line: 1, Col: 4, Byte: 0xed}},
		{"cut at the end", "euro \xe2\x82", &badByteError{Offset: 5, Line: 1, Col: 6, Byte: 0xe2, Truncated: true}},
		{"cut 4-byte at the end", "\xf0\x9f\x98", &badByteError{Offset: 0, Line: 1, Col: 1, Byte: 0xf0, Truncated: true}},
		{"cut then more", "\xe2\x82x", &badByteError{Offset: 0, Line: 1, Col: 1, Byte: 0xe2}},
		{"invalid before NUL", "\xff\x00", &badByteError{Offset: 0, Line: 1, Col: 1, Byte: 0xff}},
		{"NUL before invalid", "\x00\xff", &badByteError{Offset: 0, Line: 1, Col: 1, Byte: 0}},
		{"past the buffer", long + "x\xff", &badByteError{Offset: len(long) + 1, Line: len(long)/4 + 1, Col: 2, Byte: 0xff}},
		{"rune across the buffer end", long[:checkedBufSize-1] + "é" + long, nil},
	}
	for _, tt := range tests {
		for _, sizes := range [][]int{nil, {1}, {2, 3}, {checkedBufSize}, {5, 0, 1 << 20}} {
			for _, eofWithData := range []bool{false, true} {
				for _, psizes := range [][]int{{1}, {3}, {100}, {1 << 17}} {
					cr := newCheckedReader(&pieceReader{data: []byte(tt.in), sizes: sizes, eofWithData: eofWithData})
					out, err := readAllSized(cr, psizes)
					if tt.bad == nil {
						require.Equal(t, io.EOF, err, tt.name)
						require.Equal(t, tt.in, string(out), tt.name)
						continue
					}
					var bad *badByteError
					require.ErrorAs(t, err, &bad, tt.name)
					require.Equal(t, *tt.bad, *bad, "%s, reads %v, buffers %v", tt.name, sizes, psizes)
					require.Equal(t, tt.in[:tt.bad.Offset], string(out), tt.name)
					// The error stays.
					n, err2 := cr.Read(make([]byte, 10))
					require.Equal(t, 0, n)
					require.Equal(t, err, err2)
				}
			}
		}
	}
}

func TestCheckedReaderErrors(t *testing.T) {
	boom := errors.New("boom")
	for _, tc := range []struct {
		name string
		in   string
		end  error
		out  string
	}{
		{"error after text", "some text", boom, "some text"},
		{"error inside a character", "euro \xe2\x82", boom, "euro "},
		// io.ErrUnexpectedEOF from below is an error, not the end.
		{"unexpected EOF", "abc", io.ErrUnexpectedEOF, "abc"},
	} {
		cr := newCheckedReader(&pieceReader{data: []byte(tc.in), sizes: []int{2}, end: tc.end})
		out, err := io.ReadAll(cr)
		assert.Equal(t, tc.out, string(out), tc.name)
		var re *readError
		require.ErrorAs(t, err, &re, tc.name)
		assert.ErrorIs(t, err, tc.end, tc.name)
		assert.NotEqual(t, io.ErrUnexpectedEOF, err, "must not look like a clean end")
		assert.Equal(t, "reading: "+tc.end.Error(), err.Error())
	}

	// A reader that never returns anything is given up on.
	cr := newCheckedReader(&pieceReader{data: []byte("abc"), sizes: []int{0}})
	_, err := io.ReadAll(cr)
	assert.ErrorIs(t, err, io.ErrNoProgress)

	// An empty buffer reads nothing.
	cr = newCheckedReader(strings.NewReader("abc"))
	n, err := cr.Read(nil)
	assert.Equal(t, 0, n)
	assert.NoError(t, err)
}

func TestCheckedReaderMessages(t *testing.T) {
	for _, tc := range []struct {
		e    badByteError
		want string
	}{
		{badByteError{Offset: 4, Line: 2, Col: 1, Byte: 0}, "looks binary: NUL byte at offset 4 (line 2, column 1)"},
		{badByteError{Offset: 0, Line: 1, Col: 1, Byte: 0xff}, "not valid UTF-8: byte 0xff at offset 0 (line 1, column 1)"},
		{badByteError{Offset: 9, Line: 1, Col: 10, Byte: 0xe2, Truncated: true}, "not valid UTF-8: the input ends inside a character, byte 0xe2 at offset 9 (line 1, column 10)"},
	} {
		assert.Equal(t, tc.want, tc.e.Error())
	}
}

// FuzzCheckedReader: any byte stream, in pieces of any size read into
// buffers of any size, either passes through byte for byte or stops with the
// offset, line and column of its first bad byte, after passing on exactly
// the bytes before it.
func FuzzCheckedReader(f *testing.F) {
	f.Add([]byte("hello\nworld"), []byte{1, 2, 3}, []byte{5}, false)
	f.Add([]byte("naïve\n😀 \xe2\x82"), []byte{1}, []byte{1, 2}, true)
	f.Add([]byte("a\x00b"), []byte{0, 4}, []byte{64}, false)
	f.Add([]byte("\xf0\x9f\x98\x80\xf0\x9f"), []byte{3, 1}, []byte{2}, true)
	f.Add([]byte("caf\xe9\nau lait"), []byte{}, []byte{}, false)
	f.Fuzz(func(t *testing.T, data, readSizes, bufSizes []byte, eofWithData bool) {
		sizes := make([]int, len(readSizes))
		for i, s := range readSizes {
			sizes[i] = int(s)
		}
		if len(sizes) > 0 && bytes.Count(readSizes, []byte{0}) == len(readSizes) {
			sizes = append(sizes, 1) // progress, sometimes
		}
		psizes := make([]int, len(bufSizes))
		for i, s := range bufSizes {
			psizes[i] = 1 + int(s)
		}
		cr := newCheckedReader(&pieceReader{data: data, sizes: sizes, eofWithData: eofWithData})
		out, err := readAllSized(cr, psizes)
		want, isBad := wantBad(data)
		if !isBad {
			require.Equal(t, io.EOF, err)
			require.Equal(t, string(data), string(out))
			return
		}
		var bad *badByteError
		require.ErrorAs(t, err, &bad)
		require.Equal(t, want, *bad)
		require.Equal(t, string(data[:want.Offset]), string(out))
	})
}
