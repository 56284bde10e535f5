package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInitCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new-site")
	code, stdout, stderr := runCLI(t, "init", dir)
	if code != 0 || !strings.Contains(stdout, "Created a site in "+dir) {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, f := range []string{"site.toml", "content/_index.md", "content/partnerships/saturday-homework-club.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	toml, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	for _, key := range []string{"title", "library", "base_url", "language", "currency", "fiscal_year_start", "theme", "corrections", "[valuation]", "staff_time", "space", "[open_data]", "grant_prefix", "funder_id"} {
		if !strings.Contains(string(toml), key) {
			t.Errorf("site.toml does not show %s", key)
		}
	}
	// Every placeholder is marked, and check names each one, and the
	// example's text; the site has no error and builds, the example, a
	// draft, unpublished.
	if n := strings.Count(string(toml), "# PLACEHOLDER"); n != 6 {
		t.Errorf("%d lines of site.toml marked PLACEHOLDER, want 6", n)
	}
	code, _, stderr = runCLI(t, "check", "-s", dir)
	for _, want := range []string{
		"site.toml:5:9: warning: title: ", "site.toml:6:11: warning: library: ", "site.toml:7:12: warning: base_url: ",
		"site.toml:12:15: warning: corrections: ", "site.toml:19:16: warning: open_data.grant_prefix: ", "site.toml:20:13: warning: open_data.funder_id: ",
		"saturday-homework-club.md:5:11: warning: summary: still the example's summary",
		"saturday-homework-club.md:77:24: warning: body: the story is still the template's text",
		"9 warnings in 2 files",
	} {
		if code != 0 || !strings.Contains(stderr, want) {
			t.Errorf("check of the new site: exit %d, lacks %q:\n%s", code, want, stderr)
		}
	}
	example, _ := os.ReadFile(filepath.Join(dir, "content/partnerships/saturday-homework-club.md"))
	if !strings.Contains(string(example), `state = "draft"`) {
		t.Error("the example profile is not a draft")
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, stderr := runCLI(t, "build", "-s", dir, "-d", out); code != 0 || !strings.Contains(stdout, "0 published") {
		t.Fatalf("build of the new site: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "partnerships", "saturday-homework-club")); err == nil {
		t.Error("the draft example is published")
	}

	// A folder that is not empty is refused, and left alone.
	code, _, stderr = runCLI(t, "init", dir)
	if code != 1 || !strings.Contains(stderr, "exists and is not empty; nothing was changed") {
		t.Errorf("init of a non-empty folder: exit %d: %s", code, stderr)
	}
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if code, _, _ := runCLI(t, "init", file); code != 1 {
		t.Errorf("init of a file: exit %d", code)
	}
	if code, _, _ := runCLI(t, "init"); code != 2 {
		t.Errorf("init without DIR: exit %d", code)
	}
	// An empty folder is fine.
	if code, _, stderr := runCLI(t, "init", t.TempDir()); code != 0 {
		t.Errorf("init of an empty folder: exit %d: %s", code, stderr)
	}
}
