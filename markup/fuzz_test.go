package markup_test

import (
	"hash/fnv"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copyedit/copyedit/markup"
	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spacing"
	"github.com/stretchr/testify/require"
)

// chaosPass edits words and spaces at random, but deterministically: it
// upper-cases words, lengthens them, inserts spaces after punctuation and
// deletes single spaces, so that the mapping meets every kind of edit.
var chaosPass = normalize.PassFunc{PassName: "chaos", Func: func(d *normalize.Doc) []normalize.Edit {
	var edits []normalize.Edit
	for _, t := range d.Tokens() {
		w := t.Text(d.Text)
		h := fnv.New32a()
		h.Write([]byte(w))
		r := h.Sum32() % 7
		e := normalize.Edit{Start: t.Start, End: t.End, Rule: "chaos/edit"}
		switch {
		case t.Kind == normalize.Word && r == 0:
			e.New = strings.ToUpper(w)
		case t.Kind == normalize.Word && r == 1:
			e.New = w + "ed"
		case t.Kind == normalize.Word && r == 2:
			e.Start, e.New = t.End, "x"
		case t.Kind == normalize.Punct && r < 3:
			e.Start, e.New = t.End, " "
		case t.Kind == normalize.Space && w == " " && r < 2:
			e.New = ""
		default:
			continue
		}
		edits = append(edits, e)
	}
	return edits
}}

func fuzzPipeline(t testing.TB) *normalize.Pipeline {
	n, err := normalize.New()
	require.NoError(t, err)
	s, err := spacing.New()
	require.NoError(t, err)
	p, err := normalize.NewPipeline([]normalize.Pass{n, s, chaosPass})
	require.NoError(t, err)
	return p
}

// fuzzSeeds are small documents with the traps the format has.
var fuzzSeeds = map[markup.Format][]string{
	markup.HTML: {
		"<p>changing,everything</p>",
		"<p><b>NATO</b>.The <i>world</i> is changing,<a href=\"x,y\">everything</a></p>",
		"<!DOCTYPE html><html><head><title>T</title><script>a,b</script></head><body><h1>T</h1><h1>T</h1><pre>x,y</pre></body></html>",
		"<p>a <!-- c --> b<br>c &amp; d&rsquo;s <code>e,f</code> <img src=x> g</p>",
		"<p>\n  wrapped,line  \r\n  next</p><ul><li>a</li><li>b</li></ul>",
		"<p>1 <\u200bb>2</b> &\u200bamp; x</p>",
		"<p><span translate=no>a,b</span><textarea>c,d</textarea></p><p>a<pre>b</p>c</pre>",
	},
	markup.Markdown: {
		"changing,everything\n",
		"# T\n\n# T\n\n*NATO*.The **world** is changing,[everything](http://x/a,b)\n",
		"---\na: b,c\n---\n> quote,x\n> y\n\n- a,b\n- c  \n  d\n\n```\ne,f\n```\n",
		"| a,b | c |\n|---|---|\n| d | e,f |\n\n<div>\nx,y\n</div>\n\n    code,x\n",
		"a `b,c` <https://x/y,z> ![i,j](k) [l,m] <b>n,o</b> \\*p\\* &amp; q_r_ s\n\n[l,m]: http://x\n",
		"1.The x\n\nSetext,x\n===\n\n- [ ] task,x\n",
		"a \\\u200b*b* _c_ d\n",
	},
}

func FuzzHTML(f *testing.F)     { fuzzFormat(f, markup.HTML, "../testdata/article.html") }
func FuzzMarkdown(f *testing.F) { fuzzFormat(f, markup.Markdown, "../testdata/article.md") }

func fuzzFormat(f *testing.F, format markup.Format, article string) {
	for _, s := range fuzzSeeds[format] {
		f.Add(s)
	}
	if b, err := os.ReadFile(article); err == nil {
		f.Add(string(b))
	}
	p := fuzzPipeline(f)
	skel := map[markup.Format]func(*testing.T, string) []string{markup.HTML: htmlSkeleton, markup.Markdown: markdownSkeleton}[format]
	f.Fuzz(func(t *testing.T, src string) {
		v := markup.Extract(src, format)
		markup.CheckView(t, src, v)

		out, rep, err := markup.CleanChecked(p, src, format)
		require.NoError(t, err, "the report applies to the source")
		applied, err := normalize.ApplyChanges(src, rep.Changes)
		require.NoError(t, err)
		require.Equal(t, out, applied, "the output is the source with the report applied")
		if utf8.ValidString(src) {
			require.True(t, utf8.ValidString(out), "valid UTF-8 stays valid")
		}

		var repeats []normalize.Change
		for _, c := range rep.Changes {
			if c.Rule == normalize.RuleRepeatedParagraph {
				repeats = append(repeats, c)
				continue
			}
			require.True(t, inProse(v, c), "change %v lies in one prose segment", c)
		}
		for _, c := range append(rep.Changes, rep.Suggestions...) {
			require.Equal(t, src[c.Offset:c.Offset+c.Len], c.Old, "%v", c)
			require.Equal(t, strings.Count(src[:c.Offset], "\n")+1, c.Line, "%v", c)
		}
		deduped, err := normalize.ApplyChanges(src, repeats)
		require.NoError(t, err)
		require.Equal(t, markup.Skeleton(deduped, format), markup.Skeleton(out, format), "the markup stays")
		require.Equal(t, skel(t, deduped), skel(t, out), "the markup stays, by the tests' own reading")
	})
}

// inProse reports whether change c lies in one segment of v.
func inProse(v *markup.View, c normalize.Change) bool {
	for _, s := range v.Segments {
		if s.Src <= c.Offset && c.Offset+c.Len <= s.Src+s.Len {
			return true
		}
	}
	return false
}
