package markup

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spacing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/transform"
)

// basePipeline is normalize and spacing: the finished passes, so that these
// tests do not move with the passes still being written.
func basePipeline(t testing.TB, extra ...normalize.Pass) *normalize.Pipeline {
	t.Helper()
	n, err := normalize.New()
	require.NoError(t, err)
	s, err := spacing.New()
	require.NoError(t, err)
	p, err := normalize.NewPipeline(append([]normalize.Pass{n, s}, extra...))
	require.NoError(t, err)
	return p
}

// checkClean cleans src and checks the report: it applies to src to give
// the output, every change lies in one prose segment (or deletes whole
// blocks of a repeated paragraph), and lines and columns are right.
func checkClean(t testing.TB, p *normalize.Pipeline, src string, f Format) (string, *normalize.Report) {
	t.Helper()
	out, rep, err := clean(p, src, f)
	require.NoError(t, err, "the report applies to the source")
	v := Extract(src, f)
	checkView(t, src, v)
	for _, c := range rep.Changes {
		require.Equal(t, src[c.Offset:c.Offset+c.Len], c.Old, "%v", c)
		if strings.Contains(c.Rule, normalize.RuleRepeatedParagraph) {
			continue
		}
		require.True(t, inSegment(v, c), "change %v is not inside one prose segment", c)
	}
	for _, list := range [][]normalize.Change{rep.Changes, rep.Suggestions} {
		for _, c := range list {
			require.LessOrEqual(t, c.Offset+c.Len, len(src), "%v", c)
			line := strings.Count(src[:c.Offset], "\n") + 1
			col := c.Offset - (strings.LastIndexByte(src[:c.Offset], '\n') + 1) + 1
			require.Equal(t, [2]int{line, col}, [2]int{c.Line, c.Col}, "line and column of %v", c)
		}
	}
	return out, rep
}

// inSegment reports whether change c lies in one segment of v, or touches
// one for an insertion.
func inSegment(v *View, c normalize.Change) bool {
	for _, s := range v.Segments {
		if s.Src <= c.Offset && c.Offset+c.Len <= s.Src+s.Len && (c.Len > 0 || true) {
			return true
		}
	}
	return false
}

type fixCase struct {
	name, src, want string
}

func runFixCases(t *testing.T, f Format, cases []fixCase) {
	p := basePipeline(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, _ := checkClean(t, p, c.src, f)
			assert.Equal(t, c.want, out)
		})
	}
}

func TestMustFixHTML(t *testing.T) {
	runFixCases(t, HTML, []fixCase{
		{"a space after a comma", "<p>changing,everything</p>", "<p>changing, everything</p>"},
		{"a sentence split by inline markup", "<p><b>NATO</b>.The world</p>", "<p><b>NATO</b>. The world</p>"},
		{"the space goes outside the element it follows", "<p><b>NATO.</b>The world</p>", "<p><b>NATO.</b> The world</p>"},
		{"a speaker label", "<p><b>Archyde:</b>European leaders</p>", "<p><b>Archyde:</b> European leaders</p>"},
		{"the space goes before the element it precedes", `<p>changing,<a href="/x">everything</a></p>`, `<p>changing, <a href="/x">everything</a></p>`},
		{"a doubled space after a label", "<p><b>Archyde:</b>  European</p>", "<p><b>Archyde:</b> European</p>"},
		{"a doubled space across an element", "<p>one <i> two</i></p>", "<p>one <i>two</i></p>"},
		{"an abbreviation glued to a name", "<p>Dr.Ivanova said</p>", "<p>Dr. Ivanova said</p>"},
		{"a wrapped paragraph keeps its layout",
			"<p>\n  changing,everything\n  is possible,yes  \n</p>",
			"<p>\n  changing, everything\n  is possible, yes  \n</p>"},
		{"a headline scraped twice", "<h1>Putin talks</h1>\n<h1>Putin talks</h1>\n<p>x</p>", "<h1>Putin talks</h1>\n<p>x</p>"},
		{"a headline scraped three times", "<h1>Putin talks</h1>\n<h1>Putin talks</h1>\n\n<h1>Putin talks</h1><p>x</p>", "<h1>Putin talks</h1><p>x</p>"},
		{"a no-break space character", "<p>a\u00a0b</p>", "<p>a b</p>"},
		{"a zero-width space", "<p>ab\u200bc</p>", "<p>abc</p>"},
		{"text in a table cell", "<table><tr><td>NATO.The</td></tr></table>", "<table><tr><td>NATO. The</td></tr></table>"},
		{"text after a comment", "<p>a<!-- x -->,b</p>", "<p>a<!-- x -->, b</p>"},
	})
}

