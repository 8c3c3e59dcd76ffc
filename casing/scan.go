package casing

import (
	"sync"
	"unicode/utf8"

	"github.com/copyedit/copyedit/internal/wordhash"
	"github.com/copyedit/copyedit/lexicon"
	"github.com/copyedit/copyedit/normalize"
)

// index lists the chunk's line ends and its words that have a case: the
// one pass over every token.
func (w *walker) index() {
	toks := w.toks
	words, nls := w.s.words, w.s.nls
	for i := range toks {
		switch t := &toks[i]; t.Kind {
		case normalize.Newline:
			nls = append(nls, int32(i))
		case normalize.Word:
			if t.Flags&normalize.Technical == 0 && t.Flags&(normalize.Lower|normalize.Title|normalize.Upper|normalize.Mixed) != 0 {
				words = append(words, int32(i))
			}
		}
	}
	w.s.words, w.s.nls = words, nls
}

// scanCursor is where scan is: the heading cursor of inHeading, and the
// last token of the phrase matched last.
type scanCursor struct {
	hp, skipPhrase int
}

// scan runs the word rules over every word in lower case or with a
// capital first: sentence starts, "i", proper nouns, given names, phrases
// and a/an. The common word, ASCII, of 3 to 16 letters, with nothing for
// any rule to do but to be counted among the lower-case words, is decided
// in the loop, without a call; every other goes to scanWord.
func (w *walker) scan() {
	toks, text := w.toks, w.text
	sc := scanCursor{skipPhrase: -1}
	pbf, confs := w.c.phraseBF, w.c.tables.caps.confs
	evb, plain := w.st.ev.bloom, &w.st.ev.plain
	stops := givenStops()
	named := len(w.c.names) > 0
	var kb [64]byte
	for _, i32 := range w.s.words {
		i := int(i32)
		t := &toks[i]
		start, end, flags := t.Start, t.End, t.Flags
		if flags&(normalize.Lower|normalize.Title) == 0 {
			continue
		}
		n := end - start
		// Articles, "i" and its contractions, possessives, long words,
		// words near the end of the text and sentence starts go the long
		// way.
		if n > 16 || start+16 > len(text) || flags&normalize.SentenceStart != 0 || named {
			w.scanWord(i, &sc, &kb)
			continue
		}
		if c := text[start]; (c == 'a' || c == 'A') && (n == 1 || n == 2 && text[start+1] == 'n') ||
			c == 'i' && (n == 1 || text[start+1] == '\'') ||
			n >= 3 && text[end-2] == '\'' && text[end-1]|0x20 == 's' {
			w.scanWord(i, &sc, &kb)
			continue
		}
		m := &keyMasks[n]
		k0, k1 := load64(text, start)&m[0], load64(text, start+8)&m[1]
		if (k0|k1)&wordhash.High8 != 0 {
			w.scanWord(i, &sc, &kb)
			continue
		}
		k0, k1 = wordhash.Lower8(k0), wordhash.Lower8(k1)
		h := mix16(k0, k1, n)
		if i > sc.skipPhrase && pbf.has(h) {
			w.scanWord(i, &sc, &kb)
			continue
		}
		if flags&normalize.Lower == 0 {
			continue
		}
		if bloomHas(confs, h) {
			w.scanWord(i, &sc, &kb)
			continue
		}
		// midSentence, for the common cases: after a word, a comma, a
		// number.
		mid := false
		if !w.inHeading(i, &sc.hp) && flags&(normalize.LineStart|normalize.ParaStart) == 0 {
			if i < 2 || toks[i-1].Kind != normalize.Space {
				w.scanWord(i, &sc, &kb)
				continue
			}
			switch p := &toks[i-2]; p.Kind {
			case normalize.Word:
				mid = true
			case normalize.Punct:
				c := text[p.Start]
				if c >= utf8.RuneSelf {
					w.scanWord(i, &sc, &kb)
					continue
				}
				mid = c != ':' && c != '"' && c != '\'' && c != '(' && c != '['
			case normalize.Space, normalize.Newline:
				w.scanWord(i, &sc, &kb)
				continue
			default:
				mid = true
			}
			if mid && len(evb) > 0 && evb.has(h) {
				if !plain.has(k0, k1, n, h) {
					w.scanWord(i, &sc, &kb)
					continue
				}
				mid = false // an ordinary word: its counts do not matter
			}
		}
		// A capitalised word after it: the given-name rule applies, but
		// to a minor word or a particle ("in London", "the President",
		// "van Gogh"), which it never capitalises.
		if i+2 < len(toks) && toks[i+1].Kind == normalize.Space && toks[i+2].Kind == normalize.Word && toks[i+2].Flags&(normalize.Title|normalize.Upper|normalize.Mixed) != 0 && !stops.has(k0, k1, n, h) {
			w.scanWord(i, &sc, &kb)
			continue
		}
		if mid {
			w.s.lowAll = append(w.s.lowAll, lowRef{tok: int32(i), entry: -1, hash: h})
		}
	}
}

