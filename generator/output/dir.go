package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Temporary folders are named ".<base of dest>.alongside-tmp-<pid>-<random>",
// where pid is the process that made them and random is lowercase base 36.
const tmpMarker = ".alongside-tmp-"

// staleAfter is the age after which a temporary folder is removed even though
// its process still seems alive (the pid may have been reused).
const staleAfter = time.Hour

// Dir is a Writer that builds the site in a temporary folder beside dest and
// publishes it with Commit. Until then dest is left as it was.
//
// Use it as:
//
//	out, err := output.NewDir(dest)
//	if err != nil { ... }
//	defer out.Abort()
//	... out.WriteFile(name, data) ...
//	return out.Commit()
type Dir struct {
	dest string   // absolute, symbolic links resolved
	tmp  string   // the new output, beside dest
	prev *os.Root // the previous output; nil when there is none

	dirs    sync.Map // folders made in tmp: relative path (OS form) → struct{}
	written atomic.Int64
	linked  atomic.Int64
	done    atomic.Bool // committed or aborted

	mu     sync.Mutex
	stamps map[string]Stamp // by relative path (OS form)
}

// A Stamp is what the file system says of a file a Dir wrote.
type Stamp struct {
	Size    int64
	Mode    fs.FileMode
	ModTime int64 // Unix nanoseconds
}

func stampOf(fi fs.FileInfo) Stamp { return Stamp{fi.Size(), fi.Mode(), fi.ModTime().UnixNano()} }

func (d *Dir) stamp(rel string, fi fs.FileInfo) {
	d.mu.Lock()
	if d.stamps == nil {
		d.stamps = make(map[string]Stamp)
	}
	d.stamps[rel] = stampOf(fi)
	d.mu.Unlock()
}

// Stamps returns the stamp of every file written or linked, by
// slash-separated name, as they were when written: after Commit, a file
// whose stamp differs from the one a later walk of dest finds was changed
// by someone else. (Renaming the folder into place changes no stamp.)
func (d *Dir) Stamps() map[string]Stamp {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make(map[string]Stamp, len(d.stamps))
	for rel, s := range d.stamps {
		out[filepath.ToSlash(rel)] = s
	}
	return out
}

