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
// "Monday"), as a trie of their lower case, with each word's entry and, for
// the capitalized ones, their spelling.
type vocab struct {
	list    *trie.List
	entries []lexicon.Entry
	forms   map[int32]string // the spelling of word i when not its lower case
	// reversed is the list of the words spelt backwards, built on first
	// use, for the searches that bound the end of a word.
	reversed func() *reversedList
}

// reversedList is the candidate words spelt backwards, and for each the
// index of the word in the forward list.
type reversedList struct {
	list    *trie.List
	forward []int32
}

// reverse builds the backward list: the words reversed into one buffer,
// sorted.
func (v *vocab) reverse() *reversedList {
	n := v.list.Len()
	size := 0
	for i := range n {
		size += len(v.list.Word(i))
	}
	buf := make([]byte, 0, size)
	for i := range n {
		w := v.list.Word(i)
		for k := len(w) - 1; k >= 0; k-- {
			buf = append(buf, w[k])
		}
	}
	all := unsafeString(buf)
	// Sort by the first eight bytes packed in an integer, with a radix
	// sort, then order the runs of equal keys by comparing the strings.
	type item struct {
		key uint64
		fwd int32
	}
	items := make([]item, n)
	rev := make([]string, n) // by forward index
	off := 0
	for i := range n {
		l := len(v.list.Word(i))
		w := all[off : off+l]
		var key uint64
		for k := 0; k < 8; k++ {
			key <<= 8
			if k < len(w) {
				key |= uint64(w[k])
			}
		}
		items[i] = item{key, int32(i)}
		rev[i] = w
		off += l
	}
	tmp := make([]item, n)
	for shift := 0; shift < 64; shift += 8 {
		var count [257]int
		for _, it := range items {
			count[byte(it.key>>shift)+1]++
		}
		if count[byte(items[0].key>>shift)+1] == n {
			continue // every key has the same byte here
		}
		for b := 1; b < 257; b++ {
			count[b] += count[b-1]
		}
		for _, it := range items {
			b := byte(it.key >> shift)
			tmp[count[b]] = it
			count[b]++
		}
		items, tmp = tmp, items
	}
	for i := 0; i < n; {
		j := i + 1
		for j < n && items[j].key == items[i].key {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(items[i:j], func(a, b item) int { return strings.Compare(rev[a.fwd], rev[b.fwd]) })
		}
		i = j
	}
	words := make([]string, n)
	r := &reversedList{forward: make([]int32, n)}
	for i, it := range items {
		words[i], r.forward[i] = rev[it.fwd], it.fwd
	}
	r.list = trie.New(words)
	return r
}

// MaxCandidateLevel is the rarest SCOWL level a correction may come from:
// level 80 holds word-game words and typo-like rarities ("wich", "belive")
// that make poor corrections.
const MaxCandidateLevel = 70

// vocabSizeHint is about the number of candidate words of the default
// lexicon, to allocate once.
const vocabSizeHint = 150000

func newVocab(lex *lexicon.Lexicon) *vocab {
	v := &vocab{forms: map[int32]string{}, entries: make([]lexicon.Entry, 0, vocabSizeHint)}
	words := make([]string, 0, vocabSizeHint)
	add := func(key, form string, e lexicon.Entry) {
		if n := len(words); n > 0 && words[n-1] == key {
			// One entry per lower-case key: the lower-case word if there
			// is one, else the commonest capitalized one.
			if _, ok := v.forms[int32(n-1)]; ok && (form == key || e.Level < v.entries[n-1].Level) {
				delete(v.forms, int32(n-1))
				v.entries[n-1] = e
				if form != key {
					v.forms[int32(n-1)] = form
				}
			}
			return
		}
		words = append(words, key)
		v.entries = append(v.entries, e)
		if form != key {
			v.forms[int32(len(words)-1)] = form
		}
	}
	// Each walks the lexicon in case-folded order, which for these words
	// is the byte order of their lower case: the list comes out sorted.
	for form, e := range lex.Each {
		if e.Level > MaxCandidateLevel && e.Level != lexicon.UserLevel {
			continue
		}
		switch {
		case candidateForm(form):
			add(form, form, e)
		case e.Class == lexicon.Upper && len(form) > 1 && 'A' <= form[0] && form[0] <= 'Z' && candidateForm(form[1:]):
			// A capitalized dictionary word: months, days, countries.
			add(string(form[0]+'a'-'A')+form[1:], form, e)
		}
	}
	if !strictlySorted(words) {
		return sortedVocab(lex, words, v)
	}
	v.list = trie.New(words)
	v.reversed = sync.OnceValue(v.reverse)
	return v
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

// sortedVocab rebuilds v from words that are not sorted (a lexicon whose
// order differs from byte order): slower, never needed for the default.
func sortedVocab(lex *lexicon.Lexicon, words []string, v *vocab) *vocab {
	byWord := map[string]int{}
	for i, w := range words {
		byWord[w] = i
	}
	out := &vocab{forms: map[int32]string{}, list: trie.New(words)}
	out.reversed = sync.OnceValue(out.reverse)
	out.entries = make([]lexicon.Entry, out.list.Len())
	for i := range out.list.Len() {
		k := byWord[out.list.Word(i)]
		out.entries[i] = v.entries[k]
		if f, ok := v.forms[int32(k)]; ok {
			out.forms[int32(i)] = f
		}
	}
	return out
}

// word returns candidate i as it is spelt.
func (v *vocab) word(i int32) string {
	if f, ok := v.forms[i]; ok {
		return f
	}
	return v.list.Word(int(i))
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
