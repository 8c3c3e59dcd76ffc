//go:build unix

// The fault cases, through the real binary: built once, run with os/exec.
// Unix only: they use file modes, FIFOs, signals and, on Linux, /proc.

package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/copyedit/copyedit"
)

var (
	binOnce sync.Once
	binDir  string // where the binary is built; removed by TestMain
	binPath string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// cleanupBinary builds the command once, on first use, and returns its path.
func cleanupBinary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			binErr = err
			return
		}
		if binDir, binErr = os.MkdirTemp("", "cleanup-bin-"); binErr != nil {
			return
		}
		// Reachable by the unprivileged user some tests run it as.
		if binErr = os.Chmod(binDir, 0o755); binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "cleanup")
		out, err := exec.Command(goTool, "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if errors.Is(binErr, exec.ErrNotFound) {
		t.Skip("no go command to build the binary with")
	}
	require.NoError(t, binErr)
	return binPath
}

// binOpts says how to run the binary.
type binOpts struct {
	dir   string
	stdin io.Reader
	cred  *syscall.Credential
}

func runBin(t testing.TB, o binOpts, args ...string) cli {
	t.Helper()
	cmd := exec.Command(cleanupBinary(t), args...)
	cmd.Dir = o.dir
	cmd.Stdin = o.stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if o.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: o.cred}
	}
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		require.True(t, ee.Exited(), "ended by a signal: %v; stderr: %s", err, errb.String())
		return cli{ee.ExitCode(), out.String(), errb.String()}
	case err != nil && o.cred != nil:
		t.Skipf("cannot run the binary as uid %d: %v", o.cred.Uid, err)
	}
	require.NoError(t, err)
	return cli{0, out.String(), errb.String()}
}

// permDir returns a new folder for a test of file permissions, and the
// credential to run the binary with so that permissions apply: none when the
// tests run as an ordinary user; nobody's when they run as root, who may
// read and write anything whatever its mode. Give the folder's files to that
// user with chownTree once they are written.
func permDir(t *testing.T) (string, *syscall.Credential) {
	t.Helper()
	if os.Geteuid() != 0 {
		dir := t.TempDir()
		// Let t.TempDir remove what a test made read-only.
		t.Cleanup(func() { chmodTree(dir) })
		return dir, nil
	}
	// t.TempDir's parent folder is closed to other users.
	dir, err := os.MkdirTemp("", "cleanup-perm-")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	require.NoError(t, os.Chmod(dir, 0o755))
	return dir, &syscall.Credential{Uid: 65534, Gid: 65534} // nobody
}

// chownTree gives dir and what is in it to cred's user, if any.
func chownTree(t *testing.T, dir string, cred *syscall.Credential) {
	t.Helper()
	if cred == nil {
		return
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, int(cred.Uid), int(cred.Gid))
	})
	require.NoError(t, err)
}

// chmodTree opens the folders under dir again, so that they can be removed.
func chmodTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			os.Chmod(p, 0o755)
		}
		return nil
	})
}

