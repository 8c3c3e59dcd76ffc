// Package copyedit cleans raw scraped text before it is published: it fixes
// typos, lost capitals, missing and doubled spaces around punctuation, "a"
// before a vowel sound and headlines scraped twice, and it reports every edit
// it makes with its position in the input.
//
// The easy call uses the default pipeline:
//
//	clean := copyedit.Fix(raw)
//
// To see what changed, or to choose passes and options, build a pipeline once
// and share it between goroutines:
//
//	p, err := copyedit.New(copyedit.WithPasses("normalize", "spacing"))
//	out, report := p.CleanString(raw)
//
// The passes run in a fixed order, each on the text the previous one left:
// normalize (Unicode, line ends, invisible characters, repeated paragraphs),
// spacing, spelling, casing. Each lives in its own package and can be used
// alone through normalize.NewPipeline, next to passes of your own.
package copyedit

import (
	"fmt"
	"strings"
	"sync"

	"github.com/copyedit/copyedit/casing"
	"github.com/copyedit/copyedit/markup"
	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spacing"
	"github.com/copyedit/copyedit/spelling"
)

// Pipeline is a configured sequence of passes bound to an input format, with
// the methods of normalize.Pipeline (Fix, Clean, CleanString, FixReader,
// Stream, Transformer); Base returns the underlying normalize.Pipeline. It is
// safe for concurrent use.
type Pipeline = markup.Pipeline

// Format is an input's format: markup.Text (the default), markup.HTML,
// markup.Markdown, or markup.Auto to detect it from each input.
type Format = markup.Format

// Report lists the changes a pipeline made and the suggestions it did not make.
type Report = normalize.Report

// Change is one reported edit, located in the original input.
type Change = normalize.Change

// PassNames lists the built-in passes in the order they run.
var PassNames = []string{"normalize", "spacing", "spelling", "casing"}

type config struct {
	passes    map[string]bool
	extra     []normalize.Pass
	pipeline  []normalize.PipelineOption
	normalize []normalize.Option
	spacing   []spacing.Option
	spelling  []spelling.Option
	casing    []casing.Option
	format    markup.Format
}

// Option configures a Pipeline built by New.
type Option func(*config) error

// WithPasses keeps only the named built-in passes; they still run in their
// fixed order.
func WithPasses(names ...string) Option {
	return func(c *config) error {
		c.passes = map[string]bool{}
		for _, n := range names {
			n = strings.TrimSpace(n)
			if !isPassName(n) {
				return fmt.Errorf("copyedit: unknown pass %q (the passes are %s)", n, strings.Join(PassNames, ", "))
			}
			c.passes[n] = true
		}
		return nil
	}
}

func isPassName(n string) bool {
	for _, p := range PassNames {
		if p == n {
			return true
		}
	}
	return false
}

// WithPass appends a pass of your own after the built-in ones.
func WithPass(p normalize.Pass) Option {
	return func(c *config) error {
		if p == nil {
			return fmt.Errorf("copyedit: WithPass(nil)")
		}
		c.extra = append(c.extra, p)
		return nil
	}
}

// WithThreshold sets the confidence, in (0, 1], an edit needs to be made
// rather than only suggested (default normalize.DefaultThreshold).
func WithThreshold(t float64) Option {
	return func(c *config) error {
		c.pipeline = append(c.pipeline, normalize.WithThreshold(t))
		return nil
	}
}

// WithTypography sets what the normalize pass does with quotes, dashes and
// ellipses: keep them (the default), or convert them to ASCII or to curly.
func WithTypography(t normalize.Typography) Option {
	return func(c *config) error {
		c.normalize = append(c.normalize, normalize.WithTypography(t))
		return nil
	}
}

// WithNormalizeOptions passes options to the normalize pass.
func WithNormalizeOptions(opts ...normalize.Option) Option {
	return func(c *config) error { c.normalize = append(c.normalize, opts...); return nil }
}

// WithSpacingOptions passes options to the spacing pass.
func WithSpacingOptions(opts ...spacing.Option) Option {
	return func(c *config) error { c.spacing = append(c.spacing, opts...); return nil }
}

// WithSpellingOptions passes options to the spelling pass.
func WithSpellingOptions(opts ...spelling.Option) Option {
	return func(c *config) error { c.spelling = append(c.spelling, opts...); return nil }
}

// WithLocale makes the spelling pass convert to one locale's spellings:
// spelling.US ("colour" → "color") or spelling.UK ("color" → "colour").
// By default every standard American and British spelling is kept.
func WithLocale(l spelling.Locale) Option {
	return WithSpellingOptions(spelling.WithLocale(l))
}

