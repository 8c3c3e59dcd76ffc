package spelling

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/copyedit/copyedit/lexicon"
	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spelling/internal/trie"
	"github.com/copyedit/copyedit/spelling/internal/vocab"
)

// The rule IDs of the spelling pass.
const (
	RuleMisspelling = "spelling/misspelling" // a typo on misspell's curated list: "recieve" → "receive"
	RuleTypo        = "spelling/typo"        // an unknown word and its likeliest correction: "woudl" → "would"
	RuleConfusion   = "spelling/confusion"   // a real word wrong in a fixed phrase: "Leave a Replay" → "Leave a Reply"
	RuleLocale      = "spelling/locale"      // a spelling of the other locale: "colour" → "color" with WithLocale(US)
)

// Rules lists every rule of the pass.
var Rules = []string{RuleMisspelling, RuleTypo, RuleConfusion, RuleLocale}

// Locale is a spelling system the pass can convert to.
type Locale uint8

// The locales.
const (
	// AnyLocale accepts every standard American and British spelling
	// ("color" and "colour", "organize" and "organise"): the default.
	AnyLocale Locale = iota
	// US converts British spellings to American ("colour" → "color").
	US
	// UK converts American spellings to British with -ise ("color" →
	// "colour", "organize" → "organise").
	UK
)

// String returns "any", "US" or "UK".
func (l Locale) String() string {
	switch l {
	case US:
		return "US"
	case UK:
		return "UK"
	}
	return "any"
}

// ParseLocale reads a locale name: "US", "en_US", "en-US", "American";
// "UK", "GB", "en_GB", "British"; "" or "any". Case does not matter.
func ParseLocale(s string) (Locale, error) {
	switch strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), "-", "_")) {
	case "", "ANY":
		return AnyLocale, nil
	case "US", "EN_US", "AMERICAN":
		return US, nil
	case "UK", "GB", "EN_GB", "EN_UK", "BRITISH":
		return UK, nil
	}
	return AnyLocale, fmt.Errorf("spelling: unknown locale %q (want US, UK or any)", s)
}

// Speller is the spelling pass. It is immutable after New and safe for
// concurrent use by any number of goroutines.
type Speller struct {
	lex        *lexicon.Lexicon
	vocab      func() *vocab.Vocab
	locale     Locale
	toLocale   map[string]string // other locale's spelling → this locale's
	confusions map[string][]phrase
	starts     phraseStarts // the first words of the confusions
	hot        func() *vocab.Hot
	cache      *decisionCache // verdicts on unknown words, across documents
	disabled   map[string]bool
	pool       sync.Pool // *scratch
}

type config struct {
	lex        *lexicon.Lexicon
	locale     Locale
	words      []lexicon.Item
	confusions []string
	disabled   []string
}

// Option configures a Speller.
type Option func(*config) error

// WithLocale converts spellings to one locale's (the default, AnyLocale,
// accepts them all), as misspell's -locale does.
func WithLocale(l Locale) Option {
	return func(c *config) error {
		if l > UK {
			return fmt.Errorf("spelling: unknown locale %d", l)
		}
		c.locale = l
		return nil
	}
}

// WithWords adds correct words: names, brands, jargon. Each word is taken
// exactly as written ("Zelenskyy", "iPhone", "rescEU").
func WithWords(words ...string) Option {
	return func(c *config) error {
		for _, w := range words {
			if err := lexicon.CheckWord(w); err != nil {
				return fmt.Errorf("spelling: WithWords: %w", err)
			}
			c.words = append(c.words, lexicon.Item{Form: w, Entry: lexicon.UserEntry(w)})
		}
		return nil
	}
}

// WithWordFile adds the words of a word-list file: one word a line, #
// comments (see lexicon.ParseWordList). Errors name the file and line.
func WithWordFile(path string) Option {
	return func(c *config) error {
		items, err := lexicon.LoadWordList(path)
		if err != nil {
			return fmt.Errorf("spelling: %w", err)
		}
		c.words = append(c.words, items...)
		return nil
	}
}

