package lexicon

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/copyedit/copyedit/lexicon/internal/table"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKnownWords(t *testing.T) {
	for _, c := range []struct {
		form     string
		class    Class
		spelling Spelling
		maxLevel uint8 // the entry's level is at most this
		why      string
	}{
		{"these", Word, Common, 10, "common word"},
		{"the", Word, Common, 10, "most common word"},
		{"mark", Word, Common, 10, "the word"},
		{"Mark", Upper, Common, 50, "the name, a separate entry"},
		{"Russia", Upper, Common, 50, "country"},
		{"Ukraine", Upper, Common, 50, "country"},
		{"Kremlin", Upper, Common, 60, "in the article"},
		{"NATO", Abbreviation, Common, 40, "acronym"},
		{"iPhone", ProperName, Common, 50, "product, inner capital"},
		{"Putin", ProperName, Common, 50, "person"},
		{"Trump", ProperName, Common, 50, "person"},
		{"Biden", ProperName, Common, 50, "person"},
		{"it's", Contraction, Common, 10, "'s contraction kept though word+'s forms are dropped"},
		{"let's", Contraction, Common, 10, "'s contraction"},
		{"that's", Contraction, Common, 10, "'s contraction"},
		{"don't", Contraction, Common, 10, "contraction"},
		{"o'clock", Contraction, Common, 35, "contraction"},
		{"signalled", Word, CommonwealthOnly, 20, "British doubling"},
		{"signaled", Word, USOnly, 20, "American"},
		{"defence", Word, CommonwealthOnly, 10, "British -ce"},
		{"defense", Word, USOnly, 10, "American -se"},
		{"kilometres", Word, CommonwealthOnly, 35, "British -re"},
		{"kilometers", Word, USOnly, 35, "American -er"},
		{"color", Word, USOnly, 10, "American -or"},
		{"colour", Word, CommonwealthOnly, 10, "British -our"},
		{"organize", Word, Mixed, 10, "American, Oxford and Canadian -ize"},
		{"organise", Word, CommonwealthOnly, 10, "British and Australian -ise"},
		{"café", Word, Common, 20, "accented, from ISO-8859-1 upstream"},
		{"Mr", Abbreviation, Common, 10, "title without period"},
		{"email", Word, Common, 35, "modern word"},
		{"multipolar", Word, Common, 80, "level-80 word in news text"},
		{"Algarve", ProperName, Common, 80, "level-80 place in news text"},
	} {
		e, ok := Default().Lookup(c.form)
		if !assert.True(t, ok, "%s: %s", c.form, c.why) {
			continue
		}
		assert.Equal(t, c.class, e.Class, "%s class: %s", c.form, c.why)
		assert.Equal(t, c.spelling, e.Region.Spelling(), "%s region %v: %s", c.form, e.Region, c.why)
		assert.LessOrEqual(t, e.Level, c.maxLevel, "%s level: %s", c.form, c.why)
		assert.GreaterOrEqual(t, e.Level, uint8(10), c.form)
	}
}

func TestRegions(t *testing.T) {
	l := Default()
	get := func(form string) Region {
		e, ok := l.Lookup(form)
		require.True(t, ok, form)
		return e.Region
	}
	assert.Equal(t, Everywhere, get("these"))
	assert.Equal(t, British|BritishZ|Canadian|Australian, get("colour"))
	assert.Equal(t, American, get("color").Preferred())
	assert.True(t, get("color").Accepts(Canadian), "color is a Canadian variant")
	assert.False(t, get("color").Accepts(British))
	assert.True(t, get("colour").Accepts(British))
	assert.False(t, get("colour").Accepts(American))
	assert.Equal(t, American|BritishZ|Canadian, get("organize").Preferred())
	assert.True(t, get("organize").Accepts(BritishZ))
	assert.False(t, get("organize").Accepts(British|Australian))
	assert.True(t, get("signalled").Accepts(British))
	assert.Equal(t, "US|GB|GBZ|CA|AU", Everywhere.String())
}

