package ledger

import (
	"fmt"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
)

// generate builds n valid profiles in memory, with resources of every
// kind from both sides, asks and outcomes spread over six years.
func generate(n int) []*content.Profile {
	ps := make([]*content.Profile, n)
	for i := range ps {
		start := content.DateOf(2020+i%6, time.Month(1+i%12), 1+i%28)
		p := &content.Profile{
			Slug:    fmt.Sprintf("p%05d", i),
			Title:   fmt.Sprintf("Partnership %d", i),
			Status:  content.Statuses[i%4],
			Start:   start,
			Partner: content.Partner{Name: fmt.Sprintf("Group %d", i%500), Slug: fmt.Sprintf("group-%d", i%500)},
			Review:  content.Review{State: "approved", Date: start},
		}
		if i%3 == 0 {
			p.End = content.Date{Time: start.AddDate(1, 0, 0)}
		}
		for k, kind := range content.Kinds {
			r := content.Resource{From: content.Sides[k%2], Kind: kind, Amount: float64(i%97) + 0.25, Date: content.Date{Time: start.AddDate(0, k, 0)}}
			switch kind {
			case "money":
				r.Currency, r.Unit, r.Value, r.Valued = "USD", "USD", r.Amount, true
			case "staff_time":
				r.Unit, r.Value, r.Valued, r.Estimated = "hours", r.Amount*38.5, true, true
			case "space":
				r.Unit = "room-hours"
			default:
				r.Unit = "items"
			}
			p.Resources = append(p.Resources, r)
		}
		p.Asks = []content.Ask{{Ask: "A room", Status: content.AskStatuses[i%4], Reason: "Because."}}
		p.Outcomes = []content.Outcome{{Measure: "People", Value: float64(i % 50), Unit: "people", Date: start}}
		ps[i] = p
	}
	return ps
}

func BenchmarkCompute(b *testing.B) {
	ps := generate(10_000)
	for b.Loop() {
		Compute(ps)
	}
}

func BenchmarkReports(b *testing.B) {
	ps := generate(10_000)
	for b.Loop() {
		Reports(ps, content.MonthDay{Month: 7, Day: 1}, content.DateOf(2026, 3, 1))
	}
}
