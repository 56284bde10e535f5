package chart

import (
	"html/template"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/i18n"
	"github.com/alongside-dev/alongside/generator/ledger"
)

// sides are the series of the charts that compare the two sides.
func sides(c *i18n.Catalog) []string { return []string{c.Label("library"), c.Label("partner")} }

// Kinds draws what each side put in from Totals.Figures: exactly the rows
// of the table it is shown beside (whose id is table), a chart per unit,
// so that every bar of a chart is to the scale of the others: the site
// currency (money in it, the estimated value of each kind that has one,
// of all in-kind support, and the total value), each other currency,
// hours, room-hours, and items (kinds counted for want of a value).
// Each chart's id is id, "-" and its unit ("home-kinds-usd"). note,
// shown under the charts that hold an estimate, should state how
// estimates are made. c is the language of the charts' words and
// numbers; labels are the rows' labels, as their table shows them.
func Kinds(c *i18n.Catalog, id, table string, rows []ledger.Figure, labels []string, note string) []template.HTML {
	var units []string
	byUnit := map[string][]int{}
	for i, r := range rows {
		if _, ok := byUnit[r.Unit]; !ok {
			units = append(units, r.Unit)
		}
		byUnit[r.Unit] = append(byUnit[r.Unit], i)
	}
	var out []template.HTML
	for _, u := range units {
		ch := Chart{
			ID:       id + "-" + strings.ToLower(u),
			Table:    table,
			Title:    c.T("chart.kinds_title_in", "unit", u),
			Summary:  c.T("chart.kinds_summary_in", "unit", u),
			Category: c.T("chart.kind"),
			Series:   sides(c),
			Unit:     u,
			Lang:     c,
		}
		for _, i := range byUnit[u] {
			r := rows[i]
			g := Group{Label: labels[i], Values: []float64{r.Library, r.Partner}}
			g.Note = leftOut(c, r.LibraryLeftOut, r.PartnerLeftOut)
			ch.Groups = append(ch.Groups, g)
			if r.Estimated {
				ch.Note = note
			}
		}
		out = append(out, Bars(ch))
	}
	return out
}

// leftOut notes the resources a figure leaves out for want of a value.
func leftOut(c *i18n.Catalog, library, partner int) string {
	var parts []string
	if library > 0 {
		parts = append(parts, c.N("count.library_resources", float64(library)))
	}
	if partner > 0 {
		parts = append(parts, c.N("count.partner_resources", float64(partner)))
	}
	if len(parts) == 0 {
		return ""
	}
	return c.T("chart.left_out", "list", c.List(parts))
}

// Asks draws the partners' asks by status, beside the table whose id is
// table, each bar as pages show the status's label.
func Asks(c *i18n.Catalog, id, table string, asks ledger.AskCounts) template.HTML {
	ch := Chart{ID: id, Table: table, Title: c.T("chart.asks_title"), Category: c.T("chart.status"), Series: []string{c.T("chart.asks")}, Lang: c}
	for _, s := range content.AskStatuses {
		ch.Groups = append(ch.Groups, Group{Label: c.Label(s), Status: s, Values: []float64{float64(asks.Get(s))}})
	}
	return Bars(ch)
}

// Partnerships draws the partnerships by status, each bar as pages show
// the status's label.
func Partnerships(c *i18n.Catalog, id string, counts ledger.StatusCounts) template.HTML {
	ch := Chart{ID: id, Title: c.T("chart.partnerships_title"), Category: c.T("chart.status"), Series: []string{c.T("chart.partnerships")}, Lang: c}
	for _, s := range content.Statuses {
		ch.Groups = append(ch.Groups, Group{Label: c.Label(s), Status: s, Values: []float64{float64(counts.Get(s))}})
	}
	return Bars(ch)
}

// Years draws the total value each side put in per fiscal year, oldest
// first, in the site currency (Side.TotalValue: money in it, the stated
// value of other money and estimated in-kind support), beside the table
// whose id is table. reports are as ledger.Reports returns them.
func Years(c *i18n.Catalog, id, table string, reports []ledger.Report, currency, note string) template.HTML {
	ch := Chart{
		ID:       id,
		Table:    table,
		Title:    c.T("chart.years_title"),
		Summary:  c.T("chart.years_summary", "currency", currency),
		Note:     note,
		Category: c.T("chart.fiscal_year"),
		Series:   sides(c),
		Unit:     currency,
		Lang:     c,
	}
	for _, r := range slices.Backward(reports) {
		t := r.Totals
		g := Group{Label: r.Year.Name, Values: []float64{t.Library.TotalValue, t.Partner.TotalValue}}
		g.Note = leftOut(c, t.Library.Unvalued(), t.Partner.Unvalued())
		ch.Groups = append(ch.Groups, g)
	}
	return Bars(ch)
}
