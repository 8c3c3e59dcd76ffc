package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"

	"github.com/aymanbagabas/go-udiff"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/markup"
)

// stdinName names standard input in messages and reports.
const stdinName = "<stdin>"

// errInterrupted is the result of a file left alone because of an interrupt.
var errInterrupted = errors.New("interrupted")

// cleaner runs the pipeline over the inputs and prints what the flags ask.
type cleaner struct {
	o           options
	format      markup.Format                   // from -format; Auto detects each input's
	pipelines   [markup.Auto]*copyedit.Pipeline // by format
	stdout      *outWriter
	stderr      io.Writer
	progress    bool // standard error is a terminal: show progress bars
	color       bool // standard output is a terminal that takes colours: -d shows a word diff
	failed      bool // an input was refused or an I/O error happened
	changed     bool // some input would change
	interrupted int  // files left alone because of an interrupt
}

// newCleaner returns a cleaner that runs p's passes on inputs of the format
// f, or of each input's own format when f is markup.Auto.
func newCleaner(p *copyedit.Pipeline, o options, f markup.Format, stdout *outWriter, stderr io.Writer) *cleaner {
	c := &cleaner{o: o, format: f, stdout: stdout, stderr: stderr}
	for _, f := range []markup.Format{markup.Text, markup.HTML, markup.Markdown} {
		c.pipelines[f] = markup.NewPipeline(p.Base(), f)
	}
	return c
}

// headSize is how much of an input format detection reads.
const headSize = 1024

// pipeline returns the pipeline for the input name (stdinName for standard
// input), detecting its format from its name and first bytes when -format
// is auto. It returns br, which reads the whole input still.
func (c *cleaner) pipeline(name string, r io.Reader) (*copyedit.Pipeline, io.Reader) {
	f := c.format
	if f != markup.Auto {
		return c.pipelines[f], r
	}
	br := bufio.NewReaderSize(r, headSize)
	head, _ := br.Peek(headSize) // a read error comes back from br later
	if name == stdinName {
		name = ""
	}
	return c.pipelines[markup.Detect(name, head)], br
}

// plain reports whether the cleaned text itself goes to standard output.
func (c *cleaner) plain() bool {
	return !c.o.write && !c.o.diff && !c.o.list && !c.o.json && !c.o.check
}

// fail prints a message and marks the run as failed. Standard output is
// flushed first so that the message comes after the output of the inputs
// before the one it is about.
func (c *cleaner) fail(format string, args ...any) {
	c.stdout.Flush()
	fmt.Fprintf(c.stderr, "cleanup: "+format+"\n", args...)
	c.failed = true
}

// result is one input cleaned, with as much as the flags need to print it.
type result struct {
	name    string
	in, out string // whole texts: out for plain output, both for -d
	// changes and suggestions are the report, kept for -json and -d.
	changes, suggestions []copyedit.Change
	changed              bool // the cleaned text differs from the input
	err                  error
	notStarted           bool // the file was never opened
}

// collector gathers the report of a stream.
type collector struct {
	keep                 bool // keep the changes and suggestions, not only whether there are any
	changed              bool
	changes, suggestions []copyedit.Change
}

func (k *collector) add(ch copyedit.Change, suggestion bool) {
	if !suggestion {
		k.changed = true
	}
	switch {
	case !k.keep:
	case suggestion:
		k.suggestions = append(k.suggestions, ch)
	default:
		k.changes = append(k.changes, ch)
	}
}

// stdin cleans standard input. Everything but -d streams, so memory stays
// flat however much comes in; -d needs both whole texts for the diff.
func (c *cleaner) stdin(r io.Reader) {
	p, in := c.pipeline(stdinName, newCheckedReader(r))
	if c.o.diff {
		res := c.cleanWhole(p, stdinName, in)
		res.err = c.describe(stdinName, res.err)
		c.print(res)
		return
	}
	var out io.Writer = io.Discard
	if c.plain() {
		out = c.stdout
	}
	col := &collector{keep: c.o.json}
	flush := func() {
		// The report of a chunk comes before its text is written: print
		// it then, in input order, and forget it.
		c.printJSON(stdinName, col.changes, col.suggestions)
		col.changes, col.suggestions = col.changes[:0], col.suggestions[:0]
	}
	if c.o.json {
		out = flushBefore{out, flush}
	}
	err := p.Stream(out, in, col.add)
	flush()
	if err != nil {
		if err = c.describe(stdinName, err); err != nil {
			c.fail("%v", err)
		}
		return
	}
	c.changed = col.changed
	if c.o.list && col.changed {
		fmt.Fprintln(c.stdout, stdinName)
	}
}

// flushBefore calls flush before every write to w.
type flushBefore struct {
	w     io.Writer
	flush func()
}

func (f flushBefore) Write(p []byte) (int, error) {
	f.flush()
	return f.w.Write(p)
}