// WithLexicon replaces the default lexicon (lexicon.Default()).
func WithLexicon(l *lexicon.Lexicon) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("spelling: WithLexicon(nil)")
		}
		c.lex = l
		return nil
	}
}

// WithConfusions adds the confusion phrases of a file, in the format of
// the built-in list (data/confusions.txt): "wrong phrase -> right phrase"
// lines, # comments. Errors name the file and line.
func WithConfusions(path string) Option {
	return func(c *config) error {
		c.confusions = append(c.confusions, path)
		return nil
	}
}

// WithoutRules turns the named rules off.
func WithoutRules(ids ...string) Option {
	return func(c *config) error {
		for _, id := range ids {
			if !slices.Contains(Rules, id) {
				return fmt.Errorf("spelling: unknown rule %q", id)
			}
			c.disabled = append(c.disabled, id)
		}
		return nil
	}
}

// New returns the spelling pass. Loading is cheap: the lexicon is read in
// place, misspell's list is searched in place, and the candidate trie is
// built once per process for the default lexicon.
func New(opts ...Option) (*Speller, error) {
	c := &config{}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	s := &Speller{locale: c.locale, disabled: map[string]bool{}}
	for _, id := range c.disabled {
		s.disabled[id] = true
	}
	s.vocab = defaultVocab
	s.lex = lexicon.Default()
	if c.lex != nil {
		s.lex = c.lex
		s.vocab = builtVocab(c.lex)
	}
	if len(c.words) > 0 {
		lex, err := s.lex.With(c.words...)
		if err != nil {
			return nil, fmt.Errorf("spelling: %w", err)
		}
		s.lex = lex
	}
	s.confusions = builtinConfusions()
	if len(c.confusions) > 0 {
		m := map[string][]phrase{}
		for k, v := range s.confusions {
			m[k] = append([]phrase(nil), v...)
		}
		for _, path := range c.confusions {
			if err := loadConfusions(path, m); err != nil {
				return nil, fmt.Errorf("spelling: %w", err)
			}
		}
		s.confusions = m
	}
	s.starts = newPhraseStarts(s.confusions)
	s.cache = newDecisionCache()
	s.hot = sync.OnceValue(func() *vocab.Hot {
		// A word the user adds changes what the lexicon says of it: the
		// common words are no help if one of them is among them.
		h := s.vocab().Hot
		for _, w := range c.words {
			if k, ok := vocab.Key(w.Form); ok && h.Has(k) {
				return nil
			}
		}
		return h
	})
	switch s.locale {
	case US:
		s.toLocale = localeMaps()[1]
	case UK:
		s.toLocale = localeMaps()[0]
	}
	s.pool.New = func() any { return new(scratch) }
	return s, nil
}

// Name returns "spelling".
func (s *Speller) Name() string { return "spelling" }

// Locale returns the locale the speller converts to.
func (s *Speller) Locale() Locale { return s.locale }

// scratch is the per-goroutine working space of a ranking.
type scratch struct {
	search trie.Searcher
	ch     channel
	top    []Suggestion
	best   ranked // the slip and distance of the last ranking's best
	lower  [trie.MaxQuery]byte
}

// Suggestion is a candidate correction.
type Suggestion struct {
	Word string
	// Cost is −log of the candidate's unnormalized probability: lower is
	// likelier.
	Cost float64
	// Confidence is the candidate's share of the probability of every
	// explanation of the word, the word being correct as it is included.
	Confidence float64
}

// Known reports whether word is a correct spelling: in the lexicon (in the
// case written, or as a lower-case word written with a capital), added by
// the user, or a possessive of one ("Kyiv’s" if "Kyiv" is known).
func (s *Speller) Known(word string) bool {
	if k, ok := vocab.Key(word); ok {
		if h := s.hot(); h != nil && h.Has(k) {
			return true
		}
	}
	k, _ := s.known(word, caseOf(word))
	return k != unknown
}

type knownness uint8

