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
			TotalValue:     2190.3, // money 1000.3 + 1190
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
			TotalValue:     1700.1, // 0.1 + 880 + 820
			Kinds: map[string]Sum{
				"money":      {Items: 3, Value: 880.1, Unvalued: 1},
				"staff_time": {Items: 1, Value: 820},
				"materials":  {Items: 1, Unvalued: 1},
			},
		},
		Asks:         AskCounts{Delivered: 2, InProgress: 1, Planned: 1, Declined: 1},
		Partnerships: StatusCounts{Active: 1, Paused: 1, Completed: 1},
		// Students: 37 + 0.1; beta's 3 "Students" are free text, never
		// added, whatever their unit; so are alpha's 12 "Sessions".
		Measures: map[string]MeasureSum{
			"students": {Label: "Students who came", Unit: "students", Value: 37.1, Partnerships: 1},
			"visitors": {Label: "Visitors", Unit: "people", Value: 100, Partnerships: 1},
		},
		// Three surveys: alpha's 9 of 10 (90 %) and 45 of 90 (50 %), beta's
		// 5 of 5 (100 %) learned something: 59 of 105, 56 %, and not the
		// 80 % an average of the three percentages would give.
		Surveys: SurveyTotals{
			All: SurveySum{Respondents: 105, Knowledge: 59, Confidence: 42, Application: 70, Awareness: 12, Surveys: 3, Partnerships: 2},
			Topics: map[string]SurveySum{
				"education-lifelong-learning": {Respondents: 15, Knowledge: 14, Confidence: 12, Application: 10, Awareness: 12, Surveys: 2, Partnerships: 2},
				"digital-learning":            {Respondents: 90, Knowledge: 45, Confidence: 30, Application: 60, Awareness: 0, Surveys: 1, Partnerships: 1},
			},
		},
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
				StaffHours: 10, RoomHours: 4, EstimatedValue: 1100, TotalValue: 2100.1,
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
			Asks:         AskCounts{Delivered: 1}, // an undated ask belongs to the start's year
			Partnerships: StatusCounts{Active: 1},
			Measures:     map[string]MeasureSum{"students": {Label: "Students who came", Unit: "students", Value: 37, Partnerships: 1}},
			Surveys: SurveyTotals{
				All:    SurveySum{Respondents: 10, Knowledge: 9, Confidence: 8, Application: 7, Awareness: 10, Surveys: 1, Partnerships: 1},
				Topics: map[string]SurveySum{"education-lifelong-learning": {Respondents: 10, Knowledge: 9, Confidence: 8, Application: 7, Awareness: 10, Surveys: 1, Partnerships: 1}},
			},
			Organizations: 1,
		}},
		{"2025-07-01", Totals{
			Library: Side{
				Money: map[string]float64{"USD": 0.2}, TotalValue: 0.2,
				Kinds: map[string]Sum{"money": {Items: 1, Value: 0.2}},
			},
			Partner: Side{
				Money:      map[string]float64{"CAD": 500},
				StaffHours: 20.5, EstimatedValue: 820, TotalValue: 820,
				Kinds: map[string]Sum{
					"money":      {Items: 1, Unvalued: 1},
					"staff_time": {Items: 1, Value: 820},
				},
			},
			Asks:         AskCounts{Delivered: 1, Declined: 1},
			Partnerships: StatusCounts{Active: 1, Paused: 1},
			Measures:     map[string]MeasureSum{"students": {Label: "Students who came", Unit: "students", Value: 0.1, Partnerships: 1}},
			Surveys: SurveyTotals{
				All:    SurveySum{Respondents: 90, Knowledge: 45, Confidence: 30, Application: 60, Surveys: 1, Partnerships: 1},
				Topics: map[string]SurveySum{"digital-learning": {Respondents: 90, Knowledge: 45, Confidence: 30, Application: 60, Surveys: 1, Partnerships: 1}},
			},
			Organizations: 2,
		}},
		// Beta ended in June 2023 but counted visitors in September.
		{"2023-07-01", Totals{
			Library:       Side{Money: map[string]float64{}, Kinds: map[string]Sum{}},
			Partner:       Side{Money: map[string]float64{}, Kinds: map[string]Sum{}},
			Partnerships:  StatusCounts{Completed: 1},
			Measures:      map[string]MeasureSum{"visitors": {Label: "Visitors", Unit: "people", Value: 100, Partnerships: 1}},
			Organizations: 1,
		}},
		{"2019-07-01", Totals{
			Library: Side{Money: map[string]float64{}, Kinds: map[string]Sum{}},
			Partner: Side{Money: map[string]float64{}, Kinds: map[string]Sum{}},
		}},
	}
	for _, tt := range tests {
		fy := FiscalYearOf(date(t, tt.fy), jul1)
		got := ForYear(ps, fy, today)
		// Kinds, Measures and survey topics are empty rather than nil
		// when nothing was counted.
		for _, s := range []*Side{&tt.want.Library, &tt.want.Partner} {
			if s.Kinds == nil {
				s.Kinds = map[string]Sum{}
			}
		}
		if tt.want.Measures == nil {
			tt.want.Measures = map[string]MeasureSum{}
		}
		if tt.want.Surveys.Topics == nil {
			tt.want.Surveys.Topics = map[string]SurveySum{}
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
	want := `{"library":{"money":{"USD":1000.3},"staff_hours":12.25,"room_hours":4,"estimated_value":1190,"total_value":2190.3},` +
		`"partner":{"money":{"CAD":1700,"USD":0.1},"staff_hours":20.5,"room_hours":0,"estimated_value":820,"total_value":1700.1},` +
		`"asks":{"delivered":2,"in_progress":1,"planned":1,"declined":1},` +
		`"partnerships":{"planning":0,"active":1,"paused":1,"completed":1},` +
		`"measures":{"students":{"label":"Students who came","unit":"students","value":37.1},"visitors":{"label":"Visitors","unit":"people","value":100}},` +
		`"surveys":{"all":{"respondents":105,"knowledge":59,"confidence":42,"application":70,"awareness":12},` +
		`"topics":{"digital-learning":{"respondents":90,"knowledge":45,"confidence":30,"application":60,"awareness":0},` +
		`"education-lifelong-learning":{"respondents":15,"knowledge":14,"confidence":12,"application":10,"awareness":12}}}}`
	if string(data) != want {
		t.Errorf("JSON =\n%s\nwant\n%s", data, want)
	}
	data, err = json.Marshal(Compute(nil))
	if err != nil {
		t.Fatal(err)
	}
	want = `{"library":{"money":{},"staff_hours":0,"room_hours":0,"estimated_value":0,"total_value":0},` +
		`"partner":{"money":{},"staff_hours":0,"room_hours":0,"estimated_value":0,"total_value":0},` +
		`"asks":{"delivered":0,"in_progress":0,"planned":0,"declined":0},` +
		`"partnerships":{"planning":0,"active":0,"paused":0,"completed":0},"measures":{},` +
		`"surveys":{"all":{"respondents":0,"knowledge":0,"confidence":0,"application":0,"awareness":0},"topics":{}}}`
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

// TestSurveyShares: a share is summed counts over summed respondents,
// rounded half up to a whole percent.
func TestSurveyShares(t *testing.T) {
	all := Compute(published(t)).Surveys.All
	for _, tt := range []struct {
		outcome string
		share   float64
		percent int
	}{
		{"knowledge", 59.0 / 105, 56}, // not (90 + 50 + 100) / 3 = 80
		{"confidence", 42.0 / 105, 40},
		{"application", 70.0 / 105, 67},
		{"awareness", 12.0 / 105, 11},
	} {
		if got := all.Share(tt.outcome); got != tt.share {
			t.Errorf("Share(%s) = %v, want %v", tt.outcome, got, tt.share)
		}
		if got := all.Percent(tt.outcome); got != tt.percent {
			t.Errorf("Percent(%s) = %d, want %d", tt.outcome, got, tt.percent)
		}
	}
	if p := (SurveySum{Respondents: 8, Knowledge: 7}).Percent("knowledge"); p != 88 {
		t.Errorf("7 of 8 = %d %%, want 88 (rounded half up)", p)
	}
	if p := (SurveySum{}).Percent("knowledge"); p != 0 {
		t.Errorf("no respondents = %d %%, want 0", p)
	}
}
