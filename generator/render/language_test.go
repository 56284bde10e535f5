package render

import (
	"cmp"
	"html/template"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/i18n"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
	"github.com/alongside-dev/alongside/generator/ledger"
	"github.com/alongside-dev/alongside/generator/output"
)

// languagesSite is ledgerSite in English, Spanish and Arabic: Alpha has a
// Spanish translation (fresh when source is its fingerprint), Beta none;
// the bundle Omega's Spanish story links to a file of its bundle.
func languagesSite(t testing.TB, fresh bool) string {
	t.Helper()
	site := strings.Replace(ledgerSite, "-- content/partnerships/alpha.md --", `[languages.es]
name = "Español"
title = "Alianzas en Rainier"
[languages.ar]
name = "العربية"
-- content/partnerships/omega/index.md --
+++
title = "Omega"
status = "active"
start = 2025-09-01
[partner]
name = "Omega Club"
[review]
state = "approved"
date = 2025-09-15
+++
Read [the plan](plan.pdf).
-- content/partnerships/omega/plan.pdf --
%PDF-1.4
-- content/partnerships/omega/index.es.md --
+++
title = "Ómega"
+++
Lea [el plan](plan.pdf).
-- content/partnerships/alpha.md --`, 1)
	source := "sha256:0000000000000000000000000000000000000000000000000000000000000000"
	if fresh {
		s := sitetest.Load(t, site)
		for _, p := range s.Profiles {
			if p.Slug == "alpha" {
				source = content.TextPrint(p, p.Title, p.Summary, nil)
			}
		}
	}
	return site + `-- content/partnerships/alpha.es.md --
+++
source = "` + source + `"
title = "Alfa"
[[asks]]
ask = "Una sala"
reason = "Todas las salas están reservadas hasta junio."
[[outcomes]]
note = "Estudiantes de la primera sesión"
[[outcomes]]
measure = "Sesiones realizadas"
+++
`
}

func page(t *testing.T, out *output.Memory, name string) string {
	t.Helper()
	data, ok := out.Get(name)
	if !ok {
		t.Fatalf("%s was not written", name)
	}
	return string(data)
}

// TestLanguagesShowTheSameFigures: the home page and every annual report
// of each language show the ledger's totals, computed once, each in the
// language's own way of writing numbers.
func TestLanguagesShowTheSameFigures(t *testing.T) {
	archive := languagesSite(t, true)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	out := renderSite(t, archive, Options{Now: now})
	site := sitetest.Load(t, archive)
	published := site.Published(false)
	today := content.DayOf(now)
	cur := site.Config.Currency
	for _, code := range []string{"", "es", "ar"} {
		cat, _ := i18n.Load(sitetest.FS(t, archive), "", map[string]string{"": "en"}[code]+code)
		prefix := map[string]string{"": "", "es": "es/", "ar": "ar/"}[code]
		check := func(name string, tot ledger.Totals) {
			html := page(t, out, name)
			for _, want := range []string{
				cat.Money(tot.Library.TotalValue, cur, cur), cat.Money(tot.Partner.TotalValue, cur, cur),
				cat.Number(float64(tot.Partnerships.Total())), cat.Number(float64(tot.Surveys.All.Respondents)),
			} {
				if !strings.Contains(html, template.HTMLEscapeString(want)) {
					t.Errorf("%s lacks %q", name, want)
				}
			}
		}
		check(prefix+"index.html", ledger.Compute(published))
		for _, fy := range ledger.Years(published, site.Config.FiscalYearStart, today) {
			check(prefix+"reports/"+fy.Name+"/index.html", ledger.ForYear(published, fy, today))
		}
	}
	// The same figures, as each language writes them.
	for name, want := range map[string]string{
		"index.html":    "$3,400.30",
		"es/index.html": "US$3400,30",        // CLDR: no grouping of 4 digits in Spanish
		"ar/index.html": "٣٬٤٠٠٫٣٠\u00a0USD", // Arabic-Indic digits, a no-break space
	} {
		if html := page(t, out, name); !strings.Contains(html, want) {
			t.Errorf("%s lacks %q", name, want)
		}
	}
}

// TestTranslatedPages: a translation's words, the default language's
// text where there is none (marked with its lang, with a note), and a
// stale translation's note linking to the default language's page.
func TestTranslatedPages(t *testing.T) {
	out := renderSite(t, languagesSite(t, true), Options{})
	alpha := page(t, out, "es/partnerships/alpha/index.html")
	for _, want := range []string{
		`<p class="ask-text">Una sala</p>`,
		"Todas las salas están reservadas hasta junio.",
		"Sesiones realizadas",
		"1 de septiembre de 2024", // Alpha's start, in Spanish
		`href="/es/partners/alpha-group/"`,
	} {
		if !strings.Contains(alpha, want) {
			t.Errorf("es/partnerships/alpha/ lacks %s", want)
		}
	}
	if strings.Contains(alpha, "aún no está traducida") || strings.Contains(alpha, "no esté al día") {
		t.Error("a fresh translation has a note")
	}
	beta := page(t, out, "es/partnerships/beta/index.html")
	for _, want := range []string{
		"Esta página aún no está traducida al español; se muestra en inglés.",
		`<p class="ask-text" lang="en">Flyers</p>`,
	} {
		if !strings.Contains(beta, want) {
			t.Errorf("es/partnerships/beta/ lacks %s", want)
		}
	}

	// Every page kind runs its own language's layouts.
	for _, name := range []string{"es/index.html", "es/partners/index.html", "es/reports/index.html", "es/tags/index.html", "es/404.html", "es/partnerships/alpha/index.html"} {
		if html := page(t, out, name); !strings.Contains(html, `<nav class="languages" aria-label="Idiomas">`) {
			t.Errorf("%s is not made with the Spanish layouts", name)
		}
	}

	stale := renderSite(t, languagesSite(t, false), Options{})
	alpha = page(t, stale, "es/partnerships/alpha/index.html")
	if want := `Puede que esta traducción no esté al día; <a href="/partnerships/alpha/">lea la versión en inglés</a>.`; !strings.Contains(alpha, want) {
		t.Errorf("a stale translation lacks %s", want)
	}
}

