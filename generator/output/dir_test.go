package output

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// build starts a build of dest and writes files (name → content) to it.
func build(t testing.TB, dest string, files map[string]string) *Dir {
	t.Helper()
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Abort() })
	for name, content := range files {
		if err := d.WriteFile(name, []byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

func commit(t testing.TB, d *Dir) {
	t.Helper()
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
}

// files returns the regular files under root: slash path → content.
func files(t testing.TB, root string) map[string]string {
	t.Helper()
	m := make(map[string]string)
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || !e.Type().IsRegular() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		m[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// snapshot describes everything under root, folders and links included:
// slash path → mode, modification time and content or link target.
func snapshot(t testing.TB, root string) map[string]string {
	t.Helper()
	m := make(map[string]string)
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		var content []byte
		switch {
		case e.Type().IsRegular():
			content, err = os.ReadFile(path)
		case e.Type()&fs.ModeSymlink != 0:
			var target string
			target, err = os.Readlink(path)
			content = []byte(target)
		}
		rel, _ := filepath.Rel(root, path)
		m[filepath.ToSlash(rel)] = fmt.Sprintf("%v %d %q", info.Mode(), info.ModTime().UnixNano(), content)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// entries returns the names in folder, sorted.
func entries(t testing.TB, folder string) []string {
	t.Helper()
	list, err := os.ReadDir(folder)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range list {
		names = append(names, e.Name())
	}
	return names
}

func lstat(t testing.TB, path string) fs.FileInfo {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

// backdate puts every file under dest in the past, so that a rewritten
// file cannot keep its time, and returns that time and each file's info.
func backdate(t testing.TB, dest string) (time.Time, map[string]fs.FileInfo) {
	t.Helper()
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	before := make(map[string]fs.FileInfo)
	for name := range files(t, dest) {
		path := filepath.Join(dest, filepath.FromSlash(name))
		if err := os.Chtimes(path, past, past); err != nil {
			t.Fatal(err)
		}
		before[name] = lstat(t, path)
	}
	return past, before
}

func TestDirCommit(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	want := map[string]string{
		"index.html":                  "<h1>Home</h1>",
		"partnerships/x/index.html":   "<h1>X</h1>",
		"partnerships/y/index.html":   "<h1>Y</h1>",
		"partnerships/index.html":     "",
		"css/site.css":                "body{}",
		"deep/er/and/deeper/file.txt": "deep",
	}
	d := build(t, dest, want)
	if err := d.WriteFile("partnerships/x/photo.jpg", []byte("JPEG")); err != nil {
		t.Fatal(err)
	}
	want["partnerships/x/photo.jpg"] = "JPEG"
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Fatalf("dest exists before Commit: %v", err)
	}
	commit(t, d)

	if got := files(t, dest); !maps.Equal(got, want) {
		t.Errorf("published %v, want %v", got, want)
	}
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: %q, want only public", got)
	}
	if d.Written() != 7 || d.Linked() != 0 {
		t.Errorf("Written, Linked = %d, %d; want 7, 0", d.Written(), d.Linked())
	}
	// Permissions are those of a folder made the usual way, not 0700.
	plain := filepath.Join(parent, "plain")
	if err := os.Mkdir(plain, 0o777); err != nil {
		t.Fatal(err)
	}
	if got, want := lstat(t, dest).Mode(), lstat(t, plain).Mode(); got != want {
		t.Errorf("dest mode %v, want %v", got, want)
	}
	if err := d.Commit(); err == nil {
		t.Error("second Commit succeeded")
	}
	if err := d.Abort(); err != nil {
		t.Errorf("Abort after Commit: %v", err)
	}
	if err := d.WriteFile("late.html", nil); err == nil {
		t.Error("WriteFile after Commit succeeded")
	}
	if got := files(t, dest); !maps.Equal(got, want) {
		t.Errorf("after Abort: %v, want %v", got, want)
	}
}

func TestDirLinksUnchanged(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	d := build(t, dest, map[string]string{
		"same.html":     "same",
		"a/same.html":   "same too",
		"changed.html":  "old",
		"samesize.html": "abc",
		"removed.html":  "bye",
		"empty.html":    "",
	})
	if err := d.WriteFile("photo.jpg", []byte("JPEG")); err != nil {
		t.Fatal(err)
	}
	commit(t, d)

	past, before := backdate(t, dest)

	d = build(t, dest, map[string]string{
		"same.html":     "same",
		"a/same.html":   "same too",
		"changed.html":  "new!",
		"samesize.html": "abd",
		"new.html":      "new",
		"empty.html":    "",
	})
	if err := d.WriteFile("photo.jpg", []byte("JPEG")); err != nil {
		t.Fatal(err)
	}
	commit(t, d)

	want := map[string]string{
		"same.html":     "same",
		"a/same.html":   "same too",
		"changed.html":  "new!",
		"samesize.html": "abd",
		"new.html":      "new",
		"empty.html":    "",
		"photo.jpg":     "JPEG",
	}
	if got := files(t, dest); !maps.Equal(got, want) {
		t.Errorf("published %v, want %v", got, want)
	}
	for _, name := range []string{"same.html", "a/same.html", "empty.html", "photo.jpg"} {
		now := lstat(t, filepath.Join(dest, filepath.FromSlash(name)))
		if !os.SameFile(before[name], now) {
			t.Errorf("%s: unchanged but not linked to the old file", name)
		}
		if !now.ModTime().Equal(past) {
			t.Errorf("%s: modification time %v, want %v", name, now.ModTime(), past)
		}
	}
	for _, name := range []string{"changed.html", "samesize.html"} {
		now := lstat(t, filepath.Join(dest, filepath.FromSlash(name)))
		if os.SameFile(before[name], now) || now.ModTime().Equal(past) {
			t.Errorf("%s: changed but still the old file", name)
		}
	}
	if d.Written() != 3 || d.Linked() != 4 {
		t.Errorf("Written, Linked = %d, %d; want 3, 4", d.Written(), d.Linked())
	}
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: %q, want only public", got)
	}
}

// WriteStream writes a file as it comes; an unchanged one is then a hard
// link to the previous output's, as WriteFile's are, and a failed one is
// not left behind.
func TestDirWriteStream(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	big := strings.Repeat("partnership,library,partner\n", 10000) // past the buffer
	stream := func(d *Dir, name, content string) {
		t.Helper()
		err := d.WriteStream(name, func(w io.Writer) error {
			for len(content) > 0 { // in pieces, as exporters write
				n := min(len(content), 1000)
				if _, err := io.WriteString(w, content[:n]); err != nil {
					return err
				}
				content = content[n:]
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	d := build(t, dest, nil)
	stream(d, "data/big.csv", big)
	stream(d, "data/same.json", "{}")
	stream(d, "data/changed.json", "[1]")
	commit(t, d)
	past, before := backdate(t, dest)

	d = build(t, dest, nil)
	stream(d, "data/big.csv", big)
	stream(d, "data/same.json", "{}")
	stream(d, "data/changed.json", "[2]")
	failed := errors.New("disk full")
	err := d.WriteStream("data/failed.csv", func(w io.Writer) error {
		io.WriteString(w, "half")
		return failed
	})
	if !errors.Is(err, failed) || !strings.Contains(err.Error(), "data/failed.csv") {
		t.Errorf("a failed write: %v, want an error naming the file", err)
	}
	commit(t, d)

	want := map[string]string{"data/big.csv": big, "data/same.json": "{}", "data/changed.json": "[2]"}
	if got := files(t, dest); !maps.Equal(got, want) {
		t.Errorf("published %d files %q, want %d", len(got), slices.Sorted(maps.Keys(got)), len(want))
	}
	for _, name := range []string{"data/big.csv", "data/same.json"} {
		now := lstat(t, filepath.Join(dest, filepath.FromSlash(name)))
		if !os.SameFile(before[name], now) || !now.ModTime().Equal(past) {
			t.Errorf("%s: unchanged but not linked to the old file", name)
		}
	}
	if now := lstat(t, filepath.Join(dest, "data", "changed.json")); os.SameFile(before["data/changed.json"], now) {
		t.Error("data/changed.json: changed but still the old file")
	}
	if got := entries(t, filepath.Join(dest, "data")); len(got) != 3 {
		t.Errorf("data/ holds %q, want the three files only", got)
	}
	if d.Written() != 1 || d.Linked() != 2 {
		t.Errorf("Written, Linked = %d, %d; want 1, 2", d.Written(), d.Linked())
	}
}

func TestDirAbort(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	commit(t, build(t, dest, map[string]string{"a.html": "a", "b/b.html": "b"}))
	old := snapshot(t, dest)

	d := build(t, dest, map[string]string{"a.html": "a", "b/b.html": "B", "c.html": "c"})
	// a.html is now a hard link to the published file; replacing it must not
	// write through the link.
	if err := d.WriteFile("a.html", []byte("A")); err != nil {
		t.Fatal(err)
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, dest); !maps.Equal(got, old) {
		t.Errorf("Abort changed dest:\n got %v\nwant %v", got, old)
	}
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest after Abort: %q, want only public", got)
	}
	if err := d.Abort(); err != nil {
		t.Errorf("second Abort: %v", err)
	}
	if err := d.Commit(); err == nil {
		t.Error("Commit after Abort succeeded")
	}
}

// TestDirKilled kills a process in the middle of a build: dest must be
// untouched, and the next build must remove the killed one's folder.
func TestDirKilled(t *testing.T) {
	const env = "OUTPUT_TEST_KILLED_DEST"
	if dest := os.Getenv(env); dest != "" {
		// The process to kill: start a build, say so, wait.
		d, err := NewDir(dest)
		if err != nil {
			t.Fatal(err)
		}
		d.WriteFile("a.html", []byte("a"))
		d.WriteFile("b.html", []byte("new"))
		fmt.Println("ready")
		io.Copy(io.Discard, os.Stdin)
		return
	}
	if runtime.GOOS != "linux" {
		t.Skip("whether a process is alive is only checked on Linux")
	}
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	commit(t, build(t, dest, map[string]string{"a.html": "a", "b.html": "b"}))
	old := snapshot(t, dest)

	cmd := exec.Command(os.Args[0], "-test.run=^TestDirKilled$")
	cmd.Env = append(os.Environ(), env+"="+dest)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if line != "ready\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child said %q, %v", line, err)
	}
	cmd.Process.Kill()
	cmd.Wait()

	if got := snapshot(t, dest); !maps.Equal(got, old) {
		t.Errorf("killed build changed dest:\n got %v\nwant %v", got, old)
	}
	leftover := fmt.Sprintf(".public.alongside-tmp-%d-", cmd.Process.Pid)
	names := entries(t, parent)
	if len(names) != 2 || !strings.HasPrefix(names[0], leftover) || names[1] != "public" {
		t.Fatalf("beside dest: %q, want %s* and public", names, leftover)
	}

	d := build(t, dest, nil)
	if got := entries(t, parent); !slices.Equal(got, []string{filepath.Base(d.tmp), "public"}) {
		t.Errorf("beside dest: %q, want only this build's folder and public", got)
	}
}

// TestDirLeftovers checks which folders NewDir removes beside dest.
func TestDirLeftovers(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	mkdir := func(name string) string {
		path := filepath.Join(parent, name)
		if err := os.MkdirAll(filepath.Join(path, "sub"), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(path, "sub", "f"), []byte("f"), 0o666); err != nil {
			t.Fatal(err)
		}
		return path
	}
	old := time.Now().Add(-2 * staleAfter)
	keep := []string{
		"public",
		".public.alongside-tmp-notes",         // not the pattern
		".public.alongside-tmp-1-abc.bak",     // not the pattern
		".public.alongside-tmp--abc",          // no pid
		".other.alongside-tmp-999999999-abc",  // another dest
		".public.alongside-tmp-1-abc-x",       // not the pattern
		"public.alongside-tmp-999999999-abc",  // no leading dot
		".public.alongside-tmp-999999999-ABC", // not lowercase
	}
	for _, name := range keep {
		os.Chtimes(mkdir(name), old, old)
	}
	// A symbolic link matching the pattern is never followed nor removed.
	victim := mkdir("victim")
	keep = append(keep, "victim")
	link := ".public.alongside-tmp-999999999-link"
	if err := os.Symlink(victim, filepath.Join(parent, link)); err == nil {
		keep = append(keep, link)
	}
	// A file matching the pattern is not removed either.
	file := ".public.alongside-tmp-999999999-file"
	if err := os.WriteFile(filepath.Join(parent, file), nil, 0o666); err != nil {
		t.Fatal(err)
	}
	keep = append(keep, file)

	// A build of this process that is still running is kept; one that is an
	// hour old is not.
	running := build(t, dest, nil)
	stale := build(t, dest, nil)
	if err := os.Chtimes(stale.tmp, old, old); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "linux" {
		mkdir(".public.alongside-tmp-999999999-dead") // no such process
	}
	before := snapshot(t, parent)

	d := build(t, dest, nil)
	want := append(keep, filepath.Base(running.tmp), filepath.Base(d.tmp))
	slices.Sort(want)
	if got := entries(t, parent); !slices.Equal(got, want) {
		t.Errorf("beside dest:\n got %q\nwant %q", got, want)
	}
	after := snapshot(t, parent)
	for path, s := range before {
		if top, _, _ := strings.Cut(path, "/"); slices.Contains(keep, top) && after[path] != s {
			t.Errorf("%s changed: %s, was %s", path, after[path], s)
		}
	}
}

func TestDirDestMissing(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "not", "yet", "public")
	commit(t, build(t, dest, map[string]string{"index.html": "hi"}))
	if got, want := files(t, dest), map[string]string{"index.html": "hi"}; !maps.Equal(got, want) {
		t.Errorf("published %v, want %v", got, want)
	}
}

func TestDirDestEmpty(t *testing.T) {
	dest := t.TempDir()
	if err := os.Chmod(dest, 0o750); err != nil {
		t.Fatal(err)
	}
	commit(t, build(t, dest, map[string]string{"index.html": "hi"}))
	if got, want := files(t, dest), map[string]string{"index.html": "hi"}; !maps.Equal(got, want) {
		t.Errorf("published %v, want %v", got, want)
	}
	if got := lstat(t, dest).Mode().Perm(); runtime.GOOS != "windows" && got != 0o750 {
		t.Errorf("dest permissions %v, want the previous ones, 0750", got)
	}
}

// TestRenameSwap tests the swap used where an atomic exchange is not available.
func TestRenameSwap(t *testing.T) {
	parent := t.TempDir()
	tmp, dest, spare := filepath.Join(parent, "tmp"), filepath.Join(parent, "dest"), filepath.Join(parent, "spare")
	mkfile := func(folder, content string) {
		if err := os.MkdirAll(folder, 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(folder, "f"), []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	mkfile(tmp, "first")
	if old, err := renameSwap(tmp, dest, spare); err != nil || old != "" {
		t.Fatalf("renameSwap to a missing dest = %q, %v; want \"\", nil", old, err)
	}
	mkfile(tmp, "second")
	if old, err := renameSwap(tmp, dest, spare); err != nil || old != spare {
		t.Fatalf("renameSwap = %q, %v; want %q, nil", old, err, spare)
	}
	want := map[string]string{"dest/f": "second", "spare/f": "first"}
	if got := files(t, parent); !maps.Equal(got, want) {
		t.Errorf("after renameSwap: %v, want %v", got, want)
	}
}

func TestDirDestIsFile(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := os.WriteFile(dest, []byte("x"), 0o666); err != nil {
		t.Fatal(err)
	}
	if d, err := NewDir(dest); err == nil {
		d.Abort()
		t.Fatal("NewDir succeeded on a file")
	}
	if got := entries(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside dest: %q, want only public", got)
	}
}

func TestDirDestSymlink(t *testing.T) {
	parent := t.TempDir()
	real := filepath.Join(parent, "site")
	dest := filepath.Join(parent, "public")
	if err := os.Mkdir(real, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, dest); err != nil {
		t.Skip(err)
	}
	commit(t, build(t, dest, map[string]string{"index.html": "hi"}))
	if lstat(t, dest).Mode()&fs.ModeSymlink == 0 {
		t.Error("the link dest was replaced")
	}
	if got, want := files(t, real), map[string]string{"index.html": "hi"}; !maps.Equal(got, want) {
		t.Errorf("published %v, want %v", got, want)
	}
}

// TestDirSymlinkInPrevious checks that symbolic links in the previous output
// are never followed to link a file from elsewhere into the new one.
func TestDirSymlinkInPrevious(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.html")
	if err := os.WriteFile(secret, []byte("same"), 0o666); err != nil {
		t.Fatal(err)
	}
	commit(t, build(t, dest, map[string]string{"index.html": "home"}))
	if err := os.Symlink(secret, filepath.Join(dest, "file.html")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink(outside, filepath.Join(dest, "folder")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("index.html", filepath.Join(dest, "relative.html")); err != nil {
		t.Fatal(err)
	}
	secretInfo := lstat(t, secret)

	d := build(t, dest, map[string]string{
		"file.html":          "same",
		"folder/secret.html": "same",
		"relative.html":      "home",
	})
	commit(t, d)
	if d.Linked() != 0 || d.Written() != 3 {
		t.Errorf("Written, Linked = %d, %d; want 3, 0", d.Written(), d.Linked())
	}
	for _, name := range []string{"file.html", "folder/secret.html", "relative.html"} {
		fi := lstat(t, filepath.Join(dest, filepath.FromSlash(name)))
		if !fi.Mode().IsRegular() || os.SameFile(fi, secretInfo) {
			t.Errorf("%s: mode %v, same as the outside file: %v", name, fi.Mode(), os.SameFile(fi, secretInfo))
		}
	}
	if got, want := files(t, outside), map[string]string{"secret.html": "same"}; !maps.Equal(got, want) {
		t.Errorf("outside folder: %v, want %v", got, want)
	}
}

func TestDirInvalidNames(t *testing.T) {
	d := build(t, filepath.Join(t.TempDir(), "public"), nil)
	for _, name := range []string{"", ".", "..", "../x", "/abs", "a//b", "a/../b", "a/", "./a"} {
		if err := d.WriteFile(name, nil); err == nil {
			t.Errorf("WriteFile(%q) succeeded", name)
		}
	}
}

func TestDirConcurrent(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	name := func(g, i int) string { return fmt.Sprintf("g%d/%d/index.html", g, i%3) + strings.Repeat("x", i) }
	first := make(map[string]string)
	for g := range 50 {
		for i := range 20 {
			first[name(g, i)] = fmt.Sprint(g, i)
		}
	}
	commit(t, build(t, dest, first))

	// Rebuild with every other file changed, from many goroutines.
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	want := make(map[string]string)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for g := range 50 {
		wg.Go(func() {
			for i := range 20 {
				content := fmt.Sprint(g, i)
				if i%2 == 1 {
					content += " changed"
				}
				if err := d.WriteFile(name(g, i), []byte(content)); err != nil {
					t.Error(err)
				}
				mu.Lock()
				want[name(g, i)] = content
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	commit(t, d)
	if got := files(t, dest); !maps.Equal(got, want) {
		t.Errorf("published %d files, want %d", len(got), len(want))
	}
	if d.Written() != 500 || d.Linked() != 500 {
		t.Errorf("Written, Linked = %d, %d; want 500, 500", d.Written(), d.Linked())
	}
}

func BenchmarkDirWrite(b *testing.B) {
	for _, bc := range []struct {
		name    string
		changed bool
	}{{"changed", true}, {"unchanged", false}} {
		b.Run(bc.name, func(b *testing.B) {
			dest := filepath.Join(b.TempDir(), "public")
			build := 0
			for b.Loop() {
				d, err := NewDir(dest)
				if err != nil {
					b.Fatal(err)
				}
				for i := range 1000 {
					data := fmt.Appendf(nil, "<p>page %d of build %d</p>", i, build)
					if err := d.WriteFile(fmt.Sprintf("p/%d/%d.html", i/100, i), data); err != nil {
						b.Fatal(err)
					}
				}
				if err := d.Commit(); err != nil {
					b.Fatal(err)
				}
				if bc.changed {
					build++
				}
			}
		})
	}
}

// Stamps are what a walk of the published folder finds, for files written,
// streamed and hard-linked alike.
func TestDirStamps(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	for round := range 2 {
		d := build(t, dest, map[string]string{"index.html": "home", "a/b/page.html": "page " + strconv.Itoa(round)})
		if err := d.WriteFile("a/photo.jpg", []byte("JPEG")); err != nil {
			t.Fatal(err)
		}
		if err := d.WriteStream("data/x.csv", func(w io.Writer) error { _, err := io.WriteString(w, "a,b\r\n"); return err }); err != nil {
			t.Fatal(err)
		}
		commit(t, d)
		walked := map[string]Stamp{}
		err := filepath.WalkDir(dest, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			fi, err := e.Info()
			rel, _ := filepath.Rel(dest, p)
			walked[filepath.ToSlash(rel)] = stampOf(fi)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Stamps(); !maps.Equal(got, walked) {
			t.Errorf("round %d (linked %d): Stamps\n%v\nwalk\n%v", round, d.Linked(), got, walked)
		}
		if round == 1 && d.Linked() != 3 {
			t.Errorf("round 1: %d files linked, want 3", d.Linked())
		}
	}
}

// A build killed after moving dest's .git into its new output, before
// the swap, leaves the .git there; the next build moves it back before
// removing the leftover.
func TestLeftoverGitRestored(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	left := filepath.Join(parent, ".public"+tmpMarker+"999999999-abc")
	for _, dir := range []string{dest, filepath.Join(left, ".git")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(left, ".git", "HEAD"), []byte("ref"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if data, err := os.ReadFile(filepath.Join(dest, ".git", "HEAD")); err != nil || string(data) != "ref" {
		t.Errorf("the .git was not restored: %v", err)
	}
	if _, err := os.Stat(left); err == nil {
		t.Error("the leftover folder is still there")
	}
}