// givenStops are the words givenName never capitalises whatever their
// context: the minor words and the name particles.
var givenStops = sync.OnceValue(func() *plainSet {
	p := &plainSet{}
	for _, m := range []set{minorChicago(), particles()} {
		for k := range m {
			if len(k) <= 16 {
				k0, k1 := pack([]byte(k))
				p.add(k0, k1, len(k))
			}
		}
	}
	return p
})

// scanWord runs the word rules on word token i, a word in lower case or
// with a capital first.
func (w *walker) scanWord(i int, sc *scanCursor, kb *[64]byte) {
	toks := w.toks
	t := &toks[i]
	text := w.text[t.Start:t.End]
	if len(text) <= 2 && (text[0]|0x20) == 'a' && (text == "a" || text == "A" || text == "an" || text == "An") {
		w.s.arts = append(w.s.arts, i) // judged last, when the next word's case is known
		return
	}
	key, h := w.wordKey(t.Start, t.End, kb)
	if i > sc.skipPhrase && w.c.phraseBF.has(h) {
		if end := w.phrase(i, key); end > 0 {
			sc.skipPhrase = end
		}
	}
	if !t.Is(normalize.Lower) {
		return
	}
	if text[0] == 'i' && w.pronounI(i, text) {
		return
	}
	if t.Is(normalize.SentenceStart) {
		w.sentenceStart(i, text)
		return
	}
	heading := w.inHeading(i, &sc.hp)
	base, suf := splitPossessive(text)
	if len(w.c.names) > 0 {
		if n, ok := w.c.names[string(key)]; ok {
			w.add(i, recase(base, n)+suf, RuleProperNoun, 0.95, "write this name as it is written in the names list")
			return
		}
	}
	if ci, ok := w.c.tables.caps.lookupConf(h, key); ok {
		w.add(i, recase(base, ci.form)+suf, RuleProperNoun, ci.conf, "capitalise a proper noun")
	}
	if !heading && w.midSentence(i) {
		if e := w.st.ev.find(h, key); e >= 0 {
			// An ordinary word ("the" of "The Hague") is never
			// capitalised on evidence: its counts do not matter.
			if w.entryInfo(&w.st.ev.entries[e])&infoPlain != 0 {
				if len(key) <= 16 {
					k0, k1 := pack(key)
					w.st.ev.plain.add(k0, k1, len(key))
				}
				goto given
			}
			w.bump(e, 0, 1)
			w.s.lowIdx = append(w.s.lowIdx, lowRef{tok: int32(i), entry: int32(e), hash: h})
		} else {
			w.s.lowAll = append(w.s.lowAll, lowRef{tok: int32(i), entry: -1, hash: h})
		}
	}
given:
	if j := w.nextWordAfterSpace(i); j >= 0 && startsWordUpper(&toks[j], w.text) && toks[j].Flags&(normalize.SentenceStart|normalize.Technical) == 0 {
		ci, inCaps := w.c.tables.lookup(h, key)
		w.givenName(i, j, base, suf, ci, inCaps)
	}
}

