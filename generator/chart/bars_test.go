package chart

import (
	"encoding/xml"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
)

// node is an element of a parsed chart.
type node struct {
	name     string
	attr     map[string]string
	text     string // all text inside, concatenated
	children []*node
	parent   *node
}

// parse reads html as XML, failing the test when it is not well-formed.
func parse(t *testing.T, html template.HTML) *node {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(string(html)))
	d.Strict = true
	root := &node{name: "#root"}
	cur := root
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, html)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attr: map[string]string{}, parent: cur}
			for _, a := range tok.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			cur.children = append(cur.children, n)
			cur = n
		case xml.EndElement:
			cur = cur.parent
		case xml.CharData:
			for n := cur; n != nil; n = n.parent {
				n.text += string(tok)
			}
		}
	}
	return root
}

// all returns the elements named name under n, in document order.
func (n *node) all(name string) []*node {
	var out []*node
	for _, c := range n.children {
		if c.name == name {
			out = append(out, c)
		}
		out = append(out, c.all(name)...)
	}
	return out
}

func (n *node) one(t *testing.T, name string) *node {
	t.Helper()
	all := n.all(name)
	if len(all) != 1 {
		t.Fatalf("%d <%s> elements, want 1", len(all), name)
	}
	return all[0]
}

// checkAccessible checks the structure every chart must have.
func checkAccessible(t *testing.T, html template.HTML, id string) *node {
	t.Helper()
	root := parse(t, html)
	fig := root.one(t, "figure")
	if fig.attr["id"] != id {
		t.Errorf("figure id = %q, want %q", fig.attr["id"], id)
	}
	ids := map[string]bool{}
	var walk func(n *node)
	walk = func(n *node) {
		if v, ok := n.attr["id"]; ok {
			if ids[v] {
				t.Errorf("duplicate id %q", v)
			}
			if v != id && !strings.HasPrefix(v, id+"-") {
				t.Errorf("id %q does not start with %q", v, id+"-")
			}
			ids[v] = true
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(root)
	svg := fig.one(t, "svg")
	if svg.attr["role"] != "img" || svg.attr["width"] != "100%" || !strings.HasPrefix(svg.attr["viewBox"], "0 0 ") {
		t.Errorf("svg attributes = %v", svg.attr)
	}
	for _, ref := range strings.Fields(svg.attr["aria-labelledby"]) {
		if !ids[ref] {
			t.Errorf("aria-labelledby names %q, which is not an id", ref)
		}
	}
	title, desc := svg.one(t, "title"), svg.one(t, "desc")
	if svg.attr["aria-labelledby"] != title.attr["id"]+" "+desc.attr["id"] {
		t.Errorf("aria-labelledby = %q, want the title and desc ids", svg.attr["aria-labelledby"])
	}
	if strings.TrimSpace(title.text) == "" || strings.TrimSpace(desc.text) == "" {
		t.Errorf("empty title %q or desc %q", title.text, desc.text)
	}
	for _, e := range svg.all("rect") {
		if f := e.attr["fill"]; strings.HasPrefix(f, "url(#") && !ids[strings.TrimSuffix(strings.TrimPrefix(f, "url(#"), ")")] {
			t.Errorf("fill %q refers to no pattern", f)
		}
	}
	return root
}

func TestBarsGrouped(t *testing.T) {
	html := Bars(Chart{
		ID:       "home-kinds",
		Title:    "What each side put in",
		Category: "Kind",
		Series:   []string{"Library", "Partner"},
		Unit:     "USD",
		Groups: []Group{
			{Label: "Money", Values: []float64{2400, 1200.5}},
			{Label: "Space", Values: []float64{0, 300}, Note: "An estimate."},
		},
	})
	root := checkAccessible(t, html, "home-kinds")
	desc := root.one(t, "desc").text
	for _, want := range []string{"What each side put in, in USD.", "Money: Library 2,400, Partner 1,200.50.", "Space: Library 0, Partner 300 (An estimate)."} {
		if !strings.Contains(desc, want) {
			t.Errorf("desc %q lacks %q", desc, want)
		}
	}
	// Visible labels: the legend and every bar's series and value.
	var texts []string
	for _, e := range root.one(t, "svg").all("text") {
		texts = append(texts, e.text)
	}
	joined := "|" + strings.Join(texts, "|") + "|"
	for _, want := range []string{"|Library|", "|Partner|", "|Money|", "|2,400|", "|1,200.50|", "|0|", "|300|", "|2,500|"} {
		if !strings.Contains(joined, want) {
			t.Errorf("svg texts %s lack %s", joined, want)
		}
	}
	// Library is solid, partner patterned with an outline: not colour alone.
	var fills []string
	for _, e := range root.one(t, "svg").all("rect") {
		if e.attr["height"] == "18" {
			fills = append(fills, e.attr["fill"])
		}
	}
	if want := []string{"#1d5b94", "url(#home-kinds-s1)", "url(#home-kinds-s1)"}; strings.Join(fills, " ") != strings.Join(want, " ") {
		t.Errorf("bar fills = %q, want %q (no bar for 0)", fills, want)
	}
	// Bars are to scale: 2,400 on an axis to 2,500.
	widths := map[string]float64{}
	for _, e := range root.one(t, "svg").all("rect") {
		if e.attr["height"] == "18" {
			w, _ := strconv.ParseFloat(e.attr["width"], 64)
			widths[e.attr["y"]] = w
		}
	}
	var ws []float64
	for _, w := range widths {
		ws = append(ws, w)
	}
	if len(ws) != 3 {
		t.Fatalf("bar widths %v", widths)
	}
	lo, hi := math.Min(ws[0], math.Min(ws[1], ws[2])), math.Max(ws[0], math.Max(ws[1], ws[2]))
	if r := hi / lo; math.Abs(r-2400/300.0) > 0.05 {
		t.Errorf("largest/smallest bar = %v, want %v", r, 2400/300.0)
	}
	// The data table.
	table := root.one(t, "details").one(t, "table")
	if got := root.one(t, "summary").text; got != "Data table" {
		t.Errorf("summary = %q", got)
	}
	if got := table.one(t, "caption").text; got != "What each side put in" {
		t.Errorf("caption = %q", got)
	}
	var heads []string
	for _, th := range table.all("th") {
		heads = append(heads, th.attr["scope"]+":"+th.text)
	}
	want := "col:Kind col:Library (USD) col:Partner (USD) col:Note row:Money row:Space"
	if strings.Join(heads, " ") != want {
		t.Errorf("table headers = %q, want %q", strings.Join(heads, " "), want)
	}
	var cells []string
	for _, td := range table.all("td") {
		cells = append(cells, td.text)
	}
	if got, want := strings.Join(cells, "|"), "2,400|1,200.50||0|300|An estimate."; got != want {
		t.Errorf("table cells = %q, want %q", got, want)
	}
}

func TestBarsEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		c    Chart
		desc string // must be in the text alternative
	}{
		{"all zero", Chart{ID: "z", Title: "Asks", Groups: []Group{{Label: "Delivered", Values: []float64{0}}, {Label: "Declined", Values: []float64{0}}}}, "All values are 0."},
		{"one bar", Chart{ID: "one", Title: "Asks", Groups: []Group{{Label: "Delivered", Values: []float64{1}}}}, "Delivered: 1."},
		{"no groups", Chart{ID: "none", Title: "Nothing"}, "No data to show."},
		{"missing values", Chart{ID: "m", Title: "T", Series: []string{"A", "B"}, Groups: []Group{{Label: "G", Values: []float64{math.NaN()}}}}, "G: A 0, B 0."},
		{"escaping", Chart{ID: `x"><script>`, Title: `<b>&"'`, Groups: []Group{{Label: "</text><script>alert(1)</script>", Values: []float64{3}}}}, "</text><script>alert(1)</script>: 3."},
		{"independent", Chart{ID: "i", Title: "T", Series: []string{"A", "B"}, Independent: true, Groups: []Group{
			{Label: "Money", Unit: "USD", Values: []float64{1000, 10}},
			{Label: "Staff time", Unit: "hours", Values: []float64{5, 50}},
		}}, "Each group is drawn to its own scale. Money (USD): A 1,000, B 10. Staff time (hours): A 5, B 50."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := Bars(tt.c)
			id := cleanID(tt.c.ID)
			root := checkAccessible(t, html, id)
			if desc := root.one(t, "desc").text; !strings.Contains(desc, tt.desc) {
				t.Errorf("desc = %q, want it to contain %q", desc, tt.desc)
			}
			if strings.Contains(string(html), "<script") {
				t.Errorf("unescaped markup in %s", html)
			}
		})
	}
}

