package review

import (
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/ledger"
	"github.com/alongside-dev/alongside/generator/markdown"
	"github.com/alongside-dev/alongside/generator/render"
)

// sections are the first path segments of the addresses alongside makes
// itself. A link below one of them, or to an address that looks like a
// page (it ends in "/" or has no extension), must be one the site has; a
// link to another file ("/files/flyer.pdf") may be a static file of the
// theme, which the model does not know, and is not checked.
var sections = []string{"partnerships", "partners", "branches", "neighborhoods", "audiences", "tags", "reports", "data", "page"}

// dataFiles are the files of SPEC §4 that every build writes.
var dataFiles = []string{
	"/data/partnerships.json", "/data/partnerships.csv", "/data/resources.csv",
	"/data/asks.csv", "/data/outcomes.csv",
	"/feed.xml", "/sitemap.xml", "/robots.txt", "/404.html",
}

// addresses is every path, below the site root, that the published site
// has: "/", "/about/", "/partnerships/x/", "/partnerships/x/photo.png"…
// It is computed from the model, the way the renderer lays out the site.
type addresses struct {
	has         map[string]bool
	unpublished map[string]*content.Profile // by slug: the profiles not approved
}

func siteAddresses(site *content.Site, today content.Date) *addresses {
	a := &addresses{has: map[string]bool{}, unpublished: map[string]*content.Profile{}}
	add := func(paths ...string) {
		for _, p := range paths {
			a.has[p] = true
		}
	}
	// A list of n entries has pages 2… at <list>page/<k>/.
	paged := func(list string, n int) {
		for k := 2; (k-1)*render.PerPage < n; k++ {
			add(list + "page/" + strconv.Itoa(k) + "/")
		}
	}
	published := site.Published(false)
	add("/", "/partners/", "/reports/", "/data/")
	add(dataFiles...)
	if site.Config.OpenData.Set() {
		add("/data/360giving.json")
	}
	paged("/", len(published))
	for _, pg := range site.Pages {
		add("/" + pg.Name + "/")
	}
	for _, p := range site.Profiles {
		u := "/" + p.URL()
		if !p.Approved() {
			a.unpublished[p.Slug] = p
			continue
		}
		add(u)
		for _, f := range p.BundleFiles {
			add(u + f)
		}
	}
	partners := content.Partners(published)
	paged("/partners/", len(partners))
	for _, g := range partners {
		u := "/partners/" + g.Partner.Slug + "/"
		add(u)
		paged(u, len(g.Profiles))
	}
	for _, t := range content.Taxonomies(published) {
		u := "/" + t.Key + "/"
		add(u)
		paged(u, len(t.Terms))
		for _, term := range t.Terms {
			tu := u + term.Slug + "/"
			add(tu)
			paged(tu, len(term.Profiles))
		}
	}
	for _, fy := range ledger.Years(published, site.Config.FiscalYearStart, today) {
		add("/" + fy.URL())
	}
	return a
}

// check returns why dest, a link destination in the Markdown of the page
// at pageURL ("/partnerships/x/"), leads nowhere in the published site,
// or "" when it is fine or cannot be told.
func (a *addresses) check(dest, pageURL string) string {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || strings.HasPrefix(dest, "//") {
		return "" // another site, or not a web address at all
	}
	if u.Path == "" {
		return "" // "#notes", "?q=x": this page
	}
	base, _ := url.Parse(pageURL)
	p := base.ResolveReference(&url.URL{Path: u.Path}).Path
	if p == "" {
		p = "/"
	}
	if a.has[p] || a.has[p+"/"] || strings.HasSuffix(p, "/index.html") && a.has[strings.TrimSuffix(p, "index.html")] {
		return ""
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	if !slices.Contains(sections, first) && !strings.HasSuffix(p, "/") && strings.Contains(path.Base(p), ".") {
		return "" // perhaps a static file of the theme
	}
	if rest, ok := strings.CutPrefix(p, "/partnerships/"); ok {
		slug, _, _ := strings.Cut(rest, "/")
		if prof := a.unpublished[slug]; prof != nil {
			return "links to " + slug + ", which is not published (its review.state is " +
				strconv.Quote(prof.Review.State) + "): the link is broken until the partner approves it"
		}
	}
	msg := p + " is not a page of this site"
	if s := a.closest(p); s != "" {
		msg += " (did you mean " + s + "?)"
	}
	return msg
}

// closest is the address nearest to p when it is likely a typo.
func (a *addresses) closest(p string) string {
	best, bestD := "", 4
	for h := range a.has {
		if d := content.EditDistance(p, h); d < bestD || d == bestD && h < best {
			best, bestD = h, d
		}
	}
	return best
}

// brokenLinks warns about every link and image of a Markdown body that
// leads nowhere: body is the Markdown of the file rel, starting at file
// line bodyLine, shown at pageURL.
func (a *addresses) brokenLinks(rel string, body []byte, bodyLine int, pageURL string) content.Problems {
	if !mayLink(body) {
		return nil
	}
	var ps content.Problems
	for _, l := range markdown.Links(body) {
		why := a.check(l.Dest, pageURL)
		if why == "" {
			continue
		}
		kind := "link"
		if l.Image {
			kind = "image"
		}
		ps = append(ps, content.Problem{
			Path: rel, Line: bodyLine + l.Line - 1, Col: column(body, l.Line, l.Dest),
			Field: "body", Message: kind + " " + strconv.Quote(l.Dest) + ": " + why, Warning: true,
		})
	}
	return ps
}

// mayLink reports whether body can hold a link or image with a relative
// destination: an inline one ("](") or a reference definition ("]:").
// Autolinks and bare URLs are always absolute. This spares parsing most
// bodies twice.
func mayLink(body []byte) bool {
	s := string(body)
	return strings.Contains(s, "](") || strings.Contains(s, "]:")
}

// column is the 1-based byte column of dest on line n of body, or 1 when
// it is not written there as is.
func column(body []byte, n int, dest string) int {
	s := string(body)
	for range n - 1 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return 1
		}
		s = s[i+1:]
	}
	line, _, _ := strings.Cut(s, "\n")
	if i := strings.Index(line, "("+dest); i >= 0 {
		return i + 2
	}
	if i := strings.Index(line, dest); i >= 0 {
		return i + 1
	}
	return 1
}
