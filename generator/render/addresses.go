package render

import (
	"slices"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/export"
	"github.com/alongside-dev/alongside/generator/internal/parallel"
	"github.com/alongside-dev/alongside/generator/ledger"
	"github.com/alongside-dev/alongside/generator/urls"
)

// Addresses is every file a build of site writes for the profiles
// published (in any order), as paths below the site root laid out by
// package urls: each page's path ("", "partnerships/x/", "tags/page/2/",
// "404.html") in each language of the site ("es/tags/page/2/"), each
// bundle file ("partnerships/x/photo.png") and each data and machine
// file that export.Which says a build at the site's base_url writes
// (the feed once per language). It leaves out the theme's static files. today
// is the build date, which decides the fiscal years reported. A test
// holds Render to exactly these files.
func Addresses(site *content.Site, published []*content.Profile, today content.Date) []string {
	var out []string
	list := func(first string, n int) {
		for k := 1; k <= urls.PageCount(n); k++ {
			out = append(out, urls.Paged(first, k))
		}
	}
	list(urls.Home, len(published))
	var files []string // the bundles' files, written once
	for _, p := range published {
		u := urls.Profile(p.Slug)
		out = append(out, u)
		for _, f := range p.BundleFiles {
			files = append(files, u+f)
		}
	}
	partners := content.Partners(published)
	list(urls.Partners, len(partners))
	for _, g := range partners {
		list(urls.Partner(g.Partner.Slug), len(g.Profiles))
	}
	for _, tx := range content.Taxonomies(published) {
		list(urls.Taxonomy(tx.Key), len(tx.Terms))
		for _, t := range tx.Terms {
			list(urls.Term(tx.Key, t.Slug), len(t.Profiles))
		}
	}
	for _, pg := range site.Pages {
		out = append(out, urls.Page(pg.Name))
	}
	out = append(out, urls.Reports)
	years := ledger.Years(published, site.Config.FiscalYearStart, today)
	involved := make([]int, len(years)) // a line per partnership of the year
	parallel.For(len(years), func(i int) {
		for _, p := range published {
			if ledger.Involved(p, years[i], today) {
				involved[i]++
			}
		}
	})
	for i, fy := range years {
		list(urls.Report(fy.Name), involved[i])
	}
	out = append(out, urls.Data, urls.NotFound)
	written := export.Which(site, published, site.Config.BaseURL).Names()
	pages := len(out)
	for _, l := range site.Config.Others() {
		for _, page := range out[:pages] {
			out = append(out, urls.In(l.Code, page))
		}
		if slices.Contains(written, urls.Feed) {
			out = append(out, urls.In(l.Code, urls.Feed))
		}
	}
	out = append(out, files...)
	return append(out, written...)
}
