package spelling_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit/lexicon"
	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spelling"
)

// pipeline runs the spelling pass alone.
func pipeline(t testing.TB, opts ...spelling.Option) *normalize.Pipeline {
	t.Helper()
	s, err := spelling.New(opts...)
	require.NoError(t, err)
	p, err := normalize.NewPipeline([]normalize.Pass{s})
	require.NoError(t, err)
	return p
}

var mustFix = []struct{ in, want, why string }{
	{"According to sources, thes topics are central.", "According to sources, these topics are central.", "final e dropped; the plural noun agrees with these, not the"},
	{"the outcomes of thes high-stakes talks", "the outcomes of these high-stakes talks", "the head of the noun phrase, talks, is plural"},
	{"We saw thes topicx are hard.", "We saw these topics are hard.", "thes is decided again once topicx reads topics"},
	{"sustained assistance woudl bolster the army", "sustained assistance would bolster the army", "two letters swapped"},
	{"Do you beleive it?", "Do you believe it?", "on misspell's curated list"},
	{"Leave a Replay", "Leave a Reply", "real-word slip in a fixed phrase"},
	{"leave a replay below", "leave a reply below", "the phrase in lower case"},
	{"LEAVE A REPLAY", "LEAVE A REPLY", "the phrase in capitals keeps them"},
	{"Rates fell only gradualy as wages rose.", "Rates fell only gradually as wages rose.", "a double letter written once"},
	{"They fell to thier lowest level.", "They fell to their lowest level.", "curated: thier is level 95 in SCOWL, left out of the lexicon"},
	{"Negotations stalled in May.", "Negotiations stalled in May.", "a capitalized typo at a sentence start, with a strong correction"},
	{"as she demonstarted the device", "as she demonstrated the device", "letters swapped"},
	{"The reserchers said it worked.", "The researchers said it worked.", "a vowel dropped"},
	{"wrapped in newpaper", "wrapped in newspaper", "a consonant dropped"},
	{"it was dissapointed", "it was disappointed", "double letter moved"},
	{"Kyiv’s beleive", "Kyiv’s believe", "a typo after a possessive name"},
	{"the goverment’s plan", "the government’s plan", "the stem of a possessive is corrected, the ’s kept"},
	{"The ministry has recieved it", "The ministry has received it", "i before e"},
	{"it is a febuary tradition", "it is a February tradition", "a capitalized dictionary word as the correction"},
	{"spent on a waterfornt house in Gosford", "spent on a waterfront house in Gosford", "a transposition in a common word"},
	{"where fighting has dispalced more than 10 million people", "where fighting has displaced more than 10 million people", "a transposition in a common word"},
	{"the company said its quartelry profit rose", "the company said its quarterly profit rose", "a transposition in a common word"},
	{"new santcions on exports", "new sanctions on exports", "a transposition in a common word"},
	{"the coaltiion collapsed", "the coalition collapsed", "a transposition in a common word"},
	{"a wildfire threatened the subrubs", "a wildfire threatened the suburbs", "a transposition in a common word"},
	{"the treaty was ratifeid", "the treaty was ratified", "a transposition in a common word"},
	{"he siad the talks had failed", "he said the talks had failed", "a swap in a very common word that leads its runner-up (sad) by the margin, however many neighbours share the rest"},
	{"shares were expected to seell off", "shares were expected to sell off", "a letter doubled in a common word, far ahead of see and sells"},
}

func TestMustFix(t *testing.T) {
	p := pipeline(t)
	for _, c := range mustFix {
		t.Run(c.in, func(t *testing.T) {
			assert.Equal(t, c.want, p.Fix(c.in), c.why)
		})
	}
}

