package spelling

import (
	"math"
	"sync"

	"github.com/copyedit/copyedit/lexicon"
	"github.com/copyedit/copyedit/spelling/internal/vocab"
)

// The noisy-channel model. A candidate correction c of a typed word w scores
//
//	log P(c) + log P(w | c) + context
//
// where P(c) comes from c's SCOWL level (how common the word is) and
// P(w | c), the error model, from the cheapest way to type w when meaning c:
// a weighted edit distance whose costs (negative log probabilities, in
// nats) say which slips are common. The costs are the model's parameters;
// they were set from what studies of typing and spelling errors report
// (Damerau 1964; Kernighan, Church and Gale 1990; Norvig 2007) and checked
// on Norvig's public test sets, in general terms only: by kind of edit,
// never by word.

// params are the model's weights, in nats. Tests may vary them; the pass
// reads the defaults.
type params struct {
	// costTranspose: two adjacent letters swapped ("woudl", "beleive").
	costTranspose float64
	// costDropDouble: one letter of a double dropped ("begining",
	// "ocurred"), the commonest spelling error.
	costDropDouble float64
	// costDropFinalE: a final silent e dropped ("thes" for "these").
	costDropFinalE float64
	// costDropVowel: a vowel dropped ("negotations", "gradualy").
	costDropVowel float64
	// costDrop: any other letter dropped.
	costDrop float64
	// costAddDouble: a letter doubled ("untill", "occurr").
	costAddDouble float64
	// costAddNeighbour: an extra letter from a key next to its neighbour.
	costAddNeighbour float64
	// costAddVowel: a vowel added next to another, making or breaking a
	// vowel digraph ("faulse", "cleark").
	costAddVowel float64
	// costAddFinalE: a silent e added at the end ("develope").
	costAddFinalE float64
	// costChunk: a sound-alike spelling of several letters (data/errors.txt:
	// "ph" for "f", "ys" for "ies").
	costChunk float64
	// costAdd: any other extra letter.
	costAdd float64
	// costVowel: one of a, e, i, o for another, the vowels that blur
	// into the unstressed schwa ("seperate", "definate").
	costVowel float64
	// costVowelOther: any other vowel for a vowel (u and y).
	costVowelOther float64
	// costSound: one consonant for another of similar sound (c/s/k, s/z…).
	costSound float64
	// costNeighbour: a key for its neighbour ("tge").
	costNeighbour float64
	// costSubst: any other substitution.
	costSubst float64
	// costFirst is added to an edit of the first letter, which writers
	// rarely get wrong.
	costFirst float64
	// costKeep is the score of the hypothesis that an unknown lower-case
	// word is a correct word the lexicon lacks (a name, a term, a
	// foreign word): a candidate must beat it to be made.
	costKeep float64
	// keepMargin is how much likelier than the word itself a correction
	// must be to be made, whatever its share: a factor of e^keepMargin.
	// It guards correct words the lexicon lacks ("edtech", "xterm",
	// "gobject") whose nearest word needs an unlikely slip: a letter added
	// at the start, two edits.
	keepMargin float64
	// likelySlip is the error cost of the likeliest single slips (a swap,
	// a letter of a double, a vowel, a final e, a sound-alike chunk, a
	// dropped letter). A correction that assumes no more than that needs
	// only to be likelier than the word (likelySlipMargin), not by
	// keepMargin: the absolute margin would forbid every such slip in a
	// word rarer than SCOWL's level 20 ("waterfornt": prior 10.2 + swap 1.9
	// > 13.4 − 1.5).
	likelySlip, likelySlipMargin float64
	// oneSlip is the error cost of the dearest single slip (a letter added
	// next to its neighbour on the keyboard), and rivalMargin how far (in
	// nats) a correction that assumes no more must lead its runner-up and
	// the word itself for an even confidence, whatever the mass of the
	// candidates behind them (see ranking.confidence).
	oneSlip, rivalMargin float64
	// costKeepTitle is that score for a capitalized word at a sentence
	// start, more often a name.
	costKeepTitle float64
	// priorScale weighs the prior (commonness) against the error model.
	priorScale float64

	// bonusAgree favours a number-marked determiner whose noun agrees
	// ("these topics"): the determiner is then well predicted.
	bonusAgree float64
	// costDisagree penalizes a determiner whose number the next noun
	// contradicts ("this topics", "these topic").
	costDisagree float64
	// costCapital penalizes a correction that is a capitalized word
	// ("febuary" → "February"): a lower-case word is rarely one.
	costCapital float64
	// bonusCurated favours misspell's correction of a listed typo: the
	// list was made by people who saw the typo made.
	bonusCurated float64
}

