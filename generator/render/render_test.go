package render

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
	"github.com/alongside-dev/alongside/generator/output"
)

// loadSite loads the site of fsys, which must load cleanly, and makes
// its Renderer.
func loadSite(t testing.TB, fsys fs.FS) (*content.Site, *Renderer) {
	t.Helper()
	site, probs := content.Load(fsys)
	if errs := probs.Errors(); len(errs) > 0 {
		t.Fatalf("site has errors:\n%v", errs)
	}
	r, err := New(fsys, site.Config.Theme)
	if err != nil {
		t.Fatal(err)
	}
	return site, r
}

// renderSite renders an inline site into memory; the site must load cleanly.
func renderSite(t testing.TB, archive string, opts Options) *output.Memory {
	t.Helper()
	fsys := sitetest.FS(t, archive)
	site, r := loadSite(t, fsys)
	if opts.Now.IsZero() {
		opts.Now = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	}
	out := output.NewMemory()
	if _, err := r.Render(context.Background(), site, fsys, opts, out); err != nil {
		t.Fatal(err)
	}
	return out
}

// profile is a valid approved profile, with extra lines (top-level keys)
// before [partner] and tables after it.
func profile(title, top, tables string) string {
	return "+++\ntitle = " + fmt.Sprintf("%q", title) + "\nsummary = " + fmt.Sprintf("%q", "Summary of "+title+".") + "\nstatus = \"active\"\nstart = 2025-09-02\n" + top +
		"\n[partner]\nname = \"Familias Unidas\"\nurl = \"https://familias.example.org\"\n\n[review]\nstate = \"approved\"\ndate = 2025-10-14\n" +
		tables + "\n[private]\nsecret = \"PRIVATE-xyz\"\n+++\n\nThe story of " + title + ".\n"
}

const siteTOML = `-- site.toml --
title = "Partnerships at Rainier"
library = "Rainier Public Library"
base_url = "https://partners.example.org/"
corrections = "mailto:partnerships@example.org"
[valuation]
staff_time = 40
[open_data]
grant_prefix = "360G-rainier"
funder_id = "US-EIN-00-0000000"
`

func TestPageKinds(t *testing.T) {
	out := renderSite(t, siteTOML+`
-- content/_index.md --
+++
title = "Working alongside our neighbors"
summary = "What the library and partners put in."
+++
Our **intro**.
-- content/pages/about.md --
+++
title = "About this site"
weight = 1
+++
About us.
-- content/pages/hidden.md --
+++
title = "Not in the navigation"
+++
Hidden.
-- content/partnerships/homework-help.md --
`+profile("Homework Help", `branches = ["Beacon Branch"]
neighborhoods = ["North Beacon Hill"]
audiences = ["middle school students"]
tags = ["homework help"]
languages = ["es", "en", "xx-Qq"]`, ""), Options{})

	sitetest.Check(t, out, "index.html", "<h1>Working alongside our neighbors</h1>", "Our <strong>intro</strong>",
		`<a href="/partnerships/homework-help/">Homework Help</a>`, "Familias Unidas",
		`<title>Working alongside our neighbors — Partnerships at Rainier</title>`,
		`<meta name="description" content="What the library and partners put in.">`,
		`<link rel="canonical" href="https://partners.example.org/">`,
		`<html lang="en">`, `<a class="skip-link" href="#main">`, `<main id="main"`,
		`<a href="/about/">About this site</a>`, "!Not in the navigation", "!<script")
	sitetest.Check(t, out, "partnerships/homework-help/index.html", "<h1>Homework Help</h1>",
		`<a href="/partners/familias-unidas/">Familias Unidas</a>`, `<a href="https://familias.example.org">familias.example.org</a>`,
		`<a href="/branches/beacon-branch/">Beacon Branch</a>`, `<a href="/neighborhoods/north-beacon-hill/">`,
		`<a href="/audiences/middle-school-students/">`, `<a href="/tags/homework-help/">homework help</a>`,
		"Spanish, English, xx-Qq", "<p>The story of Homework Help.</p>",
		`<title>Homework Help — Partnerships at Rainier</title>`,
		`<link rel="canonical" href="https://partners.example.org/partnerships/homework-help/">`)
	sitetest.Check(t, out, "partners/index.html", `<th scope="row"><a href="/partners/familias-unidas/">Familias Unidas</a></th>`, `<td class="num" data-label="Partnerships">1</td>`)
	sitetest.Check(t, out, "partners/familias-unidas/index.html", "<h1>Familias Unidas</h1>", `<a href="/partnerships/homework-help/">`)
	for _, tax := range []string{"branches/beacon-branch", "neighborhoods/north-beacon-hill", "audiences/middle-school-students", "tags/homework-help"} {
		key, _, _ := strings.Cut(tax, "/")
		sitetest.Check(t, out, key+"/index.html", `<a href="/`+tax+`/">`)
		sitetest.Check(t, out, tax+"/index.html", `<a href="/partnerships/homework-help/">`)
	}
	sitetest.Check(t, out, "about/index.html", "<h1>About this site</h1>", "<p>About us.</p>", `aria-current="page">About this site`)
	sitetest.Check(t, out, "hidden/index.html", "<h1>Not in the navigation</h1>")
	sitetest.Check(t, out, "404.html", "<h1>Page not found</h1>", `<meta name="robots" content="noindex">`, `<a href="/">All partnerships</a>`)
	sitetest.Check(t, out, "style.css", "@media print", "!@import", "!url(http")
	sitetest.Check(t, out, "favicon.svg", "<svg")
}

