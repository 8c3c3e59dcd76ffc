package markup

import (
	"fmt"
	"sort"
	"strings"

	"github.com/copyedit/copyedit/normalize"
)

// detectBytes is how much of a document Auto reads to detect its format.
const detectBytes = 1024

// resolve returns f, with Auto replaced by the format Detect finds in src.
func resolve(f Format, src string) Format {
	if f == Auto {
		return Detect("", []byte(src[:min(len(src), detectBytes)]))
	}
	return f
}

// Extract returns the prose view of src, a document in format f. For Text
// the view is src itself, as one segment.
func Extract(src string, f Format) *View {
	switch resolve(f, src) {
	case HTML:
		return extractHTML(src)
	case Markdown:
		return extractMarkdown(src)
	}
	v := &View{Text: src, src: src}
	if src != "" {
		v.Segments = []Segment{{Len: len(src)}}
	}
	return v
}

// Clean runs the pipeline p over the prose of src, a document in format f,
// and returns src with the edits made and the report of what changed, in
// the coordinates of src: normalize.ApplyChanges(src, report.Changes) gives
// the output. Only prose changes; every byte of markup stays as it was.
//
// An edit that would cross markup (change text on both sides of a tag) is
// not made but reported among the suggestions; an edit of the view's
// synthetic glue (an entity, a placeholder) is dropped. In markup the line
// ends and the trailing spaces of the source are kept: a Markdown hard line
// break is two trailing spaces. A paragraph that repeats the one before it
// is dropped whole, element and all, when it is a whole element separated
// from the previous one by white space only; otherwise it is suggested.
//
// Clean checks its output: should the edits have made markup (removing an
// invisible character from "<\u200bb>" would make a tag), the changes next
// to markup characters are suggested instead, and failing that all of them.
//
// For Text, Clean is p.CleanString(src). Clean is safe for concurrent use
// when p is (a normalize.Pipeline is).
func Clean(p *normalize.Pipeline, src string, f Format) (string, *normalize.Report) {
	f = resolve(f, src)
	if f == Text {
		return p.CleanString(src)
	}
	out, rep, err := clean(p, src, f)
	if err != nil {
		// A bug: leave the document as it was and make nothing.
		return src, &normalize.Report{Suggestions: append(rep.Changes, rep.Suggestions...)}
	}
	return out, rep
}

// clean is Clean for a markup format; it fails if the report does not apply.
func clean(p *normalize.Pipeline, src string, f Format) (string, *normalize.Report, error) {
	v := Extract(src, f)
	_, vr := p.CleanString(v.Text)
	rep := v.SourceReport(vr)
	out, err := normalize.ApplyChanges(src, rep.Changes)
	if err != nil {
		return src, rep, err
	}
	out, err = keepMarkup(src, out, f, rep)
	return out, rep, err
}

// Rules of the normalize pass that change the source's layout: in markup they
// would change bytes that mean something (a hard line break) or break the
// file's line-end convention, so they are not made.
var layoutRules = map[string]bool{
	normalize.RuleLineEnd:       true,
	normalize.RuleTrailingSpace: true,
}

// notMadeMessage is added to the message of an edit that crosses markup.
const notMadeMessage = "not made: the edit crosses markup"

// SourceReport maps a report on v.Text to the source: changes that fall in
// one segment are located in the source; the others become suggestions or
// are dropped, as Clean describes. Line and Col are those of the source.
func (v *View) SourceReport(r *normalize.Report) *normalize.Report {
	out := &normalize.Report{}
	if r == nil {
		return out
	}
	for _, c := range r.Changes {
		v.mapChange(c, true, out)
	}
	for _, c := range r.Suggestions {
		v.mapChange(c, false, out)
	}
	// Changes come in view order, which is source order; keep them so.
	kept := out.Changes[:0]
	last := 0
	for _, c := range out.Changes {
		if c.Offset < last {
			c.Message = joinMessage(c.Message, notMadeMessage)
			out.Suggestions = append(out.Suggestions, c)
			continue
		}
		kept = append(kept, c)
		last = c.Offset + c.Len
	}
	out.Changes = kept
	sortChanges(out.Suggestions)
	locate(v.src, out.Changes)
	locate(v.src, out.Suggestions)
	return out
}

func joinMessage(a, b string) string {
	if a == "" {
		return b
	}
	return a + " (" + b + ")"
}

// rules returns the rule IDs of a change, which may be joined by "+".
func rules(c normalize.Change) []string { return strings.Split(c.Rule, "+") }

