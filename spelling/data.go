package spelling

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/copyedit/copyedit/lexicon"
	"github.com/copyedit/copyedit/spelling/internal/trie"
)

//go:generate go run ./internal/gen -out data

// misspellData is misspell's curated list of typos, filtered against the
// lexicon: "typo correction" lines sorted by typo after a # header.
//
//go:embed data/misspell.txt
var misspellData string

// localeData pairs American and British spellings: "american british".
//
//go:embed data/locale.txt
var localeData string

// confusionData holds the real-word errors in fixed phrases.
//
//go:embed data/confusions.txt
var confusionData string

// errorsData lists the error model's spelling confusions of several
// letters.
//
//go:embed data/errors.txt
var errorsData string

// chunk is one multi-letter confusion of the error model.
type chunk struct{ intended, typed string }

// chunks parses errorsData once.
var chunks = sync.OnceValue(func() []chunk {
	var out []chunk
	for line := range strings.SplitSeq(body(errorsData), "\n") {
		a, b, ok := strings.Cut(line, " ")
		if ok {
			out = append(out, chunk{a, b})
		}
	}
	return out
})

// keyboardData is the keyboard layout of the error model.
//
//go:embed data/keyboard.txt
var keyboardData string

// body returns the data lines after the # header.
func body(data string) string {
	for strings.HasPrefix(data, "#") {
		i := strings.IndexByte(data, '\n')
		if i < 0 {
			return ""
		}
		data = data[i+1:]
	}
	return data
}

// lookupSorted finds key in data, lines "key value" sorted by key, by
// binary search on the bytes: no parsing, no index, no allocation.
func lookupSorted(data, key string) (string, bool) {
	lo, hi := 0, len(data)
	for lo < hi {
		mid := (lo + hi) / 2
		// Back up to the start of mid's line.
		start := strings.LastIndexByte(data[lo:mid], '\n') + 1 + lo
		end := strings.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		line := data[start:end]
		k, v, _ := strings.Cut(line, " ")
		switch {
		case k == key:
			return v, true
		case k < key:
			lo = end + 1
		default:
			hi = start
		}
	}
	return "", false
}

var misspellBody = sync.OnceValue(func() string { return body(misspellData) })

// curated returns misspell's correction of a lower-case typo.
func curated(typo string) (string, bool) {
	return lookupSorted(misspellBody(), typo)
}

// localeMaps parses the locale pairs: American → British and back.
var localeMaps = sync.OnceValue(func() [2]map[string]string {
	am, br := map[string]string{}, map[string]string{}
	for line := range strings.SplitSeq(body(localeData), "\n") {
		a, b, ok := strings.Cut(line, " ")
		if ok {
			am[a] = b
			br[b] = a
		}
	}
	return [2]map[string]string{am, br}
})

// neighbours[a][b] says that keys a and b touch on the keyboard (ASCII
// lower-case letters).
var neighbours = sync.OnceValue(func() *[128][128]bool {
	var rows []string
	for line := range strings.SplitSeq(body(keyboardData), "\n") {
		if strings.TrimSpace(line) != "" {
			rows = append(rows, line)
		}
	}
	var nb [128][128]bool
	// Each letter's position in quarter keys: row r, column 4*i + indent.
	type pos struct{ r, x int }
	at := map[byte]pos{}
	for r, row := range rows {
		indent := len(row) - len(strings.TrimLeft(row, " "))
		for i, c := range []byte(strings.TrimLeft(row, " ")) {
			at[c] = pos{r, 4*i + indent}
		}
	}
	for a, pa := range at {
		for b, pb := range at {
			if a == b {
				continue
			}
			dr, dx := pa.r-pb.r, pa.x-pb.x
			if dx < 0 {
				dx = -dx
			}
			if (dr == 0 && dx == 4) || ((dr == 1 || dr == -1) && dx <= 4) {
				nb[a][b] = true
			}
		}
	}
	return &nb
})

// phrase is one confusion: the wrong words and their corrections.
type phrase struct {
	wrong, right []string
}

// parseConfusions reads "wrong phrase -> right phrase" lines.
func parseConfusions(r io.Reader, name string, into map[string][]phrase) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		w, r, ok := strings.Cut(text, "->")
		if !ok {
			return fmt.Errorf("%s:%d: want \"wrong phrase -> right phrase\", got %q", name, line, text)
		}
		p := phrase{wrong: strings.Fields(strings.ToLower(w)), right: strings.Fields(strings.ToLower(r))}
		switch {
		case len(p.wrong) == 0 || len(p.right) == 0:
			return fmt.Errorf("%s:%d: empty phrase in %q", name, line, text)
		case len(p.wrong) != len(p.right):
			return fmt.Errorf("%s:%d: %q: both phrases need the same number of words", name, line, text)
		case strings.Join(p.wrong, " ") == strings.Join(p.right, " "):
			return fmt.Errorf("%s:%d: %q: the phrase maps to itself", name, line, text)
		}
		into[p.wrong[0]] = append(into[p.wrong[0]], p)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// builtinConfusions parses the embedded confusion phrases once.
