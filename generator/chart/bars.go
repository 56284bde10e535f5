package chart

import (
	"html/template"
	"math"
	"strings"
	"unicode/utf8"
)

// A Chart is a bar chart: a group of bars per category, a bar per series.
type Chart struct {
	ID       string   // prefix of every id; unique on the page ("home-kinds")
	Table    string   // optional: the id of the page's table whose numbers the chart shows
	Title    string   // figcaption, <title> and table caption
	Summary  string   // optional: the first sentence of the text alternative
	Note     string   // optional: shown under the chart (how estimates are made)
	Category string   // heading of the table's first column ("Kind"); default "Category"
	Series   []string // a name per series ("Library", "Partner"); one for plain bars
	Unit     string   // unit of every value ("USD", "hours"); "" for counts
	Groups   []Group
	// Independent draws each group to its own scale, for groups in
	// different units; there is no shared axis then.
	Independent bool
	// Format writes a value for labels and the table; nil is FormatNumber.
	Format func(v float64, unit string) string
}

// A Group is one category: a label and a value per series.
type Group struct {
	Label  string
	Unit   string    // the group's unit, when it differs from Chart.Unit
	Values []float64 // one per series; missing ones are 0
	Note   string    // optional, in the text alternative and the table
}

// Geometry, in viewBox units.
const (
	width     = 480.0
	fontSize  = 15.0
	charWidth = 8.5 // a generous average advance at fontSize
	barHeight = 18.0
	rowHeight = 24.0
	groupGap  = 12.0
	headerH   = 22.0
	legendH   = 30.0
	axisH     = 26.0
	pad       = 8.0
	textColor = "#1a1a1a"
	gridColor = "#949494" // 3:1 against white
)

// Bars draws c as a <figure>; see the package documentation.
func Bars(c Chart) template.HTML {
	c.ID = cleanID(c.ID)
	if c.Format == nil {
		c.Format = FormatNumber
	}
	if len(c.Series) == 0 {
		c.Series = []string{""}
	}
	if c.Category == "" {
		c.Category = "Category"
	}
	var b strings.Builder
	b.WriteString(`<figure class="chart" id="` + c.ID + `"`)
	if c.Table != "" {
		b.WriteString(` data-table="` + cleanID(c.Table) + `"`)
	}
	b.WriteString(">")
	b.WriteString("<figcaption>" + esc(c.Title) + "</figcaption>\n")
	c.svg(&b)
	if c.Note != "" {
		b.WriteString(`<p class="chart-note">` + esc(c.Note) + "</p>\n")
	}
	if len(c.Groups) > 0 {
		c.table(&b)
	}
	b.WriteString("</figure>\n")
	return template.HTML(b.String())
}

// unit is the unit of group g.
func (c *Chart) unit(g Group) string {
	if g.Unit != "" {
		return g.Unit
	}
	return c.Unit
}

// value is series s of group g: 0 when missing or not a finite number.
func value(g Group, s int) float64 {
	if s >= len(g.Values) || math.IsNaN(g.Values[s]) || math.IsInf(g.Values[s], 0) {
		return 0
	}
	return g.Values[s]
}

// label is the text beside group g's rows: its label and, when the
// groups have their own units, the unit.
func (c *Chart) label(g Group) string {
	if u := c.unit(g); c.Independent && u != "" {
		return g.Label + " (" + u + ")"
	}
	return g.Label
}

