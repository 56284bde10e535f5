package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/urls"
)

// Sitemap writes a sitemap (sitemaps.org 0.9) of pages: paths below the
// site root as the build wrote them ("", "partnerships/x/",
// "/about/index.html"; an index.html is dropped, as is 404.html). A
// sitemap holds at most 50,000 URLs: for more, it returns an error, and
// Write splits them into several files. lastmod, when not nil, gives the
// <lastmod> of a page by its path ("partnerships/x/"). langs are the
// site's languages, the default first: with more than one, each address
// lists the same page in every language and x-default (the default
// language's) as xhtml:link alternates.
func Sitemap(w io.Writer, baseURL string, pages []string, lastmod func(path string) content.Date, langs []content.Language) error {
	addrs := pageURLs(pages)
	if len(addrs) > urls.SitemapMax {
		return fmt.Errorf("sitemap: %d pages is more than the %d a sitemap may list", len(addrs), urls.SitemapMax)
	}
	var others []string
	if len(langs) > 1 {
		for _, l := range langs[1:] {
			others = append(others, l.Code)
		}
	}
	x := xmlWriter{w: bufio.NewWriter(w)}
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	if others == nil {
		x.raw(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	} else {
		x.raw(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	}
	alternate := func(lang, path string) {
		x.raw(`<xhtml:link rel="alternate" hreflang="`)
		x.text(lang)
		x.raw(`" href="`)
		x.text(abs(baseURL, path))
		x.raw(`"/>`)
	}
	for _, p := range addrs {
		_, path := urls.Lang(p, others)
		x.raw("  <url><loc>")
		x.text(abs(baseURL, p))
		x.raw("</loc>")
		if lastmod != nil {
			if d := lastmod(path); d.Set() {
				x.raw("<lastmod>" + d.String() + "</lastmod>")
			}
		}
		if others != nil {
			// Every page is published in every language: the same page
			// in each, and the default language's for everyone else.
			alternate(langs[0].Code, path)
			for _, code := range others {
				alternate(code, urls.In(code, path))
			}
			alternate("x-default", path)
		}
		x.raw("</url>\n")
	}
	x.raw("</urlset>\n")
	return x.w.Flush()
}

// sitemapIndex writes a sitemap index of the sitemap files named.
func sitemapIndex(w io.Writer, baseURL string, names []string) error {
	x := xmlWriter{w: bufio.NewWriter(w)}
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, n := range names {
		x.raw("  <sitemap><loc>")
		x.text(abs(baseURL, n))
		x.raw("</loc></sitemap>\n")
	}
	x.raw("</sitemapindex>\n")
	return x.w.Flush()
}

// pageURLs turns the paths of written pages into the paths of their
// addresses, sorted, without duplicates or the 404 page.
func pageURLs(pages []string) []string {
	out := make([]string, 0, len(pages))
	for _, p := range pages {
		p = strings.TrimPrefix(p, "/")
		if p == urls.NotFound {
			continue
		}
		if p == urls.File(urls.Home) || strings.HasSuffix(p, "/index.html") {
			p = strings.TrimSuffix(p, "index.html")
		}
		out = append(out, p)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	return out
}

// Robots writes /robots.txt: every robot may read everything, and the
// sitemap is at baseURL + "sitemap.xml" (a line left out when baseURL is
// not absolute, as robots.txt requires).
func Robots(w io.Writer, baseURL string) error {
	s := "User-agent: *\nAllow: /\n"
	if Absolute(baseURL) {
		s += "\nSitemap: " + abs(baseURL, urls.Sitemap) + "\n"
	}
	_, err := io.WriteString(w, s)
	return err
}

// lastModified is the <lastmod> of the sitemap's pages: a profile's page
// changed last when its partner approved it (its start, when it never
// was); every other page lists or adds up profiles, so may have changed
// with any build: the build's day.
func lastModified(published []*content.Profile, now time.Time) func(string) content.Date {
	bySlug := make(map[string]content.Date, len(published))
	for _, p := range published {
		bySlug[p.Slug] = updated(p)
	}
	today := content.DayOf(now)
	return func(path string) content.Date {
		if kind, slug := urls.Classify(urls.File(path)); kind == urls.ProfilePage {
			if d, ok := bySlug[slug]; ok {
				return d
			}
		}
		return today
	}
}
