package normalize

import (
	"slices"
	"strings"
)

// span is a change of one chunk under way: orig[OS:OE] of the chunk's
// original text became cur[CS:CE] of its current text.
type span struct {
	os, oe, cs, ce int
	rule           string
	conf           float64
	alts           []string
	msg            string
}

// tracker follows a chunk through the passes: its original text, its current
// text and the changes between them, sorted and disjoint.
type tracker struct {
	orig, cur string
	spans     []span
	suggested []span // suggestions, in original coordinates, with cur unused
	sugNew    []string
}

// overlaps reports whether a span [cs, ce) and an edit [s, e) of the current
// text touch the same text, so that they must be reported as one change.
// Adjacent spans do not overlap; an empty one overlaps only what it is
// strictly inside of.
func overlaps(cs, ce, s, e int) bool {
	switch {
	case cs == ce && s == e:
		return false
	case s == e:
		return cs < s && s < ce
	case cs == ce:
		return s < cs && cs < e
	}
	return s < ce && cs < e
}

// apply makes edits (valid for t.cur) and folds them into t.spans.
func (t *tracker) apply(edits []Edit) {
	if len(edits) == 0 {
		return
	}
	next := Apply(t.cur, edits)
	out := make([]span, 0, len(t.spans)+len(edits))
	old := t.spans
	shift := 0 // growth of the text from the edits already folded
	delta := 0 // (len cur - len orig) of the old spans already passed
	i := 0
	for k := 0; k < len(edits); {
		e := edits[k]
		// Old spans wholly before this edit keep their text, shifted.
		for i < len(old) && !overlaps(old[i].cs, old[i].ce, e.Start, e.End) && spanFirst(old[i], e) {
			sp := old[i]
			delta += (sp.ce - sp.cs) - (sp.oe - sp.os)
			sp.cs += shift
			sp.ce += shift
			out = append(out, sp)
			i++
		}
		// Gather the cluster of edits and old spans that overlap each other.
		lo, hi := e.Start, e.End
		olo := e.Start - delta
		clusterDelta := 0 // (len cur - len orig) of old spans in the cluster
		growth := 0       // growth of the text from the cluster's edits
		var rules, msgs []string
		conf := 1.0
		var alts []string
		addEdit := func(e Edit) {
			rules = append(rules, e.Rule)
			msgs = append(msgs, e.Message)
			conf = min(conf, e.Sure())
			growth += len(e.New) - (e.End - e.Start)
			if alts == nil {
				alts = e.Alternatives
			}
			lo, hi = min(lo, e.Start), max(hi, e.End)
		}
		addEdit(e)
		k++
		for {
			grew := false
			for i < len(old) && overlaps(old[i].cs, old[i].ce, lo, hi) {
				sp := old[i]
				if sp.cs < lo {
					olo = sp.os // the cluster starts inside this span
				}
				lo, hi = min(lo, sp.cs), max(hi, sp.ce)
				clusterDelta += (sp.ce - sp.cs) - (sp.oe - sp.os)
				rules = append([]string{sp.rule}, rules...)
				msgs = append([]string{sp.msg}, msgs...)
				conf = min(conf, sp.conf)
				i++
				grew = true
			}
			for k < len(edits) && overlaps(lo, hi, edits[k].Start, edits[k].End) {
				addEdit(edits[k])
				k++
				grew = true
			}
			if !grew {
				break
			}
		}
		ohi := olo + (hi - lo) - clusterDelta
		sp := span{
			os: olo, oe: ohi,
			cs: lo + shift, ce: hi + shift + growth,
			rule: joinUnique(rules, "+"), conf: conf, alts: alts, msg: joinUnique(msgs, "; "),
		}
		if len(rules) > 1 {
			sp.alts = nil // alternatives of one edit do not fit a merged change
		}
		delta += clusterDelta
		shift += growth
		out = append(out, sp)
	}
	for ; i < len(old); i++ {
		sp := old[i]
		sp.cs += shift
		sp.ce += shift
		out = append(out, sp)
	}
	t.cur = next
	t.spans = out
}

// spanFirst reports whether old span sp, which does not overlap edit e, comes
// before it. At a shared point an insertion edit goes after an empty span
// (a deletion) and before a non-empty one.
func spanFirst(sp span, e Edit) bool {
	if sp.ce < e.Start {
		return true
	}
	if sp.cs > e.Start {
		return false
	}
	// sp.ce >= e.Start and sp.cs <= e.Start
	if sp.cs == sp.ce {
		return sp.cs <= e.Start
	}
	return sp.ce <= e.Start && !(e.Start == e.End && sp.cs == e.Start)
}

// suggest records edits that are not made, mapped to the original text.
// An edit inside text that an earlier pass changed is widened to that change.
func (t *tracker) suggest(edits []Edit) {
	for _, e := range edits {
		lo, hi := e.Start, e.End
		delta, clusterDelta := 0, 0
		olo := -1
		for _, sp := range t.spans {
			switch {
			case overlaps(sp.cs, sp.ce, lo, hi):
				if olo < 0 && sp.cs < lo {
					olo = sp.os
				}
				lo, hi = min(lo, sp.cs), max(hi, sp.ce)
				clusterDelta += (sp.ce - sp.cs) - (sp.oe - sp.os)
			case spanFirst(sp, e):
				delta += (sp.ce - sp.cs) - (sp.oe - sp.os)
			}
		}
		if olo < 0 {
			olo = lo - delta
		}
		prefix, suffix := t.cur[lo:e.Start], t.cur[e.End:hi]
		s := span{os: olo, oe: olo + (hi - lo) - clusterDelta, rule: e.Rule, conf: e.Sure(), msg: e.Message}
		for _, a := range e.Alternatives {
			s.alts = append(s.alts, prefix+a+suffix)
		}
		t.suggested = append(t.suggested, s)
		t.sugNew = append(t.sugNew, prefix+e.New+suffix)
	}
}

// joinUnique joins the distinct non-empty strings of list with sep.
func joinUnique(list []string, sep string) string {
	if len(list) == 1 {
		return list[0]
	}
	var uniq []string
	for _, r := range list {
		if r != "" && !slices.Contains(uniq, r) {
			uniq = append(uniq, r)
		}
	}
	return strings.Join(uniq, sep)
}
