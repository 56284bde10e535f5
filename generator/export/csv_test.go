package export

import (
	"bytes"
	"encoding/csv"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

// readCSV writes a CSV with write and reads it back with encoding/csv.
func readCSV(t *testing.T, write func(io.Writer) error) ([][]string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	if !bytes.HasSuffix(data, []byte("\r\n")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		t.Errorf("lines do not all end in CRLF:\n%q", data)
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Error("CSV starts with a byte order mark")
	}
	for _, bad := range leaks {
		if bytes.Contains(data, []byte(bad)) {
			t.Errorf("CSV contains %q", bad)
		}
	}
	r := csv.NewReader(bytes.NewReader(data))
	rows, err := r.ReadAll() // also checks every row has the header's width
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, data)
	}
	return rows, data
}

func TestCSV(t *testing.T) {
	site, published := testSite(t)
	slices.Reverse(published)
	base := site.Config.BaseURL
	tests := []struct {
		name  string
		write func(io.Writer) error
		want  [][]string
	}{
		{"partnerships.csv", func(w io.Writer) error { return PartnershipsCSV(w, published, base, nil) }, [][]string{
			{"slug", "url", "title", "summary", "status", "start", "end", "partner_name", "partner_slug", "partner_url", "branches", "neighborhoods", "audiences", "languages", "tags", "review_state", "review_date", "review_by"},
			{"homework-help", "https://partners.example.org/reports/partnerships/homework-help/", "Homework Help in Spanish", "Bilingual homework help for middle schoolers, twice a week.", "active", "2025-09-02", "",
				"Familias Unidas del Sur", "familias-unidas-del-sur", "https://familias-unidas.example.org", "Beacon Branch", "North Beacon Hill",
				"middle school students; Spanish-speaking families", "es; en", "homework help", "approved", "2025-10-14", "Program coordinator, Familias Unidas del Sur"},
			{"zine-lab", "https://partners.example.org/reports/partnerships/zine-lab/", "Teen Zine Lab <&>", "", "completed", "2024-01-10", "2024-05-30",
				"Hội Văn Hóa", "hoi-van-hoa", "", "", "", "", "", "", "approved", "2025-11-20", ""},
		}},
		{"resources.csv", func(w io.Writer) error { return ResourcesCSV(w, published, nil) }, [][]string{
			{"slug", "from", "kind", "amount", "unit", "value", "estimated", "description", "date"},
			{"homework-help", "library", "money", "2400", "USD", "2400", "false", "Stipends for two volunteer tutors", "2025-09-02"},
			{"homework-help", "library", "space", "120", "room-hours", "5400", "true", "Meeting room B, Tue and Thu 4–6 pm", "2025-09-02"},
			{"homework-help", "partner", "staff_time", "180", "hours", "6930", "true", "Volunteer tutors, \"outreach\", and families\non a second line", "2025-09-02"},
			{"homework-help", "library", "marketing", "3", "newsletter features", "600", "true", "", "2025-09-02"},
			{"homework-help", "library", "money", "0.1", "USD", "0.1", "false", "", "2025-12-01"},
			{"homework-help", "library", "money", "0.2", "USD", "0.2", "false", "", "2025-09-02"},
			{"zine-lab", "partner", "money", "1200", "CAD", "", "false", "", "2024-01-10"},
			{"zine-lab", "partner", "money", "300", "CAD", "220", "false", "", "2024-01-10"},
			{"zine-lab", "library", "equipment", "2", "risograph printers", "", "false", "", "2024-01-10"},
			{"zine-lab", "library", "staff_time", "10.5", "hours", "404.25", "true", "", "2024-01-10"},
		}},
		{"asks.csv", func(w io.Writer) error { return AsksCSV(w, published, nil) }, [][]string{
			{"slug", "ask", "status", "reason", "date"},
			{"homework-help", "A room on weekday afternoons", "delivered", "", ""},
			{"homework-help", "Laptops the students can borrow", "declined", "Our device budget is committed until July; we will revisit in the spring.", "2025-11-03"},
			{"zine-lab", "Zines in the catalogue", "planned", "", ""},
			{"zine-lab", "A display shelf", "in_progress", "", ""},
		}},
		{"outcomes.csv", func(w io.Writer) error { return OutcomesCSV(w, published, nil) }, [][]string{
			{"slug", "measure_id", "measure", "value", "unit", "date", "note"},
			{"homework-help", "", "Students who came at least five times", "37", "students", "2026-01-31", "Attendance sheets, fall term"},
			{"zine-lab", "zines", "Zines made", "45", "zines", "2024-01-10", ""},
			{"zine-lab", "", "Workshops", "6", "", "2024-01-10", ""},
		}},
		{"surveys.csv", func(w io.Writer) error { return SurveysCSV(w, published, nil) }, [][]string{
			{"slug", "topic", "date", "respondents", "knowledge", "confidence", "application", "awareness"},
			{"homework-help", "education-lifelong-learning", "2026-01-31", "24", "22", "19", "17", "20"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := readCSV(t, tt.write)
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("rows:\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestCSVNumbers writes amounts that %v would print with an exponent.
func TestCSVNumbers(t *testing.T) {
	p := &content.Profile{Slug: "x", Resources: []content.Resource{
		{From: "library", Kind: "money", Amount: 1e21, Unit: "USD", Value: 1e21, Valued: true},
		{From: "library", Kind: "money", Amount: 0.00001, Unit: "USD"},
		{From: "library", Kind: "money", Amount: 0.1 + 0.2, Unit: "USD"},
	}}
	rows, data := readCSV(t, func(w io.Writer) error { return ResourcesCSV(w, []*content.Profile{p}, nil) })
	if regexp.MustCompile(`[0-9][eE][+-]?[0-9]`).Match(data) {
		t.Errorf("exponent in %s", data)
	}
	var got []string
	for _, r := range rows[1:] {
		got = append(got, r[3])
	}
	if want := []string{"1000000000000000000000", "0", "0.3"}; !slices.Equal(got, want) {
		t.Errorf("amounts = %q, want %q", got, want)
	}
}

// TestCSVFormulas writes text that starts like a formula into every text
// column that a profile fills: each comes back with a ' in front, so a
// spreadsheet shows it as text, and the number columns stay numbers.
func TestCSVFormulas(t *testing.T) {
	texts := []string{
		`=HYPERLINK("https://evil.example/","Click for receipt")`,
		"+1+1", "-2+3", "@SUM(A1:A2)", "\tTab", "\rReturn",
	}
	var rs []content.Resource
	var asks []content.Ask
	var outs []content.Outcome
	for _, s := range texts {
		rs = append(rs, content.Resource{From: "library", Kind: "other", Amount: 2, Unit: s, Description: s, Value: 3, Valued: true, Estimated: true})
		asks = append(asks, content.Ask{Ask: s, Status: "declined", Reason: s})
		outs = append(outs, content.Outcome{Measure: s, Value: 4, Unit: s, Note: s})
	}
	p := &content.Profile{Slug: "x", Title: texts[0], Summary: texts[1], Status: "active",
		Partner: content.Partner{Name: texts[2], Slug: "p"}, Branches: []string{texts[3], "Main"}, Tags: []string{texts[4]},
		Review: content.Review{State: "approved", By: texts[5]}, Resources: rs, Asks: asks, Outcomes: outs}
	published := []*content.Profile{p}
	guarded := func(t *testing.T, row []string, cols ...int) {
		t.Helper()
		for _, c := range cols {
			s := row[c]
			if s == "'Return" {
				s = "'\rReturn" // a lone CR is dropped by encoding/csv's CRLF writer
			}
			if !strings.HasPrefix(s, "'") || !slices.Contains(texts, s[1:]) && !strings.HasPrefix(s[1:], texts[3]+"; ") {
				t.Errorf("column %d = %q, want a ' before the text", c, s)
			}
		}
	}
	rows, data := readCSV(t, func(w io.Writer) error { return PartnershipsCSV(w, published, "https://x.example/", nil) })
	if !bytes.HasSuffix(data, []byte(",\"'Return\"\r\n")) {
		t.Errorf("review_by: want \"'Return\" in\n%q", data)
	}
	guarded(t, rows[1], 2, 3, 7, 10, 14, 17) // title, summary, partner_name, branches, tags, review_by
	rows, _ = readCSV(t, func(w io.Writer) error { return ResourcesCSV(w, published, nil) })
	for i, row := range rows[1:] {
		guarded(t, row, 4, 7) // unit, description
		if row[3] != "2" || row[5] != "3" {
			t.Errorf("resource %d: amount %q and value %q, want the numbers 2 and 3", i+1, row[3], row[5])
		}
	}
	rows, _ = readCSV(t, func(w io.Writer) error { return AsksCSV(w, published, nil) })
	for _, row := range rows[1:] {
		guarded(t, row, 1, 3) // ask, reason
	}
	rows, _ = readCSV(t, func(w io.Writer) error { return OutcomesCSV(w, published, nil) })
	for i, row := range rows[1:] {
		guarded(t, row, 2, 4, 6) // measure, unit, note
		if row[3] != "4" {
			t.Errorf("outcome %d: value %q, want the number 4", i+1, row[3])
		}
	}
	// Text that only contains those characters further on is as written.
	rows, _ = readCSV(t, func(w io.Writer) error {
		return AsksCSV(w, []*content.Profile{{Slug: "y", Asks: []content.Ask{{Ask: "a=b", Status: "planned", Reason: "'=x"}}}}, nil)
	})
	if rows[1][1] != "a=b" || rows[1][3] != "'=x" {
		t.Errorf("text that does not start like a formula changed: %q", rows[1])
	}
}
