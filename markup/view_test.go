package markup

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkView checks the invariants of a view of src: segments in order, not
// overlapping, non-empty, inside the view and the source, and equal there;
// blocks in order inside the view.
func checkView(t testing.TB, src string, v *View) {
	t.Helper()
	lastV, lastS := 0, 0
	for i, s := range v.Segments {
		require.Positive(t, s.Len, "segment %d is empty", i)
		require.GreaterOrEqual(t, s.View, lastV, "segment %d out of order in the view", i)
		require.GreaterOrEqual(t, s.Src, lastS, "segment %d out of order in the source", i)
		require.LessOrEqual(t, s.View+s.Len, len(v.Text), "segment %d past the view", i)
		require.LessOrEqual(t, s.Src+s.Len, len(src), "segment %d past the source", i)
		require.Equal(t, src[s.Src:s.Src+s.Len], v.Text[s.View:s.View+s.Len], "segment %d", i)
		lastV, lastS = s.View+s.Len, s.Src+s.Len
	}
	last := 0
	for i, b := range v.Blocks {
		require.GreaterOrEqual(t, b.Start, last, "block %d out of order", i)
		require.LessOrEqual(t, b.Start, b.End, "block %d", i)
		require.LessOrEqual(t, b.End, len(v.Text), "block %d", i)
		if b.Outer >= 0 {
			require.LessOrEqual(t, b.Outer, b.OuterEnd, "block %d", i)
			require.LessOrEqual(t, b.OuterEnd, len(src), "block %d", i)
		}
		last = b.End
	}
}

// segTexts returns the source text of each segment.
func segTexts(src string, v *View) []string {
	var out []string
	for _, s := range v.Segments {
		out = append(out, src[s.Src:s.Src+s.Len])
	}
	return out
}

type viewCase struct {
	name, src string
	view      string   // the prose view
	segs      []string // the source text of each segment, when given
}

func runViewCases(t *testing.T, f Format, cases []viewCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := Extract(c.src, f)
			checkView(t, c.src, v)
			assert.Equal(t, c.view, v.Text)
			if c.segs != nil {
				assert.Equal(t, c.segs, segTexts(c.src, v))
			}
		})
	}
}

func TestViewHTML(t *testing.T) {
	runViewCases(t, HTML, []viewCase{
		{"text of a paragraph", "<p>changing,everything</p>", "changing,everything", []string{"changing,everything"}},
		{"inline elements join the sentence", "<p><b>russia</b>’s role of <abbr title=x>NATO</abbr>.The</p>",
			"russia’s role of NATO.The", []string{"russia", "’s role of ", "NATO", ".The"}},
		{"blocks are paragraphs", "<h1>A</h1><p>B</p><ul><li>C</li><li>D</li></ul><table><tr><td>E</td><td>F</td></tr></table>",
			"A\n\nB\n\nC\n\nD\n\nE\n\nF", nil},
		{"text around a nested block", "<div>one<p>two</p>three</div>", "one\n\ntwo\n\nthree", nil},
		{"br is a line break, two make a paragraph break", "<p>one<br>two<br/><br>three</p>", "one\ntwo\n\nthree", nil},
		{"indentation and line ends are glue", "<div>\n  <p>\n    wrapped\n    text  \n  </p>\n</div>",
			"wrapped\ntext", []string{"wrapped", "text"}},
		{"CRLF and trailing spaces are glue", "<p>one  \r\ntwo\r\n</p>", "one\ntwo", []string{"one", "two"}},
		{"spaces between inline elements are prose", "<p><b>a</b> <i>b</i></p>", "a b", []string{"a", " ", "b"}},
		{"comments, scripts and styles are not prose", "<p>a<!-- teh -->b</p><script>NATO.The</script><style>p{}</style><p>c</p>",
			"ab\n\nc", []string{"a", "b", "c"}},
		{"inline code is a placeholder", "<p>use <code>teh</code>, <kbd>NATO.The</kbd> and <samp>x</samp> <var>y</var></p>",
			"use `…`, `…` and `…` `…`", nil},
		{"spaces around a comment read as one", "<p>a <!-- x --> b <script>y</script>  c</p>", "a b c", []string{"a ", "b ", "c"}},
		{"pre is not prose", "<p>x</p><pre>teh\n  NATO.The <b>y</b></pre><p>z</p>", "x\n\nz", nil},
		{"attributes are not prose", `<p title="changing,everything" class="a,b">ok</p>`, "ok", []string{"ok"}},
		{"entities read decoded", "<p>AT&amp;T&rsquo;s&nbsp;x &#8217;&#x2019; &foo; &amp</p>",
			"AT&T’s\u00a0x ’’ &foo; &amp", []string{"AT", "T", "s", "x ", " &foo; &amp"}},
		{"translate=no is not prose", `<p>Say <span translate="no">teh</span> now</p><div translate=no>teh</div>`, "Say `…` now", nil},
		{"the title is a heading on one line", "<title>Putin\n   talks</title>", "Putin talks", []string{"Putin", "talks"}},
		{"a heading with a br is one line", "<h2>A<br>B</h2>", "A B", nil},
		{"head and body are fenced apart", "<html><head><title>T</title></head><body><h1>T</h1></body></html>",
			"T\n\n" + Placeholder + "\n\nT", nil},
		{"textarea is not prose", "<p>a</p><textarea>teh</textarea><p>b <textarea>c</textarea> d</p>", "a\n\n`…`\n\nb `…` d", nil},
		{"an unclosed code element hides the rest", "<p>a <code>b</p><p>c</p>", "a `…`", nil},
		{"a stray end tag inside pre does not end it", "<p>a</p><pre>x</p>y</pre><p>z</p>", "a\n\nz", nil},
		{"images are placeholders", "<p>see <img src=x.png alt='teh'> here</p>", "see `…` here", nil},
		{"a byte order mark is not prose", "\uFEFF<p>x</p>", "x", nil},
		{"blank blocks are not prose", "<div> </div><p>\n\t</p> <p>x</p>", "x", nil},
		{"raw text elements self-closed still hide their content", "<p>a</p><script/>teh</script><p>b</p>", "a\n\nb", nil},
		{"svg is a placeholder", "<p>a <svg><text>teh</text></svg> b</p>", "a `…` b", nil},
		{"text without tags", "plain,text", "plain,text", nil},
		{"empty", "", "", nil},
	})
}

