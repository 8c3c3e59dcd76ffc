package lexicon

import (
	"strings"
	"testing"

	"github.com/copyedit/copyedit/lexicon/internal/table"
)

// benchWords mixes hits and misses the way news text does: common words,
// capitalised names, a contraction with ’, typos.
var benchWords = strings.Fields(`the these Russia NATO it’s signalled
	kilometres Ukraine negotiations thes recieve woudl Kremlin spokesperson
	international president Putin mark Mark beleive`)

// BenchmarkDefaultLoad measures opening the embedded table, which
// Default does once: go test -bench DefaultLoad -benchmem ./lexicon/
func BenchmarkDefaultLoad(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(scowlData)))
	for b.Loop() {
		t, err := table.Open(scowlData)
		if err != nil || t.Len() == 0 {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, w := range benchWords {
			if _, ok := l.Lookup(w); ok {
				n++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchWords)), "ns/word")
}

func BenchmarkLookupHit(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	for b.Loop() {
		l.Lookup("negotiations")
	}
}

func BenchmarkLookupMiss(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	for b.Loop() {
		l.Lookup("negotaitions")
	}
}

func BenchmarkLookupFold(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	n := 0
	count := func(string, Entry) bool { n++; return true }
	for b.Loop() {
		for _, w := range benchWords {
			l.LookupFold(w, count)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchWords)), "ns/word")
}

// BenchmarkLookupWith measures Lookup through a lexicon with user words.
func BenchmarkLookupWith(b *testing.B) {
	l, err := Default().With(Item{Form: "Zelenskyy", Entry: UserEntry("Zelenskyy")})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range benchWords {
			l.Lookup(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchWords)), "ns/word")
}

func BenchmarkEach(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		l.Each(func(string, Entry) bool { n++; return true })
	}
}