func TestPrivateNeverPublished(t *testing.T) {
	archive := siteTOML + `
-- content/partnerships/approved.md --
` + profile("Approved", "", `
[[resources]]
from = "library"
kind = "money"
amount = 10
`) + `
-- content/partnerships/draft.md --
` + strings.Replace(profile("Draft", "", ""), `state = "approved"`, `state = "draft"`, 1) + `
-- content/partnerships/bundle/index.md --
` + profile("Bundle", "", "") + `
-- content/partnerships/bundle/photo.png --
PNG
`
	for _, unapproved := range []bool{false, true} {
		out := renderSite(t, archive, Options{Unapproved: unapproved})
		for _, name := range out.Names() {
			sitetest.Check(t, out, name, "!PRIVATE-", "!secret")
		}
	}
}

func TestUnapproved(t *testing.T) {
	archive := siteTOML + `
-- content/partnerships/draft-one.md --
` + strings.Replace(profile("Draft One", "", ""), `state = "approved"`, `state = "in_review"`, 1)
	out := renderSite(t, archive, Options{})
	sitetest.Absent(t, out, "partnerships/draft-one/index.html", "partners/familias-unidas/index.html")
	sitetest.Check(t, out, "index.html", "!Draft One", "No partnerships are published yet.")

	out = renderSite(t, archive, Options{Unapproved: true})
	sitetest.Check(t, out, "partnerships/draft-one/index.html", `role="note"`,
		"Not yet approved by <bdi>Familias Unidas</bdi>", "review: In review",
		`<meta name="robots" content="noindex">`, "!Reviewed and approved")
	sitetest.Check(t, out, "index.html", "Draft One", "Not yet approved")
}

