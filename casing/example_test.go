package casing_test

import (
	"fmt"

	"github.com/copyedit/copyedit/casing"
	"github.com/copyedit/copyedit/normalize"
)

// The pass alone, in a pipeline of its own; copyedit.New runs it last, after
// normalize, spacing and spelling.
func Example() {
	c, err := casing.New(casing.WithPhrases("Fair Delivery Pay Act"))
	if err != nil {
		panic(err)
	}
	p, err := normalize.NewPipeline([]normalize.Pass{c})
	if err != nil {
		panic(err)
	}
	out, rep := p.CleanString("NATO Secretary General mark Rutte warned of tensions with russia. it could mark the start of a interesting year under the fair delivery Pay Act.")
	fmt.Println(out)
	for _, ch := range rep.Changes {
		fmt.Printf("%s: %q → %q\n", ch.Rule, ch.Old, ch.New)
	}
	// Output:
	// NATO Secretary General Mark Rutte warned of tensions with Russia. It could mark the start of an interesting year under the Fair Delivery Pay Act.
	// casing/given-name: "mark" → "Mark"
	// casing/proper-noun: "russia" → "Russia"
	// casing/sentence-start: "it" → "It"
	// casing/article: "a" → "an"
	// casing/phrase: "fair" → "Fair"
	// casing/phrase: "delivery" → "Delivery"
}
