package export

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/urls"
)

type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Author  string `xml:"author>name"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Link    struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Categories []struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
	} `xml:"entry"`
}

func TestFeed(t *testing.T) {
	site, published := testSite(t)
	var b bytes.Buffer
	if err := Feed(&b, site, published, "", now, site.Config.Languages[0]); err != nil {
		t.Fatal(err)
	}
	for _, bad := range leaks {
		if bytes.Contains(b.Bytes(), []byte(bad)) {
			t.Errorf("feed contains %q", bad)
		}
	}
	var f atomFeed
	d := xml.NewDecoder(&b)
	d.Strict = true
	if err := d.Decode(&f); err != nil {
		t.Fatal(err)
	}
	if f.ID != "https://partners.example.org/reports/" || f.Title != "Partnerships & more <test>" || f.Lang != "en" || f.Author != "Rainier Public Library" {
		t.Errorf("feed = %+v", f)
	}
	links := map[string]string{}
	for _, l := range f.Links {
		links[l.Rel] = l.Href
	}
	if links["self"] != "https://partners.example.org/reports/feed.xml" || links["alternate"] != "https://partners.example.org/reports/" {
		t.Errorf("links = %v", links)
	}
	// zine-lab was approved on 2025-11-20, homework-help on 2025-10-14.
	if f.Updated != "2025-11-20T00:00:00Z" {
		t.Errorf("feed updated = %q, want the newest review date", f.Updated)
	}
	var ids []string
	for _, e := range f.Entries {
		ids = append(ids, e.ID)
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("entry updated %q: %v", e.Updated, err)
		}
		if e.Link.Rel != "alternate" || e.Link.Href != e.ID || e.Title == "" || e.Summary == "" {
			t.Errorf("entry = %+v", e)
		}
	}
	if want := []string{"https://partners.example.org/reports/partnerships/zine-lab/", "https://partners.example.org/reports/partnerships/homework-help/"}; !slices.Equal(ids, want) {
		t.Errorf("entries = %q, want %q", ids, want)
	}
	if e := f.Entries[0]; e.Title != "Teen Zine Lab <&>" || e.Updated != "2025-11-20T00:00:00Z" || e.Summary != "A partnership between Rainier Public Library and Hội Văn Hóa." {
		t.Errorf("zine-lab entry = %+v", e)
	}
	if e := f.Entries[1]; len(e.Categories) != 1 || e.Categories[0].Term != "homework help" {
		t.Errorf("homework-help categories = %+v", e.Categories)
	}

	// No entries: updated is the build time.
	b.Reset()
	if err := Feed(&b, site, nil, "", now, site.Config.Languages[0]); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "<updated>2026-03-01T09:30:00Z</updated>") || strings.Contains(b.String(), "<entry>") {
		t.Errorf("empty feed = %s", b.String())
	}
}

func TestSitemap(t *testing.T) {
	pages := []string{"index.html", "partnerships/zine-lab/index.html", "/about/", "404.html", "tags/a&b/", "about/index.html", "data/index.html"}
	var b bytes.Buffer
	_, published := testSite(t)
	if err := Sitemap(&b, "https://partners.example.org/reports/", pages, lastModified(published, now), nil); err != nil {
		t.Fatal(err)
	}
	var s struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []string `xml:"url>loc"`
		Mods    []string `xml:"url>lastmod"`
	}
	d := xml.NewDecoder(&b)
	d.Strict = true
	if err := d.Decode(&s); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"https://partners.example.org/reports/",
		"https://partners.example.org/reports/about/",
		"https://partners.example.org/reports/data/",
		"https://partners.example.org/reports/partnerships/zine-lab/",
		"https://partners.example.org/reports/tags/a&b/",
	}
	if !slices.Equal(s.URLs, want) {
		t.Errorf("sitemap = %q, want %q", s.URLs, want)
	}
	// zine-lab's page: its approval; the others: the build's day.
	if mods := []string{"2026-03-01", "2026-03-01", "2026-03-01", "2025-11-20", "2026-03-01"}; !slices.Equal(s.Mods, mods) {
		t.Errorf("lastmod = %q, want %q", s.Mods, mods)
	}
	many := make([]string, urls.SitemapMax+1)
	for i := range many {
		many[i] = "p/" + strconv.Itoa(i) + "/"
	}
	if err := Sitemap(&b, "https://x.example/", many, nil, nil); err == nil {
		t.Error("Sitemap of 50,001 pages succeeded")
	}
}

func TestRobots(t *testing.T) {
	for base, want := range map[string]string{
		"https://partners.example.org/reports/": "User-agent: *\nAllow: /\n\nSitemap: https://partners.example.org/reports/sitemap.xml\n",
		"/":                                     "User-agent: *\nAllow: /\n",
	} {
		var b bytes.Buffer
		if err := Robots(&b, base); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("Robots(%q) = %q, want %q", base, b.String(), want)
		}
	}
}

// TestSitemapAlternates: on a site of several languages each address of
// the sitemap lists the page in every language and x-default, the
// same set whichever language's address it is (hreflang pairs are
// symmetric), and a profile's page in Spanish has the lastmod of the
// profile.
func TestSitemapAlternates(t *testing.T) {
	langs := []content.Language{{Code: "en"}, {Code: "es", Name: "Español"}, {Code: "ar", Name: "العربية"}}
	pages := []string{"index.html", "es/index.html", "ar/index.html", "partnerships/zine-lab/index.html",
		"es/partnerships/zine-lab/index.html", "ar/partnerships/zine-lab/index.html"}
	_, published := testSite(t)
	var b bytes.Buffer
	if err := Sitemap(&b, "https://p.example/", pages, lastModified(published, now), langs); err != nil {
		t.Fatal(err)
	}
	type link struct {
		Lang string `xml:"hreflang,attr"`
		Href string `xml:"href,attr"`
	}
	var s struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
			Links   []link `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	d := xml.NewDecoder(&b)
	d.Strict = true
	if err := d.Decode(&s); err != nil {
		t.Fatal(err)
	}
	if len(s.URLs) != 6 {
		t.Fatalf("%d addresses, want 6", len(s.URLs))
	}
	for _, u := range s.URLs {
		page := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(u.Loc, "https://p.example/"), "es/"), "ar/")
		want := []link{{"en", "https://p.example/" + page}, {"es", "https://p.example/es/" + page},
			{"ar", "https://p.example/ar/" + page}, {"x-default", "https://p.example/" + page}}
		if !slices.Equal(u.Links, want) {
			t.Errorf("%s: alternates %v, want %v", u.Loc, u.Links, want)
		}
		if strings.Contains(u.Loc, "zine-lab") && u.Lastmod != "2025-11-20" {
			t.Errorf("%s: lastmod %s, want the approval's 2025-11-20", u.Loc, u.Lastmod)
		}
	}
}

// TestFeedInLanguage: /es/feed.xml is in Spanish, links to the Spanish
// pages, and takes a profile's title from its translation.
func TestFeedInLanguage(t *testing.T) {
	site, published := testSite(t)
	p := published[0]
	p.Translations = map[string]*content.Translation{"es": {Lang: "es", Title: "Título en español"}}
	defer func() { p.Translations = nil }()
	var b bytes.Buffer
	if err := Feed(&b, site, published, "https://p.example/", now, content.Language{Code: "es", Title: "Alianzas"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`xml:lang="es"`, "<title>Alianzas</title>", `href="https://p.example/es/feed.xml"`,
		"<title>Título en español</title>", "<id>https://p.example/es/" + p.URL() + "</id>"} {
		if !strings.Contains(out, want) {
			t.Errorf("feed lacks %s:\n%s", want, out)
		}
	}
}
