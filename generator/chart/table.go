package chart

import (
	"strings"
)

// describe is the text alternative: every value in words.
func (c *Chart) describe() string {
	var b strings.Builder
	if c.Summary != "" {
		b.WriteString(strings.TrimSpace(c.Summary))
		if !strings.HasSuffix(b.String(), ".") {
			b.WriteByte('.')
		}
		b.WriteByte(' ')
	}
	if c.Unit != "" {
		b.WriteString(c.Lang.T("chart.describe_unit", "title", c.Title, "unit", c.Unit))
	} else {
		b.WriteString(c.Lang.T("chart.describe", "title", c.Title))
	}
	if len(c.Groups) == 0 {
		b.WriteString(" " + c.Lang.T("chart.no_data"))
		return b.String()
	}
	zero := true
	for _, g := range c.Groups {
		b.WriteString(" " + g.Label + ": ")
		for s, name := range c.Series {
			if s > 0 {
				b.WriteString(", ")
			}
			if len(c.Series) > 1 {
				b.WriteString(name + " ")
			}
			v := value(g, s)
			zero = zero && v == 0
			b.WriteString(c.Format(v, c.Unit))
		}
		if g.Note != "" {
			b.WriteString(" (" + strings.TrimSuffix(g.Note, ".") + ")")
		}
		b.WriteString(".")
	}
	if zero {
		b.WriteString(" " + c.Lang.T("chart.all_zero"))
	}
	return b.String()
}

// table writes the data table fallback.
func (c *Chart) table(b *strings.Builder) {
	notes := false
	for _, g := range c.Groups {
		notes = notes || g.Note != ""
	}
	b.WriteString(`<details class="chart-data"><summary>` + esc(c.Lang.T("chart.data_table")) + "</summary>\n<table><caption>" + esc(c.Title) + "</caption>\n")
	b.WriteString(`<thead><tr><th scope="col">` + esc(c.Category) + "</th>")
	heads := make([]string, len(c.Series))
	for s, name := range c.Series {
		if name == "" {
			name = c.Lang.T("chart.value")
		}
		if c.Unit != "" {
			name = c.Lang.T("chart.series_unit", "series", name, "unit", c.Unit)
		}
		heads[s] = esc(name)
		b.WriteString(`<th scope="col">` + heads[s] + "</th>")
	}
	if notes {
		b.WriteString(`<th scope="col">` + esc(c.Lang.T("chart.note")) + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, g := range c.Groups {
		b.WriteString(`<tr><th scope="row">` + esc(g.Label) + "</th>")
		for s := range c.Series {
			b.WriteString(`<td class="num" data-label="` + heads[s] + `">` + esc(c.Format(value(g, s), c.Unit)) + "</td>")
		}
		if notes {
			b.WriteString(`<td data-label="Note">` + esc(g.Note) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody></table></details>\n")
}
