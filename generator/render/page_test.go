package render

import (
	"bytes"
	"context"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
	"github.com/alongside-dev/alongside/generator/output"
)

// TestPageIsRenderPage: a page made alone is byte for byte the page a
// Render of the whole site writes, in every language, for every kind of
// page Page makes; Page declines the pages that need the whole site.
func TestPageIsRenderPage(t *testing.T) {
	fsys := sitetest.Corpus(130)
	cfg := string(fsys["site.toml"].Data) + "\n[languages.es]\nname = \"Español\"\n"
	fsys["site.toml"] = &fstest.MapFile{Data: []byte(cfg)}
	site, r := loadSite(t, fsys)
	for _, unapproved := range []bool{false, true} {
		opts := Options{Now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), Unapproved: unapproved}
		out := output.NewMemory()
		if _, err := r.Render(context.Background(), site, fsys, opts, out); err != nil {
			t.Fatal(err)
		}
		made := 0
		for _, name := range out.Names() {
			want, _ := out.Get(name)
			got, ok, err := r.Page(context.Background(), site, fsys, opts, name)
			if err != nil {
				t.Fatalf("Page(%s): %v", name, err)
			}
			if !ok {
				continue
			}
			made++
			if !bytes.Equal(got, want) {
				t.Errorf("Page(%s) differs from the page Render writes (unapproved %v)", name, unapproved)
			}
		}
		// The home page, every profile and content page, and 404, in
		// both languages.
		profiles := len(site.Published(unapproved))
		if want := 2*(1+profiles+len(site.Pages)+1) + 2; made != want { // and style.css, favicon.svg
			t.Errorf("Page made %d pages, want %d", made, want)
		}
		for _, name := range []string{"page/2/index.html", "partners/index.html", "reports/index.html", "data/partnerships.json", "es/tags/index.html", "partnerships/partnership-00000/photo.png"} {
			if _, ok, _ := r.Page(context.Background(), site, fsys, opts, name); ok {
				t.Errorf("Page(%s) made a page that needs the whole site", name)
			}
		}
	}
	if _, ok, _ := r.Page(context.Background(), site, fsys, Options{}, "partnerships/no-such-thing/index.html"); ok {
		t.Error("Page made the page of a profile that does not exist")
	}
}
