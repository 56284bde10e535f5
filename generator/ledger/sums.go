package ledger

import (
	"sync"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/parallel"
)

// Sums are the totals of a set of profiles and the report of each of
// their fiscal years, each computed once, when first asked for, however
// many pages and files show them: the home page and /data/partnerships.json
// show the same totals because they are the same values. It is safe for
// concurrent use.
type Sums struct {
	// Total is Compute of the profiles.
	Total func() Totals
	// Reports are the fiscal years of the profiles (Years), each with
	// its totals (ForYear) and no rows, in the order of Years.
	Reports func() []Report
}

// NewSums returns the Sums of profiles, for fiscal years that start on
// start, as of today.
func NewSums(profiles []*content.Profile, start content.MonthDay, today content.Date) *Sums {
	return &Sums{
		Total: sync.OnceValue(func() Totals { return Compute(profiles) }),
		Reports: sync.OnceValue(func() []Report {
			years := Years(profiles, start, today)
			reps := make([]Report, len(years))
			parallel.For(len(years), func(i int) { // each year on a core
				reps[i] = Report{Year: years[i], Totals: ForYear(profiles, years[i], today)}
			})
			return reps
		}),
	}
}
