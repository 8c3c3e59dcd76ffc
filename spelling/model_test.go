package spelling

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// referenceCost is the error model written plainly, in floating point,
// one candidate at a time: what channel.cost, in tenths with shared rows,
// must agree with.
func referenceCost(typed, intended string) float64 {
	n, m := len(intended), len(typed)
	first := func(i int) float64 {
		if i <= 1 {
			return model.costFirst
		}
		return 0
	}
	nb := neighbours()
	add := make([]float64, m+1)
	for j := 1; j <= m; j++ {
		c := typed[j-1]
		switch {
		case (j > 1 && typed[j-2] == c) || (j < m && typed[j] == c):
			add[j] = model.costAddDouble
		case isVowel(c) && ((j > 1 && isVowel(typed[j-2])) || (j < m && isVowel(typed[j]))):
			add[j] = model.costAddVowel + first(j)
		case (j > 1 && nb[typed[j-2]&127][c&127]) || (j < m && nb[typed[j]&127][c&127]):
			add[j] = model.costAddNeighbour + first(j)
		default:
			add[j] = model.costAdd + first(j)
		}
	}
	addEnd := 0.0
	if m > 0 {
		addEnd = add[m]
	}
	if m > 3 && typed[m-1] == 'e' && typed[m-2] != 'e' {
		addEnd = model.costAddFinalE
	}
	d := make([][]float64, n+1)
	for i := range d {
		d[i] = make([]float64, m+1)
	}
	for j := 1; j <= m; j++ {
		d[0][j] = d[0][j-1] + add[j]
	}
	for i := 1; i <= n; i++ {
		a := intended[i-1]
		var drop float64
		switch {
		case (i > 1 && intended[i-2] == a) || (i < n && intended[i] == a):
			drop = model.costDropDouble
		case i == n && a == 'e' && n > 2:
			drop = model.costDropFinalE + first(i)
		case isVowel(a):
			drop = model.costDropVowel + first(i)
		default:
			drop = model.costDrop + first(i)
		}
		d[i][0] = d[i-1][0] + drop
		for j := 1; j <= m; j++ {
			sub := substCost(a, typed[j-1], nb)
			if sub != 0 && i == 1 {
				sub += model.costFirst
			}
			ad := add[j]
			if j == m && i == n {
				ad = addEnd
			}
			v := min(d[i-1][j-1]+sub, d[i-1][j]+drop, d[i][j-1]+ad)
			if i > 1 && j > 1 && a == typed[j-2] && intended[i-2] == typed[j-1] && a != intended[i-2] {
				v = min(v, d[i-2][j-2]+model.costTranspose)
			}
			for _, c := range chunks() {
				la, lb := len(c.intended), len(c.typed)
				if la <= i && lb <= j && intended[i-la:i] == c.intended && typed[j-lb:j] == c.typed {
					v = min(v, d[i-la][j-lb]+model.costChunk+first(i-la+1))
				}
			}
			d[i][j] = v
		}
	}
	return d[n][m]
}

// TestChannelMatchesReference scores random candidates, in sorted order
// (rows shared) and in random order, against the plain model.
func TestChannelMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "e", "i", "o", "u", "y", "t", "h", "s", "n", "r", "c", "k", "ph", "f", "ough", "tion", "sion", "ea", "ee", "ies", "ys", "tch", "ch", "able", "ible", "x", "ks", "ck", "wh", "w", "'"}
	word := func() string {
		var b []byte
		for k := 1 + r.IntN(5); k > 0; k-- {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		return string(b[:min(len(b), maxModelLen)])
	}
	var ch channel
	for range 300 {
		typed := word()
		require.True(t, ch.prepare(typed))
		cands := make([]string, 60)
		for k := range cands {
			cands[k] = word()
		}
		slices.Sort(cands)
		for pass := range 2 {
			for _, c := range cands {
				want := referenceCost(typed, c)
				got := ch.cost(c)
				require.InDelta(t, want, got, 1e-9, "typed %q intended %q (pass %d)", typed, c, pass)
			}
			r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
		}
	}
	long := make([]byte, maxModelLen+1)
	require.True(t, ch.prepare("abc"))
	require.Equal(t, infCost, ch.costTenths(string(long)))
}
