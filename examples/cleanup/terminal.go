package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/copyedit/copyedit"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// useColor reports whether output to a terminal should be coloured: not
// when NO_COLOR is set to anything (https://no-color.org).
func useColor(terminal bool, getenv func(string) string) bool {
	return terminal && getenv("NO_COLOR") == ""
}

// bigInput is the size from which a single file gets a progress bar.
const bigInput = 32 << 20

// newFilesBar returns a bar counting files on w, or nil when there is no
// terminal to show it or too few files to need it.
func newFilesBar(w io.Writer, show bool, n int) *progressbar.ProgressBar {
	if !show || n < 2 {
		return nil
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("cleaning"),
		progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionSetPredictTime(true))
}

// withBytesBar wraps r in a bar of size bytes on w when show is set and the
// input is big enough to be worth one.
func withBytesBar(r io.Reader, w io.Writer, show bool, size int64, name string) (io.Reader, func()) {
	if !show || size < bigInput {
		return r, func() {}
	}
	bar := progressbar.NewOptions64(size,
		progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(name),
		progressbar.OptionShowBytes(true), progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100*time.Millisecond))
	pr := progressbar.NewReader(r, bar)
	return &pr, func() { bar.Finish() }
}

// ANSI colours of the word diff.
const (
	ansiRed   = "\x1b[31m"
	ansiGreen = "\x1b[32m"
	ansiBold  = "\x1b[1m"
	ansiReset = "\x1b[0m"
)

// wordDiff prints, for each line of in that a change touches, the line with
// the old words in red and the new ones in green, inline, after the file name
// and line number: a diff to read, where -d without a terminal gives one to
// apply.
func wordDiff(w io.Writer, name, in string, changes []copyedit.Change) {
	for len(changes) > 0 {
		start := strings.LastIndexByte(in[:changes[0].Offset], '\n') + 1
		end := lineEnd(in, changes[0].Offset+changes[0].Len)
		// Take every change that starts on the lines shown.
		n := 0
		for n < len(changes) && changes[n].Offset <= end {
			end = max(end, lineEnd(in, changes[n].Offset+changes[n].Len))
			n++
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s%s:%d:%s ", ansiBold, name, changes[0].Line, ansiReset)
		last := start
		for _, c := range changes[:n] {
			b.WriteString(in[last:c.Offset])
			if c.Old != "" {
				b.WriteString(ansiRed + visible(c.Old) + ansiReset)
			}
			if c.New != "" {
				b.WriteString(ansiGreen + visible(c.New) + ansiReset)
			}
			last = c.Offset + c.Len
		}
		b.WriteString(in[last:end])
		b.WriteByte('\n')
		io.WriteString(w, b.String())
		changes = changes[n:]
	}
}

// lineEnd returns the offset of the end of the line holding in[i].
func lineEnd(in string, i int) int {
	if j := strings.IndexByte(in[min(i, len(in)):], '\n'); j >= 0 {
		return min(i, len(in)) + j
	}
	return len(in)
}

// visible shows white space that a change adds or removes: spaces alone as
// "␣", line breaks as "⏎", so that a spacing fix can be seen.
func visible(s string) string {
	if strings.TrimSpace(s) == "" {
		return strings.NewReplacer(" ", "␣", "\n", "⏎", "\t", "⇥", "\r", "␍").Replace(s)
	}
	return strings.NewReplacer("\n", "⏎", "\r", "␍").Replace(s)
}