// files cleans the files with up to workers at a time and prints the results
// in the order of the arguments. A worker's slot is given back only once its
// result is printed, so at most workers results wait in memory however slow
// one file is. After an interrupt no new file is started.
func (c *cleaner) files(ctx context.Context, names []string, workers int) {
	if len(names) == 1 && c.plain() {
		c.streamFile(names[0])
		return
	}
	results := make([]chan result, len(names))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	slots := make(chan struct{}, max(workers, 1))
	go func() {
		for i, name := range names {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
			}
			if ctx.Err() != nil {
				for j := i; j < len(names); j++ {
					results[j] <- result{name: names[j], err: errInterrupted, notStarted: true}
				}
				return
			}
			go func() { results[i] <- c.cleanFile(ctx, name) }()
		}
	}()
	bar := newFilesBar(c.stderr, c.progress, len(names))
	for _, ch := range results {
		r := <-ch
		c.print(r)
		if bar != nil {
			bar.Add(1)
		}
		if !r.notStarted {
			<-slots
		}
	}
	if c.interrupted > 0 {
		c.fail("interrupted: %d of %d files were left as they were; the others are done", c.interrupted, len(names))
	}
}

// streamFile cleans one file to standard output, a chunk at a time. A file,
// unlike a stream, can be checked before anything is printed: a file refused
// prints nothing.
func (c *cleaner) streamFile(name string) {
	f, info, err := openInput(name, name)
	if err != nil {
		c.fail("%v", err)
		return
	}
	defer f.Close()
	if info.Mode().IsRegular() {
		if _, err := io.Copy(io.Discard, newCheckedReader(f)); err != nil {
			c.fail("%v", c.describe(name, err))
			return
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			c.fail("%v", fileError(name, err))
			return
		}
	}
	src, done := withBytesBar(f, c.stderr, c.progress, info.Size(), name)
	defer done()
	p, in := c.pipeline(name, newCheckedReader(src))
	if err := p.Stream(c.stdout, in, nil); err != nil {
		if err = c.describe(name, err); err != nil {
			c.fail("%v", err)
		}
	}
}

// errIsDir refuses a directory given as a file.
var errIsDir = errors.New("is a directory")

// openInput opens the file at path to clean, refusing directories; its
// errors are worded for the file name.
func openInput(name, path string) (*os.File, fs.FileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fileError(name, err)
	}
	info, err := f.Stat()
	if err == nil && info.IsDir() {
		err = errIsDir
	}
	if err != nil {
		f.Close()
		return nil, nil, fileError(name, err)
	}
	return f, info, nil
}

// cleanFile cleans one file as the flags ask and, with -w, rewrites it. It
// holds the whole texts only when they are printed (plain output of many
// files, -d); otherwise the file streams through, into its new version with
// -w.
func (c *cleaner) cleanFile(ctx context.Context, name string) result {
	if ctx.Err() != nil {
		return result{name: name, err: errInterrupted}
	}
	path, info := name, fs.FileInfo(nil)
	if c.o.write {
		var err error
		if path, info, err = rewriteTarget(name); err != nil {
			return result{name: name, err: err}
		}
	}
	f, _, err := openInput(name, path)
	if err != nil {
		return result{name: name, err: err}
	}
	defer f.Close()
	p, in := c.pipeline(name, newCheckedReader(ctxReader{ctx, f}))
	if c.o.diff || c.plain() {
		r := c.cleanWhole(p, name, in)
		r.err = c.describe(name, r.err)
		if r.err == nil && c.o.write && r.changed {
			r.err = writeAtomic(name, path, info, r.out)
		}
		if !c.o.diff {
			r.in = "" // not needed to print the result
		}
		return r
	}
	var sink io.Writer = io.Discard
	var pf *pendingFile
	if c.o.write {
		if pf, err = createPending(name, path, info); err != nil {
			return result{name: name, err: err}
		}
		defer pf.discard()
		sink = pf
	}
	col := &collector{keep: c.o.json}
	if err := p.Stream(sink, in, col.add); err != nil {
		if pf != nil && pf.werr != nil {
			err = pf.werr
		} else {
			err = c.describe(name, err)
		}
		return result{name: name, err: err}
	}
	r := result{name: name, changes: col.changes, suggestions: col.suggestions, changed: col.changed}
	if pf != nil && r.changed {
		r.err = pf.commit()
	}
	return r
}

// cleanWhole reads all of r and cleans it with p.
func (c *cleaner) cleanWhole(p *copyedit.Pipeline, name string, r io.Reader) result {
	data, err := io.ReadAll(r)
	if err != nil {
		return result{name: name, err: err}
	}
	in := string(data)
	out, rep := p.CleanString(in)
	return result{
		name: name, in: in, out: out,
		changes: rep.Changes, suggestions: rep.Suggestions, changed: len(rep.Changes) > 0,
	}
}

