package normalize

import (
	"bytes"
	"fmt"
	"io"
	"sort"
)

// DefaultThreshold is the confidence an edit needs to be made rather than
// suggested, unless WithThreshold says otherwise.
const DefaultThreshold = 0.5

// Pipeline runs passes in order over a text, each on the previous one's
// output, and reports every edit against the original input. A Pipeline is
// immutable and safe for concurrent use by any number of goroutines.
type Pipeline struct {
	passes    []Pass
	threshold float64
	chunkSize int
}

// A PipelineOption configures a Pipeline.
type PipelineOption func(*Pipeline) error

// WithThreshold sets the confidence, in (0, 1], an edit needs to be made;
// edits below it are reported as suggestions and the text is left alone.
func WithThreshold(t float64) PipelineOption {
	return func(p *Pipeline) error {
		if !(t > 0 && t <= 1) {
			return fmt.Errorf("normalize: threshold %v is not in (0, 1]", t)
		}
		p.threshold = t
		return nil
	}
}

// WithChunkSize sets the size, in bytes, from which the pipeline cuts its
// input into chunks at paragraph breaks (default 64 KiB). Larger chunks give
// document-level evidence more text to see; memory grows with the chunk.
func WithChunkSize(n int) PipelineOption {
	return func(p *Pipeline) error {
		if n < 1 {
			return fmt.Errorf("normalize: chunk size %d is not positive", n)
		}
		p.chunkSize = n
		return nil
	}
}