// mapChange maps one change on the view to the source, appending it to the
// changes (made) or the suggestions of out.
func (v *View) mapChange(c normalize.Change, made bool, out *normalize.Report) {
	layout, repeat := 0, false
	rs := rules(c)
	for _, r := range rs {
		if layoutRules[r] {
			layout++
		}
		repeat = repeat || r == normalize.RuleRepeatedParagraph
	}
	if layout == len(rs) {
		return // the source's line ends and trailing spaces stay
	}
	suggest := func(c normalize.Change) {
		out.Suggestions = append(out.Suggestions, c)
	}
	add := suggest
	if made {
		add = func(c normalize.Change) { out.Changes = append(out.Changes, c) }
	}
	if layout > 0 {
		add = suggest
	}
	if repeat && made && c.New == "" {
		v.mapRepeat(c, add, suggest)
		return
	}
	s, e := c.Offset, c.Offset+c.Len
	if a, b, ok := v.fit(s, e); ok {
		c.Offset, c.Len, c.Old = a, b-a, v.src[a:b]
		v.addChecked(c, add, suggest)
		return
	}
	// Narrow the edit to what it changes: "russia’s" → "Russia’s" is "r" → "R".
	old := v.Text[s:e]
	p, q := normalize.Narrow(old, c.New)
	if p > 0 || q > 0 {
		if a, b, ok := v.fit(s+p, e-q); ok {
			c.Offset, c.Len, c.Old, c.New = a, b-a, v.src[a:b], c.New[p:len(c.New)-q]
			v.addChecked(c, add, suggest)
			return
		}
	}
	if !v.touches(s, e) {
		return // an edit of glue only: entities and placeholders stay
	}
	a, b := v.cover(s, e)
	c.Offset, c.Len, c.Old = a, b-a, v.src[a:b]
	c.Message = joinMessage(c.Message, notMadeMessage)
	suggest(c)
}

// addChecked adds c, located in the source, unless it would turn the start
// of a Markdown line into a block marker ("1.The" → "1. The" opens a list):
// then it is suggested.
func (v *View) addChecked(c normalize.Change, add, suggest func(normalize.Change)) {
	if v.format == Markdown && c.New != "" && (c.New[0] == ' ' || c.New[0] == '\t') {
		// A marker is a few bytes into its line, after the containers'.
		from := max(0, c.Offset-maxLinePrefix)
		ls := strings.LastIndexAny(v.src[from:c.Offset], "\r\n") + 1 + from
		if (ls > 0 || from == 0) && isBlockMarker(trimContainers(v.src[ls:c.Offset])) {
			c.Message = joinMessage(c.Message, "not made: it would change the Markdown structure")
			suggest(c)
			return
		}
	}
	add(c)
}

// maxLinePrefix bounds how far back from an edit a line start is looked for.
const maxLinePrefix = 256

// trimContainers removes from the start of a Markdown line the indentation
// and the markers of the blockquotes and list items it continues.
func trimContainers(s string) string {
	for {
		t := strings.TrimLeft(s, " \t>")
		if n := markerLen(t); n > 0 && n < len(t) && (t[n] == ' ' || t[n] == '\t') {
			t = t[n:]
		}
		if t == s {
			return s
		}
		s = t
	}
}

// isBlockMarker reports whether s is a list item marker or an ATX heading
// marker: a space after it would open a block.
func isBlockMarker(s string) bool {
	if n := markerLen(s); n > 0 && n == len(s) {
		return true
	}
	return s != "" && len(s) <= 6 && strings.Trim(s, "#") == ""
}

// markerLen returns the length of the list item marker ("-", "+", "*",
// "1.", "2)") at the start of s, or 0.
func markerLen(s string) int {
	if s == "" {
		return 0
	}
	if s[0] == '-' || s[0] == '+' || s[0] == '*' {
		return 1
	}
	n := 0
	for n < len(s) && n < 10 && isDigitByte(s[n]) {
		n++
	}
	if n == 0 || n > 9 || n == len(s) || s[n] != '.' && s[n] != ')' {
		return 0
	}
	return n + 1
}

// fit returns the source span of view span [s, e) when it lies in one
// segment. An insertion where two segments meet goes into the one less deep
// in inline markup, so that a space lands outside <b>…</b> or **…**, and
// into the first one when both are as deep.
func (v *View) fit(s, e int) (int, int, bool) {
	segs := v.Segments
	i := sort.Search(len(segs), func(i int) bool { return segs[i].View+segs[i].Len >= s })
	if i == len(segs) || segs[i].View > s {
		return 0, 0, false
	}
	if s == e {
		if i+1 < len(segs) && segs[i+1].View == s && segs[i+1].Depth < segs[i].Depth {
			i++
		}
	} else if segs[i].View+segs[i].Len == s {
		i++ // s is at the end of segs[i]: the edit starts in the next one
		if i == len(segs) || segs[i].View > s {
			return 0, 0, false
		}
	}
	g := segs[i]
	if e > g.View+g.Len {
		return 0, 0, false
	}
	return g.Src + s - g.View, g.Src + e - g.View, true
}