// WithWords adds words the spelling pass takes as correct: names, brands,
// jargon ("Archyde", "rescEU").
func WithWords(words ...string) Option {
	return WithSpellingOptions(spelling.WithWords(words...))
}

// WithWordFile adds the words of a word-list file (one word a line, #
// comments) to the spelling pass; errors name the file and line.
func WithWordFile(path string) Option {
	return WithSpellingOptions(spelling.WithWordFile(path))
}

// WithCasingOptions passes options to the casing pass.
func WithCasingOptions(opts ...casing.Option) Option {
	return func(c *config) error { c.casing = append(c.casing, opts...); return nil }
}

// WithNames adds names the casing pass writes as given ("Okonkwo",
// "rescEU"); a name of several words is matched as a phrase.
func WithNames(names ...string) Option {
	return WithCasingOptions(casing.WithNames(names...))
}

// WithHeadingStyle sets the title-case style the casing pass follows in
// headings: casing.Chicago (the default) or casing.AP.
func WithHeadingStyle(s casing.HeadingStyle) Option {
	return WithCasingOptions(casing.WithHeadingStyle(s))
}

// WithoutRules turns the named rules off ("casing/heading",
// "spacing/double-space"); Rules lists them.
func WithoutRules(ids ...string) Option {
	return func(c *config) error {
		for _, id := range ids {
			if _, err := Explain(id); err != nil {
				return err
			}
		}
		c.pipeline = append(c.pipeline, normalize.WithoutRules(ids...))
		return nil
	}
}

// WithPhrases adds multi-word names the casing pass writes as given ("Cold
// War", "World Health Organization").
func WithPhrases(phrases ...string) Option {
	return WithCasingOptions(casing.WithPhrases(phrases...))
}

// WithPhraseFile adds the phrases of a file (one a line, # comments) to the
// casing pass; errors name the file and line.
func WithPhraseFile(path string) Option {
	return WithCasingOptions(casing.WithPhraseFile(path))
}

// WithConfusionFile adds real-word confusion phrases ("wrong phrase -> right
// phrase" lines) to the spelling pass's list; errors name the file and line.
func WithConfusionFile(path string) Option {
	return WithSpellingOptions(spelling.WithConfusions(path))
}

// WithFormat sets the input's format: markup.Text (the default) for plain
// text, markup.HTML or markup.Markdown to clean only the prose and keep every
// byte of markup, or markup.Auto to detect the format from each input's first
// KiB. Marked-up documents are read whole; plain text streams.
func WithFormat(f markup.Format) Option {
	return func(c *config) error {
		if !f.Valid() {
			return fmt.Errorf("copyedit: unknown format %v", f)
		}
		c.format = f
		return nil
	}
}

// New returns a pipeline of the built-in passes, configured by opts.
func New(opts ...Option) (*Pipeline, error) {
	c := &config{}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	on := func(name string) bool { return c.passes == nil || c.passes[name] }
	var passes []normalize.Pass
	if on("normalize") {
		// Repeated paragraphs are dropped first, so that the other passes
		// never read them (a word the document repeats, a capital, is
		// evidence the next cleaning would not see), and again last, in
		// the text as the other passes leave it (see normalize.Repeats).
		n, err := normalize.New(c.normalize...)
		if err != nil {
			return nil, err
		}
		passes = append(passes, n)
	}
	if on("spacing") {
		s, err := spacing.New(c.spacing...)
		if err != nil {
			return nil, err
		}
		passes = append(passes, s)
	}
	if on("spelling") {
		sp, err := spelling.New(c.spelling...)
		if err != nil {
			return nil, err
		}
		passes = append(passes, sp)
	}
	if on("casing") {
		cs, err := casing.New(c.casing...)
		if err != nil {
			return nil, err
		}
		passes = append(passes, cs)
	}
	passes = append(passes, c.extra...)
	if on("normalize") {
		passes = append(passes, normalize.NewRepeats())
	}
	np, err := normalize.NewPipeline(passes, c.pipeline...)
	if err != nil {
		return nil, err
	}
	return markup.NewPipeline(np, c.format), nil
}

// Default returns the default pipeline, built once.
var Default = sync.OnceValue(func() *Pipeline {
	p, err := New()
	if err != nil {
		panic("copyedit: the default pipeline does not build: " + err.Error())
	}
	return p
})

// Fix returns s cleaned by the default pipeline.
func Fix(s string) string { return Default().Fix(s) }