// NewPipeline returns a pipeline of the passes, run in the order given.
func NewPipeline(passes []Pass, opts ...PipelineOption) (*Pipeline, error) {
	p := &Pipeline{passes: append([]Pass(nil), passes...), threshold: DefaultThreshold, chunkSize: 64 << 10}
	for i, pass := range p.passes {
		if pass == nil {
			return nil, fmt.Errorf("normalize: pass %d is nil", i)
		}
	}
	for _, o := range opts {
		if err := o(p); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// Passes returns the pipeline's passes, in order.
func (p *Pipeline) Passes() []Pass { return append([]Pass(nil), p.passes...) }

// Threshold returns the confidence an edit needs to be made.
func (p *Pipeline) Threshold() float64 { return p.threshold }

// Fix returns s cleaned.
func (p *Pipeline) Fix(s string) string {
	out, _ := p.CleanString(s)
	return out
}

// CleanString returns s cleaned and the report of what changed.
func (p *Pipeline) CleanString(s string) (string, *Report) {
	var out bytes.Buffer
	out.Grow(len(s) + len(s)/64)
	rep := &Report{}
	// Writing to a bytes.Buffer cannot fail, nor can reading a string.
	_ = p.stream(&out, nil, []byte(s), func(c Change, suggestion bool) {
		if suggestion {
			rep.Suggestions = append(rep.Suggestions, c)
		} else {
			rep.Changes = append(rep.Changes, c)
		}
	})
	return out.String(), rep
}

// Clean returns input cleaned and the report of what changed.
func (p *Pipeline) Clean(input []byte) ([]byte, *Report) {
	out, rep := p.CleanString(string(input))
	return []byte(out), rep
}

// FixReader copies r to w cleaned, a chunk at a time, so memory stays flat
// however long the input is.
func (p *Pipeline) FixReader(w io.Writer, r io.Reader) error {
	return p.Stream(w, r, nil)
}

// Stream copies r to w cleaned, a chunk at a time, and calls report, when it
// is not nil, for every change made and every suggestion, in input order
// within each chunk. It returns the first read or write error.
func (p *Pipeline) Stream(w io.Writer, r io.Reader, report func(c Change, suggestion bool)) error {
	return p.stream(w, r, nil, report)
}

// stream cleans src, or r when src is nil.
func (p *Pipeline) stream(w io.Writer, r io.Reader, src []byte, report func(Change, bool)) error {
	st := NewState()
	ch := chunker{r: r, buf: src, eof: r == nil, size: p.chunkSize}
	lines := newLineCounter()
	sugLines := newLineCounter()
	base := 0
	for {
		raw, continued, err := ch.next()
		if len(raw) > 0 {
			chunk := string(raw)
			out, changes, suggestions := p.run(chunk, st, continued)
			if report != nil {
				for _, c := range changes {
					c.Offset += base
					c.Line, c.Col = lines.locate(chunk, base, c.Offset)
					report(c, false)
				}
				for _, c := range suggestions {
					c.Offset += base
					c.Line, c.Col = sugLines.locate(chunk, base, c.Offset)
					report(c, true)
				}
				lines.locate(chunk, base, base+len(chunk))
				sugLines.locate(chunk, base, base+len(chunk))
			}
			if _, werr := io.WriteString(w, out); werr != nil {
				return werr
			}
			base += len(chunk)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// run cleans one chunk and returns its output, changes and suggestions, with
// offsets relative to the chunk.
func (p *Pipeline) run(chunk string, st *State, continued bool) (string, []Change, []Change) {
	t := tracker{orig: chunk, cur: chunk}
	for _, pass := range p.passes {
		d := &Doc{Text: t.cur, Continued: continued, state: st}
		edits := Valid(t.cur, pass.Edits(d))
		do := edits
		for i, e := range edits {
			if e.Sure() < p.threshold {
				do = append(edits[:i:i], keep(edits[i:], p.threshold, true)...)
				t.suggest(keep(edits[i:], p.threshold, false))
				break
			}
		}
		t.apply(do)
	}
	changes := make([]Change, len(t.spans))
	for i, sp := range t.spans {
		changes[i] = Change{
			Position: Position{Offset: sp.os, Len: sp.oe - sp.os},
			Old:      chunk[sp.os:sp.oe], New: t.cur[sp.cs:sp.ce],
			Rule: sp.rule, Confidence: sp.conf, Alternatives: sp.alts, Message: sp.msg,
		}
	}
	var suggestions []Change
	for i, sp := range t.suggested {
		suggestions = append(suggestions, Change{
			Position: Position{Offset: sp.os, Len: sp.oe - sp.os},
			Old:      chunk[sp.os:sp.oe], New: t.sugNew[i],
			Rule: sp.rule, Confidence: sp.conf, Alternatives: sp.alts, Message: sp.msg,
		})
	}
	sort.SliceStable(suggestions, func(i, j int) bool { return suggestions[i].Offset < suggestions[j].Offset })
	return t.cur, changes, suggestions
}

// keep returns the edits whose confidence is at least threshold (sure) or
// below it (!sure).
func keep(edits []Edit, threshold float64, sure bool) []Edit {
	var out []Edit
	for _, e := range edits {
		if (e.Sure() >= threshold) == sure {
			out = append(out, e)
		}
	}
	return out
}

// chunker cuts a text into chunks that end where a paragraph break begins,
// so that no chunk splits a paragraph, and a paragraph too long for memory is
// cut after a sentence or at white space.
type chunker struct {
	r    io.Reader
	buf  []byte
	eof  bool
	err  error
	size int
	// continued is set when the last chunk was cut inside a paragraph.
	continued bool
}

// maxChunkFactor bounds a chunk to this many times the chunk size when no
// paragraph break comes.
const maxChunkFactor = 16

// next returns the next chunk, whether it continues the previous chunk's
// paragraph, and io.EOF with the last chunk.
func (c *chunker) next() ([]byte, bool, error) {
	for {
		if cut := paragraphCut(c.buf, c.size); cut > 0 {
			return c.take(cut), c.wasContinued(false), nil
		}
		if len(c.buf) > c.size*maxChunkFactor {
			cut := forcedCut(c.buf[:c.size*maxChunkFactor])
			return c.take(cut), c.wasContinued(true), nil
		}
		if c.eof {
			chunk := c.take(len(c.buf))
			cont := c.wasContinued(false)
			if c.err != nil {
				return chunk, cont, c.err
			}
			return chunk, cont, io.EOF
		}
		c.fill()
	}
}

// wasContinued returns whether the chunk being returned continues a paragraph
// and records whether the next one will.
func (c *chunker) wasContinued(next bool) bool {
	prev := c.continued
	c.continued = next
	return prev
}

func (c *chunker) take(n int) []byte {
	chunk := c.buf[:n:n]
	c.buf = c.buf[n:]
	return chunk
}

func (c *chunker) fill() {
	want := c.size
	if want < 4096 {
		want = 4096
	}
	buf := make([]byte, len(c.buf), len(c.buf)+want)
	copy(buf, c.buf)
	n, err := io.ReadAtLeast(c.r, buf[len(buf):cap(buf)], 1)
	c.buf = buf[:len(buf)+n]
	if err != nil {
		c.eof = true
		if err != io.EOF && err != io.ErrUnexpectedEOF {
			c.err = err
		}
	}
}

// paragraphCut returns where to end a chunk of buf: the start of the
// first paragraph break at or after size bytes, or 0 when there is none yet. A
// paragraph break is a line end, blank lines and a line end; the cut goes
// before it, so the next chunk starts with the break.
func paragraphCut(buf []byte, size int) int {
	if len(buf) < size {
		return 0
	}
	for i := size; i < len(buf); {
		j := bytes.IndexAny(buf[i:], "\n\r")
		if j < 0 {
			return 0
		}
		at := i + j
		if at > 0 && buf[at] == '\n' && buf[at-1] == '\r' {
			at-- // never split "\r\n"
		}
		k := skipLineEnd(buf, at)
		for k < len(buf) && (buf[k] == ' ' || buf[k] == '\t') {
			k++
		}
		if k < len(buf) && (buf[k] == '\n' || buf[k] == '\r') {
			if end := skipLineEnd(buf, k); end < len(buf) || buf[k] == '\n' {
				return at
			}
		}
		i = skipLineEnd(buf, at)
	}
	return 0
}

// skipLineEnd returns the offset after the line end at buf[i].
func skipLineEnd(buf []byte, i int) int {
	if buf[i] == '\r' && i+1 < len(buf) && buf[i+1] == '\n' {
		return i + 2
	}
	return i + 1
}

// forcedCut returns where to cut a paragraph that is too long: after the
// last sentence end followed by a space, else at the last white space, else
// at the last rune boundary.
func forcedCut(buf []byte) int {
	last := -1
	for i := len(buf) - 2; i > 0; i-- {
		if buf[i+1] == ' ' && (buf[i] == '.' || buf[i] == '!' || buf[i] == '?') {
			return i + 1
		}
		if last < 0 && (buf[i] == ' ' || buf[i] == '\t') {
			last = i
		}
	}
	if last > 0 {
		return last
	}
	i := len(buf)
	for i > 1 && buf[i-1]&0xC0 == 0x80 {
		i--
	}
	if i > 1 && buf[i-1] >= 0xC0 {
		i--
	}
	return i
}
