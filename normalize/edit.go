package normalize

import (
	"strings"
	"unicode/utf8"
)

// Edit replaces Text[Start:End] of a Doc with New. Start and End are byte
// offsets, End exclusive; Start == End inserts.
type Edit struct {
	Start, End int
	New        string
	// Rule names the rule that made the edit, "pass/rule": "spacing/after-comma".
	Rule string
	// Confidence is how sure the rule is, in (0, 1]; 0 means certain. Edits
	// below the pipeline's threshold are reported as suggestions, not made.
	Confidence float64
	// Alternatives are other replacements worth showing, best first.
	Alternatives []string
	// Message says in a sentence what is wrong.
	Message string
}

// Sure returns the edit's confidence, reading 0 as certain.
func (e Edit) Sure() float64 {
	if e.Confidence <= 0 {
		return 1
	}
	return e.Confidence
}

// Pass is one step of a pipeline: it reads a Doc and returns the edits it
// would make, sorted by Start and not overlapping, or nil when the text is
// already clean. Edits must not change the Doc, and a Pass must be safe for
// concurrent use: per-document state belongs in Doc.State.
type Pass interface {
	// Name is the pass's short name, also the prefix of its rule IDs.
	Name() string
	// Edits returns the pass's edits of d.
	Edits(d *Doc) []Edit
}

// PassFunc adapts a function to the Pass interface.
type PassFunc struct {
	PassName string
	Func     func(d *Doc) []Edit
}

// Name returns f.PassName.
func (f PassFunc) Name() string { return f.PassName }

// Edits calls f.Func.
func (f PassFunc) Edits(d *Doc) []Edit { return f.Func(d) }

// Apply returns text with the edits made. The edits must be valid for text
// (see Valid); Apply panics otherwise, as slicing would.
func Apply(text string, edits []Edit) string {
	if len(edits) == 0 {
		return text
	}
	n := len(text)
	for _, e := range edits {
		n += len(e.New) - (e.End - e.Start)
	}
	var b strings.Builder
	b.Grow(n)
	last := 0
	for _, e := range edits {
		b.WriteString(text[last:e.Start])
		b.WriteString(e.New)
		last = e.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// Valid keeps the edits that can be made on text, in order: inside the text,
// on rune boundaries, not overlapping an earlier edit, and changing something.
// A pass's edits are checked so that a faulty pass cannot corrupt the text.
func Valid(text string, edits []Edit) []Edit {
	out := edits[:0:0]
	last := 0
	lastInsert := -1
	for _, e := range edits {
		switch {
		case e.Start < last || e.End < e.Start || e.End > len(text):
		case !onBoundary(text, e.Start) || !onBoundary(text, e.End):
		case e.Start == e.End && (e.New == "" || e.Start == lastInsert):
		case text[e.Start:e.End] == e.New:
		default:
			out = append(out, e)
			last = e.End
			if e.Start == e.End {
				lastInsert = e.Start
			}
		}
	}
	return out
}

// Narrow returns the lengths of the common prefix and suffix of old and new,
// cut on rune boundaries of both and not overlapping, so that replacing
// old[p:len(old)-q] by new[p:len(new)-q] is the same change as replacing old
// by new: the part of an edit that changes something.
func Narrow(old, new string) (p, q int) {
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	for p > 0 && (p < len(old) && !utf8.RuneStart(old[p]) || p < len(new) && !utf8.RuneStart(new[p])) {
		p--
	}
	a, b := old[p:], new[p:]
	for q < len(a) && q < len(b) && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	for q > 0 && (!utf8.RuneStart(a[len(a)-q]) || !utf8.RuneStart(b[len(b)-q])) {
		q--
	}
	return p, q
}

func onBoundary(s string, i int) bool {
	return i == 0 || i == len(s) || utf8.RuneStart(s[i])
}