// TestBinaryRefusedFiles: a binary file, an unreadable one, a missing one, a
// directory and a Latin-1 one among good files: one line each naming it,
// the good files cleaned, exit 1 at the end, the bad files untouched.
func TestBinaryRefusedFiles(t *testing.T) {
	dir, cred := permDir(t)
	files := map[string]string{
		"good1.txt":      dirty,
		"binary.bin":     "\x7fELF\x02\x01\x01\x00\x00\x00",
		"unreadable.txt": dirty,
		"latin1.txt":     "na\xefve\n",
		"good2.txt":      dirtyNoNL,
	}
	writeFiles(t, dir, files, "good1.txt", "binary.bin", "unreadable.txt", "latin1.txt", "good2.txt")
	require.NoError(t, os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755))
	require.NoError(t, os.Chmod(filepath.Join(dir, "unreadable.txt"), 0o000))
	chownTree(t, dir, cred)
	args := []string{"good1.txt", "binary.bin", "unreadable.txt", "missing.txt", "folder.txt", "latin1.txt", "good2.txt"}
	wantMessages := []string{
		"cleanup: binary.bin: looks binary: NUL byte at offset 7 (line 1, column 8); left as it was",
		"cleanup: unreadable.txt: permission denied",
		"cleanup: missing.txt: no such file or directory",
		"cleanup: folder.txt: is a directory",
		"cleanup: latin1.txt: not valid UTF-8: byte 0xef at offset 2 (line 1, column 3); left as it was",
	}
	want1, _ := cleaned(t, dirty)
	want2, _ := cleaned(t, dirtyNoNL)

	r := runBin(t, binOpts{dir: dir, cred: cred}, args...)
	assert.Equal(t, exitError, r.code)
	assert.Equal(t, want1+want2, r.stdout)
	assert.Equal(t, wantMessages, messageLines(r.stderr))

	r = runBin(t, binOpts{dir: dir, cred: cred}, append([]string{"-l"}, args...)...)
	assert.Equal(t, exitError, r.code)
	assert.Equal(t, "good1.txt\ngood2.txt\n", r.stdout)
	assert.Equal(t, wantMessages, messageLines(r.stderr))

	r = runBin(t, binOpts{dir: dir, cred: cred}, append([]string{"-w"}, args...)...)
	assert.Equal(t, exitError, r.code)
	assert.Empty(t, r.stdout)
	wantMessages[1] = "cleanup: unreadable.txt: the file is read-only; left as it was" // mode 000
	assert.Equal(t, wantMessages, messageLines(r.stderr))
	assert.Equal(t, want1, readFile(t, filepath.Join(dir, "good1.txt")))
	assert.Equal(t, want2, readFile(t, filepath.Join(dir, "good2.txt")))
	for _, name := range []string{"binary.bin", "latin1.txt"} {
		assert.Equal(t, files[name], readFile(t, filepath.Join(dir, name)), name)
	}
	require.NoError(t, os.Chmod(filepath.Join(dir, "unreadable.txt"), 0o644))
	assert.Equal(t, dirty, readFile(t, filepath.Join(dir, "unreadable.txt")))
	assertNoTempFiles(t, dir)
}

func TestBinaryExitStatus(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": dirty, "b.txt": clean}, "a.txt", "b.txt")
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"b.txt"}, 0},
		{[]string{"-check", "b.txt"}, 0},
		{[]string{"-check", "a.txt", "b.txt"}, 2},
		{[]string{"-check", "a.txt", "missing.txt"}, 1}, // an error wins
		{[]string{"-nonsense"}, 1},
		{[]string{"-passes", "nonsense", "a.txt"}, 1},
		{[]string{"-w"}, 1},
		{[]string{"-h"}, 0},
	} {
		r := runBin(t, binOpts{dir: dir}, tc.args...)
		assert.Equal(t, tc.code, r.code, "%v: %s", tc.args, r.stderr)
	}
}

// TestBinaryWriteKeepsMode: -w rewrites in place with the file's mode (and
// owner, when run as root), leaving no temporary file behind.
func TestBinaryWriteKeepsMode(t *testing.T) {
	dir := t.TempDir()
	modes := map[string]fs.FileMode{"a.txt": 0o640, "b.txt": 0o600, "c.txt": 0o755, "clean.txt": 0o604}
	files := map[string]string{"a.txt": dirty, "b.txt": dirtyNoNL, "c.txt": dirty, "clean.txt": clean}
	names := []string{"a.txt", "b.txt", "c.txt", "clean.txt"}
	writeFiles(t, dir, files, names...)
	for n, m := range modes {
		require.NoError(t, os.Chmod(filepath.Join(dir, n), m))
	}
	root := os.Geteuid() == 0
	if root {
		require.NoError(t, os.Chown(filepath.Join(dir, "a.txt"), 65534, 65534))
	}
	r := runBin(t, binOpts{dir: dir}, append([]string{"-w"}, names...)...)
	require.Equal(t, cli{0, "", ""}, r)
	for _, n := range names {
		want, _ := cleaned(t, files[n])
		assert.Equal(t, want, readFile(t, filepath.Join(dir, n)), n)
		assertMode(t, filepath.Join(dir, n), modes[n])
	}
	if root {
		fi, err := os.Stat(filepath.Join(dir, "a.txt"))
		require.NoError(t, err)
		st := fi.Sys().(*syscall.Stat_t)
		assert.Equal(t, [2]uint32{65534, 65534}, [2]uint32{st.Uid, st.Gid}, "owner not kept")
	}
	assertNoTempFiles(t, dir)
}

