package generator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// snapshot records every file under root with its bytes and mtime.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		out[p] = fi.ModTime().Format(time.RFC3339Nano) + "\x00" + string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func profile(title, state string) string {
	return `+++
title = "` + title + `"
status = "active"
start = 2025-09-02

[partner]
name = "Familias Unidas"

[review]
state = "` + state + `"
date = 2025-10-14

[[resources]]
from = "library"
kind = "money"
amount = 100

[private]
contact = "PRIVATE-marker Ana 555-0100"
notes = "PRIVATE-marker"
+++

A story.
`
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	site, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	sitetest.Write(t, site, map[string]string{"site.toml": openData, "content/partnerships/one.md": profile("One", "approved")})
	if _, err := Build(context.Background(), Options{Site: site, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dest)
	if len(before) == 0 {
		t.Fatal("the first build wrote nothing")
	}

	sitetest.Write(t, site, map[string]string{"content/partnerships/two.md": strings.Replace(profile("Two", "approved"), `status = "active"`, `status = "bogus"`, 1)})
	_, err := Build(context.Background(), Options{Site: site, Dest: dest})
	var ce *ContentError
	if !errors.As(err, &ce) {
		t.Fatalf("Build = %v, want a ContentError", err)
	}
	assertSame(t, before, snapshot(t, dest))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sitetest.Write(t, site, map[string]string{"content/partnerships/two.md": profile("Two", "approved")})
	if _, err := Build(ctx, Options{Site: site, Dest: dest}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Build = %v, want context.Canceled", err)
	}
	assertSame(t, before, snapshot(t, dest))

	// No temporary folder is left beside the output.
	ents, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Name() != "public" {
			t.Errorf("left beside the output: %s", e.Name())
		}
	}
}

func assertSame(t *testing.T, want, got map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d files, want %d", len(got), len(want))
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s changed", p)
		}
	}
}

const openData = "title = \"T\"\nbase_url = \"https://example.org/\"\n[open_data]\ngrant_prefix = \"360G-x\"\nfunder_id = \"US-EIN-1\"\n"

func TestPrivateNeverPublished(t *testing.T) {
	site := t.TempDir()
	sitetest.Write(t, site, map[string]string{
		"site.toml":                              openData,
		"content/partnerships/one.md":            profile("One", "approved"),
		"content/partnerships/two.md":            profile("Two", "draft"),
		"content/partnerships/three/index.md":    profile("Three", "in_review"),
		"content/partnerships/three/flyer.txt":   "A flyer.",
		"content/pages/about.md":                 "+++\ntitle = \"About\"\n+++\nAbout us.\n",
		"content/partnerships/four-with-rtl.md":  profile("Four", "changes_requested"),
		"content/partnerships/five-approved.md":  profile("Five", "approved"),
		"content/partnerships/six-approved-b.md": profile("Six", "approved"),
	})
	for _, unapproved := range []bool{false, true} {
		dest := filepath.Join(t.TempDir(), "public")
		if _, err := Build(context.Background(), Options{Site: site, Dest: dest, Unapproved: unapproved}); err != nil {
			t.Fatal(err)
		}
		n := 0
		for p, data := range snapshot(t, dest) {
			n++
			if strings.Contains(data, "PRIVATE-") || strings.Contains(data, "555-0100") {
				t.Errorf("unapproved=%v: %s holds a private value", unapproved, p)
			}
		}
		if n < 5 {
			t.Errorf("only %d files written", n)
		}
	}
}

func TestSampleSiteBuilds(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Build(context.Background(), Options{Site: "..", Dest: dest})
	if err != nil {
		t.Fatalf("the sample site does not build: %v", err)
	}
	if res.Published < 10 {
		t.Errorf("the sample site publishes %d profiles, want at least 10", res.Published)
	}
}

func TestDestMustNotHoldTheSite(t *testing.T) {
	site := t.TempDir()
	sitetest.Write(t, site, map[string]string{"site.toml": openData, "content/partnerships/one.md": profile("One", "approved")})
	for _, dest := range []string{site, filepath.Dir(site), filepath.Join(site, "content", "out"), filepath.Join(site, "themes")} {
		if _, err := Build(context.Background(), Options{Site: site, Dest: dest}); err == nil {
			t.Errorf("Build into %s succeeded", dest)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "content", "partnerships", "one.md")); err != nil {
		t.Fatal("the site was damaged:", err)
	}
}

