package generator

import (
	"context"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync/atomic"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/output"
)

// Progress counts a build's work as it happens, for a progress line.
// The zero value is ready to use; its methods are safe for concurrent use.
type Progress struct {
	read    atomic.Int64
	written atomic.Int64
}

// Read is the number of profiles read so far.
func (p *Progress) Read() int64 { return p.read.Load() }

// Written is the number of files written so far.
func (p *Progress) Written() int64 { return p.written.Load() }

// countingFS counts the profiles the loader reads through it: those it
// opens through content/partnerships as a file system of its own (see
// Sub), translations left out. Other reads of a profile's file, such as a
// warning's look back at its lines, do not count.
type countingFS struct {
	fs.FS
	p   *Progress
	dir string // the folder of the site it is, "" for the site itself
}

// counts reports whether opening name is the loader reading a profile.
func (c countingFS) counts(name string) bool {
	_, _, translation := content.TranslationOf(path.Base(name))
	return c.dir == "content/partnerships" && strings.HasSuffix(name, ".md") && !translation
}

func (c countingFS) Open(name string) (fs.File, error) {
	f, err := c.FS.Open(name)
	if err == nil && c.counts(name) {
		c.p.read.Add(1)
	}
	return f, err
}

func (c countingFS) Sub(dir string) (fs.FS, error) {
	sub, err := fs.Sub(c.FS, dir)
	return countingFS{sub, c.p, path.Join(c.dir, dir)}, err
}

func (c countingFS) PlainOnly() bool                            { return content.Plain(c.FS) }
func (c countingFS) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(c.FS, name) }
func (c countingFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }
func (c countingFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(c.FS, name) }
func (c countingFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(c.FS, name) }
func (c countingFS) ReadLink(name string) (string, error)       { return fs.ReadLink(c.FS, name) }

// countingWriter counts the files written through it.
type countingWriter struct {
	output.Writer
	p *Progress
}

func (c countingWriter) WriteFile(name string, data []byte) error {
	c.p.written.Add(1)
	return c.Writer.WriteFile(name, data)
}

func (c countingWriter) WriteStream(name string, write func(io.Writer) error) error {
	c.p.written.Add(1)
	return c.Writer.WriteStream(name, write)
}

// ctxFS fails every read once ctx is done, so that loading a large site
// stops within moments of an interrupt: each file left fails at once.
type ctxFS struct {
	fsys fs.FS
	ctx  context.Context
}

// WithContext returns fsys, whose reads fail with ctx's error once ctx is
// done.
func WithContext(ctx context.Context, fsys fs.FS) fs.FS { return ctxFS{fsys, ctx} }

func (c ctxFS) Open(name string) (fs.File, error) {
	if err := c.ctx.Err(); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return c.fsys.Open(name)
}

func (c ctxFS) PlainOnly() bool { return content.Plain(c.fsys) }

func (c ctxFS) Sub(dir string) (fs.FS, error) {
	if err := c.ctx.Err(); err != nil {
		return nil, &fs.PathError{Op: "sub", Path: dir, Err: err}
	}
	sub, err := fs.Sub(c.fsys, dir)
	return ctxFS{sub, c.ctx}, err
}

func (c ctxFS) ReadFile(name string) ([]byte, error) {
	if err := c.ctx.Err(); err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return fs.ReadFile(c.fsys, name)
}

func (c ctxFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := c.ctx.Err(); err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	return fs.ReadDir(c.fsys, name)
}

func (c ctxFS) Stat(name string) (fs.FileInfo, error) {
	if err := c.ctx.Err(); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	return fs.Stat(c.fsys, name)
}

func (c ctxFS) Lstat(name string) (fs.FileInfo, error) {
	if err := c.ctx.Err(); err != nil {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: err}
	}
	return fs.Lstat(c.fsys, name)
}

func (c ctxFS) ReadLink(name string) (string, error) {
	if err := c.ctx.Err(); err != nil {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: err}
	}
	return fs.ReadLink(c.fsys, name)
}
