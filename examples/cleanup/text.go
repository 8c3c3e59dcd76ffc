package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// badByteError says where an input stops being text: the first NUL byte or
// the first byte of an invalid UTF-8 sequence.
type badByteError struct {
	Offset int  // byte offset from the start of the input, from 0
	Line   int  // line of Offset, from 1
	Col    int  // byte column of Offset in its line, from 1
	Byte   byte // the byte at Offset
	// Truncated is set when the input ends in the middle of a UTF-8 sequence.
	Truncated bool
}

func (e *badByteError) Error() string {
	switch {
	case e.Byte == 0:
		return fmt.Sprintf("looks binary: NUL byte at offset %d (line %d, column %d)", e.Offset, e.Line, e.Col)
	case e.Truncated:
		return fmt.Sprintf("not valid UTF-8: the input ends inside a character, byte 0x%02x at offset %d (line %d, column %d)", e.Byte, e.Offset, e.Line, e.Col)
	}
	return fmt.Sprintf("not valid UTF-8: byte 0x%02x at offset %d (line %d, column %d)", e.Byte, e.Offset, e.Line, e.Col)
}

// readError is an error of the reader under a checkedReader. It is wrapped so
// that no reader above mistakes an io.ErrUnexpectedEOF from below (a
// truncated network stream, say) for a clean end of input.
type readError struct{ err error }

func (e *readError) Error() string { return "reading: " + e.err.Error() }
func (e *readError) Unwrap() error { return e.err }

// checkedBufSize is how much a checkedReader reads ahead. Reading in large
// pieces also spares the chunker above a growing copy per small read.
const checkedBufSize = 64 << 10

// maxEmptyReads is how many reads in a row returning nothing a
// checkedReader accepts before it gives up with io.ErrNoProgress.
const maxEmptyReads = 100

// checkedReader passes a stream of text through unchanged and fails at the
// first NUL byte or invalid UTF-8 sequence with a *badByteError: every byte
// before that one is passed on, none after. Errors of the reader below come
// out as *readError after the bytes read with them. Read accepts a buffer of
// any size, and the reader below may return pieces of any size: a character
// cut between two reads is held back until the rest comes.
type checkedReader struct {
	r   io.Reader
	buf []byte
	// buf[start:valid] is checked and not yet passed on; buf[valid:end] is
	// read but not yet checked: the first bytes of a character cut by the
	// end of the last read.
	start, valid, end int
	offset            int   // stream offset of buf[valid]
	line, lineStart   int   // newlines before offset, and where the line of offset starts
	err               error // returned once buf[start:valid] is drained
}

func newCheckedReader(r io.Reader) *checkedReader {
	return &checkedReader{r: r}
}

func (cr *checkedReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for cr.start == cr.valid {
		if cr.err != nil {
			return 0, cr.err
		}
		cr.fill()
	}
	n := copy(p, cr.buf[cr.start:cr.valid])
	cr.start += n
	return n, nil
}

// fill reads until the buffer is full or the reader below fails, then
// checks what came.
func (cr *checkedReader) fill() {
	if cr.buf == nil {
		cr.buf = make([]byte, checkedBufSize)
	}
	// Keep the unchecked tail, at most utf8.UTFMax-1 bytes.
	cr.end = copy(cr.buf, cr.buf[cr.valid:cr.end])
	cr.start, cr.valid = 0, 0
	var err error
	for empty := 0; cr.end < len(cr.buf) && err == nil; {
		var n int
		n, err = cr.r.Read(cr.buf[cr.end:])
		if n < 0 || n > len(cr.buf)-cr.end {
			err = errors.New("the reader returned an impossible count")
			n = 0
		}
		cr.end += n
		switch {
		case n > 0:
			empty = 0
		case err == nil:
			if empty++; empty >= maxEmptyReads {
				err = io.ErrNoProgress
			}
		}
	}
	data := cr.buf[:cr.end]
	if err != io.EOF {
		// More may come: hold back a character cut at the end.
		data = data[:len(data)-cutRune(data)]
	}
	if i, ok := firstBad(data); ok {
		cr.check(data[:i])
		cr.err = cr.badByte(data, i, err == io.EOF && !utf8.FullRune(data[i:]))
		return
	}
	cr.check(data)
	switch {
	case err == io.EOF:
		cr.err = io.EOF
	case err != nil:
		cr.err = &readError{err}
	}
}

// check marks good, the bytes at the start of the unchecked part, as checked.
func (cr *checkedReader) check(good []byte) {
	if j := bytes.LastIndexByte(good, '\n'); j >= 0 {
		cr.line += bytes.Count(good, []byte{'\n'})
		cr.lineStart = cr.offset + j + 1
	}
	cr.offset += len(good)
	cr.valid += len(good)
}

// badByte returns the error for data[i], after the bytes before it were
// checked.
func (cr *checkedReader) badByte(data []byte, i int, truncated bool) error {
	return &badByteError{
		Offset: cr.offset, Line: cr.line + 1, Col: cr.offset - cr.lineStart + 1,
		Byte: data[i], Truncated: truncated,
	}
}

// cutRune returns the length of the incomplete character at the end of data,
// or 0.
func cutRune(data []byte) int {
	for k := 1; k < utf8.UTFMax && k <= len(data); k++ {
		if utf8.RuneStart(data[len(data)-k]) {
			if !utf8.FullRune(data[len(data)-k:]) {
				return k
			}
			return 0
		}
	}
	return 0
}

// firstBad returns the offset of the first NUL byte or invalid UTF-8 sequence
// in data, and whether there is one.
func firstBad(data []byte) (int, bool) {
	limit := data
	nul := bytes.IndexByte(data, 0)
	if nul >= 0 {
		limit = data[:nul]
	}
	if !utf8.Valid(limit) {
		for i := 0; i < len(limit); {
			r, size := utf8.DecodeRune(limit[i:])
			if r == utf8.RuneError && size <= 1 {
				return i, true
			}
			i += size
		}
	}
	return nul, nul >= 0
}

// ctxReader stops reading once ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
