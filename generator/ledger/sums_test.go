package ledger

import (
	"reflect"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// Sums give what Compute, Years and ForYear give, and the same values
// each time they are asked for.
func TestSums(t *testing.T) {
	site := sitetest.Load(t, testSite)
	published := site.Published(false)
	today := content.DateOf(2026, 3, 14)
	s := NewSums(published, site.Config.FiscalYearStart, today)
	if got, want := s.Total(), Compute(published); !reflect.DeepEqual(got, want) {
		t.Errorf("Total = %+v, want Compute's %+v", got, want)
	}
	years := Years(published, site.Config.FiscalYearStart, today)
	reps := s.Reports()
	if len(reps) != len(years) || len(reps) == 0 {
		t.Fatalf("%d reports for %d years", len(reps), len(years))
	}
	for i, r := range reps {
		if r.Year != years[i] || !reflect.DeepEqual(r.Totals, ForYear(published, years[i], today)) || r.Rows != nil {
			t.Errorf("report %d = %+v, want year %+v with ForYear's totals and no rows", i, r, years[i])
		}
	}
	if again := s.Reports(); &again[0] != &reps[0] {
		t.Error("the reports were computed again")
	}
}
