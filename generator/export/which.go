package export

import (
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/urls"
)

// Outputs says which of the files that not every build has Write writes.
type Outputs struct {
	// Absolute: the base URL is an absolute http(s) address, so the
	// feed and the sitemap are written (RFC 4287 and the sitemaps
	// protocol allow no relative address), and the data's "url" fields
	// are filled in.
	Absolute bool
	// Giving: /data/360giving.json is written: the site has [open_data],
	// an absolute base URL, and at least one grant to list.
	Giving bool
}

// Which returns the Outputs of a build of the profiles published at
// baseURL ("" means the site's base_url).
func Which(site *content.Site, published []*content.Profile, baseURL string) Outputs {
	o := Outputs{Absolute: Absolute(base(site, baseURL))}
	if o.Absolute && site.Config.OpenData.Set() {
		for _, p := range published {
			if Grants(p) {
				o.Giving = true
				break
			}
		}
	}
	return o
}

// Names lists the files Write writes, in the order of the /data/ page and
// then the machines' files: the sitemap is one name, though over
// urls.SitemapMax pages it is an index of several files.
func (o Outputs) Names() []string {
	names := urls.DataFiles(o.Giving)
	if o.Absolute {
		names = append(names, urls.Feed, urls.Sitemap)
	}
	return append(names, urls.Robots)
}

// Absolute reports whether baseURL is an absolute http(s) address.
func Absolute(baseURL string) bool {
	return strings.HasPrefix(baseURL, "https://") || strings.HasPrefix(baseURL, "http://")
}

// pageURL is the absolute address of p, a path below the site root, or ""
// when the base URL is not absolute: the data files never hold a
// relative address.
func pageURL(baseURL, p string) string {
	if !Absolute(baseURL) {
		return ""
	}
	return abs(baseURL, p)
}
