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
		Totals       struct {
			Library, Partner specSide
			Asks             map[string]int
			Partnerships     map[string]int
			Outcomes         map[string]float64
		}
	}
	specSide struct {
		Money          map[string]float64
		StaffHours     float64 `json:"staff_hours"`
		RoomHours      float64 `json:"room_hours"`
		EstimatedValue float64 `json:"estimated_value"`
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
			Measure string
			Value   float64
			Unit    string
			Date    *string
			Note    string
		}
	}
)

func writeJSON(t *testing.T) []byte {
	t.Helper()
	site, published := testSite(t)
	slices.Reverse(published) // the export orders by slug itself
	var b bytes.Buffer
	if err := JSON(&b, site, published, "", now); err != nil {
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
	if o := zine.Outcomes; *o[0].Date != "2024-01-10" || o[1].Unit != "" || o[1].Value != 6 {
		t.Errorf("outcomes = %+v (an undated outcome is dated by the start)", o)
	}

	// Totals, by hand:
	//   library money 2400 + 0.1 + 0.2; staff 10.5 h; rooms 120 h;
	//   estimated 120×45 + 600 + 10.5×38.5 = 5400 + 600 + 404.25;
	//   partner money CAD 1200 + 300, never in USD; staff 180 h, 180×38.5;
	//   the risograph printers have no value.
	tot := f.Totals
	wantLib := specSide{Money: map[string]float64{"USD": 2400.3}, StaffHours: 10.5, RoomHours: 120, EstimatedValue: 6404.25}
	wantPar := specSide{Money: map[string]float64{"CAD": 1500}, StaffHours: 180, EstimatedValue: 6930}
	if !reflect.DeepEqual(tot.Library, wantLib) || !reflect.DeepEqual(tot.Partner, wantPar) {
		t.Errorf("totals: library %+v, partner %+v\nwant %+v, %+v", tot.Library, tot.Partner, wantLib, wantPar)
	}
	if want := map[string]int{"delivered": 1, "in_progress": 1, "planned": 1, "declined": 1}; !reflect.DeepEqual(tot.Asks, want) {
		t.Errorf("totals.asks = %v, want %v", tot.Asks, want)
	}
	if want := map[string]int{"planning": 0, "active": 1, "paused": 0, "completed": 1}; !reflect.DeepEqual(tot.Partnerships, want) {
		t.Errorf("totals.partnerships = %v, want %v", tot.Partnerships, want)
	}
	if want := map[string]float64{"students": 37, "zines": 45}; !reflect.DeepEqual(tot.Outcomes, want) {
		t.Errorf("totals.outcomes = %v, want %v", tot.Outcomes, want)
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
		"":                           {"site", "partnerships", "totals"},
		"site":                       {"title", "library", "currency", "generated"},
		"partnerships[]":             {"slug", "url", "title", "summary", "status", "start", "end", "partner", "branches", "neighborhoods", "audiences", "languages", "tags", "review", "resources", "asks", "outcomes"},
		"partnerships[].partner":     {"name", "slug", "url"},
		"partnerships[].review":      {"state", "date", "by", "current"},
		"partnerships[].resources[]": {"from", "kind", "amount", "unit", "value", "estimated", "description", "date"},
		"partnerships[].asks[]":      {"ask", "status", "reason", "date"},
		"partnerships[].outcomes[]":  {"measure", "value", "unit", "date", "note"},
		"totals":                     {"library", "partner", "asks", "partnerships", "outcomes"},
		"totals.library":             {"money", "staff_hours", "room_hours", "estimated_value"},
		"totals.partner":             {"money", "staff_hours", "room_hours", "estimated_value"},
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
	if err := JSON(&b, site, nil, "", now); err != nil {
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
