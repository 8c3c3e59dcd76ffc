package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"unicode/utf8"

	"github.com/aymanbagabas/go-udiff"

	"github.com/copyedit/copyedit"
)

// stdinName names standard input in messages and reports.
const stdinName = "<stdin>"

// cleaner runs the pipeline over the inputs and prints what the flags ask.
type cleaner struct {
	p              *copyedit.Pipeline
	o              options
	stdout, stderr io.Writer
	failed         bool // an input was refused or an I/O error happened
	changed        bool // some input would change
}

// plain reports whether the cleaned text itself goes to standard output.
func (c *cleaner) plain() bool {
	return !c.o.write && !c.o.diff && !c.o.list && !c.o.json && !c.o.check
}

func (c *cleaner) fail(format string, args ...any) {
	fmt.Fprintf(c.stderr, "cleanup: "+format+"\n", args...)
	c.failed = true
}

// result is one input cleaned.
type result struct {
	name    string
	in, out string
	report  *copyedit.Report
	err     error
}

// stdin cleans standard input: streamed when only the text is wanted, so
// memory stays flat however much comes in.
func (c *cleaner) stdin(r io.Reader) {
	if c.plain() {
		err := c.p.Stream(c.stdout, &checkedReader{r: r}, nil)
		if err != nil {
			c.fail("%s: %v", stdinName, err)
		}
		return
	}
	data, err := io.ReadAll(&checkedReader{r: r})
	if err != nil {
		c.fail("%s: %v", stdinName, err)
		return
	}
	c.print(c.clean(stdinName, data), nil)
}

// files cleans the files with up to workers at a time, printing the results
// in the order of the arguments. After an interrupt no new file is started.
func (c *cleaner) files(ctx context.Context, names []string, workers int) {
	if len(names) == 1 && c.plain() {
		c.streamFile(names[0])
		return
	}
	results := make([]chan result, len(names))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	sem := make(chan struct{}, max(workers, 1))
	var wg sync.WaitGroup
	go func() {
		for i, name := range names {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				for _, ch := range results[i:] {
					ch <- result{err: ctx.Err()}
				}
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				results[i] <- c.cleanFile(name)
			}()
		}
	}()
	for _, ch := range results {
		r := <-ch
		if r.err == context.Canceled {
			c.fail("interrupted; files not yet started were left as they were")
			break
		}
		c.print(r, ctx)
	}
	wg.Wait()
}

// streamFile cleans one file to standard output, a chunk at a time.
func (c *cleaner) streamFile(name string) {
	f, err := openRegular(name)
	if err != nil {
		c.fail("%v", err)
		return
	}
	defer f.Close()
	if err := c.p.Stream(c.stdout, &checkedReader{r: f}, nil); err != nil {
		c.fail("%s: %v", name, err)
	}
}

// openRegular opens a file for reading, refusing directories.
func openRegular(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s: is a directory", name)
	}
	return f, nil
}

func (c *cleaner) cleanFile(name string) result {
	f, err := openRegular(name)
	if err != nil {
		return result{name: name, err: err}
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return result{name: name, err: fmt.Errorf("%s: %w", name, err)}
	}
	return c.clean(name, data)
}

// clean checks and cleans one whole input.
func (c *cleaner) clean(name string, data []byte) result {
	if err := checkText(data); err != nil {
		return result{name: name, err: fmt.Errorf("%s: %w; left as it was", name, err)}
	}
	out, rep := c.p.CleanString(string(data))
	return result{name: name, in: string(data), out: out, report: rep}
}

// print writes one result as the flags ask.
func (c *cleaner) print(r result, ctx context.Context) {
	if r.err != nil {
		c.fail("%v", r.err)
		return
	}
	changed := r.out != r.in
	c.changed = c.changed || changed
	if c.plain() {
		io.WriteString(c.stdout, r.out)
	}
	if c.o.list && changed {
		fmt.Fprintln(c.stdout, r.name)
	}
	if c.o.diff && changed {
		io.WriteString(c.stdout, unifiedDiff(r))
	}
	if c.o.json {
		c.printJSON(r)
	}
	if c.o.write && changed && r.name != stdinName {
		if err := writeAtomic(r.name, []byte(r.out)); err != nil {
			c.fail("%v", err)
		}
	}
}

// unifiedDiff returns the diff between r.in and r.out, built from the
// report's own changes, labelled with the file name for patch -p0.
func unifiedDiff(r result) string {
	edits := make([]udiff.Edit, len(r.report.Changes))
	for i, ch := range r.report.Changes {
		edits[i] = udiff.Edit{Start: ch.Offset, End: ch.Offset + ch.Len, New: ch.New}
	}
	d, err := udiff.ToUnified(r.name, r.name, r.in, edits, udiff.DefaultContextLines)
	if err != nil {
		// The report always fits its input; fall back to a diff of the texts.
		return udiff.Unified(r.name, r.name, r.in, r.out)
	}
	return d
}

// jsonEdit is one line of the -json report; see examples/cleanup/report.schema.json.
type jsonEdit struct {
	File         string        `json:"file"`
	Offset       int           `json:"offset"`
	Length       int           `json:"length"`
	Line         int           `json:"line"`
	Column       int           `json:"column"`
	Old          string        `json:"old"`
	New          string        `json:"new"`
	Pass         string        `json:"pass"`
	Rule         jsonRule      `json:"rule"`
	Message      string        `json:"message,omitempty"`
	Replacements []jsonReplace `json:"replacements"`
	Confidence   float64       `json:"confidence"`
	Applied      bool          `json:"applied"`
}

type jsonRule struct {
	ID       string `json:"id"`
	Category string `json:"category"`
}

