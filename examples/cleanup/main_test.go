package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit"
	"github.com/copyedit/copyedit/markup"
	"github.com/copyedit/copyedit/normalize"
)

// Inputs. dirty has something for every default pass to fix; clean is
// left alone by all of them.
const (
	dirty     = "Hello,world.The end  is near.\r\n\r\nSecond paragraph;here it is.\n"
	dirtyNoNL = "A last line,without a newline."
	clean     = "Nothing to do here.\n"
)

// cleaned returns s cleaned by the pipeline of the passes, the oracle the CLI
// is held to.
func cleaned(t testing.TB, s string, passes ...string) (string, *copyedit.Report) {
	t.Helper()
	var opts []copyedit.Option
	if len(passes) > 0 {
		opts = append(opts, copyedit.WithPasses(passes...))
	}
	p, err := copyedit.New(opts...)
	require.NoError(t, err)
	return p.CleanString(s)
}

// cli runs the command in-process.
type cli struct {
	code           int
	stdout, stderr string
}

func runCLI(t testing.TB, stdin io.Reader, args ...string) cli {
	t.Helper()
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errb bytes.Buffer
	code := run(args, stdin, &out, &errb)
	return cli{code, out.String(), errb.String()}
}

// writeFiles writes name → content files into dir and returns their paths
// in the order of names.
func writeFiles(t testing.TB, dir string, files map[string]string, names ...string) []string {
	t.Helper()
	var paths []string
	for _, n := range names {
		p := filepath.Join(dir, n)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(files[n]), 0o644))
		paths = append(paths, p)
	}
	return paths
}

// messageLines returns the lines of a stderr.
func messageLines(stderr string) []string {
	return strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
}

func TestCleanedInputsAreDirty(t *testing.T) {
	// The tests below need inputs that change and one that does not.
	out, _ := cleaned(t, dirty)
	require.NotEqual(t, dirty, out)
	out, _ = cleaned(t, dirtyNoNL)
	require.NotEqual(t, dirtyNoNL, out)
	out, _ = cleaned(t, clean)
	require.Equal(t, clean, out)
	require.Contains(t, copyedit.PassNames, "normalize")
	require.Contains(t, copyedit.PassNames, "spacing")
}

func TestStdinPlain(t *testing.T) {
	article, err := os.ReadFile("../../testdata/article.txt")
	require.NoError(t, err)
	for _, in := range []string{"", clean, dirty, dirtyNoNL, string(article)} {
		want, _ := cleaned(t, in)
		r := runCLI(t, strings.NewReader(in))
		assert.Equal(t, 0, r.code)
		assert.Equal(t, want, r.stdout)
		assert.Empty(t, r.stderr)
	}
}

// TestFlags runs each flag and the useful combinations on a dirty and a
// clean file.
func TestFlags(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"dirty.txt": dirty, "clean.txt": clean}
	paths := writeFiles(t, dir, files, "dirty.txt", "clean.txt")
	d, c := paths[0], paths[1]
	wantDirty, rep := cleaned(t, dirty)
	diff := unifiedDiff(result{name: d, in: dirty, out: wantDirty, changes: rep.Changes})
	require.NotEmpty(t, diff)
	spacingOnly, _ := cleaned(t, dirty, "spacing")
	require.NotEqual(t, wantDirty, spacingOnly, "the -passes case needs a text the passes clean differently")

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
	}{
		{"plain file", []string{d}, 0, wantDirty},
		{"plain clean file", []string{c}, 0, clean},
		{"plain two files in order", []string{c, d}, 0, clean + wantDirty},
		{"-l lists the file that would change", []string{"-l", d, c}, 0, d + "\n"},
		{"-l with nothing to change", []string{"-l", c}, 0, ""},
		{"-d", []string{"-d", d, c}, 0, diff},
		{"-d with nothing to change", []string{"-d", c}, 0, ""},
		{"-l -d: the name, then the diff", []string{"-l", "-d", d}, 0, d + "\n" + diff},
		{"-check with a change", []string{"-check", d}, 2, ""},
		{"-check without a change", []string{"-check", c}, 0, ""},
		{"-check -l", []string{"-check", "-l", c, d}, 2, d + "\n"},
		{"-check -d", []string{"-check", "-d", d}, 2, diff},
		{"-passes", []string{"-passes", "spacing", d}, 0, spacingOnly},
		{"-passes with spaces", []string{"-passes", " spacing ", d}, 0, spacingOnly},
		{"-passes in any order", []string{"-passes", "spacing,normalize", d}, 0, wantDirty},
		{"-h", []string{"-h"}, 0, ""},
		{"-- ends the flags", []string{"--", c}, 0, clean},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, nil, tt.args...)
			assert.Equal(t, tt.code, r.code, "stderr: %s", r.stderr)
			assert.Equal(t, tt.stdout, r.stdout)
			if tt.name != "-h" {
				assert.Empty(t, r.stderr)
			}
			// Nothing but -w writes a file.
			for name, content := range files {
				got, err := os.ReadFile(filepath.Join(dir, name))
				require.NoError(t, err)
				require.Equal(t, content, string(got), "%s was changed", name)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	r := runCLI(t, nil, "-version")
	assert.Equal(t, 0, r.code)
	assert.Regexp(t, `^cleanup \(copyedit\) \S+\n$`, r.stdout)
	assert.Empty(t, r.stderr)
}

