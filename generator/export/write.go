package export

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/ledger"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/urls"
)

// Streams returns every file of the package, by name, each as the
// function that writes it: the data files, the feed, robots.txt and the
// sitemap of pages (the paths of the pages the build wrote; see
// Sitemap), as Which says: without an absolute base URL, no feed, no
// sitemap and no 360giving.json. Each may be called on its own, at any
// time, and concurrently with the others. sums, the ledger.Sums of
// published that the pages show, give partnerships.json its totals (nil:
// they are computed for it). rec, when not nil, keeps each profile's part
// of the data files for the next call.
func Streams(site *content.Site, published []*content.Profile, sums *ledger.Sums, baseURL string, now time.Time, pages []string, rec *Records) map[string]func(io.Writer) error {
	baseURL = base(site, baseURL)
	published = bySlug(published)
	out := Which(site, published, baseURL)
	files := map[string]func(io.Writer) error{
		urls.JSON:      func(w io.Writer) error { return jsonWith(w, site, published, sums, baseURL, now, rec) },
		urls.Schema:    func(w io.Writer) error { _, err := w.Write(PartnershipsSchema); return err },
		urls.CSV:       func(w io.Writer) error { return PartnershipsCSV(w, published, baseURL, rec) },
		urls.Resources: func(w io.Writer) error { return ResourcesCSV(w, published, rec) },
		urls.Asks:      func(w io.Writer) error { return AsksCSV(w, published, rec) },
		urls.Outcomes:  func(w io.Writer) error { return OutcomesCSV(w, published, rec) },
		urls.Surveys:   func(w io.Writer) error { return SurveysCSV(w, published, rec) },
		urls.Robots:    func(w io.Writer) error { return Robots(w, baseURL) },
	}
	if out.Giving {
		files[urls.Giving] = func(w io.Writer) error { return Giving(w, site, published, baseURL, now) }
	}
	if out.Absolute {
		for i, l := range site.Config.Languages {
			name := urls.Feed
			if i > 0 {
				name = urls.In(l.Code, urls.Feed)
			}
			files[name] = func(w io.Writer) error { return Feed(w, site, published, baseURL, now, l) }
		}
		addrs := pageURLs(pages)
		lastmod := lastModified(published, now)
		if names := urls.Sitemaps(len(addrs)); len(names) == 1 {
			files[urls.Sitemap] = func(w io.Writer) error { return Sitemap(w, baseURL, addrs, lastmod, site.Config.Languages) }
		} else {
			for k, name := range names[1:] {
				part := addrs[k*urls.SitemapMax : min((k+1)*urls.SitemapMax, len(addrs))]
				files[name] = func(w io.Writer) error { return Sitemap(w, baseURL, part, lastmod, site.Config.Languages) }
			}
			files[urls.Sitemap] = func(w io.Writer) error { return sitemapIndex(w, baseURL, names[1:]) }
		}
	}
	return files
}

// Write writes every file of Streams to w, concurrently; the error names
// each file that failed.
func Write(w output.Writer, site *content.Site, published []*content.Profile, sums *ledger.Sums, baseURL string, now time.Time, pages []string, rec *Records) error {
	files := Streams(site, published, sums, baseURL, now, pages, rec)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for name, write := range files {
		wg.Go(func() {
			if err := w.WriteStream(name, write); err != nil {
				mu.Lock()
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errors.Join(errs...)
}
