package spelling

import (
	"math"

	"github.com/copyedit/copyedit/lexicon"
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
const (
	// costTranspose: two adjacent letters swapped ("woudl", "beleive").
	costTranspose = 1.7
	// costDropDouble: one letter of a double dropped ("begining",
	// "ocurred"), the commonest spelling error.
	costDropDouble = 1.3
	// costDropFinalE: a final silent e dropped ("thes" for "these").
	costDropFinalE = 1.4
	// costDropVowel: a vowel dropped ("negotations", "gradualy").
	costDropVowel = 2.1
	// costDrop: any other letter dropped.
	costDrop = 2.7
	// costAddDouble: a letter doubled ("untill", "occurr").
	costAddDouble = 1.6
	// costAddNeighbour: an extra letter from a key next to its neighbour.
	costAddNeighbour = 2.6
	// costAdd: any other extra letter.
	costAdd = 3.3
	// costVowel: one vowel for another ("seperate", "definate").
	costVowel = 1.7
	// costSound: one consonant for another of similar sound (c/s/k, s/z…).
	costSound = 2.4
	// costNeighbour: a key for its neighbour ("tge").
	costNeighbour = 2.5
	// costSubst: any other substitution.
	costSubst = 3.6
	// costFirst is added to an edit of the first letter, which writers
	// rarely get wrong.
	costFirst = 1.6
	// costKeep is the score of the hypothesis that an unknown lower-case
	// word is a correct word the lexicon lacks (a name, a term, a
	// foreign word): a candidate must beat it to be made.
	costKeep = 13.4
	// costKeepTitle is that score for a capitalized word at a sentence
	// start, more often a name.
	costKeepTitle = 11.5
)

// priorCost is −log P(word) for each SCOWL level: the log of the mean
// frequency rank of the level's words, after Zipf's law (frequency ∝
// 1/rank), from the level sizes in lexicon/README.md.
func priorCost(e lexicon.Entry) float64 {
	switch {
	case e.Level == lexicon.UserLevel:
		return 11.0
	case e.Level <= 10:
		return 7.6
	case e.Level <= 20:
		return 8.9
	case e.Level <= 35:
		return 10.2
	case e.Level <= 40:
		return 10.7
	case e.Level <= 50:
		return 11.0
	case e.Level <= 55:
		return 11.3
	case e.Level <= 60:
		return 11.4
	case e.Level <= 70:
		return 11.7
	}
	return 12.3
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// soundAlike reports consonants that spell similar sounds.
func soundAlike(a, b byte) bool {
	if a > b {
		a, b = b, a
	}
	switch string([]byte{a, b}) {
	case "cs", "ck", "kq", "cq", "sz", "gj", "dt", "bp", "fv", "mn", "fp", "ks", "sx", "cz", "gk":
		return true
	}
	return false
}

// maxModelLen bounds the words the error model scores.
const maxModelLen = 40

// channel holds the error model's scratch table.
type channel struct {
	d [maxModelLen + 2][maxModelLen + 2]float64
}

// cost returns −log P(typed | intended): the cheapest weighted alignment.
func (ch *channel) cost(intended, typed string) float64 {
	n, m := len(intended), len(typed)
	if n > maxModelLen || m > maxModelLen {
		return math.Inf(1)
	}
	nb := neighbours()
	d := &ch.d
	first := func(i int) float64 {
		if i <= 1 {
			return costFirst
		}
		return 0
	}
	// drop is the cost of leaving out intended[i-1].
	drop := func(i int) float64 {
		c := intended[i-1]
		switch {
		case (i > 1 && intended[i-2] == c) || (i < n && intended[i] == c):
			return costDropDouble
		case i == n && c == 'e' && n > 2:
			return costDropFinalE + first(i)
		case isVowel(c):
			return costDropVowel + first(i)
		}
		return costDrop + first(i)
	}
	// add is the cost of typing the extra letter typed[j-1] after i
	// intended letters.
	add := func(i, j int) float64 {
		c := typed[j-1]
		switch {
		case (j > 1 && typed[j-2] == c) || (j < m && typed[j] == c):
			return costAddDouble
		case (j > 1 && nb[typed[j-2]&127][c&127]) || (j < m && nb[typed[j]&127][c&127]):
			return costAddNeighbour + first(j)
		}
		return costAdd + first(j)
	}
	subst := func(i, j int) float64 {
		a, b := intended[i-1], typed[j-1]
		switch {
		case a == b:
			return 0
		case isVowel(a) && isVowel(b):
			return costVowel + first(i)
		case soundAlike(a, b):
			return costSound + first(i)
		case nb[a&127][b&127]:
			return costNeighbour + first(i)
		}
		return costSubst + first(i)
	}
	d[0][0] = 0
	for j := 1; j <= m; j++ {
		d[0][j] = d[0][j-1] + add(0, j)
	}
	for i := 1; i <= n; i++ {
		d[i][0] = d[i-1][0] + drop(i)
		for j := 1; j <= m; j++ {
			v := d[i-1][j-1] + subst(i, j)
			v = min(v, d[i-1][j]+drop(i), d[i][j-1]+add(i, j))
			if i > 1 && j > 1 && intended[i-1] == typed[j-2] && intended[i-2] == typed[j-1] && intended[i-1] != intended[i-2] {
				v = min(v, d[i-2][j-2]+costTranspose+first(i-1))
			}
			d[i][j] = v
		}
	}
	return d[n][m]
}