// TestNotWords lists typos that must not be accepted, each with the reason
// it matters. The level-95 and variant_2 lists accept several of them,
// which is why those lists are left out.
func TestNotWords(t *testing.T) {
	for _, c := range []struct{ form, why string }{
		{"thes", "typo of these in the article"},
		{"teh", "typo of the"},
		{"recieve", "typo of receive"},
		{"woudl", "typo of would"},
		{"beleive", "typo of believe"},
		{"thier", "typo of their; SCOWL level 95"},
		{"accomodate", "typo of accommodate; SCOWL level 95"},
		{"millenium", "typo of millennium; SCOWL level 95"},
		{"untill", "typo of until; SCOWL level 95"},
		{"occurence", "typo of occurrence; SCOWL level 95"},
		{"relevent", "typo of relevant; SCOWL level 95"},
		{"existant", "typo of existent; SCOWL level 95"},
		{"dependance", "typo of dependence; SCOWL variant_2"},
		{"altho", "informal although; SCOWL variant_2"},
		{"surprize", "typo of surprise; SCOWL variant_2"},
		{"idealogy", "typo of ideology; SCOWL variant_2"},
		{"accidently", "typo of accidentally; SCOWL variant_2"},
		{"Russia's", "word+'s possessive: the tokenizer strips 's"},
		{"Trump's", "word+'s possessive"},
		{"colour's", "word+'s possessive"},
		{"Mark's", "word+'s possessive"},
	} {
		assert.False(t, Default().Contains(c.form), "%s: %s", c.form, c.why)
	}
}

// TestLevel80Typos pins typo-like words SCOWL keeps at level 80, so a
// spelling pass knows to trust level 80 less (SCOWL's README: "The 80 or
// larger sizes are not reasonable for spell checking").
func TestLevel80Typos(t *testing.T) {
	for _, form := range []string{"wich", "belive", "persue", "layed", "throughly", "brocoli", "agin", "stong"} {
		e, ok := Default().Lookup(form)
		if assert.True(t, ok, form) {
			assert.Equal(t, uint8(80), e.Level, form)
		}
	}
}

func TestApostrophes(t *testing.T) {
	l := Default()
	for _, form := range []string{"it’s", "don’t", "o’clock", "let’s"} {
		e, ok := l.Lookup(form)
		assert.True(t, ok, form)
		assert.Equal(t, Contraction, e.Class, form)
	}
	assert.False(t, l.Contains("it‘s"), "left quote is not an apostrophe")
	var forms []string
	l.LookupFold("IT’S", func(form string, _ Entry) bool { forms = append(forms, form); return true })
	assert.Equal(t, []string{"it's"}, forms)
}

func foldForms(l *Lexicon, word string) []string {
	var forms []string
	l.LookupFold(word, func(form string, _ Entry) bool {
		forms = append(forms, form)
		return true
	})
	return forms
}

func TestLookupFold(t *testing.T) {
	l := Default()
	for _, c := range []struct {
		word string
		want []string
	}{
		{"russia", []string{"Russia", "russia"}}, // russia (the leather) is level 80
		{"RUSSIA", []string{"Russia", "russia"}},
		{"mark", []string{"Mark", "mark"}},
		{"MARK", []string{"Mark", "mark"}},
		{"nato", []string{"NATO", "Nato"}},
		{"IPHONE", []string{"iPhone"}},
		{"ukraine", []string{"Ukraine"}},
		{"CAFÉ", []string{"café"}},
		{"thes", nil},
		{"", nil},
	} {
		assert.Equal(t, c.want, foldForms(l, c.word), c.word)
	}

	// fn returning false stops the walk.
	n := 0
	l.LookupFold("mark", func(string, Entry) bool { n++; return false })
	assert.Equal(t, 1, n)
}

func TestLookupAllocs(t *testing.T) {
	l := Default()
	var sink int
	fn := func(string, Entry) bool { sink++; return true }
	for _, w := range []string{"these", "Russia", "russia", "thes", "it’s", "internationalization", "CAFÉ"} {
		assert.Zero(t, testing.AllocsPerRun(100, func() { l.Lookup(w) }), w)
		assert.Zero(t, testing.AllocsPerRun(100, func() { l.LookupFold(w, fn) }), w)
	}
}

// TestDataSortedUnique walks the whole lexicon: Each order is strictly
// increasing, every entry is valid and found again by Lookup and
// LookupFold, and Len matches.
func TestDataSortedUnique(t *testing.T) {
	l := Default()
	levels := []uint8{10, 20, 35, 40, 50, 55, 60, 70, 80}
	n := 0
	prev := ""
	classes := map[Class]int{}
	l.Each(func(form string, e Entry) bool {
		if n > 0 && compare(prev, form) >= 0 {
			t.Fatalf("Each order: %q then %q", prev, form)
		}
		prev = form
		n++
		classes[e.Class]++
		if !slices.Contains(levels, e.Level) || e.Class < Word || e.Class > Contraction || e.Region == 0 {
			t.Fatalf("%q: bad entry %v", form, e)
		}
		if CheckWord(form) != nil {
			t.Fatalf("%q: %v", form, CheckWord(form))
		}
		if got, ok := l.Lookup(form); !ok || got != e {
			t.Fatalf("Lookup(%q) = %v, %v; Each gave %v", form, got, ok, e)
		}
		return true
	})
	assert.Equal(t, l.Len(), n)
	assert.Greater(t, n, 250_000)
	for c := Word; c <= Contraction; c++ {
		assert.Positive(t, classes[c], c.String())
	}

	// Spot-check LookupFold on a sample: every form finds itself.
	i := 0
	l.Each(func(form string, e Entry) bool {
		i++
		if i%97 == 0 {
			found := false
			l.LookupFold(form, func(f string, fe Entry) bool {
				if f == form {
					found = fe == e
				}
				return true
			})
			if !found {
				t.Fatalf("LookupFold(%q) misses it", form)
			}
		}
		return true
	})
}