func TestMissingOpenDataWarns(t *testing.T) {
	site, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	sitetest.Write(t, site, map[string]string{"content/partnerships/one.md": profile("One", "approved")})
	res, err := Build(context.Background(), Options{Site: site, Dest: dest})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Warnings.Error(); !strings.Contains(got, "site.toml:1:1: warning: open_data: missing, so /data/360giving.json is not written") {
		t.Errorf("warnings:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(dest, "data", "360giving.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("360giving.json: %v, want it absent", err)
	}
	if _, err := os.Stat(filepath.Join(dest, "data", "partnerships.json")); err != nil {
		t.Error(err)
	}
}

func TestSymlinkOutsideSiteNotFollowed(t *testing.T) {
	site, outside, dest := t.TempDir(), t.TempDir(), filepath.Join(t.TempDir(), "public")
	sitetest.Write(t, outside, map[string]string{"secret.txt": "OUTSIDE-SECRET"})
	sitetest.Write(t, site, map[string]string{
		"site.toml":                             openData,
		"content/partnerships/one/index.md":     profile("One", "approved"),
		"content/partnerships/one/flyer.txt":    "A flyer.",
		"content/partnerships/two/index.md":     profile("Two", "approved"),
		"content/partnerships/two/inside.txt":   "Inside.",
		"content/partnerships/two/sub/a.txt":    "A.",
		"content/partnerships/.hidden/index.md": "not a profile",
	})
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(site, "content/partnerships/one/secret.txt")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Symlink(outside, filepath.Join(site, "content/partnerships/two/dir")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("inside.txt", filepath.Join(site, "content/partnerships/two/alias.txt")); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), Options{Site: site, Dest: dest})
	var ce *ContentError
	if !errors.As(err, &ce) {
		t.Fatalf("build: %v, want the links out of the site as errors", err)
	}
	got := ce.Problems.Error()
	for _, want := range []string{
		"content/partnerships/one/secret.txt:1:1: is a link that leads outside the site",
		"content/partnerships/two/dir:1:1: is a link that leads outside the site",
		"content/partnerships/two/alias.txt:1:1: warning: not published: a link to another file is never followed",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems:\n%s\nwant %s", got, want)
		}
	}
	if _, err := os.Stat(dest); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed build wrote %s", dest)
	}
	// Without the links out, the site builds; the link inside is left out.
	os.Remove(filepath.Join(site, "content/partnerships/one/secret.txt"))
	os.Remove(filepath.Join(site, "content/partnerships/two/dir"))
	if _, err := Build(context.Background(), Options{Site: site, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"partnerships/one/flyer.txt", "partnerships/two/inside.txt", "partnerships/two/sub/a.txt"} {
		if _, err := os.Stat(filepath.Join(dest, name)); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "partnerships/two/alias.txt")); err == nil {
		t.Error("a link inside the bundle was published")
	}
}

// A build checks the stories of the profiles it publishes as it writes
// their pages, and the others' by reading them: its warnings are
// check's, published or not, with or without --unapproved.
func TestBuildWarnsAsCheck(t *testing.T) {
	site := t.TempDir()
	story := func(title, state, text string) string {
		return strings.Replace(profile(title, state), "A story.", text, 1)
	}
	sitetest.Write(t, site, map[string]string{
		"site.toml":                     `base_url = "https://partners.example.org/"`,
		"content/partnerships/one.md":   story("One", "approved", "Call 555-0199 or see [the draft](/partnerships/two/) and [nothing](/partners/nobody/)."),
		"content/partnerships/two.md":   story("Two", "in_review", "Write to ana@example.org; [one](/partnerships/one/), [typo](/partnerships/onee/)."),
		"content/partnerships/three.md": story("Three", "approved", "A story."),
	})
	fsys, err := OpenSite(site)
	if err != nil {
		t.Fatal(err)
	}
	_, want, err := load(fsys, content.Today())
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 5 {
		t.Fatalf("check finds only %d warnings:\n%v", len(want), want)
	}
	for _, unapproved := range []bool{false, true} {
		res, err := Build(context.Background(), Options{Site: site, Dest: filepath.Join(t.TempDir(), "public"), Unapproved: unapproved})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Warnings.Error(); got != want.Error() {
			t.Errorf("unapproved=%v: build warns\n%s\ncheck warns\n%s", unapproved, got, want.Error())
		}
	}
}

func TestMemoryLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	os.Unsetenv("GOMEMLIMIT")
	if got := memoryLimit(14); got != 960<<20 {
		t.Errorf("a small site: %d, want 960 MiB", got)
	}
	if got := memoryLimit(100_000); got >= 1<<30 {
		t.Errorf("100,000 profiles: %d, want less than 1 GiB", got)
	}
	if got := memoryLimit(1_000_000); got != 1_000_000*10<<10 {
		t.Errorf("a million profiles: %d, want 10 KB each", got)
	}
	t.Setenv("GOMEMLIMIT", "3GiB")
	if got, want := memoryLimit(14), debug.SetMemoryLimit(-1); got != want {
		t.Errorf("with GOMEMLIMIT: %d, want the runtime's %d", got, want)
	}
}

// A build runs with its own GC percent, unless GOGC is set, and gives
// the runtime back its own when done.
func TestBuildGCPercent(t *testing.T) {
	site := t.TempDir()
	sitetest.Write(t, site, map[string]string{"content/partnerships/a.md": profile("A", "approved")})
	defer debug.SetGCPercent(debug.SetGCPercent(77))
	t.Setenv("GOGC", "")
	os.Unsetenv("GOGC")
	if _, err := Build(context.Background(), Options{Site: site, Dest: filepath.Join(t.TempDir(), "public")}); err != nil {
		t.Fatal(err)
	}
	if got := debug.SetGCPercent(77); got != 77 {
		t.Errorf("after a build the GC percent is %d, want 77 as before", got)
	}
}

// TestHeapEstimate holds the huge-page advice to sites whose heap stays
// well under the memory limit.
func TestHeapEstimate(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	os.Unsetenv("GOMEMLIMIT")
	site := func(n int) fstest.MapFS {
		fsys := fstest.MapFS{"site.toml": {}}
		for i := range n {
			fsys[fmt.Sprintf("content/partnerships/p%d.md", i)] = &fstest.MapFile{}
		}
		return fsys
	}
	for _, c := range []struct {
		profiles int
		want     int64
	}{{0, 0}, {10, 10 * heapPerProfile}, {10000, 10000 * heapPerProfile}, {20000, 0}, {100000, 0}} {
		if got := heapEstimate(site(c.profiles)); got != c.want {
			t.Errorf("%d profiles: heap estimate %d, want %d", c.profiles, got, c.want)
		}
	}
}

// Names of 260 characters make folder names that no file system takes
// whole: their addresses are cut to 100 bytes, and the site builds.
func TestLongNamesBuild(t *testing.T) {
	long := strings.Repeat("Neighborhood ", 20)
	site := t.TempDir()
	sitetest.Write(t, site, map[string]string{
		"content/partnerships/a.md": strings.Replace(strings.Replace(profile("A", "approved"), `name = "Familias Unidas"`, `name = "`+long+`"`, 1),
			"start = 2025-09-02", "start = 2025-09-02\ntags = [\""+long+"\"]", 1),
	})
	if _, err := Build(context.Background(), Options{Site: site, Dest: filepath.Join(t.TempDir(), "public")}); err != nil {
		t.Fatal(err)
	}
}

// A bundle file is streamed to the output, never read whole into memory:
// a 256 MB file (sparse, so the test is cheap) allocates far less.
func TestBundleFilesStream(t *testing.T) {
	site := t.TempDir()
	sitetest.Write(t, site, map[string]string{"content/partnerships/a/index.md": profile("A", "approved")})
	f, err := os.Create(filepath.Join(site, "content", "partnerships", "a", "video.mp4"))
	if err != nil {
		t.Fatal(err)
	}
	const size = 256 << 20
	if err := errors.Join(f.Truncate(size), f.Close()); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Site: site, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > size/4 {
		t.Errorf("the build allocated %d MB for a %d MB bundle file", alloc>>20, size>>20)
	}
	if fi, err := os.Stat(filepath.Join(dest, "partnerships", "a", "video.mp4")); err != nil || fi.Size() != size {
		t.Errorf("the bundle file was not copied whole: %v", err)
	}
}

