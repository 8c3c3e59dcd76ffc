package normalize

// Doc is one chunk of a document as a pass sees it: the text as the earlier
// passes left it, its tokens, and the state the document carries from chunk
// to chunk. A Doc is used by one goroutine at a time.
type Doc struct {
	// Text is the chunk's current text.
	Text string
	// Continued is true when the chunk continues a paragraph of the previous
	// chunk (only for paragraphs too long to keep in one chunk), so its start
	// is not a paragraph start.
	Continued bool
	// Threshold is the confidence an edit needs to be made in the pipeline
	// that runs the pass (0 reads as DefaultThreshold): a pass whose edits
	// change how the text reads must know which of its edits are made, or
	// cleaning the output again could change it.
	Threshold float64

	state  *State
	tokens []Token
	ready  bool
	// from, when set, is the Doc whose edits made this one: its tokens
	// are derived from from's when first asked for, not before, since
	// the next pass may never read them.
	from *pendingTokens
}

// pendingTokens is what deriving a Doc's tokens from those of the text the
// edits were made on takes.
type pendingTokens struct {
	text  string
	toks  []Token
	edits []Edit
}

// NewDoc returns a Doc for text that begins a paragraph, with its own fresh
// State: the way to run a pass on its own, in tests or in a custom pipeline.
func NewDoc(text string) *Doc {
	return &Doc{Text: text, state: NewState()}
}

// Tokens returns the tokens of d.Text, computed once. They are valid until
// the pass that asked for them returns: the pipeline reuses their memory.
func (d *Doc) Tokens() []Token {
	if d.ready {
		return d.tokens
	}
	if f := d.from; f != nil {
		d.from = nil
		toks, ok := retokenize(f.text, f.toks, d.Text, f.edits, !d.Continued, d.tokens)
		d.tokens = toks // on failure, keep the memory it grew
		if ok {
			d.ready = true
			return d.tokens
		}
	}
	d.tokens = tokenize(d.Text, !d.Continued, d.tokens)
	d.ready = true
	return d.tokens
}

// EditThreshold returns d.Threshold, or DefaultThreshold when it is 0.
func (d *Doc) EditThreshold() float64 {
	if d.Threshold > 0 {
		return d.Threshold
	}
	return DefaultThreshold
}

// State returns the document's state, shared by every chunk of one document.
func (d *Doc) State() *State { return d.state }

// TokenAt returns the index of the token that contains byte offset off, or
// len(tokens) when off is at the end of the text.
func (d *Doc) TokenAt(off int) int { return tokenAt(d.Tokens(), off) }

// State holds what a pass learns about a whole document (names written with
// a capital, words it repeats, the last paragraph) and carries from one chunk
// to the next. Each pass keeps its values under a key of its own type, as
// with context.Context. A State is used by one goroutine at a time.
type State struct {
	values map[any]any
}

// NewState returns an empty State for a new document.
func NewState() *State { return &State{values: map[any]any{}} }

// Load returns the value stored in s under key, storing init() there first
// when there is none yet.
func Load[T any](s *State, key any, init func() T) T {
	v, ok := s.values[key]
	if !ok {
		t := init()
		s.values[key] = t
		return t
	}
	return v.(T)
}
