package chart

import (
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
		{Key: "other", Unit: "items", Partner: 1},
	}
	const note = "Estimated values use the site's rates: USD 40.00 per staff hour."
	charts := Kinds(english(), "home-kinds", "home-sides", rows,
		[]string{"Money (USD)", "Money (CAD)", "Staff time (hours)", "Marketing (estimated value, USD)", "Other (items)"}, note)
	// A chart per unit, in the order the units come in: never two units,
	// or two scales, in one chart.
	want := []struct {
		id, title, desc string
		note            bool
	}{
		{"home-kinds-usd", "What each side put in, in USD", "Money (USD): Library 1,000.30, Partner 0.10. Marketing (estimated value, USD): Library 600, Partner 0 (Not included, for want of a value: 2 library resources and 1 partner resource).", true},
		{"home-kinds-cad", "What each side put in, in CAD", "Money (CAD): Library 0, Partner 1,200.", false},
		{"home-kinds-hours", "What each side put in, in hours", "Staff time (hours): Library 12.25, Partner 20.5.", false},
		{"home-kinds-items", "What each side put in, in items", "Other (items): Library 0, Partner 1.", false},
	}
	if len(charts) != len(want) {
		t.Fatalf("%d charts, want %d", len(charts), len(want))
	}
	for i, w := range want {
		html := string(charts[i])
		root := checkAccessible(t, charts[i], w.id)
		if !strings.Contains(html, `data-table="home-sides"`) {
			t.Errorf("%s: the figure does not name its table: %s", w.id, html[:80])
		}
		if got := root.one(t, "figcaption").text; got != w.title {
			t.Errorf("%s: caption %q, want %q", w.id, got, w.title)
		}
		if desc := root.one(t, "desc").text; !strings.Contains(desc, w.desc) {
			t.Errorf("%s: desc = %q\nwant it to contain %q", w.id, desc, w.desc)
		}
		if got := strings.Contains(html, esc(note)); got != w.note {
			t.Errorf("%s: has the note on estimates: %v, want %v", w.id, got, w.note)
		}
	}
	// The zero of "Other (items)" is written, not drawn; its 1 is drawn
	// to a scale of 1, not stretched across the chart as if it were large.
	root := parse(t, charts[3])
	bars := 0
	for _, r := range root.all("rect") {
		if r.attr["class"] == "chart-bar" {
			bars++
		}
	}
	if bars != 1 {
		t.Errorf("Other (items): %d bars for Library 0 and Partner 1, want 1", bars)
	}
}

func TestAsksAndPartnerships(t *testing.T) {
	root := checkAccessible(t, Asks(english(), "asks", "", ledger.AskCounts{Delivered: 12, InProgress: 3, Declined: 2}), "asks")
	if desc, want := root.one(t, "desc").text, "Delivered: 12. In progress: 3. Planned: 0. Declined: 2."; !strings.Contains(desc, want) {
		t.Errorf("desc = %q, want %q in it", desc, want)
	}
	root = checkAccessible(t, Partnerships(english(), "parts", ledger.StatusCounts{}), "parts")
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
	root := checkAccessible(t, Years(english(), "years", "", reports, "USD", ""), "years")
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
