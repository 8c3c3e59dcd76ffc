package casing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copyedit/copyedit/normalize"
)

// articles judges the articles the scan found, once every other rule has
// spoken, so that the next word is judged as it will be written ("a x" whose
// "x" becomes "X" gets "an").
func (w *walker) articles() {
	if len(w.s.arts) == 0 {
		return
	}
	var fixed map[int]string
	for _, c := range w.s.cands {
		if c.conf >= w.sure {
			if fixed == nil {
				fixed = map[int]string{}
			}
			if _, ok := fixed[c.tok]; !ok {
				fixed[c.tok] = c.new
			}
		}
	}
	for _, i := range w.s.arts {
		text := w.tokText(i)
		if w.article(i, text, fixed) {
			continue
		}
		if w.toks[i].Is(normalize.SentenceStart) && !startsUpper(text) && w.freeStart(i) && !w.listKept(i) {
			w.add(i, capFirst(text), RuleSentenceStart, 0.9, "capitalise the first word of a sentence")
		}
	}
}

// article checks the indefinite article at token i ("a", "an", "A", "An")
// against the sound of the next word: "a interesting" → "an interesting",
// "an custom" → "a custom". It goes by sound, not letter: "a Ukrainian",
// "a one-time", "an hour", "an MBA" stay. fixed holds the new text of the
// tokens other rules change. It reports whether it proposed an edit.
func (w *walker) article(i int, text string, fixed map[int]string) bool {
	var isAn bool
	switch text {
	case "a", "A":
	case "an", "An":
		isAn = true
	default:
		return false
	}
	t := w.toks[i]
	if startsUpper(text) && t.Flags&(normalize.SentenceStart|normalize.LineStart) == 0 {
		return false // "Vitamin A", "Plan A"
	}
	switch w.punct(i - 1) {
	case '-', '’', '\'', '.', '&', '/':
		return false
	}
	if w.punct(i+1) == '-' || i+2 >= len(w.toks) || w.toks[i+1].Kind != normalize.Space {
		return false
	}
	j := i + 2
	if isOpening(w.punct(j)) && w.punct(j) != '—' && w.punct(j) != '–' {
		j++
	}
	if j >= len(w.toks) {
		return false
	}
	next, ok := fixed[j]
	if !ok {
		next = w.tokText(j)
		// The common case, decided by the first letter alone: "a" before a
		// lower-case word that starts with a consonant letter that
		// sounds.txt has no entry for, "an" before one that starts with
		// "a" or "i".
		if t := w.toks[j]; t.Kind == normalize.Word && t.Flags&(normalize.Lower|normalize.Technical) == normalize.Lower && len(next) >= 2 {
			c := next[0]
			if isAn && (c == 'a' || c == 'i') || !isAn && 'b' <= c && c <= 'z' && !soundFirst[c] && !isVowel(c) {
				return false
			}
		}
	}
	if strings.EqualFold(next, "a") || strings.EqualFold(next, "an") {
		return false // "a a": a doubled word, not a question of sound
	}
	snd, conf := w.c.soundOf(next, w.text, w.toks, j)
	if !(snd == soundVowel && !isAn) && !(snd == soundConsonant && isAn) {
		return false
	}
	// Only in English: "Le gouvernement a annoncé une réforme" has a
	// French "a". A next word that is not English (unknown to the
	// lexicon, not an acronym, a number or one of the document's names)
	// makes the edit a suggestion at most.
	if w.foreign(i) {
		return false
	}
	if !w.englishWord(j, next) {
		conf = min(conf, 0.4)
	}
	var want string
	switch {
	case snd == soundVowel && !isAn:
		want = "an"
	case snd == soundConsonant && isAn:
		want = "a"
		if r, _ := utf8.DecodeRuneInString(next); r == 'h' || r == 'H' {
			conf = min(conf, 0.45) // "an historic" is old but not wrong
		}
	default:
		return false
	}
	if text == "A" || text == "An" || t.Is(normalize.SentenceStart) && w.freeStart(i) {
		want = capFirst(want)
	}
	msg := "use “an” before a vowel sound"
	if want == "a" || want == "A" {
		msg = "use “a” before a consonant sound"
	}
	w.add(i, want, RuleArticle, conf, msg)
	return true
}

// englishWord reports whether token j, written s, is an English word for
// the article rule: a number, an abbreviation, an acronym or initialism, a
// word the lexicon knows in any case, or a name the document writes with a
// capital mid-sentence.
func (w *walker) englishWord(j int, s string) bool {
	t := w.toks[j]
	if t.Kind != normalize.Word || t.Is(normalize.Technical) {
		return true // numbers, abbreviations: judged by soundOf
	}
	base, _ := splitPossessive(s)
	if shapeOf(base) == shapeUpper || shapeOf(base) == shapeMixedLower || utf8.RuneCountInString(base) == 1 || w.c.known(base) {
		return true
	}
	var buf [64]byte
	key := lowerKey(buf[:0], base)
	e := w.st.ev.find(keyHash(key), key)
	return e >= 0 && w.st.ev.entries[e].caps > 0
}