func TestHelpShowsUsage(t *testing.T) {
	r := runCLI(t, nil, "-h")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stderr, "usage: cleanup [flags] [FILE ...]")
	for _, f := range []string{"-w", "-d", "-l", "-json", "-passes", "-check"} {
		assert.Contains(t, r.stderr, "  "+f)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	d := writeFiles(t, dir, map[string]string{"a.txt": dirty}, "a.txt")[0]
	tests := []struct {
		name    string
		args    []string
		message string
	}{
		{"unknown flag", []string{"-x", d}, "flag provided but not defined: -x"},
		{"unknown pass", []string{"-passes", "normalize,nonsense", d}, `-passes: copyedit: unknown pass "nonsense"`},
		{"empty pass list", []string{"-passes", "", d}, `unknown pass ""`},
		{"-w without files", []string{"-w"}, "-w needs files"},
		{"-w -l without files", []string{"-w", "-l"}, "-w needs files"},
		{"flag without its value", []string{"-passes"}, "flag needs an argument: -passes"},
		{"bad boolean", []string{"-w=maybe", d}, "invalid boolean value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, strings.NewReader(dirty), tt.args...)
			assert.Equal(t, exitError, r.code)
			assert.Empty(t, r.stdout)
			assert.Contains(t, r.stderr, tt.message)
			got, err := os.ReadFile(d)
			require.NoError(t, err)
			assert.Equal(t, dirty, string(got))
		})
	}
}

// TestRefusedInputs: every input the CLI cannot clean gets one line naming
// it, the others are still cleaned, in order, and the exit status is 1.
func TestRefusedInputs(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":      dirty,
		"nul.txt":    "text\nwith a NUL\x00 byte",
		"latin1.txt": "caf\xe9 au lait\n",
		"cut.txt":    "ends inside a character \xe2\x82",
		"b.txt":      clean,
	}
	paths := writeFiles(t, dir, files, "a.txt", "nul.txt", "latin1.txt", "cut.txt", "b.txt")
	sub := filepath.Join(dir, "folder")
	require.NoError(t, os.Mkdir(sub, 0o755))
	missing := filepath.Join(dir, "missing.txt")
	args := []string{paths[0], paths[1], missing, paths[2], sub, paths[3], paths[4]}
	wantA, _ := cleaned(t, dirty)

	r := runCLI(t, nil, args...)
	assert.Equal(t, exitError, r.code)
	assert.Equal(t, wantA+clean, r.stdout)
	assert.Equal(t, []string{
		"cleanup: " + paths[1] + ": looks binary: NUL byte at offset 15 (line 2, column 11); left as it was",
		"cleanup: " + missing + ": no such file or directory",
		"cleanup: " + paths[2] + ": not valid UTF-8: byte 0xe9 at offset 3 (line 1, column 4); left as it was",
		"cleanup: " + sub + ": is a directory",
		"cleanup: " + paths[3] + ": not valid UTF-8: the input ends inside a character, byte 0xe2 at offset 24 (line 1, column 25); left as it was",
	}, messageLines(r.stderr))

	// The same with every mode: the refused files are named, the others done.
	for _, flags := range [][]string{{"-l"}, {"-d"}, {"-json"}, {"-check"}, {"-w"}} {
		t.Run(strings.Join(flags, " "), func(t *testing.T) {
			r := runCLI(t, nil, append(flags, args...)...)
			assert.Equal(t, exitError, r.code)
			lines := messageLines(r.stderr)
			require.Len(t, lines, 5, r.stderr)
			for i, bad := range []string{paths[1], missing, paths[2], sub, paths[3]} {
				assert.True(t, strings.HasPrefix(lines[i], "cleanup: "+bad+": "), lines[i])
			}
			if flags[0] == "-l" || flags[0] == "-w" {
				for _, p := range []string{paths[1], paths[2], paths[3]} {
					got, err := os.ReadFile(p)
					require.NoError(t, err)
					assert.Equal(t, files[filepath.Base(p)], string(got), "a refused file was changed")
				}
			}
		})
	}
	got, err := os.ReadFile(paths[0])
	require.NoError(t, err)
	assert.Equal(t, wantA, string(got), "-w did not rewrite the good file")
}