func TestIDsDifferPerChart(t *testing.T) {
	page := "<div>" + string(Bars(Chart{ID: "a", Title: "A", Series: []string{"L", "P"}, Groups: []Group{{Label: "x", Values: []float64{1, 2}}}})) +
		string(Bars(Chart{ID: "b", Title: "B", Series: []string{"L", "P"}, Groups: []Group{{Label: "x", Values: []float64{1, 2}}}})) + "</div>"
	root := parse(t, template.HTML(page))
	seen := map[string]bool{}
	for _, tag := range []string{"figure", "title", "desc", "pattern"} {
		for _, e := range root.all(tag) {
			if seen[e.attr["id"]] {
				t.Errorf("id %q twice on one page", e.attr["id"])
			}
			seen[e.attr["id"]] = true
		}
	}
	if len(seen) != 8 {
		t.Errorf("ids = %v, want 8", seen)
	}
}

func TestContrast(t *testing.T) {
	lum := func(hex string) float64 {
		var l float64
		for i, w := range []float64{0.2126, 0.7152, 0.0722} {
			v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
			c := float64(v) / 255
			if c <= 0.03928 {
				c /= 12.92
			} else {
				c = math.Pow((c+0.055)/1.055, 2.4)
			}
			l += w * c
		}
		return l
	}
	ratio := func(hex string) float64 { return 1.05 / (lum(hex) + 0.05) }
	for _, s := range styles {
		if r := ratio(s.color); r < 3 {
			t.Errorf("series colour %s has contrast %.2f against white, want ≥ 3", s.color, r)
		}
	}
	if r := ratio(gridColor); r < 3 {
		t.Errorf("grid colour has contrast %.2f, want ≥ 3", r)
	}
	if r := ratio(textColor); r < 4.5 {
		t.Errorf("text colour has contrast %.2f, want ≥ 4.5", r)
	}
}

func TestCleanID(t *testing.T) {
	for in, want := range map[string]string{"home-kinds": "home-kinds", "": "chart-", "2025-26": "chart-2025-26", `a b"c`: "abc", "_x": "chart-_x"} {
		if got := cleanID(in); got != want {
			t.Errorf("cleanID(%q) = %q, want %q", in, got, want)
		}
	}
}
