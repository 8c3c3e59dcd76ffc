package markup_test

import (
	"fmt"

	"github.com/copyedit/copyedit/markup"
	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spacing"
)

func pipeline() *normalize.Pipeline {
	n, _ := normalize.New()
	s, _ := spacing.New()
	p, _ := normalize.NewPipeline([]normalize.Pass{n, s})
	return p
}

// Clean fixes the prose and leaves the markup: the attribute, the code and
// the link's URL keep their defects, and the space after "NATO." goes
// outside the <b> element.
func ExampleClean() {
	src := `<p title="changing,everything"><b>NATO.</b>The world is changing,everything is possible.</p>
<pre>NATO.The world is changing,everything</pre>
<p>See <a href="https://example.org/a,b">the report</a>,page 2.</p>`

	out, report := markup.Clean(pipeline(), src, markup.HTML)
	fmt.Println(out)
	for _, c := range report.Changes {
		fmt.Println(c)
	}
	// Output:
	// <p title="changing,everything"><b>NATO.</b> The world is changing, everything is possible.</p>
	// <pre>NATO.The world is changing,everything</pre>
	// <p>See <a href="https://example.org/a,b">the report</a>, page 2.</p>
	// 1:44: spacing/after-period: "" → " "
	// 1:66: spacing/after-punct: "" → " "
	// 3:57: spacing/after-punct: "" → " "
}

// Extract shows the prose the passes read: inline markup joins its
// sentence, blocks are paragraphs, code is a placeholder.
func ExampleExtract() {
	src := "# Putin talks\n\nThe role of *NATO*.The world is `changing,everything`.\n\n```\nteh\n```\n"
	v := markup.Extract(src, markup.Markdown)
	fmt.Printf("%q\n", v.Text)
	for _, s := range v.Segments {
		fmt.Printf("%q at %d\n", src[s.Src:s.Src+s.Len], s.Src)
	}
	// Output:
	// "Putin talks\n\nThe role of NATO.The world is `…`."
	// "Putin talks" at 2
	// "The role of " at 15
	// "NATO" at 28
	// ".The world is " at 33
	// "." at 68
}

func ExampleDetect() {
	fmt.Println(markup.Detect("story.md", nil))
	fmt.Println(markup.Detect("", []byte("<!DOCTYPE html><html>")))
	fmt.Println(markup.Detect("feed", []byte("Plain text, <b>or not</b>")))
	// Output:
	// markdown
	// html
	// text
}

// A Pipeline reads one format, with the methods of normalize.Pipeline.
func ExampleNewPipeline() {
	p := markup.NewPipeline(pipeline(), markup.Markdown)
	fmt.Println(p.Fix("**Archyde:**  European leaders,meanwhile, use `a,b`.\n"))
	// Output:
	// **Archyde:** European leaders, meanwhile, use `a,b`.
}
