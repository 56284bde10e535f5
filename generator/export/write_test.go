package export

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/urls"
)

func TestWrite(t *testing.T) {
	site, published := testSite(t)
	out := output.NewMemory()
	pages := []string{"index.html", "partnerships/homework-help/index.html", "partnerships/zine-lab/index.html", "404.html"}
	if err := Write(out, site, published, nil, "", now, pages, nil); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"data/360giving.json", "data/asks.csv", "data/outcomes.csv", "data/partnerships.csv",
		"data/partnerships.json", "data/partnerships.schema.json", "data/resources.csv", "data/surveys.csv", "feed.xml", "robots.txt", "sitemap.xml",
	}
	if got := out.Names(); !slices.Equal(got, want) {
		t.Fatalf("files = %q, want %q", got, want)
	}
	// Every published profile is in every file but 360giving.json (which
	// has only library money) and surveys.csv (only homework-help held a
	// survey), and nothing unpublished or private is.
	for _, name := range want {
		data, _ := out.Get(name)
		for _, slug := range []string{"homework-help", "zine-lab"} {
			if name == "robots.txt" || name == "data/partnerships.schema.json" || (name == "data/360giving.json" || name == "data/surveys.csv") && slug == "zine-lab" {
				continue
			}
			if !bytes.Contains(data, []byte(slug)) {
				t.Errorf("%s lacks %s", name, slug)
			}
		}
		for _, bad := range leaks {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
	// build --unapproved: the draft is everywhere too.
	out = output.NewMemory()
	if err := Write(out, site, site.Published(true), nil, "https://preview.example/", now, nil, nil); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"data/partnerships.json", "data/partnerships.csv", "data/resources.csv", "data/asks.csv", "data/outcomes.csv", "data/360giving.json", "feed.xml"} {
		data, _ := out.Get(name)
		if !bytes.Contains(data, []byte("draft-secret")) {
			t.Errorf("%s (unapproved) lacks draft-secret", name)
		}
		if hasURL := !strings.HasPrefix(name, "data/") || strings.Contains(name, "partnerships") || strings.Contains(name, "360"); hasURL && !bytes.Contains(data, []byte("https://preview.example/partnerships/draft-secret/")) {
			t.Errorf("%s lacks the address under the base URL given", name)
		}
	}
}

func TestWriteNeedsOpenData(t *testing.T) {
	site := sitetest.Load(t, siteToml+profiles)
	out := output.NewMemory()
	if err := Write(out, site, site.Published(false), nil, "", now, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, ok := out.Get("data/360giving.json"); ok {
		t.Error("Write wrote 360giving.json without [open_data]")
	}
	if _, ok := out.Get("data/partnerships.json"); !ok {
		t.Error("Write did not write the other files")
	}
}

func TestWriteSplitsSitemap(t *testing.T) {
	site, _ := testSite(t)
	pages := make([]string, urls.SitemapMax+2)
	for i := range pages {
		pages[i] = "p/" + strconv.Itoa(i) + "/"
	}
	out := output.NewMemory()
	if err := Write(out, site, nil, nil, "", now, pages, nil); err != nil {
		t.Fatal(err)
	}
	index, _ := out.Get("sitemap.xml")
	for _, want := range []string{"<sitemapindex", "<loc>https://partners.example.org/reports/sitemap-1.xml</loc>", "<loc>https://partners.example.org/reports/sitemap-2.xml</loc>"} {
		if !bytes.Contains(index, []byte(want)) {
			t.Errorf("sitemap index lacks %s", want)
		}
	}
	one, _ := out.Get("sitemap-1.xml")
	two, _ := out.Get("sitemap-2.xml")
	if n1, n2 := bytes.Count(one, []byte("<url>")), bytes.Count(two, []byte("<url>")); n1 != urls.SitemapMax || n2 != 2 {
		t.Errorf("sitemap files hold %d and %d URLs, want %d and 2", n1, n2, urls.SitemapMax)
	}
}

// TestWriteWithoutBaseURL: a site without an absolute base URL gets no
// feed, no sitemap and no 360giving.json, which need absolute addresses,
// and no relative address in its data; Which and Names say the same.
func TestWriteWithoutBaseURL(t *testing.T) {
	archive := strings.Replace(siteToml, `base_url = "https://partners.example.org/reports/"`+"\n", "", 1) + openData + profiles
	site := sitetest.Load(t, archive)
	published := site.Published(false)
	out := output.NewMemory()
	if err := Write(out, site, published, nil, "", now, []string{"index.html", "partnerships/homework-help/index.html"}, nil); err != nil {
		t.Fatal(err)
	}
	want := []string{"data/asks.csv", "data/outcomes.csv", "data/partnerships.csv", "data/partnerships.json", "data/partnerships.schema.json", "data/resources.csv", "data/surveys.csv", "robots.txt"}
	if got := out.Names(); !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
	names := Which(site, published, "").Names()
	slices.Sort(names)
	if !slices.Equal(names, want) {
		t.Errorf("Which(…).Names() = %q, want %q", names, want)
	}
	for _, name := range want {
		data, _ := out.Get(name)
		if bytes.Contains(data, []byte("partnerships/homework-help/")) || bytes.Contains(data, []byte("Sitemap:")) {
			t.Errorf("%s has a relative address or names a sitemap:\n%s", name, data)
		}
	}
	js, _ := out.Get("data/partnerships.json")
	if !bytes.Contains(js, []byte(`"slug":"homework-help","url":""`)) {
		t.Errorf("partnerships.json: want an empty url\n%s", js)
	}
	// --base-url with a relative path is no better; an absolute one is.
	if o := Which(site, published, "/sub/"); o.Absolute || o.Giving {
		t.Errorf("Which(/sub/) = %+v", o)
	}
	if o := Which(site, published, "http://localhost:1313/"); !o.Absolute || !o.Giving {
		t.Errorf("Which(http://localhost:1313/) = %+v", o)
	}
}
