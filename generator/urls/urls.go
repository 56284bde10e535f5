// Package urls is the one map of a built site's addresses: where each kind
// of page and file lives, how lists paginate, and which kind of page a
// written file is. Every other package asks it instead of spelling a path:
// render writes pages at these paths, the link checker of package review
// checks links against them, serve routes reloads and deferred pages by
// them, and export names its files and sitemap entries with them.
//
// A path is relative to the site root, as the output writes it: a page
// path is "" (the home page) or ends in "/" ("partnerships/x/"), and its
// file is the path + "index.html" (see File); other files are plain names
// ("data/partnerships.json", "404.html"). Prefix a path with the site's
// base path to make a link.
package urls

import (
	"slices"
	"strconv"
	"strings"
)

// PerPage is the number of entries on one page of a list.
const PerPage = 50

// The single pages of every site.
const (
	Home     = ""
	Partners = "partners/"
	Reports  = "reports/"
	Data     = "data/"
	NotFound = "404.html"
)

// The files of the open data, the feed and the crawlers' files.
const (
	JSON       = "data/partnerships.json"
	Schema     = "data/partnerships.schema.json"
	Giving     = "data/360giving.json"
	CSV        = "data/partnerships.csv"
	Resources  = "data/resources.csv"
	Asks       = "data/asks.csv"
	Outcomes   = "data/outcomes.csv"
	Surveys    = "data/surveys.csv"
	Feed       = "feed.xml"
	Sitemap    = "sitemap.xml"
	Robots     = "robots.txt"
	Stylesheet = "style.css"
)

// DataFiles are the files of Data that a build writes, in the order the
// /data/ page lists them: every build's, and Giving after Schema when
// giving (see export.Which).
func DataFiles(giving bool) []string {
	files := []string{JSON, Schema, CSV, Resources, Asks, Outcomes, Surveys}
	if giving {
		files = slices.Insert(files, 2, Giving)
	}
	return files
}

// Sections are the first segments of the paths alongside makes itself,
// but for the taxonomies' (whose keys package content defines).
var Sections = []string{"partnerships", "partners", "reports", "data", "page"}

// Reserved reports whether a page of content/pages called name would
// take a section, or "assets" (kept for a theme's static files) or
// "404". The taxonomy keys are reserved too: see package content.
func Reserved(name string) bool {
	return slices.Contains(Sections, name) || name == "assets" || name == "404"
}

// Profile is the page of the partnership with slug.
func Profile(slug string) string { return "partnerships/" + slug + "/" }

// Partner is the page of the partner organization with slug.
func Partner(slug string) string { return Partners + slug + "/" }

// Taxonomy is the index of the taxonomy key ("tags").
func Taxonomy(key string) string { return key + "/" }

// Term is the page of one term of taxonomy key.
func Term(key, slug string) string { return key + "/" + slug + "/" }

// Report is the annual report of the fiscal year called name ("2025-26").
func Report(name string) string { return Reports + name + "/" }

// SitemapMax is the most addresses one sitemap file may hold
// (sitemaps.org).
const SitemapMax = 50_000

// Sitemaps are the sitemap files of a site of n pages: Sitemap alone, or,
// beyond SitemapMax pages, Sitemap as the index of "sitemap-<k>.xml",
// each of SitemapMax pages but the last.
func Sitemaps(n int) []string {
	if n <= SitemapMax {
		return []string{Sitemap}
	}
	out := []string{Sitemap}
	for k := 1; (k-1)*SitemapMax < n; k++ {
		out = append(out, "sitemap-"+strconv.Itoa(k)+".xml")
	}
	return out
}

// Page is the page of content/pages/<name>.md.
func Page(name string) string { return name + "/" }

// PageCount is the number of pages of a list of n entries: a list with
// no entries still has its first page.
func PageCount(n int) int { return max(1, (n+PerPage-1)/PerPage) }

// Paged is page k (from 1) of the list whose first page is first: first
// itself, then first + "page/<k>/".
func Paged(first string, k int) string {
	if k <= 1 {
		return first
	}
	return first + "page/" + strconv.Itoa(k) + "/"
}

// File is the file a page path is written to: "partnerships/x/" →
// "partnerships/x/index.html"; a path that names a file is its own file.
func File(path string) string {
	if path == "" || strings.HasSuffix(path, "/") {
		return path + "index.html"
	}
	return path
}

// Kind is the kind of a written file, as Classify tells it.
type Kind int

// The kinds of files of a built site.
const (
	Other       Kind = iota // a static file of the theme, or a page not listed below
	HomePage                // index.html: the home page with the totals (its later pages are Other)
	ProfilePage             // partnerships/<slug>/index.html
	BundleFile              // partnerships/<slug>/<file>: a file of a bundle
	ReportPage              // reports/…: the list of reports and each annual report
	DataPage                // data/index.html: the page that documents the data files
	DataFile                // data/… but its page: the open data
	Machine                 // feed.xml, robots.txt, sitemap.xml and its parts: read by machines
)

// Classify returns the kind of the file called name and, for ProfilePage
// and BundleFile, the slug of its partnership.
func Classify(name string) (Kind, string) {
	switch {
	case name == File(Home):
		return HomePage, ""
	case strings.HasPrefix(name, "partnerships/"):
		slug, rest, ok := strings.Cut(name[len("partnerships/"):], "/")
		switch {
		case !ok:
			return Other, ""
		case rest == "index.html":
			return ProfilePage, slug
		}
		return BundleFile, slug
	case strings.HasPrefix(name, Reports):
		return ReportPage, ""
	case name == File(Data):
		return DataPage, ""
	case strings.HasPrefix(name, Data):
		return DataFile, ""
	case name == Feed, name == Robots,
		strings.HasPrefix(name, "sitemap") && strings.HasSuffix(name, ".xml") && !strings.Contains(name, "/"):
		return Machine, ""
	}
	return Other, ""
}

// In is path in the language code: path itself in the default language
// (code ""), else below "<code>/": In("es", "partners/") is
// "es/partners/", In("es", "") is "es/". Every page kind has one path per
// language; the site's files (style.css, the open data, bundle files,
// robots.txt, the sitemap) exist once, in the default language's place.
func In(code, path string) string {
	if code == "" {
		return path
	}
	return code + "/" + path
}

// Lang splits the path or file name of a built site into the language it
// belongs to and its path in the default language, given the codes of the
// site's other languages: Lang("es/partners/", ["es"]) is "es",
// "partners/". A path of the default language has code "".
func Lang(name string, others []string) (code, path string) {
	first, rest, ok := strings.Cut(name, "/")
	if ok && slices.Contains(others, first) {
		return first, rest
	}
	return "", name
}
