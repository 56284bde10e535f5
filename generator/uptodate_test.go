package generator

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUpToDate(t *testing.T) {
	site, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	writeFiles(t, site, map[string]string{
		"site.toml":                   openData,
		"content/partnerships/one.md": profile("One", "approved"),
		"content/partnerships/two.md": profile("Two", "draft"),
	})
	build := func(opts Options) *Result {
		t.Helper()
		opts.Site, opts.Dest = site, dest
		res, err := Build(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := build(Options{})
	if first.UpToDate {
		t.Fatal("the first build is up to date")
	}
	before := snapshot(t, dest)
	second := build(Options{})
	if !second.UpToDate || second.Pages != first.Pages || second.Published != 1 {
		t.Fatalf("second build: %+v, want up to date with the first's counts", second)
	}
	assertSame(t, before, snapshot(t, dest))

	steps := []struct {
		name   string
		change func()
		opts   Options
		want   string // in the output afterwards
	}{
		{"a profile edited", func() {
			writeFiles(t, site, map[string]string{"content/partnerships/one.md": profile("One edited", "approved")})
		}, Options{}, "One edited"},
		{"a profile added", func() {
			writeFiles(t, site, map[string]string{"content/partnerships/three.md": profile("Three", "approved")})
		}, Options{}, "Three"},
		{"another flag", func() {}, Options{Unapproved: true}, "Two"},
		{"a theme file", func() {
			writeFiles(t, site, map[string]string{"themes/default/static/extra.css": "/* EXTRA */"})
		}, Options{Unapproved: true}, "EXTRA"},
		{"an output file edited by hand", func() {
			if err := os.WriteFile(filepath.Join(dest, "index.html"), []byte("defaced"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, Options{Unapproved: true}, "One edited"},
		{"a file added to the output by hand", func() {
			if err := os.WriteFile(filepath.Join(dest, "data", "extra.txt"), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, Options{Unapproved: true}, "EXTRA"},
		{"a profile removed", func() {
			if err := os.Remove(filepath.Join(site, "content/partnerships/three.md")); err != nil {
				t.Fatal(err)
			}
		}, Options{Unapproved: true}, "One edited"},
		{"an output file removed", func() {
			if err := os.Remove(filepath.Join(dest, "style.css")); err != nil {
				t.Fatal(err)
			}
		}, Options{Unapproved: true}, "EXTRA"},
	}
	for _, s := range steps {
		s.change()
		if res := build(s.opts); res.UpToDate {
			t.Errorf("after %s: up to date", s.name)
		}
		var all strings.Builder
		for _, data := range snapshot(t, dest) {
			all.WriteString(data)
		}
		if !strings.Contains(all.String(), s.want) {
			t.Errorf("after %s: the output lacks %q", s.name, s.want)
		}
		if res := build(s.opts); !res.UpToDate {
			t.Errorf("after %s, built twice: not up to date", s.name)
		}
	}
}