func TestMustNotChangeHTML(t *testing.T) {
	p := basePipeline(t)
	for _, c := range []struct{ name, src string }{
		{"code in pre", "<pre><code>NATO.The changing,everything teh\n  x  \n</code></pre>"},
		{"inline code and kbd", "<p>Use <code>NATO.The</code> and <kbd>a,b</kbd> or <samp>x  y</samp>.</p>"},
		{"attributes", `<p title="changing,everything" data-x="NATO.The">ok.</p>`},
		{"a link URL", `<p><a href="https://x.org/changing,everything?q=NATO.The">link</a></p>`},
		{"a comment", "<!-- NATO.The changing,everything -->"},
		{"a script", `<script>var a = "NATO.The changing,everything";  </script>`},
		{"a style", `<style>p { font-family: "a,b"; }</style>`},
		{"entities", "<p>AT&amp;T&nbsp;&nbsp;x &#8203;y &ldquo;z&rdquo;</p>"},
		{"CRLF line ends and trailing spaces", "<p>one  \r\ntwo\r\n</p>\r\n"},
		{"a title repeated as the headline", "<html><head><title>T x</title></head><body><h1>T x</h1></body></html>"},
		{"translate=no", `<p>Say <span translate="no">NATO.The</span> <b translate="no">a,b</b></p>`},
		{"a textarea", "<textarea>a,b\n  NATO.The</textarea>"},
		{"the doctype", "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"a,b\">"},
		{"indentation between blocks", "<ul>\n    <li>a</li>\n\t\t<li>b</li>\n</ul>\n"},
		{"a processing instruction", "<?xml version=\"1.0\"?><p>ok</p>"},
		{"CDATA", "<p>a<![CDATA[NATO.The]]></p>"},
		{"spaces around a comment", "<p>a <!-- x --> b</p>"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, rep := checkClean(t, p, c.src, HTML)
			assert.Equal(t, c.src, out)
			assert.Empty(t, rep.Changes)
		})
	}
}

func TestMustFixMarkdown(t *testing.T) {
	runFixCases(t, Markdown, []fixCase{
		{"a space after a comma", "changing,everything\n", "changing, everything\n"},
		{"a sentence split by emphasis", "*NATO*.The world", "*NATO*. The world"},
		{"the space goes outside the link", "[NATO.](http://x)The world", "[NATO.](http://x) The world"},
		{"a closer glued to a word is not emphasis, but text", "**NATO.**The", "**NATO.**The"},
		{"a doubled space after a label", "**Archyde:**  European", "**Archyde:** European"},
		{"link text is prose", "[changing,everything](http://x/a,b)", "[changing, everything](http://x/a,b)"},
		{"a full reference link's text is prose", "[a,b][r]\n\n[r]: http://x/a,b\n", "[a, b][r]\n\n[r]: http://x/a,b\n"},
		{"a headline scraped twice", "# Putin talks\n\n# Putin talks\n\ntext\n", "# Putin talks\n\ntext\n"},
		{"a paragraph scraped twice", "a b c.\n\na b c.\n", "a b c.\n"},
		{"a hard line break survives", "a,b  \nc,d\n", "a, b  \nc, d\n"},
		{"block quotes", "> quote,here\n> more,here\n", "> quote, here\n> more, here\n"},
		{"list items", "- item,one\n- item,two\n", "- item, one\n- item, two\n"},
		{"table cells", "| a,b | c |\n|---|---|\n| d,e | f |\n", "| a, b | c |\n|---|---|\n| d, e | f |\n"},
		{"headings", "## NATO.The talks\n", "## NATO. The talks\n"},
		{"escaped characters stay escaped", `\*NATO\* said,yes`, `\*NATO\* said, yes`},
		{"after front matter", "---\ntitle: a,b\n---\nchanging,everything\n", "---\ntitle: a,b\n---\nchanging, everything\n"},
	})
}