func TestReviewStamp(t *testing.T) {
	approved := profile("Current", "", "")
	approved = strings.Replace(approved, "date = 2025-10-14\n", "date = 2025-10-14\nby = \"Program coordinator\"\nnote = \"Asked us to remove a photo.\"\n", 1)
	out := renderSite(t, siteTOML+`
-- content/partnerships/current.md --
`+approved+`
-- content/partnerships/changed.md --
`+strings.Replace(profile("Changed", "", ""), "date = 2025-10-14\n", "date = 2025-10-14\nfingerprint = \"sha256:not-the-right-one\"\n", 1), Options{})
	sitetest.Check(t, out, "partnerships/current/index.html",
		`Reviewed and approved by <bdi>Familias Unidas</bdi> on <time datetime="2025-10-14">October 14, 2025</time>`,
		"!Approved by:", "Review note: Asked us to remove a photo.", "!Updated since", "!Not yet approved")
	sitetest.Check(t, out, "partnerships/changed/index.html",
		`Updated since <bdi>Familias Unidas</bdi> approved it on <time datetime="2025-10-14">October 14, 2025</time>`,
		"!Reviewed and approved by")
}

func TestResourcesAsksOutcomes(t *testing.T) {
	out := renderSite(t, siteTOML+`
-- content/partnerships/x.md --
`+profile("X", "", `
[[resources]]
from = "library"
kind = "money"
amount = 2400
description = "Stipends"
[[resources]]
from = "library"
kind = "money"
amount = 1200
currency = "CAD"
[[resources]]
from = "library"
kind = "staff_time"
amount = 1
[[resources]]
from = "partner"
kind = "space"
amount = 1200
description = "Clubhouse"
[[resources]]
from = "partner"
kind = "marketing"
amount = 3
unit = "newsletter features"
value = 600.5
[[asks]]
ask = "A room on weekday afternoons"
status = "delivered"
[[asks]]
ask = "Laptops to borrow"
status = "declined"
reason = "Our device budget is committed until July."
date = 2025-11-03
[[outcomes]]
measure = "Students who came five times"
value = 37
unit = "students"
note = "Attendance sheets"
`), Options{})
	sitetest.Check(t, out, "partnerships/x/index.html",
		`<th scope="row">Stipends</th><td data-label="Kind">Money</td><td class="num" data-label="Amount">$2,400</td>`,
		`<td class="num" data-label="Amount">1,200 CAD</td>`,
		`<td class="num" data-label="Amount">1 hour</td>`, `<td class="num" data-label="Value (USD)">$40 <span class="estimate">estimate</span></td>`,
		`<th scope="row">Clubhouse</th><td data-label="Kind">Space</td><td class="num" data-label="Amount">1,200 room-hours</td><td data-label="Date"><time datetime="2025-09-02">September 2, 2025</time></td><td class="num" data-label="Value (USD)"><span class="not-valued">not valued</span>`,
		`3 newsletter features`, `$600.50 <span class="estimate">estimate</span>`,
		`<dt>Money (USD)</dt><dd>$2,400</dd>`, `<dt>Money (CAD)</dt><dd>1,200 CAD</dd>`, `<dt>Staff time</dt><dd>1 hour</dd>`,
		`<dt>Space</dt><dd>1,200 room-hours</dd>`, `<dt>Estimated value of in-kind support</dt><dd>$600.50 <span class="estimate">estimate</span>`,
		`<caption id="caption-library" class="visually-hidden">What <bdi>Rainier Public Library</bdi> put in</caption>`, `<caption id="caption-partner"`, `class="table-wrap" tabindex="0" role="region"`,
		"2 asks: 1 delivered, 1 declined.",
		`<span class="status status-declined"><span aria-hidden="true">✕</span> Declined</span>`,
		`<strong>Why the library said no:</strong> Our device budget is committed until July.`,
		`<time datetime="2025-11-03">November 3, 2025</time>`,
		`<th scope="row">Students who came five times</th><td class="num" data-label="Result">37 students</td>`, "Attendance sheets")
}

