package markup

import (
	"sort"
	"strconv"
	"strings"

	"github.com/copyedit/copyedit/normalize"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

// Clean checks its own output: an edit of text can, in principle, make
// markup, as removing an invisible character from "<\u200bb>" or
// "&\u200bamp;" would. The skeleton of a document lists its markup in order:
// every HTML tag, comment and doctype byte for byte, with the character
// references of each text node; the Markdown tree with its code, HTML, link
// destinations, line breaks, references and escapes. The skeleton of the
// output must be the source's.

// skeleton returns the skeleton of src, a document in format f.
func skeleton(src string, f Format) []string {
	switch f {
	case HTML:
		return htmlSkeleton(src)
	case Markdown:
		base := bomLen(src)
		base += frontMatterLen(src[base:])
		source := []byte(src[base:])
		doc := mdParser().Parse(text.NewReader(source))
		return append(mdSkeleton(doc, source), src[:base])
	}
	return nil
}

// htmlSkeleton lists the raw bytes of every token that is not text, and for
// each text token its character references.
func htmlSkeleton(src string) []string {
	z := html.NewTokenizer(strings.NewReader(src))
	var out []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		raw := string(z.Raw())
		if tt == html.TextToken {
			out = append(out, "T"+references(raw, false))
		} else {
			out = append(out, raw)
		}
	}
}

// references returns the character references of s, and its backslash
// escapes when markdown is set, joined.
func references(s string, markdown bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '&':
			if n, _ := entityAt(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				i += n - 1
			}
		case s[i] == '\\' && markdown && i+1 < len(s):
			b.WriteString(s[i : i+2])
			i++
		}
	}
	return b.String()
}

// mdSkeleton lists the nodes of a Markdown tree, but for the plain text
// itself: kinds, levels, markers, line breaks, references and escapes,
// and the literal bytes of code, HTML and links.
func mdSkeleton(doc ast.Node, source []byte) []string {
	var out []string
	lines := func(n ast.Node) string {
		var b strings.Builder
		for i := 0; i < n.Lines().Len(); i++ {
			s := n.Lines().At(i)
			b.Write(source[s.Start:s.Stop])
		}
		return b.String()
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var s string
		switch n := n.(type) {
		case *ast.Text:
			s = "T" + references(string(source[n.Segment.Start:n.Segment.Stop]), true)
			if n.SoftLineBreak() {
				s += " soft"
			}
			if n.HardLineBreak() {
				s += " hard"
			}
			if s == "T" {
				return ast.WalkContinue, nil
			}
		case *ast.String:
			s = "S" + string(n.Value)
		case *ast.Heading:
			s = "H" + strconv.Itoa(n.Level)
		case *ast.List:
			s = "L" + string(n.Marker) + strconv.Itoa(n.Start) + strconv.FormatBool(n.IsTight)
		case *ast.Emphasis:
			s = "E" + strconv.Itoa(n.Level)
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.LinkReferenceDefinition:
			s = n.Kind().String() + " " + lines(n)
		case *ast.CodeSpan:
			var b strings.Builder
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(source[t.Segment.Start:t.Segment.Stop])
				}
			}
			s = "C" + b.String()
			out = append(out, s)
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			s = "A" + string(n.Destination) + "\x00" + string(n.Title) + linkRef(n.Reference)
		case *ast.Image:
			s = "I" + string(n.Destination) + "\x00" + string(n.Title) + linkRef(n.Reference)
		case *ast.AutoLink:
			s = "U" + string(n.URL(source))
		case *ast.RawHTML:
			var b strings.Builder
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				b.Write(source[seg.Start:seg.Stop])
			}
			s = "R" + b.String()
		case *east.TaskCheckBox:
			s = "X" + strconv.FormatBool(n.IsChecked)
		case *east.TableCell:
			s = "D" + strconv.Itoa(int(n.Alignment))
		default:
			s = n.Kind().String()
		}
		out = append(out, s)
		return ast.WalkContinue, nil
	})
	return out
}

func linkRef(r *ast.ReferenceLink) string {
	if r == nil {
		return ""
	}
	return "\x00" + strconv.Itoa(int(r.Type)) + string(r.Value)
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// specials are the bytes around which an edit may make markup.
const specials = "<>&*_[]!`\\~|#"

// risky reports whether change c, made in src, leaves markup characters
// next to the text it writes.
func risky(src string, c normalize.Change) bool {
	around := c.New
	if c.Offset > 0 {
		around = src[c.Offset-1:c.Offset] + around
	}
	if end := c.Offset + c.Len; end < len(src) {
		around += src[end : end+1]
	}
	return strings.ContainsAny(around, specials) || strings.ContainsAny(c.New, specials)
}

// keepMarkup checks that out, src with rep's changes made, has the
// skeleton of src (with the repeated paragraphs deleted); when it does not,
// it makes only the changes that are not risky, and failing that none,
// moving the others to the suggestions. It returns the output.
func keepMarkup(src, out string, f Format, rep *normalize.Report) (string, error) {
	if len(rep.Changes) == 0 {
		return out, nil
	}
	var repeats []normalize.Change
	for _, c := range rep.Changes {
		if c.Rule == normalize.RuleRepeatedParagraph {
			repeats = append(repeats, c)
		}
	}
	base := src
	if len(repeats) > 0 {
		var err error
		if base, err = normalize.ApplyChanges(src, repeats); err != nil {
			return "", err
		}
	}
	want := skeleton(base, f)
	if equalStrings(want, skeleton(out, f)) {
		return out, nil
	}
	demote := func(keep func(normalize.Change) bool) {
		kept := rep.Changes[:0:0]
		for _, c := range rep.Changes {
			if keep(c) {
				kept = append(kept, c)
			} else {
				c.Message = joinMessage(c.Message, "not made: it would change the markup")
				rep.Suggestions = append(rep.Suggestions, c)
			}
		}
		rep.Changes = kept
	}
	isRepeat := func(c normalize.Change) bool { return c.Rule == normalize.RuleRepeatedParagraph }
	demote(func(c normalize.Change) bool { return isRepeat(c) || !risky(src, c) })
	out, err := normalize.ApplyChanges(src, rep.Changes)
	if err == nil && !equalStrings(want, skeleton(out, f)) {
		demote(func(normalize.Change) bool { return false })
		out = src
	}
	sortChanges(rep.Suggestions)
	return out, err
}

// sortChanges sorts changes by offset, keeping the order of equal ones.
func sortChanges(changes []normalize.Change) {
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].Offset < changes[j].Offset })
}