func TestSingleRefusedFilePrintsNothing(t *testing.T) {
	// The single-file stream checks the file before it prints anything.
	dir := t.TempDir()
	big := strings.Repeat("A line,of text.\n\n", 20000) + "\xff"
	p := writeFiles(t, dir, map[string]string{"big.txt": big}, "big.txt")[0]
	r := runCLI(t, nil, p)
	assert.Equal(t, exitError, r.code)
	assert.Empty(t, r.stdout)
	assert.Equal(t, fmt.Sprintf("cleanup: %s: not valid UTF-8: byte 0xff at offset %d (line 40001, column 1); left as it was\n", p, len(big)-1), r.stderr)
}

func TestStdinRefused(t *testing.T) {
	in := strings.Repeat("Good text,here.\n", 10) + "then\x00binary"
	r := runCLI(t, strings.NewReader(in))
	assert.Equal(t, exitError, r.code)
	assert.Equal(t, "cleanup: <stdin>: looks binary: NUL byte at offset 164 (line 11, column 5)\n", r.stderr)
	// The text before the bad byte has streamed out, cleaned.
	want, _ := cleaned(t, in[:164])
	assert.Equal(t, want, r.stdout)

	for _, flags := range [][]string{{"-l"}, {"-d"}, {"-json"}, {"-check"}} {
		r := runCLI(t, strings.NewReader("ok\n\xc0\xaf"), flags...)
		assert.Equal(t, exitError, r.code, flags)
		assert.Equal(t, "cleanup: <stdin>: not valid UTF-8: byte 0xc0 at offset 3 (line 2, column 1)\n", r.stderr, flags)
	}
}

// errReader returns its data, then err.
type errReader struct {
	data []byte
	err  error
}

func (r *errReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestStdinReadError(t *testing.T) {
	for _, err := range []error{
		errors.New("connection reset"),
		// A truncated stream (gzip, HTTP body) ends with this: an error,
		// not the end of the input.
		io.ErrUnexpectedEOF,
	} {
		for _, flags := range [][]string{nil, {"-l"}, {"-d"}, {"-json"}, {"-check"}} {
			in := &errReader{data: []byte(strings.Repeat("Some text,here.\n\n", 10000)), err: err}
			r := runCLI(t, in, flags...)
			assert.Equal(t, exitError, r.code, "%v %v", err, flags)
			assert.Equal(t, "cleanup: <stdin>: reading: "+err.Error()+"\n", r.stderr, flags)
		}
	}
}

// errWriter fails every write after the first n bytes.
type errWriter struct {
	n int
}

func (w *errWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errors.New("no space left on device")
	}
	w.n -= len(p)
	return len(p), nil
}

func TestStdoutWriteError(t *testing.T) {
	dir := t.TempDir()
	paths := writeFiles(t, dir, map[string]string{"a.txt": dirty, "b.txt": dirty}, "a.txt", "b.txt")
	big := strings.Repeat("Some text,here.\n\n", 20000)
	for _, tc := range []struct {
		name  string
		args  []string
		stdin string
	}{
		{"stdin", nil, big},
		{"stdin -json", []string{"-json"}, big},
		{"one file", paths[:1], ""},
		{"files", paths, ""},
		{"files -d", append([]string{"-d"}, paths...), ""},
	} {
		var errb bytes.Buffer
		code := run(tc.args, strings.NewReader(tc.stdin), &errWriter{n: 10}, &errb)
		assert.Equal(t, exitError, code, tc.name)
		assert.Equal(t, "cleanup: writing standard output: no space left on device\n", errb.String(), tc.name)
	}
}

