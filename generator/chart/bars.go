package chart

import (
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/i18n"
)

// A Chart is a bar chart: a group of bars per category, a bar per
// series, every bar to one scale, in one unit.
type Chart struct {
	ID       string   // prefix of every id; unique on the page ("home-kinds-usd")
	Table    string   // optional: the id of the page's table whose numbers the chart shows
	Title    string   // figcaption, <title> and table caption
	Summary  string   // optional: the first sentence of the text alternative
	Note     string   // optional: shown under the chart (how estimates are made)
	Category string   // heading of the table's first column ("Kind"); default "Category"
	Series   []string // a name per series ("Library", "Partner"); one for plain bars
	Unit     string   // the unit of every value ("USD", "hours"); "" for counts
	Groups   []Group
	// Format writes a value for labels and the table; nil is Lang's
	// numbers (see Number).
	Format func(v float64, unit string) string
	// Lang is the language of the chart's own words (its text
	// alternative, its table's headings) and numbers; nil is English.
	Lang *i18n.Catalog
}

// A Group is one category: a label and a value per series.
type Group struct {
	Label  string
	Values []float64 // one per series; missing ones are 0
	Note   string    // optional, in the text alternative and the table
	// Status, a value of content.Statuses or content.AskStatuses, draws
	// the group's bars as pages show that status's label: its colour,
	// its pattern, and its symbol before the label.
	Status string
}

// Geometry, in viewBox units. The viewBox is as wide as a 320 px screen
// less the page's margins, so that there the SVG is drawn at its own
// size and no text is smaller than tickSize CSS px; the theme lets it
// grow a little on wider screens, never shrink (style.css, .chart-svg).
const (
	width      = 288.0
	fontSize   = 14.0 // labels and values
	tickSize   = 13.0 // the scale's numbers
	lineHeight = 19.0 // a line of wrapped text: more than (ascent+descent)×fontSize
	rowHeight  = 24.0 // a bar with its label beside it
	barHeight  = 14.0
	gap        = 6.0 // between a label, its bar and its value
	groupGap   = 10.0
	tickLength = 4.0
	sliver     = 2.0 // the least width of a bar above 0, so that it is not read as 0
	textColor  = "#1a1a1a"
	gridColor  = "#949494" // 3:1 against white
)