func TestPagination(t *testing.T) {
	var b strings.Builder
	b.WriteString(siteTOML)
	for i := 1; i <= 51; i++ {
		fmt.Fprintf(&b, "-- content/partnerships/p%02d.md --\n%s", i, profile(fmt.Sprintf("Profile %02d", i), `tags = ["all"]`, ""))
	}
	out := renderSite(t, b.String(), Options{})
	for _, first := range []string{"", "tags/all/", "partners/familias-unidas/"} {
		page1, _ := out.Get(first + "index.html")
		if n := strings.Count(string(page1), `<li class="card">`); n != 50 {
			t.Errorf("%sindex.html: %d cards, want 50", first, n)
		}
		sitetest.Check(t, out, first+"index.html", `<nav class="pagination" aria-label="Pagination">`,
			`<a href="/`+first+`page/2/" rel="next">`, "Page 1 of 2", "Showing 1–50 of 51", "!rel=\"prev\"")
		sitetest.Check(t, out, first+"page/2/index.html", `<a href="/`+first+`" rel="prev">`, "Page 2 of 2", "Showing 51–51 of 51",
			`<link rel="canonical" href="https://partners.example.org/`+first+`page/2/">`, "!rel=\"next\"", ", page 2 of 2 — Partnerships at Rainier</title>")
		page2, _ := out.Get(first + "page/2/index.html")
		if n := strings.Count(string(page2), `<li class="card">`); n != 1 {
			t.Errorf("%spage/2/index.html: %d cards, want 1", first, n)
		}
	}
	sitetest.Absent(t, out, "page/3/index.html", "page/1/index.html")
}

func TestBasePath(t *testing.T) {
	out := renderSite(t, siteTOML+`
-- content/pages/about.md --
+++
title = "About"
weight = 1
+++
See [the methodology](/methodology/).
-- content/partnerships/x.md --
`+profile("X", `tags = ["t"]`, ""), Options{BaseURL: "http://127.0.0.1:1313/sub/"})
	for _, name := range []string{"index.html", "partnerships/x/index.html", "about/index.html", "404.html", "tags/index.html"} {
		data, _ := out.Get(name)
		for _, m := range regexp.MustCompile(`(?:href|src)="([^"]*)"`).FindAllStringSubmatch(string(data), -1) {
			u := m[1]
			if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "/sub/") {
				t.Errorf("%s: link %q outside the base path", name, u)
			}
		}
	}
	sitetest.Check(t, out, "index.html", `href="/sub/style.css"`, `<a href="/sub/partnerships/x/">`, `<link rel="canonical" href="http://127.0.0.1:1313/sub/">`)
	sitetest.Check(t, out, "about/index.html", `<a href="/sub/methodology/">`)
	sitetest.Check(t, out, "partnerships/x/index.html", `<a href="/sub/tags/t/">`, `"url":"http://127.0.0.1:1313/sub/partnerships/x/"`)
}

func TestEscaping(t *testing.T) {
	out := renderSite(t, siteTOML+`
-- content/partnerships/x.md --
`+profile(`<script>alert(1)</script> & "Friends"`, `tags = ["<b>bold</b>"]`, `
[partner_voice]
quote = "</script><script>alert(2)</script>"
`), Options{})
	for _, name := range []string{"index.html", "partnerships/x/index.html", "tags/index.html", "tags/b-bold-b/index.html"} {
		sitetest.Check(t, out, name, "!<script>alert", "!<b>bold")
	}
	sitetest.Check(t, out, "partnerships/x/index.html", "<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;Friends&#34;</h1>",
		`\u003c/script\u003e`)
}