// TestManyFilesKeepOrder: the output follows the arguments even when the
// first file takes longest.
func TestManyFilesKeepOrder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	var names []string
	var want, wantList strings.Builder
	for i := range 60 {
		name := fmt.Sprintf("f%02d.txt", i)
		content := fmt.Sprintf("File %d,number %d.Done.\n", i, i)
		if i == 0 {
			content = strings.Repeat(content+"\n", 20000)
		}
		if i%7 == 3 {
			content = fmt.Sprintf("File %d is clean.\n", i)
		}
		files[name] = content
		names = append(names, name)
		out, _ := cleaned(t, content)
		want.WriteString(out)
		if out != content {
			wantList.WriteString(filepath.Join(dir, name) + "\n")
		}
	}
	paths := writeFiles(t, dir, files, names...)
	r := runCLI(t, nil, paths...)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, want.String(), r.stdout)

	r = runCLI(t, nil, append([]string{"-l"}, paths...)...)
	assert.Equal(t, wantList.String(), r.stdout)

	// More workers than files and a single worker give the same output.
	for _, workers := range []int{1, 3, 100} {
		var out, errb bytes.Buffer
		c := newCleaner(copyedit.Default(), options{list: true}, markup.Auto, newOutWriter(&out), &errb)
		c.files(t.Context(), paths, workers)
		require.NoError(t, c.stdout.Flush())
		assert.Equal(t, wantList.String(), out.String(), workers)
	}
}

// jsonLines decodes the -json output strictly: every line one object with
// known fields only.
func jsonLines(t testing.TB, out string) []jsonEdit {
	t.Helper()
	var edits []jsonEdit
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var e jsonEdit
		require.NoError(t, dec.Decode(&e), sc.Text())
		require.False(t, dec.More(), "one object a line: %s", sc.Text())
		edits = append(edits, e)
	}
	require.NoError(t, sc.Err())
	return edits
}

// replay applies the applied edits of the input file to its text, as
// normalize.ApplyChanges does, checking each edit's fields on the way.
func replay(t testing.TB, file, input string, edits []jsonEdit) string {
	t.Helper()
	var changes []normalize.Change
	for _, e := range edits {
		if e.File != file {
			continue
		}
		require.LessOrEqual(t, e.Offset+e.Length, len(input), "%+v", e)
		assert.Equal(t, input[e.Offset:e.Offset+e.Length], e.Old, "%+v", e)
		line := 1 + strings.Count(input[:e.Offset], "\n")
		col := e.Offset - strings.LastIndexByte(input[:e.Offset], '\n')
		assert.Equal(t, [2]int{line, col}, [2]int{e.Line, e.Column}, "line:column of %+v", e)
		assert.True(t, strings.HasPrefix(e.Rule, e.Pass+"/"), "%+v", e)
		assert.Contains(t, copyedit.PassNames, e.Pass)
		require.NotEmpty(t, e.Replacements)
		assert.Equal(t, e.New, e.Replacements[0])
		assert.True(t, e.Confidence > 0 && e.Confidence <= 1, "%+v", e)
		if e.Applied {
			changes = append(changes, normalize.Change{
				Position: normalize.Position{Offset: e.Offset, Len: e.Length},
				Old:      e.Old, New: e.New,
			})
		}
	}
	out, err := normalize.ApplyChanges(input, changes)
	require.NoError(t, err)
	return out
}