const (
	unknown   knownness = iota
	known               // the lexicon has the word in this case
	otherCase           // the lexicon has it only in another case ("russia")
	weak                // known only at level 80
)

// known looks word up; for a possessive it looks up the stem. It returns
// the entry found.
func (s *Speller) known(word string, shape wordCase) (knownness, lexicon.Entry) {
	if shape == titleCase {
		if k, e := s.knownTitle(word); k != unknown || asciiLetters(word) {
			return k, e
		}
		if stem, ok := possessiveStem(word); ok {
			return s.known(stem, shape)
		}
		return unknown, lexicon.Entry{}
	}
	if e, ok := s.lex.Lookup(word); ok {
		return strength(e), e
	}
	if stem, ok := possessiveStem(word); ok {
		return s.known(stem, shape)
	}
	var found lexicon.Entry
	k := unknown
	s.lex.LookupFold(word, func(form string, e lexicon.Entry) bool {
		found, k = e, otherCase
		return false
	})
	return k, found
}

// knownTitle is known for a capitalized word, in one visit of its group in
// the lexicon (the spellings that fold to the same lower case): known if
// the spelling as written or the lower-case word is ("The" is "the"), weak
// if the better of them is weak, else otherCase if the group has any
// spelling ("Nato" for "NATO").
func (s *Speller) knownTitle(word string) (knownness, lexicon.Entry) {
	var exact, lower, first lexicon.Entry
	hasExact, hasLower, any := false, false, false
	s.lex.LookupFold(word, func(form string, e lexicon.Entry) bool {
		switch {
		case form == word:
			exact, hasExact = e, true
		case !hasLower && noCapital(form):
			lower, hasLower = e, true
		}
		if !any {
			first, any = e, true
		}
		return true
	})
	switch {
	case hasExact && strength(exact) == known:
		return known, exact
	case hasLower && strength(lower) == known:
		// "Centre" (a rare name) at a sentence start is "centre".
		return known, lower
	case hasExact:
		return weak, exact
	case hasLower:
		// Weak as the lower-case word is: "Gae" at a sentence start must
		// count as "gae" does, or capitalizing it would change the
		// document's evidence.
		return weak, lower
	case any:
		return otherCase, first
	}
	return unknown, lexicon.Entry{}
}

// strength is how known an entry's word is: weak above the levels that
// give candidates (unless the user added it).
func strength(e lexicon.Entry) knownness {
	if e.Level > MaxCandidateLevel && e.Level != lexicon.UserLevel {
		return weak
	}
	return known
}

// asciiLetters reports whether s is ASCII letters only.
func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c-'a' >= 26 {
			return false
		}
	}
	return s != ""
}

// possessiveStem returns the stem of a possessive: "Kyiv" for "Kyiv’s" or
// "Kyiv's". (A plural possessive, "players’", is already a word and a
// quote for the tokenizer.)
func possessiveStem(word string) (string, bool) {
	for _, suf := range [...]string{"'s", "’s", "'S", "’S"} {
		if len(word) > len(suf) && strings.HasSuffix(word, suf) {
			return word[:len(word)-len(suf)], true
		}
	}
	return "", false
}

// Suggest returns the likeliest corrections of word, best first, with no
// context: the word itself first if it is known. It returns nil for a word
// the speller cannot correct (digits, non-Latin letters, too long).
func (s *Speller) Suggest(word string) []Suggestion {
	shape := caseOf(word)
	if shape == otherShape {
		return nil
	}
	k, e := s.known(word, shape)
	if k == known || k == otherCase {
		return []Suggestion{{Word: word, Confidence: 1}}
	}
	sc := s.pool.Get().(*scratch)
	defer s.pool.Put(sc)
	lw, ok := lowerInto(sc.lower[:], word)
	if !ok {
		return nil
	}
	keep := model.costKeep
	if k == weak {
		// A rare real word: it competes as itself.
		keep = priorCost(e)
	}
	fix, curatedHit := curated(lw)
	cands := s.rank(sc, lw, keep, context{locale: s.preferred(nil)}, true, fix, curatedHit)
	out := make([]Suggestion, len(cands))
	for i, c := range cands {
		out[i] = c
		out[i].Word = applyCase(c.Word, shape)
	}
	if k == weak {
		// Place the word itself by its own score.
		self := Suggestion{Word: word, Cost: keep}
		i := 0
		for i < len(out) && out[i].Cost <= self.Cost {
			i++
		}
		out = slices.Insert(out, i, self)
	}
	return out
}

