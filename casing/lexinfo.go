package casing

import (
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/copyedit/copyedit/lexicon"
)

// shape is the case pattern of a spelling.
type shape uint8

const (
	shapeLower      shape = iota // "mark"
	shapeTitle                   // "Mark", "McDonald", "PayPal": a capital first
	shapeUpper                   // "NATO", "MBA"
	shapeMixedLower              // "iPhone", "eBay": lower case first, a capital inside
)

func shapeOf(s string) shape {
	upper, letters := 0, 0
	first := true
	firstUpper := false
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			upper++
			if first {
				firstUpper = true
			}
		}
		first = false
	}
	switch {
	case upper == 0:
		return shapeLower
	case upper == letters && letters >= 2:
		return shapeUpper
	case firstUpper:
		return shapeTitle
	}
	return shapeMixedLower
}

// capInfo is what the lexicon says about capitalising one lower-case word.
type capInfo struct {
	// form is the most common capitalised spelling: "Russia", "NATO".
	form  string
	shape shape
	class lexicon.Class
	// capLevel and lowLevel are the SCOWL levels of form and of the
	// lower-case spelling (0: not listed).
	capLevel, lowLevel uint8
	// conf is the confidence of writing form for the lower-case word on the
	// lexicon's evidence alone; 0 means leave it.
	conf float64
	// given: form can be a given name (a capitalised Upper or ProperName
	// entry at level 50 or below).
	given bool
}

// lexTables are the lexicon-derived tables of a Caser, built once per
// lexicon: for each lower-case word with a capitalised spelling, its
// capInfo.
type lexTables struct {
	caps *capsTable
}

// lookup returns the capInfo of the lower-case key whose keyHash is h.
func (t *lexTables) lookup(h uint64, key []byte) (capInfo, bool) {
	return t.caps.lookup(h, key)
}

// lookupString is lookup for a key in a string.
func (t *lexTables) lookupString(key string) (capInfo, bool) {
	var buf [64]byte
	k := lowerKey(buf[:0], key)
	return t.caps.lookup(keyHash(k), k)
}

// defaultTables are the default lexicon's tables, made ahead of time.
var defaultTables = sync.OnceValue(func() *lexTables { return &lexTables{caps: defaultCaps()} })

// buildTables makes the tables of a lexicon.
func buildTables(lex *lexicon.Lexicon) *lexTables {
	data, err := encodeCaps(capsMap(lex))
	if err != nil {
		panic(err) // a lexicon's forms are short
	}
	t, err := openCaps(string(data))
	if err != nil {
		panic(err)
	}
	return &lexTables{caps: t}
}

// capsMap walks the lexicon once, a folded group at a time.
func capsMap(lex *lexicon.Lexicon) map[string]capInfo {
	caps := make(map[string]capInfo, 40000)
	var (
		key    string
		info   capInfo
		hasCap bool
	)
	flush := func() {
		if hasCap && key != "" {
			info.conf = lexConf(key, info)
			info.given = info.shape == shapeTitle && (info.class == lexicon.Upper || info.class == lexicon.ProperName) && info.capLevel <= 50
			caps[key] = info
		}
	}
	for form, e := range lex.Each {
		k := foldKey(form)
		if k != key {
			flush()
			key, info, hasCap = k, capInfo{}, false
		}
		if form == k {
			if info.lowLevel == 0 || e.Level < info.lowLevel {
				info.lowLevel = e.Level
			}
			continue
		}
		sh := shapeOf(form)
		if sh == shapeLower {
			continue
		}
		if !hasCap || e.Level < info.capLevel || (e.Level == info.capLevel && sh == shapeTitle && info.shape != shapeTitle) {
			info.form, info.shape, info.class, info.capLevel = form, sh, e.Class, e.Level
			hasCap = true
		}
	}
	flush()
	return caps
}

// foldKey lower-cases s and writes ’ as ', the lexicon's apostrophe.
func foldKey(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}

// lexConf decides how sure the lexicon alone makes us that a lower-case
// occurrence of word should be written info.form. SCOWL's levels say how
// common each spelling is: "russia" (80) is a rare lower-case copy of
// "Russia" (50); "august" (35) and "turkey" (35) are ordinary words that
// stay as they are; "english" (70) is rare next to "English" (10).
func lexConf(word string, info capInfo) float64 {
	if utf8.RuneCountInString(word) < 3 || particles()[word] {
		return 0
	}
	low, c := info.lowLevel, info.capLevel
	switch info.shape {
	case shapeTitle:
		if info.class != lexicon.Upper && info.class != lexicon.ProperName {
			return 0
		}
		switch {
		case low == 0 && c <= 50 && info.class == lexicon.Upper:
			return 0.9
		case low == 0 && c <= 50:
			return 0.85
		case low == 0 && c <= 70:
			return 0.75
		case low == 0:
			return 0.6
		case low >= 70 && int(c)+20 <= int(low):
			return 0.7
		case low >= 55 && int(c)+20 <= int(low):
			return 0.6
		}
	case shapeMixedLower:
		if low == 0 {
			return 0.6
		}
	case shapeUpper:
		if low == 0 {
			return 0.45 // "covid", "ceo": house styles differ; a suggestion
		}
	}
	return 0
}

// places are the lower-cased one-word names of countries, regions and
// languages (x/text), months and weekdays: capitalised words that are not
// surnames.
var places = sync.OnceValue(func() set {
	s := set{}
	for _, n := range xtextNames() {
		if !strings.Contains(n, " ") {
			s[strings.ToLower(n)] = true
		}
	}
	for m := time.January; m <= time.December; m++ {
		s[strings.ToLower(m.String())] = true
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		s[strings.ToLower(d.String())] = true
	}
	return s
})
