package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// repeatKey keys the Normalizer's repeated-paragraph state in a document's
// State; cleanedRepeatKey keys the Repeats pass's, which compares the
// paragraphs as cleaned.
type (
	repeatKey        struct{}
	cleanedRepeatKey struct{}
)

// repeatState remembers the last paragraph kept, cleaned, across chunks.
type repeatState struct {
	last string
}

// dropRepeats replaces the edits of a paragraph that repeats the previous one
// (after the character rules, with runs of spaces read as one and case
// ignored) by one edit that deletes it with the break before it: the headline
// a scraper caught twice is the common case.
func dropRepeats(s string, edits []Edit, rs *repeatState, continued bool) []Edit {
	out := make([]Edit, 0, len(edits))
	k := 0       // next edit not yet copied
	prevEnd := 0 // end of the last paragraph kept in this chunk
	first := true
	for from := 0; ; {
		ps, pe := nextParagraph(s, from)
		if ps < 0 {
			break
		}
		for k < len(edits) && edits[k].End <= ps {
			out = append(out, edits[k])
			k++
		}
		j := k
		for j < len(edits) && edits[j].Start < pe {
			j++
		}
		straddles := j > k && (edits[k].Start < ps || edits[j-1].End > pe)
		key := ""
		if !straddles {
			key = paragraphKey(s[ps:pe], edits[k:j], ps)
		}
		switch {
		case (first && continued) || straddles:
			// The chunk starts inside a paragraph not seen whole, or an edit
			// crosses the paragraph's edge: nothing to compare with.
			rs.last = ""
			out = append(out, edits[k:j]...)
			prevEnd = pe
		case sameParagraph(key, rs.last) && hasLetter(key):
			// Edits of the paragraph kept end by prevEnd, so none is lost.
			for len(out) > 0 && out[len(out)-1].End > prevEnd {
				out = out[:len(out)-1]
			}
			if n := len(out); n > 0 && out[n-1].Rule == RuleRepeatedParagraph && out[n-1].End == prevEnd {
				out[n-1].End = pe
			} else {
				out = append(out, Edit{Start: prevEnd, End: pe, Rule: RuleRepeatedParagraph, Message: "drop a paragraph that repeats the one before it"})
			}
			prevEnd = pe
		default:
			rs.last = key
			out = append(out, edits[k:j]...)
			prevEnd = pe
		}
		k, first, from = j, false, pe
	}
	return append(out, edits[k:]...)
}

// Repeats is the pass that drops a paragraph repeating the one before it,
// as the Normalizer does unless built with KeepRepeatedParagraphs. Run last in
// a pipeline, it compares paragraphs as the other passes left them, so that a
// paragraph that becomes a repeat only once cleaned ("Teh end" before "The
// end") is dropped in the same run, and cleaning the output again changes
// nothing. Keep the Normalizer's own rule on too: a repeat it drops first is
// never read by the passes between, whose evidence (a word used three
// times, a capital) must not count paragraphs the output will not have.
// It is named "normalize", like the Normalizer, and safe for
// concurrent use.
type Repeats struct{}

// NewRepeats returns the repeated-paragraph pass.
func NewRepeats() *Repeats { return &Repeats{} }

// Name returns "normalize".
func (*Repeats) Name() string { return "normalize" }

// Edits returns the deletion of every paragraph of d that repeats the one
// before it.
func (*Repeats) Edits(d *Doc) []Edit {
	st := Load(d.State(), cleanedRepeatKey{}, func() *repeatState { return &repeatState{} })
	return dropRepeats(d.Text, nil, st, d.Continued)
}

// nextParagraph returns the next paragraph of s at or after from: the start
// of its first non-blank line and the end of its last line, before the line
// end. ps is -1 when there is none.
func nextParagraph(s string, from int) (ps, pe int) {
	ps = -1
	for i := from; i < len(s); {
		lineEnd, next := lineAt(s, i)
		blank := isBlank(s[i:lineEnd])
		switch {
		case ps < 0 && !blank:
			ps, pe = i, lineEnd
		case ps >= 0 && blank:
			return ps, pe
		case ps >= 0:
			pe = lineEnd
		}
		i = next
	}
	return ps, pe
}

// lineAt returns the end of the line starting at i (before its line end) and
// the start of the next line.
func lineAt(s string, i int) (end, next int) {
	for j := i; j < len(s); {
		j = skipNoBreak(s, j)
		if j == len(s) {
			break
		}
		c := s[j]
		switch {
		case c == '\n' || c == '\v' || c == '\f':
			return j, j + 1
		case c == '\r':
			if j+1 < len(s) && s[j+1] == '\n' {
				return j, j + 2
			}
			return j, j + 1
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == '\u0085' || r == '\u2028' || r == '\u2029' {
				return j, j + size
			}
			j += size
		default:
			j++
		}
	}
	return len(s), len(s)
}

// skipNoBreak returns the offset of the first byte at or after i that may
// be or start a line break, or len(s): ASCII from '\r'+1 up is none. It
// tests eight bytes at a time.
func skipNoBreak(s string, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// A byte below '\r'+1 borrows into its high bit; one from 0x80 up
		// has it set.
		if (x-('\r'+1)*ones|x)&highs != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c <= '\r' || c >= utf8.RuneSelf {
			return i
		}
	}
	return i
}

// isBlank reports whether a line holds only white space and invisible characters.
func isBlank(line string) bool {
	for _, r := range line {
		switch classify(r, utf8.RuneLen(r)) {
		case hspace, spaceChar, invisible:
		default:
			return false
		}
	}
	return true
}

// paragraphKey returns the paragraph p, which starts at offset base, with its
// edits made. Keys are compared by sameParagraph.
func paragraphKey(p string, edits []Edit, base int) string {
	if len(edits) == 0 {
		return p
	}
	shifted := make([]Edit, len(edits))
	for i, e := range edits {
		e.Start -= base
		e.End -= base
		shifted[i] = e
	}
	return Apply(p, shifted)
}

// sameParagraph reports whether the keys a and b are the same paragraph:
// equal under simple Unicode case folding (as strings.EqualFold), with runs
// of spaces read as one. It builds no string: most paragraphs differ from
// the one before in their first bytes.
func sameParagraph(a, b string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, cb := a[i], b[j]
		if ca == ' ' || cb == ' ' {
			if ca != cb {
				return false
			}
			for i < len(a) && a[i] == ' ' {
				i++
			}
			for j < len(b) && b[j] == ' ' {
				j++
			}
			continue
		}
		if ca < utf8.RuneSelf && cb < utf8.RuneSelf {
			if ca != cb && lowerASCII(ca) != lowerASCII(cb) {
				return false
			}
			i, j = i+1, j+1
			continue
		}
		ra, na := utf8.DecodeRuneInString(a[i:])
		rb, nb := utf8.DecodeRuneInString(b[j:])
		if !strings.EqualFold(string(ra), string(rb)) {
			return false
		}
		i, j = i+na, j+nb
	}
	return i == len(a) && j == len(b)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
