package render

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/urls"
	"github.com/alongside-dev/alongside/themes"
)

// TestRenderWritesAddresses holds Render to the map of addresses: it
// writes the file of every address of Addresses and nothing else but the
// theme's static files, for a site with paginated lists (130 profiles),
// bundles, pages, several fiscal years and the 360Giving file, in one
// language and in three.
func TestRenderWritesAddresses(t *testing.T) {
	fsys := sitetest.Corpus(130)
	cfg := string(fsys["site.toml"].Data) + "\n[open_data]\ngrant_prefix = \"360G-wrenfield\"\nfunder_id = \"US-EIN-00-1234567\"\n"
	fsys["site.toml"] = &fstest.MapFile{Data: []byte(cfg)}
	fsys["content/partnerships/granted.md"] = &fstest.MapFile{Data: []byte(`+++
title = "Granted"
status = "active"
start = 2025-01-01
[partner]
name = "Grantee"
[review]
state = "approved"
date = 2025-02-01
[[resources]]
from = "library"
kind = "money"
amount = 100
+++
`)}
	checkAddresses(t, fsys, "page/3/index.html", "partnerships/partnership-00000/photo.png", urls.Giving, urls.Feed, urls.Sitemap, "reports/2019/index.html")

	// In three languages: every page again under es/ and ar/, and a
	// feed each; the bundle and data files once.
	fsys["site.toml"] = &fstest.MapFile{Data: []byte(cfg + "[languages.es]\nname = \"Español\"\n[languages.ar]\nname = \"العربية\"\n")}
	checkAddresses(t, fsys, "es/page/3/index.html", "ar/reports/2019/index.html", "es/feed.xml", "partnerships/partnership-00000/photo.png")

	// Without base_url: no feed, sitemap or 360giving.json, in both.
	fsys["site.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(cfg, "base_url", "# base_url", 1))}
	for _, name := range checkAddresses(t, fsys, urls.JSON, urls.Robots) {
		if name == urls.Feed || name == urls.Sitemap || name == urls.Giving {
			t.Errorf("without base_url, Addresses lists %s", name)
		}
	}
}

// checkAddresses renders the site of fsys and holds it to Addresses, which
// must list each of names; it returns the files written.
func checkAddresses(t *testing.T, fsys fstest.MapFS, names ...string) []string {
	t.Helper()
	site, r := loadSite(t, fsys)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	out := output.NewMemory()
	if _, err := r.Render(context.Background(), site, fsys, Options{Now: now}, out); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, a := range Addresses(site, site.Published(false), content.DayOf(now)) {
		want = append(want, urls.File(a))
	}
	static, err := themes.FS.ReadDir("default/static")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range static {
		want = append(want, f.Name())
	}
	slices.Sort(want)
	got := out.Names()
	slices.Sort(got)
	for _, name := range names {
		if !slices.Contains(want, name) {
			t.Errorf("Addresses has no %s: the test site does not test what it should", name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Render wrote files that Addresses does not list, or the reverse:\nonly written: %v\nonly listed:  %v",
			minus(got, want), minus(want, got))
	}
	return got
}

// minus is the elements of a that are not in b.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}
