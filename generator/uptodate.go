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
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/parallel"
	"github.com/alongside-dev/alongside/generator/output"
)

// A build records what it was made from in a state file in the user's
// cache folder (see statePath): a key that hashes every input — the
// alongside binary itself, the name, size, mode and modification time of
// every file of site.toml, content/ and themes/, the options and the
// build date — and a hash of the name, size, mode and modification time
// of every file it wrote. The next build with the same key, into an
// output folder that nobody has touched since, has nothing to do and
// leaves it as it is. Any change at all (an edited, added or removed
// file, another binary, flag or day, a file edited in the output) means a
// full build, in which unchanged files are still hard-linked rather than
// rewritten. Without a cache folder every build is a full one.
type state struct {
	Key      string
	Output   string   // outputHash of the files written
	Files    []string // their names, sorted: what a later build may replace
	Result   Result
	Problems content.Problems // the warnings of that build
}

// userCacheDir is os.UserCacheDir; the package's tests replace it.
var userCacheDir = os.UserCacheDir

// statePath is the state file of builds of the site folder site into
// dest: CACHE/builds/HASH, HASH naming the absolute paths of both, CACHE
// being cacheDir or else the user's cache folder + "/alongside"; or ""
// when there is no cache folder to name.
func statePath(cacheDir, site, dest string) string {
	if cacheDir == "" {
		dir, err := userCacheDir()
		if err != nil {
			return ""
		}
		cacheDir = filepath.Join(dir, "alongside")
	}
	s, err1 := filepath.Abs(site)
	d, err2 := filepath.Abs(dest)
	if err1 != nil || err2 != nil {
		return ""
	}
	h := sha256.Sum256([]byte(s + "\x00" + d))
	return filepath.Join(cacheDir, "builds", hex.EncodeToString(h[:16]))
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
		exe, runtime.Version(), opts.BaseURL, opts.Unapproved, content.DayOf(opts.Now))
	for _, root := range []string{"site.toml", "content", "themes"} {
		// Size, mode and modification time in nanoseconds, as make and
		// the go command judge files: an editor's save, a git checkout
		// or a copy changes at least the time.
		writeStamps(h, stamps(fsys, root))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// A stamp is what a build notes of one file: its path below the root
// walked, size, mode and modification time, or that it could not be read
// (a change of readability is a change).
type stamp struct {
	path       string
	size       int64
	mode       fs.FileMode
	mtime      int64 // Unix nanoseconds
	unreadable bool
}

// stamps lists the files under root in fsys (root itself when it is a
// file; nothing when it does not exist), in lexical order, looking at
// them and into folders on every core.
func stamps(fsys fs.FS, root string) []stamp {
	fi, err := fs.Stat(fsys, root)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return []stamp{{path: root, unreadable: true}}
	case !fi.IsDir():
		return []stamp{stampOf(root, fi)}
	}
	return stampDir(fsys, root)
}

func stampDir(fsys fs.FS, dir string) []stamp {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return []stamp{{path: dir, unreadable: true}}
	}
	parts := make([][]stamp, len(ents))
	parallel.For(len(ents), func(i int) {
		p := path.Join(dir, ents[i].Name())
		if ents[i].IsDir() {
			parts[i] = stampDir(fsys, p)
			return
		}
		fi, err := ents[i].Info()
		if err != nil {
			parts[i] = []stamp{{path: p, unreadable: true}}
			return
		}
		parts[i] = []stamp{stampOf(p, fi)}
	})
	return slices.Concat(parts...)
}

func stampOf(path string, fi fs.FileInfo) stamp {
	return stamp{path: path, size: fi.Size(), mode: fi.Mode(), mtime: fi.ModTime().UnixNano()}
}

// writeStamps writes a line per stamp to w.
func writeStamps(w io.Writer, ss []stamp) {
	var b []byte
	for _, s := range ss {
		b = append(b[:0], s.path...)
		if s.unreadable {
			b = append(b, " unreadable\n"...)
		} else {
			b = append(b, ' ')
			b = strconv.AppendInt(b, s.size, 10)
			b = append(b, ' ')
			b = strconv.AppendUint(b, uint64(s.mode), 8)
			b = append(b, ' ')
			b = strconv.AppendInt(b, s.mtime, 10)
			b = append(b, '\n')
		}
		w.Write(b)
	}
}

// outputHash hashes the stamps of the files of an output folder, by
// slash-separated name.
func outputHash(files map[string]output.Stamp) string {
	ss := make([]stamp, 0, len(files))
	for _, name := range slices.Sorted(maps.Keys(files)) {
		s := files[name]
		ss = append(ss, stamp{path: name, size: s.Size, mode: s.Mode, mtime: s.ModTime})
	}
	h := sha256.New()
	writeStamps(h, ss)
	return hex.EncodeToString(h.Sum(nil))
}

// walkOutput stamps the files of the folder dir as output.Dir did when
// it wrote them, leaving out a .git at its top (a publishing work tree,
// which builds carry over); ok is false when one cannot be read.
func walkOutput(dir string) (files map[string]output.Stamp, ok bool) {
	files = map[string]output.Stamp{}
	fsys := os.DirFS(dir)
	ents, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, false
	}
	for _, e := range ents {
		if e.Name() == ".git" {
			continue
		}
		for _, s := range stamps(fsys, e.Name()) {
			if s.unreadable {
				return nil, false
			}
			files[s.path] = output.Stamp{Size: s.size, Mode: s.mode, ModTime: s.mtime}
		}
	}
	return files, true
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

// readState returns the state recorded in the file path, whatever its
// key.
func readState(path string) (*state, bool) {
	if path == "" {
		return nil, false
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	var st state
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&st); err != nil {
		return nil, false
	}
	return &st, true
}

// upToDate returns the recorded result when dest is exactly what a build
// with key, recorded in the state file path, left there.
func upToDate(path, dest, key string) (*state, bool) {
	st, ok := readState(path)
	if !ok || st.Key != key {
		return nil, false
	}
	files, ok := walkOutput(dest)
	if !ok || outputHash(files) != st.Output {
		return nil, false
	}
	return st, true
}

// saveState records a finished build in the state file path, whose files
// had the stamps files when written. Failing to record it only costs the
// next build its shortcut, so errors are ignored after removing any stale
// state. The file and its folder are the user's alone, like the rest
// of a cache.
func saveState(path, key string, res *Result, files map[string]output.Stamp) {
	if path == "" {
		return
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(state{Key: key, Output: outputHash(files), Files: slices.Sorted(maps.Keys(files)), Result: *res, Problems: res.Warnings}); err != nil {
		os.Remove(path)
		return
	}
	if os.MkdirAll(filepath.Dir(path), 0o700) != nil {
		return
	}
	tmp := path + ".tmp-" + fmt.Sprint(time.Now().UnixNano())
	if err := os.WriteFile(tmp, buf.Bytes(), 0o600); err != nil || os.Rename(tmp, path) != nil {
		os.Remove(tmp)
		os.Remove(path)
	}
}

// removeState removes the state file path, if any.
func removeState(path string) {
	if path != "" {
		os.Remove(path)
	}
}
