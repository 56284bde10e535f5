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
	// Ready for check (no warning) and build, with an approved example.
	if code, _, stderr := runCLI(t, "check", "-s", dir); code != 0 || stderr != "" {
		t.Errorf("check of the new site: exit %d\n%s", code, stderr)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, stderr := runCLI(t, "build", "-s", dir, "-d", out); code != 0 || !strings.Contains(stdout, "1 published") {
		t.Fatalf("build of the new site: exit %d\n%s%s", code, stdout, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "partnerships", "saturday-homework-club", "index.html"))
	if err != nil || !strings.Contains(string(page), "Reviewed and approved by") || strings.Contains(string(page), "555-0142") {
		t.Errorf("the example's page: %v", err)
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
