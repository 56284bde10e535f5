package export

import (
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/output"
)

// generate builds n valid profiles in memory, with resources of every
// kind from both sides, asks and outcomes.
func generate(n int) []*content.Profile {
	ps := make([]*content.Profile, n)
	for i := range ps {
		start := content.DateOf(2020+i%6, time.Month(1+i%12), 1+i%28)
		p := &content.Profile{
			Slug:      fmt.Sprintf("p%05d", i),
			Title:     fmt.Sprintf("Partnership %d", i),
			Summary:   "Bilingual homework help for middle schoolers, twice a week.",
			Status:    content.Statuses[i%4],
			Start:     start,
			Branches:  []string{"Beacon Branch"},
			Languages: []string{"es", "en"},
			Partner:   content.Partner{Name: fmt.Sprintf("Group %d", i%500), Slug: fmt.Sprintf("group-%d", i%500)},
			Review:    content.Review{State: "approved", Date: start},
		}
		for k, kind := range content.Kinds {
			r := content.Resource{From: content.Sides[k%2], Kind: kind, Amount: float64(i%97) + 0.25, Date: start, Description: "Meeting room B, Tue and Thu 4–6 pm"}
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
		p.Asks = []content.Ask{{Ask: "A room on weekday afternoons", Status: content.AskStatuses[i%4], Reason: "Because."}}
		p.Outcomes = []content.Outcome{{Measure: "People", Value: float64(i % 50), Unit: "people", Date: start}}
		ps[i] = p
	}
	return ps
}

func benchSite() *content.Site {
	cfg := content.Defaults()
	cfg.BaseURL = "https://partners.example.org/"
	cfg.OpenData = content.OpenData{GrantPrefix: "360G-x", FunderID: "US-EIN-1"}
	return &content.Site{Config: cfg}
}

func BenchmarkJSON(b *testing.B) {
	site, ps := benchSite(), generate(10_000)
	for b.Loop() {
		if err := JSON(io.Discard, site, ps, "", time.Unix(0, 0), nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	site, ps := benchSite(), generate(10_000)
	pages := make([]string, len(ps))
	for i, p := range ps {
		pages[i] = p.URL()
	}
	for b.Loop() {
		if err := Write(output.NewMemory(), site, ps, nil, "", time.Unix(0, 0), pages, nil); err != nil {
			b.Fatal(err)
		}
	}
}
