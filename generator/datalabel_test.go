package generator

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDataLabels: every cell of the theme's data tables (each in a
// .table-wrap, or a chart's data table) names its column in data-label,
// which the style sheet shows beside the cell when a narrow screen
// restacks the table into cards. A table written in a story's Markdown is
// not the theme's and is left as it is.
func TestDataLabels(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Site: "..", Dest: dest, Now: goldenNow}); err != nil {
		t.Fatal(err)
	}
	wrap := regexp.MustCompile(`(?s)<(?:div class="table-wrap"|details class="chart-data")[^>]*>.*?</table>`)
	td := regexp.MustCompile(`<td[^>]*>`)
	label := regexp.MustCompile(` data-label="[^"]+"`)
	tables, cells := 0, 0
	err := filepath.WalkDir(dest, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, table := range wrap.FindAllString(string(data), -1) {
			tables++
			for _, cell := range td.FindAllString(table, -1) {
				cells++
				if !label.MatchString(cell) {
					rel, _ := filepath.Rel(dest, path)
					t.Errorf("%s: %s has no data-label", rel, cell)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if tables < 20 || cells < 500 {
		t.Errorf("found %d tables and %d cells, expected the sample's many", tables, cells)
	}
}
