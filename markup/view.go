package markup

import (
	"html"
	"sort"
	"strings"
	"unicode/utf8"
)

// View is the prose of a marked-up document as plain text, for the passes
// to read, with the map back to the source.
//
// Text is made of Segments, runs of prose copied byte for byte from the
// source, and of synthetic glue between them that the passes read but that
// maps to no source byte and is never edited:
//
//   - "\n\n" between blocks (paragraphs, headings, list items, table cells…);
//   - "\n" for a line break inside a block (a soft or hard line break, <br>),
//     standing for the line end and the white space around it, so that the
//     passes never see trailing spaces, indentation or line ends of the
//     source; inside a heading the glue is " ", so a heading is one line;
//   - the decoded character of an entity ("&rsquo;" reads "’") or of a
//     Markdown backslash escape ("\*" reads "*"), so that words and quotes
//     read as they are rendered while the reference itself is kept;
//   - Placeholder for inline content that is not prose but takes a place in
//     the sentence: inline code, images, autolinks, <kbd>, <svg>…; and a
//     paragraph of Placeholder alone between an HTML document's head and
//     body, so that an <h1> that repeats the <title> is not taken for a
//     headline scraped twice.
//
// Inline markup (<b>, <a>, *emphasis*, [link text]) adds no glue, so a
// sentence split across it reads as one sentence: "<b>NATO</b>.The" reads
// "NATO.The".
type View struct {
	// Text is the prose view.
	Text string
	// Segments are the runs of prose, in order both in Text and in the source.
	Segments []Segment
	// Blocks are the view's blocks, in order; "\n\n" separates them.
	Blocks []Block

	src    string
	format Format
}

// Segment is a run of prose copied from the source:
// Text[View : View+Len] == src[Src : Src+Len].
type Segment struct {
	View  int // offset in the view
	Src   int // offset in the source
	Len   int // length in bytes
	Depth int // how many inline elements (<b>, <a>, emphasis, links…) enclose it
}

// Block is one block of the view: a paragraph, heading, list item, table
// cell or other block element's text.
type Block struct {
	// Start and End are the block's offsets in the view, End exclusive.
	Start, End int
	// Outer and OuterEnd are the source span of the whole element (its tags
	// or Markdown markers included) when the element holds this block's text
	// alone and nothing else that is not prose; both are -1 otherwise.
	Outer, OuterEnd int
	// Heading is true for a heading (<h1>…<h6>, <title>, a Markdown heading).
	Heading bool
}

// Placeholder stands in the view for inline content that is not prose, such
// as inline code or an image: a code literal to the passes, so that no pass
// edits it and the sentence around it still reads as one.
const Placeholder = "`…`"

// A View comes from Extract; it is not to be modified.

// Source returns the source offset of view offset off, and whether off lies
// in or at the edge of a segment; where two segments meet, the one that
// starts there is used.
func (v *View) Source(off int) (int, bool) {
	segs := v.Segments
	i := sort.Search(len(segs), func(i int) bool { return segs[i].View+segs[i].Len > off })
	if i < len(segs) && segs[i].View <= off {
		return segs[i].Src + off - segs[i].View, true
	}
	if i > 0 && segs[i-1].View+segs[i-1].Len == off {
		return segs[i-1].Src + segs[i-1].Len, true
	}
	return 0, false
}

// pendingKind is the kind of white space a builder holds back.
type pendingKind uint8

const (
	pendSpace pendingKind = iota // spaces and tabs: prose, once content follows
	pendLine                     // white space with a line end: "\n" glue
	pendBreak                    // <br>: "\n" glue
)

type pending struct {
	kind       pendingKind
	start, end int // source span of a pendSpace
	depth      int // inline depth of a pendSpace
}

// builder builds a View. The extractors call text, glue, lineBreak,
// placeholder and endBlock in source order.
type builder struct {
	src      string
	markdown bool // read backslash escapes
	view     []byte
	segs     []Segment
	blocks   []Block

	depth   int  // inline nesting of the text that comes
	heading bool // the current block is a heading

	inBlock    bool // the current block has content
	blockStart int  // view offset of the current block
	atoms      bool // the current block holds something that is not prose
	flushes    int  // blocks ended so far
	fenceEnd   int  // view offset after the last fence
	// spaceHidden is set after hidden content that follows a space, until
	// prose comes.
	spaceHidden bool
	held        []pending
}

func newBuilder(src string, markdown bool) *builder {
	return &builder{src: src, markdown: markdown, view: make([]byte, 0, len(src)/2+16)}
}

// result returns the View.
func (b *builder) result() *View {
	b.endBlock(-1, -1)
	return &View{Text: string(b.view), Segments: b.segs, Blocks: b.blocks, src: b.src}
}

// isHTMLSpace reports whether c is HTML white space.
func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// text adds the source text src[start:end]: prose, with its white space held
// back until more content follows in the block, and its references read as
// glue.
func (b *builder) text(start, end int) {
	s := b.src
	for i := start; i < end; {
		c := s[i]
		if isHTMLSpace(c) {
			j, line := i, false
			for j < end && isHTMLSpace(s[j]) {
				line = line || s[j] == '\n' || s[j] == '\r' || s[j] == '\f'
				j++
			}
			switch {
			case line:
				b.held = append(b.held, pending{kind: pendLine})
			case b.spaceHidden:
				// Spaces on both sides of a comment or a script: the
				// second is layout around it, not a doubled space.
			default:
				b.held = append(b.held, pending{kind: pendSpace, start: i, end: j, depth: b.depth})
			}
			i = j
			continue
		}
		if c == '&' {
			if n, dec := entityAt(s[i:end]); n > 0 {
				b.glue(dec)
				i += n
				continue
			}
		}
		if c == '\\' && b.markdown && i+1 < end && isASCIIPunct(s[i+1]) {
			b.glue(s[i+1 : i+2])
			i += 2
			continue
		}
		// A run of prose up to the next white space or reference.
		j := i + 1
		for j < end && !isHTMLSpace(s[j]) && s[j] != '&' && (s[j] != '\\' || !b.markdown) {
			j++
		}
		b.content()
		b.segment(i, j, b.depth)
		i = j
		b.spaceHidden = false
	}
}