func TestMustNotChangeMarkdown(t *testing.T) {
	p := basePipeline(t)
	for _, c := range []struct{ name, src string }{
		{"a fenced code block", "```\nNATO.The changing,everything teh  \n```\n"},
		{"an indented code block", "    NATO.The changing,everything\n"},
		{"a code span", "Use `NATO.The  a,b` now.\n"},
		{"an autolink", "<https://x.org/changing,everything>\n"},
		{"a link destination and title", "[text](https://x.org/a,b \"changing,everything\")\n"},
		{"a reference definition", "[text][r]\n\n[r]: https://x.org/a,b \"changing,everything\"\n"},
		{"a shortcut reference link's label", "[teh,x] and [a,b][]\n\n[teh,x]: http://x\n[a,b]: http://y\n"},
		{"an image", "![changing,everything](x,y.png \"a,b\")\n"},
		{"an HTML block", "<div>\nchanging,everything\n</div>\n"},
		{"YAML front matter", "---\ntitle: changing,everything\n---\ntext\n"},
		{"TOML front matter", "+++\ntitle = \"changing,everything\"\n+++\ntext\n"},
		{"an HTML comment", "<!-- changing,everything -->\n"},
		{"inline HTML code", "a <code>NATO.The</code> b\n"},
		{"CRLF line ends and hard breaks", "line one  \r\nline two\r\n"},
		{"a backslash hard break", "line one\\\nline two\n"},
		{"a space would open a list", "1.The list\n"},
		{"a space would open a heading", "##NATO\n"},
		{"a thematic break", "***\n---\n"},
		{"entities", "AT&amp;T&nbsp;&nbsp;x\n"},
		{"a task list box", "- [ ] task\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, rep := checkClean(t, p, c.src, Markdown)
			assert.Equal(t, c.src, out)
			assert.Empty(t, rep.Changes)
		})
	}
}

// replacePass replaces every old in the text with new.
func replacePass(old, new string, conf float64) normalize.Pass {
	return normalize.PassFunc{PassName: "test", Func: func(d *normalize.Doc) []normalize.Edit {
		var edits []normalize.Edit
		for i := 0; ; {
			k := strings.Index(d.Text[i:], old)
			if k < 0 {
				return edits
			}
			edits = append(edits, normalize.Edit{Start: i + k, End: i + k + len(old), New: new, Rule: "test/replace", Confidence: conf, Message: "replace"})
			i += k + len(old)
		}
	}}
}

func TestCrossingEditIsSuggested(t *testing.T) {
	p := basePipeline(t, replacePass("ab", "X", 0))
	src := "<p>x <b>a</b>b y</p>"
	out, rep := checkClean(t, p, src, HTML)
	assert.Equal(t, src, out, "not made")
	assert.Empty(t, rep.Changes)
	require.Len(t, rep.Suggestions, 1)
	s := rep.Suggestions[0]
	assert.Equal(t, "a</b>b", s.Old, "the suggestion covers the markup it crosses")
	assert.Equal(t, "X", s.New)
	assert.Equal(t, 8, s.Offset)
	assert.Equal(t, "test/replace", s.Rule)
	assert.Contains(t, s.Message, "crosses markup")
}

func TestNarrowedEditIsMade(t *testing.T) {
	p := basePipeline(t, replacePass("russia’s", "Russia’s", 0))
	out, rep := checkClean(t, p, "<p>ensure <em>russia</em>’s role</p>", HTML)
	assert.Equal(t, "<p>ensure <em>Russia</em>’s role</p>", out)
	require.Len(t, rep.Changes, 1)
	assert.Equal(t, "r", rep.Changes[0].Old)
	assert.Equal(t, "R", rep.Changes[0].New)
}

func TestGlueEditsAreDropped(t *testing.T) {
	p := basePipeline(t, replacePass(Placeholder, "CODE", 0), replacePass("\n\n", " ", 0), replacePass("’", "'", 0))
	src := "<p>a <code>x</code> b</p><p>c&rsquo;s</p>"
	out, rep := checkClean(t, p, src, HTML)
	assert.Equal(t, src, out)
	assert.Empty(t, rep.Changes)
	assert.Empty(t, rep.Suggestions, "edits of glue alone are not prose: nothing to suggest")
}