func TestDefaultOnce(t *testing.T) {
	want := Default()
	var wg sync.WaitGroup
	got := make([]*Lexicon, 8)
	for i := range got {
		wg.Go(func() { got[i] = Default() })
	}
	wg.Wait()
	for _, g := range got {
		assert.Same(t, want, g)
	}
}

// TestLoadCost checks that opening the embedded data stays cheap: it is
// read in place, so loading allocates a few small objects, far below the
// 40 MiB budget. Time is measured by BenchmarkDefaultLoad.
func TestLoadCost(t *testing.T) {
	allocs := testing.AllocsPerRun(10, func() { openDefault() })
	assert.LessOrEqual(t, allocs, 5.0)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	l := openDefault()
	runtime.ReadMemStats(&after)
	bytes := after.TotalAlloc - before.TotalAlloc
	t.Logf("load: %.0f allocs, %d bytes allocated, embedded data %d bytes", allocs, bytes, len(scowlData))
	assert.Less(t, bytes, uint64(40<<20))
	assert.Less(t, bytes, uint64(64<<10), "loading should not copy the data")
	assert.Equal(t, Default().Len(), l.Len())
	assert.Less(t, len(scowlData), 8<<20, "embedded data stays a few MB")
}

func TestZeroLexicon(t *testing.T) {
	var l Lexicon
	assert.Equal(t, 0, l.Len())
	assert.False(t, l.Contains("the"))
	assert.Nil(t, foldForms(&l, "the"))
	l.Each(func(string, Entry) bool { t.Fatal("Each on empty"); return false })
	l2, err := l.With(Item{Form: "Kyiv", Entry: UserEntry("Kyiv")})
	require.NoError(t, err)
	assert.Equal(t, 1, l2.Len())
	assert.True(t, l2.Contains("Kyiv"))
}

func TestNew(t *testing.T) {
	l, err := New(
		Item{Form: "Kyiv", Entry: UserEntry("Kyiv")},
		Item{Form: "kyiv", Entry: Entry{Level: 50, Class: Word, Region: American}},
		Item{Form: "don’t", Entry: UserEntry("don’t")},
		Item{Form: "Kyiv", Entry: Entry{Level: 20, Class: Upper, Region: Everywhere}}, // last wins
	)
	require.NoError(t, err)
	assert.Equal(t, 3, l.Len())
	e, ok := l.Lookup("Kyiv")
	assert.True(t, ok)
	assert.Equal(t, Entry{Level: 20, Class: Upper, Region: Everywhere}, e)
	assert.True(t, l.Contains("don't"), "’ stored as '")
	assert.Equal(t, []string{"Kyiv", "kyiv"}, foldForms(l, "KYIV"))
	assert.False(t, Default().Contains("Kyiv"), "New does not change Default")

	for _, bad := range []string{"", "New York", "tab\there", "ctl\x01", "bad\xffutf8", "\uFFFD", string(make([]byte, MaxWordLen+1)), "zero\u200bwidth"} {
		_, err := New(Item{Form: bad})
		assert.Error(t, err, "%q", bad)
	}
}

func TestWith(t *testing.T) {
	base := Default()
	l, err := base.With(
		Item{Form: "Zelenskyy", Entry: UserEntry("Zelenskyy")},
		Item{Form: "Kyiv", Entry: UserEntry("Kyiv")},
		Item{Form: "mark", Entry: Entry{Level: UserLevel, Class: Word, Region: Everywhere}}, // replaces SCOWL's
	)
	require.NoError(t, err)
	assert.Equal(t, base.Len()+2, l.Len(), "mark replaced, not added")
	assert.False(t, base.Contains("Kyiv"), "With leaves l unchanged")

	e, ok := l.Lookup("Zelenskyy")
	assert.True(t, ok)
	assert.Equal(t, Entry{Level: UserLevel, Class: ProperName, Region: Everywhere}, e)
	e, _ = l.Lookup("mark")
	assert.Equal(t, uint8(UserLevel), e.Level)
	e, _ = l.Lookup("Mark")
	assert.Equal(t, uint8(50), e.Level, "base entries of the same fold stay")
	assert.Equal(t, []string{"Mark", "mark"}, foldForms(l, "MARK"), "no duplicate for the replaced form")
	assert.Equal(t, []string{"Kyiv"}, foldForms(l, "kyiv"))

	// With on With keeps earlier additions.
	l2, err := l.With(Item{Form: "Kyiv", Entry: Entry{Level: 35, Class: Upper, Region: Everywhere}}, Item{Form: "Zaluzhnyi", Entry: UserEntry("Zaluzhnyi")})
	require.NoError(t, err)
	assert.Equal(t, l.Len()+1, l2.Len())
	assert.True(t, l2.Contains("Zelenskyy"))
	e, _ = l2.Lookup("Kyiv")
	assert.Equal(t, uint8(35), e.Level)

	// Each merges both tables in order, without duplicates.
	n := 0
	prev := ""
	l2.Each(func(form string, _ Entry) bool {
		if n > 0 {
			require.Negative(t, compare(prev, form), "%q then %q", prev, form)
		}
		prev = form
		n++
		return true
	})
	assert.Equal(t, l2.Len(), n)

	_, err = base.With(Item{Form: "two words"})
	assert.Error(t, err)
}