var builtinConfusions = sync.OnceValue(func() map[string][]phrase {
	m := map[string][]phrase{}
	if err := parseConfusions(strings.NewReader(confusionData), "confusions.txt", m); err != nil {
		panic("spelling: embedded data: " + err.Error())
	}
	return m
})

func loadConfusions(path string, into map[string][]phrase) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return parseConfusions(f, path, into)
}

// vocab is the candidate list: the lexicon's words up to
// MaxCandidateLevel, lower-case or capitalized dictionary words ("February",
// "Monday"), as a trie of their lower case, each word carrying what the
// ranking needs to know of it (a cand).
type vocab struct {
	list *trie.Trie
}

// cand is what the ranking knows of a candidate word: the class of its
// SCOWL level (levelClass), whether it is spelt capitalized, and the
// locales whose spelling it is. It is the word's payload in the trie.
type cand uint8

const (
	candLevel   cand = 0x0f
	candCapital cand = 0x10
	candUS      cand = 0x20
	candUK      cand = 0x40
)

// candOf packs an entry and whether its spelling is capitalized.
func candOf(e lexicon.Entry, capital bool) cand {
	c := cand(levelClass(e.Level))
	if capital {
		c |= candCapital
	}
	if e.Region.Accepts(lexicon.American) {
		c |= candUS
	}
	if e.Region.Accepts(lexicon.British) {
		c |= candUK
	}
	return c
}

// prior is the candidate's −log P(word).
func (c cand) prior() float64 { return priorByClass[c&candLevel] }

// capital reports whether the candidate is spelt with a capital.
func (c cand) capital() bool { return c&candCapital != 0 }

// accepted reports whether the candidate is a spelling of the locale.
func (c cand) accepted(l Locale) bool {
	switch l {
	case US:
		return c&candUS != 0
	case UK:
		return c&candUK != 0
	}
	return true
}

// spell returns the candidate whose lower case is key as it is spelt.
func (c cand) spell(key string) string {
	if c.capital() && key != "" && 'a' <= key[0] && key[0] <= 'z' {
		return string(key[0]-'a'+'A') + key[1:]
	}
	return key
}

// MaxCandidateLevel is the rarest SCOWL level a correction may come from:
// level 80 holds word-game words and typo-like rarities ("wich", "belive")
// that make poor corrections.
const MaxCandidateLevel = 70

// vocabSizeHint is about the number of candidate words of the default
// lexicon, to allocate once.
const vocabSizeHint = 150000

func newVocab(lex *lexicon.Lexicon) *vocab {
	words := make([]string, 0, vocabSizeHint)
	cands := make([]cand, 0, vocabSizeHint)
	levels := make([]uint8, 0, vocabSizeHint)
	add := func(key string, capital bool, e lexicon.Entry) {
		if n := len(words); n > 0 && words[n-1] == key {
			// One entry per lower-case key: the lower-case word if there
			// is one, else the commonest capitalized one.
			if cands[n-1].capital() && (!capital || e.Level < levels[n-1]) {
				cands[n-1], levels[n-1] = candOf(e, capital), e.Level
			}
			return
		}
		words = append(words, key)
		cands = append(cands, candOf(e, capital))
		levels = append(levels, e.Level)
	}
	// Each walks the lexicon in case-folded order, which for these words
	// is the byte order of their lower case: the list comes out sorted.
	for form, e := range lex.Each {
		if e.Level > MaxCandidateLevel && e.Level != lexicon.UserLevel {
			continue
		}
		switch {
		case candidateForm(form):
			add(form, false, e)
		case e.Class == lexicon.Upper && len(form) > 1 && 'A' <= form[0] && form[0] <= 'Z' && candidateForm(form[1:]):
			// A capitalized dictionary word: months, days, countries.
			add(string(form[0]+'a'-'A')+form[1:], true, e)
		}
	}
	if !strictlySorted(words) {
		// A lexicon whose order differs from byte order: never the default.
		idx := make([]int, len(words))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(words[a], words[b]) })
		w2, c2 := make([]string, 0, len(words)), make([]cand, 0, len(words))
		for _, i := range idx {
			if n := len(w2); n > 0 && w2[n-1] == words[i] {
				continue
			}
			w2, c2 = append(w2, words[i]), append(c2, cands[i])
		}
		words, cands = w2, c2
	}
	payload := make([]uint8, len(cands))
	for i, c := range cands {
		payload[i] = uint8(c)
	}
	list, err := trie.Build(words, payload)
	if err != nil {
		panic("spelling: candidate list: " + err.Error())
	}
	return &vocab{list: list}
}

// strictlySorted reports whether words are sorted and unique.
func strictlySorted(words []string) bool {
	for i := 1; i < len(words); i++ {
		if words[i-1] >= words[i] {
			return false
		}
	}
	return true
}

// candidateForm reports whether a lexicon spelling can be a correction:
// lower-case ASCII letters, with apostrophes inside.
func candidateForm(s string) bool {
	if s == "" || s[0] == '\'' || s[len(s)-1] == '\'' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && c != '\'' {
			return false
		}
	}
	return true
}

var defaultVocab = sync.OnceValue(func() *vocab { return newVocab(lexicon.Default()) })