func TestSuggestionsAreMapped(t *testing.T) {
	p := basePipeline(t, replacePass("teh", "the", 0.3))
	src := "<html>\n<body>\n<p>in <b>teh</b> end</p>"
	out, rep := checkClean(t, p, src, HTML)
	assert.Equal(t, src, out)
	require.Len(t, rep.Suggestions, 1)
	s := rep.Suggestions[0]
	assert.Equal(t, normalize.Position{Offset: 23, Len: 3, Line: 3, Col: 10}, s.Position)
	assert.Equal(t, "teh", s.Old)
	assert.Equal(t, 0.3, s.Confidence)
}

func TestRepeatedParagraphNotWhole(t *testing.T) {
	p := basePipeline(t)
	src := "<p>Same text</p>\n<p>Same <!-- c -->text</p>"
	out, rep := checkClean(t, p, src, HTML)
	assert.Equal(t, src, out, "the second element holds a comment: not deleted")
	require.Len(t, rep.Suggestions, 1)
	assert.Equal(t, normalize.RuleRepeatedParagraph, rep.Suggestions[0].Rule)
	assert.Equal(t, "</p>\n<p>Same <!-- c -->text", rep.Suggestions[0].Old)
}

func TestMarkdownStructureGuard(t *testing.T) {
	p := basePipeline(t)
	for _, src := range []string{"1.The list\n", "> 1.The quote\n", "a\n2.The line\n", "- 1.The item\n"} {
		out, rep := checkClean(t, p, src, Markdown)
		assert.Equal(t, src, out, "%q: a space would open a list", src)
		if assert.Len(t, rep.Suggestions, 1, "%q", src) {
			assert.Contains(t, rep.Suggestions[0].Message, "Markdown structure")
		}
	}
}

func TestEditsNeverMakeMarkup(t *testing.T) {
	p := basePipeline(t)
	for _, c := range []struct {
		name, src string
		f         Format
		want      string
	}{
		{"a tag", "<p>1 <\u200bb>2</b> ok,x</p>", HTML, "<p>1 <\u200bb>2</b> ok, x</p>"},
		{"an entity", "<p>AT&\u200bamp;T</p>", HTML, "<p>AT&\u200bamp;T</p>"},
		{"an escape", "a \\\u200b*b* c", Markdown, "a \\\u200b*b* c"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, rep := checkClean(t, p, c.src, c.f)
			assert.Equal(t, c.want, out, "only the safe change is made")
			require.NotEmpty(t, rep.Suggestions)
			assert.Contains(t, rep.Suggestions[0].Message, "would change the markup")
			assert.Equal(t, normalize.RuleInvisible, rep.Suggestions[0].Rule)
		})
	}
}

func TestLayoutRulesNotApplied(t *testing.T) {
	p := basePipeline(t)
	for _, src := range []string{"a  \nb", "a\r\nb\r\n", "a \u00a0\nb"} {
		out, rep := checkClean(t, p, src, Markdown)
		assert.Equal(t, src, out, "%q", src)
		assert.Empty(t, rep.Changes, "%q", src)
	}
}

func TestLineAndColumn(t *testing.T) {
	p := basePipeline(t)
	src := "<html>\n<body>\n<p>a,b</p>\n<p>\n  c,d</p>"
	_, rep := checkClean(t, p, src, HTML)
	require.Len(t, rep.Changes, 2)
	assert.Equal(t, normalize.Position{Offset: 19, Len: 0, Line: 3, Col: 6}, rep.Changes[0].Position)
	assert.Equal(t, normalize.Position{Offset: 33, Len: 0, Line: 5, Col: 5}, rep.Changes[1].Position)
}

func TestCleanText(t *testing.T) {
	p := basePipeline(t)
	out, rep := Clean(p, "<p>a,b</p>\n", Text)
	assert.Equal(t, "<p>a, b</p>\n", out, "Text cleans every byte")
	assert.Len(t, rep.Changes, 1)
	out, _ = Clean(p, "<p>a,b</p>", Auto)
	assert.Equal(t, "<p>a, b</p>", out, "Auto finds HTML")
	out, _ = Clean(p, "", HTML)
	assert.Equal(t, "", out)
}