// NewDir starts a build whose output will replace dest. dest may be missing
// (its parent folders are created), an empty folder or a previous output; if
// it is a symbolic link to a folder, that folder is replaced and the link
// kept. It is an error for dest to exist and not be a folder. dest must not be
// a mount point, since it is replaced by renaming.
//
// NewDir first removes, as best it can, the temporary folders that earlier
// builds of dest left behind when they were killed: those whose process is
// no longer running (checked on Linux only) and those older than an hour.
// Folders of builds still running are kept, so two builds may run at once;
// the last to commit wins. (Pids are those of this machine: on a shared
// drive, a build from another machine may lose its folder and fail; dest is
// never harmed.) Nothing that does not match the naming pattern exactly is
// touched, and symbolic links never are.
func NewDir(dest string) (*Dir, error) {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	d := &Dir{}
	fi, err := os.Stat(dest)
	switch {
	case err == nil && !fi.IsDir():
		return nil, fmt.Errorf("output: %s exists and is not a folder", dest)
	case err == nil:
		if dest, err = filepath.EvalSymlinks(dest); err != nil {
			return nil, fmt.Errorf("output: %w", err)
		}
		if d.prev, err = os.OpenRoot(dest); err != nil {
			return nil, fmt.Errorf("output: %w", err)
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("output: %w", err)
	}
	d.dest = dest
	parent := filepath.Dir(dest)
	if parent == dest {
		err = fmt.Errorf("cannot replace %s", dest)
	} else {
		err = os.MkdirAll(parent, 0o777)
	}
	if err != nil {
		d.closePrev()
		return nil, fmt.Errorf("output: %w", err)
	}
	removeLeftovers(parent, filepath.Base(dest))

	for {
		d.tmp = d.tmpName()
		err = os.Mkdir(d.tmp, 0o777)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err == nil && fi != nil {
		err = os.Chmod(d.tmp, fi.Mode().Perm()) // publish with dest's permissions
	}
	if err != nil {
		d.Abort()
		return nil, fmt.Errorf("output: %w", err)
	}
	return d, nil
}

// tmpName returns a new, probably unused, name for a temporary folder.
func (d *Dir) tmpName() string {
	name := "." + filepath.Base(d.dest) + tmpMarker +
		strconv.Itoa(os.Getpid()) + "-" + strconv.FormatUint(rand.Uint64(), 36)
	return filepath.Join(filepath.Dir(d.dest), name)
}

// removeLeftovers removes the temporary folders of builds of base, in parent,
// whose process has gone or that are older than staleAfter. It is best
// effort: what cannot be removed is left for the next build.
func removeLeftovers(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, ok := leftoverPID(e.Name(), "."+base+tmpMarker)
		if !ok || !e.IsDir() { // IsDir is false for a symbolic link
			continue
		}
		info, err := e.Info()
		if err != nil || alive(pid) && time.Since(info.ModTime()) < staleAfter {
			continue
		}
		// A build killed between moving dest's .git into its new output
		// and the swap left the .git here: it goes back first.
		git, destGit := filepath.Join(parent, e.Name(), ".git"), filepath.Join(parent, base, ".git")
		if _, err := os.Lstat(git); err == nil {
			if _, err := os.Lstat(destGit); errors.Is(err, fs.ErrNotExist) {
				if os.Rename(git, destGit) != nil {
					continue // never delete it
				}
			}
		}
		os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

// leftoverPID parses name as prefix + "<pid>-<random>" and returns pid.
func leftoverPID(name, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return 0, false
	}
	p, random, ok := strings.Cut(rest, "-")
	if !ok || !only(p, "0123456789") || !only(random, "0123456789abcdefghijklmnopqrstuvwxyz") {
		return 0, false
	}
	pid, err := strconv.Atoi(p)
	return pid, err == nil && pid > 0
}

// only reports whether s is non-empty and made of the characters in set.
func only(s, set string) bool {
	return s != "" && strings.Trim(s, set) == ""
}

// Written returns the number of files written so far; one hard-linked to
// the previous output counts in Linked instead.
func (d *Dir) Written() int64 { return d.written.Load() }

// Linked returns the number of files that were unchanged since the previous
// output and so were hard-linked to it rather than written.
func (d *Dir) Linked() int64 { return d.linked.Load() }

// WriteFile writes data to name in the new output, or hard-links the previous
// output's file when it holds exactly data.
func (d *Dir) WriteFile(name string, data []byte) error {
	rel, err := d.prepare(name)
	if err != nil {
		return err
	}
	if d.linkPrevious(rel, filepath.Join(d.tmp, rel), int64(len(data)), bytes.NewReader(data)) {
		return nil
	}
	err = d.create(rel, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
	if err != nil {
		return fmt.Errorf("output: write %s: %w", name, err)
	}
	d.written.Add(1)
	return nil
}

// WriteStream writes name in the new output from write, through a buffer,
// then hard-links the previous output's file in its place when the two
// hold the same bytes.
func (d *Dir) WriteStream(name string, write func(io.Writer) error) error {
	rel, err := d.prepare(name)
	if err != nil {
		return err
	}
	err = d.create(rel, func(f *os.File) error {
		bw := streamWriters.Get().(*bufio.Writer)
		bw.Reset(f)
		defer func() {
			bw.Reset(nil)
			streamWriters.Put(bw)
		}()
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
	if err != nil {
		os.Remove(filepath.Join(d.tmp, rel))
		return fmt.Errorf("output: write %s: %w", name, err)
	}
	d.mu.Lock()
	size := d.stamps[rel].Size
	d.mu.Unlock()
	if d.keepPrevious(rel, size) {
		return nil
	}
	d.written.Add(1)
	return nil
}

// streamWriters are WriteStream's buffers, reused.
var streamWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}

// keepPrevious replaces the new output's file at rel, of size bytes, with
// a hard link to the previous output's file when that holds the same
// bytes. It reports whether it did.
func (d *Dir) keepPrevious(rel string, size int64) bool {
	if d.prev == nil {
		return false // nothing to compare with
	}
	newPath := filepath.Join(d.tmp, rel)
	f, err := os.Open(newPath)
	if err != nil {
		return false
	}
	defer f.Close()
	link := newPath + ".link"
	if !d.linkPrevious(rel, link, size, f) {
		return false
	}
	if err := os.Rename(link, newPath); err != nil {
		os.Remove(link)
		d.linked.Add(-1)
		if fi, err := os.Lstat(newPath); err == nil {
			d.stamp(rel, fi) // the new file stays
		}
		return false
	}
	return true
}

// prepare checks name, makes its folder in the new output and returns name in
// the operating system's form.
func (d *Dir) prepare(name string) (string, error) {
	if d.done.Load() {
		return "", fmt.Errorf("output: write %s: build already committed or aborted", name)
	}
	if err := checkName(name); err != nil {
		return "", err
	}
	rel, err := filepath.Localize(name)
	if err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	dir := filepath.Dir(rel)
	if _, ok := d.dirs.Load(dir); ok || dir == "." {
		return rel, nil
	}
	if err := d.mkdir(dir); err != nil {
		return "", fmt.Errorf("output: write %s: %w", name, err)
	}
	d.dirs.Store(dir, struct{}{})
	return rel, nil
}

// mkdir makes the folder dir of the new output: in one step when its
// parent was made already (most folders), else with its parents.
func (d *Dir) mkdir(dir string) error {
	path := filepath.Join(d.tmp, dir)
	if parent := filepath.Dir(dir); parent != "." {
		if _, ok := d.dirs.Load(parent); !ok {
			if err := os.MkdirAll(path, 0o777); err != nil {
				return err
			}
			for ; parent != "."; parent = filepath.Dir(parent) {
				d.dirs.Store(parent, struct{}{})
			}
			return nil
		}
	}
	if err := os.Mkdir(path, 0o777); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// linkPrevious hard-links the previous output's file at rel to the path to
// in the new output (rel's own path, or one renamed to it next) when it is
// a regular file (never a symbolic link, and never reached through one
// leading out of the previous output) holding exactly the size bytes read
// from content, and notes it as rel's stamp. It reports whether it did;
// if not, the caller writes the file.
func (d *Dir) linkPrevious(rel, to string, size int64, content io.Reader) bool {
	if d.prev == nil {
		return false
	}
	old, err := d.prev.Lstat(rel)
	if err != nil || !old.Mode().IsRegular() || old.Size() != size {
		return false
	}
	f, err := d.prev.Open(rel)
	if err != nil {
		return false
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !os.SameFile(old, fi) { // replaced meanwhile
		return false
	}
	if !sameContent(f, content, size) {
		return false
	}
	oldPath := filepath.Join(d.dest, rel)
	err = os.Link(oldPath, to)
	if errors.Is(err, fs.ErrExist) && os.Remove(to) == nil {
		err = os.Link(oldPath, to)
	}
	if err != nil {
		return false // e.g. a file system without hard links
	}
	d.linked.Add(1)
	d.stamp(rel, old)
	return true
}

// sameContent reports whether a and b both start with the same size bytes.
func sameContent(a, b io.Reader, size int64) bool {
	n := min(size, 32<<10)
	bufA, bufB := make([]byte, n), make([]byte, n)
	for size > 0 {
		k := min(size, n)
		if _, err := io.ReadFull(a, bufA[:k]); err != nil {
			return false
		}
		if _, err := io.ReadFull(b, bufB[:k]); err != nil {
			return false
		}
		if !bytes.Equal(bufA[:k], bufB[:k]) {
			return false
		}
		size -= k
	}
	return true
}

// create makes a new file at rel in the new output and fills it with write.
// It never opens an existing file for writing, since that file may be a hard
// link to the previous output: it replaces it.
func (d *Dir) create(rel string, write func(*os.File) error) error {
	path := filepath.Join(d.tmp, rel)
	const flag = os.O_WRONLY | os.O_CREATE | os.O_EXCL
	f, err := os.OpenFile(path, flag, 0o666)
	if errors.Is(err, fs.ErrExist) {
		if err = os.Remove(path); err == nil {
			f, err = os.OpenFile(path, flag, 0o666)
		}
	}
	if err != nil {
		return err
	}
	err = write(f)
	if err == nil {
		var fi fs.FileInfo
		if fi, err = f.Stat(); err == nil {
			d.stamp(rel, fi)
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Commit publishes the new output as dest and removes the previous output,
// moving a .git at the top of dest into the new output first.
// On Linux the swap is atomic: at every moment dest is the whole old site or
// the whole new one. Elsewhere dest is missing between two renames.
//
// Commit must not run concurrently with writes, and may be called once. If it
// fails, dest is left as it was and Abort removes the new output. Failing to
// remove the previous output is not an error: the next NewDir removes it.
func (d *Dir) Commit() error {
	if !d.done.CompareAndSwap(false, true) {
		return errors.New("output: build already committed or aborted")
	}
	d.closePrev()
	// A .git in dest (a work tree the site is published from) moves into
	// the new output. Should the process die before the swap, the next
	// NewDir moves it back (see removeLeftovers).
	git, newGit := filepath.Join(d.dest, ".git"), filepath.Join(d.tmp, ".git")
	moved := false
	if _, err := os.Lstat(git); err == nil {
		if err := os.Rename(git, newGit); err != nil {
			d.done.Store(false)
			return fmt.Errorf("output: keep %s: %w", git, err)
		}
		moved = true
	}
	old, err := swap(d.tmp, d.dest, d.tmpName())
	if err != nil {
		if moved {
			err = errors.Join(err, os.Rename(newGit, git))
		}
		d.done.Store(false) // let Abort clean up
		return fmt.Errorf("output: publish %s: %w", d.dest, err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// Abort removes the new output and leaves dest as it was. After Commit it
// does nothing, so it may be deferred right after NewDir.
func (d *Dir) Abort() error {
	if !d.done.CompareAndSwap(false, true) {
		return nil
	}
	d.closePrev()
	if err := os.RemoveAll(d.tmp); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

func (d *Dir) closePrev() {
	if d.prev != nil {
		d.prev.Close()
	}
}

// renameSwap publishes tmp as dest with two renames, moving the previous
// output, if any, to spare. It returns where the previous output is now, or
// "" when there was none.
func renameSwap(tmp, dest, spare string) (old string, err error) {
	if err := os.Rename(dest, spare); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(tmp, dest)
	} else if err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dest); err != nil {
		return "", errors.Join(err, os.Rename(spare, dest)) // put it back
	}
	return spare, nil
}
