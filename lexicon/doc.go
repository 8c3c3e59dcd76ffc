// Package lexicon is copyedit's English word list: every spelling the
// spelling pass accepts and every capitalisation the casing pass knows,
// each with how common it is, what kind of word it is, and which spelling
// systems use it.
//
// # Quick start
//
//	lex := lexicon.Default()
//	e, ok := lex.Lookup("Russia")        // exact spelling: ok, e.Class == lexicon.Upper
//	lex.LookupFold("russia", func(form string, e lexicon.Entry) bool {
//		// "Russia" (level 50, upper), then "russia" (level 80, word)
//		return true
//	})
//
// Lookup is exact and case-sensitive ("mark" and "Mark" are two entries);
// LookupFold finds every capitalisation of a word. Both accept the
// typographic apostrophe ’ for ', take tens of nanoseconds and never
// allocate for ASCII words, so they can run on every token of a large
// corpus. A Lexicon is immutable and safe for concurrent use.
//
// # The data
//
// The entries come from SCOWL (Spell Checker Oriented Word Lists, by Kevin
// Atkinson, http://wordlist.aspell.net/), version 2020.12.07 as packaged
// by Debian; its copyright and permission notice is in SCOWL-COPYRIGHT
// beside the data, as its licence requires. Included are SCOWL sizes 10 to
// 80 of the sub-categories words, upper, proper-names, abbreviations and
// contractions, in the spelling categories english, american, british,
// british_z, canadian and australian, plus the variant_1 lists (American,
// British, Canadian, Australian). Left out, because measurement showed
// they accept common typos: size 95 ("thier", "accomodate", "millenium",
// "untill": 344 of 25,212 known typos from misspell's list), the variant_2
// lists ("dependance", "altho", "surprize") and variant_3. Forms that are
// just word + 's ("Russia's", "colour's": 62,659 of them) are dropped,
// since the tokenizer splits possessives; the 's contractions of pronouns
// and question words ("it's", "that's", "let's") are kept as Contraction.
//
// Each Entry has:
//
//   - Level, the smallest SCOWL size that lists the spelling: 10, 20, 35,
//     40, 50, 55, 60, 70 or 80; lower is more common. SCOWL recommends 60
//     for spell checking; 70 adds rarer real words; 80 adds word-game words
//     and many names and places seen in news (Algarve, Coimbra, rollout,
//     multipolar) but also typo-like rarities ("wich", "belive", "persue",
//     "layed"). A spelling pass should treat a level-80 match as weak
//     evidence.
//   - Class: Word, Upper (capitalised dictionary words: countries, months,
//     nationalities, common first names), ProperName (other names,
//     companies, products such as "iPhone"), Abbreviation ("NATO", "Mr"),
//     Contraction ("don't", "it's").
//   - Region: flags for the spelling systems that prefer the spelling
//     (American, British, BritishZ for Oxford -ize, Canadian, Australian)
//     or accept it as a variant; Region.Spelling condenses them to Common,
//     USOnly ("color"), CommonwealthOnly ("colour", "defence",
//     "signalled"), Mixed ("organize") or VariantOnly. The default lexicon
//     accepts all of them; a locale option can prefer one.
//
// # Adding words
//
// New builds a lexicon from scratch and With adds words to an existing
// one (a newsroom's names, brands, jargon), replacing entries with the
// same spelling. ParseWordList and LoadWordList read plain word lists (one
// word per line, # comments) and report bad lines as *SyntaxError with
// file, line and column.
//
// # Storage and regeneration
//
// The data is one generated file, scowl.bin (about 5 MB: the sorted
// records and a precomputed open-addressing hash table, see
// internal/table), embedded with go:embed and read in place: Default
// parses a 32-byte header and allocates under 2 KB, in a few microseconds.
// To rebuild it from the scowl package (apt-get install scowl):
//
//	go generate ./lexicon/...
//
// A test (internal/gen TestRegenerate) checks the committed file is exactly
// what the generator makes. See README.md for measurements.
package lexicon
