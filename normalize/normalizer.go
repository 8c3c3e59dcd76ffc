package normalize

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Typography says what the normalize pass does with quotation marks,
// apostrophes, dashes and ellipses.
type Typography int

const (
	// KeepTypography leaves them as they are (the default): a publisher's
	// typography is not a defect.
	KeepTypography Typography = iota
	// ASCIITypography writes " ' - -- ... for “ ” ‘ ’ – — ….
	ASCIITypography
	// SmartTypography writes “ ” ‘ ’ — … for " ' -- ..., choosing opening or
	// closing marks from the neighbouring characters.
	SmartTypography
)

// ParseTypography reads "keep", "ascii" or "smart".
func ParseTypography(s string) (Typography, error) {
	switch strings.ToLower(s) {
	case "keep", "":
		return KeepTypography, nil
	case "ascii", "straight":
		return ASCIITypography, nil
	case "smart", "curly":
		return SmartTypography, nil
	}
	return 0, fmt.Errorf("normalize: unknown typography %q (want keep, ascii or smart)", s)
}

// Normalizer is the normalize pass: Unicode NFC, line ends, space and
// invisible characters, trailing spaces, an exact repeat of the previous
// paragraph, and optionally typography. It is safe for concurrent use.
type Normalizer struct {
	typography  Typography
	keepRepeats bool
}

// Option configures a Normalizer.
type Option func(*Normalizer) error

// WithTypography sets what happens to quotes, dashes and ellipses.
func WithTypography(t Typography) Option {
	return func(n *Normalizer) error {
		if t < KeepTypography || t > SmartTypography {
			return fmt.Errorf("normalize: unknown typography %d", t)
		}
		n.typography = t
		return nil
	}
}

// KeepRepeatedParagraphs turns off the rule that drops a paragraph that
// repeats the one before it.
func KeepRepeatedParagraphs() Option {
	return func(n *Normalizer) error { n.keepRepeats = true; return nil }
}

