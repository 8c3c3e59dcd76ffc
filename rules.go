package copyedit

import (
	"fmt"
	"sort"
	"strings"

	"github.com/copyedit/copyedit/casing"
	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spacing"
	"github.com/copyedit/copyedit/spelling"
)

// RuleInfo documents one rule of the built-in passes: what `cleanup
// -explain` prints, and what an editor can show next to a finding.
type RuleInfo struct {
	ID      string // "pass/rule", as in every reported Change
	Summary string // what the rule does
	Before  string // an example of text it changes
	After   string // what it makes of the example
	Keeps   string // what it deliberately leaves alone
}

// String formats the rule for a terminal.
func (r RuleInfo) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n  %s\n", r.ID, r.Summary)
	if r.Before != "" {
		fmt.Fprintf(&b, "  example: %q → %q\n", r.Before, r.After)
	}
	if r.Keeps != "" {
		fmt.Fprintf(&b, "  keeps:   %s\n", r.Keeps)
	}
	return b.String()
}

// rules documents every rule, in pass order.
var rules = []RuleInfo{
	{normalize.RuleNFC, "Writes letters in Unicode's composed form (NFC), so that one letter is one code point.", "cafe\u0301", "café", "text already composed"},
	{normalize.RuleLineEnd, "Makes every line end a plain LF.", "one\r\ntwo", "one\ntwo", ""},
	{normalize.RuleSpaceChar, "Replaces no-break and other special spaces inside a line with a plain space.", "10\u00a0km", "10 km", ""},
	{normalize.RuleInvisible, "Removes zero-width spaces, soft hyphens, byte-order marks and control characters.", "in\u200bvisible", "invisible", "tabs, newlines, and the joiners inside emoji"},
	{normalize.RuleTrailingSpace, "Removes spaces at the end of a line.", "end  \nnext", "end\nnext", "Markdown hard breaks (with -format markdown)"},
	{normalize.RuleRepeatedParagraph, "Drops a paragraph that repeats the one just before it, as a scraped headline often does.", "Headline\n\nHeadline\n\nBody.", "Headline\n\nBody.", "repeats further apart, and lines without letters such as * * *"},
	{normalize.RuleTypography, "Converts quotes, dashes and ellipses to ASCII or to curly typography (only when asked).", "\"Don't\" -- wait...", "“Don’t” — wait…", "the typography as it is, by default"},

	{spacing.RuleAfterPunct, "Adds the missing space after , ; : ! ? before a word.", "changing,everything", "changing, everything", "numbers (1,250, 10:30), URLs, e-mail addresses, emoticons"},
	{spacing.RuleAfterPeriod, "Adds the missing space between two sentences glued at a period.", "NATO.The world", "NATO. The world", "domains and file names (Node.js), abbreviations (U.S.), initials"},
	{spacing.RuleAfterAbbrev, "Adds the missing space after an abbreviation glued to a name.", "Dr.Ivanova", "Dr. Ivanova", "dotted abbreviations themselves (Ph.D., e.g.)"},
	{spacing.RuleDoubleSpace, "Collapses a run of spaces inside a line to one space.", "Archyde:  European", "Archyde: European", "indentation at the start of a line, tabs"},
	{spacing.RuleBeforePunct, "Removes a space before a comma, semicolon, colon, question or exclamation mark, or period.", "word , next", "word, next", "ellipses, emoticons, .NET-like names"},
	{spacing.RuleAroundQuote, "Adds the missing space outside curly double quotes glued to words.", "said,“Hello", "said, “Hello", "straight quotes, which cannot tell opening from closing"},

	{spelling.RuleMisspelling, "Corrects a misspelling from misspell's curated list of common typos.", "They recieve aid", "They receive aid", "names, capitalized words, words in capitals or with digits"},
	{spelling.RuleTypo, "Corrects an unknown word to its likeliest dictionary word (commonness × typo likelihood × context), when the evidence is strong; otherwise suggests it.", "It woudl help", "It would help", "names, words the document repeats, rare words of other languages"},
	{spelling.RuleConfusion, "Corrects a real word that is wrong in a fixed phrase (data/confusions.txt).", "Leave a Replay", "Leave a Reply", "the same word anywhere else"},
	{spelling.RuleLocale, "Converts spellings to one locale's (only with a locale option).", "colour", "color", "both US and UK spellings, by default"},

	{casing.RuleSentenceStart, "Capitalizes the first word of a sentence or paragraph.", "Peace and security. for the West", "Peace and security. For the West", "after abbreviations, in quotations that go on, lower-case brands (iPhone)"},
	{casing.RuleProperNoun, "Capitalizes a proper noun the gazetteers or the document itself know.", "It eases tensions with russia", "It eases tensions with Russia", "words that are common words too (will, may, rose)"},
	{casing.RuleGivenName, "Capitalizes a given name before a capitalized surname.", "Secretary General mark Rutte", "Secretary General Mark Rutte", "the verb in \"could mark the beginning\""},
	{casing.RulePhrase, "Capitalizes a multi-word name from the phrase gazetteer.", "A return to cold War-style rivalries", "A return to Cold War-style rivalries", ""},
	{casing.RuleHeading, "Capitalizes the one word left lower in a title-case heading.", "On the broader Implications for Global Power Dynamics", "On the Broader Implications for Global Power Dynamics", "minor words (a, of, the, in…) by the chosen style"},
	{casing.RuleArticle, "Chooses a or an by the sound of the next word.", "That’s a interesting question", "That’s an interesting question", "a Ukrainian, a university, a one-time, an hour, an MBA"},
	{casing.RulePronounI, "Capitalizes the pronoun I.", "Yes, i think so", "Yes, I think so", ""},
}

// Rules returns the documentation of every built-in rule, in pass order.
func Rules() []RuleInfo { return append([]RuleInfo(nil), rules...) }

// Explain returns the documentation of the rule id ("spacing/after-punct").
// An unknown id gives an error that lists the known ones closest to it.
func Explain(id string) (RuleInfo, error) {
	for _, r := range rules {
		if r.ID == id {
			return r, nil
		}
	}
	var near []string
	for _, r := range rules {
		if strings.Contains(r.ID, id) || strings.HasPrefix(r.ID, strings.SplitN(id, "/", 2)[0]+"/") {
			near = append(near, r.ID)
		}
	}
	sort.Strings(near)
	if len(near) == 0 {
		for _, r := range rules {
			near = append(near, r.ID)
		}
	}
	return RuleInfo{}, fmt.Errorf("copyedit: no rule %q; rules: %s", id, strings.Join(near, ", "))
}
