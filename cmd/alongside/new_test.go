package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

func TestNewCommand(t *testing.T) {
	site := writeSite(t, map[string]string{"site.toml": "base_url = \"https://partners.example.org/\"\n[open_data]\nlicense = \"https://creativecommons.org/licenses/by/4.0/\"\n", "content/partnerships/tet/index.md": goodProfile})
	code, stdout, stderr := runCLI(t, "new", "Hội Văn Hóa Việt: Tết!", "-s", site)
	if code != 0 || !strings.Contains(stdout, "content/partnerships/hoi-van-hoa-viet-tet.md") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	file := filepath.Join(site, "content", "partnerships", "hoi-van-hoa-viet-tet.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`title = "Hội Văn Hóa Việt: Tết!"`, `state = "draft"`, "start = " + content.Today().String(), "[[resources]]", "[[asks]]", "[[outcomes]]", "[partner_voice]", "[private]"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the new profile lacks %q", want)
		}
	}
	// It passes check as it is; check says its story is the template's.
	code, _, stderr = runCLI(t, "check", "-s", site)
	var about []string
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, "content/partnerships/hoi-van-hoa-viet-tet.md:") {
			about = append(about, line)
		}
	}
	if code != 0 || len(about) != 1 || !strings.Contains(about[0], ":64:1: warning: body: the story is still the template's text") {
		t.Errorf("check of the new profile: exit %d\n%s", code, stderr)
	}
	if err := os.WriteFile(file, []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"new", "-s", site, "Hoi Van Hoa Viet TET"}, 1, "content/partnerships/hoi-van-hoa-viet-tet.md already exists; nothing was changed"},
		{[]string{"new", "-s", site, "Tết"}, 1, "content/partnerships/tet already exists"},
		{[]string{"new", "-s", site, "  "}, 2, "the name is empty"},
		{[]string{"new", "-s", site}, 2, "missing argument"},
		{[]string{"new", "-s", t.TempDir(), "X"}, 1, "is not a site folder"},
		{[]string{"new", "-s", filepath.Join(site, "nope"), "X"}, 2, "nope"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.stderr)
		}
	}
	if data, _ := os.ReadFile(file); string(data) != "edited" {
		t.Error("new overwrote an existing profile")
	}
}

func TestNewRefusesATakenSlug(t *testing.T) {
	site := writeSite(t, map[string]string{"content/partnerships/other.md": strings.Replace(goodProfile, "+++\n", "+++\nslug = \"homework-help\"\n", 1)})
	code, _, stderr := runCLI(t, "new", "-s", site, "Homework Help")
	if code != 1 || !strings.Contains(stderr, `content/partnerships/other.md already has the slug "homework-help"`) {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(site, "content", "partnerships", "homework-help.md")); err == nil {
		t.Error("new wrote the file anyway")
	}
}
