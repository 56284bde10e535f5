package content_test

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
)

func TestValuation(t *testing.T) {
	site := mustLoad(t, `
-- site.toml --
currency = "USD"
[valuation]
staff_time = 40
space = 25.5
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[resources]]
from = "library"
kind = "money"
amount = 2400
[[resources]]
from = "library"
kind = "money"
amount = 500
currency = "EUR"
[[resources]]
from = "library"
kind = "money"
amount = 500
currency = "EUR"
value = 540
[[resources]]
from = "library"
kind = "money"
amount = 70
currency = "USD"
[[resources]]
from = "partner"
kind = "staff_time"
amount = 10
[[resources]]
from = "library"
kind = "space"
amount = 4
[[resources]]
from = "library"
kind = "marketing"
amount = 3
unit = "newsletter features"
value = 600
[[resources]]
from = "library"
kind = "equipment"
amount = 8
unit = "laptops"
[[resources]]
from = "partner"
kind = "staff_time"
amount = 10
value = 0
[[resources]]
from = "partner"
kind = "materials"
amount = 40
unit = "books"
[[resources]]
from = "partner"
kind = "other"
amount = 1
unit = "banner"
+++
`)
	type v struct {
		kind, currency, unit string
		value                float64
		valued, estimated    bool
	}
	wants := []v{
		{"money", "USD", "USD", 2400, true, false},                // site currency: its amount
		{"money", "EUR", "EUR", 0, false, false},                  // another currency: unvalued
		{"money", "EUR", "EUR", 540, true, false},                 // ... unless it has a value
		{"money", "USD", "USD", 70, true, false},                  // the site currency, written out
		{"staff_time", "", "hours", 400, true, true},              // hours × rate
		{"space", "", "room-hours", 102, true, true},              // room-hours × rate
		{"marketing", "", "newsletter features", 600, true, true}, // value
		{"equipment", "", "laptops", 0, false, false},             // no rate for equipment
		{"staff_time", "", "hours", 0, true, true},                // value = 0 overrides the rate
		{"materials", "", "books", 0, false, false},
		{"other", "", "banner", 0, false, false},
	}
	got := site.Profiles[0].Resources
	if len(got) != len(wants) {
		t.Fatalf("got %d resources, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		r := got[i]
		g := v{r.Kind, r.Currency, r.Unit, r.Value, r.Valued, r.Estimated}
		if g != w {
			t.Errorf("resources[%d] = %+v, want %+v", i+1, g, w)
		}
	}
}

func TestValuationWithoutRates(t *testing.T) {
	site := mustLoad(t, `
-- site.toml --
currency = "EUR"
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[resources]]
from = "library"
kind = "money"
amount = 100
[[resources]]
from = "library"
kind = "money"
amount = 100
currency = "USD"
[[resources]]
from = "library"
kind = "staff_time"
amount = 10
[[resources]]
from = "library"
kind = "space"
amount = 10
+++
`)
	rs := site.Profiles[0].Resources
	if r := rs[0]; r.Currency != "EUR" || r.Unit != "EUR" || !r.Valued || r.Value != 100 || r.Estimated {
		t.Errorf("money without currency in a EUR site = %+v, want EUR 100, valued, not estimated", r)
	}
	if r := rs[1]; r.Currency != "USD" || r.Valued {
		t.Errorf("USD money in a EUR site = %+v, want USD and unvalued", r)
	}
	for _, r := range rs[2:] {
		if r.Valued || r.Estimated || r.Value != 0 {
			t.Errorf("%s without a rate = %+v, want unvalued and not estimated", r.Kind, r)
		}
	}
}

func TestDateDefaults(t *testing.T) {
	site := mustLoad(t, `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "completed"
start = 2025-09-02
end = "2026-06-12"
[partner]
name = "Familias Unidas"
[review]
state = "approved"
date = 2025-10-14
[[resources]]
from = "library"
kind = "space"
amount = 4
[[resources]]
from = "library"
kind = "space"
amount = 4
date = "2025-11-03"
[[asks]]
ask = "A room"
status = "delivered"
[[outcomes]]
measure = "Students"
value = 37
[[outcomes]]
measure = "Students"
value = 41
date = 2026-01-31
+++
`)
	pr := site.Profiles[0]
	start := content.DateOf(2025, time.September, 2)
	if pr.Start != start || pr.End != content.DateOf(2026, time.June, 12) {
		t.Errorf("start, end = %v, %v", pr.Start, pr.End)
	}
	if pr.Review.Date != content.DateOf(2025, time.October, 14) {
		t.Errorf("review.date = %v", pr.Review.Date)
	}
	if r := pr.Resources[0]; r.Date != start || r.DateSet {
		t.Errorf("resource without a date: %v, set %v; want the start, not set", r.Date, r.DateSet)
	}
	if r := pr.Resources[1]; r.Date != content.DateOf(2025, time.November, 3) || !r.DateSet {
		t.Errorf("resource with a date: %v, set %v", r.Date, r.DateSet)
	}
	if a := pr.Asks[0]; a.Date.Set() {
		t.Errorf("ask without a date has %v; it has no default", a.Date)
	}
	if o := pr.Outcomes[0]; o.Date != start || o.DateSet {
		t.Errorf("outcome without a date: %v, set %v; want the start, not set", o.Date, o.DateSet)
	}
	if o := pr.Outcomes[1]; o.Date != content.DateOf(2026, time.January, 31) || !o.DateSet {
		t.Errorf("outcome with a date: %v, set %v", o.Date, o.DateSet)
	}
}

func TestPartnerSlug(t *testing.T) {
	hash := func(name string) string {
		sum := sha256.Sum256([]byte(name))
		return "partner-" + hex.EncodeToString(sum[:])[:8]
	}
	for _, tc := range []struct{ name, want string }{
		{"Hội", "hoi"},
		{"Hội Người Việt Cao Niên", "hoi-nguoi-viet-cao-nien"},
		{"Ho\u0323\u0302i", "hoi"}, // the same, with combining marks (NFD)
		{"Familias Unidas del Sur", "familias-unidas-del-sur"},
		{"Café & Co.", "cafe-co"},
		{"Cafe\u0301 & Co.", "cafe-co"},
		{"  --Straße 42!--  ", "strasse-42"},
		{"Łódź Ærø Œuvre Þing", "lodz-aero-oeuvre-thing"},
		{"İstanbul Kütüphanesi", "istanbul-kutuphanesi"},
		{"ESL", "esl"},
		{"Somali Parents' Network (SPN)", "somali-parents-network-spn"},
		{"جمعية الجالية العربية", hash("جمعية الجالية العربية")},
		{"华人社区中心", hash("华人社区中心")},
		{"Ελληνική Κοινότητα", hash("Ελληνική Κοινότητα")},
		{"!!!", hash("!!!")},
		// Cut at 100 bytes, with a hash of the whole name.
		{strings.Repeat("Word ", 52), strings.Repeat("word-", 18) + "w-" + hash(strings.Repeat("Word ", 52))[len("partner-"):]},
	} {
		if got := content.PartnerSlug(tc.name); got != tc.want {
			t.Errorf("PartnerSlug(%q) = %q, want %q", tc.name, got, tc.want)
		}
		if got := content.PartnerSlug(tc.name); !content.ValidSlug(got) {
			t.Errorf("PartnerSlug(%q) = %q, not a valid slug", tc.name, got)
		}
	}
	if a, b := content.PartnerSlug("华人社区中心"), content.PartnerSlug("华人社区"); a == b {
		t.Errorf("two names in Chinese share the slug %q", a)
	}
}

func TestValidSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"tardes-de-tareas": true, "2025-fair": true, "a": true,
		"": false, "Tardes": false, "tardes--de": false, "-tardes": false, "tardes-": false,
		"tardes_de": false, "tardés": false, "tardes de": false,
	} {
		if got := content.ValidSlug(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

// twoPartners has three profiles: two with the same partner written two
// ways, and one approved.
const twoPartners = `
-- content/partnerships/b-tech.md --
+++
title = "Tech help"
status = "active"
start = 2025-01-01
branches = ["beacon branch"]
tags = ["esl", "Computers"]
[partner]
name = "familias unidas del sur"
url = "https://familias.example.org"
[review]
state = "approved"
date = 2025-02-01
+++
-- content/partnerships/a-homework.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
branches = ["Beacon Branch"]
neighborhoods = ["North Beacon Hill"]
tags = ["ESL", "homework help"]
[partner]
name = "Familias Unidas del Sur"
about = "Parents."
[review]
state = "draft"
+++
-- content/partnerships/c-circle.md --
+++
title = "Conversation circle"
status = "planning"
start = 2025-09-02
audiences = ["adults"]
tags = ["ESL"]
[partner]
name = "Arabic Speakers' Circle"
[review]
state = "in_review"
+++
`

func TestPartnersGrouping(t *testing.T) {
	site := mustLoad(t, twoPartners)
	groups := content.Partners(site.Profiles)
	var got []string
	for _, g := range groups {
		var slugs []string
		for _, pr := range g.Profiles {
			slugs = append(slugs, pr.Slug)
		}
		got = append(got, g.Partner.Name+" ("+g.Partner.Slug+"): "+strings.Join(slugs, " "))
	}
	want := []string{
		"Arabic Speakers' Circle (arabic-speakers-circle): c-circle",
		"Familias Unidas del Sur (familias-unidas-del-sur): a-homework b-tech",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Partners:\n%q\nwant\n%q", got, want)
	}
	fam := groups[1].Partner
	if fam.URL != "https://familias.example.org" || fam.About != "Parents." {
		t.Errorf("merged partner = %+v, want the URL of b-tech and the about of a-homework", fam)
	}
}

func TestTaxonomies(t *testing.T) {
	site := mustLoad(t, twoPartners)
	got := map[string][]string{}
	var keys []string
	for _, tax := range content.Taxonomies(site.Profiles) {
		keys = append(keys, tax.Key)
		for _, term := range tax.Terms {
			var slugs []string
			for _, pr := range term.Profiles {
				slugs = append(slugs, pr.Slug)
			}
			got[tax.Key] = append(got[tax.Key], term.Name+" ("+term.Slug+"): "+strings.Join(slugs, " "))
		}
	}
	if want := []string{"branches", "neighborhoods", "audiences", "tags"}; !slices.Equal(keys, want) {
		t.Errorf("taxonomies %v, want %v", keys, want)
	}
	want := map[string][]string{
		"branches":      {"Beacon Branch (beacon-branch): a-homework b-tech"},
		"neighborhoods": {"North Beacon Hill (north-beacon-hill): a-homework"},
		"audiences":     {"adults (adults): c-circle"},
		"tags": {
			"Computers (computers): b-tech",
			"ESL (esl): a-homework b-tech c-circle",
			"homework help (homework-help): a-homework",
		},
	}
	for k, w := range want {
		if !slices.Equal(got[k], w) {
			t.Errorf("%s:\n%q\nwant\n%q", k, got[k], w)
		}
	}
	if got := content.TermSlug("Homework Help"); got != "homework-help" {
		t.Errorf("TermSlug = %q", got)
	}
}

func TestPublished(t *testing.T) {
	site := mustLoad(t, twoPartners)
	var approved, all []string
	for _, pr := range site.Published(false) {
		approved = append(approved, pr.Slug)
	}
	for _, pr := range site.Published(true) {
		all = append(all, pr.Slug)
	}
	if want := []string{"b-tech"}; !slices.Equal(approved, want) {
		t.Errorf("Published(false) = %v, want %v", approved, want)
	}
	if want := []string{"a-homework", "b-tech", "c-circle"}; !slices.Equal(all, want) {
		t.Errorf("Published(true) = %v, want %v (every profile, by slug)", all, want)
	}
}

func TestPagesOrder(t *testing.T) {
	site := mustLoad(t, `
-- content/_index.md --
+++
title = "Working together"
+++
Hello.
-- content/pages/methodology.md --
+++
title = "Methodology"
weight = 2
+++
-- content/pages/about.md --
+++
title = "About"
weight = 1
+++
-- content/pages/get-involved.md --
+++
title = "Get involved"
+++
-- content/pages/contact.md --
+++
title = "Contact"
weight = 2
+++
`)
	var got []string
	for _, pg := range site.Pages {
		got = append(got, pg.Name)
	}
	if want := []string{"about", "contact", "methodology", "get-involved"}; !slices.Equal(got, want) {
		t.Errorf("pages %v, want %v (by weight, then name; pages without a weight last)", got, want)
	}
	if site.Home.Title != "Working together" || string(site.Home.Body) != "Hello.\n" || site.Home.BodyLine != 4 {
		t.Errorf("home = %q %q line %d", site.Home.Title, site.Home.Body, site.Home.BodyLine)
	}
	if site.Pages[3].HasWeight || !site.Pages[0].HasWeight {
		t.Error("HasWeight is wrong")
	}
}

func TestBundleFiles(t *testing.T) {
	archive := `
-- content/partnerships/teen-zine-lab/index.md --
+++
title = "Teen zine lab"
status = "active"
start = 2025-09-02
[partner]
name = "Zine Collective"
[review]
state = "draft"
+++
Story.
-- content/partnerships/teen-zine-lab/photo.png --
PNG
-- content/partnerships/teen-zine-lab/docs/guide.pdf --
PDF
-- content/partnerships/teen-zine-lab/photo.png~ --
-- content/partnerships/teen-zine-lab/.DS_Store --
-- content/partnerships/teen-zine-lab/.git/config --
`
	site := mustLoad(t, archive)
	pr := site.Profiles[0]
	if pr.Slug != "teen-zine-lab" || pr.BundleDir != "content/partnerships/teen-zine-lab" || pr.URL() != "partnerships/teen-zine-lab/" {
		t.Errorf("slug %q, bundle dir %q, URL %q", pr.Slug, pr.BundleDir, pr.URL())
	}
	if want := []string{"docs/guide.pdf", "photo.png"}; !slices.Equal(pr.BundleFiles, want) {
		t.Errorf("bundle files %q, want %q", pr.BundleFiles, want)
	}
	if pr.BundlePath("photo.png") != "content/partnerships/teen-zine-lab/photo.png" {
		t.Errorf("BundlePath = %q", pr.BundlePath("photo.png"))
	}
	if body, err := pr.ReadBody(txtarFS(t, archive)); string(body) != "Story.\n" || err != nil || pr.BodyLine != 10 {
		t.Errorf("body %q (%v) at line %d, want \"Story.\\n\" at line 10", body, err, pr.BodyLine)
	}
}

// Slugify's ASCII shortcut makes the slug the rune-by-rune fold makes.
func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"", "a", "a-b", "a--b", "-a", "a-", "Hội Phụ Huynh", "C++", "ESL & Reading", "homework-help-2024", "A_B c", strings.Repeat("x-", 60)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := content.Slugify(s), content.SlugifyRunes(s); got != want {
			t.Fatalf("Slugify(%q) = %q, rune by rune %q", s, got, want)
		}
	})
}
