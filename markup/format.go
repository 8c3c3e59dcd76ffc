package markup

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Format is the markup a document is written in.
type Format int

// The formats. Text is the zero value: the whole input is prose.
const (
	// Text is plain text: every byte is prose.
	Text Format = iota
	// HTML is an HTML document or fragment: only text nodes are prose.
	HTML
	// Markdown is CommonMark with GitHub tables, strikethrough and task
	// lists, and optional YAML or TOML front matter.
	Markdown
	// Auto detects the format of each input from its content, with Detect.
	Auto
)

var formatNames = [...]string{"text", "html", "markdown", "auto"}

// String returns the format's name: "text", "html", "markdown" or "auto".
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// Valid reports whether f is one of the formats.
func (f Format) Valid() bool { return f >= Text && f <= Auto }

// ParseFormat reads a format's name, as a -format flag gives it: "text"
// (also "txt", "plain"), "html" ("htm", "xhtml"), "markdown" ("md") or
// "auto". Case is ignored; the empty string is Text.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "text", "txt", "plain":
		return Text, nil
	case "html", "htm", "xhtml":
		return HTML, nil
	case "markdown", "md":
		return Markdown, nil
	case "auto":
		return Auto, nil
	}
	return Text, fmt.Errorf("markup: unknown format %q (want text, html, markdown or auto)", s)
}

// Detect guesses a document's format from its file name and, when the name
// does not tell, from the first bytes of its content. The extensions .html,
// .htm, .xhtml and .shtml mean HTML; .md, .markdown, .mdown, .mkd and .mkdn
// mean Markdown; .txt and .text mean Text. Otherwise a document whose first
// non-blank bytes are an HTML doctype or one of the common opening tags
// (<html>, <head>, <body>, <p>, <div>, <article>, <h1>…) is HTML, and
// anything else is Text: Detect never guesses Markdown from content, as
// plain text with a "#" or a "*" is common. It never returns Auto.
func Detect(filename string, head []byte) Format {
	switch strings.ToLower(filepath.Ext(filename)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return HTML
	case ".md", ".markdown", ".mdown", ".mkd", ".mkdn":
		return Markdown
	case ".txt", ".text":
		return Text
	}
	if looksHTML(head) {
		return HTML
	}
	return Text
}

// htmlOpenings are the tags that, first in a document, make it HTML.
var htmlOpenings = []string{
	"!doctype html", "html", "head", "body", "meta", "title", "article", "section",
	"main", "header", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
	"table", "blockquote", "figure", "span", "br", "!--",
}

// looksHTML reports whether head, after a byte order mark and white space,
// opens with an HTML doctype or a common tag.
func looksHTML(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	head = bytes.TrimLeft(head, " \t\r\n\f")
	if len(head) < 2 || head[0] != '<' {
		return false
	}
	rest := head[1:]
	for _, t := range htmlOpenings {
		if len(rest) < len(t) || !strings.EqualFold(string(rest[:len(t)]), t) {
			continue
		}
		if t == "!--" {
			// A comment first: HTML only when a tag follows it.
			end := bytes.Index(rest, []byte("-->"))
			return end >= 0 && looksHTML(rest[end+3:])
		}
		if len(rest) == len(t) {
			return false // cut off: not enough to tell
		}
		switch c := rest[len(t)]; {
		case c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/':
			return true
		case c >= utf8.RuneSelf:
			return false
		}
	}
	return false
}
