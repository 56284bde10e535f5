package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

func TestProofCommand(t *testing.T) {
	site := writeSite(t, map[string]string{
		"content/partnerships/homework-help.md": strings.Replace(goodProfile, `state = "approved"`, `state = "draft"`, 1),
		"content/partnerships/broken.md":        badProfile,
	})
	t.Chdir(t.TempDir())
	code, stdout, stderr := runCLI(t, "proof", "homework-help", "-s", site)
	name := "proof-homework-help-" + content.Today().String() + ".html"
	if code != 0 || !strings.Contains(stdout, "Wrote "+name) {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	doc, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	// Without base_url, links to other pages of the site are plain text.
	for _, bad := range []string{"<link", "<script src", "PRIVATE", "555-0100", `src="http`, `href="/`, `href="partners`} {
		if strings.Contains(string(doc), bad) {
			t.Errorf("the proof contains %q", bad)
		}
	}
	if !strings.Contains(string(doc), "Proof — not yet published") || !strings.Contains(string(doc), "Homework Help") {
		t.Error("the proof lacks its banner or title")
	}
	if !strings.Contains(stdout, "no base_url") {
		t.Errorf("proof does not say that links are plain text without base_url:\n%s", stdout)
	}
	out := filepath.Join(t.TempDir(), "p.html")
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"proof", "-s", site, "homework-help", "-o", out}, 0, ""},
		{[]string{"proof", "-s", site, "homework-help", "-o", out}, 0, ""}, // over an earlier proof
		{[]string{"proof", "-s", site, "homework-help", "-o", filepath.Join(site, "content", "partnerships", "homework-help.md")}, 1, "exists and is not an earlier proof"},
		{[]string{"proof", "-s", site, "homework-help", "-o", site}, 1, "exists and is not an earlier proof"},
		{[]string{"proof", "-s", site}, 2, "missing argument"},
		{[]string{"proof", "-s", site, "homework"}, 1, "did you mean homework-help?"},
		{[]string{"proof", "-s", site, "broken"}, 1, `broken.md:3:10: status: "actve" is not one of`},
		{[]string{"proof", "-s", site, "homework-help", "-o", filepath.Join(t.TempDir(), "no", "p.html")}, 1, "no such file"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.stderr)
		}
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
	if data, _ := os.ReadFile(filepath.Join(site, "content", "partnerships", "homework-help.md")); !strings.HasPrefix(string(data), "+++") {
		t.Error("proof -o overwrote the profile")
	}
}
