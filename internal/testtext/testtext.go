// Package testtext reads the repository's texts for tests and benchmarks.
package testtext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Join returns the files matching the patterns, in order, each followed by
// a blank line. It fails tb when a pattern matches nothing or a file cannot
// be read.
func Join(tb testing.TB, patterns ...string) string {
	tb.Helper()
	var sb strings.Builder
	for _, pattern := range patterns {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			tb.Fatalf("no texts match %s (%v)", pattern, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			sb.Write(data)
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

// CorpusEnv names the environment variable that names the benchmark corpus
// (go run ./examples/corpus -mb 10 -seed 1 -o /tmp/c10.txt).
const CorpusEnv = "COPYEDIT_CORPUS"

// Corpus returns the benchmark corpus named by $COPYEDIT_CORPUS, and false
// when the variable is unset. It fails tb when the file cannot be read.
func Corpus(tb testing.TB) (string, bool) {
	tb.Helper()
	name := os.Getenv(CorpusEnv)
	if name == "" {
		return "", false
	}
	data, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(data), true
}
