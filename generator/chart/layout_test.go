package chart

import (
	"fmt"
	"html/template"
	"math"
	"math/rand/v2"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/ledger"
)

// A box is a rectangle in viewBox units.
type box struct {
	left, top, right, bottom float64
	what                     string
}

func (a box) overlaps(b box) bool {
	const eps = 0.01
	return a.left < b.right-eps && b.left < a.right-eps && a.top < b.bottom-eps && b.top < a.bottom-eps
}

func (a box) String() string {
	return fmt.Sprintf("%s [%.1f,%.1f]×[%.1f,%.1f]", a.what, a.left, a.right, a.top, a.bottom)
}

func attrNum(t *testing.T, n *node, name string, def float64) float64 {
	t.Helper()
	s, ok := n.attr[name]
	if !ok {
		return def
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", n.name, name, s, err)
	}
	return f
}

// layout reads the boxes of a chart's SVG, from its attributes alone:
// each line of text from its x, its baseline y, its anchor, its font size
// and textWidth (an upper bound of every character's advance: the browser
// tests hold the browser to it); bars, lines and ticks with half their
// stroke around them. It also returns the viewBox's size.
func layout(t *testing.T, svg *node) (texts, marks []box, w, h float64) {
	t.Helper()
	vb := strings.Fields(svg.attr["viewBox"])
	w, _ = strconv.ParseFloat(vb[2], 64)
	h, _ = strconv.ParseFloat(vb[3], 64)
	rootSize := attrNum(t, svg, "font-size", 16)
	for _, e := range svg.all("text") {
		size := attrNum(t, e, "font-size", rootSize)
		if size < 12 {
			t.Errorf("text %q has font size %v: under 12 px at 320 px", e.text, size)
		}
		type ln struct {
			x, y float64
			s    string
		}
		var lines []ln
		for _, c := range e.children {
			if c.name == "tspan" && c.attr["y"] != "" {
				lines = append(lines, ln{attrNum(t, c, "x", 0), attrNum(t, c, "y", 0), c.text})
			}
		}
		if len(lines) == 0 {
			lines = []ln{{attrNum(t, e, "x", 0), attrNum(t, e, "y", 0), e.text}}
		}
		for _, l := range lines {
			tw := textWidth(l.s, size)
			left := l.x
			switch e.attr["text-anchor"] {
			case "middle":
				left -= tw / 2
			case "end":
				left -= tw
			}
			texts = append(texts, box{left, l.y - ascent*size, left + tw, l.y + descent*size, e.attr["class"] + " " + strconv.Quote(l.s)})
		}
	}
	for _, e := range svg.all("rect") {
		if e.attr["class"] != "chart-bar" {
			continue
		}
		sw := attrNum(t, e, "stroke-width", 0) / 2
		x, y := attrNum(t, e, "x", 0), attrNum(t, e, "y", 0)
		marks = append(marks, box{x - sw, y - sw, x + attrNum(t, e, "width", 0) + sw, y + attrNum(t, e, "height", 0) + sw, "bar"})
	}
	for _, e := range svg.all("line") {
		sw := attrNum(t, e, "stroke-width", 1) / 2
		x1, y1, x2, y2 := attrNum(t, e, "x1", 0), attrNum(t, e, "y1", 0), attrNum(t, e, "x2", 0), attrNum(t, e, "y2", 0)
		marks = append(marks, box{min(x1, x2) - sw, min(y1, y2) - sw, max(x1, x2) + sw, max(y1, y2) + sw, e.attr["class"]})
	}
	return texts, marks, w, h
}

// checkLayout fails when a label of the chart overlaps another label, a
// bar, a grid line, the axis or a tick, or sticks out of the chart.
func checkLayout(t *testing.T, html template.HTML, what string) {
	t.Helper()
	svg := parse(t, html).one(t, "svg")
	texts, marks, w, h := layout(t, svg)
	var problems []string
	for i, a := range texts {
		if a.left < -0.01 || a.right > w+0.01 || a.top < -0.01 || a.bottom > h+0.01 {
			problems = append(problems, fmt.Sprintf("%v sticks out of the chart (%v × %v)", a, w, h))
		}
		for _, b := range texts[i+1:] {
			if a.overlaps(b) {
				problems = append(problems, fmt.Sprintf("%v overlaps %v", a, b))
			}
		}
		for _, b := range marks {
			if a.overlaps(b) {
				problems = append(problems, fmt.Sprintf("%v overlaps %v", a, b))
			}
		}
	}
	if len(problems) > 0 {
		t.Errorf("%s:\n  %s\n%s", what, strings.Join(problems, "\n  "), html)
	}
}