func TestViewHTMLDepthAndOffsets(t *testing.T) {
	src := "<p><a href=x><b>NATO</b></a>.The <i>world</i></p>"
	v := Extract(src, HTML)
	checkView(t, src, v)
	require.Equal(t, "NATO.The world", v.Text)
	assert.Equal(t, []Segment{
		{View: 0, Src: 16, Len: 4, Depth: 2},
		{View: 4, Src: 28, Len: 5, Depth: 0},
		{View: 9, Src: 36, Len: 5, Depth: 1},
	}, v.Segments)
	assert.Equal(t, []Block{{Start: 0, End: 14, Outer: 0, OuterEnd: len(src)}}, v.Blocks)
	for off, want := range map[int]int{0: 16, 3: 19, 4: 28, 8: 32, 9: 36, 14: 41} {
		got, ok := v.Source(off)
		assert.True(t, ok, "view offset %d", off)
		assert.Equal(t, want, got, "view offset %d", off)
	}
}

func TestViewHTMLBlocks(t *testing.T) {
	src := "<h1>A</h1>\n<h1 class=x>A</h1>\n<p>b<!-- c --></p><div>d<p>e</p></div>"
	v := Extract(src, HTML)
	checkView(t, src, v)
	require.Equal(t, "A\n\nA\n\nb\n\nd\n\ne", v.Text)
	require.Len(t, v.Blocks, 5)
	assert.Equal(t, "<h1>A</h1>", src[v.Blocks[0].Outer:v.Blocks[0].OuterEnd], "a whole element")
	assert.Equal(t, "<h1 class=x>A</h1>", src[v.Blocks[1].Outer:v.Blocks[1].OuterEnd], "a whole element")
	assert.True(t, v.Blocks[0].Heading && v.Blocks[1].Heading)
	assert.Equal(t, -1, v.Blocks[2].Outer, "a comment inside: not only prose")
	assert.Equal(t, -1, v.Blocks[3].Outer, "the div holds another block")
	assert.Equal(t, "<p>e</p>", src[v.Blocks[4].Outer:v.Blocks[4].OuterEnd])
}

