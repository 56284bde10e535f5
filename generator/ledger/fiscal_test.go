package ledger

import (
	"slices"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

var (
	jan1 = content.MonthDay{Month: 1, Day: 1}
	jul1 = content.MonthDay{Month: 7, Day: 1}
)

func TestFiscalYearOf(t *testing.T) {
	tests := []struct {
		date              string
		start             content.MonthDay
		name, first, last string
	}{
		{"2025-06-30", jul1, "2024-25", "2024-07-01", "2025-06-30"},
		{"2025-07-01", jul1, "2025-26", "2025-07-01", "2026-06-30"},
		{"2025-12-31", jul1, "2025-26", "2025-07-01", "2026-06-30"},
		{"2026-01-01", jul1, "2025-26", "2025-07-01", "2026-06-30"},
		{"2099-08-01", jul1, "2099-00", "2099-07-01", "2100-06-30"},
		{"2025-01-01", jan1, "2025", "2025-01-01", "2025-12-31"},
		{"2024-12-31", jan1, "2024", "2024-01-01", "2024-12-31"},
		{"2025-05-05", content.MonthDay{}, "2025", "2025-01-01", "2025-12-31"},
		{"2024-02-29", content.MonthDay{Month: 3, Day: 1}, "2023-24", "2023-03-01", "2024-02-29"},
		{"2025-03-01", content.MonthDay{Month: 3, Day: 1}, "2025-26", "2025-03-01", "2026-02-28"},
		{"2025-12-30", content.MonthDay{Month: 12, Day: 31}, "2024-25", "2024-12-31", "2025-12-30"},
	}
	for _, tt := range tests {
		fy := FiscalYearOf(date(t, tt.date), tt.start)
		if fy.Name != tt.name || fy.Start.String() != tt.first || fy.End.String() != tt.last {
			t.Errorf("FiscalYearOf(%s, %s) = %s %s…%s, want %s %s…%s", tt.date, tt.start, fy.Name, fy.Start, fy.End, tt.name, tt.first, tt.last)
		}
		if fy.Slug() != tt.name || fy.String() != tt.name {
			t.Errorf("FiscalYear %s: Slug %q, String %q", tt.name, fy.Slug(), fy.String())
		}
		if !fy.Contains(date(t, tt.date)) || !fy.Contains(fy.Start) || !fy.Contains(fy.End) {
			t.Errorf("FiscalYear %s does not contain %s or its own first and last days", fy, tt.date)
		}
		if fy.Contains(content.Date{Time: fy.Start.AddDate(0, 0, -1)}) || fy.Contains(content.Date{Time: fy.End.AddDate(0, 0, 1)}) {
			t.Errorf("FiscalYear %s contains the day before or after it", fy)
		}
	}
}

func TestActive(t *testing.T) {
	p := func(start, end string) *content.Profile {
		pr := &content.Profile{Start: date(t, start)}
		if end != "" {
			pr.End = date(t, end)
		}
		return pr
	}
	fy := FiscalYearOf(date(t, "2025-07-01"), jul1) // 2025-07-01…2026-06-30
	later := content.DateOf(2030, 1, 1)
	tests := []struct {
		start, end string
		today      content.Date
		want       bool
	}{
		{"2024-01-01", "2025-06-30", later, false},
		{"2024-01-01", "2025-07-01", later, true},
		{"2026-06-30", "2027-01-01", later, true},
		{"2026-07-01", "2027-01-01", later, false},
		{"2020-01-01", "", today, true}, // open: runs to today (2026-03-01)
		{"2020-01-01", "", content.DateOf(2025, 6, 30), false},
		{"2026-03-01", "", today, true},            // started today
		{"2026-05-01", "", today, false},           // not started by today
		{"2026-05-01", "2026-06-01", today, false}, // planned for later this year
		{"2025-01-01", "2027-01-01", today, true},
	}
	for _, tt := range tests {
		if got := Active(p(tt.start, tt.end), fy, tt.today); got != tt.want {
			t.Errorf("Active(%s…%s, %s, today %s) = %v, want %v", tt.start, tt.end, fy, tt.today, got, tt.want)
		}
	}
	// A span never runs past today: a partnership planned to end in
	// 2027 is not in the reports of years that have not begun.
	long := p("2025-01-01", "2027-12-31")
	var names []string
	for _, fy := range Years([]*content.Profile{long}, jul1, today) {
		names = append(names, fy.Name)
	}
	if want := []string{"2025-26", "2024-25"}; !slices.Equal(names, want) {
		t.Errorf("Years of a partnership running to 2027, built 2026-03-01 = %q, want %q", names, want)
	}
}

func TestYears(t *testing.T) {
	ps := published(t)
	var got []string
	for _, fy := range Years(ps, jul1, today) {
		got = append(got, fy.Name)
	}
	// Alpha runs 2024-09-01 to today; beta's span is in 2022-23 and it
	// counted visitors in 2023-24; delta starts 2025-07-01.
	if want := []string{"2025-26", "2024-25", "2023-24", "2022-23"}; !slices.Equal(got, want) {
		t.Errorf("Years = %q, want %q", got, want)
	}
	got = got[:0]
	for _, fy := range Years(ps, jan1, today) {
		got = append(got, fy.Name)
	}
	if want := []string{"2026", "2025", "2024", "2023"}; !slices.Equal(got, want) {
		t.Errorf("Years (01-01) = %q, want %q", got, want)
	}
	if got := Years(nil, jul1, today); len(got) != 0 {
		t.Errorf("Years(nil) = %v, want none", got)
	}
}

func TestReports(t *testing.T) {
	reps := Reports(published(t), jul1, today)
	var got [][]string
	for _, r := range reps {
		names := []string{r.Year.Name}
		for _, row := range r.Rows {
			names = append(names, row.Profile.Slug)
		}
		got = append(got, names)
	}
	want := [][]string{
		{"2025-26", "alpha", "delta"},
		{"2024-25", "alpha"},
		{"2023-24", "beta"},
		{"2022-23", "beta"},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Reports = %q, want %q", got, want)
	}
	// The rows of a year add up to its totals.
	r := reps[0]
	if a, d := r.Rows[0].Totals, r.Rows[1].Totals; a.Library.Money["USD"] != 0.2 || a.Asks.Declined != 1 || d.Asks.Delivered != 1 || d.Partnerships.Paused != 1 {
		t.Errorf("rows of 2025-26: alpha %+v, delta %+v", a, d)
	}
	if r.Totals.Organizations != 2 {
		t.Errorf("2025-26 has %d organizations, want 2", r.Totals.Organizations)
	}
}

// TestItemize: a row lists what its partnership records in the year: the
// resources and outcomes dated in it (an undated one by the start), the
// declined asks placed in it.
func TestItemize(t *testing.T) {
	reps := Reports(published(t), jul1, today)
	items := func(row Row) (res []float64, declined, outs []string) {
		for _, r := range row.Resources {
			res = append(res, r.Amount)
		}
		for _, a := range row.Declined {
			declined = append(declined, a.Ask)
		}
		for _, o := range row.Outcomes {
			outs = append(outs, o.Measure)
		}
		return
	}
	for _, tt := range []struct {
		year           int // index in reps
		res            []float64
		declined, outs []string
	}{
		{0, []float64{0.2, 20.5, 500}, []string{"Laptops"}, []string{"Students who came"}},
		{1, []float64{1000, 0.1, 10, 4, 3, 10}, nil, []string{"Students who came", "Sessions"}},
	} {
		row := reps[tt.year].Rows[0]
		if row.Profile.Slug != "alpha" {
			t.Fatalf("first row of %s is %s, want alpha", reps[tt.year].Year, row.Profile.Slug)
		}
		res, declined, outs := items(row)
		if !slices.Equal(res, tt.res) || !slices.Equal(declined, tt.declined) || !slices.Equal(outs, tt.outs) {
			t.Errorf("alpha in %s: resources %v, declined %q, outcomes %q; want %v, %q, %q",
				reps[tt.year].Year, res, declined, outs, tt.res, tt.declined, tt.outs)
		}
	}
}

// TestToDate: a year that has not ended by today is reported through
// today; an ended one through its last day.
func TestToDate(t *testing.T) {
	fy := FiscalYearOf(date(t, "2026-07-01"), jul1)
	for _, tt := range []struct {
		today   string
		toDate  bool
		through string
	}{
		{"2026-12-04", true, "2026-12-04"},
		{"2027-06-29", true, "2027-06-29"},
		{"2027-06-30", false, "2027-06-30"},
		{"2028-01-01", false, "2027-06-30"},
	} {
		today := date(t, tt.today)
		if got, th := fy.ToDate(today), fy.Through(today); got != tt.toDate || th.String() != tt.through {
			t.Errorf("on %s: ToDate %v, Through %s; want %v, %s", tt.today, got, th, tt.toDate, tt.through)
		}
	}
}
