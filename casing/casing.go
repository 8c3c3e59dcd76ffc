package casing

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copyedit/copyedit/lexicon"
	"github.com/copyedit/copyedit/normalize"
)

// The rule IDs of the casing pass.
const (
	RuleSentenceStart = "casing/sentence-start" // "security. for the West" → "For"
	RuleProperNoun    = "casing/proper-noun"    // "tensions with russia" → "Russia"
	RuleGivenName     = "casing/given-name"     // "mark Rutte" → "Mark Rutte"
	RulePhrase        = "casing/phrase"         // "cold War-style" → "Cold War-style"
	RuleHeading       = "casing/heading"        // "On the broader Implications" → "Broader"
	RuleArticle       = "casing/article"        // "a interesting" → "an interesting"
	RulePronounI      = "casing/pronoun-i"      // "i think" → "I think"
)

// Rules lists every rule of the pass, in the order they are documented.
var Rules = []string{RuleSentenceStart, RuleProperNoun, RuleGivenName, RulePhrase, RuleHeading, RuleArticle, RulePronounI}

// HeadingStyle is the title-case convention the heading rule follows: which
// short words may stay lower case inside a heading.
type HeadingStyle uint8

const (
	// Chicago (the default) keeps articles, and, but, for, or, nor, every
	// preposition, "to" and "as" lower case (The Chicago Manual of Style).
	Chicago HeadingStyle = iota
	// AP keeps articles and conjunctions and prepositions of three letters
	// or fewer lower case (The Associated Press Stylebook).
	AP
)

// String returns "Chicago" or "AP".
func (s HeadingStyle) String() string {
	switch s {
	case Chicago:
		return "Chicago"
	case AP:
		return "AP"
	}
	return fmt.Sprintf("HeadingStyle(%d)", uint8(s))
}

// Caser is the casing pass. It is immutable once built and safe for
// concurrent use; what it learns about a document lives in the Doc's State.
type Caser struct {
	lex      *lexicon.Lexicon
	tables   *lexTables
	style    HeadingStyle
	minor    set
	names    map[string]string   // user names: lower case → spelling
	phrases  map[string][]phrase // by the first word's lowerKey
	phraseBF bloom               // the keys of phrases
	disabled map[string]bool
}

type config struct {
	lex      *lexicon.Lexicon
	style    HeadingStyle
	names    []string
	phrases  []phrase
	disabled map[string]bool
	noBuilt  bool
}

// Option configures a Caser.
type Option func(*config) error

// WithNames adds names that the pass writes as given wherever a word
// matches one in any case but theirs: "Okonkwo", "rescEU", "McKinsey". A
// name of several words ("Fjordlyd Festival") is added to the phrases.
func WithNames(names ...string) Option {
	return func(c *config) error {
		for _, n := range names {
			n = strings.TrimSpace(n)
			if strings.Contains(n, " ") {
				p, msg := parsePhrase(n)
				if msg != "" {
					return fmt.Errorf("casing: WithNames(%q): %s", n, msg)
				}
				c.phrases = append(c.phrases, p)
				continue
			}
			if n == "" || shapeOf(n) == shapeLower || !onlyLetters(n) {
				return fmt.Errorf("casing: WithNames(%q): a name is a word of letters with a capital", n)
			}
			c.names = append(c.names, n)
		}
		return nil
	}
}

// WithPhrases adds multi-word names ("Fair Delivery Pay Act") to the
// phrase gazetteer, written as they should be.
func WithPhrases(phrases ...string) Option {
	return func(c *config) error {
		for _, s := range phrases {
			p, msg := parsePhrase(strings.TrimSpace(s))
			if msg != "" {
				return fmt.Errorf("casing: WithPhrases(%q): %s", s, msg)
			}
			c.phrases = append(c.phrases, p)
		}
		return nil
	}
}

// WithPhraseFile adds the phrases of a file: one name per line as it should
// be written, "#" starting a comment line. A bad line is reported as a
// *PhraseError with the file and line.
func WithPhraseFile(path string) Option {
	return func(c *config) error {
		ps, err := loadPhraseFile(path)
		if err != nil {
			return err
		}
		c.phrases = append(c.phrases, ps...)
		return nil
	}
}

// WithHeadingStyle sets the title-case style of headings (default Chicago).
func WithHeadingStyle(s HeadingStyle) Option {
	return func(c *config) error {
		if s != Chicago && s != AP {
			return fmt.Errorf("casing: unknown heading style %v", s)
		}
		c.style = s
		return nil
	}
}

