package content

import (
	"errors"
	"io/fs"
	"strings"
)

// ProfileFiles returns the site folder fsys, when it is a PlainFS (as
// generator.OpenSite's is), with the files under content/partnerships
// opened through that folder, itself opened once as a file system of its
// own (fs.Sub): one step to open each profile instead of one per folder
// of its path. A file there that leads out of the folder (a link to
// elsewhere in the site) is opened through fsys. Any other fsys is
// returned as it is.
//
// The folder is held open while the result is in use, and a folder
// replaced meanwhile would still be read through the old one: use it for
// one load, check or build, not across them.
func ProfileFiles(fsys fs.FS) fs.FS {
	if _, ok := fsys.(profileFiles); ok || !Plain(fsys) {
		return fsys
	}
	sub, err := fs.Sub(fsys, profilesDir)
	if err != nil {
		return fsys
	}
	return profileFiles{fsys, sub}
}

type profileFiles struct {
	site, profiles fs.FS
}

// via does do with the profiles' folder when name is in it, and with the
// site folder otherwise, or when the folder cannot open it.
func via[T any](f profileFiles, name string, do func(fs.FS, string) (T, error)) (T, error) {
	if rest, ok := strings.CutPrefix(name, profilesDir+"/"); ok {
		v, err := do(f.profiles, rest)
		if err == nil || errors.Is(err, fs.ErrNotExist) || errors.Is(err, ErrNotFile) {
			return v, err
		}
	}
	return do(f.site, name)
}

func (f profileFiles) Open(name string) (fs.File, error)          { return via(f, name, fs.FS.Open) }
func (f profileFiles) Stat(name string) (fs.FileInfo, error)      { return via(f, name, fs.Stat) }
func (f profileFiles) ReadFile(name string) ([]byte, error)       { return via(f, name, fs.ReadFile) }
func (f profileFiles) ReadDir(name string) ([]fs.DirEntry, error) { return via(f, name, fs.ReadDir) }
func (f profileFiles) PlainOnly() bool                            { return Plain(f.site) }
