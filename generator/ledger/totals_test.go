package ledger

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestCompute(t *testing.T) {
	got := Compute(published(t))
	want := Totals{
		Library: Side{
			Money:          map[string]float64{"USD": 1000.3}, // 1000 + 0.1 + 0.2
			StaffHours:     12.25,                             // 10 + 2.25
			RoomHours:      4,
			EstimatedValue: 1190,   // 10×40 + 4×25 + 600 + 2.25×40; laptops unvalued
			Value:          2190.3, // money 1000.3 + 1190
			Kinds: map[string]Sum{
				"money":      {Items: 3, Value: 1000.3},
				"staff_time": {Items: 2, Value: 490},
				"space":      {Items: 1, Value: 100},
				"marketing":  {Items: 1, Value: 600},
				"equipment":  {Items: 1, Unvalued: 1},
			},
		},
		Partner: Side{
			Money:          map[string]float64{"USD": 0.1, "CAD": 1700}, // 500 + 1200, CAD never in USD
			StaffHours:     20.5,
			EstimatedValue: 820,    // 20.5×40; the CAD value 880 is money, not an estimate
			Value:          1700.1, // 0.1 + 880 + 820
			Kinds: map[string]Sum{
				"money":      {Items: 3, Value: 880.1, Unvalued: 1},
				"staff_time": {Items: 1, Value: 820},
				"materials":  {Items: 1, Unvalued: 1},
			},
		},
		Asks:          AskCounts{Delivered: 2, InProgress: 1, Planned: 1, Declined: 1},
		Partnerships:  StatusCounts{Active: 1, Paused: 1, Completed: 1},
		Outcomes:      map[string]float64{"students": 40.1, "visitors": 100}, // 37 + 0.1 + 3; "Sessions" has no unit
		Organizations: 3,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Compute =\n%+v\nwant\n%+v", got, want)
	}
}

