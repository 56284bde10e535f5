package ledger

import (
	"reflect"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

func TestFigures(t *testing.T) {
	got := Compute(published(t)).Figures("USD")
	want := []Figure{
		// Money per currency, at its amount: the CAD 1,200 valued at
		// USD 880 stays 1,200 CAD here; its value is in the total only.
		{Key: "money", Unit: "USD", Library: 1000.3, Partner: 0.1},
		{Key: "money", Unit: "CAD", Partner: 1700},
		{Key: "staff_time", Unit: "hours", Library: 12.25, Partner: 20.5},
		{Key: "space", Unit: "room-hours", Library: 4},
		{Key: "marketing", Unit: "USD", Estimated: true, Library: 600},
		{Key: "equipment", Unit: "items", Library: 1},
		{Key: "materials", Unit: "items", Partner: 1},
		{Key: "estimated_value", Unit: "USD", Estimated: true, Library: 1190, Partner: 820, LibraryLeftOut: 1, PartnerLeftOut: 1},
		{Key: "total_value", Unit: "USD", Estimated: true, Library: 2190.3, Partner: 1700.1, LibraryLeftOut: 1, PartnerLeftOut: 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Figures =\n%+v\nwant\n%+v", got, want)
	}
	labels := []string{"Money (USD)", "Money (CAD)", "Staff time (hours)", "Space (room-hours)",
		"Marketing (estimated value, USD)", "Equipment (items)", "Materials (items)",
		"Estimated value of in-kind support (USD)", "Total value, including estimates (USD)"}
	for i, f := range got {
		if f.Label() != labels[i] {
			t.Errorf("row %d: Label = %q, want %q", i, f.Label(), labels[i])
		}
	}
	if got := Compute(nil).Figures("USD"); len(got) != 0 {
		t.Errorf("Figures of nothing = %+v, want no rows", got)
	}
}

func TestRatesNote(t *testing.T) {
	tests := []struct {
		v    content.Valuation
		want string
	}{
		{content.Valuation{StaffTime: 38.5, Space: 45}, "Estimated values use the site's rates: USD 38.50 per staff hour and USD 45.00 per room-hour; other in-kind support is valued only where its profile gives a value."},
		{content.Valuation{Space: 12.125}, "Estimated values use the site's rate of USD 12.125 per room-hour; other in-kind support is valued only where its profile gives a value."},
		{content.Valuation{}, "Estimated values are those given in the profiles: the site sets no rate for staff time or room-hours, so they are counted in hours only unless a profile gives a value; other in-kind support is valued only where its profile gives a value."},
	}
	for _, tt := range tests {
		cfg := content.Defaults()
		cfg.Valuation = tt.v
		if got := RatesNote(&cfg); got != tt.want {
			t.Errorf("RatesNote(%+v) =\n%q\nwant\n%q", tt.v, got, tt.want)
		}
	}
}