// A bundle publishes only photos, documents, audio and video: a copy of
// its index.md under any name, a link to it, other Markdown, TOML, HTML
// and SVG with a script are left out, each with a warning naming it
// (issue 14, item 1: they published the [private] table).
func TestBundleCopiesNeverPublished(t *testing.T) {
	site := t.TempDir()
	index := profile("Three", "approved")
	files := map[string]string{
		"content/partnerships/three/index.md":   index,
		"content/partnerships/three/photo.JPG":  "JPEG",
		"content/partnerships/three/flyer.pdf":  "%PDF",
		"content/partnerships/three/logo.svg":   `<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="1" height="1"/></svg>`,
		"content/partnerships/three/evil.svg":   `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`,
		"content/partnerships/three/pixel.svg":  `<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>`,
		"content/partnerships/three/page.html":  "<script>alert(1)</script>",
		"content/partnerships/three/notes.toml": "x = 1",
	}
	for _, name := range []string{"index.md.orig", "#index.md#", "index.md.bak", "index.md.save", "draft.md", "index.md.old"} {
		files["content/partnerships/three/"+name] = index
	}
	sitetest.Write(t, site, files)
	if err := os.Symlink("index.md", filepath.Join(site, "content/partnerships/three/link.jpg")); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Build(context.Background(), Options{Site: site, Dest: dest})
	if err != nil {
		t.Fatal(err)
	}
	var published []string
	for p, data := range snapshot(t, dest) {
		if strings.Contains(data, "PRIVATE-") {
			t.Errorf("%s holds a private value", p)
		}
		if rel, ok := strings.CutPrefix(filepath.ToSlash(p), filepath.ToSlash(dest)+"/partnerships/three/"); ok && rel != "index.html" {
			published = append(published, rel)
		}
	}
	slices.Sort(published)
	if want := []string{"flyer.pdf", "logo.svg", "photo.JPG"}; !slices.Equal(published, want) {
		t.Errorf("the bundle published %v, want %v", published, want)
	}
	warned := map[string]bool{}
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "not published") {
			warned[path.Base(w.Path)] = true
		}
	}
	for _, name := range []string{"evil.svg", "pixel.svg", "page.html", "notes.toml", "index.md.orig", "#index.md#", "index.md.bak", "index.md.save", "draft.md", "index.md.old", "link.jpg"} {
		if !warned[name] {
			t.Errorf("no warning names %s", name)
		}
	}
}