// soundOf returns how token j, written s, begins to sound, and how sure
// that is.
func (c *Caser) soundOf(s, text string, toks []normalize.Token, j int) (sound, float64) {
	t := toks[j]
	switch t.Kind {
	case normalize.Number:
		return numberSound(s), 0.8
	case normalize.Abbrev:
		// Dotted initialisms are spoken letter by letter: "a U.S. envoy",
		// "an F.B.I. agent"; titles ("Dr.") are not judged.
		if strings.Count(s, ".") >= 2 {
			r, _ := utf8.DecodeRuneInString(s)
			return letterSound(r), 0.8
		}
		return soundUnknown, 0
	case normalize.Word:
	default:
		return soundUnknown, 0
	}
	first, _ := utf8.DecodeRuneInString(s)
	next := normalize.Kind(255)
	if j+1 < len(toks) {
		next = toks[j+1].Kind
		if next == normalize.Punct && text[toks[j+1].Start] == '-' {
			next = 254 // a hyphen follows: "X-ray", "U-turn"
		}
	}
	switch shapeOf(s) {
	case shapeUpper:
		// An initialism is spoken letter by letter ("an MBA", "an FBI"), an
		// acronym as a word ("a NATO summit"): decide only when both
		// readings agree, or when it has no vowel to be read as a word.
		if t.Is(normalize.Technical) {
			return soundUnknown, 0
		}
		ls := letterSound(first)
		if !strings.ContainsAny(s, "AEIOU") {
			return ls, 0.85
		}
		var buf [64]byte
		if ws, _ := c.wordSound(lowerKey(buf[:0], s)); ws == ls {
			return ls, 0.8
		}
		return soundUnknown, 0
	case shapeMixedLower:
		// "iPhone", "eBay", "mRNA": the first letter is spoken as a letter.
		return letterSound(first), 0.85
	}
	if utf8.RuneCountInString(s) == 1 {
		if next == 254 || (unicode.IsUpper(first) && first != 'I') { // "I" may be the pronoun
			return letterSound(first), 0.8 // "an X-ray", "a U-turn"
		}
		return soundUnknown, 0
	}
	if t.Is(normalize.Technical) {
		return soundUnknown, 0
	}
	base, _ := splitPossessive(s)
	var buf [64]byte
	snd, fromData := c.wordSound(lowerKey(buf[:0], base))
	switch {
	case snd == soundUnknown || snd == soundEither:
		return soundUnknown, 0
	case fromData:
		return snd, 0.9
	case !c.known(base):
		if first == 'u' || first == 'U' {
			return snd, 0.4
		}
		return snd, 0.6 // made a suggestion by article unless a name of the document
	}
	return snd, 0.9
}

// wordSound returns how a lower-case word begins to sound and whether the
// data file said so (rather than the spelling rules).
func (c *Caser) wordSound(w []byte) (sound, bool) {
	if len(w) > 0 && !soundFirst[w[0]] && w[0] < utf8.RuneSelf {
		goto letters
	}
	for _, r := range soundRules() {
		if len(w) >= len(r.prefix) && string(w[:len(r.prefix)]) == r.prefix && (!r.whole || len(w) == len(r.prefix)) {
			return r.sound, true
		}
	}
letters:
	if len(w) == 0 {
		return soundUnknown, false
	}
	switch w[0] {
	case 'a', 'e', 'i', 'o':
		return soundVowel, false
	case 'u':
		// "u", one consonant, a vowel: /ju/ ("unit", "usual", "Utah");
		// otherwise a vowel ("umbrella", "urban", "utter").
		if len(w) >= 3 && !isVowel(w[1]) && isVowel(w[2]) {
			return soundConsonant, false
		}
		return soundVowel, false
	}
	if w[0] >= 'b' && w[0] <= 'z' {
		return soundConsonant, false
	}
	return soundUnknown, false
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// letterSound is how the name of a letter begins: "an F", "a U", "an M".
func letterSound(r rune) sound {
	switch unicode.ToUpper(r) {
	case 'A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X':
		return soundVowel
	}
	if r < utf8.RuneSelf && unicode.IsLetter(r) {
		return soundConsonant
	}
	return soundUnknown
}

// numberSound is how a number written in digits begins to sound: "an 8",
// "an 11-year-old", "an 18th", "an 1800s"; "a 100", "a 46-year-old".
func numberSound(s string) sound {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return soundUnknown
	}
	if s[0] == '8' {
		return soundVowel
	}
	if s[0] != '1' || len(s) < 2 || (s[1] != '1' && s[1] != '8') {
		return soundConsonant
	}
	// 11… and 18…: "eleven", "eighteen", "eleven thousand", "eighteen
	// hundreds" – but "a hundred and ten" (110) and "one hundred eighty" (180).
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	rest := s[digits:]
	switch {
	case digits == 2, digits == 4:
		return soundVowel
	case digits == 3:
		return soundConsonant
	case digits == 5 || digits == 6:
		return soundUnknown
	case strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "."):
		return soundVowel
	}
	return soundUnknown
}

func toLower(r rune) rune { return unicode.ToLower(r) }