var mustNotChange = []struct{ in, why string }{
	{"Kremlin spokesperson Dmitry Peskov confirmed it.", "a name the lexicon lacks (aspell: Pesky)"},
	{"NATO Secretary General Mark Rutte said so.", "a name (aspell: Rutted)"},
	{"Dr. Elena Ivanova spoke.", "a name (aspell: Iva nova)"},
	{"It strengthens Kyiv’s defensive capabilities.", "a possessive name (aspell: Kiev)"},
	{"Rutte said so. Rutte left.", "a name at a sentence start that the document uses again"},
	{"Archyde: Dr. Ivanova. Stay tuned to Archyde. Archyde reports. Archyde asks.", "a name used consistently"},
	{"the archyde team, the archyde site and the archyde app", "an unknown lower-case word used three times is deliberate"},
	{"The Bank signalled a cut in defence spending of 40 kilometres.", "British spellings are correct by default"},
	{"The Fed signaled a cut in defense spending of 40 kilometers.", "American spellings are correct by default"},
	{"the colour and the color, organise and organize", "both spellings of each"},
	{"He bought an iPhone and paid with PayPal on eBay.", "inner capitals"},
	{"The NATO and OTAN summit, the IPMA report", "all capitals"},
	{"The iPhone15 and the A320neo and covid19", "words with digits"},
	{"See https://example.org/thes-woudl or write to thes@example.org.", "URLs and e-mail addresses are protected tokens"},
	{"Read www.beleive.com today.", "a domain"},
	{"Deputy Governor helen Marchbanks spoke.", "a lower-case first name is the casing pass's job"},
	{"Prof. adaeze Nwosu led the study.", "an unknown lower-case word after a title is a first name"},
	{"said priya Raghunathan, the founder", "an unknown lower-case word before an unknown capitalized one is a first name"},
	{"a kid in lagos and a hospital in stockholm", "places in lower case: the lexicon knows them capitalized"},
	{"the bronchiolitis and syncytial virus", "rare correct words"},
	{"multipolar world order and a rollout", "level-80 words are words"},
	{"Tomasz Szczepański and Pärnu", "names with letters outside ASCII"},
	{"the Riigikogu and the Bundesliga", "capitalized names mid-sentence"},
	{"Leave a Reply", "the correct phrase"},
	{"a replay of the match", "a real word outside the phrase"},
	{"Aoife Brennan said.", "a capitalized unknown word at a sentence start with no strong correction"},
	{"ot fo", "words shorter than three letters have too many corrections"},
	{"e-voting and e-mail", "hyphenated prefixes"},
	{"it’s, don't, we’d, o'clock", "contractions"},
	{"thes", "a lone word has no context to choose these over the"},
	{"the edtech firm", "jargon: the likeliest correction (detach) is not likelier than the word by the margin an edit needs"},
	{"esports and fintech", "jargon"},
	{"the hoi polloi and the zeitgeist", "foreign words"},
	{"mph, kwh, hrs, approx, etc, aka, lol, omg, tbh", "lower-case abbreviations and slang"},
	{"La ministra ha dichiarato che il governo presenterà una nuova proposta la prossima settimana.", "a paragraph in another language"},
	{"Der Bundestag hat heute beschlossen, dass die neuen Regeln ab nächster Woche gelten sollen.", "a paragraph in another language"},
}

func TestMustNotChange(t *testing.T) {
	p := pipeline(t)
	for _, c := range mustNotChange {
		t.Run(c.in, func(t *testing.T) {
			out, rep := p.CleanString(c.in)
			assert.Equal(t, c.in, out, c.why)
			assert.Empty(t, rep.Changes, c.why)
		})
	}
}

func TestSuggestionsBelowThreshold(t *testing.T) {
	// "relased" has several plausible corrections; the report carries
	// them when the pass is not sure enough to make the edit.
	p := pipeline(t)
	_, rep := p.CleanString("thes")
	require.Len(t, rep.Suggestions, 1)
	s := rep.Suggestions[0]
	assert.Equal(t, spelling.RuleTypo, s.Rule)
	assert.Equal(t, "thes", s.Old)
	assert.Less(t, s.Confidence, normalize.DefaultThreshold)
	assert.NotEmpty(t, s.Alternatives)
	assert.Contains(t, append([]string{s.New}, s.Alternatives...), "these")
	assert.Contains(t, append([]string{s.New}, s.Alternatives...), "the")
}

func TestEditFields(t *testing.T) {
	s, err := spelling.New()
	require.NoError(t, err)
	d := normalize.NewDoc("Thes topics, woudl and Leave a Replay.")
	edits := s.Edits(d)
	require.Len(t, edits, 3)
	want := []struct{ old, new, rule string }{
		{"Thes", "These", spelling.RuleTypo},
		{"woudl", "would", spelling.RuleMisspelling},
		{"Replay", "Reply", spelling.RuleConfusion},
	}
	for i, e := range edits {
		assert.Equal(t, want[i].old, d.Text[e.Start:e.End])
		assert.Equal(t, want[i].new, e.New)
		assert.Equal(t, want[i].rule, e.Rule)
		assert.NotEmpty(t, e.Message)
		assert.Greater(t, e.Confidence, 0.0)
	}
	assert.Nil(t, s.Edits(normalize.NewDoc("These topics would matter.")), "nil when clean")
	assert.Equal(t, "spelling", s.Name())
}