// minFarLen is the shortest word searched at distance three.
const minFarLen = 6

// maxSuggestions bounds the alternatives kept.
const maxSuggestions = 5

// rank scores the candidates of a lower-case ASCII word and returns the
// best few, best first, with their confidence against each other and
// against keeping the word (whose cost is keep). With far, a long word with
// no likely correction within two edits is searched at three. fix and
// curatedHit are curated(w), which the caller has looked up. The result
// lives in sc.
func (s *Speller) rank(sc *scratch, w string, keep float64, ctx context, far bool, fix string, curatedHit bool) []Suggestion {
	sc.top = sc.top[:0]
	if !sc.ch.prepare(w) {
		return nil
	}
	// Words whose first letter differs from w's are searched one edit
	// away, not two: two edits one of which is at the first letter make an
	// unlikely correction, and two thirds of the search's work is there.
	// They still take a share of the probability, which matters where it
	// could decide between an edit and a suggestion: there the search is
	// made again, in full.
	var rk ranking
	s.collect(sc, &rk, w, keep, ctx, far, fix, curatedHit, 1)
	if rk.n > 0 {
		c := rk.confidence(w, keep)
		if nearThreshold(c, normalize.DefaultThreshold) || nearThreshold(c, minSuggest) {
			s.collect(sc, &rk, w, keep, ctx, far, fix, curatedHit, maxSearchDistance)
		}
	}
	for _, c := range rk.top[:rk.n] {
		// The searcher's spellings last until its next search: the few
		// kept are copied.
		sc.top = append(sc.top, Suggestion{Word: c.word(), Cost: float64(c.cost) / 10, Confidence: massTenths(c.cost) / rk.total})
	}
	if len(sc.top) > 0 {
		sc.top[0].Confidence = rk.confidence(w, keep)
		sc.best = ranked{slip: rk.top[0].slip, dist: rk.top[0].dist}
	}
	return sc.top
}

// nearThreshold reports whether confidence c is at threshold t or up to a
// tenth above it, where the share of the words not searched could take it
// below.
func nearThreshold(c, t float64) bool { return c >= t && c < t*1.1 }

// maxSearchDistance is the most edits a correction can be from the word.
const maxSearchDistance = 3

// collect scores the candidates of w into rk: the words within two edits
// (three for a long word with no likely one nearer, with far), up to
// other of them where the first letter differs.
func (s *Speller) collect(sc *scratch, rk *ranking, w string, keep float64, ctx context, far bool, fix string, curatedHit bool, other int) {
	v := s.vocab()
	rk.reset(keep)
	s.score(sc, rk, s.search(sc, v, w, 2, other), ctx, fix, curatedHit)
	if far && len(w) >= minFarLen && rk.best() > nat(farCost) {
		// No likely word within two edits: a long word may be three away
		// ("necasery").
		rk.reset(keep)
		s.score(sc, rk, s.search(sc, v, w, 3, other), ctx, fix, curatedHit)
	}
	if curatedHit && !rk.sawFix {
		rk.add(ranked{key: fix, cost: weights().curated, slip: nat(costCurated)})
	}
}

// ranking keeps the best candidates of a word and the probability of all
// its explanations.
type ranking struct {
	top    [maxSuggestions]ranked // best first
	n      int
	total  float64 // the sum of exp(-cost) over the candidates and keeping
	sawFix bool    // misspell's correction was among the candidates
}

func (rk *ranking) reset(keep float64) {
	*rk = ranking{total: math.Exp(-keep * confSharpness)}
}