func TestJSON(t *testing.T) {
	article, err := os.ReadFile("../../testdata/article.txt")
	require.NoError(t, err)
	dir := t.TempDir()
	files := map[string]string{"a.txt": dirty, "b.txt": clean, "article.txt": string(article), "c.txt": dirtyNoNL}
	names := []string{"a.txt", "b.txt", "article.txt", "c.txt"}
	paths := writeFiles(t, dir, files, names...)

	r := runCLI(t, nil, append([]string{"-json"}, paths...)...)
	require.Equal(t, 0, r.code, r.stderr)
	edits := jsonLines(t, r.stdout)
	require.NotEmpty(t, edits)
	// Files in order, edits in input order within a file.
	order := map[string]int{}
	for i, p := range paths {
		order[p] = i
	}
	for i := 1; i < len(edits); i++ {
		a, b := edits[i-1], edits[i]
		require.True(t, order[a.File] < order[b.File] || (a.File == b.File && a.Offset <= b.Offset),
			"out of order: %+v then %+v", a, b)
	}
	for i, p := range paths {
		want, _ := cleaned(t, files[names[i]])
		assert.Equal(t, want, replay(t, p, files[names[i]], edits), p)
	}

	// Standard input streams the same report, located in the whole input.
	long := strings.Repeat(string(article)+"\n\n", 40) // many chunks
	r = runCLI(t, strings.NewReader(long), "-json")
	require.Equal(t, 0, r.code, r.stderr)
	edits = jsonLines(t, r.stdout)
	want, rep := cleaned(t, long)
	assert.Equal(t, want, replay(t, stdinName, long, edits))
	assert.Len(t, edits, len(rep.Changes)+len(rep.Suggestions))
	for i := 1; i < len(edits); i++ {
		require.LessOrEqual(t, edits[i-1].Offset, edits[i].Offset)
	}
	p := writeFiles(t, dir, map[string]string{"long.txt": long}, "long.txt")[0]
	r2 := runCLI(t, nil, "-json", p)
	assert.Equal(t, strings.ReplaceAll(r.stdout, `"file":"<stdin>"`, `"file":`+strconv.Quote(p)), r2.stdout,
		"standard input and a file give the same report")
}

func TestStdinModes(t *testing.T) {
	want, rep := cleaned(t, dirty)
	r := runCLI(t, strings.NewReader(dirty), "-l")
	assert.Equal(t, cli{0, "<stdin>\n", ""}, r)
	r = runCLI(t, strings.NewReader(clean), "-l")
	assert.Equal(t, cli{0, "", ""}, r)
	r = runCLI(t, strings.NewReader(dirty), "-check")
	assert.Equal(t, cli{2, "", ""}, r)
	r = runCLI(t, strings.NewReader(clean), "-check")
	assert.Equal(t, cli{0, "", ""}, r)
	r = runCLI(t, strings.NewReader(dirty), "-d")
	assert.Equal(t, cli{0, unifiedDiff(result{name: stdinName, in: dirty, out: want, changes: rep.Changes}), ""}, r)
	r = runCLI(t, strings.NewReader(dirty), "-check", "-l", "-json")
	assert.Equal(t, 2, r.code)
	assert.True(t, strings.HasPrefix(r.stdout, "{"), r.stdout)
	assert.True(t, strings.HasSuffix(r.stdout, "}\n<stdin>\n"), r.stdout)
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"a.txt": dirty, "b.txt": clean, "sub/c.txt": dirtyNoNL}
	paths := writeFiles(t, dir, files, "a.txt", "b.txt", "sub/c.txt")
	require.NoError(t, os.Chmod(paths[0], 0o640))
	require.NoError(t, os.Chmod(paths[2], 0o604))
	before, err := os.Stat(paths[1])
	require.NoError(t, err)

	r := runCLI(t, nil, "-w", "-l", paths[0], paths[1], paths[2])
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, paths[0]+"\n"+paths[2]+"\n", r.stdout)
	for i, p := range paths {
		want, _ := cleaned(t, files[[]string{"a.txt", "b.txt", "sub/c.txt"}[i]])
		got, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.Equal(t, want, string(got), p)
	}
	assertMode(t, paths[0], 0o640)
	assertMode(t, paths[1], 0o644)
	assertMode(t, paths[2], 0o604)
	after, err := os.Stat(paths[1])
	require.NoError(t, err)
	assert.True(t, os.SameFile(before, after), "a file with nothing to change was replaced")
	assertNoTempFiles(t, dir)

	// A second run has nothing left to do.
	r = runCLI(t, nil, "-w", "-check", paths[0], paths[1], paths[2])
	assert.Equal(t, cli{0, "", ""}, r)
}

func TestWriteWithDiffAndJSON(t *testing.T) {
	dir := t.TempDir()
	p := writeFiles(t, dir, map[string]string{"a.txt": dirty}, "a.txt")[0]
	want, rep := cleaned(t, dirty)
	r := runCLI(t, nil, "-w", "-d", p)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, unifiedDiff(result{name: p, in: dirty, out: want, changes: rep.Changes}), r.stdout)
	got, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, want, string(got))

	require.NoError(t, os.WriteFile(p, []byte(dirty), 0o644))
	r = runCLI(t, nil, "-w", "-json", "-check", p)
	assert.Equal(t, 2, r.code, r.stderr)
	assert.Equal(t, want, replay(t, p, dirty, jsonLines(t, r.stdout)))
	got, err = os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, want, string(got))
}