func TestJSONLD(t *testing.T) {
	out := renderSite(t, siteTOML+`
-- content/partnerships/x.md --
`+profile("Homework </script> Help", `end = 2026-06-12`, `
[[resources]]
from = "library"
kind = "money"
amount = 2400
description = "Stipends"
date = 2025-10-01
[[resources]]
from = "partner"
kind = "money"
amount = 300
[[resources]]
from = "library"
kind = "space"
amount = 12
`), Options{})
	data, _ := out.Get("partnerships/x/index.html")
	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("no JSON-LD in\n%s", data)
	}
	var ld map[string]any
	if err := json.Unmarshal(m[1], &ld); err != nil {
		t.Fatalf("JSON-LD: %v\n%s", err, m[1])
	}
	want := map[string]any{"@type": "Project", "@id": "https://partners.example.org/partnerships/x/#project",
		"name": "Homework </script> Help", "url": "https://partners.example.org/partnerships/x/",
		"foundingDate": "2025-09-02", "dissolutionDate": "2026-06-12", "description": "Summary of Homework </script> Help."}
	for k, v := range want {
		if ld[k] != v {
			t.Errorf("JSON-LD %s = %v, want %v", k, ld[k], v)
		}
	}
	const library, partner = "https://partners.example.org/#library", "https://partners.example.org/partners/familias-unidas/#org"
	if sp, _ := ld["sponsor"].(map[string]any); sp["@id"] != library {
		t.Errorf("sponsor = %v", ld["sponsor"])
	}
	members, _ := ld["member"].([]any)
	if len(members) != 2 || fmt.Sprint(members[0]) != fmt.Sprint(map[string]any{"@type": "Organization", "@id": library, "name": "Rainier Public Library"}) ||
		fmt.Sprint(members[1]) != fmt.Sprint(map[string]any{"@type": "Organization", "@id": partner, "name": "Familias Unidas", "url": "https://familias.example.org"}) {
		t.Errorf("member = %v", ld["member"])
	}
	// Only the library's money is funding: a MonetaryGrant to the partner.
	funding, _ := ld["funding"].([]any)
	wantGrant := map[string]any{"@type": "MonetaryGrant", "name": "Stipends", "startDate": "2025-10-01",
		"amount": map[string]any{"@type": "MonetaryAmount", "currency": "USD", "value": 2400.0},
		"funder": map[string]any{"@id": library}, "fundedItem": map[string]any{"@id": partner}}
	if len(funding) != 1 || fmt.Sprint(funding[0]) != fmt.Sprint(wantGrant) {
		t.Errorf("funding = %v\nwant [%v]", funding, wantGrant)
	}
}

func TestCorrectionLink(t *testing.T) {
	p := profile("Tardes & Tareas", "", "")
	out := renderSite(t, siteTOML+"-- content/partnerships/x.md --\n"+p, Options{})
	sitetest.Check(t, out, "partnerships/x/index.html",
		`<a href="mailto:partnerships@example.org?subject=Correction%3A%20Tardes%20%26%20Tareas">Suggest a correction</a>`)

	out = renderSite(t, "-- site.toml --\ncorrections = \"https://example.org/fix?x=1\"\n-- content/partnerships/x.md --\n"+p, Options{})
	sitetest.Check(t, out, "partnerships/x/index.html", `<a href="https://example.org/fix?x=1">Suggest a correction</a>`)

	out = renderSite(t, "-- content/partnerships/x.md --\n"+p, Options{})
	sitetest.Check(t, out, "partnerships/x/index.html", "!Suggest a correction")
}

func TestVoiceDirection(t *testing.T) {
	out := renderSite(t, siteTOML+`
-- content/partnerships/ar.md --
`+profile("Arabic", `languages = ["ar", "en"]`, `
[partner_voice]
quote = "المكتبة أول مكان في المدينة شعرنا فيه أننا لسنا ضيوفاً، بل جيران."
by = "The circle"
`)+`
-- content/partnerships/es.md --
`+profile("Spanish", `languages = ["es", "en"]`, `
[partner_voice]
quote = "Aquí nuestros hijos hacen la tarea."
`), Options{})
	sitetest.Check(t, out, "partnerships/ar/index.html", `<blockquote lang="ar" dir="rtl">`, "<figcaption><bdi>The circle</bdi></figcaption>")
	sitetest.Check(t, out, "partnerships/es/index.html", `<blockquote dir="auto">`, "<figcaption><bdi>Familias Unidas</bdi></figcaption>")
}