// startsWordUpper is startsUpper for a word token, from its flags where
// they tell: a word of lower-case letters only does not.
func startsWordUpper(t *normalize.Token, text string) bool {
	if t.Flags&(normalize.Title|normalize.Upper|normalize.Mixed) == 0 {
		return false
	}
	if c := text[t.Start]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	return startsUpper(t.Text(text))
}

// sentenceStart capitalises the first word of a sentence or paragraph.
// Words written lower case by design ("iPhone", "eBay") have a capital
// inside and are never Lower, so they are never seen here.
func (w *walker) sentenceStart(i int, text string) {
	base, suf := splitPossessive(text)
	// A list marker ("a) first", "i. one") is not a word, and a word glued
	// to punctuation other than an opening quote, bracket or dash (":d",
	// which the tokenizer reads as an emoticon once it is ":D") starts no
	// sentence.
	if r := w.punct(i + 1); utf8.RuneCountInString(base) == 1 && (r == '.' || r == ')') {
		return
	}
	if !w.freeStart(i) || w.listKept(i) {
		return
	}
	w.s.buf = lowerKey(w.s.buf, base)
	if ci, ok := w.caps(w.s.buf); ok && ci.shape == shapeMixedLower && ci.lowLevel == 0 {
		return // "iphone" at a sentence start: neither "Iphone" nor certain
	}
	conf := 0.9
	if p := w.prevSolid(i); p >= 0 && isClosingPunct(w.punct(p)) {
		conf = 0.7 // after a closing quote: ".” the" may continue a quotation
	}
	w.add(i, w.capitalised(base)+suf, RuleSentenceStart, conf, "capitalise the first word of a sentence")
}

// pronounI capitalises the pronoun "i" and its contractions.
func (w *walker) pronounI(i int, text string) bool {
	switch text {
	case "i", "i’m", "i'm", "i’ve", "i've", "i’ll", "i'll", "i’d", "i'd":
	default:
		return false
	}
	switch w.punct(i - 1) {
	case '(', '-', '.', '/', '’', '\'':
		return true
	}
	switch w.punct(i + 1) {
	case ')', '-', '.', '/':
		return true
	}
	w.add(i, "I"+text[1:], RulePronounI, 0.85, "write the pronoun I in capitals")
	return true
}