// TestBinaryWriteReadOnlyDir: no temporary file can be made, so the file
// stays as it was, the status is 1, and the other files are still done.
func TestBinaryWriteReadOnlyDir(t *testing.T) {
	dir, cred := permDir(t)
	writeFiles(t, dir, map[string]string{"ro/a.txt": dirty, "rw/b.txt": dirty}, "ro/a.txt", "rw/b.txt")
	chownTree(t, dir, cred)
	require.NoError(t, os.Chmod(filepath.Join(dir, "ro"), 0o555))
	r := runBin(t, binOpts{dir: dir, cred: cred}, "-w", "ro/a.txt", "rw/b.txt")
	assert.Equal(t, exitError, r.code)
	assert.Equal(t, "cleanup: ro/a.txt: cannot create a temporary file in ro: permission denied; left as it was\n", r.stderr)
	assert.Equal(t, dirty, readFile(t, filepath.Join(dir, "ro/a.txt")))
	want, _ := cleaned(t, dirty)
	assert.Equal(t, want, readFile(t, filepath.Join(dir, "rw/b.txt")))
	assertNoTempFiles(t, dir)
}

// TestBinaryWriteNotRegular: -w refuses what it cannot replace by a rename,
// without blocking on a FIFO that nobody writes to.
func TestBinaryWriteNotRegular(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": dirty}, "a.txt")
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	r := runBin(t, binOpts{dir: dir}, "-w", "fifo", "a.txt", "/dev/null")
	assert.Equal(t, exitError, r.code)
	assert.Equal(t, []string{
		"cleanup: fifo: not a regular file; -w rewrites regular files only",
		"cleanup: /dev/null: not a regular file; -w rewrites regular files only",
	}, messageLines(r.stderr))
	want, _ := cleaned(t, dirty)
	assert.Equal(t, want, readFile(t, filepath.Join(dir, "a.txt")))
}

// TestBinaryInterruptDuringWrite: an interrupt in the middle of rewriting
// many files leaves each exactly old or exactly new, no temporary file, and
// a status and message that say how many were left.
func TestBinaryInterruptDuringWrite(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) { testSignalDuringWrite(t, sig) })
	}
}

