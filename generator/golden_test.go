package generator

import (
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite the golden manifests in testdata/golden")

// goldenNow is the clock of the golden builds.
var goldenNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// manifest lists every file under dir as "sha256  path", sorted by path.
func manifest(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		fmt.Fprintf(&b, "%x  %s\n", sha256.Sum256(data), filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// checkGolden builds site with the golden clock and compares every output
// file with testdata/golden/<name>.txt (go test -run Golden -update
// rewrites it: review the diff).
func checkGolden(t *testing.T, site, name string) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Site: site, Dest: dest, Now: goldenNow}); err != nil {
		t.Fatal(err)
	}
	got := manifest(t, dest)
	file := filepath.Join("testdata", "golden", name+".txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got == string(want) {
		return
	}
	wantLines, gotLines := lineSet(string(want)), lineSet(got)
	var diff []string
	for l := range wantLines {
		if !gotLines[l] {
			diff = append(diff, "- "+l)
		}
	}
	for l := range gotLines {
		if !wantLines[l] {
			diff = append(diff, "+ "+l)
		}
	}
	if len(diff) > 40 {
		diff = append(diff[:40], fmt.Sprintf("… and %d more", len(diff)-40))
	}
	t.Errorf("the output of %s differs from %s (-want +got):\n%s", name, file, strings.Join(diff, "\n"))
}

func lineSet(s string) map[string]bool {
	m := map[string]bool{}
	for l := range strings.Lines(s) {
		m[strings.TrimSuffix(l, "\n")] = true
	}
	return m
}

// TestGoldenSample holds the sample site's output to its manifest: a
// refactor changes no byte of it, and a build with a fixed clock is the
// same on any day the test runs (the manifest was made on another).
func TestGoldenSample(t *testing.T) {
	checkGolden(t, "..", "sample")
}

// TestGoldenCorpus does the same for 1,000 generated profiles.
func TestGoldenCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 profiles")
	}
	site := t.TempDir()
	for name, f := range sitetest.Corpus(1000) {
		path := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	checkGolden(t, site, "corpus-1000")
}
