package ledger

import "github.com/alongside-dev/alongside/generator/content"

// A Report is the annual report of one fiscal year.
type Report struct {
	Year   FiscalYear
	Totals Totals // ForYear of the year
	Rows   []Row  // the partnerships involved in the year, in input order
}

// A Row is one partnership in a report, with its own totals for the year.
type Row struct {
	Profile *content.Profile
	Totals  Totals
}

// Annual returns the report of fy.
func Annual(profiles []*content.Profile, fy FiscalYear, today content.Date) Report {
	r := Report{Year: fy}
	var all tally
	for _, p := range profiles {
		if !Involved(p, fy, today) {
			continue
		}
		all.profile(p, fy.Contains)
		var one tally
		one.profile(p, fy.Contains)
		r.Rows = append(r.Rows, Row{Profile: p, Totals: one.totals()})
	}
	r.Totals = all.totals()
	return r
}

// Reports returns the report of each of Years(profiles, start, today),
// newest first.
func Reports(profiles []*content.Profile, start content.MonthDay, today content.Date) []Report {
	years := Years(profiles, start, today)
	out := make([]Report, len(years))
	for i, fy := range years {
		out[i] = Annual(profiles, fy, today)
	}
	return out
}