func TestViewMarkdown(t *testing.T) {
	runViewCases(t, Markdown, []viewCase{
		{"a paragraph with a soft break", "a,b\nc\n", "a,b\nc", []string{"a,b", "c"}},
		{"a hard break of two spaces is glue", "a  \nb", "a\nb", []string{"a", "b"}},
		{"a backslash hard break is glue", "a\\\nb", "a\nb", []string{"a", "b"}},
		{"CRLF line ends", "a,b\r\nc\r\n\r\nd\r\n", "a,b\nc\n\nd", []string{"a,b", "c", "d"}},
		{"an ATX heading", "# Title ##\n\ntext", "Title\n\ntext", []string{"Title", "text"}},
		{"a setext heading is one line", "A\nB\n===\n", "A B", []string{"A", "B"}},
		{"a code span is a placeholder", "use `teh` now", "use `…` now", []string{"use ", " now"}},
		{"fenced and indented code are not prose", "x\n\n```go\nteh\n```\n\n    NATO.The\n\ny", "x\n\ny", nil},
		{"link text is prose, its destination and title are not", `[a,b](http://x/a,b "t,t") c`, "a,b c", []string{"a,b", " c"}},
		{"a full reference link's text is prose", "[text][r]\n\n[r]: http://x/a,b", "text", []string{"text"}},
		{"a shortcut reference link's text is its label", "[teh] and [thes][]\n\n[teh]: http://x\n[thes]: http://y", "`…` and `…`", nil},
		{"an autolink is a placeholder", "see <http://x.org/a,b> now", "see `…` now", nil},
		{"an image is a placeholder", "see ![teh](x.png) now", "see `…` now", nil},
		{"inline HTML tags are not prose", "a <b>c</b> d", "a c d", []string{"a ", "c", " d"}},
		{"inline HTML code is a placeholder", "a <code>teh</code> b <kbd>x<i>y</i></kbd> c", "a `…` b `…` c", nil},
		{"an HTML block is not prose", "<div>\nteh\n</div>\n\ntext", "text", nil},
		{"YAML front matter is not prose", "---\ntitle: a,b\n---\ntext", "text", []string{"text"}},
		{"TOML front matter is not prose", "+++\ntitle = \"a,b\"\n+++\n\ntext", "text", nil},
		{"an unclosed front matter is Markdown", "---\ntext", "text", nil},
		{"lists, quotes and tables", "- one\n- two\n\n> three\n> four\n\n| a | b |\n|---|---|\n| c | d |\n",
			"one\n\ntwo\n\nthree\nfour\n\na\n\nb\n\nc\n\nd", nil},
		{"a task list's box is not prose", "- [x] done,now", "done,now", nil},
		{"backslash escapes read decoded", `\*a\* b`, "*a* b", []string{"a", " b"}},
		{"entities read decoded", "AT&amp;T &copy;", "AT&T ©", []string{"AT", "T "}},
		{"emphasis joins the sentence", "*NATO*.The **world**", "NATO.The world", []string{"NATO", ".The ", "world"}},
		{"a thematic break ends a paragraph", "a\n\n***\n\nb", "a\n\nb", nil},
		{"a byte order mark is not prose", "\uFEFF# T", "T", nil},
		{"empty", "", "", nil},
	})
}

func TestViewMarkdownDepthAndBlocks(t *testing.T) {
	src := "# A\n\n# A\n\n> quoted\n\nB\nC\n=\n\npara,x **b**\n"
	v := Extract(src, Markdown)
	checkView(t, src, v)
	require.Equal(t, "A\n\nA\n\nquoted\n\nB C\n\npara,x b", v.Text)
	require.Len(t, v.Blocks, 5)
	outer := func(i int) string {
		if v.Blocks[i].Outer < 0 {
			return ""
		}
		return src[v.Blocks[i].Outer:v.Blocks[i].OuterEnd]
	}
	assert.Equal(t, "# A", outer(0))
	assert.Equal(t, "# A", outer(1))
	assert.Equal(t, "", outer(2), "inside a block quote: not top level")
	assert.Equal(t, "B\nC\n=", outer(3), "a setext heading with its underline")
	assert.Equal(t, "para,x **b**", outer(4))
	assert.True(t, v.Blocks[0].Heading && v.Blocks[3].Heading && !v.Blocks[4].Heading)
	last := v.Segments[len(v.Segments)-1]
	assert.Equal(t, "b", src[last.Src:last.Src+last.Len])
	assert.Equal(t, 1, last.Depth, "inside strong emphasis")
}

func TestViewText(t *testing.T) {
	v := Extract("plain <b>text</b>", Text)
	assert.Equal(t, "plain <b>text</b>", v.Text, "Text is all prose")
	assert.Equal(t, []Segment{{Len: 17}}, v.Segments)
	assert.Empty(t, Extract("", Text).Segments)
	assert.Equal(t, "x", Extract("<p>x</p>", Auto).Text, "Auto detects HTML")
}

func TestFrontMatterLen(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
	}{
		{"---\na: 1\n---\nbody", len("---\na: 1\n---\n")},
		{"---  \r\na: 1\r\n...\r\nbody", len("---  \r\na: 1\r\n...\r\n")},
		{"+++\na = 1\n+++", len("+++\na = 1\n+++")},
		{"+++\na = 1\n...\n", 0},
		{"---\nno end", 0},
		{"text\n---\n", 0},
		{"", 0},
	} {
		assert.Equal(t, c.want, frontMatterLen(c.src), "%q", c.src)
	}
	assert.True(t, strings.HasPrefix("---\n", "---"))
}