func TestWriteSymlink(t *testing.T) {
	dir := t.TempDir()
	p := writeFiles(t, dir, map[string]string{"real.txt": dirty}, "real.txt")[0]
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink("real.txt", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	r := runCLI(t, nil, "-w", link)
	require.Equal(t, 0, r.code, r.stderr)
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.Equal(t, fs.ModeSymlink, fi.Mode().Type(), "the link was replaced by a file")
	want, _ := cleaned(t, dirty)
	got, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, want, string(got))
	assertNoTempFiles(t, dir)
}

func TestWriteRefusesReadOnlyFile(t *testing.T) {
	dir := t.TempDir()
	paths := writeFiles(t, dir, map[string]string{"ro.txt": dirty, "rw.txt": dirty}, "ro.txt", "rw.txt")
	require.NoError(t, os.Chmod(paths[0], 0o444))
	r := runCLI(t, nil, "-w", paths[0], paths[1])
	assert.Equal(t, exitError, r.code)
	assert.Equal(t, "cleanup: "+paths[0]+": the file is read-only; left as it was\n", r.stderr)
	got, err := os.ReadFile(paths[0])
	require.NoError(t, err)
	assert.Equal(t, dirty, string(got))
	want, _ := cleaned(t, dirty)
	got, err = os.ReadFile(paths[1])
	require.NoError(t, err)
	assert.Equal(t, want, string(got))
}

func assertMode(t testing.TB, path string, mode fs.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return // only the read-only bit exists there
	}
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, mode, fi.Mode().Perm(), "mode of %s", path)
}

// assertNoTempFiles checks that no temporary file of -w is left under dir.
func assertNoTempFiles(t testing.TB, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		assert.NotContains(t, d.Name(), ".copyedit-", "temporary file left: %s", p)
		return nil
	})
	require.NoError(t, err)
}

// TestDiffAppliesWithPatch: the -d output, applied by the real patch -p0,
// gives the cleaned files.
func TestDiffLabel(t *testing.T) {
	for name, want := range map[string]string{
		"a.txt":        "a.txt",
		"sub/café.txt": "sub/café.txt",
		"my file.txt":  `"my file.txt"`,
		`say "hi".txt`: `"say \"hi\".txt"`,
		`a\b`:          `"a\\b"`,
		"tab\there":    `"tab\there"`,
		"new\nline":    `"new\nline"`,
		"bell\a":       `"bell\007"`,
	} {
		assert.Equal(t, want, diffLabel(name), name)
	}
}

func TestDiffAppliesWithPatch(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch is not installed")
	}
	article, err := os.ReadFile("../../testdata/article.txt")
	require.NoError(t, err)
	files := map[string]string{
		"a.txt":           dirty,
		"nonl.txt":        dirtyNoNL,
		"clean.txt":       clean,
		"sub/article.txt": string(article),
		"crlf.txt":        "One,two.\r\nThree  four.\r\n",
		"lastline.txt":    "First line.\n\nlast,line without newline",
		"blank-lines.txt": "\n\n\nText,here.\n\n\n",
		"with space.txt":  dirty,
		`quote"d.txt`:     dirty,
		`back\slash.txt`:  dirty,
		"tab\tname.txt":   dirty,
		"café.txt":        dirty,
	}
	names := []string{"a.txt", "nonl.txt", "clean.txt", "sub/article.txt", "crlf.txt", "lastline.txt", "blank-lines.txt",
		"with space.txt", `quote"d.txt`, `back\slash.txt`, "tab\tname.txt", "café.txt"}
	dir := t.TempDir()
	writeFiles(t, dir, files, names...)
	t.Chdir(dir)

	r := runCLI(t, nil, append([]string{"-d"}, names...)...)
	require.Equal(t, 0, r.code, r.stderr)
	require.NotEmpty(t, r.stdout)
	cmd := exec.Command(patch, "-p0", "--batch", "--no-backup-if-mismatch")
	cmd.Stdin = strings.NewReader(r.stdout)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "patch:\n%s\ndiff:\n%s", out, r.stdout)
	for _, n := range names {
		want, _ := cleaned(t, files[n])
		got, err := os.ReadFile(n)
		require.NoError(t, err)
		assert.Equal(t, want, string(got), n)
	}
	// Nothing left to change.
	r = runCLI(t, nil, append([]string{"-d"}, names...)...)
	assert.Equal(t, cli{0, "", ""}, r)
}

