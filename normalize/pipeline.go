package normalize

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unsafe"
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
	disabled  map[string]bool // rule IDs whose edits are dropped
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
// input into chunks at paragraph breaks (default 64 KiB; a chunk ends at
// one of the next breaks that its text picks, within four times the size, so
// that the output is cut at the same breaks). Larger chunks give
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

// WithoutRules drops every edit of the named rules ("spacing/double-space"),
// whichever pass makes it.
func WithoutRules(ids ...string) PipelineOption {
	return func(p *Pipeline) error {
		if p.disabled == nil {
			p.disabled = map[string]bool{}
		}
		for _, id := range ids {
			if !strings.Contains(id, "/") {
				return fmt.Errorf("normalize: rule ID %q is not of the form pass/rule", id)
			}
			p.disabled[id] = true
		}
		return nil
	}
}

// edits returns the valid edits of pass on d, without those of disabled rules.
func (p *Pipeline) edits(pass Pass, d *Doc) []Edit {
	edits := Valid(d.Text, pass.Edits(d))
	if len(p.disabled) == 0 {
		return edits
	}
	kept := edits[:0]
	for _, e := range edits {
		if !p.disabled[e.Rule] {
			kept = append(kept, e)
		}
	}
	return kept
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
	se := p.newSession(nil)
	defer se.release()
	var out strings.Builder
	out.Grow(len(s) + len(s)/64)
	for len(s) > 0 {
		n, forced := nextCut(s, p.chunkSize, true)
		out.WriteString(se.clean(s[:n], forced))
		s = s[n:]
	}
	return out.String()
}

// CleanString returns s cleaned and the report of what changed.
func (p *Pipeline) CleanString(s string) (string, *Report) {
	rep := &Report{}
	se := p.newSession(func(c Change, suggestion bool) {
		if suggestion {
			rep.Suggestions = append(rep.Suggestions, c)
		} else {
			rep.Changes = append(rep.Changes, c)
		}
	})
	defer se.release()
	var out strings.Builder
	for len(s) > 0 {
		n, forced := nextCut(s, p.chunkSize, true)
		out.WriteString(se.clean(s[:n], forced))
		s = s[n:]
	}
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
	se := p.newSession(report)
	defer se.release()
	buf := make([]byte, 0, max(p.chunkSize, 4096)*2)
	eof := false
	var rerr error
	for {
		if n, forced := nextCut(bytesView(buf), p.chunkSize, eof); n > 0 {
			if _, err := io.WriteString(w, se.clean(string(buf[:n]), forced)); err != nil {
				return err
			}
			buf = append(buf[:0], buf[n:]...)
			continue
		}
		if eof {
			return rerr
		}
		if len(buf) == cap(buf) {
			buf = append(buf, make([]byte, cap(buf))...)[:len(buf)]
		}
		m, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err != nil {
			eof = true
			if err != io.EOF {
				rerr = err
			}
		}
	}
}

// session cleans one document, a chunk at a time, keeping what carries from
// chunk to chunk: the document's State, whether a paragraph was cut, and the
// place of each chunk in the input for the report.
type session struct {
	p               *Pipeline
	st              *State
	continued       bool // the next chunk continues a paragraph
	base            int  // offset of the next chunk in the input
	lines, sugLines lineCounter
	report          func(Change, bool)
	tokens, spare   []Token // token memory, reused from chunk to chunk
	pending         pendingTokens
}

func (p *Pipeline) newSession(report func(Change, bool)) *session {
	se := &session{p: p, st: NewState(), lines: newLineCounter(), sugLines: newLineCounter(), report: report}
	if m, ok := tokenPool.Get().(*tokenMemory); ok {
		se.tokens, se.spare = m.tokens[:0], m.spare[:0]
	}
	return se
}

// tokenMemory is the token memory of a finished session, kept for the
// next: a pipeline that cleans many small documents, one after another or
// on many goroutines, would otherwise grow two token arrays for each.
type tokenMemory struct{ tokens, spare []Token }

var tokenPool sync.Pool

// maxPooledTokens bounds the token memory kept for the next session: one
// that grew it for an unusually long chunk leaves it to the collector.
const maxPooledTokens = 1 << 16

// release gives the session's token memory to the next session. The
// session's Docs and their tokens must not be used after.
func (se *session) release() {
	if cap(se.tokens) <= maxPooledTokens && cap(se.spare) <= maxPooledTokens {
		tokenPool.Put(&tokenMemory{tokens: se.tokens, spare: se.spare})
	}
	se.tokens, se.spare, se.pending = nil, nil, pendingTokens{}
}

