package lexicon

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/copyedit/copyedit/lexicon/internal/table"
)

//go:generate go run ./internal/gen -scowl /usr/share/dict/scowl -out .

// scowlData is the generated table (see internal/table for the format).
//
//go:embed scowl.bin
var scowlData string

// Lexicon is a set of spellings, each with an Entry. It is immutable:
// methods never change it, so a Lexicon is safe for concurrent use. The zero
// value is an empty lexicon.
type Lexicon struct {
	base table.Table
	over table.Table // words added with With; they replace base entries
	n    int
}

// Default returns the lexicon built from SCOWL (see the package
// documentation for what it holds). The embedded table is read in place, so
// the first call costs microseconds and almost no memory; later calls
// return the same *Lexicon.
func Default() *Lexicon { return loadDefault() }

var loadDefault = sync.OnceValue(openDefault)

// openDefault opens the embedded table; tests check it cannot fail.
func openDefault() *Lexicon {
	t, err := table.Open(scowlData)
	if err != nil {
		panic("lexicon: embedded data: " + err.Error())
	}
	return &Lexicon{base: *t, n: t.Len()}
}

// Len returns the number of entries.
func (l *Lexicon) Len() int { return l.n }

// Lookup returns the entry of the spelling exactly as given, case included:
// "Russia", "mark" and "Mark", "NATO", "iPhone", "it's". The typographic
// apostrophe ’ matches the ' that SCOWL uses, so "it’s" finds "it's".
// Lookup does not allocate.
func (l *Lexicon) Lookup(word string) (Entry, bool) {
	if l.over.Len() > 0 {
		if m, ok := l.over.Find(word); ok {
			return entryOf(m), true
		}
	}
	m, ok := l.base.Find(word)
	return entryOf(m), ok
}

// Contains reports whether Lookup finds word.
func (l *Lexicon) Contains(word string) bool {
	_, ok := l.Lookup(word)
	return ok
}

// LookupFold calls fn for every entry whose case-folded spelling equals the
// case-folded word, in Each order, until fn returns false: "russia" finds
// "Russia", "mark" finds "Mark" and "mark", "NATO" finds "NATO". Folding
// maps each rune through unicode.ToLower and ’ to '. The form passed to fn
// is the stored spelling and stays valid forever. LookupFold does not
// allocate for ASCII words (nor for most others).
func (l *Lexicon) LookupFold(word string, fn func(form string, e Entry) bool) {
	a := groupCursor(&l.over, word)
	b := groupCursor(&l.base, word)
	merge(&a, &b, fn)
}

// Each calls fn for every entry, sorted by case-folded spelling and then
// by spelling (byte order), until fn returns false. The order is stable
// across runs and releases of the same data, so it suits building indexes.
// Each is an iterator (iter.Seq2), so it also works with range:
//
//	for form, e := range lex.Each { ... }
func (l *Lexicon) Each(fn func(form string, e Entry) bool) {
	a := cursor{t: &l.over, off: 0}
	a.load()
	b := cursor{t: &l.base, off: 0}
	b.load()
	merge(&a, &b, fn)
}

// cursor walks the records of one table, either all of them or one group.
type cursor struct {
	t     *table.Table
	off   int  // current record, -1 when done
	group bool // stop after the record that ends its group
	form  string
	meta  uint32
	last  bool
	next  int
}

func groupCursor(t *table.Table, word string) cursor {
	c := cursor{t: t, off: -1, group: true}
	if t.Len() > 0 {
		c.off = t.Group(word)
	}
	c.load()
	return c
}

func (c *cursor) load() {
	if c.off < 0 || c.off >= c.t.End() {
		c.off = -1
		return
	}
	c.form, c.meta, c.last, c.next = c.t.Record(c.off)
}

func (c *cursor) advance() {
	if c.group && c.last {
		c.off = -1
		return
	}
	c.off = c.next
	c.load()
}

// merge walks two sorted cursors in order; on equal forms only a (the
// overlay) is reported.
func merge(a, b *cursor, fn func(string, Entry) bool) {
	for a.off >= 0 || b.off >= 0 {
		c := 1
		switch {
		case a.off < 0:
		case b.off < 0:
			c = -1
		default:
			c = compare(a.form, b.form)
		}
		if c <= 0 {
			if !fn(a.form, entryOf(a.meta)) {
				return
			}
			if c == 0 {
				b.advance()
			}
			a.advance()
			continue
		}
		if !fn(b.form, entryOf(b.meta)) {
			return
		}
		b.advance()
	}
}

// compare is the Each order: folded spelling, then spelling.
func compare(a, b string) int {
	if c := table.FoldCompare(a, b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}