// touches reports whether view span [s, e) overlaps prose, or, for an
// insertion, touches it.
func (v *View) touches(s, e int) bool {
	segs := v.Segments
	i := sort.Search(len(segs), func(i int) bool { return segs[i].View+segs[i].Len >= s })
	if i == len(segs) {
		return false
	}
	if s == e {
		return segs[i].View <= s
	}
	if segs[i].View+segs[i].Len == s {
		i++
	}
	return i < len(segs) && segs[i].View < e
}

// cover returns the source span that view span [s, e) covers: from the
// source of s, or the end of the segment before it, to the source of e, or
// the start of the segment after it.
func (v *View) cover(s, e int) (int, int) {
	segs := v.Segments
	a, b := 0, len(v.src)
	i := sort.Search(len(segs), func(i int) bool { return segs[i].View+segs[i].Len > s })
	switch {
	case i < len(segs) && segs[i].View <= s:
		a = segs[i].Src + s - segs[i].View
	case i > 0:
		a = segs[i-1].Src + segs[i-1].Len
	}
	j := sort.Search(len(segs), func(i int) bool { return segs[i].View >= e })
	switch {
	case j > 0 && segs[j-1].View+segs[j-1].Len >= e:
		b = segs[j-1].Src + e - segs[j-1].View
	case j < len(segs):
		b = segs[j].Src
	}
	if b < a {
		b = a
	}
	return a, b
}

// mapRepeat maps the deletion of repeated paragraphs, view span [s, e) from
// the end of the paragraph kept to the end of the last one dropped. The
// blocks dropped that are whole elements, separated from the one before by
// white space only, are deleted with their markup; the others are suggested.
func (v *View) mapRepeat(c normalize.Change, add, suggest func(normalize.Change)) {
	s, e := c.Offset, c.Offset+c.Len
	bl := v.Blocks
	i := sort.Search(len(bl), func(k int) bool { return bl[k].End >= s })
	j := sort.Search(len(bl), func(k int) bool { return bl[k].End >= e })
	if i < len(bl) && j < len(bl) && bl[i].End == s && bl[j].End == e && i < j {
		// k is the first block of the run k..j that can go whole.
		k := j + 1
		for k > i+1 && v.whole(k-2, k-1) {
			k--
		}
		if k <= j {
			a, b := bl[k-1].OuterEnd, bl[j].OuterEnd
			d := c
			d.Offset, d.Len, d.Old, d.New = a, b-a, v.src[a:b], ""
			if k > i+1 {
				c.Offset, c.Len = s, bl[k-1].End-s
				v.suggestCovered(c, suggest)
			}
			add(d)
			return
		}
	}
	v.suggestCovered(c, suggest)
}

// whole reports whether blocks a and a+1 are whole elements with white
// space only between them.
func (v *View) whole(a, b int) bool {
	x, y := v.Blocks[a], v.Blocks[b]
	if x.Outer < 0 || y.Outer < 0 || x.OuterEnd > y.Outer {
		return false
	}
	return strings.TrimLeft(v.src[x.OuterEnd:y.Outer], " \t\r\n\f") == ""
}

// suggestCovered suggests change c, on view span [c.Offset, c.Offset+c.Len),
// over the source it covers.
func (v *View) suggestCovered(c normalize.Change, suggest func(normalize.Change)) {
	a, b := v.cover(c.Offset, c.Offset+c.Len)
	c.Offset, c.Len, c.Old = a, b-a, v.src[a:b]
	c.Message = joinMessage(c.Message, notMadeMessage)
	suggest(c)
}

// locate sets Line and Col of changes, sorted by offset, in src.
func locate(src string, changes []normalize.Change) {
	line, lineStart, scanned := 1, 0, 0
	for i := range changes {
		off := changes[i].Offset
		for scanned < off {
			k := strings.IndexByte(src[scanned:off], '\n')
			if k < 0 {
				scanned = off
				break
			}
			line++
			lineStart = scanned + k + 1
			scanned = lineStart
		}
		changes[i].Line, changes[i].Col = line, off-lineStart+1
	}
}

// String describes the segment: "view[0:5]=src[3:8] depth 1".
func (s Segment) String() string {
	return fmt.Sprintf("view[%d:%d]=src[%d:%d] depth %d", s.View, s.View+s.Len, s.Src, s.Src+s.Len, s.Depth)
}