// model holds the weights in use.
var model = params{
	costTranspose:    1.9,
	costDropDouble:   0.4,
	costDropFinalE:   0.8,
	costDropVowel:    1.3,
	costDrop:         2.0,
	costAddDouble:    1.8,
	costAddNeighbour: 3.0,
	costAdd:          3.9,
	costAddFinalE:    1.8,
	costAddVowel:     3.4,
	costChunk:        1.8,
	costVowel:        1.7,
	costVowelOther:   2.0,
	costSound:        2.2,
	costNeighbour:    2.8,
	costSubst:        4.2,
	costFirst:        1.6,
	costKeep:         13.4,
	costKeepTitle:    11.5,
	keepMargin:       1.5,
	likelySlip:       2.0,
	likelySlipMargin: 0,
	oneSlip:          3.0,
	rivalMargin:      1.5,
	priorScale:       1.0,
	bonusAgree:       1.0,
	costDisagree:     2.5,
	bonusCurated:     4.0,
	costCapital:      1.0,
}

// confSharpness = 1/T: the confidences are shares of exp(-cost/T).
var confSharpness = 1.0

// priorCost is −log P(word) for each SCOWL level: the log of the mean
// frequency rank of the level's words, after Zipf's law (frequency ∝
// 1/rank), from the level sizes in lexicon/README.md.
func priorCost(e lexicon.Entry) float64 { return priorByClass[vocab.LevelClass(e.Level)] }

