package spelling_test

import (
	"fmt"

	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spelling"
)

func Example() {
	sp, err := spelling.New(spelling.WithWords("Archyde"))
	if err != nil {
		panic(err)
	}
	p, err := normalize.NewPipeline([]normalize.Pass{sp})
	if err != nil {
		panic(err)
	}
	out, report := p.CleanString("Archyde asks: do you beleive thes topics woudl matter? Leave a Replay")
	fmt.Println(out)
	for _, c := range report.Changes {
		fmt.Printf("%s: %s → %s\n", c.Rule, c.Old, c.New)
	}
	// Output:
	// Archyde asks: do you believe these topics would matter? Leave a Reply
	// spelling/misspelling: beleive → believe
	// spelling/typo: thes → these
	// spelling/misspelling: woudl → would
	// spelling/confusion: Replay → Reply
}

func ExampleSpeller_Suggest() {
	sp, err := spelling.New()
	if err != nil {
		panic(err)
	}
	for _, s := range sp.Suggest("negotations")[:2] {
		fmt.Printf("%s %.2f\n", s.Word, s.Confidence)
	}
	// Output:
	// negotiations 0.94
	// negotiation 0.02
}

func ExampleWithLocale() {
	sp, err := spelling.New(spelling.WithLocale(spelling.US))
	if err != nil {
		panic(err)
	}
	p, err := normalize.NewPipeline([]normalize.Pass{sp})
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Fix("The colour of the defence ministry"))
	// Output:
	// The color of the defense ministry
}