// confidence returns the confidence of the best candidate for the typed
// word w: its share of the probability of every explanation (keeping the
// word, whose cost is keep, included); or, if the best is one mechanical
// slip away — two letters swapped, a letter dropped or added (a doubled
// one among them), not at the first letter nor an unrelated extra letter
// (an error cost of at most model.oneSlip) — at least the odds of its lead
// over its nearest rival, the runner-up or the word itself, less
// model.rivalMargin: σ(lead − rivalMargin), even for a lead of
// rivalMargin.
//
// A share alone penalizes a common word for its many neighbours: "said"
// for "siad" is 1.5 nats ahead of "sad", 2.3 of "side", and further of a
// long tail of words two slips away or rarer, whose masses add up to half
// the total. The levels of the prior are coarse (every word of SCOWL's
// level 10 scores alike, "said" and "sad"), and the error model does not
// make two slips much rarer than one: the tail is overweighted. A slip of
// the hand names the word it spoils; a letter for another (a vowel for a
// vowel: "lones" may be "lines" or "loans") is as often a speller's guess,
// and keeps its share.
func (rk *ranking) confidence(w string, keep float64) float64 {
	if rk.n == 0 {
		return 0
	}
	b := rk.top[0]
	share := massTenths(b.cost) / rk.total
	if b.dist != 1 || b.slip > nat(model.oneSlip) || len(b.key) == len(w) && !swapped(w, b.key) {
		return share
	}
	rival := nat(keep)
	if rk.n > 1 {
		rival = min(rival, rk.top[1].cost)
	}
	lead := float64(rival-b.cost-nat(model.rivalMargin)) / 10
	return max(share, 1/(1+math.Exp(-lead)))
}

// swapped reports whether a and b, of one length, differ by two adjacent
// letters swapped (in lower case).
func swapped(a, b string) bool {
	i := 0
	for i < len(a) && a[i]|0x20 == b[i]|0x20 {
		i++
	}
	return i+1 < len(a) && a[i]|0x20 == b[i+1]|0x20 && a[i+1]|0x20 == b[i]|0x20 && a[i+2:] == b[i+2:]
}

// best returns the lowest cost so far, or infCost.
func (rk *ranking) best() tenths {
	if rk.n == 0 {
		return infCost
	}
	return rk.top[0].cost
}

// add counts candidate r, and keeps it if it is among the best: by cost,
// then by spelling.
func (rk *ranking) add(r ranked) {
	rk.total += massTenths(r.cost)
	i := rk.n
	for i > 0 && (r.cost < rk.top[i-1].cost || r.cost == rk.top[i-1].cost && r.compare(rk.top[i-1]) < 0) {
		i--
	}
	if i >= maxSuggestions {
		return
	}
	if rk.n < maxSuggestions {
		rk.n++
	}
	copy(rk.top[i+1:rk.n], rk.top[i:rk.n-1])
	rk.top[i] = r
}

// massTenths returns the weight of a cost of t tenths in the confidence:
// exp(-t/10), sharpened (see confSharpness).
func massTenths(t tenths) float64 {
	if t >= 0 && int(t) < len(massTable) {
		return massTable[t]
	}
	return math.Exp(-float64(t) / 10 * confSharpness)
}

// massTable holds massTenths for the costs candidates have.
var massTable = func() (e [1024]float64) {
	for t := range e {
		e[t] = math.Exp(-float64(t) / 10 * confSharpness)
	}
	return e
}()

// ranked is a scored candidate: its lower case (or, for misspell's
// correction, its spelling), whether it is spelt capitalized, and its cost.
type ranked struct {
	key     string
	capital bool
	cost    tenths
	slip    tenths // the error model's part of cost
	dist    int8   // edits from the typed word (0: not known)
}

// first returns the first byte of the candidate's spelling.
func (r ranked) first() byte {
	if r.key == "" {
		return 0
	}
	if c := r.key[0]; r.capital && 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return r.key[0]
}

// is reports whether the candidate is spelt word.
func (r ranked) is(word string) bool {
	return len(word) == len(r.key) && word != "" && word[0] == r.first() && word[1:] == r.key[1:]
}

