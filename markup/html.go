package markup

import (
	"strings"

	"golang.org/x/net/html"
)

// elemKind says what an HTML element means for the prose view.
type elemKind uint8

const (
	block     elemKind = iota // its text is prose; it starts and ends a block (the default)
	inline                    // its text is prose, in the sentence around it
	lineBreak                 // <br>: a line break inside the block
	joiner                    // <wbr>: nothing at all
	ignored                   // void elements with no text and no place: <meta>, <link>…
	hidden                    // not prose and not shown: <script>, <style>, <template>
	atom                      // not prose, shown inline: <code>, <kbd>, <img>, <svg>
	opaque                    // not prose, shown as a block: <pre>, <xmp>, <plaintext>
)

// elemKinds lists every element that is not a prose block.
var elemKinds = map[string]elemKind{
	// Inline elements whose text is prose.
	"a": inline, "abbr": inline, "acronym": inline, "b": inline, "bdi": inline, "bdo": inline,
	"big": inline, "cite": inline, "data": inline, "del": inline, "dfn": inline, "em": inline,
	"font": inline, "i": inline, "ins": inline, "label": inline, "mark": inline, "nobr": inline,
	"q": inline, "rb": inline, "rp": inline, "rt": inline, "rtc": inline, "ruby": inline,
	"s": inline, "small": inline, "span": inline, "strike": inline, "strong": inline,
	"sub": inline, "sup": inline, "time": inline, "u": inline,

	"br":  lineBreak,
	"wbr": joiner,

	"area": ignored, "base": ignored, "col": ignored, "link": ignored, "meta": ignored,
	"param": ignored, "source": ignored, "track": ignored, "keygen": ignored,

	"script": hidden, "style": hidden, "template": hidden, "noscript": hidden,
	"noembed": hidden, "noframes": hidden,

	"code": atom, "kbd": atom, "samp": atom, "var": atom, "tt": atom, "img": atom,
	"input": atom, "button": atom, "select": atom, "textarea": atom, "svg": atom,
	"math": atom, "object": atom, "embed": atom, "iframe": atom, "video": atom,
	"audio": atom, "canvas": atom, "picture": atom, "meter": atom, "progress": atom,
	"output": atom,

	"pre": opaque, "xmp": opaque, "plaintext": opaque, "listing": opaque,
}

// voids are the elements that have no end tag.
var voids = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "keygen": true, "link": true, "meta": true,
	"param": true, "source": true, "track": true, "wbr": true,
}

// rawText are the elements whose content the tokenizer reads as text until
// their end tag, even when the start tag is written self-closing.
var rawText = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true,
	"plaintext": true, "script": true, "style": true, "textarea": true,
	"title": true, "xmp": true,
}

func isHeadingTag(name string) bool {
	return name == "title" || len(name) == 2 && name[0] == 'h' && '1' <= name[1] && name[1] <= '6'
}

// openElem is an element on the stack of open elements.
type openElem struct {
	name    string
	kind    elemKind
	skip    bool // its content is not prose
	heading bool
	start   int // source offset of its start tag
	flushes int // the builder's flushes when its content began
}

// htmlExtractor reads an HTML document into a View.
type htmlExtractor struct {
	b                   *builder
	stack               []openElem
	open                map[string][]int // stack indexes of the open elements, by name
	skip, inl, headings int              // open elements that skip, are inline, are headings
	skipBase            int              // stack index of the outermost element that skips
}

// extractHTML returns the prose view of an HTML document.
func extractHTML(src string) *View {
	base := bomLen(src)
	x := &htmlExtractor{b: newBuilder(src, false), open: map[string][]int{}}
	z := html.NewTokenizer(strings.NewReader(src[base:]))
	pos := base
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		start := pos
		pos += len(z.Raw())
		if pos > len(src) {
			// The tokenizer lost its place: keep what is known to be right.
			break
		}
		switch tt {
		case html.TextToken:
			if x.skip == 0 {
				x.b.text(start, pos)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			x.startTag(z, tt == html.SelfClosingTagToken, start)
		case html.EndTagToken:
			name, _ := z.TagName()
			x.endTag(string(name), pos)
		case html.CommentToken:
			if x.skip == 0 {
				x.b.hidden()
			}
		}
	}
	v := x.b.result()
	v.format = HTML
	return v
}

