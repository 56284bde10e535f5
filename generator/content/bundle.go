package content

import (
	"errors"
	"io/fs"
	"path"
	"strings"
)

// readBundle lists the files of the bundle folder dir (slash-separated,
// relative to the site), relative to it, leaving out index.md, hidden
// files and editor backups; a symlink that leads outside the site is
// reported and left out. ok is false when dir is not a folder or has no
// index.md (which is then one of the problems).
func readBundle(fsys fs.FS, dir string) (files []string, ok bool, probs Problems) {
	if fi, err := fs.Stat(fsys, dir); err != nil || !fi.IsDir() {
		return nil, false, nil
	}
	if _, err := fs.Stat(fsys, dir+"/index.md"); err != nil {
		return nil, false, Problems{{Path: dir, Line: 1, Col: 1, Message: "this folder has no index.md: a bundle keeps its profile in index.md beside its files"}}
	}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			probs = append(probs, Problem{Path: p, Line: 1, Col: 1, Warning: true, Message: "not copied: " + shortErr(err)})
			return nil
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || p == dir+"/index.md" || IsEditorTemp(name) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if fi, err := fs.Stat(fsys, p); err != nil || !fi.Mode().IsRegular() {
				probs = append(probs, Problem{Path: p, Line: 1, Col: 1, Warning: true, Message: "not copied: a symlink that leads outside the site (or to nothing) is never followed"})
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		files = append(files, strings.TrimPrefix(p, dir+"/"))
		return nil
	})
	if err != nil {
		probs = append(probs, Problem{Path: dir, Line: 1, Col: 1, Message: "cannot read the folder: " + shortErr(err)})
	}
	return files, true, probs
}

// isContentFile reports whether name is a Markdown content file: not
// hidden, not an editor's backup.
func isContentFile(name string) bool {
	return strings.HasSuffix(name, ".md") && !strings.HasPrefix(name, ".") && !IsEditorTemp(name)
}

// IsEditorTemp reports names that editors write while saving (vim's
// swap files and 4913, emacs's .# locks, ~ backups, .tmp files).
func IsEditorTemp(name string) bool {
	return strings.HasSuffix(name, "~") || strings.HasPrefix(name, ".#") || name == "4913" ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp")
}

func readProblem(rel string, err error) Problem {
	return Problem{Path: rel, Line: 1, Col: 1, Message: "cannot read: " + shortErr(err)}
}

func shortErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// BundlePath is the path of a bundle file relative to the site.
func (p *Profile) BundlePath(name string) string { return path.Join(p.BundleDir, name) }