func TestLocale(t *testing.T) {
	us := pipeline(t, spelling.WithLocale(spelling.US))
	assert.Equal(t, "The color of defense", us.Fix("The colour of defence"))
	assert.Equal(t, "It was signaled in kilometers.", us.Fix("It was signalled in kilometres."))
	assert.Equal(t, "The color", us.Fix("The color"), "already American")
	uk := pipeline(t, spelling.WithLocale(spelling.UK))
	assert.Equal(t, "The colour of defence", uk.Fix("The color of defense"))
	assert.Equal(t, "They organise", uk.Fix("They organize"))
	_, rep := uk.CleanString("The color")
	require.Len(t, rep.Changes, 1)
	assert.Equal(t, spelling.RuleLocale, rep.Changes[0].Rule)

	for in, want := range map[string]spelling.Locale{"US": spelling.US, "en_US": spelling.US, "en-gb": spelling.UK, "British": spelling.UK, "": spelling.AnyLocale, "any": spelling.AnyLocale} {
		l, err := spelling.ParseLocale(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, l, in)
	}
	_, err := spelling.ParseLocale("fr")
	assert.ErrorContains(t, err, `"fr"`)
	_, err = spelling.New(spelling.WithLocale(spelling.Locale(9)))
	assert.Error(t, err)
	assert.Equal(t, "UK", spelling.UK.String())
}

func TestWithWords(t *testing.T) {
	in := "The quillbite device, by Quilbyte."
	words := pipeline(t, spelling.WithWords("quillbite", "Quilbyte"))
	out, rep := words.CleanString(in)
	assert.Equal(t, in, out)
	assert.Empty(t, rep.Suggestions)

	s, err := spelling.New(spelling.WithWords("Archyde"))
	require.NoError(t, err)
	assert.True(t, s.Known("Archyde"))
	assert.True(t, s.Known("Archyde’s"))
	assert.False(t, s.Known("woudl"))

	_, err = spelling.New(spelling.WithWords("two words"))
	assert.ErrorContains(t, err, "space")
}

func TestWithWordFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "names.txt")
	require.NoError(t, os.WriteFile(good, []byte("# people\nnwosu\nzelenskyy # president\n"), 0o644))
	s, err := spelling.New(spelling.WithWordFile(good))
	require.NoError(t, err)
	assert.True(t, s.Known("zelenskyy"))

	bad := filepath.Join(dir, "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("ok\ntwo words\n"), 0o644))
	_, err = spelling.New(spelling.WithWordFile(bad))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad.txt:2:")

	_, err = spelling.New(spelling.WithWordFile(filepath.Join(dir, "missing.txt")))
	assert.ErrorContains(t, err, "missing.txt")
}

func TestWithLexicon(t *testing.T) {
	lex, err := lexicon.New(lexicon.Item{Form: "these", Entry: lexicon.Entry{Level: 10, Class: lexicon.Word, Region: lexicon.Everywhere}},
		lexicon.Item{Form: "topics", Entry: lexicon.Entry{Level: 10, Class: lexicon.Word, Region: lexicon.Everywhere}},
		lexicon.Item{Form: "topic", Entry: lexicon.Entry{Level: 10, Class: lexicon.Word, Region: lexicon.Everywhere}})
	require.NoError(t, err)
	p := pipeline(t, spelling.WithLexicon(lex))
	assert.Equal(t, "these topics", p.Fix("thes topics"))
	_, err = spelling.New(spelling.WithLexicon(nil))
	assert.Error(t, err)
}

func TestWithConfusions(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "ours.txt")
	require.NoError(t, os.WriteFile(f, []byte("# house list\nprostate cancer screening -> prostate cancer screening\n"), 0o644))
	_, err := spelling.New(spelling.WithConfusions(f))
	require.Error(t, err, "a phrase that maps to itself")
	assert.Contains(t, err.Error(), "ours.txt:2:")

	require.NoError(t, os.WriteFile(f, []byte("# house list\nprostrate cancer -> prostate cancer\n"), 0o644))
	p := pipeline(t, spelling.WithConfusions(f))
	assert.Equal(t, "Prostate cancer and a reply", p.Fix("Prostrate cancer and a reply"))
	assert.Equal(t, "Leave a Reply", p.Fix("Leave a Replay"), "the built-in phrases still apply")

	for _, bad := range []string{"no arrow here\n", "a b -> c\n", " -> x\n"} {
		require.NoError(t, os.WriteFile(f, []byte(bad), 0o644))
		_, err := spelling.New(spelling.WithConfusions(f))
		assert.ErrorContains(t, err, "ours.txt:1:", bad)
	}
	_, err = spelling.New(spelling.WithConfusions(filepath.Join(dir, "none.txt")))
	assert.Error(t, err)
}

func TestWithoutRules(t *testing.T) {
	p := pipeline(t, spelling.WithoutRules(spelling.RuleConfusion))
	assert.Equal(t, "Leave a Replay", p.Fix("Leave a Replay"))
	_, err := spelling.New(spelling.WithoutRules("spelling/nope"))
	assert.Error(t, err)
}

