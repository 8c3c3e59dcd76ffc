package markup

import (
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// mdParser is the Markdown parser: CommonMark with GitHub tables,
// strikethrough and task lists. Bare URLs are not made links (the passes
// already leave URLs alone). A goldmark parser is safe for concurrent use.
var mdParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList)).Parser()
})

// mdExtractor reads a Markdown document into a View.
type mdExtractor struct {
	b      *builder
	src    string
	base   int    // offset of the parsed text in src: the front matter is skipped
	depth  int    // emphasis and links around the current inline
	raw    int    // inline HTML elements open, counted into depth
	skipIn string // an inline HTML element whose content is not prose, while inside it
	skipN  int    // nesting of skipIn
}

// extractMarkdown returns the prose view of a Markdown document.
func extractMarkdown(src string) *View {
	base := bomLen(src)
	base += frontMatterLen(src[base:])
	x := &mdExtractor{b: newBuilder(src, true), src: src, base: base}
	source := []byte(src[base:])
	doc := mdParser().Parse(text.NewReader(source))
	x.block(doc)
	v := x.b.result()
	v.format = Markdown
	return v
}

// frontMatterLen returns the length of the YAML ("---" … "---" or "...") or
// TOML ("+++" … "+++") front matter at the start of s, its closing line
// included, or 0 when s has none.
func frontMatterLen(s string) int {
	line, next := lineOf(s, 0)
	fence := strings.TrimRight(line, " \t")
	if fence != "---" && fence != "+++" {
		return 0
	}
	for i := next; i < len(s); {
		l, n := lineOf(s, i)
		l = strings.TrimRight(l, " \t")
		if l == fence || fence == "---" && l == "..." {
			return n
		}
		i = n
	}
	return 0
}

// lineOf returns the line of s that starts at i, without its line end, and
// the offset of the next line.
func lineOf(s string, i int) (string, int) {
	j := strings.IndexAny(s[i:], "\r\n")
	if j < 0 {
		return s[i:], len(s)
	}
	end := i + j
	if s[end] == '\r' && end+1 < len(s) && s[end+1] == '\n' {
		return s[i:end], end + 2
	}
	return s[i:end], end + 1
}

// block reads a block node and its children.
func (x *mdExtractor) block(n ast.Node) {
	switch n.Kind() {
	case ast.KindDocument, ast.KindBlockquote, ast.KindList, ast.KindListItem,
		east.KindTable, east.KindTableHeader, east.KindTableRow:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			x.block(c)
		}
	case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, east.KindTableCell:
		x.b.endBlock(-1, -1)
		x.b.heading = n.Kind() == ast.KindHeading
		x.depth, x.raw, x.skipIn, x.skipN = 0, 0, "", 0
		x.inlines(n)
		outer, outerEnd := -1, -1
		if n.Parent() != nil && n.Parent().Kind() == ast.KindDocument {
			outer, outerEnd = x.outer(n)
		}
		x.b.endBlock(outer, outerEnd)
		x.b.heading = false
	default:
		// Code blocks, HTML blocks, thematic breaks, link reference
		// definitions and blocks of unknown kinds are not prose.
		x.b.endBlock(-1, -1)
	}
}

// inlines reads the inline children of n.
func (x *mdExtractor) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		x.inline(c)
	}
}

func (x *mdExtractor) inline(n ast.Node) {
	if x.skipN > 0 {
		if r, ok := n.(*ast.RawHTML); ok {
			x.rawHTML(r)
		}
		return
	}
	x.b.depth = x.depth + x.raw
	switch n := n.(type) {
	case *ast.Text:
		x.b.text(x.base+n.Segment.Start, x.base+n.Segment.Stop)
		if n.SoftLineBreak() || n.HardLineBreak() {
			x.b.lineBreak()
		}
	case *ast.String:
		x.b.glue(string(n.Value))
	case *ast.Link:
		if r := n.Reference; r != nil && r.Type != ast.ReferenceLinkFull {
			// In [text] and [text][] the text is the label that finds the
			// link's definition: changing it would break the link.
			x.b.placeholder()
			return
		}
		x.depth++
		x.inlines(n)
		x.depth--
	case *ast.Emphasis, *east.Strikethrough:
		x.depth++
		x.inlines(n)
		x.depth--
	case *ast.RawHTML:
		x.rawHTML(n)
	case *east.TaskCheckBox:
	default:
		// Code spans, images, autolinks and inlines of unknown kinds.
		x.b.placeholder()
	}
}

