// Package spacing is the copyedit pass that repairs the spaces around
// punctuation that scraped text loses or doubles: "changing,everything",
// "NATO.The world", "Dr.Ivanova", "Archyde:  European", "word ,".
//
// It only ever inserts or removes plain spaces, and only between ordinary
// words and punctuation: numbers ("1,250", "10:30"), URLs, e-mail addresses,
// domains and file names ("Node.js"), abbreviations ("U.S.", "e.g."),
// ellipses and emoticons are protected tokens that it never touches.
package spacing

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/copyedit/copyedit/normalize"
)

// The rule IDs of the spacing pass.
const (
	RuleAfterPunct  = "spacing/after-punct"        // "changing,everything" → "changing, everything"
	RuleAfterPeriod = "spacing/after-period"       // "NATO.The" → "NATO. The"
	RuleAfterAbbrev = "spacing/after-abbreviation" // "Dr.Ivanova" → "Dr. Ivanova"
	RuleDoubleSpace = "spacing/double-space"       // "Archyde:  European" → "Archyde: European"
	RuleBeforePunct = "spacing/before-punct"       // "word ," → "word,"
	RuleAroundQuote = "spacing/around-quote"       // "said,“Hello" → "said, “Hello"; "”he" → "” he"
)

// Rules lists every rule of the pass, in the order they are documented.
var Rules = []string{RuleAfterPunct, RuleAfterPeriod, RuleAfterAbbrev, RuleDoubleSpace, RuleBeforePunct, RuleAroundQuote}

// Spacer is the spacing pass. It is safe for concurrent use.
type Spacer struct {
	disabled map[string]bool
}

// Option configures a Spacer.
type Option func(*Spacer) error

// WithoutRules turns the named rules off.
func WithoutRules(ids ...string) Option {
	return func(s *Spacer) error {
		for _, id := range ids {
			if !known(id) {
				return fmt.Errorf("spacing: unknown rule %q", id)
			}
			s.disabled[id] = true
		}
		return nil
	}
}

func known(id string) bool {
	for _, r := range Rules {
		if r == id {
			return true
		}
	}
	return false
}

