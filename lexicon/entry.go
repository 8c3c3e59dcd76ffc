package lexicon

import (
	"strconv"
	"strings"

	"github.com/copyedit/copyedit/lexicon/internal/table"
)

// Entry is what the lexicon knows about one spelling.
type Entry struct {
	// Level is the smallest SCOWL size list the spelling appears in: 10,
	// 20, 35, 40, 50, 55, 60, 70 or 80. Lower is more common. SCOWL's
	// author calls 60 the largest size free of misspellings and 80 the
	// home of "strange and unusual words" for word games; 80 also holds
	// typo-like rarities such as "wich" and "belive", so a spell checker
	// should trust an entry less the higher its level. UserLevel (0)
	// marks words added by the user, which every threshold accepts.
	Level uint8
	// Class is the kind of entry: word, upper-case word, proper name,
	// abbreviation or contraction.
	Class Class
	// Region is the set of spelling systems that accept the spelling.
	Region Region
}

// UserLevel is the Level of words added with ParseWordList or UserEntry:
// below every SCOWL level, so any commonness threshold accepts them.
const UserLevel = 0

// MaxLevel is the highest SCOWL level in the embedded data.
const MaxLevel = 80

// String returns a compact description such as "35 word US|GB|GBZ|CA|AU".
func (e Entry) String() string {
	return strconv.Itoa(int(e.Level)) + " " + e.Class.String() + " " + e.Region.String()
}

// meta packs an Entry into the table's 32-bit metadata.
func (e Entry) meta() uint32 {
	return table.Meta(e.Level, uint8(e.Class), uint16(e.Region))
}

// entryOf unpacks table metadata.
func entryOf(m uint32) Entry {
	level, class, region := table.Unpack(m)
	return Entry{Level: level, Class: Class(class), Region: Region(region)}
}

// Class is the kind of an entry, after SCOWL's sub-categories.
type Class uint8

// The classes. An entry listed by SCOWL under several sub-categories takes
// the one of its lowest level; on a tie the first in this list wins.
const (
	// Word is an ordinary word, all lower case in SCOWL ("these",
	// "mark", "kilometres", "café").
	Word Class = iota + 1
	// Upper is a capitalised word common enough to be in a typical
	// dictionary: countries, months, nationalities, common first names
	// and famous people ("Russia", "Ukraine", "Mark", "Monday",
	// "Christian").
	Upper
	// ProperName is any other capitalised word: people, places,
	// companies, products ("Putin", "Trump", "iPhone", "McDonald's").
	ProperName
	// Abbreviation is an abbreviation or acronym that is not also a
	// normal word ("NATO", "Mr", "COVID", "etc").
	Abbreviation
	// Contraction is a form with an apostrophe standing for left-out
	// letters ("don't", "o'clock", "ma'am"), including the 's forms of
	// pronouns and question words ("it's", "that's", "let's"), which
	// SCOWL files among its words.
	Contraction
)

var classNames = [...]string{"", "word", "upper", "proper-name", "abbreviation", "contraction"}

// String returns the class name: "word", "upper", "proper-name",
// "abbreviation" or "contraction".
func (c Class) String() string {
	if int(c) < len(classNames) && c != 0 {
		return classNames[c]
	}
	return "Class(" + strconv.Itoa(int(c)) + ")"
}

// Region is the set of spelling systems that accept a spelling, as flags.
// The first five say the spelling is the preferred one in that system (it
// is in SCOWL's main list for it); the Variant flags say it is an accepted
// variant there (SCOWL's variant_1 lists). "colour" is British | BritishZ |
// Canadian | Australian, "color" is American | CanadianVariant, "organize"
// is American | BritishZ | Canadian, "these" is Everywhere.
type Region uint16

// The spelling systems.
const (
	// American is US spelling ("color", "center", "organize").
	American Region = 1 << iota
	// British is British spelling with -ise ("colour", "organise").
	British
	// BritishZ is British spelling with -ize, the Oxford spelling
	// ("colour", "organize").
	BritishZ
	// Canadian is Canadian spelling ("colour", "center", "organize").
	Canadian
	// Australian is Australian spelling ("colour", "organise").
	Australian
	// AmericanVariant marks a variant accepted in American spelling.
	AmericanVariant
	// BritishVariant marks a variant accepted in both British spellings.
	BritishVariant
	// CanadianVariant marks a variant accepted in Canadian spelling.
	CanadianVariant
	// AustralianVariant marks a variant accepted in Australian spelling.
	AustralianVariant
)

// Everywhere is every preferred-spelling flag: a spelling shared by all
// five systems.
const Everywhere = American | British | BritishZ | Canadian | Australian

// Commonwealth is every non-American preferred-spelling flag.
const Commonwealth = British | BritishZ | Canadian | Australian

var regionNames = [...]string{"US", "GB", "GBZ", "CA", "AU", "US-variant", "GB-variant", "CA-variant", "AU-variant"}

// String lists the flags joined by "|", such as "US|CA-variant", or "none".
func (r Region) String() string {
	if r == 0 {
		return "none"
	}
	var parts []string
	for i, name := range regionNames {
		if r&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	if rest := r &^ (1<<len(regionNames) - 1); rest != 0 {
		parts = append(parts, "0x"+strconv.FormatUint(uint64(rest), 16))
	}
	return strings.Join(parts, "|")
}

// Preferred returns the flags of the systems where the spelling is the
// preferred one.
func (r Region) Preferred() Region { return r & Everywhere }

// Accepts reports whether the spelling is preferred or an accepted variant
// in any of the systems in sys (preferred-spelling flags such as British).
func (r Region) Accepts(sys Region) bool {
	if r&sys&Everywhere != 0 {
		return true
	}
	var v Region
	if sys&American != 0 {
		v |= AmericanVariant
	}
	if sys&(British|BritishZ) != 0 {
		v |= BritishVariant
	}
	if sys&Canadian != 0 {
		v |= CanadianVariant
	}
	if sys&Australian != 0 {
		v |= AustralianVariant
	}
	return r&v != 0
}

// Spelling condenses a Region into the cases a locale option needs.
type Spelling uint8

// The Spelling cases.
const (
	// Common spellings are preferred in all five systems ("these",
	// "mark", "Russia").
	Common Spelling = iota + 1
	// USOnly spellings are preferred in American and in no Commonwealth
	// system ("color", "defense", "kilometers").
	USOnly
	// CommonwealthOnly spellings are preferred in some Commonwealth
	// systems and not in American ("colour", "defence", "signalled").
	CommonwealthOnly
	// Mixed spellings are preferred in American and some but not all
	// Commonwealth systems ("organize": US, Oxford, Canadian).
	Mixed
	// VariantOnly spellings are nowhere preferred, only accepted as
	// variants.
	VariantOnly
)

var spellingNames = [...]string{"", "common", "US-only", "commonwealth-only", "mixed", "variant-only"}

// String returns the case name, such as "US-only".
func (s Spelling) String() string {
	if int(s) < len(spellingNames) && s != 0 {
		return spellingNames[s]
	}
	return "Spelling(" + strconv.Itoa(int(s)) + ")"
}

// Spelling returns which of the Spelling cases r is in. A zero Region
// (which only hand-made entries have) counts as VariantOnly.
func (r Region) Spelling() Spelling {
	p := r.Preferred()
	switch {
	case p == Everywhere:
		return Common
	case p == American:
		return USOnly
	case p == 0:
		return VariantOnly
	case p&American == 0:
		return CommonwealthOnly
	}
	return Mixed
}
