// Command cleanup cleans raw scraped text with copyedit and writes the result
// to standard output, or rewrites the files, lists them, shows a diff or
// prints the edit report.
//
// Usage:
//
//	cleanup [flags] [FILE ...]
//
// With no FILE it reads standard input. Run "cleanup -h" for the flags.
//
// Faults. A file that is not text (a NUL byte, invalid UTF-8), cannot be read
// or is a directory is named in a one-line message, with the offset, line and
// column of its first bad byte where there is one, and left as it was; the
// other files are still cleaned and the exit status is 1. With -w each file is
// written to a temporary file in its folder, synced, given the file's mode and
// renamed over it, so that it is at every moment its old or its new text; a
// symbolic link is followed and kept, a read-only file or anything but a
// regular file is refused. An interrupt (or SIGTERM) during -w starts no new
// file, abandons the files being read, finishes the renames under way, removes
// the temporary files and exits with status 1.
//
// Memory. Standard input, and a single file printed to standard output, stream
// a chunk at a time, as do -w, -l, -json and -check (which keep a file's
// report, not its text); at most one result per worker waits in memory. Only
// -d, and the plain output of several files, hold a whole input. A stream has no way back: when standard input
// turns out not to be text, the text before the bad byte has been printed.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/config"
	"github.com/copyedit/copyedit/markup"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK      = 0
	exitError   = 1 // a usage or I/O error, or a file refused
	exitChanged = 2 // -check found something to change
)

const usage = `usage: cleanup [flags] [FILE ...]

Cleans raw scraped text: typos, lost capitals, spaces around punctuation,
"a"/"an", invisible characters and headlines scraped twice. Writes the cleaned
text to standard output; with no FILE, reads standard input.

Exit status: 0 on success, 1 on a usage or I/O error or a refused input (the
other files are still done), 2 with -check when something would change.

Examples:
  cleanup article.txt                 print the cleaned article
  cleanup -d article.txt              show what would change, as a unified diff
  cleanup -w drafts/*.txt             rewrite the files in place
  cleanup -json article.txt           print every edit as a JSON object per line
  cleanup -check -l drafts/*.txt      list files that need cleaning; exit 2 if any
  cleanup -passes normalize,spacing   only those passes
  cleanup -format html page.php       clean the prose of an HTML page, markup untouched
  cleanup -explain spacing/after-punct  what a rule of the report does, with an example
  cleanup -config house.toml *.txt    settings from a file (else the nearest .copyedit.toml)
  curl -s URL | cleanup > clean.txt   clean a stream

Flags:
`

type options struct {
	write, diff, list, json, check, version bool
	passes, format, explain, config         string
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("cleanup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	fs.BoolVar(&o.write, "w", false, "rewrite the files in place (atomically; file mode kept)")
	fs.BoolVar(&o.diff, "d", false, "print a unified diff of the changes (apply with patch -p0); on a terminal, a coloured word diff (NO_COLOR turns colour off)")
	fs.BoolVar(&o.list, "l", false, "list the files that would change")
	fs.BoolVar(&o.json, "json", false, "print the edit report: one JSON object per edit or suggestion")
	fs.BoolVar(&o.check, "check", false, "exit with status 2 when any edit would be made")
	fs.StringVar(&o.passes, "passes", strings.Join(copyedit.PassNames, ","), "comma-separated passes to run")
	fs.StringVar(&o.format, "format", "auto", "input format: auto (from the file name, else the content), text, html or markdown")
	fs.StringVar(&o.config, "config", "", "configuration file (default: the nearest "+config.FileName+" from the working folder up)")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.StringVar(&o.explain, "explain", "", "print what a rule does, with an example (a rule ID such as spacing/after-punct, or all), and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if o.version {
		fmt.Fprintln(stdout, "cleanup (copyedit)", version())
		return exitOK
	}
	if o.explain != "" {
		return explain(o.explain, stdout, stderr)
	}
	files := fs.Args()
	if o.write && len(files) == 0 {
		fmt.Fprintln(stderr, "cleanup: -w needs files to rewrite; to clean standard input, leave out -w")
		return exitError
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var opts []copyedit.Option
	if path := o.config; path != "" || !set["config"] {
		if path == "" {
			path = config.Find(".")
		}
		if path != "" {
			cfg, err := config.Load(path)
			if err != nil {
				fmt.Fprintf(stderr, "cleanup: config: %v\n", err)
				return exitError
			}
			if opts, err = cfg.Options(); err != nil {
				fmt.Fprintf(stderr, "cleanup: config: %v\n", err)
				return exitError
			}
			if cfg.Format != "" && !set["format"] {
				o.format = cfg.Format
			}
		}
	}
	format, err := markup.ParseFormat(o.format)
	if err != nil {
		fmt.Fprintf(stderr, "cleanup: -format: %v\n", err)
		return exitError
	}
	if set["passes"] {
		passes := copyedit.WithPasses(strings.Split(o.passes, ",")...)
		if _, err := copyedit.New(passes); err != nil {
			fmt.Fprintf(stderr, "cleanup: -passes: %v\n", err)
			return exitError
		}
		opts = append(opts, passes)
	}
	// The format is chosen per input below, from the text pipeline's passes.
	p, err := copyedit.New(append(opts, copyedit.WithFormat(markup.Text))...)
	if err != nil {
		fmt.Fprintf(stderr, "cleanup: %v\n", err)
		return exitError
	}
	ctx := context.Background()
	if o.write {
		// An interrupt stops the rewriting between two steps, never inside
		// one: files not yet renamed keep their old text, their temporary
		// files are removed, and the exit status says so. Without -w nothing
		// but standard output is written, and an interrupt ends the run at once.
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
		defer stop()
	}
	out := newOutWriter(stdout)
	c := newCleaner(p, o, format, out, stderr)
	c.progress = isTerminal(stderr)
	c.color = useColor(isTerminal(stdout), os.Getenv)
	if len(files) == 0 {
		c.stdin(stdin)
	} else {
		c.files(ctx, files, runtime.GOMAXPROCS(0))
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "cleanup: writing standard output: %v\n", err)
		c.failed = true
	}
	switch {
	case c.failed:
		return exitError
	case o.check && c.changed:
		return exitChanged
	}
	return exitOK
}

// explain prints the documentation of one rule, or of every rule.
func explain(id string, stdout, stderr io.Writer) int {
	if id == "all" {
		for _, r := range copyedit.Rules() {
			fmt.Fprintln(stdout, r)
		}
		return exitOK
	}
	r, err := copyedit.Explain(id)
	if err != nil {
		fmt.Fprintf(stderr, "cleanup: -explain: %v\n", err)
		return exitError
	}
	fmt.Fprint(stdout, r)
	return exitOK
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