func TestForYear(t *testing.T) {
	ps := published(t)
	tests := []struct {
		fy   string
		want Totals
	}{
		{"2024-07-01", Totals{
			Library: Side{
				Money:      map[string]float64{"USD": 1000.1}, // 2025-06-30 is still FY 2024-25
				StaffHours: 10, RoomHours: 4, EstimatedValue: 1100, Value: 2100.1,
				Kinds: map[string]Sum{
					"money":      {Items: 2, Value: 1000.1},
					"staff_time": {Items: 1, Value: 400},
					"space":      {Items: 1, Value: 100},
					"marketing":  {Items: 1, Value: 600},
				},
			},
			Partner: Side{
				Money: map[string]float64{},
				Kinds: map[string]Sum{"materials": {Items: 1, Unvalued: 1}},
			},
			Asks:          AskCounts{Delivered: 1}, // an undated ask belongs to the start's year
			Partnerships:  StatusCounts{Active: 1},
			Outcomes:      map[string]float64{"students": 37},
			Organizations: 1,
		}},
		{"2025-07-01", Totals{
			Library: Side{
				Money: map[string]float64{"USD": 0.2}, Value: 0.2,
				Kinds: map[string]Sum{"money": {Items: 1, Value: 0.2}},
			},
			Partner: Side{
				Money:      map[string]float64{"CAD": 500},
				StaffHours: 20.5, EstimatedValue: 820, Value: 820,
				Kinds: map[string]Sum{
					"money":      {Items: 1, Unvalued: 1},
					"staff_time": {Items: 1, Value: 820},
				},
			},
			Asks:          AskCounts{Delivered: 1, Declined: 1},
			Partnerships:  StatusCounts{Active: 1, Paused: 1},
			Outcomes:      map[string]float64{"students": 0.1},
			Organizations: 2,
		}},
		// Beta ended in June 2023 but counted visitors in September.
		{"2023-07-01", Totals{
			Library:       Side{Money: map[string]float64{}, Kinds: map[string]Sum{}},
			Partner:       Side{Money: map[string]float64{}, Kinds: map[string]Sum{}},
			Partnerships:  StatusCounts{Completed: 1},
			Outcomes:      map[string]float64{"visitors": 100},
			Organizations: 1,
		}},
		{"2019-07-01", Totals{
			Library:  Side{Money: map[string]float64{}, Kinds: map[string]Sum{}},
			Partner:  Side{Money: map[string]float64{}, Kinds: map[string]Sum{}},
			Outcomes: map[string]float64{},
		}},
	}
	for _, tt := range tests {
		fy := FiscalYearOf(date(t, tt.fy), jul1)
		got := ForYear(ps, fy, today)
		// Kinds is empty rather than nil when nothing was counted.
		for _, s := range []*Side{&tt.want.Library, &tt.want.Partner} {
			if s.Kinds == nil {
				s.Kinds = map[string]Sum{}
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ForYear(%s) =\n%+v\nwant\n%+v", fy, got, tt.want)
		}
		if rep := Annual(ps, fy, today); !reflect.DeepEqual(rep.Totals, got) {
			t.Errorf("Annual(%s).Totals = %+v, want ForYear's %+v", fy, rep.Totals, got)
		}
	}
}

func TestOf(t *testing.T) {
	ps := published(t)
	got := Of(ps[1]) // beta
	if want := map[string]float64{"USD": 0.1, "CAD": 1200}; !reflect.DeepEqual(got.Partner.Money, want) {
		t.Errorf("Of(beta).Partner.Money = %v, want %v", got.Partner.Money, want)
	}
	if got.Library.StaffHours != 2.25 || got.Library.EstimatedValue != 90 || got.Partnerships.Completed != 1 {
		t.Errorf("Of(beta) = %+v", got)
	}
}

// TestSideCounts: of TestCompute's resources, the library's laptops and
// the partner's boxes and its CAD without a value are unvalued; the library has
// 4 valued in-kind resources (2 staff time, space, marketing), the
// partner 1 (staff time).
func TestSideCounts(t *testing.T) {
	got := Compute(published(t))
	for _, tt := range []struct {
		name                string
		s                   *Side
		unvalued, estimated int
	}{
		{"library", &got.Library, 1, 4},
		{"partner", &got.Partner, 2, 1},
	} {
		if u, e := tt.s.Unvalued(), tt.s.EstimatedItems(); u != tt.unvalued || e != tt.estimated {
			t.Errorf("%s: Unvalued = %d, EstimatedItems = %d; want %d, %d", tt.name, u, e, tt.unvalued, tt.estimated)
		}
	}
}

func TestTotalsJSON(t *testing.T) {
	data, err := json.Marshal(Compute(published(t)))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"library":{"money":{"USD":1000.3},"staff_hours":12.25,"room_hours":4,"estimated_value":1190},` +
		`"partner":{"money":{"CAD":1700,"USD":0.1},"staff_hours":20.5,"room_hours":0,"estimated_value":820},` +
		`"asks":{"delivered":2,"in_progress":1,"planned":1,"declined":1},` +
		`"partnerships":{"planning":0,"active":1,"paused":1,"completed":1},` +
		`"outcomes":{"students":40.1,"visitors":100}}`
	if string(data) != want {
		t.Errorf("JSON =\n%s\nwant\n%s", data, want)
	}
	data, err = json.Marshal(Compute(nil))
	if err != nil {
		t.Fatal(err)
	}
	want = `{"library":{"money":{},"staff_hours":0,"room_hours":0,"estimated_value":0},` +
		`"partner":{"money":{},"staff_hours":0,"room_hours":0,"estimated_value":0},` +
		`"asks":{"delivered":0,"in_progress":0,"planned":0,"declined":0},` +
		`"partnerships":{"planning":0,"active":0,"paused":0,"completed":0},"outcomes":{}}`
	if string(data) != want {
		t.Errorf("JSON of nothing =\n%s\nwant\n%s", data, want)
	}
}

func TestCounts(t *testing.T) {
	a := AskCounts{Delivered: 1, InProgress: 2, Planned: 3, Declined: 4}
	for i, s := range []string{"delivered", "in_progress", "planned", "declined", "nope"} {
		if got, want := a.Get(s), (i+1)%5; got != want {
			t.Errorf("AskCounts.Get(%q) = %d, want %d", s, got, want)
		}
	}
	if a.Total() != 10 {
		t.Errorf("AskCounts.Total = %d, want 10", a.Total())
	}
	s := StatusCounts{Planning: 1, Active: 2, Paused: 3, Completed: 4}
	for i, st := range []string{"planning", "active", "paused", "completed", "nope"} {
		if got, want := s.Get(st), (i+1)%5; got != want {
			t.Errorf("StatusCounts.Get(%q) = %d, want %d", st, got, want)
		}
	}
	if s.Total() != 10 {
		t.Errorf("StatusCounts.Total = %d, want 10", s.Total())
	}
}
