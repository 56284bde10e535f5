package urls

import "testing"

func TestClassify(t *testing.T) {
	for name, want := range map[string]Kind{
		"index.html":                 HomePage,
		"page/2/index.html":          Other,
		"partnerships/x/index.html":  ProfilePage,
		"partnerships/x/photo.png":   BundleFile,
		"reports/index.html":         ReportPage,
		"reports/2025-26/index.html": ReportPage,
		"data/index.html":            DataPage,
		"data/partnerships.json":     DataFile,
		"feed.xml":                   Machine,
		"sitemap-2.xml":              Machine,
		"robots.txt":                 Machine,
		"style.css":                  Other,
	} {
		if got, _ := Classify(name); got != want {
			t.Errorf("Classify(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestClassifySlug(t *testing.T) {
	for name, want := range map[string]string{"partnerships/x/index.html": "x", "partnerships/y/a.pdf": "y", "partnerships/z": ""} {
		if _, slug := Classify(name); slug != want {
			t.Errorf("Classify(%q) gives the slug %q, want %q", name, slug, want)
		}
	}
}

func TestPaged(t *testing.T) {
	for _, c := range []struct {
		n, pages int
		last     string
	}{{0, 1, "tags/"}, {50, 1, "tags/"}, {51, 2, "tags/page/2/"}, {101, 3, "tags/page/3/"}} {
		if got := PageCount(c.n); got != c.pages {
			t.Errorf("PageCount(%d) = %d, want %d", c.n, got, c.pages)
		}
		if got := Paged("tags/", PageCount(c.n)); got != c.last {
			t.Errorf("the last page of %d entries is %q, want %q", c.n, got, c.last)
		}
	}
}

func TestSitemaps(t *testing.T) {
	if got := Sitemaps(SitemapMax); len(got) != 1 {
		t.Errorf("Sitemaps(%d) = %v, want one file", SitemapMax, got)
	}
	if got := Sitemaps(2*SitemapMax + 1); len(got) != 4 || got[3] != "sitemap-3.xml" {
		t.Errorf("Sitemaps(%d) = %v, want the index and three parts", 2*SitemapMax+1, got)
	}
}

func TestLanguagePaths(t *testing.T) {
	others := []string{"es", "ar"}
	for _, path := range []string{Home, Partners, Profile("x"), Report("2025-26"), Paged(Home, 2), NotFound, Feed} {
		for _, code := range append([]string{""}, others...) {
			in := In(code, path)
			gotCode, gotPath := Lang(in, others)
			if gotCode != code || gotPath != path {
				t.Errorf("Lang(In(%q, %q) = %q) = %q, %q", code, path, in, gotCode, gotPath)
			}
		}
	}
	if got := In("es", Home); got != "es/" {
		t.Errorf(`In("es", Home) = %q, want "es/"`, got)
	}
	// A page of the default language whose name merely starts like a
	// code stays in the default language.
	if code, path := Lang("esperanto/", others); code != "" || path != "esperanto/" {
		t.Errorf(`Lang("esperanto/") = %q, %q`, code, path)
	}
}
