package generator

import (
	"errors"
	"io/fs"
	"os"

	"github.com/alongside-dev/alongside/generator/content"
)

// siteFS is a site folder opened as an os.Root: nothing read through it
// leaves the folder, not even by a symbolic link. Its Open never waits on
// a named pipe, a device or a socket, and refuses them with an error that
// wraps content.ErrNotFile (it is a content.PlainFS).
type siteFS struct {
	root *os.Root
	fs.FS
}

func newSiteFS(root *os.Root) siteFS { return siteFS{root, root.FS()} }

// Open opens name for reading without blocking, then refuses it unless it
// is a plain file or a folder.
func (s siteFS) Open(name string) (fs.File, error) {
	f, _, err := s.open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (s siteFS) open(name string) (*os.File, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := s.root.OpenFile(name, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		err = &fs.PathError{Op: "open", Path: name, Err: content.ErrNotFile}
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

// ReadFile reads name through Open, so that it refuses what Open refuses,
// into a buffer of the size the file had when opened. No file alongside
// reads whole needs more than maxRead bytes: a larger one (or one that
// grows past it as it is read) is an error, and no more of it is read.
func (s siteFS) ReadFile(name string) ([]byte, error) {
	f, fi, err := s.open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return content.ReadAtMost(f, fi.Size(), maxRead, &fs.PathError{Op: "read", Path: name, Err: errTooLarge})
}

// maxRead is the most a site's file may hold to be read whole: a
// template, a catalog, a page, a profile (which has a lower limit of its
// own), an image for a proof. Other files (a bundle's, the theme's static
// files) are copied, never held whole.
const maxRead = 64 << 20

var errTooLarge = errors.New("the file is larger than 64 MB, more than any file alongside reads whole")

func (siteFS) PlainOnly() bool { return true }

// Sub returns the folder dir as a siteFS of its own: opening a file in it
// takes one step instead of one per folder of its path. The folder's
// handle is closed when the result is no longer used.
func (s siteFS) Sub(dir string) (fs.FS, error) {
	if dir == "." {
		return s, nil
	}
	root, err := s.root.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return newSiteFS(root), nil
}