// clean cleans the next chunk; forced says the chunk was cut inside a
// paragraph, so that the next one continues it.
func (se *session) clean(chunk string, forced bool) string {
	out, changes, suggestions := se.p.run(chunk, se, se.report != nil)
	if se.report != nil {
		base := se.base
		for _, c := range changes {
			c.Offset += base
			c.Line, c.Col = se.lines.locate(chunk, base, c.Offset)
			se.report(c, false)
		}
		for _, c := range suggestions {
			c.Offset += base
			c.Line, c.Col = se.sugLines.locate(chunk, base, c.Offset)
			se.report(c, true)
		}
		se.lines.locate(chunk, base, base+len(chunk))
		se.sugLines.locate(chunk, base, base+len(chunk))
	}
	se.base += len(chunk)
	se.continued = forced
	return out
}

// run cleans one chunk and returns its output and, when report is set, its
// changes and suggestions, with offsets relative to the chunk.
func (p *Pipeline) run(chunk string, se *session, report bool) (string, []Change, []Change) {
	st, continued := se.st, se.continued
	if !report {
		return p.runQuiet(chunk, se), nil, nil
	}
	t := tracker{orig: chunk, cur: chunk}
	d := &Doc{Text: chunk, Continued: continued, Threshold: p.threshold, state: st, tokens: se.tokens}
	for _, pass := range p.passes {
		edits := p.edits(pass, d)
		do := edits
		for i, e := range edits {
			if e.Sure() < p.threshold {
				do = append(edits[:i:i], keep(edits[i:], p.threshold, true)...)
				t.suggest(keep(edits[i:], p.threshold, false))
				break
			}
		}
		t.apply(do)
		if len(do) > 0 {
			d = se.edited(d, t.cur, do)
		}
	}
	se.tokens = d.tokens
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

// runQuiet is run without a report: the edits are made, not tracked.
func (p *Pipeline) runQuiet(chunk string, se *session) string {
	d := &Doc{Text: chunk, Continued: se.continued, Threshold: se.p.threshold, state: se.st, tokens: se.tokens}
	for _, pass := range p.passes {
		edits := p.edits(pass, d)
		for _, e := range edits {
			if e.Sure() < p.threshold {
				edits = keep(edits, p.threshold, true)
				break
			}
		}
		if len(edits) > 0 {
			d = se.edited(d, Apply(d.Text, edits), edits)
		}
	}
	se.tokens = d.tokens
	return d.Text
}

// edited returns the Doc of text, which edits made from d's text. When the
// pass read d's tokens, the new ones are derived from them, reading again
// only around the edits, into the session's spare token memory; otherwise
// they are read whole. Either is done only when a pass asks for them: the
// last passes may not.
func (se *session) edited(d *Doc, text string, edits []Edit) *Doc {
	nd := &Doc{Text: text, Continued: d.Continued, Threshold: d.Threshold, state: d.state, tokens: se.spare}
	if d.ready {
		// The edits are copied into memory the session reuses: they are
		// read later, and the pass's slice is not the pipeline's to keep.
		se.pending = pendingTokens{text: d.Text, toks: d.tokens, edits: append(se.pending.edits[:0], edits...)}
		nd.from = &se.pending
	}
	se.spare = d.tokens
	return nd
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

// maxChunkFactor bounds a chunk to this many times the chunk size when no
// paragraph break comes.
const maxChunkFactor = 16

// nextCut returns where the next chunk of buf ends: before a paragraph
// break at or after size bytes (see paragraphCut), so that no chunk splits
// a paragraph and the next one starts with the break. A paragraph longer
// than maxChunkFactor×size is cut after a sentence or at white space
// (forced). At eof the rest of buf is a chunk. n is 0 when more input is
// needed. A []byte buffer is read through bytesView.
func nextCut(buf string, size int, eof bool) (n int, forced bool) {
	if len(buf) == 0 {
		return 0, false
	}
	if cut := paragraphCut(buf, size); cut > 0 {
		return cut, false
	}
	if limit := size * maxChunkFactor; len(buf) > limit {
		return forcedCut(buf, limit), true
	}
	if eof {
		return len(buf), false
	}
	return 0, false
}

// bytesView returns b as a string without copying it, for reading while b
// does not change.
func bytesView(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// paragraphCut returns the end of a paragraph (its last line's end, before
// the blank lines after it) that ends a chunk of buf, or 0 when there is
// none yet: once the paragraphs have shown size/stableRatio digits and
// punctuation marks, the first paragraph whose fingerprint picks it; or
// else the first that ends at or after cutSpread×size bytes. Digits and
// punctuation are what no pass changes, and a paragraph that repeats the
// one before, which the normalize pass drops, does not count and is never
// cut from it: so cleaning the output again cuts it at the same breaks, and
// each chunk sees the same document evidence. (A cut at a size in bytes
// would move with the text's length.) Paragraphs are read as the
// repeated-paragraph rule reads them (nextParagraph).
func paragraphCut(buf string, size int) int {
	need := max(size/stableRatio, 1)
	limit := cutSpread * size
	stable := 0
	prev := ""
	ps, pe := nextParagraph(buf, 0)
	for ps >= 0 {
		nps, npe := nextParagraph(buf, pe)
		if nps < 0 {
			return 0 // whether the paragraph is whole, more input tells
		}
		p := buf[ps:pe]
		if stable < need {
			if !sameParagraph(p, prev) {
				stable += stableCount(p)
			}
			prev = p
		}
		if pe >= limit || stable >= need && picksCut(p) {
			// Not before a repeat of the paragraph, which must be read
			// with it to be dropped and not counted; the next paragraph
			// must be whole to tell.
			if after, _ := nextParagraph(buf, npe); after < 0 {
				return 0
			}
			if !sameParagraph(buf[nps:npe], p) {
				return pe
			}
		}
		ps, pe = nps, npe
	}
	return 0
}

// stableCount counts the digits and punctuation marks of p, a run of
// periods and ellipses as one (see stableAt).
func stableCount(p string) int {
	n := 0
	for i := 0; i < len(p); i++ {
		switch stableBytes[p[i]] {
		case 0:
		case 1:
			n++
		default: // a period or the end of an ellipsis
			if stableAt(p, i) {
				n++
			}
		}
	}
	return n
}

// A chunk is cut once it has shown chunk size/stableRatio digits and
// punctuation marks (news text has one in 30 to 50 bytes), at a break one
// paragraph in cutOdds picks, and within cutSpread times the chunk size.
const (
	stableRatio = 40
	cutOdds     = 4
	cutSpread   = 4
)

// stableBytes marks the digits and the punctuation marks that no pass
// adds, removes or reorders: 1, or 2 for a period and the last byte of "…".
var stableBytes = func() (t [256]uint8) {
	for _, c := range []byte("0123456789,;:!?") {
		t[c] = 1
	}
	t['.'], t[0xa6] = 2, 2 // counted once a run: see stableAt
	return t
}()

// stableAt reports whether buf[i], a byte stableBytes marks, counts: a run
// of periods and ellipses counts as one period, written "…" or "...", as
// the typography option may change it.
func stableAt(buf string, i int) bool {
	switch buf[i] {
	case '.':
		return !afterPeriod(buf, i)
	case 0xa6:
		return i >= 2 && buf[i-1] == 0x80 && buf[i-2] == 0xe2 && !afterPeriod(buf, i-2)
	}
	return true
}

// afterPeriod reports whether buf[:i] ends with a period or an ellipsis.
func afterPeriod(buf string, i int) bool {
	return i >= 1 && buf[i-1] == '.' || i >= 3 && buf[i-1] == 0xa6 && buf[i-2] == 0x80 && buf[i-3] == 0xe2
}

// picksCut reports whether the paragraph p picks the break after it: by an
// FNV-1a hash of its digits and punctuation, one paragraph in cutOdds.
func picksCut(p string) bool {
	h := uint32(2166136261)
	for i := 0; i < len(p); i++ {
		if c := p[i]; stableBytes[c] != 0 && stableAt(p, i) {
			if c == 0xa6 {
				c = '.'
			}
			h = (h ^ uint32(c)) * 16777619
		}
	}
	return (h^h>>16)%cutOdds == 0
}

// forcedCut returns where to cut a paragraph of buf that is too long, at
// most limit bytes in: after the last sentence end followed by a space, else
// at the last space or tab, else at a rune boundary.
func forcedCut(buf string, limit int) int {
	last := -1
	for i := limit - 1; i > 0; i-- {
		if buf[i] == ' ' && (buf[i-1] == '.' || buf[i-1] == '!' || buf[i-1] == '?') {
			return i
		}
		if last < 0 && (buf[i] == ' ' || buf[i] == '\t') {
			last = i
		}
	}
	if last > 0 {
		return last
	}
	i := limit
	for i > 1 && buf[i]&0xC0 == 0x80 {
		i--
	}
	return i
}
