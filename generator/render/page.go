package render

import (
	"context"
	"io/fs"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/urls"
)

// Page renders the file name of a Render of site alone, as Render would
// write it, when it is a page that can be made without the rest of the
// site: the first page of the home list (its totals and its newest
// cards), a profile's page, a content page or the 404 page, in any
// language of the site, or a static file of the theme. ok is false for every other file (the other
// lists, the reports, the data files): those need the whole site. It
// lets `alongside serve` answer the first request on a large site
// before the whole site is rendered.
func (r *Renderer) Page(ctx context.Context, site *content.Site, siteFS fs.FS, opts Options, name string) (data []byte, ok bool, err error) {
	var others []string
	for _, l := range site.Config.Others() {
		others = append(others, l.Code)
	}
	code, path := urls.Lang(name, others)
	mem := output.NewMemory()
	b, err := r.newBuild(ctx, site, siteFS, opts, mem)
	if err == nil && code != "" {
		b, err = b.in(code)
	}
	if err != nil {
		return nil, false, err
	}
	wk := b.workers[0]
	switch kind, slug := urls.Classify(path); {
	case kind == urls.HomePage:
		err = b.homeFirst(wk)
	case kind == urls.ProfilePage:
		i, found := slices.BinarySearchFunc(b.published, slug, func(p *content.Profile, slug string) int { return strings.Compare(p.Slug, slug) })
		if !found {
			return nil, false, nil
		}
		q := *b.published[i]
		q.BundleFiles = nil // the page only
		_, err = b.profilePage(wk, &q, b.profileView(&q))
	case path == urls.NotFound:
		err = b.execute(wk, b.notFound())
	case code == "" && kind == urls.Other && !strings.HasSuffix(path, ".html"):
		// A static file of the theme (style.css), which every page loads.
		data, _, err := themeFile(siteFS, r.theme, "static/"+path)
		return data, err == nil, nil
	default:
		at := slices.IndexFunc(b.site.Pages, func(pg *content.Page) bool { return urls.File(urls.Page(pg.Name)) == path })
		if at < 0 {
			return nil, false, nil
		}
		var pg *Page
		if pg, err = b.contentPage(wk, b.site.Pages[at]); err == nil {
			err = b.execute(wk, pg)
		}
	}
	if err != nil {
		return nil, false, err
	}
	data, ok = mem.Get(name)
	return data, ok, ctx.Err()
}

// homeFirst writes the first page of the home list: the totals, and the
// cards of the newest partnerships, made for it alone.
func (b *build) homeFirst(wk *worker) error {
	proto, err := b.homeProto(wk)
	if err != nil {
		return err
	}
	proto.Ledger = b.homeLedger()
	newest := slices.Clone(b.published)
	slices.SortStableFunc(newest, func(p, q *content.Profile) int { return q.Start.Compare(p.Start.Time) })
	cards := make([]*Card, 0, urls.PerPage)
	for _, p := range newest[:min(len(newest), urls.PerPage)] {
		card, err := b.card(wk, p, b.profileView(p))
		if err != nil {
			return err
		}
		cards = append(cards, card)
	}
	first := b.listPage(proto, len(b.published), 1, func(p *Page, _, _ int) { p.Cards = cards })
	return b.execute(wk, first)
}

// notFound is the 404 page.
func (b *build) notFound() *Page {
	p := b.page("404", urls.NotFound, b.l.cat.T("not_found.title"), b.l.cat.T("not_found.description"))
	p.NoIndex = true
	return p
}
