package render

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
	"github.com/alongside-dev/alongside/generator/ledger"
	"github.com/alongside-dev/alongside/generator/output"
)

var (
	leadRE     = regexp.MustCompile(`(?s)<dl class="lead-figures">(.*?)</dl>`)
	leadItemRE = regexp.MustCompile(`(?s)<dt>(.*?)</dt><dd><span class="lead-value">(.*?)</span>`)
	trRE       = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	cellTextRE = regexp.MustCompile(`(?s)<t[hd][^>]*>(.*?)</t[hd]>`)
	anyTagRE   = regexp.MustCompile(`<span aria-hidden="true">.*?</span>|<[^>]+>`)
)

// leadFigures reads the lead figures of a page, label → value, in order.
func leadFigures(t *testing.T, out *output.Memory, name string) (labels []string, values map[string]string, page string) {
	t.Helper()
	data, ok := out.Get(name)
	if !ok {
		t.Fatalf("%s: not written", name)
	}
	page = string(data)
	dl := leadRE.FindStringSubmatch(page)
	if dl == nil {
		t.Fatalf("%s: no lead figures", name)
	}
	if strings.Index(page, `class="lead-figures"`) > strings.Index(page, "<table") {
		t.Errorf("%s: a table comes before the lead figures", name)
	}
	values = map[string]string{}
	for _, m := range leadItemRE.FindAllStringSubmatch(dl[1], -1) {
		labels = append(labels, m[1])
		values[m[1]] = html.UnescapeString(m[2])
	}
	return labels, values, page
}

// tableCells returns the cells' text of each body row of the table whose
// opening tag contains marker, the row header first.
func tableCells(t *testing.T, page, marker string) [][]string {
	t.Helper()
	i := strings.Index(page, marker)
	if i < 0 {
		t.Fatalf("no table %s on the page", marker)
	}
	table := page[i : i+strings.Index(page[i:], "</table>")]
	_, body, _ := strings.Cut(table, "<tbody>")
	var rows [][]string
	for _, tr := range trRE.FindAllStringSubmatch(body, -1) {
		var cells []string
		for _, c := range cellTextRE.FindAllStringSubmatch(tr[1], -1) {
			text, _, _ := strings.Cut(c[1], "<br>")
			cells = append(cells, strings.TrimSpace(html.UnescapeString(anyTagRE.ReplaceAllString(text, ""))))
		}
		rows = append(rows, cells)
	}
	return rows
}

// findRow is the row of rows whose header starts with head.
func findRow(t *testing.T, rows [][]string, head string) []string {
	t.Helper()
	for _, r := range rows {
		if strings.HasPrefix(r[0], head) {
			return r
		}
	}
	t.Fatalf("no row %q in %v", head, rows)
	return nil
}

// TestLeadFigures: the home page and each annual report open with each
// side's total value, the partnerships, the asks delivered and declined
// and the people surveyed: the ledger's figures, each the same string as
// in its table on the same page.
func TestLeadFigures(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	out := renderSite(t, ledgerSite, Options{Now: now})
	site := sitetest.Load(t, ledgerSite)
	published := site.Published(false)
	cur := site.Config.Currency
	en := english(t)

	want := func(tot ledger.Totals) map[string]string {
		return map[string]string{
			"The library put in": en.Money(tot.Library.TotalValue, cur, cur),
			"Partners put in":    en.Money(tot.Partner.TotalValue, cur, cur),
			"Partnerships":       en.Number(float64(tot.Partnerships.Total())),
			"Asks delivered":     en.Number(float64(tot.Asks.Delivered)),
			"Asks declined":      en.Number(float64(tot.Asks.Declined)),
			"People surveyed":    en.Number(float64(tot.Surveys.All.Respondents)),
		}
	}
	order := "The library put in|Partners put in|Partnerships|Asks delivered|Asks declined|People surveyed"

	check := func(name, id string, tot ledger.Totals, partnerships string) {
		t.Helper()
		labels, got, page := leadFigures(t, out, name)
		if strings.Join(labels, "|") != order {
			t.Errorf("%s: lead figures %q, want %q", name, labels, order)
		}
		// The ledger's values, formatted as the tables format them.
		for label, w := range want(tot) {
			if got[label] != w {
				t.Errorf("%s: %s = %q, the ledger says %q", name, label, got[label], w)
			}
		}
		// The same strings as the tables below them.
		total := findRow(t, tableCells(t, page, `id="`+id+`-sides"`), "Total value")
		asks := tableCells(t, page, `id="`+id+`-asks-table"`)
		surveys := tableCells(t, page, `<table class="surveys">`)
		for label, cell := range map[string]string{
			"The library put in": total[1],
			"Partners put in":    total[2],
			"Asks delivered":     findRow(t, asks, "Delivered")[1],
			"Asks declined":      findRow(t, asks, "Declined")[1],
			"People surveyed":    surveys[len(surveys)-1][1],
			"Partnerships":       partnerships,
		} {
			if got[label] != cell {
				t.Errorf("%s: %s is %q in the lead figures, %q in the table", name, label, got[label], cell)
			}
		}
	}

	// The home page: every published partnership; the list counts them too.
	_, _, home := leadFigures(t, out, "index.html")
	count := regexp.MustCompile(`All partnerships <span class="count">\((\d+)\)</span>`).FindStringSubmatch(home)
	if count == nil {
		t.Fatal("index.html: no count of all partnerships")
	}
	check("index.html", "home", ledger.Compute(published), count[1])

	// Each annual report: the year's figures; its table has a row per partnership.
	today := content.DateOf(2026, time.March, 1)
	years := ledger.Years(published, site.Config.FiscalYearStart, today)
	if len(years) != 2 {
		t.Fatalf("%d fiscal years, want 2", len(years))
	}
	for _, fy := range years {
		name := "reports/" + fy.Name + "/index.html"
		data, _ := out.Get(name)
		rows := len(tableCells(t, string(data), `<table class="report-table">`))
		check(name, "fy-"+fy.Slug(), ledger.ForYear(published, fy, today), en.Number(float64(rows)))
	}
}

// TestLeadFiguresLeaveOutWhatIsNotThere: no survey, no "People surveyed";
// the values say "—" where the table says it.
func TestLeadFiguresLeaveOutWhatIsNotThere(t *testing.T) {
	site := "-- site.toml --\n-- content/partnerships/a.md --\n" + profile("A", "", "[[resources]]\nfrom = \"partner\"\nkind = \"money\"\namount = 250\n")
	out := renderSite(t, site, Options{})
	labels, got, _ := leadFigures(t, out, "index.html")
	if strings.Join(labels, "|") != "The library put in|Partners put in|Partnerships|Asks delivered|Asks declined" {
		t.Errorf("lead figures %q", labels)
	}
	if got["The library put in"] != "—" || got["Partners put in"] != "$250" || got["Partnerships"] != "1" || got["Asks declined"] != "0" {
		t.Errorf("lead figures %v", got)
	}
	sitetest.Check(t, out, "index.html", `<dt>Partners put in</dt><dd><span class="lead-value">$250</span> <span class="lead-note">in total value</span>`)
}