// New returns the spacing pass.
func New(opts ...Option) (*Spacer, error) {
	s := &Spacer{disabled: map[string]bool{}}
	for _, o := range opts {
		if err := o(s); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Name returns "spacing".
func (s *Spacer) Name() string { return "spacing" }

// Edits returns the spacing edits of d.
func (s *Spacer) Edits(d *normalize.Doc) []normalize.Edit {
	text := d.Text
	toks := d.Tokens()
	var edits []normalize.Edit
	add := func(e normalize.Edit) {
		if !s.disabled[e.Rule] {
			edits = append(edits, e)
		}
	}
	for i, t := range toks {
		switch t.Kind {
		case normalize.Punct:
			if i+1 >= len(toks) || i == 0 {
				continue
			}
			next := toks[i+1]
			switch r := runeOf(text, t); {
			case r == '“' && gluedBeforeQuote(text, toks[i-1]) && startsWord(next):
				add(insertSpace(t.Start, RuleAroundQuote, "add a space before the quotation"))
			case r == '”' && startsWord(next):
				add(insertSpace(t.End, RuleAroundQuote, "add a space after the quotation"))
			case !endsWord(text, toks[i-1]):
			case (r == ',' || r == ';' || r == ':' || r == '!' || r == '?') && startsWord(next):
				add(insertSpace(t.End, RuleAfterPunct, "add a space after punctuation"))
			case r == '.' && startsSentence(text, next) && !initial(text, toks, i):
				add(insertSpace(t.End, RuleAfterPeriod, "add a space after the end of a sentence"))
			case r == '.' && gluedLowerSentence(text, toks, i):
				e := insertSpace(t.End, RuleAfterPeriod, "add a space after the end of a sentence")
				e.Confidence = 0.8
				add(e)
			}
		case normalize.Abbrev:
			if i+1 < len(toks) && toks[i+1].Kind == normalize.Word && toks[i+1].Is(normalize.Title) && letters(toks[i+1].Text(text)) >= 2 {
				add(insertSpace(t.End, RuleAfterAbbrev, "add a space after an abbreviation"))
			}
		case normalize.Space:
			if t.End-t.Start == 1 && i+1 < len(toks) && toks[i+1].Kind != normalize.Punct {
				// The common case, one space before no punctuation: no
				// clause ends after it, and it is no run to shorten.
				continue
			}
			if i == 0 || i+1 >= len(toks) || toks[i-1].Kind == normalize.Newline || toks[i+1].Kind == normalize.Newline || !onlySpaces(t.Text(text)) {
				continue
			}
			if clauseEnd(text, toks, i+1) && endsWord(text, toks[i-1]) && !joinsDotted(text, toks, i) {
				add(normalize.Edit{Start: t.Start, End: t.End, Rule: RuleBeforePunct, Message: "remove the space before punctuation"})
			} else if t.End-t.Start > 1 {
				add(normalize.Edit{Start: t.Start, End: t.End, New: " ", Rule: RuleDoubleSpace, Message: "use one space"})
			}
		}
	}
	return edits
}

func insertSpace(at int, rule, msg string) normalize.Edit {
	return normalize.Edit{Start: at, End: at, New: " ", Rule: rule, Message: msg}
}

func runeOf(text string, t normalize.Token) rune {
	r, _ := utf8.DecodeRuneInString(t.Text(text))
	return r
}

// endsWord reports whether t can end a word or clause before punctuation: a
// word, a number, an abbreviation, or a closing quote or bracket.
func endsWord(text string, t normalize.Token) bool {
	switch t.Kind {
	case normalize.Word, normalize.Number:
		return true
	case normalize.Punct:
		switch runeOf(text, t) {
		case ')', ']', '”', '’', '"', '\'', '»':
			return true
		}
	}
	return false
}

// startsWord reports whether t can follow punctuation as the next word: a
// word, a number, a name such as a domain, URL or e-mail address, or an
// abbreviation.
func startsWord(t normalize.Token) bool {
	switch t.Kind {
	case normalize.Word, normalize.Number, normalize.Domain, normalize.URL, normalize.Email, normalize.Abbrev:
		return true
	}
	return false
}

// startsSentence reports whether t looks like the first word of a sentence
// glued to the period before it: a capitalized word of two letters or more
// ("The", not "NATO" or "iPhone"), or a capitalized abbreviation of two
// letters or more ("Dr."). Not an initial: "12.B. a" reads "B." as a word
// and a sentence end, "12.B. A" as an initial, and the two must get the
// same spacing, as a single letter ("12.B") does.
func startsSentence(text string, t normalize.Token) bool {
	switch t.Kind {
	case normalize.Word:
		return t.Is(normalize.Title) && letters(t.Text(text)) >= 2
	case normalize.Abbrev:
		c := text[t.Start]
		return 'A' <= c && c <= 'Z' && t.End-t.Start > 2
	}
	return false
}

// gluedBeforeQuote reports whether an opening quotation mark right after
// prev lacks its space: prev ends a word or a clause (",", ":", ";").
func gluedBeforeQuote(text string, prev normalize.Token) bool {
	switch prev.Kind {
	case normalize.Word, normalize.Number:
		return true
	case normalize.Punct:
		switch runeOf(text, prev) {
		case ',', ':', ';':
			return true
		}
	}
	return false
}

// gluedLowerSentence reports whether the period toks[i] joins two sentences
// whose second starts in lower case, "time.the": a word of three letters or
// more before it, a closed-class word that opens sentences
// (data/starters.txt) after it, and no longer dotted name around them.
func gluedLowerSentence(text string, toks []normalize.Token, i int) bool {
	prev, next := toks[i-1], toks[i+1]
	if prev.Kind != normalize.Word || next.Kind != normalize.Word || !next.Is(normalize.Lower) ||
		prev.Is(normalize.Technical) || letters(prev.Text(text)) < 3 {
		return false
	}
	if i+2 < len(toks) && toks[i+2].Kind == normalize.Punct && runeOf(text, toks[i+2]) == '.' {
		return false // "a.b.c"
	}
	// The word before is not looked up: the spelling pass, which runs later,
	// may correct it, and this decision must not change when it does.
	return starters().has(next.Text(text))
}

//go:embed data/starters.txt
var startersData string

type wordSet map[string]struct{}

func (w wordSet) has(s string) bool { _, ok := w[s]; return ok }

// starters are the words that open sentences, from data/starters.txt.
var starters = sync.OnceValue(func() wordSet {
	set := wordSet{}
	for _, line := range strings.Split(startersData, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			set[line] = struct{}{}
		}
	}
	return set
})

// initial reports whether the period toks[i] follows a single letter, as in
// a name's initials, which are left as they are.
func initial(text string, toks []normalize.Token, i int) bool {
	prev := toks[i-1]
	return prev.Kind == normalize.Word && utf8.RuneCountInString(prev.Text(text)) == 1
}

// joinsDotted reports whether removing the space toks[i] before a period
// would make a dotted abbreviation of the letters before it, words of one
// or two letters joined by a period that keeps no space ("0.A.A ." would
// read "A.A." as one token, after which the period of "0." ends a
// sentence). The space stays.
func joinsDotted(text string, toks []normalize.Token, i int) bool {
	if i < 3 || text[toks[i+1].Start] != '.' {
		return false
	}
	w, p, v := toks[i-1], toks[i-2], toks[i-3]
	return dottedSegment(text, w) && dottedSegment(text, v) &&
		p.Kind == normalize.Punct && text[p.Start] == '.' && v.End == p.Start && p.End == w.Start &&
		!periodGap(text, toks, i-2)
}

// dottedSegment reports whether t is a word of one or two ASCII letters,
// as the parts of "U.S." and "Ph.D." are.
func dottedSegment(text string, t normalize.Token) bool {
	w := t.Text(text)
	if t.Kind != normalize.Word || len(w) > 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// periodGap reports whether the pass puts a space after the period
// toks[i], which follows a word: the end of a sentence.
func periodGap(text string, toks []normalize.Token, i int) bool {
	if i+1 >= len(toks) || !endsWord(text, toks[i-1]) {
		return false
	}
	return startsSentence(text, toks[i+1]) && !initial(text, toks, i) || gluedLowerSentence(text, toks, i)
}

// clauseEnd reports whether toks[i] is punctuation that ends a clause — one
// of , ; : ! ? . followed by white space, a closing quote or bracket, or the
// end of the text — so that a space before it is a defect.
func clauseEnd(text string, toks []normalize.Token, i int) bool {
	t := toks[i]
	if t.Kind != normalize.Punct {
		return false
	}
	switch runeOf(text, t) {
	case ',', ';', ':', '!', '?', '.':
	default:
		return false
	}
	if i+1 == len(toks) {
		return true
	}
	switch next := toks[i+1]; next.Kind {
	case normalize.Space, normalize.Newline:
		return true
	case normalize.Punct:
		switch runeOf(text, next) {
		case ')', ']', '”', '’', '»':
			return true
		case '“':
			// "word ,“we": the pass puts a space before the quotation,
			// after which the comma ends a clause.
			return gluedBeforeQuote(text, t) && i+2 < len(toks) && startsWord(toks[i+2])
		}
	}
	return false
}

func onlySpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			return false
		}
	}
	return true
}

func letters(s string) int { return utf8.RuneCountInString(s) }
