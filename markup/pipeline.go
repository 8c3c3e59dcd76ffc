package markup

import (
	"bytes"
	"io"

	"github.com/copyedit/copyedit/normalize"
	"golang.org/x/text/transform"
)

// Pipeline is a normalize.Pipeline that reads documents in one format: its
// methods are those of normalize.Pipeline, run through Clean. It is
// immutable and safe for concurrent use.
type Pipeline struct {
	p *normalize.Pipeline
	f Format
}

// NewPipeline returns p reading documents in format f. With Text every call
// goes straight to p.
func NewPipeline(p *normalize.Pipeline, f Format) *Pipeline {
	return &Pipeline{p: p, f: f}
}

// Format returns the format the pipeline reads.
func (p *Pipeline) Format() Format { return p.f }

// Base returns the plain-text pipeline that p runs over the prose.
func (p *Pipeline) Base() *normalize.Pipeline { return p.p }

// Passes returns the pipeline's passes, in order.
func (p *Pipeline) Passes() []normalize.Pass { return p.p.Passes() }

// Threshold returns the confidence an edit needs to be made.
func (p *Pipeline) Threshold() float64 { return p.p.Threshold() }

// Fix returns s cleaned.
func (p *Pipeline) Fix(s string) string {
	if p.f == Text {
		return p.p.Fix(s)
	}
	out, _ := Clean(p.p, s, p.f)
	return out
}

// CleanString returns s cleaned and the report of what changed.
func (p *Pipeline) CleanString(s string) (string, *normalize.Report) {
	return Clean(p.p, s, p.f)
}

// Clean returns input cleaned and the report of what changed.
func (p *Pipeline) Clean(input []byte) ([]byte, *normalize.Report) {
	out, rep := Clean(p.p, string(input), p.f)
	return []byte(out), rep
}

// FixReader copies r to w cleaned.
func (p *Pipeline) FixReader(w io.Writer, r io.Reader) error {
	return p.Stream(w, r, nil)
}

// Stream copies r to w cleaned and calls report, when it is not nil, for
// every change made and every suggestion, in input order. Plain text streams
// a chunk at a time; a marked-up document is read whole first, as its markup
// must be parsed as one. With Auto the format is detected from the first
// kilobyte.
func (p *Pipeline) Stream(w io.Writer, r io.Reader, report func(c normalize.Change, suggestion bool)) error {
	f := p.f
	if f == Auto {
		// Detect the format from the first bytes; plain text still streams.
		head := make([]byte, detectBytes)
		n, err := io.ReadFull(r, head)
		head = head[:n]
		f = Detect("", head)
		switch {
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			r = bytes.NewReader(head)
		case err != nil:
			r = io.MultiReader(bytes.NewReader(head), errReader{err})
		default:
			r = io.MultiReader(bytes.NewReader(head), r)
		}
	}
	if f == Text {
		return p.p.Stream(w, r, report)
	}
	in, rerr := io.ReadAll(r)
	out, rep := Clean(p.p, string(in), f)
	if report != nil {
		i, j := 0, 0
		for i < len(rep.Changes) || j < len(rep.Suggestions) {
			if j == len(rep.Suggestions) || i < len(rep.Changes) && rep.Changes[i].Offset <= rep.Suggestions[j].Offset {
				report(rep.Changes[i], false)
				i++
			} else {
				report(rep.Suggestions[j], true)
				j++
			}
		}
	}
	if _, err := io.WriteString(w, out); err != nil {
		return err
	}
	return rerr
}

// errReader returns its error.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// Transformer returns p as a golang.org/x/text/transform.Transformer. For
// Text it is the normalize pipeline's, which works a chunk at a time; for a
// marked-up format it takes the whole document in and writes it out cleaned
// at the end. Each Transformer cleans one document at a time (call Reset
// between documents) and is not safe for concurrent use; p is.
func (p *Pipeline) Transformer() transform.Transformer {
	if p.f == Text {
		return p.p.Transformer()
	}
	return &transformer{p: p}
}

type transformer struct {
	p       *Pipeline
	in, out []byte // input not yet cleaned, output not yet written
}

// Reset starts a new document.
func (t *transformer) Reset() {
	t.in, t.out = t.in[:0], t.out[:0]
}

// Transform takes all of src into its buffer and, at EOF, cleans the
// document and writes what fits in dst.
func (t *transformer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	nDst = copy(dst, t.out)
	t.out = t.out[nDst:]
	if len(t.out) > 0 {
		return nDst, 0, transform.ErrShortDst
	}
	t.in = append(t.in, src...)
	nSrc = len(src)
	if !atEOF || len(t.in) == 0 {
		return nDst, nSrc, nil
	}
	out, _ := Clean(t.p.p, string(t.in), t.p.f)
	t.in = t.in[:0]
	t.out = append(t.out[:0], out...)
	m := copy(dst[nDst:], t.out)
	nDst += m
	t.out = t.out[m:]
	if len(t.out) > 0 {
		return nDst, nSrc, transform.ErrShortDst
	}
	return nDst, nSrc, nil
}
