package ledger

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
)

// A FiscalYear is one year of annual reports, from Start to End inclusive.
type FiscalYear struct {
	Start, End content.Date
	Name       string // "2025-26", or "2025" when the year starts on 01-01
}

// FiscalYearOf returns the fiscal year, starting each year on start, that
// holds d. A zero start means 01-01.
func FiscalYearOf(d content.Date, start content.MonthDay) FiscalYear {
	start = validStart(start)
	return fiscalYear(startYear(d, start), start)
}

// validStart is start, or January 1 when start is no day of the year.
func validStart(start content.MonthDay) content.MonthDay {
	if start.Month < 1 || start.Month > 12 || start.Day < 1 {
		return content.MonthDay{Month: 1, Day: 1}
	}
	return start
}

// startYear is the calendar year in which the fiscal year of d begins;
// start is valid.
func startYear(d content.Date, start content.MonthDay) int {
	y := d.Year()
	if d.Before(yearStart(y, start).Time) {
		y--
	}
	return y
}

// fiscalYear is the fiscal year that begins in the calendar year y;
// start is valid.
func fiscalYear(y int, start content.MonthDay) FiscalYear {
	first := yearStart(y, start)
	fy := FiscalYear{Start: first, End: content.Date{Time: first.AddDate(1, 0, -1)}}
	if start.Month == 1 && start.Day == 1 {
		fy.Name = strconv.Itoa(y)
	} else {
		fy.Name = fmt.Sprintf("%d-%02d", y, (y+1)%100)
	}
	return fy
}

func yearStart(y int, start content.MonthDay) content.Date {
	return content.DateOf(y, time.Month(start.Month), start.Day)
}

// String is the year's name.
func (fy FiscalYear) String() string { return fy.Name }

// Slug is the year's name, used in /reports/<slug>/.
func (fy FiscalYear) Slug() string { return fy.Name }

// ToDate reports whether the year has not ended by today: its figures
// are those of the year to date.
func (fy FiscalYear) ToDate(today content.Date) bool { return today.Before(fy.End.Time) }

// Through is the last day the year's figures cover: its end, or today
// when the year has not ended.
func (fy FiscalYear) Through(today content.Date) content.Date {
	if fy.ToDate(today) && !today.Before(fy.Start.Time) {
		return today
	}
	return fy.End
}

// Contains reports whether d falls in the year.
func (fy FiscalYear) Contains(d content.Date) bool {
	return d.Set() && !d.Before(fy.Start.Time) && !d.After(fy.End.Time)
}

// span is the first and last day of p's activity up to today: start to
// end, or to today when it has no end or ends later. ok is false when p
// has not started by today.
func span(p *content.Profile, today content.Date) (first, last content.Date, ok bool) {
	first, last = p.Start, p.End
	if !last.Set() || last.After(today.Time) {
		last = today
	}
	return first, last, first.Set() && !last.Before(first.Time)
}

// Active reports whether p's span (start to end, or to today; never past
// today) overlaps fy.
func Active(p *content.Profile, fy FiscalYear, today content.Date) bool {
	first, last, ok := span(p, today)
	return ok && !first.After(fy.End.Time) && !last.Before(fy.Start.Time)
}

// Involved reports whether p counts in fy: it is Active in it, or one of
// its resources, asks, outcomes or surveys is dated in it.
func Involved(p *content.Profile, fy FiscalYear, today content.Date) bool {
	if Active(p, fy, today) {
		return true
	}
	for i := range p.Resources {
		if fy.Contains(p.Resources[i].Date) {
			return true
		}
	}
	for i := range p.Asks {
		if fy.Contains(askDate(p, &p.Asks[i])) {
			return true
		}
	}
	for i := range p.Outcomes {
		if fy.Contains(p.Outcomes[i].Date) {
			return true
		}
	}
	for i := range p.Surveys {
		if fy.Contains(p.Surveys[i].Date) {
			return true
		}
	}
	return false
}

// askDate is the date that places an ask in a fiscal year: its own, else
// the profile's start.
func askDate(p *content.Profile, a *content.Ask) content.Date {
	if a.Date.Set() {
		return a.Date
	}
	return p.Start
}

// Years lists the fiscal years (starting on start) in which any profile is
// involved, newest first.
func Years(profiles []*content.Profile, start content.MonthDay, today content.Date) []FiscalYear {
	start = validStart(start)
	seen := map[int]bool{} // by the calendar year each begins in
	mark := func(d content.Date) {
		if d.Set() {
			seen[startYear(d, start)] = true
		}
	}
	for _, p := range profiles {
		if first, last, ok := span(p, today); ok {
			for y := startYear(first, start); y <= startYear(last, start); y++ {
				seen[y] = true
			}
		}
		for i := range p.Resources {
			mark(p.Resources[i].Date)
		}
		for i := range p.Asks {
			mark(askDate(p, &p.Asks[i]))
		}
		for i := range p.Outcomes {
			mark(p.Outcomes[i].Date)
		}
		for i := range p.Surveys {
			mark(p.Surveys[i].Date)
		}
	}
	out := make([]FiscalYear, 0, len(seen))
	for _, y := range slices.Backward(slices.Sorted(maps.Keys(seen))) {
		out = append(out, fiscalYear(y, start))
	}
	return out
}