// priorByClass is priorCost by vocab.LevelClass: the user's words, then
// levels 10, 20, 35, 40, 50, 55, 60, 70 and above.
var priorByClass = [16]float64{11.0, 7.6, 8.9, 10.2, 10.7, 11.0, 11.3, 11.4, 11.7, 12.3}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// schwa reports the vowels that sound alike when unstressed.
func schwa(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' }

// soundAlike reports consonants that spell similar sounds.
func soundAlike(a, b byte) bool {
	if a > b {
		a, b = b, a
	}
	switch uint16(a)<<8 | uint16(b) {
	case 'c'<<8 | 's', 'c'<<8 | 'k', 'k'<<8 | 'q', 'c'<<8 | 'q', 's'<<8 | 'z', 'g'<<8 | 'j', 'd'<<8 | 't',
		'b'<<8 | 'p', 'f'<<8 | 'v', 'm'<<8 | 'n', 'f'<<8 | 'p', 'k'<<8 | 's', 's'<<8 | 'x', 'c'<<8 | 'z', 'g'<<8 | 'k':
		return true
	}
	return false
}

// maxModelLen bounds the words the error model scores.
const maxModelLen = 40

// maxChunksAt bounds the multi-letter confusions that can end at one
// letter of the typed word.
const maxChunksAt = 8

// The error model computes in tenths of a nat, in integers: every weight is
// a multiple of 0.1, so the sums are exact, and integer arithmetic is
// cheaper than floating point.
type tenths = int32

// nat converts a cost in nats to tenths.
func nat(x float64) tenths { return tenths(math.Round(x * 10)) }

// costs are model's weights in tenths, with the substitution costs by pair
// of letters.
type costs struct {
	transpose, dropDouble, dropFinalE, dropVowel, drop tenths
	addDouble, addNeighbour, addVowel, addFinalE, add  tenths
	chunk, first                                       tenths
	subst                                              [symbols][symbols]tenths
	// The ranking's costs: the prior by level class, and the rest.
	prior                                       [16]tenths
	capital, otherLocale, bonusCurated, curated tenths
}

// symbols are the letters the error model tells apart: a–z, and one for
// anything else.
const symbols = 27

// symbol numbers a byte for the error model.
func symbol(c byte) uint8 {
	if 'a' <= c && c <= 'z' {
		return c - 'a'
	}
	return symbols - 1
}

// weights returns the model's weights in tenths.
var weights = sync.OnceValue(func() *costs {
	m := &model
	c := &costs{
		transpose: nat(m.costTranspose), dropDouble: nat(m.costDropDouble), dropFinalE: nat(m.costDropFinalE),
		dropVowel: nat(m.costDropVowel), drop: nat(m.costDrop),
		addDouble: nat(m.costAddDouble), addNeighbour: nat(m.costAddNeighbour), addVowel: nat(m.costAddVowel),
		addFinalE: nat(m.costAddFinalE), add: nat(m.costAdd),
		chunk: nat(m.costChunk), first: nat(m.costFirst),
	}
	for i, p := range priorByClass {
		c.prior[i] = nat(m.priorScale * p)
	}
	c.capital, c.otherLocale, c.bonusCurated = nat(m.costCapital), nat(costOtherLocale), nat(m.bonusCurated)
	c.curated = nat(m.priorScale*priorCost(lexicon.Entry{Level: 35}) + costCurated)
	nb := neighbours()
	letter := func(s int) byte {
		if s == symbols-1 {
			return '\''
		}
		return byte('a' + s)
	}
	for a := range symbols {
		for b := range symbols {
			c.subst[a][b] = nat(substCost(letter(a), letter(b), nb))
		}
	}
	return c
})

// channel holds the error model's working space for one typed word: the
// costs that depend on it alone are computed once by prepare, then cost
// scores each candidate against it. Candidates given in sorted order share
// the rows of their common prefix: only the rows after it are computed.
type channel struct {
	w       *costs
	typed   string
	tsym    [maxModelLen]uint8
	pos     [symbols]uint64         // bit j: typed[j-1] is the symbol
	chunked uint64                  // bit j: some chunk's typed side ends at j
	chs     []chunk                 // the chunks (chunks())
	add     [maxModelLen + 1]tenths // cost of the extra letter typed[j-1]
	addEnd  tenths                  // that cost for the last letter after the whole word
	chunkN  [maxModelLen + 1]uint8
	chunkAt [maxModelLen + 1][maxChunksAt]uint8 // chunks whose typed side ends at j
	// The rows of the last candidate scored, and the candidate.
	d    [maxModelLen + 2][maxModelLen + 2]tenths
	drop [maxModelLen + 1]tenths
	last [maxModelLen]byte
	n    int
}

// first is the first-letter penalty of an edit at intended position i.
func (ch *channel) first(i int) tenths {
	if i <= 1 {
		return ch.w.first
	}
	return 0
}

// prepare readies ch for candidates of typed; it reports false if typed is
// too long to score.
func (ch *channel) prepare(typed string) bool {
	m := len(typed)
	if m > maxModelLen {
		return false
	}
	w := weights()
	ch.w = w
	ch.typed = typed
	ch.n = -1 // no rows to share
	nb := neighbours()
	for j := 1; j <= m; j++ {
		c := typed[j-1]
		ch.tsym[j-1] = symbol(c)
		var v tenths
		switch {
		case (j > 1 && typed[j-2] == c) || (j < m && typed[j] == c):
			v = w.addDouble
		case isVowel(c) && ((j > 1 && isVowel(typed[j-2])) || (j < m && isVowel(typed[j]))):
			v = w.addVowel + ch.first(j)
		case (j > 1 && nb[typed[j-2]&127][c&127]) || (j < m && nb[typed[j]&127][c&127]):
			v = w.addNeighbour + ch.first(j)
		default:
			v = w.add + ch.first(j)
		}
		ch.add[j] = v
	}
	ch.addEnd = ch.add[m]
	if m > 3 && typed[m-1] == 'e' && !(typed[m-2] == 'e') {
		ch.addEnd = w.addFinalE
	}
	chs := chunks()
	ch.chs = chs
	ch.pos = [symbols]uint64{}
	for j := 1; j <= m; j++ {
		ch.pos[ch.tsym[j-1]] |= 1 << j
	}
	ch.chunked = 0
	for j := 0; j <= m; j++ {
		ch.chunkN[j] = 0
	}
	for k, c := range chs {
		b := len(c.typed)
		for j := b; j <= m; j++ {
			if typed[j-b:j] == c.typed && ch.chunkN[j] < maxChunksAt && k < 256 {
				ch.chunkAt[j][ch.chunkN[j]] = uint8(k)
				ch.chunkN[j]++
				ch.chunked |= 1 << j
			}
		}
	}
	d := &ch.d
	d[0][0] = 0
	for j := 1; j <= m; j++ {
		d[0][j] = d[0][j-1] + ch.add[j]
	}
	return true
}

// special lowers v, the cost of cell (i, j), by a swap of two letters
// ending there (if swap has bit j) and by the chunks whose typed side ends
// at j.
func (ch *channel) special(v tenths, i, j int, intended string, swap uint64) tenths {
	w := ch.w
	d := &ch.d
	if swap>>j&1 != 0 {
		v = min(v, d[i-2][j-2]+w.transpose)
	}
	last := intended[i-1]
	for _, k := range ch.chunkAt[j][:ch.chunkN[j]] {
		cc := &ch.chs[k]
		la := len(cc.intended)
		if la <= i && cc.intended[la-1] == last && intended[i-la:i] == cc.intended {
			v = min(v, d[i-la][j-len(cc.typed)]+w.chunk+ch.first(i-la+1))
		}
	}
	return v
}

// substCost is the cost of typing b for intended a, before the first-letter
// penalty.
func substCost(a, b byte, nb *[128][128]bool) float64 {
	switch {
	case a == b:
		return 0
	case schwa(a) && schwa(b):
		return model.costVowel
	case isVowel(a) && isVowel(b):
		return model.costVowelOther
	case soundAlike(a, b):
		return model.costSound
	case nb[a&127][b&127]:
		return model.costNeighbour
	}
	return model.costSubst
}

// cost returns −log P(typed | intended), typed as given to prepare: the
// cheapest weighted alignment of the two, in nats.
func (ch *channel) cost(intended string) float64 {
	return float64(ch.costTenths(intended)) / 10
}

// infCost stands for a candidate the model cannot score.
const infCost tenths = 1 << 24

// costTenths is cost in tenths of a nat.
func (ch *channel) costTenths(intended string) tenths {
	typed := ch.typed
	n, m := len(intended), len(typed)
	if n > maxModelLen {
		return infCost
	}
	w := ch.w
	// Rows 1…p-1 of the common prefix with the last candidate are the
	// same (a row's drop cost looks one letter ahead, so row p is not).
	p := 0
	if ch.n >= 0 {
		for p < min(n, ch.n) && ch.last[p] == intended[p] {
			p++
		}
	}
	from := max(p, 1)
	copy(ch.last[from-1:n], intended[from-1:n])
	ch.n = n
	d := &ch.d
	for i := from; i <= n; i++ {
		c := intended[i-1]
		var drop tenths
		switch {
		case (i > 1 && intended[i-2] == c) || (i < n && intended[i] == c):
			drop = w.dropDouble
		case i == n && c == 'e' && n > 2:
			drop = w.dropFinalE + ch.first(i)
		case isVowel(c):
			drop = w.dropVowel + ch.first(i)
		default:
			drop = w.drop + ch.first(i)
		}
		ch.drop[i] = drop
		prev, cur := &d[i-1], &d[i]
		cur[0] = prev[0] + drop
		sc := symbol(c)
		sub := &w.subst[sc]
		// The columns where a swap of c and the letter before it ends,
		// and where a chunk may end: the rare cases, found by bit tests.
		var swap uint64
		if i > 1 {
			if before := intended[i-2]; before != c {
				swap = ch.pos[sc] << 1 & ch.pos[symbol(before)]
			}
		}
		special := swap | ch.chunked
		if i == 1 {
			// The first letter: a substitution costs more.
			for j := 1; j <= m; j++ {
				s := sub[ch.tsym[j-1]]
				if s != 0 {
					s += w.first
				}
				cur[j] = min(prev[j-1]+s, prev[j]+drop, cur[j-1]+ch.add[j])
				if special>>j&1 != 0 {
					cur[j] = ch.special(cur[j], i, j, intended, swap)
				}
			}
		} else {
			for j := 1; j <= m; j++ {
				v := min(prev[j-1]+sub[ch.tsym[j-1]], prev[j]+drop, cur[j-1]+ch.add[j])
				if special>>j&1 != 0 {
					v = ch.special(v, i, j, intended, swap)
				}
				cur[j] = v
			}
		}
		if i == n {
			// The last cell: an extra letter after the whole word may
			// be a final e.
			j := m
			s := sub[ch.tsym[j-1]]
			if s != 0 && i == 1 {
				s += w.first
			}
			v := min(prev[j-1]+s, prev[j]+drop, cur[j-1]+ch.addEnd)
			if special>>j&1 != 0 {
				v = ch.special(v, i, j, intended, swap)
			}
			cur[j] = v
		}
	}
	return d[n][m]
}
