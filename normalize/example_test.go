package normalize_test

import (
	"fmt"
	"strings"

	"github.com/copyedit/copyedit/normalize"
)

func ExampleNew() {
	n, err := normalize.New()
	if err != nil {
		panic(err)
	}
	p, err := normalize.NewPipeline([]normalize.Pass{n})
	if err != nil {
		panic(err)
	}
	out, report := p.CleanString("Headline\r\n\r\nHeadline\r\n\r\nTen\u00a0km  \r\n")
	fmt.Printf("%q\n", out)
	for _, c := range report.Changes {
		fmt.Println(c.Rule)
	}
	// Output:
	// "Headline\n\nTen km\n"
	// normalize/repeated-paragraph
	// normalize/line-end
	// normalize/line-end
	// normalize/space-char
	// normalize/trailing-space
	// normalize/line-end
}

func ExampleTokenize() {
	s := "Dr.Ivanova paid $1,250 at example.org, e.g. online."
	for _, t := range normalize.Tokenize(s) {
		if t.Kind != normalize.Space {
			fmt.Printf("%s:%v ", t.Text(s), t.Kind)
		}
	}
	// Output: Dr.:Abbrev Ivanova:Word paid:Word $:Punct 1,250:Number at:Word example.org:Domain ,:Punct e.g.:Abbrev online:Word .:Punct
}

// A pass is any type with Name and Edits; PassFunc adapts a function.
func ExamplePassFunc() {
	shout := normalize.PassFunc{PassName: "shout", Func: func(d *normalize.Doc) []normalize.Edit {
		var edits []normalize.Edit
		for _, t := range d.Tokens() {
			if t.Kind == normalize.Word && t.Text(d.Text) == "nato" {
				edits = append(edits, normalize.Edit{Start: t.Start, End: t.End, New: strings.ToUpper("nato"), Rule: "shout/acronym"})
			}
		}
		return edits
	}}
	p, err := normalize.NewPipeline([]normalize.Pass{shout})
	if err != nil {
		panic(err)
	}
	out, report := p.CleanString("The nato summit.")
	fmt.Println(out, report.Changes[0].Offset)
	// Output: The NATO summit. 4
}