// FuzzStdin: any input either streams out exactly as the pipeline cleans it
// whole, with status 0, or is refused with the offset of its first bad byte.
func FuzzStdin(f *testing.F) {
	for _, s := range []string{"", dirty, clean, dirtyNoNL, "a\x00b", "caf\xe9", "\xe2\x82", "x\r\n\r\ny,z.A", "é\u200bé"} {
		f.Add([]byte(s))
	}
	p := copyedit.Default()
	f.Fuzz(func(t *testing.T, in []byte) {
		var out, errb bytes.Buffer
		code := run(nil, bytes.NewReader(in), &out, &errb)
		bad, isBad := firstBad(in)
		if !isBad {
			require.Equal(t, 0, code, errb.String())
			require.Equal(t, p.Fix(string(in)), out.String())
			return
		}
		require.Equal(t, exitError, code)
		require.Contains(t, errb.String(), fmt.Sprintf(" at offset %d (", bad))
		require.True(t, utf8.Valid(out.Bytes()))
	})
}

// textGen writes news-like text with the defects copyedit fixes, every
// paragraph different (a made-up name in each), some paragraphs long enough
// to be cut, some line ends CRLF, some text outside ASCII.
type textGen struct {
	rng *rand.Rand
	n   int
}

func newTextGen(seed uint64) *textGen {
	return &textGen{rng: rand.New(rand.NewPCG(seed, 0x5eed))}
}

var genWords = strings.Fields(`the minister said talks would resume next week after
	officials in Zürich and Kyiv met on Tuesday to discuss a ceasefire plan that
	analysts called fragile but possible while markets rose 3.5% and the central
	bank kept rates at 1,250 basis points for a café owner in São Paulo naïve
	résumé élan according to reports published by example.org/news at 10:30`)

var genGlue = []string{" ", " ", " ", " ", " ", ", ", ",", "  ", " ", "; ", ";", " "}

// paragraph appends one paragraph to b.
func (g *textGen) paragraph(b []byte) []byte {
	g.n++
	sentences := 2 + g.rng.IntN(5)
	if g.rng.IntN(2000) == 0 {
		sentences = 1500 // a paragraph longer than a chunk (about 120 kB)
	}
	for s := range sentences {
		if s > 0 {
			if g.rng.IntN(4) == 0 {
				b = append(b, '.') // "said.The": no space after the period
			} else {
				b = append(b, ". "...)
			}
		}
		b = append(b, "Reporter "...)
		b = g.name(b)
		for w := range 6 + g.rng.IntN(12) {
			if w > 0 {
				b = append(b, genGlue[g.rng.IntN(len(genGlue))]...)
			} else {
				b = append(b, ' ')
			}
			b = append(b, genWords[g.rng.IntN(len(genWords))]...)
		}
	}
	b = append(b, '.')
	if g.rng.IntN(10) == 0 {
		return append(b, "\r\n\r\n"...)
	}
	return append(b, "\n\n"...)
}

// name appends a capitalized word unique to this paragraph.
func (g *textGen) name(b []byte) []byte {
	b = append(b, 'Z')
	for n := g.n; n > 0; n /= 26 {
		b = append(b, byte('a'+n%26))
	}
	return b
}

// text returns at least n bytes of text.
func (g *textGen) text(n int) string {
	var b []byte
	for len(b) < n {
		b = g.paragraph(b)
	}
	return string(b)
}

