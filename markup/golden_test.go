package markup_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/markup"
	"github.com/copyedit/copyedit/normalize"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The golden tests run the article, marked up, through the default
// pipeline, whatever passes it has: when a pass changes, rerun with -update
// and read the diff. The other checks here do not depend on the passes.
var goldens = []struct {
	name   string
	format markup.Format
	// skeleton lists the document's markup, which must come out identical.
	skeleton func(t *testing.T, src string) []string
}{
	{"article.html", markup.HTML, htmlSkeleton},
	{"article.md", markup.Markdown, markdownSkeleton},
}

func TestGolden(t *testing.T) {
	p := defaultPipeline(t)
	plain, err := os.ReadFile("../testdata/article.txt")
	require.NoError(t, err)
	_, plainRep := p.CleanString(string(plain))

	for _, g := range goldens {
		t.Run(g.name, func(t *testing.T) {
			path := filepath.Join("..", "testdata", g.name)
			b, err := os.ReadFile(path)
			require.NoError(t, err)
			src := string(b)
			require.Equal(t, g.format, markup.Detect(path, b))
			out, rep := markup.Clean(p, src, g.format)

			golden := path + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./markup -run TestGolden -update")
			assert.Equal(t, string(want), out, "the golden file (go test ./markup -update rewrites it)")

			applied, err := normalize.ApplyChanges(src, rep.Changes)
			require.NoError(t, err)
			assert.Equal(t, out, applied, "the report applied to the source gives the output")
			assert.Len(t, rep.Suggestions, len(plainRep.Suggestions), "no edit crosses markup: the suggestions are the plain text's")

			assert.Equal(t, src, undo(t, out, rep.Changes), "every byte outside the changes is the source's")
			// The markup is byte for byte the same, but for the headline
			// scraped twice: its second element goes whole.
			var repeats []normalize.Change
			for _, c := range rep.Changes {
				if c.Rule == normalize.RuleRepeatedParagraph {
					kept := strings.TrimLeft(c.Old, " \t\r\n")
					assert.True(t, strings.HasSuffix(src[:c.Offset], kept), "%q repeats what comes before it", kept)
					repeats = append(repeats, c)
				}
			}
			require.Len(t, repeats, 1, "the headline scraped twice")
			deduped, err := normalize.ApplyChanges(src, repeats)
			require.NoError(t, err)
			assert.Equal(t, g.skeleton(t, deduped), g.skeleton(t, out), "the markup is byte for byte the same")

			// The prose of the output is the pipeline's output on the prose:
			// every change the passes make in the view is made.
			view := markup.Extract(src, g.format)
			viewOut, _ := p.CleanString(view.Text)
			assert.Equal(t, viewOut, markup.Extract(out, g.format).Text, "the output's prose")

			// The changes are those of the plain-text article: all of it is
			// prose in the marked-up one.
			sameChanges(t, plainRep.Changes, rep.Changes)
		})
	}
}

// defaultPipeline returns the default pipeline's normalize.Pipeline, whether
// copyedit.New returns one or a markup.Pipeline around one.
func defaultPipeline(t *testing.T) *normalize.Pipeline {
	p, err := copyedit.New()
	require.NoError(t, err)
	switch p := any(p).(type) {
	case *normalize.Pipeline:
		return p
	case interface{ Base() *normalize.Pipeline }:
		return p.Base()
	}
	t.Fatalf("copyedit.New returns a %T", p)
	return nil
}

// undo returns out with every change undone.
func undo(t *testing.T, out string, changes []normalize.Change) string {
	var b strings.Builder
	delta, last := 0, 0
	for _, c := range changes {
		at := c.Offset + delta // where c.New starts in out
		require.Equal(t, c.New, out[at:at+len(c.New)], "%v", c)
		b.WriteString(out[last:at])
		b.WriteString(c.Old)
		last = at + len(c.New)
		delta += len(c.New) - c.Len
	}
	b.WriteString(out[last:])
	return b.String()
}