type jsonReplace struct {
	Value string `json:"value"`
}

func (c *cleaner) printJSON(r result) {
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	emit := func(ch copyedit.Change, applied bool) {
		e := jsonEdit{
			File: r.name, Offset: ch.Offset, Length: ch.Len, Line: ch.Line, Column: ch.Col,
			Old: ch.Old, New: ch.New, Pass: ch.Pass(),
			Rule:    jsonRule{ID: ch.Rule, Category: ch.Pass()},
			Message: ch.Message, Confidence: ch.Confidence, Applied: applied,
			Replacements: []jsonReplace{{Value: ch.New}},
		}
		for _, a := range ch.Alternatives {
			e.Replacements = append(e.Replacements, jsonReplace{Value: a})
		}
		if err := enc.Encode(e); err != nil {
			c.fail("%v", err)
		}
	}
	changes, suggestions := r.report.Changes, r.report.Suggestions
	for len(changes) > 0 || len(suggestions) > 0 {
		if len(suggestions) == 0 || (len(changes) > 0 && changes[0].Offset <= suggestions[0].Offset) {
			emit(changes[0], true)
			changes = changes[1:]
		} else {
			emit(suggestions[0], false)
			suggestions = suggestions[1:]
		}
	}
}

// writeAtomic replaces the file name with data: it writes a temporary file in
// the same folder, syncs it, gives it the original's mode and renames it over
// the original, so the file is always either the old or the new text.
func writeAtomic(name string, data []byte) error {
	st, err := os.Stat(name)
	if err != nil {
		return err
	}
	dir, base := splitPath(name)
	tmp, err := os.CreateTemp(dir, "."+base+".copyedit-*")
	if err != nil {
		return fmt.Errorf("%s: %w; the file was left as it was", name, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("%s: writing: %w; the file was left as it was", name, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("%s: %w; the file was left as it was", name, err)
	}
	if err := tmp.Chmod(st.Mode() & fs.ModePerm); err != nil {
		return fmt.Errorf("%s: %w; the file was left as it was", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w; the file was left as it was", name, err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("%s: %w; the file was left as it was", name, err)
	}
	done = true
	return nil
}

func splitPath(name string) (dir, base string) {
	i := len(name) - 1
	for i >= 0 && !os.IsPathSeparator(name[i]) {
		i--
	}
	if i < 0 {
		return ".", name
	}
	return name[:i+1], name[i+1:]
}

// checkText returns an error when data looks binary (a NUL byte) or is not
// valid UTF-8, naming where the first bad byte is.
func checkText(data []byte) error {
	i, nul := firstBad(data)
	if i < 0 {
		return nil
	}
	line := 1 + bytes.Count(data[:i], []byte{'\n'})
	col := i - bytes.LastIndexByte(data[:i], '\n')
	return badByte(data[i], nul, i, line, col)
}

func badByte(b byte, nul bool, offset, line, col int) error {
	if nul {
		return fmt.Errorf("looks binary: NUL byte at offset %d (line %d, column %d)", offset, line, col)
	}
	return fmt.Errorf("not valid UTF-8: byte 0x%02x at offset %d (line %d, column %d)", b, offset, line, col)
}

// firstBad returns the offset of the first NUL byte or invalid UTF-8
// sequence in data, or -1, and whether it is a NUL.
func firstBad(data []byte) (int, bool) {
	nul := bytes.IndexByte(data, 0)
	valid := data
	if nul >= 0 {
		valid = data[:nul]
	}
	if !utf8.Valid(valid) {
		for i := 0; i < len(valid); {
			r, size := utf8.DecodeRune(valid[i:])
			if r == utf8.RuneError && size <= 1 {
				return i, false
			}
			i += size
		}
	}
	return nul, nul >= 0
}

// checkedReader passes a stream through, failing on the first NUL byte or
// invalid UTF-8 sequence with its place in the stream. A rune cut by the end
// of one read is held back until the next.
type checkedReader struct {
	r         io.Reader
	offset    int    // bytes passed on so far
	line      int    // newlines passed on so far
	lineStart int    // offset where the current line starts
	pending   []byte // an incomplete rune held back
	err       error
}

func (cr *checkedReader) Read(p []byte) (int, error) {
	if cr.err != nil {
		return 0, cr.err
	}
	if len(p) <= utf8.UTFMax {
		return 0, io.ErrShortBuffer
	}
	n := copy(p, cr.pending)
	cr.pending = cr.pending[:0]
	m, err := cr.r.Read(p[n:])
	n += m
	keep := 0 // bytes of a rune cut at the end, held back unless the stream ended
	if err == nil {
		for k := 1; k <= utf8.UTFMax && k <= n; k++ {
			if utf8.RuneStart(p[n-k]) {
				if !utf8.FullRune(p[n-k : n]) {
					keep = k
				}
				break
			}
		}
	}
	data := p[:n-keep]
	if i, nul := firstBad(data); i >= 0 {
		line := cr.line + 1 + bytes.Count(data[:i], []byte{'\n'})
		col := cr.offset + i - cr.lineStart + 1
		if j := bytes.LastIndexByte(data[:i], '\n'); j >= 0 {
			col = i - j
		}
		cr.err = badByte(data[i], nul, cr.offset+i, line, col)
		return 0, cr.err
	}
	if j := bytes.LastIndexByte(data, '\n'); j >= 0 {
		cr.line += bytes.Count(data, []byte{'\n'})
		cr.lineStart = cr.offset + j + 1
	}
	cr.pending = append(cr.pending, p[n-keep:n]...)
	cr.offset += len(data)
	return len(data), err
}