// TestWriteAtomicFailures: when the new text cannot replace the file, the
// file stays as it was and no temporary file is left.
func TestWriteAtomicFailures(t *testing.T) {
	dir := t.TempDir()
	p := writeFiles(t, dir, map[string]string{"a.txt": dirty}, "a.txt")[0]
	target, info, err := rewriteTarget(p)
	require.NoError(t, err)

	// The file became a folder with something in it: the rename fails.
	require.NoError(t, os.Remove(p))
	writeFiles(t, dir, map[string]string{"a.txt/inside": "x"}, "a.txt/inside")
	err = writeAtomic(p, target, info, "new text")
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), p+": cannot replace the file: "), err.Error())
	assert.True(t, strings.HasSuffix(err.Error(), "; left as it was"), err.Error())
	assert.Equal(t, "x", readFile(t, filepath.Join(p, "inside")))
	assertNoTempFiles(t, dir)

	// The folder went away: no temporary file can be made.
	gone := filepath.Join(dir, "gone")
	require.NoError(t, os.Mkdir(gone, 0o755))
	q := writeFiles(t, gone, map[string]string{"b.txt": dirty}, "b.txt")[0]
	target, info, err = rewriteTarget(q)
	require.NoError(t, err)
	require.NoError(t, os.RemoveAll(gone))
	err = writeAtomic(q, target, info, "new text")
	require.Error(t, err)
	assert.Contains(t, err.Error(), q+": cannot create a temporary file in "+gone)

	// A pending file discarded (an error, an interrupt) leaves nothing.
	r := writeFiles(t, dir, map[string]string{"c.txt": dirty}, "c.txt")[0]
	target, info, err = rewriteTarget(r)
	require.NoError(t, err)
	pf, err := createPending(r, target, info)
	require.NoError(t, err)
	_, err = io.WriteString(pf, "half of the new")
	require.NoError(t, err)
	pf.discard()
	pf.discard() // twice is fine
	assert.Equal(t, dirty, readFile(t, r))
	assertNoTempFiles(t, dir)
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// TestFormat cleans the prose of HTML and Markdown, detected from the file
// name or the content or given with -format, and keeps their markup.
func TestFormat(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"page.html": "<p title=\"a,b\">The world is changing,everything is possible.</p><pre>x,y</pre>\n",
		"note.md":   "Changing,everything. `a,b` and [link](http://x.org/a,b)\n",
		"page.txt":  "<p>The world is changing,everything</p>\n",
	}
	paths := writeFiles(t, dir, files, "page.html", "note.md", "page.txt")

	r := runCLI(t, nil, paths[0])
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "<p title=\"a,b\">The world is changing, everything is possible.</p><pre>x,y</pre>\n", r.stdout, "HTML from the extension")

	r = runCLI(t, nil, paths[1])
	assert.Equal(t, "Changing, everything. `a,b` and [link](http://x.org/a,b)\n", r.stdout, "Markdown from the extension")

	r = runCLI(t, strings.NewReader("<!DOCTYPE html><p>The world is changing,everything is possible.</p>"))
	assert.Equal(t, "<!DOCTYPE html><p>The world is changing, everything is possible.</p>", r.stdout, "HTML from the content of standard input")

	r = runCLI(t, nil, "-format", "html", paths[2])
	assert.Equal(t, "<p>The world is changing, everything</p>\n", r.stdout, "-format wins over the extension")

	r = runCLI(t, nil, "-format", "rtf", paths[2])
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "-format")
}

func TestExplainFlag(t *testing.T) {
	r := runCLI(t, nil, "-explain", "spacing/after-punct")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "changing,everything")

	r = runCLI(t, nil, "-explain", "all")
	require.Equal(t, 0, r.code)
	for _, rule := range copyedit.Rules() {
		assert.Contains(t, r.stdout, rule.ID)
	}

	r = runCLI(t, nil, "-explain", "spacing/nope")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "spacing/after-punct", "the error lists the rules nearby")
}

// TestConfigFile configures the command from a .copyedit.toml found from the
// working folder up, or named by -config; flags win over the file.
func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "drafts")
	require.NoError(t, os.MkdirAll(sub, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".copyedit.toml"), []byte("disable = [\"spacing/double-space\"]\nlocale = \"uk\"\n"), 0o644))
	t.Chdir(sub)
	in := "The color  of it.\n"

	r := runCLI(t, strings.NewReader(in))
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, "The colour  of it.\n", r.stdout, "the file found upward applies")

	r = runCLI(t, strings.NewReader(in), "-passes", "spacing")
	assert.Equal(t, "The color  of it.\n", r.stdout, "-passes wins; the file's disabled rule stays off")

	other := filepath.Join(dir, "other.toml")
	require.NoError(t, os.WriteFile(other, []byte("typography = \"ascii\"\n"), 0o644))
	r = runCLI(t, strings.NewReader("“The  color.”\n"), "-config", other)
	assert.Equal(t, "\"The color.\"\n", r.stdout, "-config replaces the file found upward")

	bad := filepath.Join(dir, "bad.toml")
	require.NoError(t, os.WriteFile(bad, []byte("locale = \"uk\"\nlocal = \"us\"\n"), 0o644))
	r = runCLI(t, strings.NewReader(in), "-config", bad)
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "bad.toml:2:1: unknown key \"local\"")
}