// givenName capitalises a lower-case given name before a capitalised
// surname: "mark Rutte", "elena Ivanova", "priya Raghunathan". The word
// alone does not decide: "mark", "will", "may" are names far less often
// than words, so they need a surname that is nothing but a name and a
// context that says name (a title before them). A word no gazetteer knows
// is a given name only where it does not look like a typo ("badyl",
// "wiht") and the text around is English ("Wir haben keine Zeit"). Never
// after a determiner ("the badyl Ivanova team") or an auxiliary verb
// ("could embloden Putin"), or before an acronym ("the Spanish union
// COAG").
func (w *walker) givenName(i, j int, base, suf string, ci capInfo, inCaps bool) {
	if minorChicago()[base] || particles()[base] || utf8.RuneCountInString(base) < 2 || !onlyLetters(base) {
		return
	}
	wLow := w.c.lowerLevel(base)
	switch {
	case inCaps && !ci.given:
		return
	case !inCaps && (wLow != 0 || utf8.RuneCountInString(base) < 3 || w.c.known(base)):
		return // an ordinary word with no capitalised form: "said"
	}
	sur, _ := splitPossessive(w.written(j))
	if shapeOf(sur) == shapeUpper || w.afterFunctionWord(i) {
		return
	}
	sKey := string(lowerKey(nil, sur))
	if places()[sKey] || w.c.common(sKey) {
		return
	}
	// strong: the surname is nothing but a name (unknown to the lexicon,
	// or only a proper name).
	sci, sInCaps := w.c.tables.lookupString(sKey)
	strong := !w.c.known(sur) || (sInCaps && sci.lowLevel == 0 && sci.class == lexicon.ProperName)
	switch {
	case !inCaps:
		if !strong && !(sInCaps && sci.lowLevel == 0) {
			return
		}
		// Before two capitalised words it is more likely a title or job,
		// misspelt or not ("Russian presdient Vladimir Putin").
		if k := w.nextWordAfterSpace(j); k >= 0 && startsUpper(w.written(k)) && !w.toks[k].Is(normalize.SentenceStart) {
			return
		}
		if w.foreign(i) {
			return
		}
		conf := 0.65
		if w.c.typoLike(base) {
			conf = 0.4 // "wiht Squibb": more likely "with" than a name
		}
		w.add(i, capFirst(base)+suf, RuleGivenName, conf, "capitalise a given name before a surname")
	case wLow != 0 && wLow <= 60:
		// An ordinary word before two capitalised words is more likely a
		// title or job ("lead singer Maren Solberg") than a given name;
		// after a lower-case word it is more likely a verb ("fans love
		// Okonkwo", "will Okonkwo play"), after a comma or a colon a word
		// of a list ("Fees, boulder PayPal"). A name follows a title
		// ("General mark Rutte": a capitalised ordinary word) or a title
		// abbreviation ("Dr.").
		if k := w.nextWordAfterSpace(j); k >= 0 && startsUpper(w.tokText(k)) {
			return
		}
		p := w.prevSolid(i)
		switch {
		case p < 0:
			return
		case w.toks[p].Kind == normalize.Abbrev:
		case w.toks[p].Kind == normalize.Word && w.toks[p].Flags&(normalize.SentenceStart|normalize.Technical) == 0 && shapeOf(w.written(p)) == shapeTitle && w.c.commonFold(w.written(p)):
		default:
			return
		}
		if strong {
			w.add(i, recase(base, ci.form)+suf, RuleGivenName, 0.7, "capitalise a given name before a surname")
		}
	case wLow == 0 || int(ci.capLevel)+20 <= int(wLow):
		w.add(i, recase(base, ci.form)+suf, RuleGivenName, 0.9, "capitalise a given name before a surname")
	}
}

// phrase restores a multi-word name from the gazetteer when one of its
// words has lost its capital: "cold War" → "Cold War". key is the lower-case
// key of token i's word. It returns the index of the phrase's last token,
// or 0 when none matches.
func (w *walker) phrase(i int, key []byte) int {
	for _, p := range w.c.phrases[string(key)] {
		if end := w.matchPhrase(i, p); end > 0 {
			return end
		}
	}
	return 0
}

// matchPhrase matches p at token i; see phrase.
func (w *walker) matchPhrase(i int, p phrase) int {
	toks := w.toks
	var idx [8]int
	if len(p.words) > len(idx) {
		return 0
	}
	j := i
	for k, word := range p.words {
		if k > 0 {
			if j+2 >= len(toks) || toks[j+1].Kind != normalize.Space || w.tokText(j+1) != " " || toks[j+2].Kind != normalize.Word {
				return 0
			}
			j += 2
		}
		text := w.tokText(j)
		if k == len(p.words)-1 {
			text, _ = splitPossessive(text)
		}
		if !equalFold(text, word) {
			return 0
		}
		idx[k] = j
	}
	wrong := 0
	for k, word := range p.words {
		if !startsUpper(w.tokText(idx[k])) && startsUpper(word) {
			wrong++
		}
	}
	if wrong == 0 {
		return j
	}
	// Evidence that the phrase is a name here: one of its words already
	// capitalised where the position does not explain it.
	evidence := 0
	for k, word := range p.words {
		if startsUpper(w.tokText(idx[k])) && !(k == 0 && !w.midSentence(idx[k])) && startsUpper(word) {
			evidence++
		}
	}
	commonOnly := p.commonOnly
	conf := 0.9
	switch {
	case evidence > 0:
	case !commonOnly:
		conf = 0.75 // "los angeles": its words are not ordinary words
	default:
		conf = 0.4 // "cold war", "wall street" may be ordinary words here
		// Another rule may capitalise one of its words, and make it sure.
		w.recheck = true
	}
	for k, word := range p.words {
		text := w.tokText(idx[k])
		if startsUpper(text) || !startsUpper(word) {
			continue
		}
		base, suf := splitPossessive(text)
		if k < len(p.words)-1 {
			base, suf = text, ""
		}
		w.add(idx[k], recase(base, word)+suf, RulePhrase, conf, "capitalise every word of a name")
	}
	return j
}