// WithLexicon sets the lexicon the pass reads capitalisations and word
// frequencies from (default lexicon.Default()), for instance one extended
// with a newsroom's names by (*lexicon.Lexicon).With.
func WithLexicon(l *lexicon.Lexicon) Option {
	return func(c *config) error {
		if l == nil {
			return fmt.Errorf("casing: WithLexicon(nil)")
		}
		c.lex = l
		return nil
	}
}

// WithoutBuiltinPhrases leaves out the built-in phrase gazetteer, keeping
// only the phrases given by options.
func WithoutBuiltinPhrases() Option {
	return func(c *config) error { c.noBuilt = true; return nil }
}

// WithoutRules turns the named rules off.
func WithoutRules(ids ...string) Option {
	return func(c *config) error {
		for _, id := range ids {
			if !knownRule(id) {
				return fmt.Errorf("casing: unknown rule %q", id)
			}
			c.disabled[id] = true
		}
		return nil
	}
}

func knownRule(id string) bool {
	for _, r := range Rules {
		if r == id {
			return true
		}
	}
	return false
}

// New returns the casing pass. The default lexicon's tables are made ahead
// of time and read in place, so New builds nothing for them; a lexicon
// given by WithLexicon has its own built here (some 20 ms).
func New(opts ...Option) (*Caser, error) {
	cfg := &config{disabled: map[string]bool{}}
	for _, o := range opts {
		if err := o(cfg); err != nil {
			return nil, err
		}
	}
	c := &Caser{style: cfg.style, disabled: cfg.disabled, names: map[string]string{}, phrases: map[string][]phrase{}, phraseBF: newBloom(1 << 14)}
	if cfg.lex == nil {
		c.lex, c.tables = lexicon.Default(), defaultTables()
	} else {
		c.lex, c.tables = cfg.lex, buildTables(cfg.lex)
	}
	c.minor = minorChicago()
	if c.style == AP {
		c.minor = minorAP()
	}
	for _, n := range cfg.names {
		c.names[strings.ToLower(n)] = n
	}
	var all []phrase
	if !cfg.noBuilt {
		all = append(all, builtinPhrases()...)
	}
	all = append(all, cfg.phrases...)
	for _, p := range all {
		c.addPhrase(p)
	}
	return c, nil
}

// addPhrase indexes p under its first word in lower case (lowerKey),
// longest phrases first; a later phrase with the same words replaces one.
func (c *Caser) addPhrase(p phrase) {
	p.commonOnly = true
	for _, word := range p.words {
		if startsUpper(word) && !c.common(string(lowerKey(nil, word))) {
			p.commonOnly = false
		}
	}
	for _, k := range []string{string(lowerKey(nil, p.words[0]))} {
		list := c.phrases[k]
		replaced := false
		for i, q := range list {
			if equalFoldWords(q.words, p.words) {
				list[i] = p
				replaced = true
			}
		}
		if !replaced {
			list = append(list, p)
			for j := len(list) - 1; j > 0 && len(list[j].words) > len(list[j-1].words); j-- {
				list[j], list[j-1] = list[j-1], list[j]
			}
		}
		c.phrases[k] = list
		c.phraseBF.add(keyHashString(k))
	}
}

func equalFoldWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// Name returns "casing".
func (c *Caser) Name() string { return "casing" }

func onlyLetters(s string) bool {
	for i, r := range s {
		if !unicode.IsLetter(r) && !(i > 0 && (r == '\'' || r == '’' || r == '-')) {
			return false
		}
	}
	return s != ""
}

// capFirst returns s with its first rune in upper case.
func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	u := unicode.ToUpper(r)
	if u == r || unicode.SimpleFold(r) == r || !strings.EqualFold(string(u), string(r)) || (r >= utf8.RuneSelf) != (u >= utf8.RuneSelf) {
		return s // no upper case, or a special letter: "ı", "ſ" (long s → S)
	}
	return string(u) + s[n:]
}

var _ normalize.Pass = (*Caser)(nil)

// recase returns word written with the case of form, a spelling of the
// same word ("russia", "Russia" → "Russia"), keeping word's own characters
// where the two differ otherwise (its ’ where form has ').
func recase(word, form string) string {
	if word == form {
		return word
	}
	var b strings.Builder
	b.Grow(len(word) + 4)
	f := form
	for i, r := range word {
		fr, n := utf8.DecodeRuneInString(f)
		if n == 0 {
			b.WriteString(word[i:])
			return b.String()
		}
		f = f[n:]
		if fr != r && strings.EqualFold(string(fr), string(r)) && (fr >= utf8.RuneSelf) == (r >= utf8.RuneSelf) {
			r = fr
		}
		b.WriteRune(r)
	}
	return b.String()
}
