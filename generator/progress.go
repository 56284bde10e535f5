package generator

import (
	"io"
	"io/fs"
	"strings"
	"sync/atomic"

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

// countingFS counts the profiles read through it.
type countingFS struct {
	fs.FS
	p *Progress
}

func (c countingFS) ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(c.FS, name)
	if err == nil && strings.HasPrefix(name, "content/partnerships/") && strings.HasSuffix(name, ".md") {
		c.p.read.Add(1)
	}
	return data, err
}

func (c countingFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }
func (c countingFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(c.FS, name) }

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