func (c *Chart) svg(b *strings.Builder) {
	multi := len(c.Series) > 1
	// The label column holds the series names (grouped bars) or the
	// group labels (plain bars); the value column the longest value.
	labelChars, valueChars := 4, 1
	for _, g := range c.Groups {
		if !multi {
			labelChars = max(labelChars, utf8.RuneCountInString(c.label(g)))
		}
		for s := range c.Series {
			valueChars = max(valueChars, utf8.RuneCountInString(c.Format(value(g, s), c.unit(g))))
		}
	}
	if multi {
		for _, name := range c.Series {
			labelChars = max(labelChars, utf8.RuneCountInString(name))
		}
	}
	x0 := pad + min(float64(labelChars)*charWidth, width*0.4) + pad
	x1 := width - pad - float64(valueChars)*charWidth - pad
	span := x1 - x0

	whole := true
	var top float64
	for _, g := range c.Groups {
		for s := range c.Series {
			v := value(g, s)
			top = max(top, v)
			whole = whole && v == math.Trunc(v)
		}
	}
	axisMax, step := scale(top, whole)

	// Lay out each group: a header (grouped bars) and a block of rows.
	y := pad
	if multi {
		y += legendH
	}
	type block struct{ header, top, bottom float64 }
	blocks := make([]block, len(c.Groups))
	for i := range c.Groups {
		if multi {
			blocks[i].header = y
			y += headerH
		}
		blocks[i].top = y
		y += rowHeight * float64(len(c.Series))
		blocks[i].bottom = y
		if multi {
			y += groupGap
		}
	}
	if len(c.Groups) == 0 {
		y += rowHeight
	}
	axisY := y
	if !c.Independent && len(c.Groups) > 0 {
		y += axisH
	}
	height := y + pad

	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="img" viewBox="0 0 ` + num(width) + ` ` + num(height) +
		`" width="100%" preserveAspectRatio="xMinYMin meet" font-size="` + num(fontSize) + `" aria-labelledby="` + c.ID + `-title ` + c.ID + `-desc">`)
	b.WriteString(`<title id="` + c.ID + `-title">` + esc(c.Title) + "</title>")
	b.WriteString(`<desc id="` + c.ID + `-desc">` + esc(c.describe()) + "</desc>\n")
	b.WriteString("<defs>")
	for s := range c.Series {
		writePattern(b, c.ID, s)
	}
	b.WriteString("</defs>\n")
	b.WriteString(`<rect width="100%" height="100%" fill="#fff"/>` + "\n")
	if multi {
		c.legend(b, pad)
	}
	if len(c.Groups) == 0 {
		b.WriteString(text(pad, y-rowHeight/2, "start", "", "No data to show."))
		b.WriteString("</svg>\n")
		return
	}

	// Grid lines beside each block of rows, never across a header, and
	// their labels under the last block.
	if !c.Independent {
		for v := 0.0; v <= axisMax+step/2; v += step {
			x := x0 + span*v/axisMax
			for _, bl := range blocks {
				b.WriteString(vline(x, bl.top, bl.bottom, gridColor, 1))
			}
			label := c.Format(v, c.Unit)
			b.WriteString(text(x, axisY+axisH/2, "middle", "", label))
			if v+step/2 > axisMax || top == 0 {
				if c.Unit != "" { // the unit, after the last tick's label
					b.WriteString(text(x+float64(utf8.RuneCountInString(label))*charWidth/2+pad/2, axisY+axisH/2, "start", "", c.Unit))
				}
				break // all zero: only the 0 line
			}
		}
		b.WriteString("\n")
	}
	for i, g := range c.Groups {
		bl := blocks[i]
		gmax := axisMax
		if c.Independent {
			gmax = 0
			for s := range c.Series {
				gmax = max(gmax, value(g, s))
			}
			if gmax == 0 {
				gmax = 1
			}
		}
		if multi {
			b.WriteString(text(pad, bl.header+headerH/2, "start", ` font-weight="bold"`, c.label(g)))
		}
		for s, name := range c.Series {
			if !multi {
				name = c.label(g)
			}
			v := value(g, s)
			w := span * max(v, 0) / gmax
			if v > 0 {
				w = max(w, 1) // a sliver, so that a small value is not read as 0
			}
			cy := bl.top + rowHeight*(float64(s)+0.5)
			b.WriteString(text(x0-pad, cy, "end", "", name))
			if w > 0 {
				b.WriteString(`<rect x="` + num(x0) + `" y="` + num(cy-barHeight/2) + `" width="` + num(w) + `" height="` + num(barHeight) + `"` + fill(c.ID, s) + "/>")
			}
			// A white halo keeps the value legible across grid lines.
			b.WriteString(text(x0+w+pad/2+1, cy, "start", ` stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"`, c.Format(v, c.unit(g))))
			b.WriteString("\n")
		}
		b.WriteString(vline(x0, bl.top, bl.bottom, textColor, 1.5))
	}
	b.WriteString("</svg>\n")
}

// vline is a vertical line.
func vline(x, y1, y2 float64, color string, w float64) string {
	return `<line x1="` + num(x) + `" y1="` + num(y1) + `" x2="` + num(x) + `" y2="` + num(y2) + `" stroke="` + color + `" stroke-width="` + num(w) + `"/>`
}

func (c *Chart) legend(b *strings.Builder, y float64) {
	x := pad
	for s, name := range c.Series {
		b.WriteString(`<rect x="` + num(x) + `" y="` + num(y+legendH/2-8) + `" width="16" height="16"` + fill(c.ID, s) + "/>")
		b.WriteString(text(x+22, y+legendH/2, "start", "", name))
		x += 22 + float64(utf8.RuneCountInString(name))*charWidth + 24
	}
	b.WriteString("\n")
}

// text is a <text> element centred vertically on y.
func text(x, y float64, anchor, attrs, s string) string {
	return `<text x="` + num(x) + `" y="` + num(y) + `" dy=".35em" text-anchor="` + anchor + `" fill="` + textColor + `"` + attrs + ">" + esc(s) + "</text>"
}
