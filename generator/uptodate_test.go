package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// TestMain keeps the package's builds out of the user's cache folder:
// those that set no Options.CacheDir share a temporary one.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "alongside-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	userCacheDir = func() (string, error) { return dir, nil }
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestUpToDate(t *testing.T) {
	site, dest, cache := t.TempDir(), filepath.Join(t.TempDir(), "public"), t.TempDir()
	sitetest.Write(t, site, map[string]string{
		"site.toml":                   openData,
		"content/partnerships/one.md": profile("One", "approved"),
		"content/partnerships/two.md": profile("Two", "draft"),
	})
	build := func(opts Options) *Result {
		t.Helper()
		opts.Site, opts.Dest, opts.CacheDir = site, dest, cache
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
	// The state is in the cache folder, and nothing is beside the output.
	if got := entries(t, filepath.Dir(dest)); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output: %q, want only public", got)
	}
	if got := entries(t, filepath.Join(cache, "builds")); len(got) != 1 {
		t.Errorf("cache: %q, want one state file", got)
	}

	steps := []struct {
		name   string
		change func()
		opts   Options
		want   string // in the output afterwards
	}{
		{"a profile edited", func() {
			sitetest.Write(t, site, map[string]string{"content/partnerships/one.md": profile("One edited", "approved")})
		}, Options{}, "One edited"},
		{"a profile added", func() {
			sitetest.Write(t, site, map[string]string{"content/partnerships/three.md": profile("Three", "approved")})
		}, Options{}, "Three"},
		{"another flag", func() {}, Options{Unapproved: true}, "Two"},
		{"a theme file", func() {
			sitetest.Write(t, site, map[string]string{"themes/default/static/extra.css": "/* EXTRA */"})
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
		}, Options{Unapproved: true, Force: true}, "EXTRA"}, // else refused: TestDestNotOurs
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

	// Another output folder of the same site has a state of its own.
	other := filepath.Join(t.TempDir(), "public")
	for i, want := range []bool{false, true} {
		res, err := Build(context.Background(), Options{Site: site, Dest: other, CacheDir: cache, Unapproved: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.UpToDate != want {
			t.Errorf("build %d into another folder: up to date %v, want %v", i+1, res.UpToDate, want)
		}
	}
	if res := build(Options{Unapproved: true}); !res.UpToDate {
		t.Error("the first output folder is no longer up to date after a build into another")
	}
	if got := entries(t, filepath.Join(cache, "builds")); len(got) != 2 {
		t.Errorf("cache: %q, want two state files", got)
	}
}

// Without a cache folder that can be written, every build is a full one,
// and succeeds. The user's cache folder is where os.UserCacheDir says.
func TestUpToDateWithoutCache(t *testing.T) {
	switch runtime.GOOS {
	case "darwin", "ios", "windows", "plan9":
		t.Skip("os.UserCacheDir reads other variables here")
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A folder the test cannot write in: root writes anywhere but in
	// such file systems as /proc.
	readOnly := t.TempDir()
	if err := os.Chmod(readOnly, 0o500); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		readOnly = "/proc"
	}
	cases := []struct {
		name, xdg, home, cacheDir string
		upToDate                  bool // the second build
	}{
		{name: "XDG_CACHE_HOME is a file", xdg: file},
		{name: "HOME is a file", home: file},
		{name: "XDG_CACHE_HOME is relative", xdg: "cache"},
		{name: "neither XDG_CACHE_HOME nor HOME"},
		{name: "XDG_CACHE_HOME cannot be written", xdg: readOnly},
		{name: "CacheDir is a file", cacheDir: file, xdg: t.TempDir()},
		{name: "XDG_CACHE_HOME is a folder", xdg: t.TempDir(), upToDate: true}, // the control
	}
	saved := userCacheDir
	userCacheDir = os.UserCacheDir
	t.Cleanup(func() { userCacheDir = saved })
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("XDG_CACHE_HOME", c.xdg)
			t.Setenv("HOME", c.home)
			site, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
			sitetest.Write(t, site, map[string]string{"site.toml": openData, "content/partnerships/one.md": profile("One", "approved")})
			for i := range 2 {
				res, err := Build(context.Background(), Options{Site: site, Dest: dest, CacheDir: c.cacheDir})
				if err != nil {
					t.Fatalf("build %d: %v", i+1, err)
				}
				if want := c.upToDate && i == 1; res.UpToDate != want {
					t.Errorf("build %d: up to date %v, want %v", i+1, res.UpToDate, want)
				}
			}
			if data, err := os.ReadFile(filepath.Join(dest, "partnerships/one/index.html")); err != nil || !strings.Contains(string(data), "One") {
				t.Errorf("the page of one: %v", err)
			}
			if got := entries(t, filepath.Dir(dest)); !slices.Equal(got, []string{"public"}) {
				t.Errorf("beside the output: %q, want only public", got)
			}
			if c.upToDate {
				if got := entries(t, filepath.Join(c.xdg, "alongside", "builds")); len(got) != 1 {
					t.Errorf("the cache folder holds %q, want one state file", got)
				}
			}
		})
	}
}

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}
