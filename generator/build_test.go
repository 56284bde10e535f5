package generator

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

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
	writeFiles(t, site, map[string]string{"site.toml": openData, "content/partnerships/one.md": profile("One", "approved")})
	if _, err := Build(context.Background(), Options{Site: site, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dest)
	if len(before) == 0 {
		t.Fatal("the first build wrote nothing")
	}

	writeFiles(t, site, map[string]string{"content/partnerships/two.md": strings.Replace(profile("Two", "approved"), `status = "active"`, `status = "bogus"`, 1)})
	_, err := Build(context.Background(), Options{Site: site, Dest: dest})
	var ce *ContentError
	if !errors.As(err, &ce) {
		t.Fatalf("Build = %v, want a ContentError", err)
	}
	assertSame(t, before, snapshot(t, dest))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	writeFiles(t, site, map[string]string{"content/partnerships/two.md": profile("Two", "approved")})
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
		if e.Name() != "public" && e.Name() != ".public.alongside-state" {
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
	writeFiles(t, site, map[string]string{
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
	writeFiles(t, site, map[string]string{"site.toml": openData, "content/partnerships/one.md": profile("One", "approved")})
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
	writeFiles(t, site, map[string]string{"content/partnerships/one.md": profile("One", "approved")})
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
	writeFiles(t, outside, map[string]string{"secret.txt": "OUTSIDE-SECRET"})
	writeFiles(t, site, map[string]string{
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
	res, err := Build(context.Background(), Options{Site: site, Dest: dest})
	if err != nil {
		t.Fatal(err)
	}
	if w := res.Warnings.Error(); !strings.Contains(w, "content/partnerships/one/secret.txt:1:1: warning: not copied") {
		t.Errorf("warnings:\n%s", w)
	}
	for p, data := range snapshot(t, dest) {
		if strings.Contains(data, "OUTSIDE-SECRET") {
			t.Errorf("%s holds a file from outside the site", p)
		}
	}
	for _, name := range []string{"partnerships/one/flyer.txt", "partnerships/two/inside.txt", "partnerships/two/sub/a.txt", "partnerships/two/alias.txt"} {
		if _, err := os.Stat(filepath.Join(dest, name)); err != nil {
			t.Error(err)
		}
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
	writeFiles(t, site, map[string]string{
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
	if got := memoryLimit(14); got != 7<<28 {
		t.Errorf("a small site: %d, want 1.75 GiB", got)
	}
	if got := memoryLimit(1_000_000); got != 1_000_000*16<<10 {
		t.Errorf("a million profiles: %d, want 16 KB each", got)
	}
	t.Setenv("GOMEMLIMIT", "3GiB")
	if got, want := memoryLimit(14), debug.SetMemoryLimit(-1); got != want {
		t.Errorf("with GOMEMLIMIT: %d, want the runtime's %d", got, want)
	}
}

// TestNoBaseURL: without an absolute base_url a build works, leaves out
// the files that need one, and warns once, naming them.
func TestNoBaseURL(t *testing.T) {
	site, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	writeFiles(t, site, map[string]string{
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
