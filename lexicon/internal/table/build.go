package table

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// LoadPercent is how full Build makes the hash table: slots = groups *
// 100 / LoadPercent. At 70% a lookup of a missing word probes about three
// slots; the tag byte in each slot avoids almost all string comparisons.
const LoadPercent = 70

// Item is one form and its metadata, the input of Build.
type Item struct {
	Form string
	Meta uint32
}

// Build writes the table of items. Forms must be unique, 1..MaxFormLen
// bytes of valid UTF-8 without U+FFFD or ’ (store ', see Canon). The output
// depends only on the set of items, not on their order.
func Build(items []Item) ([]byte, error) {
	type rec struct {
		fold string
		Item
	}
	recs := make([]rec, len(items))
	for i, it := range items {
		if err := CheckForm(it.Form); err != nil {
			return nil, err
		}
		recs[i] = rec{Fold(it.Form), it}
	}
	slices.SortFunc(recs, func(a, b rec) int {
		return cmp.Or(strings.Compare(a.fold, b.fold), strings.Compare(a.Form, b.Form))
	})
	for i := 1; i < len(recs); i++ {
		if recs[i].Form == recs[i-1].Form {
			return nil, fmt.Errorf("table: duplicate form %q", recs[i].Form)
		}
	}

	// Kinds: the distinct metadata values, ascending.
	kinds := make([]uint32, 0, 64)
	for _, r := range recs {
		kinds = append(kinds, r.Meta)
	}
	slices.Sort(kinds)
	kinds = slices.Compact(kinds)
	kw := 1
	if len(kinds) > 1<<8 {
		kw = 2
	}
	if len(kinds) > 1<<16 {
		return nil, fmt.Errorf("table: %d distinct metadata values, at most %d", len(kinds), 1<<16)
	}

	// Records, noting where each group starts.
	var body []byte
	type group struct {
		off  int
		form string
	}
	var groups []group
	for i, r := range recs {
		if i == 0 || r.fold != recs[i-1].fold {
			groups = append(groups, group{len(body), r.Form})
		}
		h := byte(len(r.Form))
		if i == len(recs)-1 || recs[i+1].fold != r.fold {
			h |= lastInGroup
		}
		k, _ := slices.BinarySearch(kinds, r.Meta)
		body = append(body, h, byte(k))
		if kw == 2 {
			body = append(body, byte(k>>8))
		}
		body = append(body, r.Form...)
	}
	if len(body) > maxOffset {
		return nil, fmt.Errorf("table: records take %d bytes, at most %d", len(body), maxOffset)
	}

	// Hash slots, filled in record order with linear probing.
	nslots := 0
	if len(groups) > 0 {
		nslots = max(len(groups)*100/LoadPercent, len(groups)+1)
	}
	slots := make([]uint32, nslots)
	for _, g := range groups {
		h := Hash(g.form)
		i := Slot(h, uint64(nslots))
		for slots[i] != 0 {
			i++
			if i == uint64(nslots) {
				i = 0
			}
		}
		slots[i] = Tag(h)<<24 | uint32(g.off+1)
	}

	out := make([]byte, headerSize, headerSize+4*len(kinds)+len(body)+4*nslots)
	copy(out, Magic)
	le := binary.LittleEndian
	le.PutUint32(out[4:], uint32(len(recs)))
	le.PutUint32(out[8:], uint32(len(groups)))
	le.PutUint32(out[12:], uint32(nslots))
	le.PutUint32(out[16:], uint32(len(kinds)))
	le.PutUint32(out[20:], uint32(len(body)))
	le.PutUint32(out[24:], uint32(kw))
	for _, k := range kinds {
		out = le.AppendUint32(out, k)
	}
	out = append(out, body...)
	for _, s := range slots {
		out = le.AppendUint32(out, s)
	}
	return out, nil
}

// CheckForm reports why form cannot be stored in a table, or nil.
func CheckForm(form string) error {
	switch {
	case form == "":
		return fmt.Errorf("table: empty form")
	case len(form) > MaxFormLen:
		return fmt.Errorf("table: form %.20q… is %d bytes long, at most %d", form, len(form), MaxFormLen)
	case !utf8.ValidString(form):
		return fmt.Errorf("table: form %q is not valid UTF-8", form)
	case strings.ContainsRune(form, utf8.RuneError):
		return fmt.Errorf("table: form %q contains U+FFFD", form)
	case strings.ContainsRune(form, rightQuote):
		return fmt.Errorf("table: form %q contains ’ (store ')", form)
	}
	return nil
}