func TestThemeOverride(t *testing.T) {
	out := renderSite(t, `-- site.toml --
theme = "civic"
-- themes/civic/layouts/page.html --
{{define "main"}}<h1 class="mine">{{.Title}}</h1>{{.Content}}{{end}}
-- themes/civic/static/style.css --
body { color: black } /* site stylesheet */
-- themes/civic/static/img/logo.svg --
<svg></svg>
-- content/pages/about.md --
+++
title = "About"
+++
Hello.
-- content/partnerships/x.md --
`+profile("X", "", ""), Options{})
	sitetest.Check(t, out, "about/index.html", `<h1 class="mine">About</h1>`, "<p>Hello.</p>", `<html lang="en">`)
	sitetest.Check(t, out, "style.css", "/* site stylesheet */", "!--accent")
	sitetest.Check(t, out, "img/logo.svg", "<svg></svg>")
	sitetest.Check(t, out, "favicon.svg", "<svg") // built-in files the site does not replace stay
	sitetest.Check(t, out, "partnerships/x/index.html", "<h1>X</h1>")
}

// A theme's "card" gets a profile's whole view; the entries of a list's
// .Cards have the card's HTML and the same card fields, made again from
// the profile (doc.go).
func TestCardFields(t *testing.T) {
	const fields = `{{.Slug}}|{{.Title}}|{{.TitleLang}}|{{.Summary}}|{{.SummaryLang}}|{{.URL}}|{{.Canonical}}|{{.Status.Text}}|` +
		`{{.Start.ISO}}|{{.End.Text}}|{{.Dates}}|{{.Partner.Name}}|{{.Partner.URL}}|{{.Review.State.Text}}|{{.Review.Banner}}`
	out := renderSite(t, `-- site.toml --
theme = "civic"
base_url = "https://example.org/"
-- themes/civic/layouts/partials.html --
{{define "status"}}{{end}}{{define "date"}}{{end}}{{define "links"}}{{end}}{{define "items"}}{{end}}
{{define "showing"}}{{end}}{{define "pagination"}}{{end}}
{{define "fields"}}`+fields+`{{end}}
{{define "card"}}<li>{{template "fields" .}} rows={{len (index .Sides 0).Rows}}</li>{{end}}
{{define "cards"}}{{range .Cards}}[{{template "fields" .}}]{{.Card}}{{end}}{{end}}
-- content/partnerships/x.md --
`+profile("X", "", `
[[resources]]
from = "library"
kind = "space"
amount = 10
`), Options{Unapproved: true})
	data, _ := out.Get("index.html")
	home := string(data)
	m := regexp.MustCompile(`\[([^\]]*)\]<li>([^<]*) rows=1</li>`).FindStringSubmatch(home)
	if m == nil {
		t.Fatalf("home: no card in\n%s", home)
	}
	if m[1] != m[2] {
		t.Errorf("the fields of .Cards:\n%s\nwant the card's own:\n%s", m[1], m[2])
	}
	if want := "x|X||"; !strings.HasPrefix(m[2], want) || !strings.Contains(m[2], "https://example.org/partnerships/x/") {
		t.Errorf("card fields %q, want them to start %q and hold the canonical address", m[2], want)
	}
}

func TestBadOverride(t *testing.T) {
	fsys := sitetest.FS(t, "-- themes/default/layouts/home.html --\n{{define \"main\"}}{{.Nope}\n")
	if _, err := New(fsys, "default"); err == nil || !strings.Contains(err.Error(), "themes/default/layouts/home.html") {
		t.Errorf("New with a broken layout: %v, want an error naming the file", err)
	}
}

