package chart

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/ledger"
)

// sides are the series of the charts that compare the two sides.
var sides = []string{content.LabelOf("library").Text, content.LabelOf("partner").Text}

// Kinds draws what each side put in from Totals.Figures: exactly the rows
// of the table it is shown beside (whose id is table), a chart per unit,
// so that every bar of a chart is to the scale of the others: the site
// currency (money in it, the estimated value of each kind that has one,
// of all in-kind support, and the total value), each other currency,
// hours, room-hours, and items (kinds counted for want of a value).
// Each chart's id is id, "-" and its unit ("home-kinds-usd"). note,
// shown under the charts that hold an estimate, should state how
// estimates are made (ledger.RatesNote).
func Kinds(id, table string, rows []ledger.Figure, note string) []template.HTML {
	var units []string
	byUnit := map[string][]ledger.Figure{}
	for _, r := range rows {
		if _, ok := byUnit[r.Unit]; !ok {
			units = append(units, r.Unit)
		}
		byUnit[r.Unit] = append(byUnit[r.Unit], r)
	}
	var out []template.HTML
	for _, u := range units {
		c := Chart{
			ID:       id + "-" + strings.ToLower(u),
			Table:    table,
			Title:    "What each side put in, in " + u,
			Summary:  "What the library and its partners put in, in " + u + ", every bar to one scale.",
			Category: "Kind",
			Series:   sides,
			Unit:     u,
		}
		for _, r := range byUnit[u] {
			g := Group{Label: r.Label(), Values: []float64{r.Library, r.Partner}}
			g.Note = leftOut(r.LibraryLeftOut, r.PartnerLeftOut)
			c.Groups = append(c.Groups, g)
			if r.Estimated {
				c.Note = note
			}
		}
		out = append(out, Bars(c))
	}
	return out
}

// leftOut notes the resources a figure leaves out for want of a value.
func leftOut(library, partner int) string {
	var parts []string
	for i, n := range []int{library, partner} {
		switch {
		case n == 1:
			parts = append(parts, fmt.Sprintf("1 %s resource", []string{"library", "partner"}[i]))
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s resources", n, []string{"library", "partner"}[i]))
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return "Not included, for want of a value: " + parts[0] + "."
	}
	return "Not included, for want of a value: " + parts[0] + " and " + parts[1] + "."
}

// Asks draws the partners' asks by status, beside the table whose id is
// table, each bar as pages show the status's label.
func Asks(id, table string, asks ledger.AskCounts) template.HTML {
	c := Chart{ID: id, Table: table, Title: "What partners asked for, by status", Category: "Status", Series: []string{"Asks"}}
	for _, s := range content.AskStatuses {
		c.Groups = append(c.Groups, Group{Label: content.LabelOf(s).Text, Status: s, Values: []float64{float64(asks.Get(s))}})
	}
	return Bars(c)
}

// Partnerships draws the partnerships by status, each bar as pages show
// the status's label.
func Partnerships(id string, counts ledger.StatusCounts) template.HTML {
	c := Chart{ID: id, Title: "Partnerships by status", Category: "Status", Series: []string{"Partnerships"}}
	for _, s := range content.Statuses {
		c.Groups = append(c.Groups, Group{Label: content.LabelOf(s).Text, Status: s, Values: []float64{float64(counts.Get(s))}})
	}
	return Bars(c)
}

// Years draws the total value each side put in per fiscal year, oldest
// first, in the site currency (Side.TotalValue: money in it, the stated
// value of other money and estimated in-kind support), beside the table
// whose id is table. reports are as ledger.Reports returns them.
func Years(id, table string, reports []ledger.Report, currency, note string) template.HTML {
	c := Chart{
		ID:       id,
		Table:    table,
		Title:    "Total value each side put in, per fiscal year",
		Summary:  "The total value, including estimates, of what each side put in, per fiscal year, in " + currency + ".",
		Note:     note,
		Category: "Fiscal year",
		Series:   sides,
		Unit:     currency,
	}
	for _, r := range slices.Backward(reports) {
		t := r.Totals
		g := Group{Label: r.Year.Name, Values: []float64{t.Library.TotalValue, t.Partner.TotalValue}}
		g.Note = leftOut(t.Library.Unvalued(), t.Partner.Unvalued())
		c.Groups = append(c.Groups, g)
	}
	return Bars(c)
}
