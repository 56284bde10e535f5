package chart

import (
	"html/template"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/ledger"
)

func TestKinds(t *testing.T) {
	rows := []ledger.Figure{
		{Key: "money", Unit: "USD", Library: 1000.3, Partner: 0.1},
		{Key: "money", Unit: "CAD", Partner: 1200},
		{Key: "staff_time", Unit: "hours", Library: 12.25, Partner: 20.5},
		{Key: "marketing", Unit: "USD", Estimated: true, Library: 600, LibraryLeftOut: 2, PartnerLeftOut: 1},
	}
	html := string(Kinds("home-kinds", "home-sides", rows, "Estimated values use the site's rates: USD 40.00 per staff hour."))
	root := checkAccessible(t, template.HTML(html), "home-kinds")
	if !strings.Contains(html, `data-table="home-sides"`) {
		t.Errorf("the figure does not name its table: %s", html[:80])
	}
	desc := root.one(t, "desc").text
	for _, want := range []string{
		"Money (USD): Library 1,000.3, Partner 0.1.",
		"Money (CAD): Library 0, Partner 1,200.",
		"Staff time (hours): Library 12.25, Partner 20.5.",
		"Marketing (estimated value, USD): Library 600, Partner 0 (Not included, for want of a value: 2 library resources and 1 partner resource).",
	} {
		if !strings.Contains(desc, want) {
			t.Errorf("desc = %q\nwant it to contain %q", desc, want)
		}
	}
	if got := root.one(t, "p").text; got != "Estimated values use the site's rates: USD 40.00 per staff hour." {
		t.Errorf("note = %q", got)
	}
}

func TestAsksAndPartnerships(t *testing.T) {
	root := checkAccessible(t, Asks("asks", "", ledger.AskCounts{Delivered: 12, InProgress: 3, Declined: 2}), "asks")
	if desc, want := root.one(t, "desc").text, "Delivered: 12. In progress: 3. Planned: 0. Declined: 2."; !strings.Contains(desc, want) {
		t.Errorf("desc = %q, want %q in it", desc, want)
	}
	root = checkAccessible(t, Partnerships("parts", ledger.StatusCounts{}), "parts")
	if desc, want := root.one(t, "desc").text, "Planning: 0. Active: 0. Paused: 0. Completed: 0. All values are 0."; !strings.Contains(desc, want) {
		t.Errorf("desc = %q, want %q in it", desc, want)
	}
}

func TestYears(t *testing.T) {
	reports := []ledger.Report{ // newest first, as ledger.Reports returns them
		{Year: ledger.FiscalYear{Name: "2025-26"}, Totals: ledger.Totals{
			Library: ledger.Side{TotalValue: 12500},
			Partner: ledger.Side{TotalValue: 8300.5, Kinds: map[string]ledger.Sum{"money": {Items: 2, Unvalued: 1}, "other": {Items: 1, Unvalued: 1}}},
		}},
		{Year: ledger.FiscalYear{Name: "2024-25"}, Totals: ledger.Totals{Library: ledger.Side{TotalValue: 30000}, Partner: ledger.Side{TotalValue: 4100}}},
	}
	root := checkAccessible(t, Years("years", "", reports, "USD", ""), "years")
	desc := root.one(t, "desc").text
	want := "2024-25: Library 30,000, Partner 4,100. 2025-26: Library 12,500, Partner 8,300.50 (Not included, for want of a value: 2 partner resources)."
	if !strings.Contains(desc, want) {
		t.Errorf("desc = %q\nwant it to contain %q", desc, want)
	}
	var rows []string
	for _, th := range root.all("th") {
		if th.attr["scope"] == "row" {
			rows = append(rows, th.text)
		}
	}
	if strings.Join(rows, " ") != "2024-25 2025-26" {
		t.Errorf("table rows = %q, want oldest first", rows)
	}
}