func TestPipeline(t *testing.T) {
	base := basePipeline(t)
	hp := NewPipeline(base, HTML)
	assert.Equal(t, HTML, hp.Format())
	assert.Same(t, base, hp.Base())
	assert.Len(t, hp.Passes(), 2)
	assert.Equal(t, base.Threshold(), hp.Threshold())

	src := "<p title=\"a,b\">a,b  c</p>"
	want := "<p title=\"a,b\">a, b c</p>"
	assert.Equal(t, want, hp.Fix(src))
	out, rep := hp.CleanString(src)
	assert.Equal(t, want, out)
	assert.Len(t, rep.Changes, 2)
	bout, _ := hp.Clean([]byte(src))
	assert.Equal(t, want, string(bout))

	var w bytes.Buffer
	require.NoError(t, hp.FixReader(&w, strings.NewReader(src)))
	assert.Equal(t, want, w.String())

	p2 := basePipeline(t, replacePass("zz", "z", 0.2))
	w.Reset()
	var got []string
	err := NewPipeline(p2, Markdown).Stream(&w, strings.NewReader("a,b zz c,d"), func(c normalize.Change, sug bool) {
		got = append(got, c.Old+"→"+c.New+map[bool]string{true: " (suggested)"}[sug])
	})
	require.NoError(t, err)
	assert.Equal(t, "a, b zz c, d", w.String())
	assert.Equal(t, []string{"→ ", "zz→z (suggested)", "→ "}, got, "in input order")

	ap := NewPipeline(base, Auto)
	for _, c := range []struct{ in, want string }{
		{"<p title=a,b>a,b</p>", "<p title=a,b>a, b</p>"},
		{"a,b <b>c,d</b>", "a, b <b>c, d</b>"},
		{"", ""},
		{strings.Repeat("x,y ", 1000), strings.Repeat("x, y ", 999) + "x, y"},
	} {
		w.Reset()
		require.NoError(t, ap.FixReader(&w, strings.NewReader(c.in)))
		assert.Equal(t, c.want, w.String(), "Auto: %.20q", c.in)
	}
	w.Reset()
	err = ap.FixReader(&w, io.MultiReader(strings.NewReader("a,b"), iotest.ErrReader(io.ErrClosedPipe)))
	assert.ErrorIs(t, err, io.ErrClosedPipe)
	assert.Equal(t, "a, b", w.String(), "what was read is cleaned")

	tp := NewPipeline(base, Text)
	assert.Equal(t, "<p>a, b</p>", tp.Fix("<p>a,b</p>"))
	w.Reset()
	require.NoError(t, tp.FixReader(&w, strings.NewReader("<p>a,b</p>")))
	assert.Equal(t, "<p>a, b</p>", w.String())
}

func TestTransformer(t *testing.T) {
	base := basePipeline(t)
	src := "<p title=\"a,b\">a,b c,d e,f</p>" + strings.Repeat("<p>x,y</p>", 50)
	want, _ := Clean(base, src, HTML)
	hp := NewPipeline(base, HTML)
	got, _, err := transform.String(hp.Transformer(), src)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	// A small dst: the output comes out a few bytes at a time.
	tr := hp.Transformer()
	var out []byte
	dst := make([]byte, 7)
	for i := 0; i < len(src); i += 10 {
		_, n, err := tr.Transform(dst, []byte(src[i:min(i+10, len(src))]), false)
		require.NoError(t, err)
		require.Equal(t, min(10, len(src)-i), n)
	}
	for {
		nDst, _, err := tr.Transform(dst, nil, true)
		out = append(out, dst[:nDst]...)
		if err == nil {
			break
		}
		require.ErrorIs(t, err, transform.ErrShortDst)
	}
	assert.Equal(t, want, string(out))
	tr.Reset()

	got, _, err = transform.String(NewPipeline(base, Text).Transformer(), "<p>a,b</p>")
	require.NoError(t, err)
	assert.Equal(t, "<p>a, b</p>", got)
}

func TestConcurrentClean(t *testing.T) {
	p := basePipeline(t)
	srcs := []struct {
		src string
		f   Format
	}{{"<p>a,b</p>", HTML}, {"# a,b\n\n*c*.D", Markdown}}
	done := make(chan bool)
	for i := range 8 {
		go func() {
			defer func() { done <- true }()
			for range 50 {
				c := srcs[i%2]
				out, _ := Clean(p, c.src, c.f)
				if !strings.Contains(out, "a, b") {
					t.Errorf("got %q", out)
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
}
