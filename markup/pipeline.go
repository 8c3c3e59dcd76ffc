package markup

import (
	"io"

	"github.com/copyedit/copyedit/normalize"
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
// must be parsed as one.
func (p *Pipeline) Stream(w io.Writer, r io.Reader, report func(c normalize.Change, suggestion bool)) error {
	if p.f == Text {
		return p.p.Stream(w, r, report)
	}
	in, rerr := io.ReadAll(r)
	out, rep := Clean(p.p, string(in), p.f)
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
