package render

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
	"github.com/alongside-dev/alongside/generator/output"
)

// A file that sums up every profile, asked for before Render reaches
// it, is rendered alone: a reader waits for the page asked for, not for
// every report and data file of the site. And it is the file a full
// render makes.
func TestDeferredRendersAFileAlone(t *testing.T) {
	fsys := sitetest.Corpus(60)
	site, r := loadSite(t, fsys)
	opts := Options{BaseURL: "https://x.example/", Now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	s := r.NewSession(fsys, opts)
	ctx := context.Background()
	if _, err := s.Render(ctx, site, content.Change{Full: true}, output.NewMemory()); err != nil {
		t.Fatal(err)
	}
	// Another amount for the first published profile.
	next := *site
	next.Profiles = slices.Clone(site.Profiles)
	i := slices.IndexFunc(next.Profiles, func(p *content.Profile) bool { return p.Approved() && len(p.Resources) > 0 })
	old := next.Profiles[i]
	changed := *old
	changed.Resources = slices.Clone(old.Resources)
	changed.Resources[0].Amount += 1000
	next.Profiles[i] = &changed
	res, err := s.Render(ctx, &next, content.Change{Profiles: []content.ProfileChange{{Old: old, New: &changed}}}, output.NewMemory())
	if err != nil {
		t.Fatal(err)
	}
	d := res.Deferred
	if d == nil {
		t.Fatal("the change deferred no file")
	}
	full := output.NewMemory()
	if _, err := r.Render(ctx, &next, fsys, opts, full); err != nil {
		t.Fatal(err)
	}
	var reports []string
	for _, name := range full.Names() {
		if strings.HasPrefix(name, "reports/") && name != "reports/index.html" {
			reports = append(reports, name)
		}
	}
	if len(reports) < 2 {
		t.Fatalf("the site has %d annual report pages, want 2 or more", len(reports))
	}
	for _, name := range []string{reports[0], "data/partnerships.json"} {
		got, ok, err := d.File(name)
		want, _ := full.Get(name)
		if err != nil || !ok || string(got) != string(want) {
			t.Fatalf("%s: ok %v, err %v, same as a full render's: %v", name, ok, err, string(got) == string(want))
		}
	}
	for _, name := range []string{"index.html", "reports/index.html", reports[1], "data/index.html", "data/resources.csv", "feed.xml"} {
		if d.Ready(name) {
			t.Errorf("%s was rendered with %s and data/partnerships.json", name, reports[0])
		}
	}
	if err := d.Render(ctx); err != nil {
		t.Fatal(err)
	}
	for _, name := range full.Names() {
		if d.Owns(name) && !d.Ready(name) {
			t.Errorf("Render left %s unrendered", name)
		}
	}

	// The next change's files, asked for all at once, twice each, from
	// many requests while Render runs: each is its full render's.
	changed2 := changed
	changed2.Resources = slices.Clone(changed.Resources)
	changed2.Resources[0].Amount += 1000
	next.Profiles[i] = &changed2
	res, err = s.Render(ctx, &next, content.Change{Profiles: []content.ProfileChange{{Old: &changed, New: &changed2}}}, output.NewMemory())
	if err != nil || res.Deferred == nil {
		t.Fatalf("second change: %v, deferred %v", err, res.Deferred)
	}
	d = res.Deferred
	full = output.NewMemory()
	if _, err := r.Render(ctx, &next, fsys, opts, full); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Go(func() { d.Render(ctx) })
	for _, name := range full.Names() {
		if !d.Owns(name) {
			continue
		}
		for range 2 {
			wg.Go(func() {
				got, ok, err := d.File(name)
				want, _ := full.Get(name)
				if err != nil || !ok || !bytes.Equal(got, want) {
					t.Errorf("%s, asked for at once with the others: ok %v, err %v, same as a full render's: %v", name, ok, err, bytes.Equal(got, want))
				}
			})
		}
	}
	wg.Wait()
}
