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
// exactly the numbers of the table beside it.
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
	svgTextRE = regexp.MustCompile(`<text [^>]*text-anchor="(start|end)"([^>]*)>([^<]*)</text>`)
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
	for _, f := range figs {
		id, tableID, body := f[1], f[3], f[4]
		where := page + " #" + id
		if tableID == "" {
			t.Errorf("%s: the chart names no table of the page (data-table)", where)
			continue
		}
		bars := svgBars(svgRE.FindString(body))
		own := readTable(tableRE.FindString(body))
		pageTable := regexp.MustCompile(`(?s)<table[^>]* id="` + regexp.QuoteMeta(tableID) + `"[^>]*>.*?</table>`).FindString(doc)
		if pageTable == "" {
			t.Errorf("%s: no table #%s on the page", where, tableID)
			continue
		}
		table := readTable(pageTable)
		if len(bars) != len(own) || len(own) != len(table) {
			t.Errorf("%s: %d groups of bars, %d rows in its data table, %d rows in #%s:\nbars %v\nown %v\npage %v",
				where, len(bars), len(own), len(table), tableID, bars, own, table)
			continue
		}
		for i := range table {
			if bars[i].label != own[i].label || own[i].label != table[i].label {
				t.Errorf("%s: row %d is %q in the bars, %q in its data table, %q in #%s", where, i+1, bars[i].label, own[i].label, table[i].label, tableID)
			}
			if !equalNumbers(bars[i].values, own[i].values) || !equalNumbers(own[i].values, table[i].values) {
				t.Errorf("%s: %q is %v in the bars, %v in its data table, %v in #%s", where, table[i].label, bars[i].values, own[i].values, table[i].values, tableID)
			}
		}
	}
	return len(figs)
}

type row struct {
	label  string
	values []float64
}

// svgBars reads the groups of an SVG bar chart: the bold header of each
// group (grouped bars) or the label of each bar (plain bars), and the
// value written beside each bar.
func svgBars(svg string) []row {
	var rows []row
	grouped := strings.Contains(svg, `font-weight="bold"`)
	for _, m := range svgTextRE.FindAllStringSubmatch(svg, -1) {
		anchor, attrs, text := m[1], m[2], html.UnescapeString(m[3])
		switch {
		case strings.Contains(attrs, `font-weight="bold"`):
			rows = append(rows, row{label: text})
		case anchor == "end" && !grouped:
			rows = append(rows, row{label: text})
		case strings.Contains(attrs, `stroke="#fff"`) && len(rows) > 0:
			rows[len(rows)-1].values = append(rows[len(rows)-1].values, number(text))
		}
	}
	return rows
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