func TestConfidenceOfOneSlip(t *testing.T) {
	s, err := spelling.New()
	require.NoError(t, err)
	// A swap in a common word with many neighbours: its share is under a
	// half, its lead over the runner-up is what counts.
	got := s.Suggest("siad")
	require.NotEmpty(t, got)
	assert.Equal(t, "said", got[0].Word)
	assert.GreaterOrEqual(t, got[0].Confidence, 0.5)
	// A vowel for a vowel is a speller's guess as often as a slip ("lones":
	// lines or loans?): it keeps its share.
	got = s.Suggest("lones")
	require.NotEmpty(t, got)
	assert.Less(t, got[0].Confidence, 0.5)
}

func TestSuggest(t *testing.T) {
	s, err := spelling.New()
	require.NoError(t, err)
	got := s.Suggest("woudl")
	require.NotEmpty(t, got)
	assert.Equal(t, "would", got[0].Word)
	assert.Greater(t, got[0].Confidence, 0.5)
	assert.Equal(t, "Believe", s.Suggest("Beleive")[0].Word, "case kept")
	assert.Equal(t, "these", s.Suggest("these")[0].Word, "a known word suggests itself")
	assert.Nil(t, s.Suggest("iPhone15"))
	assert.Nil(t, s.Suggest(""))
	assert.Equal(t, "necessary", s.Suggest("necasery")[0].Word, "three edits away")
}

// TestConcurrent uses one Speller from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	s, err := spelling.New()
	require.NoError(t, err)
	text := "thes topics woudl matter; Leave a Replay and beleive it."
	want := s.Edits(normalize.NewDoc(text))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				assert.Equal(t, want, s.Edits(normalize.NewDoc(text)))
			}
		})
	}
	wg.Wait()
}

// TestIdempotent cleans the article and the evaluation texts twice.
func TestIdempotent(t *testing.T) {
	p := pipeline(t)
	files, err := filepath.Glob("../testdata/eval/*.raw.txt")
	require.NoError(t, err)
	files = append(files, "../testdata/article.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		once := p.Fix(string(b))
		assert.Equal(t, once, p.Fix(once), f)
		assert.NotEqual(t, string(b), once, "%s has typos", f)
		assert.False(t, strings.Contains(once, "woudl"))
	}
}

// TestIdempotentAcrossChunks cleans a document cut into small chunks, with
// an unknown word once in the first chunk and twice in a later one.
func TestIdempotentAcrossChunks(t *testing.T) {
	s, err := spelling.New()
	require.NoError(t, err)
	p, err := normalize.NewPipeline([]normalize.Pass{s}, normalize.WithChunkSize(40))
	require.NoError(t, err)
	doc := "The reserchers met today.\n\nNothing else happened there.\n\nThe reserchers and the reserchers left.\n\nThe end of thes topics."
	once := p.Fix(doc)
	assert.Equal(t, once, p.Fix(once))
}

// TestCacheAcrossDocuments checks that the verdicts a Speller remembers
// from one document change nothing in the next: the same words in other
// contexts, cleaned by a Speller that has seen them and by a new one.
func TestCacheAcrossDocuments(t *testing.T) {
	first := "thes topics woudl matter, and Negotations stalled. Archyde reported on thes."
	texts := []string{
		"We read thes reports; thes report was long. Negotations resumed.",
		"Negotations: thes talks woudl last. The reserchers agreed.",
		first,
	}
	warm, err := spelling.New()
	require.NoError(t, err)
	warm.Edits(normalize.NewDoc(first))
	for _, text := range texts {
		cold, err := spelling.New()
		require.NoError(t, err)
		assert.Equal(t, cold.Edits(normalize.NewDoc(text)), warm.Edits(normalize.NewDoc(text)), text)
	}
}

// TestKnownWordsDoNotAllocate checks that a correctly spelt word costs no
// allocation, the words that may start a confusion phrase ("one", "per",
// "leave") included: a text a hundred times longer allocates only the few
// more times its growing slices need.
func TestKnownWordsDoNotAllocate(t *testing.T) {
	s, err := spelling.New()
	require.NoError(t, err)
	para := "The minister said one of the free trade talks per se would make the deep cuts possible. Leave a reply below, and bear in mind the colour of the sky.\n\n"
	allocs := func(n int) float64 {
		text := strings.Repeat(para, n)
		d := normalize.NewDoc(text)
		d.Tokens()
		return testing.AllocsPerRun(10, func() { s.Edits(d) })
	}
	one, many := allocs(1), allocs(100)
	t.Logf("allocations: %.0f for one paragraph, %.0f for a hundred", one, many)
	assert.Less(t, many, one+40)
}
