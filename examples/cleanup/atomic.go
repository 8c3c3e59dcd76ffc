package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// rewriteTarget returns the file that rewriting name replaces (name with its
// symbolic links resolved, so that a link keeps pointing at the rewritten
// file) and that file's info. It refuses what -w must not rewrite: a
// directory, anything but a regular file, and a file nobody may write to.
func rewriteTarget(name string) (string, fs.FileInfo, error) {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return "", nil, fileError(name, err)
	}
	info, err := os.Stat(target)
	if err != nil {
		return "", nil, fileError(name, err)
	}
	switch {
	case info.IsDir():
		return "", nil, fileError(name, errIsDir)
	case !info.Mode().IsRegular():
		return "", nil, fmt.Errorf("%s: not a regular file; -w rewrites regular files only", name)
	case info.Mode().Perm()&0o222 == 0:
		return "", nil, fmt.Errorf("%s: the file is read-only; left as it was", name)
	}
	return target, info, nil
}

// pendingFile is the new text of a file being rewritten: a temporary file in
// the file's folder that replaces the file, by a rename, only on commit. The
// file is at every moment either its old or its new text.
type pendingFile struct {
	name   string // the file as the user named it, for messages
	target string // the file replaced
	tmp    *os.File
	w      *bufio.Writer
	werr   error // the first write error, worded
	closed bool
}

// createPending starts the rewriting of target, whose info is info, with a
// temporary file of the same mode (and owner, where it can).
func createPending(name, target string, info fs.FileInfo) (*pendingFile, error) {
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".copyedit-*")
	if err != nil {
		return nil, fmt.Errorf("%s: cannot create a temporary file in %s: %v; left as it was", name, dir, unwrapPath(err))
	}
	p := &pendingFile{name: name, target: target, tmp: tmp, w: bufio.NewWriterSize(tmp, 64<<10)}
	keepOwner(tmp, info)
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		p.discard()
		return nil, p.errorf("cannot set the mode of the temporary file", err)
	}
	return p, nil
}

// Write writes to the temporary file; the first error is kept, worded, in
// p.werr.
func (p *pendingFile) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	if err != nil && p.werr == nil {
		p.werr = p.errorf("cannot write the new text", err)
	}
	return n, err
}

// commit flushes and syncs the temporary file and renames it over the target.
// On error the temporary file is removed and the target left as it was.
func (p *pendingFile) commit() error {
	if err := p.w.Flush(); err != nil {
		p.discard()
		return p.errorf("cannot write the new text", err)
	}
	if err := p.tmp.Sync(); err != nil {
		p.discard()
		return p.errorf("cannot sync the new text", err)
	}
	p.closed = true
	if err := p.tmp.Close(); err != nil {
		os.Remove(p.tmp.Name())
		return p.errorf("cannot write the new text", err)
	}
	if err := os.Rename(p.tmp.Name(), p.target); err != nil {
		os.Remove(p.tmp.Name())
		return p.errorf("cannot replace the file", err)
	}
	syncDir(filepath.Dir(p.target))
	return nil
}

// discard removes the temporary file, unless it was committed.
func (p *pendingFile) discard() {
	if p.closed {
		return
	}
	p.closed = true
	p.tmp.Close()
	os.Remove(p.tmp.Name())
}

func (p *pendingFile) errorf(what string, err error) error {
	return fmt.Errorf("%s: %s: %v; left as it was", p.name, what, unwrapPath(err))
}

// writeAtomic replaces target with data through a pendingFile.
func writeAtomic(name, target string, info fs.FileInfo, data string) error {
	p, err := createPending(name, target, info)
	if err != nil {
		return err
	}
	if _, err := p.w.WriteString(data); err != nil {
		p.discard()
		return p.errorf("cannot write the new text", err)
	}
	return p.commit()
}

// syncDir makes a rename in dir durable, where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // not supported everywhere; the rename is done either way
		d.Close()
	}
}

// fileError words an error about the file name: "name: reason".
func fileError(name string, err error) error {
	return fmt.Errorf("%s: %v", name, unwrapPath(err))
}

// unwrapPath strips the operation and path from an *fs.PathError, which
// messages name themselves.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