func TestBundleFiles(t *testing.T) {
	out := renderSite(t, siteTOML+`
-- content/partnerships/zines/index.md --
`+strings.Replace(profile("Zines", "", ""), "The story", "![The lab](photo.png) The story", 1)+`
-- content/partnerships/zines/photo.png --
PNGDATA
-- content/partnerships/zines/docs/guide.pdf --
PDFDATA
`, Options{})
	sitetest.Check(t, out, "partnerships/zines/photo.png", "PNGDATA")
	sitetest.Check(t, out, "partnerships/zines/docs/guide.pdf", "PDFDATA")
	sitetest.Check(t, out, "partnerships/zines/index.html", `<img src="photo.png" alt="The lab">`)
}

func TestCancel(t *testing.T) {
	fsys := sitetest.FS(t, siteTOML+"-- content/partnerships/x.md --\n"+profile("X", "", ""))
	site, _ := content.Load(fsys)
	r, err := New(fsys, "")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Render(ctx, site, fsys, Options{}, output.NewMemory()); err != context.Canceled {
		t.Errorf("Render with a cancelled context: %v, want context.Canceled", err)
	}
}

// TestWellFormed checks what a validator would catch first: one <h1>,
// unique ids, balanced elements, headings that do not skip a level.
func TestWellFormed(t *testing.T) {
	var b strings.Builder
	b.WriteString(siteTOML + "-- content/_index.md --\n+++\ntitle = \"Home\"\n+++\nHello.\n-- content/pages/about.md --\n+++\ntitle = \"About\"\nweight = 1\n+++\n## Why\nText.\n")
	for i := 1; i <= 3; i++ {
		fmt.Fprintf(&b, "-- content/partnerships/p%d.md --\n%s", i, profile(fmt.Sprintf("P%d", i), `tags = ["a", "b"]
branches = ["Central"]`, `
[partner_voice]
quote = "Yes."
[[resources]]
from = "library"
kind = "money"
amount = 5
[[resources]]
from = "partner"
kind = "staff_time"
amount = 5
[[asks]]
ask = "A"
status = "declined"
reason = "R"
[[outcomes]]
measure = "M"
value = 1
`))
	}
	out := renderSite(t, b.String(), Options{Unapproved: true})
	idRE := regexp.MustCompile(` id="([^"]+)"`)
	hRE := regexp.MustCompile(`<h([1-6])[ >]`)
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, _ := out.Get(name)
		page := string(data)
		if !strings.HasPrefix(page, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">") {
			t.Errorf("%s: starts with %.120q", name, page)
		}
		if n := strings.Count(page, "<h1"); n != 1 {
			t.Errorf("%s: %d <h1>", name, n)
		}
		seen := map[string]bool{}
		for _, m := range idRE.FindAllStringSubmatch(page, -1) {
			if seen[m[1]] {
				t.Errorf("%s: duplicate id %q", name, m[1])
			}
			seen[m[1]] = true
		}
		last := 0
		for _, m := range hRE.FindAllStringSubmatch(page, -1) {
			level := int(m[1][0] - '0')
			if level > last+1 {
				t.Errorf("%s: <h%d> after <h%d>", name, level, last)
			}
			last = level
		}
		for _, tag := range []string{"html", "head", "body", "header", "nav", "main", "footer", "section", "div", "ul", "ol", "li", "dl", "table", "p", "figure", "blockquote", "a", "span"} {
			open := len(regexp.MustCompile(`<`+tag+`[ >]`).FindAllString(page, -1))
			if closed := strings.Count(page, "</"+tag+">"); open != closed {
				t.Errorf("%s: %d <%s> but %d </%s>", name, open, tag, closed, tag)
			}
		}
		for _, want := range []string{`<meta name="viewport"`, `<link rel="canonical"`, `<meta name="description"`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: no %s", name, want)
			}
		}
	}
}