// randomChart makes a chart of the kinds the site draws, and of worse:
// long labels, long words, wide letters, big numbers, fractions, zeros,
// no group, one, many.
func randomChart(r *rand.Rand, i int) Chart {
	word := func() string {
		letters := []rune("abcdefghijklmnopqrstuvwxyzWMmw0123456789()-,éñ")
		n := 1 + r.IntN(12)
		if r.IntN(20) == 0 {
			n = 30 + r.IntN(40) // a word longer than a line
		}
		var b strings.Builder
		for range n {
			b.WriteRune(letters[r.IntN(len(letters))])
		}
		if r.IntN(15) == 0 {
			b.WriteString([]string{"é", "中文", "ñ"}[r.IntN(3)])
		}
		return b.String()
	}
	text := func(maxWords int) string {
		words := make([]string, 1+r.IntN(maxWords))
		for i := range words {
			words[i] = word()
		}
		return strings.Join(words, " ")
	}
	val := func() float64 {
		switch r.IntN(8) {
		case 0:
			return 0
		case 1:
			return float64(r.IntN(10))
		case 2:
			return math.Round(r.Float64()*1e13*100) / 100 // trillions, with cents
		case 3:
			return math.Round(r.Float64()*100) / 100
		case 4:
			return float64(r.IntN(1000000))
		}
		return float64(r.IntN(100000)) + float64(r.IntN(4))/4
	}
	c := Chart{ID: fmt.Sprintf("c%d", i), Title: "Random", Unit: []string{"", "USD", "hours", "room-hours"}[r.IntN(4)]}
	switch r.IntN(4) {
	case 0:
		c.Series = []string{"Library", "Partner"}
	case 1:
		c.Series = []string{text(3), text(2), text(1)}
	}
	groups := r.IntN(8)
	switch r.IntN(6) {
	case 0:
		groups = 1
	case 1:
		groups = 20 + r.IntN(30)
	}
	statuses := append(append([]string{}, content.AskStatuses...), content.Statuses...)
	for range groups {
		g := Group{Label: text(1 + r.IntN(8))}
		if len(c.Series) <= 1 && r.IntN(2) == 0 {
			g.Status = statuses[r.IntN(len(statuses))]
			g.Label = content.LabelOf(g.Status).Text
		}
		for range max(1, len(c.Series)) {
			g.Values = append(g.Values, val())
		}
		c.Groups = append(c.Groups, g)
	}
	if r.IntN(10) == 0 { // all zero
		for _, g := range c.Groups {
			clear(g.Values)
		}
	}
	return c
}

// TestLabelsNeverCollide lays out thousands of charts and holds every
// label clear of every other label, of the bars, of the grid lines and
// the axis, and inside the chart; no text under 12 px on a 320 px screen.
func TestLabelsNeverCollide(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 2026))
	n := 2000
	if testing.Short() {
		n = 300
	}
	for i := range n {
		c := randomChart(r, i)
		checkLayout(t, Bars(c), fmt.Sprintf("chart %d (%d groups, %d series, unit %q)", i, len(c.Groups), len(c.Series), c.Unit))
		if t.Failed() {
			return // one chart's report is enough to read
		}
	}
}

// TestOneScale: in every chart every bar is to one scale, and no bar is
// drawn for a value of 0 (nor below): its 0 is written instead.
func TestOneScale(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 320))
	for i := range 500 {
		c := randomChart(r, i)
		root := parse(t, Bars(c))
		var bars []*node
		for _, e := range root.all("rect") {
			if e.attr["class"] == "chart-bar" {
				bars = append(bars, e)
			}
		}
		var values []float64
		for _, g := range c.Groups {
			for s := range max(1, len(c.Series)) {
				if v := value(g, s); v > 0 {
					values = append(values, v)
				}
			}
		}
		if len(bars) != len(values) {
			t.Fatalf("chart %d: %d bars for %d values above 0", i, len(bars), len(values))
		}
		if len(bars) == 0 {
			continue
		}
		big := 0 // the largest bar, whose width per unit of value every other bar must have
		for j := range values {
			if values[j] > values[big] {
				big = j
			}
		}
		perUnit := attrNum(t, bars[big], "width", 0) / values[big]
		for j, b := range bars {
			w := attrNum(t, b, "width", 0)
			if want := values[j] * perUnit; w > sliver+0.05 && math.Abs(w-want) > 0.1 {
				t.Fatalf("chart %d: bar %d is %v wide for %v; to the scale of the others it would be %v", i, j, w, values[j], want)
			}
		}
		if texts := strings.Count(string(Bars(c)), `class="chart-value"`); texts != len(c.Groups)*max(1, len(c.Series)) {
			t.Fatalf("chart %d: %d values written for %d bars", i, texts, len(c.Groups)*max(1, len(c.Series)))
		}
	}
}