func testSignalDuringWrite(t *testing.T, sig os.Signal) {
	bin := cleanupBinary(t)
	dir := t.TempDir()
	const n = 200
	gen := newTextGen(1)
	names := make([]string, n)
	old := make([]string, n)
	before := make([]fs.FileInfo, n)
	for i := range n {
		names[i] = fmt.Sprintf("f%03d.txt", i)
		old[i] = gen.text(64 << 10)
		p := filepath.Join(dir, names[i])
		require.NoError(t, os.WriteFile(p, []byte(old[i]), 0o640))
		require.NoError(t, os.Chmod(p, 0o640))
		fi, err := os.Stat(p)
		require.NoError(t, err)
		before[i] = fi
	}
	cmd := exec.Command(bin, append([]string{"-w"}, names...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	// Interrupt once a tenth of the files are replaced: the run is well
	// under way, files are being read, written and renamed.
	var err error
	exited := false
	for !exited && replaced(dir, names, before) < n/10 {
		select {
		case err = <-done:
			exited = true
		case <-time.After(time.Millisecond):
		}
	}
	if !exited {
		require.NoError(t, cmd.Process.Signal(sig))
		err = <-done
	}

	p := copyedit.Default()
	var left int
	for i, name := range names {
		got := readFile(t, filepath.Join(dir, name))
		if got == old[i] {
			left++
		} else {
			want := p.Fix(old[i])
			require.Equal(t, len(want), len(got), "%s is neither its old nor its new text", name)
			require.True(t, want == got, "%s is neither its old nor its new text", name)
		}
		assertMode(t, filepath.Join(dir, name), 0o640)
	}
	assertNoTempFiles(t, dir)
	t.Logf("interrupted: %v; %d of %d files left as they were; stderr: %s", err, left, n, stderr.String())
	if err == nil {
		// The run ended before the interrupt came.
		assert.Zero(t, left)
		return
	}
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee)
	require.True(t, ee.Exited(), "killed by the signal instead of stopping: %v", err)
	assert.Equal(t, exitError, ee.ExitCode())
	assert.Equal(t, fmt.Sprintf("cleanup: interrupted: %d of %d files were left as they were; the others are done\n", left, n), stderr.String())
}

// replaced returns how many of the files are no longer the ones before.
func replaced(dir string, names []string, before []fs.FileInfo) int {
	n := 0
	for i, name := range names {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err == nil && !os.SameFile(fi, before[i]) {
			n++
		}
	}
	return n
}

// TestBinaryStdinClosedEarly: standard input that ends early, between two
// characters or inside one.
func TestBinaryStdinClosedEarly(t *testing.T) {
	text := newTextGen(3).text(300 << 10)
	for _, tc := range []struct {
		name string
		in   string
		code int
		msg  string
	}{
		{"between paragraphs", text[:strings.Index(text[100<<10:], "\n\n")+100<<10+2], 0, ""},
		{"inside a word", text[:150<<10+3], 0, ""},
		{"inside a character", text + "caf\xc3", 1, fmt.Sprintf("cleanup: <stdin>: not valid UTF-8: the input ends inside a character, byte 0xc3 at offset %d", len(text)+3)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(cleanupBinary(t))
			stdin, err := cmd.StdinPipe()
			require.NoError(t, err)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			require.NoError(t, cmd.Start())
			_, werr := io.WriteString(stdin, tc.in)
			require.NoError(t, werr)
			require.NoError(t, stdin.Close()) // the writer goes away
			err = cmd.Wait()
			if tc.code == 0 {
				require.NoError(t, err, errb.String())
				want, _ := cleaned(t, tc.in)
				assert.Equal(t, want, out.String())
				return
			}
			var ee *exec.ExitError
			require.ErrorAs(t, err, &ee)
			assert.Equal(t, tc.code, ee.ExitCode())
			assert.True(t, strings.HasPrefix(errb.String(), tc.msg), errb.String())
		})
	}
}

// TestBinaryStdoutClosedEarly: a reader of the output that goes away ends
// the run, with a failure, instead of letting it loop or hang.
func TestBinaryStdoutClosedEarly(t *testing.T) {
	cmd := exec.Command(cleanupBinary(t))
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	go func() {
		gen := newTextGen(4)
		for range 1000 { // 64 MB, unless the command ends first
			if _, err := io.WriteString(stdin, gen.text(64<<10)); err != nil {
				break
			}
		}
		stdin.Close()
	}()
	_, err = io.ReadFull(stdout, make([]byte, 100))
	require.NoError(t, err)
	require.NoError(t, stdout.Close())
	err = cmd.Wait()
	require.Error(t, err, "the command went on without its reader")
	t.Log(err)
}

