package export

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// The shape of SPEC §4's partnerships.json, written out independently of
// the code under test.
type (
	specFile struct {
		Site struct {
			Title, Library, Currency, Generated string
		}
		Partnerships []specPartnership
		Totals       specTotals
		FiscalYears  []struct {
			Name, Start, End string
			ToDate           *string `json:"to_date"`
			Totals           specTotals
		} `json:"fiscal_years"`
	}
	specTotals struct {
		Library, Partner specSide
		Asks             map[string]int
		Partnerships     map[string]int
		Measures         map[string]struct {
			Label, Unit string
			Value       float64
		}
		Surveys struct {
			All    specSurvey
			Topics map[string]specSurvey
		}
	}
	specSurvey struct {
		Respondents, Knowledge, Confidence, Application, Awareness int
	}
	specSide struct {
		Money          map[string]float64
		StaffHours     float64 `json:"staff_hours"`
		RoomHours      float64 `json:"room_hours"`
		EstimatedValue float64 `json:"estimated_value"`
		TotalValue     float64 `json:"total_value"`
	}
	specPartnership struct {
		Slug, URL, Title, Summary, Status string
		Start, End                        *string
		Partner                           struct{ Name, Slug, URL string }
		Branches, Neighborhoods           []string
		Audiences, Languages, Tags        []string
		Review                            struct {
			State   string
			Date    *string
			By      string
			Current bool
		}
		Resources []struct {
			From, Kind  string
			Amount      float64
			Unit        string
			Value       *float64
			Estimated   bool
			Description string
			Date        *string
		}
		Asks []struct {
			Ask, Status, Reason string
			Date                *string
		}
		Outcomes []struct {
			Measure   string
			MeasureID *string `json:"measure_id"`
			Value     float64
			Unit      string
			Date      *string
			Note      string
		}
		Surveys []struct {
			Topic                                                      string
			Date                                                       *string
			Respondents, Knowledge, Confidence, Application, Awareness int
		}
	}
)

