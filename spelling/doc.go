// Package spelling is the copyedit pass that fixes the typos of scraped
// news text — "thes topics" → "these topics", "woudl" → "would",
// "beleive" → "believe", "Leave a Replay" → "Leave a Reply" — while leaving
// every correct word, name and term alone. Precision comes first: an edit is
// made only when the evidence is strong; otherwise it is reported as a
// suggestion (an Edit whose Confidence is below the pipeline's threshold,
// with Alternatives) and the text is left as it is.
//
// # Quick start
//
//	sp, err := spelling.New(spelling.WithWords("Archyde", "rescEU"))
//	p, err := normalize.NewPipeline([]normalize.Pass{sp})
//	out, report := p.CleanString(raw)
//
// or, through the front door, copyedit.New(copyedit.WithWords(...)).
// A Speller is immutable and safe for concurrent use; build one and share
// it. Suggest ranks the corrections of a single word, without context.
//
// # What it does, in order of trust
//
//   - spelling/confusion: real-word errors in fixed phrases from a small
//     data file (data/confusions.txt, "leave a replay -> leave a reply"),
//     which users extend with WithConfusions. Every word of such a phrase
//     is a real word, so no dictionary sees the mistake.
//   - spelling/misspelling: typos on misspell's curated list
//     (github.com/client9/misspell), filtered against the lexicon
//     (data/misspell.txt, generated: see internal/gen).
//   - spelling/typo: any other unknown word, corrected by a noisy-channel
//     model (below) when the likeliest correction is sure enough.
//   - spelling/locale: with WithLocale(US) or WithLocale(UK), the other
//     locale's spellings ("colour" → "color"), from misspell's locale lists
//     confirmed by the lexicon (data/locale.txt). By default every standard
//     American and British spelling is correct.
//
// # What it never changes
//
// Protected tokens (URLs, e-mail addresses, domains, numbers, code…);
// words in capitals ("NATO"), with inner capitals ("iPhone") or with digits;
// capitalized words inside a sentence (names: "Peskov", "Rutte", "Kyiv’s");
// a capitalized word at a sentence start that the document uses again, or
// that has no strong correction; words the lexicon knows in any case
// ("russia", a lower-cased name, is the casing pass's to fix) and at any
// level (SCOWL's level 80 holds rare real words); words of fewer than three
// letters, and words without a vowel ("mps", "kwh"); an unknown word the
// document uses three times or more ("Archyde"; counted within one chunk
// of the pipeline, 64 KiB by default, so that cleaning stays idempotent), or
// writes with a capital elsewhere; a lower-case word where
// a first name stands (after "Dr.", before an unknown capitalized word);
// words with apostrophes other than a possessive ’s, whose stem is checked;
// and every word of a paragraph in which more than a third of the words are
// unknown (another language, a list of names, code).
//
// # The model
//
// An unknown lower-case word w gets candidates c within Damerau-Levenshtein
// distance 2 (3 for long words with no good candidate nearer), from the
// lexicon's words up to SCOWL level 70 (and capitalized dictionary words:
// "febuary" → "February"). A candidate whose first letter differs from w's
// (the first two swapped aside) must be one edit away: the first letter is
// seldom wrong, and seldom wrong along with another letter; where the share
// of those farther words could turn an edit into a suggestion (a confidence
// just above a threshold), they are searched too. The candidates are found
// by one walk of a compact trie of the words (internal/trie) that carries
// the edit distances as bit-parallel automaton states and skips, at a node
// whose edits are used up, every child but the ones the word can still
// continue with. Each candidate scores
//
//	log P(c) + log P(w | c) + context
//
// P(c), the prior, comes from the candidate's SCOWL level (Zipf's law on
// the level's ranks); P(w | c), the error model, is a weighted edit
// distance whose costs say which slips are common: a letter of a double
// dropped, a final silent e dropped, letters swapped, a vowel for a vowel,
// a key for its neighbour (data/keyboard.txt), sound-alike spellings of
// several letters ("ph" for "f", "ys" for "ies": data/errors.txt), the first
// letter rarely wrong. The costs are tenths of a nat, summed in integers;
// candidates that share a prefix share the rows of its alignment. The
// context checks number agreement between a
// determiner and the head of the noun phrase after it ("thes topics" →
// "these", not "the" or "this"), and the document's spelling (American or
// British) decides between "organisation" and "organization". The word
// itself competes as "a correct word the lexicon lacks"; the confidence of
// the best candidate is its share of the probability of all the
// explanations — or, when it is one slip of the hand away (two letters
// swapped, a letter dropped or added, not the first), at least the odds of
// its lead over its nearest rival (the runner-up, or the word itself) less
// a margin: a common word is not penalized for its many neighbours when
// none comes near. An edit is made when the confidence passes the
// pipeline's threshold and the candidate is likelier than the word itself
// (by a margin, unless the slip it assumes is one of the likeliest);
// otherwise it is a suggestion (or nothing, below 0.2).
//
// The weights were tuned on Norvig's public test sets (by kind of edit,
// never by word), holding one set out to check the other: with every
// misspelling given alone, the best suggestion is right for 88.1% and 85.2%
// of them (aspell 74.4% / 75.8%, hunspell 64.4% / 65.5%); see
// examples/spelleval.
//
// # Cost
//
// A common word (nine in ten words of news text: one spelt alike in every
// locale, with a spelling at level 50 or below) costs one probe of a 1 MB
// table; any other correctly spelt word one lexicon lookup. Neither
// allocates. An unknown lower-case word costs 10 to 30 microseconds; a
// document ranks each distinct unknown word once, and a Speller remembers
// its last verdicts across documents. A capitalized unknown
// word at a sentence start (a name, mostly) is not searched three edits
// away. New is cheap: the candidate trie and the common words are
// generated ahead of time (go generate, into data/vocab.bin, 3.5 MB) and
// read in place. See README.md for the measurements.
package spelling
