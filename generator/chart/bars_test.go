package chart

import (
	"encoding/xml"
	"html/template"
	"io"
	"math"
	"slices"
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
	if svg.attr["role"] != "img" || svg.attr["width"] != num(width) || !strings.HasPrefix(svg.attr["viewBox"], "0 0 "+num(width)+" ") {
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
	// Visible labels: every group, every bar's series and value, the scale.
	svg := root.one(t, "svg")
	byClass := map[string][]string{}
	for _, e := range svg.all("text") {
		byClass[e.attr["class"]] = append(byClass[e.attr["class"]], e.text)
	}
	for class, want := range map[string]string{
		"chart-group": "Money|Space",
		"chart-label": "Library|Partner|Library|Partner",
		"chart-value": "2,400|1,200.50|0|300",
		"chart-tick":  "0|1,000|2,000",
	} {
		if got := strings.Join(byClass[class], "|"); got != want {
			t.Errorf("%s texts = %q, want %q", class, got, want)
		}
	}
	// Library is solid, partner patterned with an outline: not colour
	// alone. No bar for 0; the bars to one scale.
	var fills []string
	var widths []float64
	for _, e := range svg.all("rect") {
		if e.attr["class"] == "chart-bar" {
			fills = append(fills, e.attr["fill"])
			w, _ := strconv.ParseFloat(e.attr["width"], 64)
			widths = append(widths, w)
		}
	}
	if want := []string{"#1d5b94", "url(#home-kinds-s1)", "url(#home-kinds-s1)"}; strings.Join(fills, " ") != strings.Join(want, " ") {
		t.Errorf("bar fills = %q, want %q (no bar for 0)", fills, want)
	}
	if len(widths) == 3 && (math.Abs(widths[0]/widths[2]-2400/300.0) > 0.05 || math.Abs(widths[1]/widths[2]-1200.5/300) > 0.05) {
		t.Errorf("bar widths %v are not to the scale of 2,400, 1,200.50 and 300", widths)
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
		{"long labels", Chart{ID: "long", Title: "T", Unit: "USD", Groups: []Group{
			{Label: "Estimated value of in-kind support, including the parts nobody valued", Values: []float64{123456789.5}},
		}}, "Estimated value of in-kind support, including the parts nobody valued: 123,456,789.50."},
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
	looks := slices.Clone(seriesLooks)
	for _, l := range statusLooks {
		looks = append(looks, l)
	}
	for _, l := range looks {
		if r := ratio(l.color); r < 3 {
			t.Errorf("%s: colour %s has contrast %.2f against white, want ≥ 3", l.key, l.color, r)
		}
		if l.ground != "" {
			if r := ratio(l.color) / ratio(l.ground); r < 3 {
				t.Errorf("%s: colour %s has contrast %.2f against its ground %s, want ≥ 3", l.key, l.color, r, l.ground)
			}
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
