package spelling

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/copyedit/copyedit/lexicon"
	"github.com/copyedit/copyedit/spelling/internal/vocab"
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

// vocabData is the candidate words and common words of the default
// lexicon (see internal/vocab), generated by internal/gen.
//
//go:embed data/vocab.bin
var vocabData string

// defaultVocab reads vocabData in place: nothing is built at run time.
var defaultVocab = sync.OnceValue(func() *vocab.Vocab {
	v, err := vocab.Load(vocabData)
	if err != nil {
		panic("spelling: embedded data: " + err.Error())
	}
	return v
})

// builtVocab returns a function that builds the vocabulary of a lexicon
// given at run time, on first use.
func builtVocab(lex *lexicon.Lexicon) func() *vocab.Vocab {
	return sync.OnceValue(func() *vocab.Vocab {
		v, err := vocab.Build(lex)
		if err != nil {
			// Only a lexicon of over half a million candidate words, or
			// two million trie nodes, does not fit: it gets no candidates.
			v, _ = vocab.Build(&lexicon.Lexicon{})
		}
		return v
	})
}

// MaxCandidateLevel is the rarest SCOWL level a correction may come from:
// level 80 holds word-game words and typo-like rarities ("wich", "belive")
// that make poor corrections.
const MaxCandidateLevel = vocab.MaxLevel

// prior is the candidate's −log P(word).
func prior(c vocab.Cand) float64 { return priorByClass[c&vocab.Level] }

// acceptedCand reports whether the candidate is a spelling of the locale.
func acceptedCand(c vocab.Cand, l Locale) bool {
	switch l {
	case US:
		return c&vocab.US != 0
	case UK:
		return c&vocab.UK != 0
	}
	return true
}
