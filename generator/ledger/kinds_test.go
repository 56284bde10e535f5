package ledger

import (
	"reflect"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

func TestByKind(t *testing.T) {
	got := Compute(published(t)).ByKind("USD")
	want := []KindRow{
		// Partner money: USD 0.1 plus the CAD 1,200 valued at USD 880; the
		// CAD 500 without a value is left out.
		{Kind: "money", Unit: "USD", Library: 1000.3, Partner: 880.1, PartnerLeftOut: 1},
		{Kind: "staff_time", Unit: "hours", Library: 12.25, Partner: 20.5},
		{Kind: "space", Unit: "room-hours", Library: 4},
		{Kind: "marketing", Unit: "USD", Estimated: true, Library: 600},
		{Kind: "equipment", Unit: "items", Library: 1},
		{Kind: "materials", Unit: "items", Partner: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ByKind =\n%+v\nwant\n%+v", got, want)
	}
	if got := Compute(nil).ByKind("USD"); len(got) != 0 {
		t.Errorf("ByKind of nothing = %+v, want no rows", got)
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
