package content_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
)

func TestProblemString(t *testing.T) {
	for _, tc := range []struct {
		p    content.Problem
		want string
	}{
		{content.Problem{Path: "site.toml", Line: 3, Col: 12, Field: "currency", Message: "bad"}, "site.toml:3:12: currency: bad"},
		{content.Problem{Path: "content/a.md", Line: 1, Col: 1, Message: "the file is empty"}, "content/a.md:1:1: the file is empty"},
		{content.Problem{Path: "a.md", Line: 7, Col: 3, Field: "review.state", Message: "in review for 90 days", Warning: true}, "a.md:7:3: warning: review.state: in review for 90 days"},
		{content.Problem{Path: "a.md", Message: "no position"}, "a.md:1:1: no position"},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}

func TestProblemsSummary(t *testing.T) {
	e := func(path string) content.Problem { return content.Problem{Path: path, Line: 1, Col: 1, Message: "x"} }
	w := func(path string) content.Problem {
		return content.Problem{Path: path, Line: 1, Col: 1, Message: "x", Warning: true}
	}
	for _, tc := range []struct {
		ps   content.Problems
		want string
	}{
		{nil, "no problems"},
		{content.Problems{e("a")}, "1 error in 1 file"},
		{content.Problems{e("a"), e("a"), e("b")}, "3 errors in 2 files"},
		{content.Problems{w("a")}, "1 warning in 1 file"},
		{content.Problems{e("a"), w("b"), w("c")}, "1 error and 2 warnings in 3 files"},
	} {
		if got := tc.ps.Summary(); got != tc.want {
			t.Errorf("Summary() = %q, want %q", got, tc.want)
		}
	}
	ps := content.Problems{e("a"), w("b")}
	if got, want := ps.Error(), "a:1:1: x\nb:1:1: warning: x\n1 error and 1 warning in 2 files"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if len(ps.Errors()) != 1 || ps.Errors()[0].Path != "a" || len(ps.Warnings()) != 1 || ps.Warnings()[0].Path != "b" {
		t.Errorf("Errors() %v, Warnings() %v", ps.Errors(), ps.Warnings())
	}
}

func TestProblemsSort(t *testing.T) {
	ps := content.Problems{
		{Path: "b.md", Line: 1, Col: 1, Message: "z"},
		{Path: "a.md", Line: 10, Col: 1, Message: "z"},
		{Path: "a.md", Line: 9, Col: 5, Message: "z"},
		{Path: "a.md", Line: 9, Col: 2, Field: "y", Message: "z"},
		{Path: "a.md", Line: 9, Col: 2, Field: "x", Message: "z"},
		{Path: "B.md", Line: 1, Col: 1, Message: "z"},
	}
	ps.Sort()
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := []string{"B.md:1:1: z", "a.md:9:2: x: z", "a.md:9:2: y: z", "a.md:9:5: z", "a.md:10:1: z", "b.md:1:1: z"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("sorted:\n%q\nwant\n%q", got, want)
		}
	}
}

func TestDate(t *testing.T) {
	d, err := content.ParseDate("2025-09-02")
	if err != nil || d != content.DateOf(2025, time.September, 2) || d.String() != "2025-09-02" || !d.Set() {
		t.Errorf("ParseDate = %v, %v", d, err)
	}
	for _, s := range []string{"", "2025-9-2", "2025-09-02T10:00:00Z", "2025-13-01", "02/09/2025", " 2025-09-02"} {
		if _, err := content.ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) is not an error", s)
		}
	}
	var zero content.Date
	if zero.Set() || zero.String() != "" {
		t.Errorf("zero date: Set %v, String %q", zero.Set(), zero.String())
	}
	b, err := json.Marshal(struct{ A, B content.Date }{A: d})
	if err != nil || string(b) != `{"A":"2025-09-02","B":null}` {
		t.Errorf("JSON = %s, %v", b, err)
	}
}

func TestParseConfig(t *testing.T) {
	cfg, probs := content.ParseConfig("site.toml", []byte(`
title = "Partnerships at Rainier Public Library"
library = "Rainier Public Library"
base_url = "https://partners.example.org/rainier"
language = "es-MX"
currency = "CAD"
fiscal_year_start = "07-01"
corrections = "mailto:partnerships@example.org"
[valuation]
staff_time = 38.50
space = 45
[open_data]
grant_prefix = "360G-rainierpl"
funder_id = "US-EIN-91-0000000"
license = "https://creativecommons.org/licenses/by/4.0/"
publisher_website = "https://rainierlibrary.example.org/"
[languages.so]
name = "Soomaali"
[languages.en]
name = "English"
title = "Partnerships in English"
`))
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	want := content.Config{
		Title: "Partnerships at Rainier Public Library", Library: "Rainier Public Library",
		BaseURL: "https://partners.example.org/rainier/", Language: "es-MX", Currency: "CAD",
		FiscalYearStart: content.MonthDay{Month: 7, Day: 1}, Theme: "default",
		Corrections: "mailto:partnerships@example.org",
		Valuation:   content.Valuation{StaffTime: 38.5, Space: 45},
		OpenData: content.OpenData{GrantPrefix: "360G-rainierpl", FunderID: "US-EIN-91-0000000",
			License: "https://creativecommons.org/licenses/by/4.0/", PublisherWebsite: "https://rainierlibrary.example.org/", Line: 12},
		Languages: []content.Language{{Code: "es-MX"}, {Code: "so", Name: "Soomaali"}, {Code: "en", Name: "English", Title: "Partnerships in English"}},
	}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("config\n%+v\nwant\n%+v", cfg, want)
	}
	if cfg.Publisher() != "Rainier Public Library" {
		t.Errorf("Publisher() = %q, want the library", cfg.Publisher())
	}
	if cfg.BasePath() != "/rainier/" || !cfg.OpenData.Set() || cfg.FiscalYearStart.String() != "07-01" {
		t.Errorf("BasePath %q, OpenData.Set %v, FiscalYearStart %s", cfg.BasePath(), cfg.OpenData.Set(), cfg.FiscalYearStart)
	}

	empty, probs := content.ParseConfig("site.toml", nil)
	if len(probs) > 0 || !reflect.DeepEqual(empty, content.Defaults()) {
		t.Errorf("empty site.toml: %+v, %v; want the defaults", empty, probs)
	}
	if d := content.Defaults(); d.BasePath() != "/" || d.OpenData.Set() || d.Currency != "USD" || d.FiscalYearStart != (content.MonthDay{Month: 1, Day: 1}) {
		t.Errorf("defaults %+v", d)
	}
}