// Bars draws c as a <figure>; see the package documentation.
func Bars(c Chart) template.HTML {
	c.ID = cleanID(c.ID)
	if c.Lang == nil {
		c.Lang = english()
	}
	if c.Format == nil {
		c.Format = Number(c.Lang)
	}
	if len(c.Series) == 0 {
		c.Series = []string{""}
	}
	if c.Category == "" {
		c.Category = c.Lang.T("chart.category")
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

// value is series s of group g: 0 when missing or not a finite number.
func value(g Group, s int) float64 {
	if s >= len(g.Values) || math.IsNaN(g.Values[s]) || math.IsInf(g.Values[s], 0) {
		return 0
	}
	return g.Values[s]
}

// barLabel is the label of series s of group g, and its symbol: the
// series' name in a grouped chart, else the group's label.
func (c *Chart) barLabel(g Group, s int) (text, icon string) {
	if len(c.Series) > 1 {
		return c.Series[s], ""
	}
	return g.Label, content.LabelOf(g.Status).Icon
}

// A tick is a number of the scale under the bars.
type tick struct {
	x      float64
	label  string
	anchor string // of its label
}

// axis returns the scale's maximum and its ticks for values up to top
// drawn from x0 to x1. The maximum is the least round number at or above
// top with at most five round steps below it; the ticks are at 0 and at
// the multiples of the finest round step that leaves room between their
// labels, each centred under its tick and kept inside the chart.
func (c *Chart) axis(top float64, whole bool, x0, x1 float64) (float64, []tick) {
	axisMax, step := scale(top, whole, 5)
	for _, every := range roundSteps(step, axisMax, whole) {
		var ticks []tick
		fits, right := true, math.Inf(-1)
		for i := 0; ; i++ {
			v := tidy(float64(i) * every)
			if v > axisMax*(1+1e-9) {
				break
			}
			t := tick{x: x0 + (x1-x0)*v/axisMax, label: c.Format(v, c.Unit), anchor: "middle"}
			w := textWidth(t.label, tickSize)
			left := t.x - w/2
			switch { // (coordinates are written to a tenth)
			case left < 0.1:
				t.anchor, left = "start", t.x
			case t.x+w/2 > width-0.1:
				t.anchor, left = "end", t.x-w
			}
			fits = fits && left >= right+tickSize/2
			right = left + w
			ticks = append(ticks, t)
		}
		if fits {
			return axisMax, ticks
		}
	}
	return axisMax, nil // not even 0 and one step fit: the bars' own labels say it all
}

// roundSteps lists, smallest first, the round numbers (1, 2, 2.5 or 5
// times a power of ten) from step to top; whole ones only when whole.
func roundSteps(step, top float64, whole bool) []float64 {
	var out []float64
	for mag := math.Pow(10, math.Floor(math.Log10(step))); mag <= top; mag *= 10 {
		for _, m := range []float64{1, 2, 2.5, 5} {
			s := tidy(m * mag)
			if s >= step*(1-1e-9) && s <= top*(1+1e-9) && (!whole || s == math.Trunc(s)) {
				out = append(out, s)
			}
		}
	}
	return out
}

func (c *Chart) svg(b *strings.Builder) {
	multi := len(c.Series) > 1
	top, whole := 0.0, true
	valueW, labelW := 0.0, 0.0
	for _, g := range c.Groups {
		for s := range c.Series {
			v := value(g, s)
			top = max(top, v)
			whole = whole && v == math.Trunc(v)
			valueW = max(valueW, textWidth(c.Format(v, c.Unit), fontSize))
			text, icon := c.barLabel(g, s)
			labelW = max(labelW, textWidth(strings.TrimSpace(icon+" "+text), fontSize))
		}
	}

	// Each bar's label goes on its left when every label fits in a
	// column of 40 % of the width and leaves the bars room; else above
	// its bar, across the width. Values are right-aligned, beyond the
	// bars beside them, or at the end of the line above them.
	x0, x1 := math.Ceil(labelW+gap), math.Floor(width-valueW-gap)
	beside := labelW <= 0.4*width && x1-x0 >= 0.3*width
	if !beside {
		x0, x1 = 1, width
	}
	axisMax := 1.0
	var ticks []tick
	if top > 0 {
		axisMax, ticks = c.axis(top, whole, x0, x1)
	}

	var body strings.Builder
	y := 2.0
	grid := func(top, bottom float64) { // the scale's lines beside a block of bars, under them
		for _, t := range ticks[min(1, len(ticks)):] {
			body.WriteString(line("chart-grid", t.x, top, t.x, bottom, gridColor, 1))
		}
	}
	base := func(top, bottom float64) { // the 0 line, over the bars
		body.WriteString(line("chart-base", x0, top, x0, bottom, textColor, 1.5))
	}
	if len(c.Groups) == 0 {
		writeText(&body, "chart-label", 0, []float64{y + baseline(lineHeight)}, []string{c.Lang.T("chart.no_data")}, "start", fontSize, false, "", "")
		y += lineHeight
	}
	for _, g := range c.Groups {
		if multi {
			lines := wrap(g.Label, fontSize, width)
			writeText(&body, "chart-group", 0, baselines(y, len(lines)), lines, "start", fontSize, true, "", "")
			y += float64(len(lines))*lineHeight + 2
		}
		block := y
		if beside {
			grid(y, y+rowHeight*float64(len(c.Series)))
		}
		for s := range c.Series {
			v := value(g, s)
			text, icon := c.barLabel(g, s)
			l := lookOf(g, s)
			val := c.Format(v, c.Unit)
			var mid float64 // of the bar
			if beside {
				mid = y + rowHeight/2
				writeText(&body, "chart-label", x0-gap, []float64{mid + centre(fontSize)}, []string{strings.TrimSpace(icon + " " + text)}, "end", fontSize, false, icon, l.color)
				writeText(&body, "chart-value", width, []float64{mid + centre(fontSize)}, []string{val}, "end", fontSize, false, "", "")
				y += rowHeight
			} else {
				room := width - textWidth(val, fontSize) - gap
				own := room < 4*fontSize // too little room beside the value: the value gets a line of its own
				if own {
					room = width
				}
				lines := wrap(strings.TrimSpace(icon+" "+text), fontSize, room)
				writeText(&body, "chart-label", 0, baselines(y, len(lines)), lines, "start", fontSize, false, icon, l.color)
				valueY := y + baseline(lineHeight)
				if own {
					valueY += float64(len(lines)) * lineHeight
					y += lineHeight
				}
				writeText(&body, "chart-value", width, []float64{valueY}, []string{val}, "end", fontSize, false, "", "")
				y += float64(len(lines))*lineHeight + 3
				mid = y + barHeight/2
				grid(y, y+barHeight)
				y += barHeight + 8
			}
			if v > 0 {
				w := max((x1-x0)*v/axisMax, sliver)
				body.WriteString(`<rect class="chart-bar" x="` + num(x0) + `" y="` + num(mid-barHeight/2) + `" width="` + num(w) + `" height="` + num(barHeight) + `"` + fill(c.ID, l) + "/>")
			}
			if !beside {
				base(mid-barHeight/2, mid+barHeight/2)
			}
			body.WriteString("\n")
		}
		if beside {
			base(block, y)
		}
		if multi {
			y += groupGap
		}
	}
	if len(ticks) > 0 {
		axisY := y + 2
		body.WriteString(line("chart-axis", x0, axisY, x1, axisY, gridColor, 1))
		bl := axisY + tickLength + 2 + ascent*tickSize
		for _, t := range ticks {
			body.WriteString(line("chart-tick", t.x, axisY, t.x, axisY+tickLength, gridColor, 1))
			writeText(&body, "chart-tick", t.x, []float64{bl}, []string{t.label}, t.anchor, tickSize, false, "", "")
		}
		body.WriteString("\n")
		y = bl + descent*tickSize
	}
	height := math.Ceil(y + 2)

	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="img" viewBox="0 0 ` + num(width) + ` ` + num(height) +
		`" width="` + num(width) + `" height="` + num(height) + `" font-size="` + num(fontSize) + `" aria-labelledby="` + c.ID + `-title ` + c.ID + `-desc">`)
	b.WriteString(`<title id="` + c.ID + `-title">` + esc(c.Title) + "</title>")
	b.WriteString(`<desc id="` + c.ID + `-desc">` + esc(c.describe()) + "</desc>\n")
	b.WriteString("<defs>")
	seen := map[string]bool{}
	for _, g := range c.Groups {
		for s := range c.Series {
			if l := lookOf(g, s); !seen[l.key] {
				seen[l.key] = true
				writePattern(b, c.ID, l)
			}
		}
	}
	b.WriteString("</defs>\n")
	b.WriteString(`<rect width="100%" height="100%" fill="#fff"/>` + "\n")
	b.WriteString(body.String())
	b.WriteString("</svg>\n")
}

// baseline is where text sits in a line of height h: its ascent and
// descent centred in it.
func baseline(h float64) float64 { return h/2 + centre(fontSize) }

// centre is how far below the middle of its line the baseline of text of
// size sits.
func centre(size float64) float64 { return (ascent - descent) / 2 * size }

// baselines are those of n lines of wrapped text from y down.
func baselines(y float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = y + float64(i)*lineHeight + baseline(lineHeight)
	}
	return out
}