// TestStatusLooks: a status chart draws each status in the colours of its
// label in the theme's stylesheet, with the label's symbol, and a pattern
// of its own, so that colour is never the only cue.
func TestStatusLooks(t *testing.T) {
	css, err := os.ReadFile("../../themes/default/static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`(--[a-z-]+):\s*(#[0-9a-f]{6})`).FindAllStringSubmatch(string(css), -1) {
		vars[m[1]] = m[2]
	}
	// The stylesheet's rule for each status's label.
	family := map[string]string{}
	for _, m := range regexp.MustCompile(`((?:\.status-[a-z_]+,?\s*)+)\{\s*color:\s*var\((--[a-z]+)-text\)`).FindAllStringSubmatch(string(css), -1) {
		for _, k := range regexp.MustCompile(`\.status-([a-z_]+)`).FindAllStringSubmatch(m[1], -1) {
			family[k[1]] = m[2]
		}
	}
	for _, s := range append(append([]string{}, content.AskStatuses...), content.Statuses...) {
		l, ok := statusLooks[s]
		if !ok {
			t.Errorf("status %q has no look", s)
			continue
		}
		fam := family[s]
		if fam == "" {
			fam = "--info" // the .status rule's own colours
		}
		if l.color != vars[fam+"-text"] {
			t.Errorf("%s: bar colour %s, the label's is %s (%s-text)", s, l.color, vars[fam+"-text"], fam)
		}
		if l.ground != "" && l.ground != vars[fam+"-bg"] {
			t.Errorf("%s: bar ground %s, the label's is %s (%s-bg)", s, l.ground, vars[fam+"-bg"], fam)
		}
	}
	// Statuses of one enumeration look different from each other
	// (delivered and active may share a look: they never share a chart).
	for _, set := range [][]string{content.AskStatuses, content.Statuses} {
		seen := map[string]string{}
		for _, s := range set {
			l := statusLooks[s]
			k := fmt.Sprintf("%s %v %v", l.pattern, l.rotate, l.dashed)
			if other, ok := seen[k]; ok {
				t.Errorf("%s and %s have the same pattern: only colour tells them apart", s, other)
			}
			seen[k] = s
		}
	}
	// The chart: each status's symbol before its label, in its colour.
	root := parse(t, Asks(english(), "asks", "", ledger.AskCounts{Delivered: 3, InProgress: 2, Planned: 1, Declined: 1}))
	icons := root.all("tspan")
	if len(icons) != len(content.AskStatuses) {
		t.Fatalf("%d symbols for %d statuses", len(icons), len(content.AskStatuses))
	}
	for i, s := range content.AskStatuses {
		if icons[i].text != content.LabelOf(s).Icon || icons[i].attr["fill"] != statusLooks[s].color {
			t.Errorf("%s: symbol %q in %s, want %q in %s", s, icons[i].text, icons[i].attr["fill"], content.LabelOf(s).Icon, statusLooks[s].color)
		}
	}
}

func TestWrap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for range 2000 {
		c := randomChart(r, 0)
		if len(c.Groups) == 0 {
			continue
		}
		s := c.Groups[0].Label
		w := 20 + r.Float64()*300
		lines := wrap(s, fontSize, w)
		for _, l := range lines {
			if textWidth(l, fontSize) > w && len([]rune(l)) > 1 {
				t.Fatalf("wrap(%q, %v): line %q is %v wide", s, w, l, textWidth(l, fontSize))
			}
		}
		if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != strings.ReplaceAll(s, " ", "") {
			t.Fatalf("wrap(%q) lost text: %q", s, lines)
		}
	}
}
