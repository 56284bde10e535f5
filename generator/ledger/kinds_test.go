package ledger

import (
	"reflect"
	"testing"
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
	if got := Compute(nil).Figures("USD"); len(got) != 0 {
		t.Errorf("Figures of nothing = %+v, want no rows", got)
	}
}
