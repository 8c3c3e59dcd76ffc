package lexicon_test

import (
	"fmt"
	"strings"

	"github.com/copyedit/copyedit/lexicon"
)

func Example() {
	lex := lexicon.Default()

	for _, w := range []string{"these", "thes", "Russia", "it’s", "colour", "color"} {
		e, ok := lex.Lookup(w)
		if !ok {
			fmt.Printf("%-7s not a word\n", w)
			continue
		}
		fmt.Printf("%-7s level %d, %s, %s\n", w, e.Level, e.Class, e.Region.Spelling())
	}

	// Case-insensitive: what could "russia" at a sentence start be?
	lex.LookupFold("russia", func(form string, e lexicon.Entry) bool {
		fmt.Printf("russia → %s (level %d %s)\n", form, e.Level, e.Class)
		return true
	})
	// Output:
	// these   level 10, word, common
	// thes    not a word
	// Russia  level 50, upper, common
	// it’s    level 10, contraction, common
	// colour  level 10, word, commonwealth-only
	// color   level 10, word, US-only
	// russia → Russia (level 50 upper)
	// russia → russia (level 80 word)
}

func ExampleLexicon_With() {
	list := `# newsroom names
Zelenskyy   # Ukrainian president
Kyiv
`
	words, err := lexicon.ParseWordList(strings.NewReader(list), "names.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	lex, err := lexicon.Default().With(words...)
	if err != nil {
		fmt.Println(err)
		return
	}
	e, ok := lex.Lookup("Zelenskyy")
	fmt.Println(ok, e)

	_, err = lexicon.ParseWordList(strings.NewReader("Kyiv\nNew York\n"), "names.txt")
	fmt.Println(err)
	// Output:
	// true 0 proper-name US|GB|GBZ|CA|AU
	// names.txt:2:5: more than one word on the line (put each on its own line, or start a comment with #)
	// 	New York
	// 	    ^
}
