package spelling

import (
	"strings"
)

// context is what the words around a misspelling say about its correction.
type context struct {
	// next is the head of the phrase after the word: its first noun, if
	// a determiner would govern it ("thes topics", "thes high-stakes
	// talks"), as far as a few words without punctuation can tell.
	next string
	// nextPlural and nextSingular say what number next shows.
	nextPlural, nextSingular bool
	// locale is the spelling the corrections should use.
	locale Locale
}

// cost returns the context's cost of candidate c.
func (ctx context) cost(s *Speller, c string) float64 {
	switch c {
	case "these", "those":
		if ctx.nextPlural {
			return -model.bonusAgree
		}
		if ctx.nextSingular {
			return model.costDisagree
		}
	case "this", "that", "each", "every", "another":
		if ctx.nextPlural {
			return model.costDisagree
		}
	case "a", "an":
		if ctx.nextPlural {
			return model.costDisagree
		}
	}
	return 0
}

// costTenths is cost in tenths of a nat.
func (ctx context) costTenths(s *Speller, c string) tenths {
	if !ctx.nextPlural && !ctx.nextSingular {
		return 0
	}
	return nat(ctx.cost(s, c))
}

// functionWords end a noun phrase: after them the next word is no longer
// part of it.
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true,
	"to": true, "in": true, "on": true, "at": true, "for": true, "with": true, "by": true,
	"from": true, "is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "can": true,
	"could": true, "may": true, "might": true, "must": true, "should": true, "that": true,
	"which": true, "who": true, "as": true, "than": true, "if": true, "not": true, "do": true,
	"does": true, "did": true,
}

// number guesses whether a lower-case word is a plural noun (true, true),
// a singular one (false, true), or cannot tell (_, false): a word ending in
// s whose stem is a known noun-like word is plural.
func (s *Speller) number(w string) (plural, ok bool) {
	if len(w) < 3 || !isLowerASCII(w) {
		return false, false
	}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
		stem := w[:len(w)-1]
		if s.lex.Contains(stem) {
			return true, true
		}
		if strings.HasSuffix(stem, "e") && s.lex.Contains(stem[:len(stem)-1]) {
			return true, true
		}
		if strings.HasSuffix(w, "ies") && s.lex.Contains(w[:len(w)-3]+"y") {
			return true, true
		}
		return false, false
	}
	if s.lex.Contains(w) && s.lex.Contains(w+"s") {
		return false, true
	}
	return false, false
}