// TestLicense: the licence of [open_data] is on /data/ and in the footer
// of every page, named when it is a known one; without one, neither.
func TestLicense(t *testing.T) {
	p := "-- content/partnerships/x.md --\n" + profile("X", "", "")
	out := renderSite(t, siteTOML+"license = \"https://creativecommons.org/licenses/by/4.0/\"\n"+p, Options{})
	link := `<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">Creative Commons Attribution 4.0 (CC BY 4.0)</a>`
	sitetest.Check(t, out, "data/index.html", "open data, published under the "+link+" licence")
	for _, name := range []string{"index.html", "partnerships/x/index.html", "partners/index.html", "reports/index.html", "404.html"} {
		sitetest.Check(t, out, name, "Its open data is published under the "+link+" licence.")
	}
	out = renderSite(t, siteTOML+"license = \"https://example.org/our-licence\"\n"+p, Options{})
	sitetest.Check(t, out, "index.html", `<a href="https://example.org/our-licence" rel="license">https://example.org/our-licence</a>`)
	out = renderSite(t, siteTOML+p, Options{})
	sitetest.Check(t, out, "index.html", `!rel="license"`)
	sitetest.Check(t, out, "data/index.html", `!rel="license"`, "open data, free to reuse")
}

// The first photo of a bundle shows at the top of its page, with its
// text alternative, size and credit; a quote's translation shows beside
// it, each marked with its language.
func TestPhotoAndTranslation(t *testing.T) {
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 640, 480))); err != nil {
		t.Fatal(err)
	}
	photo := img.String()
	out := renderSite(t, siteTOML+`
-- content/partnerships/x/index.md --
`+profile("Tardes", "", `
[partner_voice]
quote = "Nuestros hijos por fin tienen un lugar tranquilo."
lang = "es"
translation = "Our kids finally have a quiet place."
[[photos]]
file = "tutoring.png"
alt = "Two tutors and a student at a table"
credit = "Familias Unidas"
`)+`
-- content/partnerships/x/tutoring.png --
`+photo+`
`, Options{})
	sitetest.Check(t, out, "partnerships/x/index.html",
		`<figure class="photo">
<img src="/partnerships/x/tutoring.png" alt="Two tutors and a student at a table" width="640" height="480">
<figcaption>Photo: <bdi>Familias Unidas</bdi></figcaption>`,
		`<blockquote lang="es" dir="auto">`,
		`<p class="translation" lang="en"><span class="visually-hidden">Translation: </span>Our kids finally have a quiet place.</p>`)
}

// orderWriter notes the order in which files are written.
type orderWriter struct {
	output.Writer
	mu    sync.Mutex
	names []string
}

func (w *orderWriter) WriteFile(name string, data []byte) error {
	w.mu.Lock()
	w.names = append(w.names, name)
	w.mu.Unlock()
	return w.Writer.WriteFile(name, data)
}

// StoriesWritten is called once, when every profile page of every
// language is written and no list page yet: a build lets go of the
// stories there, and the lists are then made with less memory held.
func TestStoriesWritten(t *testing.T) {
	fsys := sitetest.Corpus(30)
	fsys["site.toml"] = &fstest.MapFile{Data: append(fsys["site.toml"].Data, "\n[languages.es]\nname = \"Español\"\n"...)}
	site, probs := content.Load(fsys)
	if len(probs.Errors()) > 0 {
		t.Fatal(probs)
	}
	r, err := New(fsys, "")
	if err != nil {
		t.Fatal(err)
	}
	w := &orderWriter{Writer: output.NewMemory()}
	calls, profilePages := 0, 0
	opts := Options{StoriesWritten: func() {
		calls++
		for _, name := range w.names {
			if strings.HasSuffix(name, ".html") && !strings.Contains(name, "partnerships/") {
				t.Errorf("%s was written before every story was", name)
			}
		}
		profilePages = len(w.names)
		site.ForgetStories()
	}}
	if _, err := r.Render(context.Background(), site, fsys, opts, w); err != nil {
		t.Fatal(err)
	}
	if want := 2 * len(site.Published(false)); calls != 1 || profilePages < want {
		t.Errorf("StoriesWritten called %d times after %d files, want once after the %d profile pages", calls, profilePages, want)
	}
}