// sameChanges checks that the changes made to a marked-up article are those
// made to the plain text: the same rules, in the same order, each with the
// same text or a narrower part of it (a change that met markup is narrowed
// to what it changes: "russia" → "Russia" becomes "r" → "R"). A repeated
// paragraph goes with its markup, so only its rule is compared.
func sameChanges(t *testing.T, plain, marked []normalize.Change) {
	require.Len(t, marked, len(plain), "as many changes as in the plain text")
	for i, m := range marked {
		p := plain[i]
		require.Equal(t, p.Rule, m.Rule, "change %d: %v against %v", i, m, p)
		if m.Rule == normalize.RuleRepeatedParagraph {
			continue
		}
		assert.True(t, narrowerOf(p, m), "change %d: %v is not %v", i, m, p)
	}
}

// narrowerOf reports whether m is p, or a part of it: p.Old = x+m.Old+y and
// p.New = x+m.New+y.
func narrowerOf(p, m normalize.Change) bool {
	for x := 0; x+len(m.Old) <= len(p.Old); x++ {
		pre, suf := p.Old[:x], p.Old[x+len(m.Old):]
		if p.Old[x:x+len(m.Old)] == m.Old && p.New == pre+m.New+suf {
			return true
		}
	}
	return false
}

// htmlSkeleton lists every token of an HTML document that is not prose, by
// its raw bytes: tags with their attributes, comments, the doctype, and the
// text inside script, style, pre, code and the like. Prose text is "T".
func htmlSkeleton(t *testing.T, src string) []string {
	z := html.NewTokenizer(strings.NewReader(src))
	var out []string
	inside := map[string]int{}
	verbatim := func() bool {
		for _, n := range inside {
			if n > 0 {
				return true
			}
		}
		return false
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		raw := string(z.Raw())
		name, _ := z.TagName()
		switch n := string(name); tt {
		case html.TextToken:
			if verbatim() {
				out = append(out, raw)
			} else {
				out = append(out, "T")
			}
		case html.StartTagToken:
			if isVerbatim(n) {
				inside[n]++
			}
			out = append(out, raw)
		case html.EndTagToken:
			if inside[n] > 0 {
				inside[n]--
			}
			out = append(out, raw)
		default:
			out = append(out, raw)
		}
	}
}

func isVerbatim(name string) bool {
	switch name {
	case "script", "style", "pre", "code", "kbd", "samp", "var", "textarea", "template", "noscript":
		return true
	}
	return false
}

// markdownSkeleton lists the Markdown structure of a document: its front
// matter, every node's kind, heading levels, list markers, line breaks,
// and the literal text of code, HTML, link destinations and titles.
func markdownSkeleton(t *testing.T, src string) []string {
	var out []string
	if end := strings.Index(src, "\n---\n"); strings.HasPrefix(src, "---\n") && end >= 3 {
		end -= 4
		out = append(out, src[:4+end+5])
		src = strings.Repeat("\n", strings.Count(src[:4+end+5], "\n")) + src[4+end+5:]
	}
	source := []byte(src)
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))
	doc := md.Parser().Parse(text.NewReader(source))
	lines := func(n ast.Node) string {
		var b strings.Builder
		for i := 0; i < n.Lines().Len(); i++ {
			s := n.Lines().At(i)
			b.Write(s.Value(source))
		}
		return b.String()
	}
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		s := n.Kind().String()
		switch n := n.(type) {
		case *ast.Heading:
			s += " " + strings.Repeat("#", n.Level)
		case *ast.List:
			s += " " + string(n.Marker)
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			s += " " + lines(n)
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if tx, ok := c.(*ast.Text); ok {
					s += " " + string(tx.Segment.Value(source))
				}
			}
		case *ast.Link:
			s += " " + string(n.Destination) + " " + string(n.Title)
		case *ast.Image:
			s += " " + string(n.Destination) + " " + string(n.Title)
		case *ast.AutoLink:
			s += " " + string(n.URL(source))
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				s += " " + string(seg.Value(source))
			}
		case *ast.Text:
			// Text nodes split at special characters: how many there are is
			// not markup, the line breaks are.
			switch {
			case n.HardLineBreak():
				s = "hard break"
			case n.SoftLineBreak():
				s = "soft break"
			default:
				return ast.WalkContinue, nil
			}
		}
		out = append(out, s)
		return ast.WalkContinue, nil
	})
	require.NoError(t, err)
	return out
}
