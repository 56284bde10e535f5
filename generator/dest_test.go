package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// build refuses an output folder that holds files no build wrote, unless
// forced; a .git in it is carried into every new output.
func TestDestNotOurs(t *testing.T) {
	site, dest := t.TempDir(), filepath.Join(t.TempDir(), "x")
	sitetest.Write(t, site, map[string]string{"site.toml": openData, "content/partnerships/one.md": profile("One", "approved"),
		"content/partnerships/two.md": profile("Two", "approved")})
	sitetest.Write(t, dest, map[string]string{".git/HEAD": "ref: refs/heads/pages\n", "thesis.docx": "precious"})
	build := func(force bool) error {
		_, err := Build(context.Background(), Options{Site: site, Dest: dest, Force: force})
		return err
	}
	exists := func(name string) bool {
		_, err := os.Lstat(filepath.Join(dest, name))
		return err == nil
	}

	err := build(false)
	if err == nil || !strings.Contains(err.Error(), "thesis.docx") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("build into a folder of someone else's files = %v, want a refusal naming thesis.docx and --force", err)
	}
	if !exists("thesis.docx") || !exists(".git/HEAD") || exists("index.html") {
		t.Fatal("a refused build changed the output folder")
	}
	if got := entries(t, filepath.Dir(dest)); len(got) != 1 {
		t.Errorf("a refused build left %q beside the output", got)
	}

	if err := build(true); err != nil {
		t.Fatal(err)
	}
	if exists("thesis.docx") || !exists("index.html") {
		t.Error("--force did not replace the folder's contents")
	}
	if data, err := os.ReadFile(filepath.Join(dest, ".git/HEAD")); err != nil || string(data) != "ref: refs/heads/pages\n" {
		t.Errorf(".git/HEAD after the build: %q, %v", data, err)
	}

	// What an earlier build wrote may go, even when this build does not
	// write it again; a file added by hand may not.
	if err := os.Remove(filepath.Join(site, "content/partnerships/two.md")); err != nil {
		t.Fatal(err)
	}
	if err := build(false); err != nil {
		t.Fatalf("rebuild without a profile: %v", err)
	}
	if exists("partnerships/two/index.html") || !exists(".git/HEAD") {
		t.Error("the rebuild kept two's page or lost .git")
	}
	sitetest.Write(t, dest, map[string]string{"partnerships/notes.txt": "mine"})
	if err := build(false); err == nil || !strings.Contains(err.Error(), "partnerships/notes.txt") {
		t.Errorf("build over a file added by hand = %v, want a refusal naming it", err)
	}
	if !exists("partnerships/notes.txt") {
		t.Error("the file added by hand is gone")
	}

	// Without a record of earlier builds, a build that writes the same
	// files again is not refused.
	if err := os.Remove(filepath.Join(dest, "partnerships/notes.txt")); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), Options{Site: site, Dest: dest, CacheDir: filepath.Join(t.TempDir(), "none"), Unapproved: true}); err != nil {
		t.Errorf("rebuild with an empty cache folder: %v", err)
	}
}

// A symbolic link as the output folder is resolved once: the build
// replaces its target, at the target's parent, and nothing else.
func TestDestSymlink(t *testing.T) {
	site, root := t.TempDir(), t.TempDir()
	sitetest.Write(t, site, map[string]string{"site.toml": openData, "content/partnerships/one.md": profile("One", "approved")})
	sitetest.Write(t, root, map[string]string{"target/.keep-me-not": "", "beside/precious.txt": "precious", "other/precious.txt": "precious"})
	if err := os.Remove(filepath.Join(root, "target/.keep-me-not")); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "public")
	if err := os.Symlink("target", link); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if _, err := Build(context.Background(), Options{Site: site, Dest: link}); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link is no longer a link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "target/index.html")); err != nil {
		t.Errorf("the target was not built: %v", err)
	}
	if got := strings.Join(entries(t, root), " "); got != "beside other public target" {
		t.Errorf("beside the target: %s", got)
	}

	// A link to someone else's folder is refused, and a dangling one.
	other := filepath.Join(root, "to-other")
	if err := os.Symlink("other", other); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), Options{Site: site, Dest: other}); err == nil || !strings.Contains(err.Error(), "precious.txt") {
		t.Errorf("build through a link to another folder = %v, want a refusal", err)
	}
	if data, _ := os.ReadFile(filepath.Join(root, "other/precious.txt")); string(data) != "precious" {
		t.Error("the link's target was changed")
	}
	dangling := filepath.Join(root, "dangling")
	if err := os.Symlink("nowhere", dangling); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), Options{Site: site, Dest: dangling}); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("build through a dangling link = %v", err)
	}
	// A link to a folder holding the site is refused before anything.
	up := filepath.Join(t.TempDir(), "up")
	if err := os.Symlink(filepath.Dir(site), up); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), Options{Site: site, Dest: up, Force: true}); err == nil || !strings.Contains(err.Error(), "holds the site") {
		t.Errorf("build through a link to the site's parent = %v", err)
	}
}
