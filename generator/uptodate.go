package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
)

// A build records what it was made from in a state file beside the output
// folder (".<dest>.alongside-state"): a key that hashes every input — the
// alongside binary itself, the name, size, mode and modification time of
// every file of site.toml, content/ and themes/, the options and the
// build date — and the size and modification time of
// every file it wrote. The next build with the same key, into an output
// folder that nobody has touched since, has nothing to do and leaves it
// as it is. Any change at all (an edited, added or removed file, another
// binary, flag or day, a file edited in the output) means a full build,
// in which unchanged files are still hard-linked rather than rewritten.
type state struct {
	Key      string
	Files    map[string]stamp // the output, by slash-separated path
	Result   Result
	Problems content.Problems // the warnings of that build
}

type stamp struct {
	Size    int64
	ModTime int64 // Unix nanoseconds
}

func statePath(dest string) string {
	abs, err := filepath.Abs(dest)
	if err != nil {
		abs = dest
	}
	return filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+".alongside-state")
}

// inputKey hashes everything a build depends on. The site folder is read
// through fsys (so the key sees what the build would see).
func inputKey(fsys fs.FS, opts *Options) (string, error) {
	h := sha256.New()
	exe, err := executableHash()
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "alongside %s %s\nbase-url %q\nunapproved %v\ntoday %s\n",
		exe, runtime.Version(), opts.BaseURL, opts.Unapproved, opts.Today)
	for _, root := range []string{"site.toml", "content", "themes"} {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == root {
					return nil
				}
				fmt.Fprintf(h, "%s unreadable\n", p) // a change of readability is a change
				return nil
			}
			if d.IsDir() {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				fmt.Fprintf(h, "%s unreadable\n", p)
				return nil
			}
			// Size, mode and modification time in nanoseconds, as make
			// and the go command judge files: an editor's save, a git
			// checkout or a copy changes at least the time.
			fmt.Fprintf(h, "%s %d %v %d\n", p, fi.Size(), fi.Mode(), fi.ModTime().UnixNano())
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

var exeHash = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
})

func executableHash() (string, error) { return exeHash() }

// upToDate returns the recorded result when dest is exactly what a build
// with key left there.
func upToDate(dest, key string) (*state, bool) {
	data, err := os.ReadFile(statePath(dest))
	if err != nil {
		return nil, false
	}
	var st state
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&st); err != nil || st.Key != key {
		return nil, false
	}
	files, err := stampTree(dest)
	if err != nil || len(files) != len(st.Files) {
		return nil, false
	}
	for p, s := range files {
		if st.Files[p] != s {
			return nil, false
		}
	}
	return &st, true
}

// stampTree records every file under root.
func stampTree(root string) (map[string]stamp, error) {
	files := map[string]stamp{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = stamp{fi.Size(), fi.ModTime().UnixNano()}
		return nil
	})
	return files, err
}

// saveState records a finished build. Failing to record it only costs the
// next build its shortcut, so errors are ignored after removing any stale
// state.
func saveState(dest, key string, res *Result) {
	path := statePath(dest)
	files, err := stampTree(dest)
	if err != nil {
		os.Remove(path)
		return
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(state{Key: key, Files: files, Result: *res, Problems: res.Warnings}); err != nil {
		os.Remove(path)
		return
	}
	tmp := path + ".tmp-" + fmt.Sprint(time.Now().UnixNano())
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil || os.Rename(tmp, path) != nil {
		os.Remove(tmp)
		os.Remove(path)
	}
}