// rawHTML reads an inline HTML tag: an inline element's tags add nothing to
// the view, <br> is a line break, and the content of <code>, <kbd>, <script>
// and the like is not prose.
func (x *mdExtractor) rawHTML(n *ast.RawHTML) {
	var sb strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		s := n.Segments.At(i)
		sb.WriteString(x.src[x.base+s.Start : x.base+s.Stop])
	}
	name, closing, selfClosing := tagName(sb.String())
	if x.skipN > 0 {
		switch {
		case name != x.skipIn || selfClosing:
		case closing:
			x.skipN--
		default:
			x.skipN++
		}
		return
	}
	if name == "" { // a comment, a declaration, a processing instruction
		x.b.hidden()
		return
	}
	kind, ok := elemKinds[name]
	if !ok {
		kind = inline // block tags inside a paragraph add nothing either
	}
	switch kind {
	case lineBreak:
		if !closing {
			x.b.lineBreak()
		}
	case hidden, atom, opaque:
		if closing {
			return
		}
		if kind == hidden {
			x.b.hidden()
		} else {
			x.b.placeholder()
		}
		if !selfClosing && !voids[name] {
			x.skipIn, x.skipN = name, 1
		}
	case inline:
		switch {
		case voids[name] || selfClosing:
		case closing:
			x.raw = max(x.raw-1, 0)
		default:
			x.raw++
		}
	}
}

// tagName reads an HTML tag: its lower-case name, whether it is an end tag
// and whether it closes itself. The name is "" for comments and the like.
func tagName(tag string) (name string, closing, selfClosing bool) {
	if len(tag) < 3 || tag[0] != '<' {
		return "", false, false
	}
	i := 1
	if tag[i] == '/' {
		closing = true
		i++
	}
	j := i
	for j < len(tag) && ('a' <= tag[j]|0x20 && tag[j]|0x20 <= 'z' || j > i && ('0' <= tag[j] && tag[j] <= '9' || tag[j] == '-')) {
		j++
	}
	if j == i {
		return "", false, false
	}
	return strings.ToLower(tag[i:j]), closing, strings.HasSuffix(tag, "/>")
}

// outer returns the source span of a top-level paragraph or heading, its
// markers included, from the start of its first line to the end of its last
// (for a setext heading, the underline), or -1, -1.
func (x *mdExtractor) outer(n ast.Node) (int, int) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return -1, -1
	}
	s := x.src
	first, last := x.base+lines.At(0).Start, x.base+lines.At(lines.Len()-1).Stop
	start := strings.LastIndexAny(s[:first], "\r\n") + 1
	end := last
	if end > 0 && (s[end-1] == '\n' || s[end-1] == '\r') {
		// The segment holds the line end.
		end--
		if end > 0 && s[end] == '\n' && s[end-1] == '\r' {
			end--
		}
	} else if k := strings.IndexAny(s[end:], "\r\n"); k >= 0 {
		end += k
	} else {
		end = len(s)
	}
	if _, ok := n.(*ast.Heading); ok && !strings.HasPrefix(strings.TrimLeft(s[start:first], " \t"), "#") {
		// A setext heading: its underline is the next line.
		next := skipLineEnd(s, end)
		ul, _ := lineOf(s, next)
		end = next + len(ul)
	}
	if start < x.base || end > len(s) || start > first {
		return -1, -1
	}
	return start, end
}

// skipLineEnd returns the offset after the line end at s[i], or i when there
// is none.
func skipLineEnd(s string, i int) int {
	switch {
	case strings.HasPrefix(s[i:], "\r\n"):
		return i + 2
	case i < len(s) && (s[i] == '\n' || s[i] == '\r'):
		return i + 1
	}
	return i
}