func writeJSON(t *testing.T) []byte {
	t.Helper()
	site, published := testSite(t)
	slices.Reverse(published) // the export orders by slug itself
	var b bytes.Buffer
	if err := JSON(&b, site, published, "", now, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestJSON(t *testing.T) {
	data := writeJSON(t)
	var f specFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("decode: %v\n%s", err, data)
	}
	if f.Site.Title != "Partnerships & more <test>" || f.Site.Library != "Rainier Public Library" || f.Site.Currency != "USD" || f.Site.Generated != "2026-03-01T09:30:00Z" {
		t.Errorf("site = %+v", f.Site)
	}
	var slugs []string
	for _, p := range f.Partnerships {
		slugs = append(slugs, p.Slug)
	}
	if want := []string{"homework-help", "zine-lab"}; !slices.Equal(slugs, want) {
		t.Fatalf("partnerships = %q, want %q (by slug, approved only)", slugs, want)
	}
	hw, zine := f.Partnerships[0], f.Partnerships[1]
	if hw.URL != "https://partners.example.org/reports/partnerships/homework-help/" || hw.End != nil || *hw.Start != "2025-09-02" {
		t.Errorf("homework-help url %q, start %v, end %v", hw.URL, hw.Start, hw.End)
	}
	if hw.Partner.Slug != "familias-unidas-del-sur" || hw.Partner.URL != "https://familias-unidas.example.org" || !slices.Equal(hw.Languages, []string{"es", "en"}) {
		t.Errorf("homework-help partner %+v, languages %q", hw.Partner, hw.Languages)
	}
	if !hw.Review.Current || zine.Review.Current || *zine.Review.Date != "2025-11-20" || hw.Review.By != "Program coordinator, Familias Unidas del Sur" {
		t.Errorf("reviews: %+v, %+v (zine-lab changed since approval)", hw.Review, zine.Review)
	}
	if zine.Summary != "" || zine.Branches == nil || len(zine.Tags) != 0 || zine.Partner.URL != "" || zine.Partner.Slug != "hoi-van-hoa" {
		t.Errorf("zine-lab: missing strings must be \"\" and lists []: %+v", zine)
	}
	r := hw.Resources
	if len(r) != 6 || r[0].Amount != 2400 || r[0].Unit != "USD" || *r[0].Value != 2400 || r[0].Estimated || *r[0].Date != "2025-09-02" {
		t.Errorf("money resource = %+v", r[0])
	}
	if r[1].Unit != "room-hours" || *r[1].Value != 5400 || !r[1].Estimated {
		t.Errorf("space resource = %+v, want 120 × 45 = 5400, estimated", r[1])
	}
	if r[2].Description != "Volunteer tutors, \"outreach\", and families\non a second line" || *r[2].Value != 6930 {
		t.Errorf("staff resource = %+v, want 180 × 38.50 = 6930", r[2])
	}
	if z := zine.Resources; z[0].Value != nil || z[0].Unit != "CAD" || *z[1].Value != 220 || z[1].Estimated || z[2].Value != nil || *z[3].Value != 404.25 {
		t.Errorf("zine-lab resources = %+v", z)
	}
	if a := hw.Asks; a[0].Date != nil || a[0].Reason != "" || *a[1].Date != "2025-11-03" || a[1].Status != "declined" {
		t.Errorf("asks = %+v", a)
	}
	if o := zine.Outcomes; *o[0].Date != "2024-01-10" || o[1].Unit != "" || o[1].Value != 6 || *o[0].MeasureID != "zines" || o[1].MeasureID != nil {
		t.Errorf("outcomes = %+v (an undated outcome is dated by the start)", o)
	}
	if s := hw.Surveys; len(s) != 1 || s[0].Topic != "education-lifelong-learning" || *s[0].Date != "2026-01-31" || s[0].Respondents != 24 || s[0].Awareness != 20 || zine.Surveys == nil {
		t.Errorf("surveys = %+v, %+v", hw.Surveys, zine.Surveys)
	}

	// Totals, by hand:
	//   library money 2400 + 0.1 + 0.2; staff 10.5 h; rooms 120 h;
	//   estimated 120×45 + 600 + 10.5×38.5 = 5400 + 600 + 404.25;
	//   partner money CAD 1200 + 300, never in USD; staff 180 h, 180×38.5;
	//   the risograph printers have no value.
	tot := f.Totals
	//   total value: library 2400.3 + 6404.25; partner 6930 + the CAD
	//   300 stated as 220 (the CAD 1,200 has no value).
	wantLib := specSide{Money: map[string]float64{"USD": 2400.3}, StaffHours: 10.5, RoomHours: 120, EstimatedValue: 6404.25, TotalValue: 8804.55}
	wantPar := specSide{Money: map[string]float64{"CAD": 1500}, StaffHours: 180, EstimatedValue: 6930, TotalValue: 7150}
	if !reflect.DeepEqual(tot.Library, wantLib) || !reflect.DeepEqual(tot.Partner, wantPar) {
		t.Errorf("totals: library %+v, partner %+v\nwant %+v, %+v", tot.Library, tot.Partner, wantLib, wantPar)
	}
	if want := map[string]int{"delivered": 1, "in_progress": 1, "planned": 1, "declined": 1}; !reflect.DeepEqual(tot.Asks, want) {
		t.Errorf("totals.asks = %v, want %v", tot.Asks, want)
	}
	if want := map[string]int{"planning": 0, "active": 1, "paused": 0, "completed": 1}; !reflect.DeepEqual(tot.Partnerships, want) {
		t.Errorf("totals.partnerships = %v, want %v", tot.Partnerships, want)
	}
	// Only the site measure adds up; the 37 students are free text.
	if m := tot.Measures; len(m) != 1 || m["zines"].Value != 45 || m["zines"].Label != "Zines made" || m["zines"].Unit != "zines" {
		t.Errorf("totals.measures = %+v, want zines: 45", m)
	}
	if s := tot.Surveys; s.All != (specSurvey{24, 22, 19, 17, 20}) || len(s.Topics) != 1 || s.Topics["education-lifelong-learning"] != s.All {
		t.Errorf("totals.surveys = %+v", s)
	}
	// The years, newest first; 2025-26 is not over on 2026-03-01.
	var years []string
	for _, y := range f.FiscalYears {
		to := "null"
		if y.ToDate != nil {
			to = *y.ToDate
		}
		years = append(years, y.Name+" "+y.Start+" "+y.End+" "+to)
	}
	if want := []string{"2025-26 2025-07-01 2026-06-30 2026-03-01", "2023-24 2023-07-01 2024-06-30 null"}; !slices.Equal(years, want) {
		t.Errorf("fiscal_years = %q, want %q", years, want)
	}
	if y := f.FiscalYears[0].Totals; y.Library.TotalValue != 8400.3 || y.Surveys.All.Respondents != 24 || len(y.Measures) != 0 {
		t.Errorf("fiscal_years[0].totals = %+v", y)
	}

	// The bytes themselves: exact decimals, null, nothing private.
	for _, want := range []string{`"USD": 2400.3`, `"end":null`, `"amount":0.1,`, `"Partnerships & more <test>"`, `"date":null`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	for _, bad := range append(leaks, "e+", "0000000001", "Our kids finally") {
		if bytes.Contains(data, []byte(bad)) {
			t.Errorf("JSON contains %q", bad)
		}
	}
}

// TestJSONKeyOrder reads the raw tokens: every object's keys must be in
// the order SPEC §4 writes them.
func TestJSONKeyOrder(t *testing.T) {
	data := writeJSON(t)
	want := map[string][]string{
		"":                           {"site", "partnerships", "totals", "fiscal_years"},
		"site":                       {"title", "library", "currency", "generated"},
		"partnerships[]":             {"slug", "url", "title", "summary", "status", "start", "end", "partner", "branches", "neighborhoods", "audiences", "languages", "tags", "review", "resources", "asks", "outcomes", "surveys"},
		"partnerships[].partner":     {"name", "slug", "url"},
		"partnerships[].review":      {"state", "date", "by", "current"},
		"partnerships[].resources[]": {"from", "kind", "amount", "unit", "value", "estimated", "description", "date"},
		"partnerships[].asks[]":      {"ask", "status", "reason", "date"},
		"partnerships[].outcomes[]":  {"measure", "measure_id", "value", "unit", "date", "note"},
		"partnerships[].surveys[]":   {"topic", "date", "respondents", "knowledge", "confidence", "application", "awareness"},
		"totals":                     {"library", "partner", "asks", "partnerships", "measures", "surveys"},
		"totals.library":             {"money", "staff_hours", "room_hours", "estimated_value", "total_value"},
		"totals.partner":             {"money", "staff_hours", "room_hours", "estimated_value", "total_value"},
		"totals.measures.zines":      {"label", "unit", "value"},
		"totals.surveys":             {"all", "topics"},
		"totals.surveys.all":         {"respondents", "knowledge", "confidence", "application", "awareness"},
		"fiscal_years[]":             {"name", "start", "end", "to_date", "totals"},
		"totals.asks":                {"delivered", "in_progress", "planned", "declined"},
		"totals.partnerships":        {"planning", "active", "paused", "completed"},
	}
	got := map[string][][]string{}
	dec := json.NewDecoder(bytes.NewReader(data))
	var walk func(path string) // reads one value
	walk = func(path string) {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		switch tok {
		case json.Delim('{'):
			var keys []string
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					t.Fatal(err)
				}
				keys = append(keys, k.(string))
				walk(strings.TrimPrefix(path+"."+k.(string), "."))
			}
			dec.Token()
			got[path] = append(got[path], keys)
		case json.Delim('['):
			for dec.More() {
				walk(path + "[]")
			}
			dec.Token()
		}
	}
	walk("")
	if _, err := dec.Token(); err != io.EOF {
		t.Errorf("more after the top object: %v", err)
	}
	for path, keys := range want {
		if len(got[path]) == 0 {
			t.Errorf("no object at %s", path)
		}
		for _, g := range got[path] {
			if !slices.Equal(g, keys) {
				t.Errorf("keys of %s = %q, want %q", path, g, keys)
			}
		}
	}
}

func TestJSONEmpty(t *testing.T) {
	site := sitetest.Load(t, siteToml)
	var b bytes.Buffer
	if err := JSON(&b, site, nil, "", now, nil); err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatalf("%v\n%s", err, b.Bytes())
	}
	if !bytes.Contains(b.Bytes(), []byte(`"partnerships": [],`)) || !bytes.Contains(b.Bytes(), []byte(`"money": {}`)) {
		t.Errorf("empty site JSON =\n%s", b.Bytes())
	}
}

func TestFormatNumber(t *testing.T) {
	for x, want := range map[float64]string{0: "0", 2400: "2400", 0.1 + 0.2: "0.3", 1e21: "1000000000000000000000", 1e-7: "0", 404.25: "404.25"} {
		if got := formatNumber(x); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", x, got, want)
		}
	}
}
