package lexicon

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SyntaxError is a bad line in a word list. Line and Col count from 1 (Col
// in bytes), Offset from 0 in bytes from the start of the input.
type SyntaxError struct {
	File   string // name given to ParseWordList, or the path
	Line   int
	Col    int
	Offset int
	Text   string // the line, without its line ending
	Msg    string
}

// Error returns "file:line:col: message", then the line and a caret under
// the column.
func (e *SyntaxError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	if utf8.ValidString(e.Text) && len(e.Text) <= 200 && e.Col-1 <= len(e.Text) {
		pad := []rune(e.Text[:e.Col-1])
		for i, r := range pad {
			if r != '\t' {
				pad[i] = ' '
			}
		}
		fmt.Fprintf(&b, "\n\t%s\n\t%s^", e.Text, string(pad))
	}
	return b.String()
}

// LoadWordList reads the word-list file at path; see ParseWordList.
func LoadWordList(path string) ([]Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseWordList(f, path)
}

// ParseWordList reads a word list: one spelling per line, surrounding
// space ignored; blank lines and lines starting with # skipped; a # after
// the word and a space starts a comment:
//
//	# Our people and products
//	Zelenskyy    # Ukrainian president
//	Kyiv
//	ChatGPT
//
// Each word gets UserEntry(word). name identifies the input in errors. A
// bad line (two words, a control character, invalid UTF-8, a word longer
// than MaxWordLen) stops parsing with a *SyntaxError naming name and the
// line.
func ParseWordList(r io.Reader, name string) ([]Item, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var words []Item
	off := 0
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		off = 3 // byte order mark
	}
	for line := 1; off < len(data); line++ {
		start := off
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
			off = len(data)
		} else {
			end += off
			off = end + 1
		}
		text := string(bytes.TrimSuffix(data[start:end], []byte("\r")))
		bad := func(col int, msg string) error {
			return &SyntaxError{File: name, Line: line, Col: col + 1, Offset: start + col, Text: text, Msg: msg}
		}
		word, at := wordOf(text)
		if word == "" {
			continue
		}
		if i, err := badRune(word); err != nil {
			if r, _ := utf8.DecodeRuneInString(word[i:]); unicode.IsSpace(r) {
				j := i + len(word[i:]) - len(strings.TrimLeftFunc(word[i:], unicode.IsSpace))
				return nil, bad(at+j, "more than one word on the line (put each on its own line, or start a comment with #)")
			}
			return nil, bad(at+i, strings.TrimPrefix(err.Error(), "lexicon: "))
		}
		form, err := checkWord(word)
		if err != nil {
			return nil, bad(at, strings.TrimPrefix(err.Error(), "lexicon: "))
		}
		words = append(words, Item{Form: form, Entry: UserEntry(form)})
	}
	return words, nil
}

// wordOf returns the word on a line, comments and surrounding space
// removed, and its byte offset in the line.
func wordOf(line string) (string, int) {
	s := line
	if i := commentStart(s); i >= 0 {
		s = s[:i]
	}
	trimmed := strings.TrimLeftFunc(s, unicode.IsSpace)
	at := len(s) - len(trimmed)
	return strings.TrimRightFunc(trimmed, unicode.IsSpace), at
}

// commentStart returns where a comment starts: a # at the start of the
// trimmed line or after a space, or -1.
func commentStart(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '#' {
			continue
		}
		before := strings.TrimRightFunc(s[:i], unicode.IsSpace)
		if before == "" || len(before) < i {
			return i
		}
	}
	return -1
}