// line is a <line>.
func line(class string, x1, y1, x2, y2 float64, color string, w float64) string {
	return `<line class="` + class + `" x1="` + num(x1) + `" y1="` + num(y1) + `" x2="` + num(x2) + `" y2="` + num(y2) + `" stroke="` + color + `" stroke-width="` + num(w) + `"/>`
}

// writeText writes a <text> of one or more lines, the i-th with its
// baseline at ys[i]. A symbol that starts the first line (icon) is drawn
// in iconColor.
func writeText(b *strings.Builder, class string, x float64, ys []float64, lines []string, anchor string, size float64, bold bool, icon, iconColor string) {
	b.WriteString(`<text class="` + class + `" x="` + num(x) + `" y="` + num(ys[0]) + `"`)
	if anchor != "start" {
		b.WriteString(` text-anchor="` + anchor + `"`)
	}
	if size != fontSize {
		b.WriteString(` font-size="` + strconv.FormatFloat(size, 'f', -1, 64) + `"`)
	}
	if bold {
		b.WriteString(` font-weight="bold"`)
	}
	b.WriteString(` fill="` + textColor + `">`)
	for i, l := range lines {
		if len(lines) > 1 {
			b.WriteString(`<tspan x="` + num(x) + `" y="` + num(ys[i]) + `">`)
		}
		if rest, ok := strings.CutPrefix(l, icon); i == 0 && icon != "" && ok {
			b.WriteString(`<tspan class="chart-icon" fill="` + iconColor + `">` + esc(icon) + "</tspan>")
			l = rest
		}
		b.WriteString(esc(l))
		if len(lines) > 1 {
			b.WriteString("</tspan>")
		}
	}
	b.WriteString("</text>")
}
