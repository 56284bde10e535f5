package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/fsnotify/fsnotify"
)

// relevant reports whether a path of the site (slash-separated, relative
// to it) can change the site: site.toml and what is in content/,
// themes/ and i18n/ (the site's UI strings), except hidden files and folders and editors' temporary files
// (backups "x~", vim's swap files and its "4913" test file, Emacs's ".#x"
// locks, "x.tmp"), which content never reads.
func relevant(rel string) bool {
	switch {
	case rel == configPath, rel == "content", rel == "themes", rel == "i18n":
		return true
	case !strings.HasPrefix(rel, "content/") && !strings.HasPrefix(rel, "themes/") && !strings.HasPrefix(rel, "i18n/"):
		return false
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if strings.HasPrefix(seg, ".") {
			return false
		}
	}
	return !content.IsEditorTemp(path.Base(rel))
}

// A debouncer gathers the paths that changed and says when to rebuild:
// once no change came for delay (one timer, reset by each change), and at
// most maxDelay after the first change of a burst, so that a file written
// without end cannot hold the site back.
type debouncer struct {
	delay, maxDelay time.Duration
	ready           chan struct{} // a rebuild is due

	mu    sync.Mutex
	paths map[string]struct{}
	timer *time.Timer
	first time.Time // of the current burst; zero when none
}

func newDebouncer(delay, maxDelay time.Duration) *debouncer {
	d := &debouncer{delay: delay, maxDelay: maxDelay, ready: make(chan struct{}, 1), paths: map[string]struct{}{}}
	d.timer = time.AfterFunc(time.Hour, d.fire)
	d.timer.Stop()
	return d
}

// mark records that rel may have changed.
func (d *debouncer) mark(rel string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.paths[rel] = struct{}{}
	now := time.Now()
	if d.first.IsZero() {
		d.first = now
	}
	d.timer.Reset(max(0, min(d.delay, d.first.Add(d.maxDelay).Sub(now))))
}

func (d *debouncer) fire() {
	d.mu.Lock()
	d.first = time.Time{}
	d.mu.Unlock()
	select {
	case d.ready <- struct{}{}:
	default:
	}
}

// take returns the paths marked since the last take.
func (d *debouncer) take() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]string, 0, len(d.paths))
	for p := range d.paths {
		out = append(out, p)
	}
	clear(d.paths)
	return out
}

func (d *debouncer) stop() { d.timer.Stop() }

// watchEvents watches the site folder dir with fsnotify until ctx is
// done: the folder itself (for site.toml, content/, themes/ and i18n/ coming and
// going) and every folder in content/, themes/ and i18n/, adding folders as they
// appear. It marks each relevant path that an event names; Chmod-only
// events are dropped. When the kernel's queue overflows it marks
// everything. Errors go to report.
func watchEvents(ctx context.Context, dir string, mark func(string), report func(error)) (done <-chan struct{}, err error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	fw := &fsWatcher{w: w, root: dir, watched: map[string]bool{}, report: report}
	if err := w.Add(dir); err != nil {
		w.Close()
		return nil, err
	}
	fw.addTree("content")
	fw.addTree("themes")
	fw.addTree("i18n")
	ch := make(chan struct{})
	go func() {
		defer close(ch)
		defer w.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				fw.handle(ev, mark)
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				if errors.Is(err, fsnotify.ErrEventOverflow) {
					mark(configPath) // read everything again
					continue
				}
				report(err)
			}
		}
	}()
	return ch, nil
}

type fsWatcher struct {
	w       *fsnotify.Watcher
	root    string          // the site folder
	watched map[string]bool // folders watched, relative to root
	report  func(error)
}

func (fw *fsWatcher) handle(ev fsnotify.Event, mark func(string)) {
	if ev.Op == fsnotify.Chmod {
		return
	}
	rel, err := filepath.Rel(fw.root, ev.Name)
	if err != nil {
		return
	}
	rel = filepath.ToSlash(rel)
	if !relevant(rel) {
		return
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		fw.forget(rel)
	}
	if ev.Has(fsnotify.Create) && rel != configPath {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			fw.addTree(rel)
		}
	}
	mark(rel)
}

// addTree watches the folder rel and every folder in it.
func (fw *fsWatcher) addTree(rel string) {
	filepath.WalkDir(filepath.Join(fw.root, filepath.FromSlash(rel)), func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		r, _ := filepath.Rel(fw.root, p)
		r = filepath.ToSlash(r)
		if !relevant(r) {
			return fs.SkipDir
		}
		if fw.watched[r] {
			return nil
		}
		if err := fw.w.Add(p); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				fw.report(err)
			}
			return nil
		}
		fw.watched[r] = true
		return nil
	})
}

// forget stops watching rel and the folders in it, which were removed or
// renamed away.
func (fw *fsWatcher) forget(rel string) {
	for r := range fw.watched {
		if r == rel || under(r, rel) {
			fw.w.Remove(filepath.Join(fw.root, filepath.FromSlash(r)))
			delete(fw.watched, r)
		}
	}
}

// pollEvents finds changes by walking the site every interval and
// comparing each file's size and time with the walk before, for folders
// where file events do not arrive (network shares). It marks what it
// finds until ctx is done.
func pollEvents(ctx context.Context, fsys fs.FS, every time.Duration, mark func(string)) <-chan struct{} {
	type stamp struct {
		size  int64
		mtime int64
		dir   bool
	}
	walk := func() map[string]stamp {
		seen := map[string]stamp{}
		for _, root := range []string{configPath, "content", "themes", "i18n"} {
			fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if !relevant(p) {
					if d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				st := stamp{dir: d.IsDir()}
				if !st.dir {
					if fi, err := d.Info(); err == nil {
						st.size, st.mtime = fi.Size(), fi.ModTime().UnixNano()
					}
				}
				seen[p] = st
				return nil
			})
		}
		return seen
	}
	before := walk()
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			now := walk()
			for p, st := range now {
				if old, ok := before[p]; !ok || old != st && !(old.dir && st.dir) {
					mark(p)
				}
			}
			for p := range before {
				if _, ok := now[p]; !ok {
					mark(p)
				}
			}
			before = now
		}
	}()
	return done
}

// configPath is the site's settings file, whose change reads everything.
const configPath = "site.toml"

// under reports whether the path p is inside the folder dir.
func under(p, dir string) bool {
	return len(p) > len(dir) && p[len(dir)] == '/' && strings.HasPrefix(p, dir)
}
