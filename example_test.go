package copyedit_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/normalize"
)

func ExampleFix() {
	fmt.Println(copyedit.Fix("The world is changing,everything is possible.Western officials agree."))
	// Output: The world is changing, everything is possible. Western officials agree.
}

func ExampleNew() {
	p, err := copyedit.New(copyedit.WithPasses("normalize", "spacing"))
	if err != nil {
		panic(err)
	}
	out, report := p.CleanString("Headline\n\nHeadline\n\nDr.Ivanova  agrees.")
	fmt.Printf("%q\n", out)
	for _, c := range report.Changes {
		fmt.Printf("%d:%d %s %q → %q\n", c.Line, c.Col, c.Rule, c.Old, c.New)
	}
	// Output:
	// "Headline\n\nDr. Ivanova agrees."
	// 1:9 normalize/repeated-paragraph "\n\nHeadline" → ""
	// 5:4 spacing/after-abbreviation "" → " "
	// 5:11 spacing/double-space "  " → " "
}

// A pass of your own runs after the built-in ones.
func ExampleWithPass() {
	calm := normalize.PassFunc{PassName: "calm", Func: func(d *normalize.Doc) []normalize.Edit {
		var edits []normalize.Edit
		for i := 0; i+1 < len(d.Text); i++ {
			if d.Text[i] == '!' && d.Text[i+1] == '!' {
				edits = append(edits, normalize.Edit{Start: i, End: i + 2, New: "!", Rule: "calm/exclamation"})
				i++
			}
		}
		return edits
	}}
	p, err := copyedit.New(copyedit.WithPass(calm))
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Fix("What a day!! Really."))
	// Output: What a day! Really.
}

// Streaming keeps memory flat however long the input is.
func ExamplePipeline_FixReader() {
	p, err := copyedit.New()
	if err != nil {
		panic(err)
	}
	if err := p.FixReader(os.Stdout, strings.NewReader("One,two and three.\r\nFour  five.\r\n")); err != nil {
		panic(err)
	}
	// Output:
	// One, two and three.
	// Four five.
}