func TestBinaryStdinRefused(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{"Line one,\nline two \xff\xfe", "cleanup: <stdin>: not valid UTF-8: byte 0xff at offset 19 (line 2, column 10)\n"},
		{"PK\x03\x04\x00\x00", "cleanup: <stdin>: looks binary: NUL byte at offset 4 (line 1, column 5)\n"},
	} {
		for _, flags := range [][]string{nil, {"-json"}, {"-d"}} {
			r := runBin(t, binOpts{stdin: strings.NewReader(tc.in)}, flags...)
			assert.Equal(t, exitError, r.code)
			assert.Equal(t, tc.msg, r.stderr, flags)
		}
	}
}

// TestBinaryLargeStdin streams 200 MB of generated text through the command
// and checks that its peak memory stays under 64 MiB.
func TestBinaryLargeStdin(t *testing.T) {
	if testing.Short() {
		t.Skip("200 MB through the command; not with -short")
	}
	if runtime.GOOS != "linux" {
		t.Skip("peak memory is read from /proc")
	}
	for _, tc := range []struct {
		args []string
		size int
	}{
		{nil, 200 << 20},
		{[]string{"-l"}, 64 << 20}, // the report modes stream too (64 MB: the bounded caches of names and decisions fill in the first quarter)
	} {
		t.Run(fmt.Sprint(tc.args), func(t *testing.T) {
			cmd := exec.Command(cleanupBinary(t), tc.args...)
			stdin, err := cmd.StdinPipe()
			require.NoError(t, err)
			stdout, err := cmd.StdoutPipe()
			require.NoError(t, err)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			require.NoError(t, cmd.Start())
			type count struct {
				n   int64
				err error
			}
			outc := make(chan count, 1)
			go func() {
				// The output must be text too.
				n, err := io.Copy(io.Discard, newCheckedReader(stdout))
				outc <- count{n, err}
			}()
			gen := newTextGen(7)
			w := bufio.NewWriterSize(stdin, 1<<20)
			written := 0
			var hwmQuarter int64
			for written < tc.size {
				s := gen.text(256 << 10)
				_, err := w.WriteString(s)
				require.NoError(t, err)
				written += len(s)
				if hwmQuarter == 0 && written >= tc.size/4 {
					hwmQuarter = vmHWM(t, cmd.Process.Pid)
				}
			}
			require.NoError(t, w.Flush())
			// The command is still running, waiting for more input.
			hwm := vmHWM(t, cmd.Process.Pid)
			require.NoError(t, stdin.Close())
			out := <-outc
			require.NoError(t, cmd.Wait(), errb.String())
			require.NoError(t, out.err)
			// VmHWM, not the rusage's Maxrss: Linux carries Maxrss across
			// execve, so it includes the test process that forked the child.
			t.Logf("%d MB in, %d MB out; peak memory: VmHWM %.1f MiB after a quarter, %.1f MiB before the end",
				written>>20, out.n>>20, float64(hwmQuarter)/(1<<20), float64(hwm)/(1<<20))
			if tc.args == nil {
				assert.Greater(t, out.n, int64(written)*9/10)
			}
			// Flat: the last three quarters of the input add little.
			assert.Less(t, hwm-hwmQuarter, int64(16<<20),
				"memory grows with the input: something (a pass's per-document state?) keeps what it saw without bound")
			assert.Less(t, hwm, int64(64<<20))
		})
	}
}

var vmHWMLine = regexp.MustCompile(`(?m)^VmHWM:\s+(\d+) kB$`)

// vmHWM returns the peak resident memory of the running process pid.
func vmHWM(t *testing.T, pid int) int64 {
	t.Helper()
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	require.NoError(t, err)
	m := vmHWMLine.FindSubmatch(status)
	require.NotNil(t, m, "no VmHWM in /proc/%d/status", pid)
	kb, err := strconv.ParseInt(string(m[1]), 10, 64)
	require.NoError(t, err)
	return kb << 10
}