// New returns the normalize pass.
func New(opts ...Option) (*Normalizer, error) {
	n := &Normalizer{}
	for _, o := range opts {
		if err := o(n); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// The rule IDs of the normalize pass.
const (
	RuleNFC               = "normalize/nfc"
	RuleLineEnd           = "normalize/line-end"
	RuleSpaceChar         = "normalize/space-char"
	RuleInvisible         = "normalize/invisible"
	RuleTrailingSpace     = "normalize/trailing-space"
	RuleRepeatedParagraph = "normalize/repeated-paragraph"
	RuleTypography        = "normalize/typography"
)

// Name returns "normalize".
func (n *Normalizer) Name() string { return "normalize" }

// Edits returns the normalization edits of d.
func (n *Normalizer) Edits(d *Doc) []Edit {
	s := d.Text
	edits := charEdits(s)
	if n.typography != KeepTypography {
		edits = mergeEdits(edits, typographyEdits(d, n.typography))
	}
	st := Load(d.State(), repeatKey{}, func() *repeatState { return &repeatState{} })
	var next repeatState
	if !n.keepRepeats {
		next = *st
		edits = dropRepeats(s, edits, &next, d.Continued)
	}
	if needsCheck(edits) {
		// Removing a character can leave a letter and a combining mark side by
		// side, which NFC then composes: make sure one run reaches the end.
		out := Apply(s, edits)
		probe := *st
		if again := n.pure(out, &probe, d.Continued); len(again) > 0 {
			edits = n.fixpoint(s, st, d.Continued, &next)
		}
	}
	if !n.keepRepeats {
		*st = next
	}
	return edits
}

// pure returns the edits of text s without changing any state but rs.
func (n *Normalizer) pure(s string, rs *repeatState, continued bool) []Edit {
	edits := charEdits(s)
	if n.typography != KeepTypography {
		d := &Doc{Text: s, Continued: continued, state: NewState()}
		edits = mergeEdits(edits, typographyEdits(d, n.typography))
	}
	if !n.keepRepeats {
		edits = dropRepeats(s, edits, rs, continued)
	}
	return edits
}

// fixpoint returns one edit that takes s to the text repeated normalization
// ends at, for the rare texts where one run is not enough.
func (n *Normalizer) fixpoint(s string, st *repeatState, continued bool, next *repeatState) []Edit {
	out := s
	for range 8 {
		rs := *st
		e := n.pure(out, &rs, continued)
		if len(e) == 0 {
			break
		}
		out = Apply(out, e)
		*next = rs
	}
	p, q := Narrow(s, out)
	if p == len(s)-q && p == len(out)-q {
		return nil
	}
	return []Edit{{Start: p, End: len(s) - q, New: out[p : len(out)-q], Rule: RuleNFC, Message: "normalize Unicode and invisible characters"}}
}

func needsCheck(edits []Edit) bool {
	for _, e := range edits {
		if e.Rule == RuleNFC || e.Rule == RuleInvisible || e.Rule == RuleLineEnd {
			return true
		}
	}
	return false
}

// charClass is what the character rules do with a rune.
type charClass uint8

const (
	plain     charClass = iota
	hspace              // ' ' or '\t': kept, unless trailing
	spaceChar           // another space character: becomes ' '
	invisible           // removed
	lineEnd             // a line end other than '\n': becomes '\n'
	newline             // '\n'
)

func classify(r rune, size int) charClass {
	switch {
	case r == ' ' || r == '\t':
		return hspace
	case r == '\n':
		return newline
	case r == '\r' || r == '\v' || r == '\f' || r == '\u0085' || r == '\u2028' || r == '\u2029':
		return lineEnd
	case r == utf8.RuneError && size <= 1:
		return plain // invalid UTF-8 passes through untouched
	case r < 0x20 || (0x7f <= r && r < 0xa0):
		return invisible
	case r == '\u00a0' || r == '\u1680' || ('\u2000' <= r && r <= '\u200a') || r == '\u202f' || r == '\u205f' || r == '\u3000':
		return spaceChar
	case r == '\u200b' || r == '\u2060' || r == '\ufeff' || r == '\u00ad' || r == '\u180e' || ('\u2061' <= r && r <= '\u2064'):
		return invisible
	}
	return plain
}

// charEdits returns the edits of the character rules and NFC, in order.
func charEdits(s string) []Edit {
	var edits []Edit
	run := -1          // start of the current run of horizontal space, or -1
	var pending []Edit // edits inside that run, made unless the run is trailing
	flushRun := func(trailing bool, end int) {
		if run < 0 {
			return
		}
		if trailing {
			edits = append(edits, Edit{Start: run, End: end, Rule: RuleTrailingSpace, Message: "remove spaces at the end of a line"})
		} else {
			edits = append(edits, pending...)
		}
		run, pending = -1, pending[:0]
	}
	nfc := nfcEdits(s)
	nextNFC := len(s) + 1 // start of the next NFC edit
	if len(nfc) > 0 {
		nextNFC = nfc[0].Start
	}
	for i := 0; i < len(s); {
		if i == nextNFC {
			flushRun(false, i)
			edits = append(edits, nfc[0])
			i = nfc[0].End
			nfc = nfc[1:]
			nextNFC = len(s) + 1
			if len(nfc) > 0 {
				nextNFC = nfc[0].Start
			}
			continue
		}
		c := s[i]
		if c == ' ' {
			if run < 0 {
				run = i
			}
			i++
			continue
		}
		if c > ' ' && c < 0x7f {
			// The common case: a run of printable ASCII, which no rule
			// touches, and of single spaces between its characters, which
			// no rule touches either (a run of spaces is left to the loop).
			flushRun(false, i)
			i = skipPlain(s, i+1, min(len(s), nextNFC))
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch classify(r, size) {
		case hspace:
			if run < 0 {
				run = i
			}
		case spaceChar:
			if run < 0 {
				run = i
			}
			pending = append(pending, Edit{Start: i, End: i + size, New: " ", Rule: RuleSpaceChar, Message: "use a plain space"})
		case invisible:
			if run >= 0 {
				pending = append(pending, Edit{Start: i, End: i + size, Rule: RuleInvisible, Message: "remove an invisible character"})
			} else {
				edits = appendMerged(edits, Edit{Start: i, End: i + size, Rule: RuleInvisible, Message: "remove an invisible character"})
			}
		case newline:
			flushRun(true, i)
		case lineEnd:
			flushRun(true, i)
			if r == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				edits = append(edits, Edit{Start: i, End: i + 1, Rule: RuleLineEnd, Message: "use \\n line ends"})
			} else {
				edits = append(edits, Edit{Start: i, End: i + size, New: "\n", Rule: RuleLineEnd, Message: "use \\n line ends"})
			}
		default:
			flushRun(false, i)
		}
		i += size
	}
	flushRun(true, len(s))
	return edits
}

// skipPlain returns the end of the run of printable ASCII and of single
// spaces before printable ASCII that starts at s[i], before lim.
func skipPlain(s string, i, lim int) int {
	for i < lim {
		c := s[i]
		if c > ' ' && c < 0x7f {
			i++
			continue
		}
		if c == ' ' && i+1 < lim && s[i+1] > ' ' && s[i+1] < 0x7f {
			i += 2
			continue
		}
		break
	}
	return i
}

// appendMerged appends e, joining it to the last edit when both delete
// adjacent text under the same rule.
func appendMerged(edits []Edit, e Edit) []Edit {
	if n := len(edits); n > 0 && edits[n-1].End == e.Start && edits[n-1].Rule == e.Rule && edits[n-1].New == "" && e.New == "" {
		edits[n-1].End = e.End
		return edits
	}
	return append(edits, e)
}

// nfcEdits returns an edit for every segment of s that NFC changes.
func nfcEdits(s string) []Edit {
	if isASCII(s) {
		return nil
	}
	var edits []Edit
	for pos := 0; pos < len(s); {
		pos += norm.NFC.QuickSpanString(s[pos:])
		if pos >= len(s) {
			break
		}
		k := norm.NFC.NextBoundaryInString(s[pos:], true)
		if k <= 0 {
			k = len(s) - pos
		}
		seg := s[pos : pos+k]
		if c := seg[0]; c < ' ' || c == 0x7f {
			// Marks after a control character or line end have nothing to
			// compose with; NFC would only reorder them across the line end.
			pos += k
			continue
		}
		if nf := norm.NFC.String(seg); nf != seg {
			edits = append(edits, Edit{Start: pos, End: pos + k, New: nf, Rule: RuleNFC, Message: "use the composed (NFC) form"})
		}
		pos += k
	}
	return edits
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// mergeEdits merges two sorted edit lists, dropping from b what overlaps a.
func mergeEdits(a, b []Edit) []Edit {
	if len(b) == 0 {
		return a
	}
	out := make([]Edit, 0, len(a)+len(b))
	i := 0
	for _, e := range b {
		for i < len(a) && a[i].End <= e.Start && !(a[i].Start == e.Start && a[i].End == e.Start && e.Start == e.End) {
			out = append(out, a[i])
			i++
		}
		if i < len(a) && a[i].Start < e.End || (i < len(a) && a[i].Start == e.Start) {
			continue
		}
		out = append(out, e)
	}
	return append(out, a[i:]...)
}
