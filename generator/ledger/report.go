package ledger

import "github.com/alongside-dev/alongside/generator/content"

// A Report is the annual report of one fiscal year.
type Report struct {
	Year   FiscalYear
	Totals Totals // ForYear of the year
	Rows   []Row  // the partnerships involved in the year, in input order; set by Annual
}

// A Row is one partnership in a report: its own totals for the year and
// what the report itemizes of it, each list in input order.
type Row struct {
	Profile *content.Profile
	Totals  Totals

	Resources []*content.Resource // the resources dated in the year
	Declined  []*content.Ask      // the declined asks placed in the year (by their date, else the start)
	Outcomes  []*content.Outcome  // the outcomes dated in the year
	Surveys   []*content.Survey   // the surveys dated in the year
}

// Annual returns the report of fy, with its rows.
func Annual(profiles []*content.Profile, fy FiscalYear, today content.Date) Report {
	return Report{Year: fy, Totals: ForYear(profiles, fy, today), Rows: Rows(profiles, fy, today)}
}

// Rows returns the rows of the report of fy, for a caller that has its
// totals (ForYear) already.
func Rows(profiles []*content.Profile, fy FiscalYear, today content.Date) []Row {
	involved := InvolvedIn(profiles, fy, today)
	rows := make([]Row, len(involved))
	for i, p := range involved {
		rows[i] = RowOf(p, fy)
	}
	return rows
}

// InvolvedIn returns the profiles the report of fy has a row for, in
// input order: Rows without their rows, for a caller that makes a few of
// them at a time.
func InvolvedIn(profiles []*content.Profile, fy FiscalYear, today content.Date) []*content.Profile {
	var out []*content.Profile
	for _, p := range profiles {
		if Involved(p, fy, today) {
			out = append(out, p)
		}
	}
	return out
}

// RowOf returns p's row in the report of fy; p is one of InvolvedIn's.
func RowOf(p *content.Profile, fy FiscalYear) Row {
	var one tally
	one.profile(p, fy.Contains)
	return itemize(p, fy, one.totals())
}

// itemize lists what p records in fy.
func itemize(p *content.Profile, fy FiscalYear, t Totals) Row {
	row := Row{Profile: p, Totals: t}
	for i := range p.Resources {
		if r := &p.Resources[i]; fy.Contains(r.Date) {
			row.Resources = append(row.Resources, r)
		}
	}
	for i := range p.Asks {
		if a := &p.Asks[i]; a.Status == "declined" && fy.Contains(askDate(p, a)) {
			row.Declined = append(row.Declined, a)
		}
	}
	for i := range p.Outcomes {
		if o := &p.Outcomes[i]; fy.Contains(o.Date) {
			row.Outcomes = append(row.Outcomes, o)
		}
	}
	for i := range p.Surveys {
		if s := &p.Surveys[i]; fy.Contains(s.Date) {
			row.Surveys = append(row.Surveys, s)
		}
	}
	return row
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
