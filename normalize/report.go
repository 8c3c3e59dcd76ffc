package normalize

import (
	"fmt"
	"strings"
)

// Position locates a span of the original input.
type Position struct {
	Offset int `json:"offset"` // byte offset from the start of the input, from 0
	Len    int `json:"length"` // length in bytes
	Line   int `json:"line"`   // line of Offset, from 1
	Col    int `json:"column"` // byte column of Offset in its line, from 1
}

// Change is one edit of the report, located in the ORIGINAL input: applying
// every Change of a Report to the input, in order, gives the output.
type Change struct {
	Position
	Old string `json:"old"`
	New string `json:"new"`
	// Rule is the ID of the rule that made the change, "pass/rule". When two
	// passes changed overlapping text the change is reported once, with both
	// IDs joined by "+".
	Rule         string   `json:"rule"`
	Confidence   float64  `json:"confidence"`
	Alternatives []string `json:"alternatives,omitempty"`
	Message      string   `json:"message,omitempty"`
}

// Pass returns the name of the pass that made the change: the prefix of its rule ID.
func (c Change) Pass() string {
	if i := strings.IndexByte(c.Rule, '/'); i >= 0 {
		return c.Rule[:i]
	}
	return c.Rule
}

// String formats the change as "line:col: rule: old → new".
func (c Change) String() string {
	return fmt.Sprintf("%d:%d: %s: %q → %q", c.Line, c.Col, c.Rule, c.Old, c.New)
}

// Report lists what a pipeline did to an input.
type Report struct {
	// Changes are the edits made, in input order.
	Changes []Change `json:"changes"`
	// Suggestions are edits found but not made: the rule was not sure enough.
	// New is the best replacement and Alternatives the others.
	Suggestions []Change `json:"suggestions"`
}

// ApplyChanges returns input with the changes made; changes must be in input
// order, as a Report lists them. It is the inverse check of a report: for a
// Report r of input, ApplyChanges(input, r.Changes) equals the output.
func ApplyChanges(input string, changes []Change) (string, error) {
	var b strings.Builder
	last := 0
	for _, c := range changes {
		if c.Offset < last || c.Offset+c.Len > len(input) || input[c.Offset:c.Offset+c.Len] != c.Old {
			return "", fmt.Errorf("change %v does not fit the input at offset %d", c, c.Offset)
		}
		b.WriteString(input[last:c.Offset])
		b.WriteString(c.New)
		last = c.Offset + c.Len
	}
	b.WriteString(input[last:])
	return b.String(), nil
}

// lineCounter turns byte offsets, met in increasing order, into lines and
// columns, across the chunks of a stream.
type lineCounter struct {
	line      int // line number of lineStart
	lineStart int // absolute offset where that line starts
	scanned   int // absolute offset up to which newlines were counted
}

func newLineCounter() lineCounter { return lineCounter{line: 1} }

// locate returns the line and column of absolute offset off, where text is the
// input from absolute offset base on; off must not be below an earlier call's.
func (lc *lineCounter) locate(text string, base, off int) (line, col int) {
	for lc.scanned < off {
		i := strings.IndexByte(text[lc.scanned-base:off-base], '\n')
		if i < 0 {
			lc.scanned = off
			break
		}
		lc.line++
		lc.lineStart = lc.scanned + i + 1
		lc.scanned = lc.lineStart
	}
	return lc.line, off - lc.lineStart + 1
}