// compare orders candidates by their spelling.
func (r ranked) compare(o ranked) int {
	a, b := r.first(), o.first()
	switch {
	case r.key == "" || o.key == "":
		return len(r.key) - len(o.key)
	case a != b:
		return int(a) - int(b)
	}
	return strings.Compare(r.key[1:], o.key[1:])
}

// word returns the candidate's spelling, in new memory.
func (r ranked) word() string {
	if r.key == "" {
		return ""
	}
	b := make([]byte, len(r.key))
	copy(b, r.key)
	b[0] = r.first()
	return string(b)
}

// search returns the candidate words within maxd edits of w, and within
// other of them when their first letter differs (see trie.Budget). The
// search again of a word near a threshold (rank) widens the first: the
// words under its first letter are not searched twice.
func (s *Speller) search(sc *scratch, v *vocab.Vocab, w string, maxd, other int) []trie.Match {
	return sc.search.Widen(v.Trie, w, trie.Budget{Same: maxd, Other: min(maxd, other)})
}

// farCost is the cost above which the best candidate within two edits is
// too unlikely to stop the search at three.
const farCost = 14.0

// score adds the scored matches to rk.
func (s *Speller) score(sc *scratch, rk *ranking, matches []trie.Match, ctx context, fix string, curatedHit bool) {
	w := weights()
	for _, m := range matches {
		cd := vocab.Cand(m.Payload)
		r := ranked{key: sc.search.Word(m), capital: cd&vocab.Capital != 0, dist: m.Dist}
		r.slip = sc.ch.costTenths(r.key)
		cost := w.prior[cd&vocab.Level] + r.slip + ctx.costTenths(s, r.key)
		if r.capital {
			cost += w.capital
		}
		if !acceptedCand(cd, ctx.locale) {
			cost += w.otherLocale
		}
		if curatedHit && r.is(fix) {
			cost -= w.bonusCurated
			rk.sawFix = true
		}
		r.cost = cost
		rk.add(r)
	}
}

const (
	// costCurated is the error cost of a listed correction farther than
	// the candidate search reaches.
	costCurated = 2.0
	// costOtherLocale penalizes a candidate spelt the other locale's way.
	costOtherLocale = 3.0
)

// preferred returns the locale whose spellings corrections use: the
// speller's, else the one the document's spellings show, else American,
// the commonest in English text and the default of the usual dictionaries.
// (Correct words are never changed for it without WithLocale; only the
// choice between two corrections, "organisation" or "organization", is.)
func (s *Speller) preferred(ev *evidence) Locale {
	switch {
	case s.locale != AnyLocale:
		return s.locale
	case ev != nil && ev.british > ev.american:
		return UK
	}
	return US
}

// accepted reports whether an entry is a spelling of the locale.
func accepted(e lexicon.Entry, l Locale) bool {
	switch l {
	case US:
		return e.Region.Accepts(lexicon.American)
	case UK:
		return e.Region.Accepts(lexicon.British)
	}
	return true
}

// lowered is the lower case of word: in buf (see lowerInto) when it fits,
// else allocated.
func lowered(buf []byte, word string) string {
	if lw, ok := lowerInto(buf, word); ok {
		return lw
	}
	return strings.ToLower(word)
}

// lowerInto writes the lower case of an ASCII word into buf and returns it
// as a string sharing buf (valid until buf changes), or false if the word
// is not ASCII letters and apostrophes or does not fit.
func lowerInto(buf []byte, word string) (string, bool) {
	if len(word) > len(buf) || len(word) == 0 {
		return "", false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case 'a' <= c && c <= 'z', c == '\'':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			return "", false
		}
		buf[i] = c
	}
	return unsafeString(buf[:len(word)]), true
}

// noCapital reports whether the non-empty s has no capital letter: a
// lexicon form that is a common word ("the", "centre-right", "café").
func noCapital(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && c != '\'' {
			return false
		}
	}
	return s != ""
}