func TestUserEntry(t *testing.T) {
	for _, c := range []struct {
		form  string
		class Class
	}{
		{"jargon", Word},
		{"y’all", Contraction},
		{"Zelenskyy", ProperName},
		{"iPhone", ProperName},
		{"McDonald's", ProperName},
		{"NATO", Abbreviation},
		{"COVID-19", Abbreviation},
		{"X", ProperName},
		{"2024", Word},
	} {
		e := UserEntry(c.form)
		assert.Equal(t, c.class, e.Class, c.form)
		assert.Equal(t, uint8(UserLevel), e.Level)
		assert.Equal(t, Everywhere, e.Region)
	}
}

func TestStrings(t *testing.T) {
	assert.Equal(t, "10 word US|GB|GBZ|CA|AU", Entry{Level: 10, Class: Word, Region: Everywhere}.String())
	assert.Equal(t, "proper-name", ProperName.String())
	assert.Equal(t, "Class(9)", Class(9).String())
	assert.Equal(t, "none", Region(0).String())
	assert.Equal(t, "US|CA-variant", (American | CanadianVariant).String())
	assert.Equal(t, "US-only", USOnly.String())
	assert.Equal(t, "Spelling(0)", Spelling(0).String())
	assert.Equal(t, VariantOnly, (AmericanVariant | BritishVariant).Spelling())
}

// TestConstantsMatchTable keeps the documented constants in step with the
// values the generator writes.
func TestConstantsMatchTable(t *testing.T) {
	assert.Equal(t, table.MaxFormLen, MaxWordLen)
	assert.Equal(t, []Class{table.ClassWord, table.ClassUpper, table.ClassProperName, table.ClassAbbreviation, table.ClassContraction},
		[]Class{Word, Upper, ProperName, Abbreviation, Contraction})
	assert.Equal(t, []Region{table.RegionAmerican, table.RegionBritish, table.RegionBritishZ, table.RegionCanadian, table.RegionAustralian,
		table.RegionAmericanVariant, table.RegionBritishVariant, table.RegionCanadianVariant, table.RegionAustralianVariant},
		[]Region{American, British, BritishZ, Canadian, Australian, AmericanVariant, BritishVariant, CanadianVariant, AustralianVariant})
}

func TestEachIsIterator(t *testing.T) {
	n := 0
	for form, e := range Default().Each {
		require.NotEmpty(t, form)
		require.NotZero(t, e.Level)
		if n++; n == 1000 {
			break
		}
	}
	assert.Equal(t, 1000, n)
}

func TestOddQueries(t *testing.T) {
	l := Default()
	for _, w := range []string{"", "\xff", "the\xff", strings.Repeat("a", 10000), strings.Repeat("é", 300), "\x00", "’", "'", "THE\u0301"} {
		assert.False(t, l.Contains(w), "%q", w)
		assert.Nil(t, foldForms(l, w), "%q", w)
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"these", "Russia", "IT’S", "café", "NATO", "thes", "\xff"} {
		f.Add(s)
	}
	l := Default()
	f.Fuzz(func(t *testing.T, w string) {
		e, ok := l.Lookup(w)
		var exact []string
		l.LookupFold(w, func(form string, fe Entry) bool {
			if form == table.Canon(w) {
				exact = append(exact, form)
				if fe != e {
					t.Fatalf("LookupFold(%q) entry %v, Lookup %v", w, fe, e)
				}
			}
			if table.Fold(form) != table.Fold(w) {
				t.Fatalf("LookupFold(%q) gave %q", w, form)
			}
			return true
		})
		if ok != (len(exact) == 1) {
			t.Fatalf("Lookup(%q) = %v but LookupFold found %q", w, ok, exact)
		}
	})
}
