package lexicon

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/copyedit/copyedit/lexicon/internal/table"
)

// MaxWordLen is the longest spelling, in bytes, a lexicon can hold.
const MaxWordLen = 127

// Item is one spelling and its entry: the unit New and With take.
type Item struct {
	Form  string
	Entry Entry
}

// UserEntry returns the entry ParseWordList gives a user's word: level
// UserLevel, accepted Everywhere, and a class guessed from the letters:
// Word if it has no upper-case letter (Contraction if it also has an
// apostrophe), Abbreviation if it has two or more letters and all are upper
// case ("NATO", "COVID-19"), ProperName otherwise ("Zelenskyy", "iPhone").
func UserEntry(form string) Entry {
	upper, lower := 0, 0
	apostrophe := false
	for _, r := range form {
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case r == '\'' || r == '\u2019':
			apostrophe = true
		}
	}
	e := Entry{Level: UserLevel, Region: Everywhere}
	switch {
	case upper == 0 && apostrophe:
		e.Class = Contraction
	case upper == 0:
		e.Class = Word
	case lower == 0 && upper >= 2:
		e.Class = Abbreviation
	default:
		e.Class = ProperName
	}
	return e
}

// CheckWord reports why form cannot be a lexicon spelling, or nil: it must
// be 1 to MaxWordLen bytes of valid UTF-8 with no space, control character
// or U+FFFD. A ’ in form counts as '.
func CheckWord(form string) error {
	_, err := checkWord(form)
	return err
}

// checkWord validates form and returns its stored spelling (’ → ') and,
// on error, the byte offset of the problem in form.
func checkWord(form string) (string, error) {
	if _, err := badRune(form); err != nil {
		return "", err
	}
	canon := table.Canon(form)
	if err := table.CheckForm(canon); err != nil {
		return "", fmt.Errorf("lexicon: word %.40q: too long (%d bytes, at most %d)", form, len(canon), MaxWordLen)
	}
	return canon, nil
}

// badRune finds the first byte offset in s that no spelling may contain.
func badRune(s string) (int, error) {
	if s == "" {
		return 0, fmt.Errorf("lexicon: empty word")
	}
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i, fmt.Errorf("lexicon: word %.40q: invalid UTF-8 at byte %d", s, i)
			}
			return i, fmt.Errorf("lexicon: word %.40q: contains U+FFFD", s)
		case unicode.IsSpace(r):
			return i, fmt.Errorf("lexicon: word %.40q: contains a space (one word per entry)", s)
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return i, fmt.Errorf("lexicon: word %.40q: contains control character %U", s, r)
		}
	}
	return -1, nil
}

// New returns a lexicon holding exactly words (SCOWL not included; see
// Default and With for that). If a spelling repeats, the last one wins. It
// fails if a spelling is invalid (see CheckWord).
func New(words ...Item) (*Lexicon, error) {
	t, err := build(nil, words)
	if err != nil {
		return nil, err
	}
	return &Lexicon{base: *t, n: t.Len()}, nil
}

// With returns a lexicon holding l's entries plus words; a word whose
// spelling l already has replaces l's entry. l is unchanged. The typical
// use adds a newsroom's names to the default lexicon:
//
//	words, err := lexicon.LoadWordList("names.txt")
//	...
//	lex, err := lexicon.Default().With(words...)
//
// With costs time proportional to the words added (and to words added by
// earlier With calls on l), not to the size of l.
func (l *Lexicon) With(words ...Item) (*Lexicon, error) {
	t, err := build(&l.over, words)
	if err != nil {
		return nil, err
	}
	out := &Lexicon{base: l.base, over: *t, n: l.base.Len() + t.Len()}
	for off := 0; off < t.End(); {
		form, _, _, next := t.Record(off)
		if _, ok := l.base.Find(form); ok {
			out.n--
		}
		off = next
	}
	return out, nil
}

// build makes a table of prev's records plus words, later ones winning.
func build(prev *table.Table, words []Item) (*table.Table, error) {
	index := make(map[string]int, len(words))
	var items []table.Item
	add := func(form string, e Entry) {
		if i, ok := index[form]; ok {
			items[i].Meta = e.meta()
			return
		}
		index[form] = len(items)
		items = append(items, table.Item{Form: form, Meta: e.meta()})
	}
	if prev != nil {
		for off := 0; off < prev.End(); {
			form, meta, _, next := prev.Record(off)
			add(form, entryOf(meta))
			off = next
		}
	}
	for _, w := range words {
		form, err := checkWord(w.Form)
		if err != nil {
			return nil, err
		}
		add(form, w.Entry)
	}
	data, err := table.Build(items)
	if err != nil {
		return nil, err
	}
	return table.Open(string(data))
}
