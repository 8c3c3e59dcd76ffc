package normalize

import "golang.org/x/text/transform"

// Transformer returns p as a golang.org/x/text/transform.Transformer, so it
// composes with transform.Chain, transform.NewReader, transform.String and
// the rest of x/text. It cuts its input into chunks as FixReader does; the
// report is not kept. Each Transformer cleans one document at a time (call
// Reset between documents) and is not safe for concurrent use; p is.
func (p *Pipeline) Transformer() transform.Transformer {
	return &transformer{p: p}
}

type transformer struct {
	p   *Pipeline
	se  *session
	in  []byte // input not yet cleaned
	out []byte // cleaned output not yet written
}

// Reset starts a new document.
func (t *transformer) Reset() {
	t.se = nil
	t.in = t.in[:0]
	t.out = t.out[:0]
}

// Transform takes all of src into its buffer, cleans every chunk that is
// complete (all of it at EOF) and writes what fits in dst.
func (t *transformer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if t.se == nil {
		t.se = t.p.newSession(nil)
	}
	nDst = copy(dst, t.out)
	t.out = t.out[nDst:]
	if len(t.out) > 0 {
		return nDst, 0, transform.ErrShortDst
	}
	t.in = append(t.in, src...)
	nSrc = len(src)
	for {
		n, forced := nextCut(bytesView(t.in), t.p.chunkSize, atEOF)
		if n == 0 {
			return nDst, nSrc, nil
		}
		t.out = append(t.out[:0], t.se.clean(string(t.in[:n]), forced)...)
		t.in = append(t.in[:0], t.in[n:]...)
		m := copy(dst[nDst:], t.out)
		nDst += m
		t.out = t.out[m:]
		if len(t.out) > 0 {
			return nDst, nSrc, transform.ErrShortDst
		}
	}
}
