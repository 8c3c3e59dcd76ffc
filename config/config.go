// Package config reads copyedit's configuration file, .copyedit.toml, and
// turns it into the library's options: every key of the file is one
// copyedit option, so a file and a program configure the same pipeline.
//
//	# .copyedit.toml
//	passes = ["normalize", "spacing", "spelling", "casing"]
//	disable = ["casing/heading"]       # rule IDs, see cleanup -explain all
//	format = "auto"                     # auto, text, html, markdown
//	threshold = 0.5                     # confidence an edit needs to be made
//	typography = "keep"                 # keep, ascii, smart
//	locale = ""                         # "" keeps US and UK spellings; us or uk converts
//	words = ["Archyde", "rescEU"]       # words the spelling pass takes as correct
//	word_files = ["house-words.txt"]    # one word a line, # comments
//	names = ["Okonkwo"]                 # names the casing pass writes as given
//	phrases = ["Cold War"]              # multi-word names
//	phrase_files = ["phrases.txt"]
//	confusion_files = ["confusions.txt"] # "wrong phrase -> right phrase" lines
//	heading_style = "chicago"           # chicago or ap
//
// Paths in the file are relative to the file's folder. An unknown key, or a
// value of the wrong type, is an error naming the file, line and column.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/casing"
	"github.com/copyedit/copyedit/markup"
	"github.com/copyedit/copyedit/normalize"
	"github.com/copyedit/copyedit/spelling"
)

// FileName is the name Find looks for.
const FileName = ".copyedit.toml"

// File is the content of a configuration file; a zero field leaves the
// library's default.
type File struct {
	Passes         []string `toml:"passes"`
	Disable        []string `toml:"disable"`
	Format         string   `toml:"format"`
	Threshold      float64  `toml:"threshold"`
	Typography     string   `toml:"typography"`
	Locale         string   `toml:"locale"`
	Words          []string `toml:"words"`
	WordFiles      []string `toml:"word_files"`
	Names          []string `toml:"names"`
	Phrases        []string `toml:"phrases"`
	PhraseFiles    []string `toml:"phrase_files"`
	ConfusionFiles []string `toml:"confusion_files"`
	HeadingStyle   string   `toml:"heading_style"`

	// Path is where the file was read from; relative paths in it are
	// resolved against its folder.
	Path string `toml:"-"`
}

// Error is a problem in a configuration file, with its place.
type Error struct {
	File      string
	Line, Col int // from 1; 0 when the problem has no one place
	Msg       string
}

// Error formats the error as file:line:col: message.
func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Parse reads a configuration from data; name is used in errors and to
// resolve relative paths.
func Parse(data []byte, name string) (*File, error) {
	f := &File{Path: name}
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(f); err != nil {
		return nil, placeError(name, err)
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	return f, nil
}

// placeError turns the TOML library's errors into Errors with a place.
func placeError(name string, err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) && len(strict.Errors) > 0 {
		var msgs []string
		first := &Error{File: name}
		for i, e := range strict.Errors {
			line, col := e.Position()
			key := strings.Join(e.Key(), ".")
			if i == 0 {
				first.Line, first.Col = line, col
			}
			msgs = append(msgs, fmt.Sprintf("unknown key %q (line %d)", key, line))
		}
		first.Msg = strings.Join(msgs, "; ") + "; the keys are " + strings.Join(keys(), ", ")
		return first
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		return &Error{File: name, Line: line, Col: col, Msg: de.Error()}
	}
	return &Error{File: name, Msg: err.Error()}
}

// keys lists the keys a file may have.
func keys() []string {
	return []string{"passes", "disable", "format", "threshold", "typography", "locale", "words", "word_files",
		"names", "phrases", "phrase_files", "confusion_files", "heading_style"}
}

// check validates the values the decoder cannot.
func (f *File) check() error {
	_, err := f.Options()
	if err != nil {
		return &Error{File: f.Path, Msg: err.Error()}
	}
	return nil
}

// Load reads the configuration file at path.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path)
}

// Find looks for FileName in dir and its parents and returns its path, or ""
// when there is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Options returns the library options the file stands for, one per key set.
func (f *File) Options() ([]copyedit.Option, error) {
	var opts []copyedit.Option
	add := func(o copyedit.Option) { opts = append(opts, o) }
	if f.Passes != nil {
		add(copyedit.WithPasses(f.Passes...))
	}
	if len(f.Disable) > 0 {
		add(copyedit.WithoutRules(f.Disable...))
	}
	if f.Format != "" {
		fm, err := markup.ParseFormat(f.Format)
		if err != nil {
			return nil, fmt.Errorf("format: %w", err)
		}
		add(copyedit.WithFormat(fm))
	}
	if f.Threshold != 0 {
		add(copyedit.WithThreshold(f.Threshold))
	}
	if f.Typography != "" {
		t, err := normalize.ParseTypography(f.Typography)
		if err != nil {
			return nil, fmt.Errorf("typography: %w", err)
		}
		add(copyedit.WithTypography(t))
	}
	if f.Locale != "" {
		l, err := spelling.ParseLocale(f.Locale)
		if err != nil {
			return nil, fmt.Errorf("locale: %w", err)
		}
		add(copyedit.WithLocale(l))
	}
	if len(f.Words) > 0 {
		add(copyedit.WithWords(f.Words...))
	}
	for _, p := range f.WordFiles {
		add(copyedit.WithWordFile(f.resolve(p)))
	}
	if len(f.Names) > 0 {
		add(copyedit.WithNames(f.Names...))
	}
	if len(f.Phrases) > 0 {
		add(copyedit.WithPhrases(f.Phrases...))
	}
	for _, p := range f.PhraseFiles {
		add(copyedit.WithPhraseFile(f.resolve(p)))
	}
	for _, p := range f.ConfusionFiles {
		add(copyedit.WithConfusionFile(f.resolve(p)))
	}
	if f.HeadingStyle != "" {
		var s casing.HeadingStyle
		switch strings.ToLower(f.HeadingStyle) {
		case "chicago":
			s = casing.Chicago
		case "ap":
			s = casing.AP
		default:
			return nil, fmt.Errorf("heading_style: unknown style %q (want chicago or ap)", f.HeadingStyle)
		}
		add(copyedit.WithHeadingStyle(s))
	}
	// Build once, so that a bad value (a missing word file, an unknown
	// rule) is reported now, with the file's name.
	if _, err := copyedit.New(opts...); err != nil {
		return nil, err
	}
	return opts, nil
}

// resolve makes a path from the file relative to the file's folder.
func (f *File) resolve(p string) string {
	if filepath.IsAbs(p) || f.Path == "" {
		return p
	}
	return filepath.Join(filepath.Dir(f.Path), p)
}
