package generator

import (
	"context"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestChartsEqualTables builds the sample site and, on every page, reads
// each chart three ways — the numbers its bars are labelled with in the
// SVG, its own data table, and the page's table it names (data-table) —
// and holds them equal, row by row and column by column: a chart shows
// exactly the numbers of the table beside it. Where a table's rows are in
// several units, it has a chart per unit: each shows its rows of the
// table, in the table's order, and together they show every row once.
func TestChartsEqualTables(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Site: "..", Dest: dest, Now: goldenNow}); err != nil {
		t.Fatal(err)
	}
	charts := 0
	err := filepath.WalkDir(dest, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, path)
		charts += checkCharts(t, rel, string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if charts < 20 {
		t.Errorf("%d charts in the sample site: the test reads too few to mean anything", charts)
	}
}

var (
	figureRE  = regexp.MustCompile(`(?s)<figure class="chart" id="([^"]+)"( data-table="([^"]+)")?>(.*?)</figure>`)
	svgRE     = regexp.MustCompile(`(?s)<svg.*?</svg>`)
	svgTextRE = regexp.MustCompile(`<text class="(chart-[a-z]+)"[^>]*>(.*?)</text>`)
	iconRE    = regexp.MustCompile(`<tspan class="chart-icon"[^>]*>.*?</tspan>`)
	tableRE   = regexp.MustCompile(`(?s)<table[^>]*>.*?</table>`)
	rowRE     = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	cellRE    = regexp.MustCompile(`(?s)<(th|td)([^>]*)>(.*?)</(?:th|td)>`)
	hiddenRE  = regexp.MustCompile(`(?s)<span (aria-hidden="true"|class="estimate")>.*?</span>`)
	tagRE     = regexp.MustCompile(`<[^>]+>`)
	numberRE  = regexp.MustCompile(`[0-9][0-9,]*(\.[0-9]+)?`)
)

// checkCharts checks the charts of one page and returns how many it has.
func checkCharts(t *testing.T, page, doc string) int {
	t.Helper()
	figs := figureRE.FindAllStringSubmatch(doc, -1)
	shown := map[string][][]row{} // by table id: the rows of each of its charts
	var tables []string
	for _, f := range figs {
		id, tableID, body := f[1], f[3], f[4]
		where := page + " #" + id
		if tableID == "" {
			t.Errorf("%s: the chart names no table of the page (data-table)", where)
			continue
		}
		bars := svgBars(svgRE.FindString(body))
		own := readTable(tableRE.FindString(body))
		if len(bars) == 0 || !equalRows(bars, own) {
			t.Errorf("%s: the bars and the chart's own data table differ:\nbars %v\nown  %v", where, bars, own)
		}
		if _, ok := shown[tableID]; !ok {
			tables = append(tables, tableID)
		}
		shown[tableID] = append(shown[tableID], own)
	}
	for _, tableID := range tables {
		pageTable := regexp.MustCompile(`(?s)<table[^>]* id="` + regexp.QuoteMeta(tableID) + `"[^>]*>.*?</table>`).FindString(doc)
		if pageTable == "" {
			t.Errorf("%s: no table #%s on the page", page, tableID)
			continue
		}
		// Each row of the table in exactly one chart, with its numbers;
		// each chart's rows in the table's order.
		table := readTable(pageTable)
		at := map[string]int{}
		for i, r := range table {
			at[r.label] = i
		}
		seen, n := map[string]int{}, 0
		for _, chart := range shown[tableID] {
			last := -1
			for _, r := range chart {
				seen[r.label]++
				n++
				i, ok := at[r.label]
				switch {
				case !ok:
					t.Errorf("%s: a chart of #%s shows %q, which is not a row of the table", page, tableID, r.label)
					continue
				case i < last:
					t.Errorf("%s: a chart of #%s shows %q after %q, the table before", page, tableID, r.label, table[last].label)
				case !equalNumbers(r.values, table[i].values):
					t.Errorf("%s: %q is %v in its chart, %v in #%s", page, r.label, r.values, table[i].values, tableID)
				}
				last = i
			}
		}
		for _, r := range table {
			if seen[r.label] != 1 {
				t.Errorf("%s: row %q of #%s is in %d charts, want 1", page, r.label, tableID, seen[r.label])
			}
		}
		if n != len(table) {
			t.Errorf("%s: the charts of #%s show %d rows, the table has %d:\ncharts %v\ntable  %v", page, tableID, n, len(table), shown[tableID], table)
		}
	}
	return len(figs)
}

type row struct {
	label  string
	values []float64
}

// svgBars reads the groups of an SVG bar chart: the header of each group
// (grouped bars, class chart-group) or the label of each bar (plain bars,
// chart-label, without its symbol), and the value written beside each bar
// (chart-value).
func svgBars(svg string) []row {
	var rows []row
	grouped := strings.Contains(svg, `class="chart-group"`)
	for _, m := range svgTextRE.FindAllStringSubmatch(svg, -1) {
		class, inner := m[1], iconRE.ReplaceAllString(m[2], "")
		text := strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(strings.ReplaceAll(inner, "</tspan><tspan", "</tspan> <tspan"), ""))), " ")
		switch {
		case class == "chart-group", class == "chart-label" && !grouped:
			rows = append(rows, row{label: text})
		case class == "chart-value" && len(rows) > 0:
			rows[len(rows)-1].values = append(rows[len(rows)-1].values, number(text))
		}
	}
	return rows
}

func equalRows(a, b []row) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].label != b[i].label || !equalNumbers(a[i].values, b[i].values) {
			return false
		}
	}
	return true
}

// readTable reads the body rows of a table: the row header's text
// (without icons, "estimate" marks and the notes after a line break) and
// the number in each numeric cell (class "num"; "—" is 0). A chart's own
// table has a note column at the end, which is not numeric.
func readTable(table string) []row {
	var rows []row
	for _, r := range rowRE.FindAllStringSubmatch(table, -1) {
		cells := cellRE.FindAllStringSubmatch(r[1], -1)
		if len(cells) == 0 || cells[0][1] != "th" || strings.Contains(r[1], `scope="col"`) {
			continue
		}
		head, _, _ := strings.Cut(cells[0][3], "<br>")
		out := row{label: strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(hiddenRE.ReplaceAllString(head, ""), "")))}
		for _, c := range cells[1:] {
			if strings.Contains(c[2], `class="num"`) {
				out.values = append(out.values, number(html.UnescapeString(tagRE.ReplaceAllString(c[3], ""))))
			}
		}
		rows = append(rows, out)
	}
	return rows
}

// number is the first number written in s ("$3,000.30", "500 CAD", "12
// hours"), or 0 for "—" or none.
func number(s string) float64 {
	m := numberRE.FindString(s)
	if m == "" {
		return 0
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(m, ",", ""), 64)
	if err != nil {
		return -1
	}
	return f
}

func equalNumbers(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