// A named pipe named like a profile, a page or site.toml is an error:
// opening it would wait forever (issue 14, item 8).
func TestFIFOIsAnError(t *testing.T) {
	for _, name := range []string{"content/partnerships/pipe.md", "content/_index.md", "site.toml", "content/partnerships/b/fifo.pdf"} {
		t.Run(path.Base(name), func(t *testing.T) {
			site := t.TempDir()
			sitetest.Write(t, site, map[string]string{"content/partnerships/a.md": profile("A", "approved"), "content/partnerships/b/index.md": profile("B", "approved")})
			if err := syscall.Mkfifo(filepath.Join(site, name), 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			done := make(chan error, 1)
			go func() {
				_, err := Build(context.Background(), Options{Site: site, Dest: filepath.Join(t.TempDir(), "public")})
				done <- err
			}()
			select {
			case err := <-done:
				var ce *ContentError
				if !errors.As(err, &ce) || !strings.Contains(fmt.Sprint(ce.Problems), name+":1:1: ") || !strings.Contains(fmt.Sprint(ce.Problems), "not a file (a named pipe") {
					t.Errorf("build: %v, want an error naming %s", err, name)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("build hangs on a named pipe")
			}
		})
	}
}

// A content folder that is a link out of the site is an error, not an
// empty site that would replace the published one (issue 14, item 3).
func TestContentLinkedOutOfTheSite(t *testing.T) {
	for _, dir := range []string{"content", "content/partnerships"} {
		t.Run(dir, func(t *testing.T) {
			root := t.TempDir()
			site, outside := filepath.Join(root, "site"), filepath.Join(root, "outside")
			sitetest.Write(t, outside, map[string]string{"partnerships/a.md": profile("A", "approved"), "a.md": profile("A", "approved")})
			if err := os.MkdirAll(filepath.Dir(filepath.Join(site, dir)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, filepath.Join(site, dir)); err != nil {
				t.Fatal(err)
			}
			_, err := Build(context.Background(), Options{Site: site, Dest: filepath.Join(root, "public")})
			var ce *ContentError
			if !errors.As(err, &ce) || !strings.Contains(fmt.Sprint(ce.Problems), "is a link to a folder outside the site") {
				t.Errorf("build: %v", err)
			}
		})
	}
}

// TestNoBaseURL: without an absolute base_url a build works, leaves out
// the files that need one, and warns once, naming them.
func TestNoBaseURL(t *testing.T) {
	site, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	sitetest.Write(t, site, map[string]string{
		"site.toml":                   "[open_data]\ngrant_prefix = \"360G-x\"\nfunder_id = \"XI-TEST-1\"\n",
		"content/partnerships/one.md": profile("One", "approved"),
	})
	res, err := Build(context.Background(), Options{Site: site, Dest: dest})
	if err != nil {
		t.Fatal(err)
	}
	want := `site.toml:1:1: warning: base_url: not set, so feed.xml, sitemap.xml and data/360giving.json are left out (they need the site's full address, and the data files have no page addresses): set base_url = "https://…/" in site.toml, or build with --base-url https://…/`
	if got := res.Warnings.Error(); strings.Count(got, "warning: base_url") != 1 || !strings.Contains(got, want) {
		t.Errorf("warnings:\n%s\nwant once:\n%s", got, want)
	}
	for _, name := range []string{"feed.xml", "sitemap.xml", "data/360giving.json"} {
		if _, err := os.Stat(filepath.Join(dest, name)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: %v, want it absent", name, err)
		}
	}
	for _, name := range []string{"robots.txt", "data/partnerships.json", "data/partnerships.csv", "index.html"} {
		if _, err := os.Stat(filepath.Join(dest, name)); err != nil {
			t.Error(err)
		}
	}
}

// A profile that is a link to a file elsewhere in the site is read, as
// before profiles were read through a file system of their own folder.
func TestProfileLinkedInsideTheSite(t *testing.T) {
	site := t.TempDir()
	sitetest.Write(t, site, map[string]string{"content/partnerships/a.md": profile("A", "approved"), "drafts/b.md": profile("B", "approved")})
	if err := os.Symlink("../../drafts/b.md", filepath.Join(site, "content/partnerships/b.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	res, err := Build(context.Background(), Options{Site: site, Dest: filepath.Join(t.TempDir(), "public")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Published != 2 {
		t.Errorf("published %d profiles, want 2", res.Published)
	}
}

// The progress line counts each profile read once, translations and
// bundle files left out (it counted none when profiles were opened
// rather than read whole).
func TestProgressCountsProfiles(t *testing.T) {
	site := t.TempDir()
	sitetest.Write(t, site, map[string]string{
		"site.toml":                       "title = \"T\"\nlibrary = \"L\"\nbase_url = \"https://partners.example.org/\"\nlanguage = \"en\"\n[languages.es]\nname = \"Español\"\n",
		"content/partnerships/a.md":       profile("A", "approved"),
		"content/partnerships/a.es.md":    "+++\ntitle = \"A es\"\n+++\n",
		"content/partnerships/b/index.md": profile("B", "approved"),
		"content/partnerships/b/notes.md": "a bundle file",
		"content/partnerships/c.md":       profile("C", "in_review"),
	})
	var p Progress
	if _, err := Build(context.Background(), Options{Site: site, Dest: filepath.Join(t.TempDir(), "public"), Progress: &p}); err != nil {
		t.Fatal(err)
	}
	if p.Read() != 3 || p.Written() == 0 {
		t.Errorf("counted %d profiles read and %d files written, want 3 and some", p.Read(), p.Written())
	}
}

// A site's file that alongside reads whole (a layout, a catalog) and that
// says it is huge (a sparse file) is refused with its name, by build or
// by check, not read until memory runs out.
func TestHugeFilesRefused(t *testing.T) {
	for _, name := range []string{"themes/default/layouts/base.html", "i18n/en.toml"} {
		t.Run(name, func(t *testing.T) {
			site := t.TempDir()
			sitetest.Write(t, site, map[string]string{"content/partnerships/a.md": profile("A", "approved"), name: ""})
			if err := os.Truncate(filepath.Join(site, name), 100<<20); err != nil {
				t.Skip("no sparse files here:", err)
			}
			res, err := Build(context.Background(), Options{Site: site, Dest: filepath.Join(t.TempDir(), "public")})
			var msg string
			switch ce := (*ContentError)(nil); {
			case errors.As(err, &ce):
				msg = fmt.Sprint(ce.Problems)
			case err != nil:
				msg = err.Error()
			default:
				msg = fmt.Sprint(res.Warnings)
			}
			_, _, probs, _ := Load(site, content.DayOf(time.Now())) // check's report
			msg += "\n" + fmt.Sprint(probs)
			if !strings.Contains(msg, name) || !strings.Contains(msg, "larger than 64 MB") {
				t.Errorf("build: %v, want an error naming %s as larger than 64 MB", msg, name)
			}
		})
	}
}
