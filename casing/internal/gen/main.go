// Command gen writes casing/data/names-xtext.txt: the English names of
// countries, regions and languages from golang.org/x/text/language/display,
// the gazetteer behind the casing pass's place and language names.
//
//	go generate ./casing/...
//
// The output depends only on the x/text version in go.mod, and is sorted
// and unique, so it is byte-for-byte reproducible; a test checks that the
// committed file is what this command writes.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/copyedit/copyedit/casing/internal/xnames"
)

func main() {
	out := flag.String("out", "data/names-xtext.txt", "the file to write")
	flag.Parse()
	if err := os.WriteFile(*out, []byte(xnames.File()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
