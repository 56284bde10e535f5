package export

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/output"
)

// Write writes every file of the package to w: the data files, the feed,
// robots.txt and the sitemap of pages (the paths of the pages the build
// wrote; see Sitemap). It writes nothing and returns Check's error when
// the site needs [open_data]. Files are written concurrently; the error
// names each file that failed.
func Write(w output.Writer, site *content.Site, published []*content.Profile, baseURL string, now time.Time, pages []string) error {
	baseURL = base(site, baseURL)
	published = bySlug(published)
	files := map[string]func(io.Writer) error{
		"data/partnerships.json": func(w io.Writer) error { return JSON(w, site, published, baseURL, now) },
		"data/partnerships.csv":  func(w io.Writer) error { return PartnershipsCSV(w, published, baseURL) },
		"data/resources.csv":     func(w io.Writer) error { return ResourcesCSV(w, published) },
		"data/asks.csv":          func(w io.Writer) error { return AsksCSV(w, published) },
		"data/outcomes.csv":      func(w io.Writer) error { return OutcomesCSV(w, published) },
		"feed.xml":               func(w io.Writer) error { return Feed(w, site, published, baseURL, now) },
		"robots.txt":             func(w io.Writer) error { return Robots(w, baseURL) },
	}
	if site.Config.OpenData.Set() {
		files["data/360giving.json"] = func(w io.Writer) error { return Giving(w, site, published, baseURL) }
	}
	urls := pageURLs(pages)
	if len(urls) <= maxURLs {
		files["sitemap.xml"] = func(w io.Writer) error { return Sitemap(w, baseURL, urls) }
	} else {
		var names []string
		for i := 0; i < len(urls); i += maxURLs {
			name := "sitemap-" + strconv.Itoa(len(names)+1) + ".xml"
			part := urls[i:min(i+maxURLs, len(urls))]
			files[name] = func(w io.Writer) error { return Sitemap(w, baseURL, part) }
			names = append(names, name)
		}
		files["sitemap.xml"] = func(w io.Writer) error { return sitemapIndex(w, baseURL, names) }
	}

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