// segment appends src[start:end], at inline depth depth, to the view as prose.
func (b *builder) segment(start, end, depth int) {
	if start >= end {
		return
	}
	v := len(b.view)
	b.view = append(b.view, b.src[start:end]...)
	if n := len(b.segs); n > 0 {
		last := &b.segs[n-1]
		if last.Src+last.Len == start && last.View+last.Len == v && last.Depth == depth {
			last.Len += end - start
			return
		}
	}
	b.segs = append(b.segs, Segment{View: v, Src: start, Len: end - start, Depth: depth})
}

// content starts the block if needed and writes the white space held back,
// as content follows it.
func (b *builder) content() {
	if !b.inBlock {
		if len(b.view) > 0 {
			b.view = append(b.view, "\n\n"...)
		}
		b.inBlock, b.blockStart = true, len(b.view)
		b.held = b.held[:0] // white space at the start of a block is not prose
		return
	}
	lines, brs := 0, 0
	for _, p := range b.held {
		switch p.kind {
		case pendLine:
			lines++
		case pendBreak:
			brs++
		}
	}
	switch {
	case lines+brs == 0:
		for _, p := range b.held {
			b.segment(p.start, p.end, p.depth)
		}
	case b.heading:
		// A heading reads as one line. Spaces around a line end are not
		// prose: they are trailing spaces or indentation.
		b.view = append(b.view, ' ')
	default:
		n := min(max(brs, 1), 2)
		b.view = append(b.view, "\n\n"[:n]...)
	}
	b.held = b.held[:0]
}

// glue appends synthetic content: it reads as text but maps to no source
// byte and is never edited.
func (b *builder) glue(s string) {
	b.content()
	b.spaceHidden = false
	b.view = append(b.view, s...)
}

// placeholder stands for inline content that is not prose.
func (b *builder) placeholder() {
	b.glue(Placeholder)
	b.atoms = true
}

// fence ends the block and writes a paragraph of glue alone, Placeholder,
// between the document's head and its body: a <title> is metadata, and an
// <h1> that repeats it is not a headline scraped twice. The fence is not one
// of the view's Blocks.
func (b *builder) fence() {
	b.endBlock(-1, -1)
	if len(b.view) > 0 && len(b.view) != b.fenceEnd {
		b.view = append(b.view, "\n\n"+Placeholder...)
		b.fenceEnd = len(b.view)
	}
}

// hidden notes content that is not prose and takes no place in the text
// (a comment, a script): the block is no longer only prose.
func (b *builder) hidden() {
	b.atoms = true
	if n := len(b.held); n > 0 && b.held[n-1].kind == pendSpace {
		b.spaceHidden = true
	}
}

// lineBreak adds a line break inside the block (<br>, a Markdown hard or
// soft break), written when content follows.
func (b *builder) lineBreak() {
	if b.inBlock {
		b.held = append(b.held, pending{kind: pendBreak})
	}
}

// endBlock ends the current block; outer and outerEnd are the source span of
// the element that holds the block alone, or -1.
func (b *builder) endBlock(outer, outerEnd int) {
	b.held = b.held[:0]
	if b.inBlock {
		if b.atoms || outer < 0 {
			outer, outerEnd = -1, -1
		}
		b.blocks = append(b.blocks, Block{Start: b.blockStart, End: len(b.view), Outer: outer, OuterEnd: outerEnd, Heading: b.heading})
		b.flushes++
	}
	b.inBlock, b.atoms, b.spaceHidden = false, false, false
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// entityAt returns the length and the decoded text of the character
// reference at the start of s ("&amp;", "&#8217;", "&#x2019;"), or 0 when
// there is none or it decodes to nothing known. Only references closed by
// ";" are read.
func entityAt(s string) (int, string) {
	if len(s) < 3 || s[0] != '&' {
		return 0, ""
	}
	i := 1
	switch {
	case s[1] == '#':
		i = 2
		hex := i < len(s) && (s[i] == 'x' || s[i] == 'X')
		if hex {
			i++
		}
		d := i
		for i < len(s) && i-d < 8 && (isDigitByte(s[i]) || hex && isHexLetter(s[i])) {
			i++
		}
		if i == d {
			return 0, ""
		}
	default:
		for i < len(s) && i < 33 && (isDigitByte(s[i]) || isHexLetter(s[i]) || 'a' <= s[i]|0x20 && s[i]|0x20 <= 'z') {
			i++
		}
		if i == 1 {
			return 0, ""
		}
	}
	if i >= len(s) || s[i] != ';' {
		return 0, ""
	}
	ref := s[:i+1]
	dec := html.UnescapeString(ref)
	if dec == ref || !utf8.ValidString(dec) {
		return 0, ""
	}
	return i + 1, dec
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }
func isHexLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'f' }