// equalFold compares a text word with a phrase word, case-insensitively,
// with ’ and ' equal.
func equalFold(a, b string) bool {
	for len(a) > 0 && len(b) > 0 && a[0]|b[0] < utf8.RuneSelf {
		if ca, cb := a[0], b[0]; ca != cb && (ca|0x20 != cb|0x20 || ca|0x20 < 'a' || ca|0x20 > 'z') {
			return false
		}
		a, b = a[1:], b[1:]
	}
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		a, b = a[na:], b[nb:]
		if ra == rb {
			continue
		}
		if ra == '’' {
			ra = '\''
		}
		if rb == '’' {
			rb = '\''
		}
		if toLower(ra) != toLower(rb) {
			return false
		}
	}
	return a == "" && b == ""
}

// givenNamesBeforeFixes runs the given-name rule once more before each
// word that another rule capitalises, right to left, so that the answer
// does not depend on whether that word was capitalised already: "said
// priya raghunathan" with "raghunathan" known as a name elsewhere.
func (w *walker) givenNamesBeforeFixes() {
	if len(w.s.cands) == 0 {
		return
	}
	w.fixed = map[int]string{}
	defer func() { w.fixed = nil }()
	var order []int
	for _, c := range w.s.cands {
		if _, ok := w.fixed[c.tok]; !ok && c.conf >= w.sure && c.rule != RuleArticle {
			w.fixed[c.tok] = c.new
			if shapeOf(c.new) != shapeLower {
				order = append(order, c.tok)
			}
		}
	}
	for k := len(order) - 1; k >= 0; k-- {
		// The word before a word now capitalised, and so on leftwards.
		for j := order[k]; ; {
			i := j - 2
			if i < 0 || w.toks[i+1].Kind != normalize.Space || !w.tryGiven(i, j) {
				break
			}
			j = i
		}
		// The word after it, whose context (a capitalised word before a
		// name) it now is: "General mark Rutte" with "General" fixed.
		if i := w.nextWordAfterSpace(order[k]); i >= 0 {
			if j := w.nextWordAfterSpace(i); j >= 0 {
				w.tryGiven(i, j)
			}
		}
	}
}

// tryGiven runs the given-name rule on word i before word j, as they will
// be written, and reports whether it capitalised i.
func (w *walker) tryGiven(i, j int) bool {
	if _, done := w.fixed[i]; done || w.toks[i].Kind != normalize.Word || w.toks[j].Kind != normalize.Word ||
		w.toks[i].Flags&(normalize.SentenceStart|normalize.Technical) != 0 || !w.toks[i].Is(normalize.Lower) ||
		w.toks[j].Flags&(normalize.SentenceStart|normalize.Technical) != 0 || !startsUpper(w.written(j)) {
		return false
	}
	base, suf := splitPossessive(w.tokText(i))
	w.s.buf = lowerKey(w.s.buf, base)
	ci, inCaps := w.caps(w.s.buf)
	n := len(w.s.cands)
	w.givenName(i, j, base, suf, ci, inCaps)
	if len(w.s.cands) == n || w.s.cands[n].conf < w.sure {
		return false
	}
	w.fixed[i] = w.s.cands[n].new
	return true
}

// freeStart reports whether token i stands free of the punctuation before
// it (white space, the start, or an opening quote, bracket or dash), as a
// sentence's first word does.
func (w *walker) freeStart(i int) bool {
	r := w.punct(i - 1)
	return r == 0 || isOpening(r)
}
