// Package casing is the copyedit pass that restores the capitals scraped
// text loses, and puts "a" and "an" right: the last pass of the default
// pipeline, after normalize, spacing and spelling.
//
// # Quick start
//
//	c, err := casing.New()                    // safe for concurrent use
//	p, err := normalize.NewPipeline([]normalize.Pass{c})
//	out, report := p.CleanString(raw)
//
// or through the facade: copyedit.New(copyedit.WithNames("Okonkwo")).
//
// # Rules
//
// Every edit has a rule ID, a message and a confidence; the pipeline makes
// the edits at or above its threshold (normalize.DefaultThreshold, 0.5) and
// reports the others as suggestions. Precision comes first: a rule edits
// only on strong evidence.
//
//   - casing/sentence-start: the first word of a sentence or paragraph
//     ("security. for the West" → "For"). The tokenizer decides what starts
//     a sentence: not after abbreviations ("e.g.", "Dr.", "U.S."), an
//     ellipsis, or "?”" and "!”", where the sentence goes on ("“Why?” she
//     asked"). Words lower case by design ("iPhone", "eBay") have a capital
//     inside and are left alone. The items of a list ("- item", "• item",
//     "1. item", "a) item") are written alike: a lower-case item gets a
//     capital when most of the list's other items have one, and a list in
//     lower case stays so, its first item too.
//   - casing/proper-noun: a word the lexicon (SCOWL) lists capitalised and
//     whose lower-case spelling is absent or much rarer: "russia" (level 80)
//     against "Russia" (50), "english" (70) against "English" (10). Ordinary
//     words stay: "august" (35), "turkey", "china", "polish", "may", "will".
//     Also the document's own evidence: a word it writes capitalised
//     mid-sentence elsewhere ("Okonkwo") is capitalised where it was lost,
//     unless the lower-case word is an ordinary word ("sporting director"
//     beside "Sporting CP"); a word the lexicon knows only as a rare word
//     needs at least as many capitalised uses as lower-case ones.
//   - casing/given-name: a lower-case given name before a capitalised
//     surname ("mark Rutte", "elena Ivanova", "priya Raghunathan"). Context
//     decides: "mark", "will", "may", "rose", "bill" are ordinary words far
//     more often, so they are capitalised only after a title ("General",
//     "Dr.") and before a word that is nothing but a name (not an ordinary
//     word, not a country, language, month or weekday, not an acronym) and
//     not itself followed by a capitalised word ("lead singer Maren
//     Solberg" keeps "singer"). A word no gazetteer knows is a given name
//     only in English text ("Wir haben keine Zeit" is not), not after a
//     determiner or an auxiliary verb ("the badyl Ivanova team", "could
//     embloden Putin"), and only as a suggestion where it looks like a slip
//     on a common word ("wiht", "badyl").
//   - casing/phrase: a multi-word name with one word left lower ("cold
//     War-style" → "Cold War-style", "the united Kingdom"), from the phrase
//     gazetteer. All in lower case ("cold war") it is only a suggestion,
//     unless its words are not ordinary words ("los angeles").
//   - casing/heading: a one-line paragraph without final punctuation, in
//     title case but for one word ("On the broader Implications for Global
//     Power Dynamics"), gets that word capitalised, when the heading itself
//     capitalises an ordinary word mid-heading or the document's other
//     headings are in title case, and no more of them are in sentence case.
//     Minor words follow the style: Chicago (default) or AP. The pass never
//     lowers a capital, and it leaves the part after a hyphen alone
//     ("De-escalation", "Thought-Provoking"). Contact lines are no headings:
//     a line with an e-mail address, a link, a phone number or two commas,
//     or a label in sentence case before a colon ("Media contact: Jenna
//     Albright").
//   - casing/article: "a" or "an" by the sound of the next word, not its
//     letter: "a Ukrainian", "a university", "a European", "a one-time",
//     "an hour", "an honest", "an MBA", "an 8-hour shift", "an X-ray".
//     Initialisms are read letter by letter when they have no vowel
//     ("an NHS"); where a word and a letter reading disagree ("MBA" vs
//     "NATO") the article is left as it is. Only in English: not where the
//     words around are mostly unknown to the lexicon ("Le gouvernement a
//     annoncé"), and only as a suggestion before a word that is not English
//     (unknown to the lexicon, not an acronym, a number or one of the
//     document's names).
//   - casing/pronoun-i: "i", "i’m", "i’ve" → "I", "I’m", "I’ve".
//
// # Data
//
// Language knowledge is data, embedded from data/ (each file says in its
// header what it is and where it comes from; a test checks every file is
// sorted and unique):
//
//   - the lexicon (package lexicon, SCOWL): which words are capitalised,
//     and how common each spelling is; WithLexicon swaps it;
//   - names-xtext.txt: country, region and language names in English from
//     golang.org/x/text/language/display, generated by go generate
//     (internal/gen) and checked byte for byte by a test;
//   - phrases.txt: multi-word names of news writing ("Wall Street", "World
//     Cup", "Supreme Court"); WithPhrases and WithPhraseFile add more,
//     WithNames adds single names;
//   - minor-chicago.txt, minor-ap.txt: the minor words of headings;
//   - particles.txt: name particles kept lower case ("de", "van", "bin");
//   - sounds.txt: where spelling misleads about sound ("hour", "one",
//     "eu…", "uni…", "un-" prefixes);
//   - determiners.txt, auxiliaries.txt: the words after which a word is no
//     given name;
//   - bullets.txt: the characters that mark a list item.
//
// # State and concurrency
//
// A Caser is immutable and safe for concurrent use. What it learns about a
// document (the words it capitalises mid-sentence, how its headings are
// cased) lives in the Doc's State under a key of this package, so it carries
// from chunk to chunk of a long document; a document smaller than a chunk
// (64 KiB) is seen whole before any decision.
//
// # Cost
//
// The pass does no allocation per token. One loop over the tokens lists
// the words and the line ends (headings and lists are read line by line
// from them); each word is then lowered and hashed once, eight bytes at a
// time for an ASCII word of up to 16 bytes, and that hash (keyHash) keys
// every table it is looked up in. Bloom filters answer the common
// questions without a probe: does the word start a phrase, does the
// lexicon write it capitalised, has the document written it with a
// capital; the common word, with nothing for any rule to do, is decided
// in the loop without a call. The capitalisation table of the default
// lexicon is made ahead of time (data/caps.bin, go generate) and read in
// place, so New builds nothing (about 0.2 ms in a fresh process; a
// lexicon given by WithLexicon has its table built by New, some 20 ms).
// The document's evidence lives in an open-addressing table over one byte
// arena, bounded to 65,536 words (about 6 MiB at most). Run go test
// -bench . ./casing/ for the numbers; BenchmarkCorpus reads the corpus of
// examples/corpus.
package casing
