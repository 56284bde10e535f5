package render

import (
	"cmp"
	"context"
	"io/fs"
	"slices"
	"sync"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/export"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/urls"
)

// A Deferred renders, when first asked, the files of one render that sum
// up every profile: the first home page (totals and charts), the reports,
// /data/ and the data files, the feed, robots.txt and the sitemap. It
// keeps its own copy of what they need, so it renders the site as it was,
// whatever renders came after. It is safe for concurrent use.
type Deferred struct {
	r    *Renderer
	fsys fs.FS
	opts Options
	site content.Site // Profiles and Pages are copies
	home *Page        // the first home page, without its text and totals
	// paths are the pages of the sitemap, sorted.
	paths []string

	groups [3]deferredGroup
}

type deferredGroup struct {
	once  sync.Once
	files *output.Memory
	err   error
}

// The groups of a Deferred, each rendered at once.
const (
	groupHome = iota
	groupReports
	groupExport
)

func (s *Session) newDeferred(site *content.Site) *Deferred {
	b := s.b
	d := &Deferred{r: s.r, fsys: s.fsys, opts: s.opts, site: *site, paths: s.paths}
	d.site.Profiles = slices.Clone(site.Profiles)
	d.site.Pages = slices.Clone(site.Pages)
	proto := b.page("home", "", cmp.Or(site.Home.Title, b.view.Title), "")
	l := &s.home
	d.home = b.listPage(proto, len(l.entries), 1, func(p *Page, lo, hi int) {
		p.Cards = make([]*Profile, hi-lo)
		for i, e := range l.entries[lo:hi] {
			p.Cards[i] = s.views[e]
		}
	})
	return d
}

// group returns the group that holds the file name, if any.
func (d *Deferred) group(name string) int {
	switch k, _ := urls.Classify(name); k {
	case urls.HomePage:
		return groupHome
	case urls.ReportPage, urls.DataPage:
		return groupReports
	case urls.DataFile, urls.Machine:
		return groupExport
	}
	return -1
}

// Owns reports whether the file name, if it exists, is one of d's: the
// caller must then take it from d, not from an earlier render.
func (d *Deferred) Owns(name string) bool { return d.group(name) >= 0 }

// File returns the file name, rendering its group of files the first
// time; ok is false when the file does not exist. Concurrent calls for
// the same group wait for one render.
func (d *Deferred) File(name string) (data []byte, ok bool, err error) {
	k := d.group(name)
	if k < 0 {
		return nil, false, nil
	}
	g := &d.groups[k]
	g.once.Do(func() { g.files, g.err = d.render(context.Background(), k) })
	data, ok = g.files.Get(name)
	return data, ok, g.err
}

// render renders group k with a build of its own.
func (d *Deferred) render(ctx context.Context, k int) (*output.Memory, error) {
	w := output.NewMemory()
	b, err := d.r.newBuild(ctx, &d.site, d.fsys, d.opts, w)
	if err != nil {
		return w, err
	}
	switch k {
	case groupHome:
		p := *d.home
		p.Site = b.view
		if p.Content, err = b.markdown(b.workers[0], d.site.Home.Path, d.site.Home.Body); err != nil {
			return w, err
		}
		p.Ledger = b.homeLedger()
		err = b.run(b.pageTasks([]*Page{&p}))
	case groupReports:
		err = b.run(b.pageTasks(b.ledgerPages()))
	case groupExport:
		err = export.Write(w, &d.site, b.published, b.opts.BaseURL, b.opts.Now, d.paths)
	}
	return w, err
}