// bomLen returns the length of the byte order mark at the start of src: a
// file's signature, not prose.
func bomLen(src string) int {
	if strings.HasPrefix(src, "\uFEFF") {
		return len("\uFEFF")
	}
	return 0
}

// startTag reads a start tag at source offset start.
func (x *htmlExtractor) startTag(z *html.Tokenizer, selfClosing bool, start int) {
	nameb, hasAttr := z.TagName()
	name := string(nameb)
	kind, ok := elemKinds[name]
	if !ok {
		kind = block
	}
	if hasAttr && (kind == block || kind == inline) && translateNo(z) {
		// translate="no" marks text that must stay as written.
		if kind == block {
			kind = opaque
		} else {
			kind = atom
		}
	}
	void := voids[name] || selfClosing && !rawText[name]
	if x.skip > 0 {
		if !void {
			x.push(openElem{name: name, kind: kind, start: start})
		}
		return
	}
	if name == "body" {
		x.b.fence()
	}
	switch kind {
	case inline:
	case lineBreak:
		x.b.lineBreak()
	case joiner, ignored:
	case hidden:
		x.b.hidden()
	case atom:
		x.b.placeholder()
	default: // block, opaque
		x.b.endBlock(-1, -1)
	}
	if void {
		return
	}
	e := openElem{name: name, kind: kind, start: start, skip: kind == hidden || kind == atom || kind == opaque, heading: kind == block && isHeadingTag(name)}
	x.push(e)
	if kind == block {
		x.b.heading = x.headings > 0
		x.stack[len(x.stack)-1].flushes = x.b.flushes
	}
}

// translateNo reports whether the current tag has translate="no".
func translateNo(z *html.Tokenizer) bool {
	for {
		k, v, more := z.TagAttr()
		if string(k) == "translate" && strings.EqualFold(strings.TrimSpace(string(v)), "no") {
			return true
		}
		if !more {
			return false
		}
	}
}

// push opens element e.
func (x *htmlExtractor) push(e openElem) {
	if e.skip && x.skip == 0 {
		x.skipBase = len(x.stack)
	}
	x.open[e.name] = append(x.open[e.name], len(x.stack))
	x.stack = append(x.stack, e)
	x.adjust(e, 1)
}

// adjust counts e, opened (d = 1) or closed (d = -1), in the extractor's counts.
func (x *htmlExtractor) adjust(e openElem, d int) {
	if e.skip {
		x.skip += d
	}
	if e.kind == inline {
		x.inl += d
	}
	if e.heading {
		x.headings += d
	}
	x.b.depth = x.inl
}

// pop removes the top element.
func (x *htmlExtractor) pop() openElem {
	e := x.stack[len(x.stack)-1]
	x.stack = x.stack[:len(x.stack)-1]
	idx := x.open[e.name]
	x.open[e.name] = idx[:len(idx)-1]
	x.adjust(e, -1)
	return e
}

// endTag reads the end tag of element name, which ends at source offset end.
func (x *htmlExtractor) endTag(name string, end int) {
	kind, ok := elemKinds[name]
	if !ok {
		kind = block
	}
	if name == "head" && x.skip == 0 {
		x.b.fence()
	}
	idx := x.open[name]
	if len(idx) == 0 || x.skip > 0 && idx[len(idx)-1] < x.skipBase {
		if x.skip > 0 {
			// It would close an element around the content that is not
			// prose: a stray tag inside it, as in "<pre>a</p>b</pre>".
			return
		}
		// A stray end tag: a block boundary all the same; </br> is a <br>.
		switch kind {
		case block, opaque:
			x.b.endBlock(-1, -1)
		case lineBreak:
			x.b.lineBreak()
		}
		return
	}
	wasSkipping := x.skip > 0
	var e openElem
	for {
		e = x.pop()
		if e.name == name {
			break
		}
	}
	if x.skip > 0 {
		return // still inside content that is not prose
	}
	switch {
	case wasSkipping && e.kind == opaque:
		x.b.endBlock(-1, -1)
	case !wasSkipping && (e.kind == block || e.kind == opaque):
		if x.b.flushes == e.flushes {
			x.b.endBlock(e.start, end)
		} else {
			x.b.endBlock(-1, -1)
		}
	}
	x.b.heading = x.headings > 0
}