// TestTranslatedStoryLinksToItsBundle: the files of a bundle are
// published once, beside the default language's page, and a translated
// story's relative links go there.
func TestTranslatedStoryLinksToItsBundle(t *testing.T) {
	out := renderSite(t, languagesSite(t, true), Options{})
	if _, ok := out.Get("partnerships/omega/plan.pdf"); !ok {
		t.Error("the bundle file is not published")
	}
	if _, ok := out.Get("es/partnerships/omega/plan.pdf"); ok {
		t.Error("the bundle file is published again under es/")
	}
	if html := page(t, out, "es/partnerships/omega/index.html"); !strings.Contains(html, `<a href="/partnerships/omega/plan.pdf">el plan</a>`) {
		t.Error("the Spanish story's link does not go to the bundle's file")
	}
	if html := page(t, out, "ar/partnerships/omega/index.html"); !strings.Contains(html, `<a href="/partnerships/omega/plan.pdf">the plan</a>`) {
		t.Error("the English story shown in Arabic does not link to the bundle's file")
	}
}

// TestEveryPageKindInEveryLanguage: each page of the default language
// has its page in every other language, and nothing else is written
// under a language's folder.
func TestEveryPageKindInEveryLanguage(t *testing.T) {
	out := renderSite(t, languagesSite(t, true), Options{})
	pages := map[string]bool{}
	for _, name := range out.Names() {
		if strings.HasSuffix(name, ".html") {
			pages[name] = true
		}
	}
	n := 0
	for name := range pages {
		if strings.HasPrefix(name, "es/") || strings.HasPrefix(name, "ar/") {
			continue
		}
		n++
		for _, code := range []string{"es/", "ar/"} {
			if !pages[code+name] {
				t.Errorf("%s has no page %s", name, code+name)
			}
		}
	}
	if got := len(pages); got != 3*n {
		t.Errorf("%d pages, want %d (3 languages × %d)", got, 3*n, n)
	}
	for _, name := range []string{"feed.xml", "es/feed.xml", "ar/feed.xml", "style.css"} {
		if _, ok := out.Get(name); !ok {
			t.Errorf("%s was not written", name)
		}
	}
	if _, ok := out.Get("es/style.css"); ok {
		t.Error("style.css is written twice")
	}
}

// TestHreflangIsSymmetric: every page names itself and the same page in
// each other language, and each of those names it back: the pairs of
// <link rel="alternate" hreflang> are symmetric on every page, as search
// engines require, and the switcher links to the same pages.
func TestHreflangIsSymmetric(t *testing.T) {
	out := renderSite(t, languagesSite(t, true), Options{})
	link := regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="https://partners\.example\.org/([^"]*)">`)
	switcher := regexp.MustCompile(`<li><a href="/([^"]*)" hreflang="([^"]+)" lang="[^"]+"`)
	alternates := func(name string) map[string]string {
		m := map[string]string{}
		for _, l := range link.FindAllStringSubmatch(page(t, out, name), -1) {
			m[l[1]] = l[2]
		}
		return m
	}
	n := 0
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		n++
		alts := alternates(name)
		self := strings.TrimSuffix(name, "index.html")
		if len(alts) != 4 || alts["x-default"] != alts["en"] {
			t.Errorf("%s: alternates %v, want en, es, ar and x-default (= en)", name, alts)
			continue
		}
		if lang := map[string]string{"es": "es", "ar": "ar"}[strings.SplitN(name, "/", 2)[0]]; alts[cmp.Or(lang, "en")] != self {
			t.Errorf("%s: its own language's alternate is %q", name, alts[cmp.Or(lang, "en")])
		}
		for lang, path := range alts {
			other := path + "index.html"
			if strings.HasSuffix(path, ".html") {
				other = path
			}
			if got := alternates(other); !maps.Equal(got, alts) {
				t.Errorf("%s names %s (%s), which names %v instead of %v", name, other, lang, got, alts)
			}
		}
		var sw []string
		for _, m := range switcher.FindAllStringSubmatch(page(t, out, name), -1) {
			sw = append(sw, m[2]+"="+m[1])
		}
		if want := []string{"en=" + alts["en"], "es=" + alts["es"], "ar=" + alts["ar"]}; !slices.Equal(sw, want) {
			t.Errorf("%s: switcher %v, want %v", name, sw, want)
		}
	}
	if n < 30 {
		t.Errorf("only %d pages", n)
	}
}
