package casing

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./internal/gen -out data/names-xtext.txt

// The data files; each explains itself in its header comment.
var (
	//go:embed data/phrases.txt
	phrasesData string
	//go:embed data/names-xtext.txt
	xtextData string
	//go:embed data/minor-chicago.txt
	minorChicagoData string
	//go:embed data/minor-ap.txt
	minorAPData string
	//go:embed data/particles.txt
	particlesData string
	//go:embed data/sounds.txt
	soundsData string
	//go:embed data/determiners.txt
	determinersData string
	//go:embed data/bullets.txt
	bulletsData string
	//go:embed data/auxiliaries.txt
	auxiliariesData string
)

// lines returns the entries of a data file: its lines without comments and
// blank lines, trimmed, each with its line number.
func lines(data string, fn func(line string, n int) error) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(line, n); err != nil {
			return err
		}
	}
	return sc.Err()
}

type set map[string]bool

func parseSet(data string) set {
	s := set{}
	_ = lines(data, func(l string, _ int) error { s[l] = true; return nil })
	return s
}

var (
	minorChicago = sync.OnceValue(func() set { return parseSet(minorChicagoData) })
	minorAP      = sync.OnceValue(func() set { return parseSet(minorAPData) })
	particles    = sync.OnceValue(func() set { return parseSet(particlesData) })
	determiners  = sync.OnceValue(func() set { return parseSet(determinersData) })
	bullets      = sync.OnceValue(func() set { return parseSet(bulletsData) })
	auxiliaries  = sync.OnceValue(func() set { return parseSet(auxiliariesData) })
)

// A sound is how a word begins to sound, for a/an.
type sound uint8

const (
	soundUnknown sound = iota
	soundVowel
	soundConsonant
	soundEither // spoken both ways: leave the article alone
)

type soundRule struct {
	prefix string
	whole  bool
	sound  sound
}

// soundRules are the entries of data/sounds.txt, longest prefix first.
var soundRules = sync.OnceValue(func() []soundRule {
	var rules []soundRule
	err := lines(soundsData, func(l string, n int) error {
		f := strings.Fields(l)
		if len(f) != 2 {
			return fmt.Errorf("sounds.txt:%d: want SOUND PREFIX", n)
		}
		r := soundRule{prefix: strings.TrimSuffix(f[1], "$"), whole: strings.HasSuffix(f[1], "$")}
		switch f[0] {
		case "vowel":
			r.sound = soundVowel
		case "consonant":
			r.sound = soundConsonant
		case "either":
			r.sound = soundEither
		default:
			return fmt.Errorf("sounds.txt:%d: unknown sound %q", n, f[0])
		}
		rules = append(rules, r)
		return nil
	})
	if err != nil {
		panic("casing: embedded data: " + err.Error())
	}
	// Longest prefix first, so the first match is the most specific.
	for i := 1; i < len(rules); i++ {
		for j := i; j > 0 && len(rules[j].prefix) > len(rules[j-1].prefix); j-- {
			rules[j], rules[j-1] = rules[j-1], rules[j]
		}
	}
	return rules
})

// soundFirst marks the first bytes of the prefixes in sounds.txt: a word
// starting with any other letter sounds as its letter says.
var soundFirst = func() (first [256]bool) {
	_ = lines(soundsData, func(l string, _ int) error {
		if f := strings.Fields(l); len(f) == 2 && f[1] != "" {
			first[f[1][0]] = true
		}
		return nil
	})
	return first
}()

// phrase is a multi-word name as it should be written.
type phrase struct {
	words []string
	// commonOnly: every capitalised word of the phrase is an ordinary
	// word in lower case ("Cold War", "Wall Street"), set by addPhrase.
	commonOnly bool
}

// PhraseError is a bad line in a phrase list. Line counts from 1.
type PhraseError struct {
	File string
	Line int
	Text string
	Err  string
}

// Error formats the error with the file, line and the bad text.
func (e *PhraseError) Error() string {
	return fmt.Sprintf("casing: %s:%d: %s: %q", e.File, e.Line, e.Err, e.Text)
}

// parsePhrase checks one phrase: two or more words of letters (with inner
// apostrophes, hyphens or periods), separated by single spaces, at least one
// of them capitalised.
func parsePhrase(s string) (phrase, string) {
	words := strings.Split(s, " ")
	if len(words) < 2 {
		return phrase{}, "a phrase needs two or more words (use WithNames for one word)"
	}
	capital := false
	for _, w := range words {
		if w == "" {
			return phrase{}, "words must be separated by single spaces"
		}
		for i, r := range w {
			if !unicode.IsLetter(r) && !(i > 0 && strings.ContainsRune("'’-.", r)) {
				return phrase{}, fmt.Sprintf("%q is not a word of letters", w)
			}
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capital = true
		}
	}
	if !capital {
		return phrase{}, "a phrase must have a capitalised word"
	}
	return phrase{words: words}, ""
}

// parsePhrases reads a phrase list: one phrase per line, # comment lines.
func parsePhrases(r io.Reader, name string) ([]phrase, error) {
	var out []phrase
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p, msg := parsePhrase(line)
		if msg != "" {
			return nil, &PhraseError{File: name, Line: n, Text: line, Err: msg}
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("casing: %s: %w", name, err)
	}
	return out, nil
}

func loadPhraseFile(path string) ([]phrase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("casing: %w", err)
	}
	defer f.Close()
	return parsePhrases(f, path)
}

// builtinPhrases are data/phrases.txt and the multi-word names of
// data/names-xtext.txt.
var builtinPhrases = sync.OnceValue(func() []phrase {
	a, err := parsePhrases(strings.NewReader(phrasesData), "phrases.txt")
	if err != nil {
		panic("casing: embedded data: " + err.Error())
	}
	for _, n := range xtextNames() {
		if strings.Contains(n, " ") {
			if p, msg := parsePhrase(n); msg == "" {
				a = append(a, p)
			}
		}
	}
	return a
})

// xtextNames are the lines of data/names-xtext.txt.
var xtextNames = sync.OnceValue(func() []string {
	var out []string
	_ = lines(xtextData, func(l string, _ int) error { out = append(out, l); return nil })
	return out
})