// describe words an error met while cleaning the input name: nil for an
// error writing standard output (reported once, at the end), errInterrupted
// for an interrupt.
func (c *cleaner) describe(name string, err error) error {
	var bad *badByteError
	switch {
	case err == nil:
		return nil
	case c.stdout.Err() != nil && errors.Is(err, c.stdout.Err()):
		return nil
	case errors.Is(err, context.Canceled):
		return errInterrupted
	case errors.As(err, &bad) && name != stdinName:
		return fmt.Errorf("%s: %v; left as it was", name, bad)
	}
	return fileError(name, err)
}

// print prints one result as the flags ask.
func (c *cleaner) print(r result) {
	if r.err != nil {
		if errors.Is(r.err, errInterrupted) {
			c.interrupted++
			c.failed = true
			return
		}
		c.fail("%v", r.err)
		return
	}
	c.changed = c.changed || r.changed
	if c.plain() {
		io.WriteString(c.stdout, r.out)
	}
	if c.o.list && r.changed {
		fmt.Fprintln(c.stdout, r.name)
	}
	if c.o.diff && r.changed {
		if c.color {
			wordDiff(c.stdout, r.name, r.in, r.changes)
		} else {
			io.WriteString(c.stdout, unifiedDiff(r))
		}
	}
	if c.o.json {
		c.printJSON(r.name, r.changes, r.suggestions)
	}
}

// unifiedDiff returns the diff between r.in and r.out, built from the
// report's own changes, labelled with the file name for patch -p0.
func unifiedDiff(r result) string {
	edits := make([]udiff.Edit, len(r.changes))
	for i, ch := range r.changes {
		edits[i] = udiff.Edit{Start: ch.Offset, End: ch.Offset + ch.Len, New: ch.New}
	}
	label := diffLabel(r.name)
	d, err := udiff.ToUnified(label, label, r.in, edits, udiff.DefaultContextLines)
	if err != nil {
		// The report always fits its input; fall back to a diff of the texts.
		return udiff.Unified(label, label, r.in, r.out)
	}
	return d
}

// diffLabel returns name as a diff header gives it to patch: as it is, or,
// when it has a space, a quote, a backslash or a control character, quoted
// as GNU diff and patch do ("my file.txt").
func diffLabel(name string) string {
	if !strings.ContainsFunc(name, func(r rune) bool { return r <= ' ' || r == '"' || r == '\\' || r == 0x7f }) {
		return name
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < ' ' || c == 0x7f:
			fmt.Fprintf(&b, `\%03o`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// jsonEdit is one line of the -json report; report.schema.json describes it.
type jsonEdit struct {
	File         string   `json:"file"`
	Offset       int      `json:"offset"`
	Length       int      `json:"length"`
	Line         int      `json:"line"`
	Column       int      `json:"column"`
	Old          string   `json:"old"`
	New          string   `json:"new"`
	Pass         string   `json:"pass"`
	Rule         string   `json:"rule"`
	Message      string   `json:"message,omitempty"`
	Replacements []string `json:"replacements"`
	Confidence   float64  `json:"confidence"`
	Applied      bool     `json:"applied"`
}

// printJSON prints the changes and suggestions of the input name, one JSON
// object a line, in input order.
func (c *cleaner) printJSON(name string, changes, suggestions []copyedit.Change) {
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	emit := func(ch copyedit.Change, applied bool) {
		e := jsonEdit{
			File: name, Offset: ch.Offset, Length: ch.Len, Line: ch.Line, Column: ch.Col,
			Old: ch.Old, New: ch.New, Pass: ch.Pass(), Rule: ch.Rule,
			Message: ch.Message, Confidence: ch.Confidence, Applied: applied,
			Replacements: append([]string{ch.New}, ch.Alternatives...),
		}
		enc.Encode(e) // a write error is kept by c.stdout and reported at the end
	}
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

// outWriter buffers standard output and keeps its first error, so that a
// closed or full output is reported once rather than after every write. The
// main goroutine writes; workers may read the error, hence the lock.
type outWriter struct {
	mu  sync.Mutex
	w   *bufio.Writer
	err error
}

func newOutWriter(w io.Writer) *outWriter {
	return &outWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

func (o *outWriter) Write(p []byte) (int, error) {
	return o.locked(func() (int, error) { return o.w.Write(p) })
}

// WriteString is Write for a string, which it does not copy to a byte slice
// first: the pipeline writes each cleaned chunk as a string.
func (o *outWriter) WriteString(s string) (int, error) {
	return o.locked(func() (int, error) { return o.w.WriteString(s) })
}

// locked runs write under the lock unless an earlier write failed, and
// keeps its error.
func (o *outWriter) locked(write func() (int, error)) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err != nil {
		return 0, o.err
	}
	n, err := write()
	if err != nil {
		o.err = err
	}
	return n, err
}

// Flush writes out what is buffered and returns the first error.
func (o *outWriter) Flush() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err == nil {
		o.err = o.w.Flush()
	}
	return o.err
}

// Err returns the first error writing standard output, if any.
func (o *outWriter) Err() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.err
}
