// Package markup cleans the prose inside HTML and Markdown documents and
// leaves their markup exactly as it was.
//
// The easy call runs a normalize.Pipeline, copyedit's or one of your own
// passes, over a document:
//
//	out, report := markup.Clean(p, src, markup.HTML)
//
// NewPipeline binds a pipeline to a format, with the methods of
// normalize.Pipeline (Fix, CleanString, Stream, Transformer…); Detect
// guesses the format from a file's name or first bytes.
//
// Every byte of markup in out is the byte of src: tags, attributes,
// comments, entities, <script>, <style>, <code>, <pre> and <kbd> contents in
// HTML; code spans and blocks, link destinations and titles, autolinks,
// HTML, front matter, list and heading markers and hard line breaks in
// Markdown. The report is in the coordinates of src, as the pipeline's own
// report is for plain text: normalize.ApplyChanges(src, report.Changes)
// equals out.
//
// # How it works
//
// Extract reads a document into a View: its prose as plain text, for the
// passes to read, made of segments copied byte for byte from the source and
// of synthetic glue between them ("\n\n" between blocks, "\n" for a line
// break, an entity's character, Placeholder for inline code). Inline markup
// adds nothing to the view, so a sentence split across tags reads as one:
// "<b>NATO</b>.The" reads "NATO.The", and the spacing pass inserts its space
// after the period, outside the <b> element.
//
// Clean runs the pipeline on the view and maps every change back through the
// segments (View.SourceReport). A change inside one segment is made; an
// insertion where two segments meet goes into the one less deep in inline
// markup, so that a space lands outside <b>…</b> or **…**; a change that
// spans segments is narrowed to what it changes ("russia’s" → "Russia’s" is
// "r" → "R") and, when it still crosses markup, it is not made but reported
// as a suggestion. Changes of the glue alone are dropped: entities and
// placeholders stay as they are.
//
// In HTML the text nodes are prose; inline elements (a, b, i, em, strong,
// span, abbr, q, small, sub, sup, u, mark…) join their text to the sentence
// around them; every other element is a block; <br> is a line break; the
// contents of script, style, template, noscript, code, kbd, samp, var, tt,
// pre, textarea, svg, math, iframe and the like, comments, the doctype and
// attributes are not prose, nor is the content of an element with
// translate="no". In Markdown, paragraphs, headings, list items, block
// quotes, table cells, link text and emphasis are prose; code spans and
// blocks, link destinations and titles, the text of [shortcut] and
// [collapsed][] reference links (it is the label that finds the link),
// images, autolinks, inline and block HTML, and YAML or TOML front matter
// are not.
//
// The normalize pass's line-end and trailing-space rules are not applied in
// markup: a Markdown hard line break is two trailing spaces, and a file's
// line ends are its own. A paragraph that repeats the one before it is
// deleted element and all when it is a whole element (<h1>…</h1>, a
// top-level Markdown paragraph or heading) separated from the previous one
// by white space only; otherwise the deletion is suggested.
//
// Clean, Extract and Pipeline are safe for concurrent use.
package markup
