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
	b.WriteString("Bar chart: ")
	b.WriteString(c.Title)
	if c.Unit != "" {
		b.WriteString(", in " + c.Unit)
	}
	b.WriteString(".")
	if len(c.Groups) == 0 {
		b.WriteString(" No data to show.")
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
		b.WriteString(" All values are 0.")
	}
	return b.String()
}

// table writes the data table fallback.
func (c *Chart) table(b *strings.Builder) {
	notes := false
	for _, g := range c.Groups {
		notes = notes || g.Note != ""
	}
	b.WriteString(`<details class="chart-data"><summary>Data table</summary>` + "\n<table><caption>" + esc(c.Title) + "</caption>\n")
	b.WriteString(`<thead><tr><th scope="col">` + esc(c.Category) + "</th>")
	heads := make([]string, len(c.Series))
	for s, name := range c.Series {
		if name == "" {
			name = "Value"
		}
		if c.Unit != "" {
			name += " (" + c.Unit + ")"
		}
		heads[s] = esc(name)
		b.WriteString(`<th scope="col">` + heads[s] + "</th>")
	}
	if notes {
		b.WriteString(`<th scope="col">Note</th>`)
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
