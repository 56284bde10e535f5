package ledger

import (
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
)

// A Figure is one row of "what each side put in": the table of the home
// page, each annual report and each partner's ledger, and the chart drawn
// beside it, which shows exactly these rows. Each row is in one unit and
// nothing is added across rows, but for the last two, which are in the
// site currency.
type Figure struct {
	Key       string // one of content.Kinds, or "estimated_value", "total_value"
	Unit      string // a currency code, "hours", "room-hours" or "items"
	Estimated bool   // the figures are, or include, estimated values of in-kind support

	Library, Partner float64
	// LibraryLeftOut and PartnerLeftOut count the resources the row is
	// about that are not in its figures because they have no value.
	LibraryLeftOut, PartnerLeftOut int
}

// Figures returns the rows of what each side put in, for the site
// currency currency:
//
//   - money, a row per currency that occurs (the site's first, then by
//     code), at its amount: money in another currency is never converted,
//     and its stated value counts only in the total value;
//   - staff_time in hours and space in room-hours;
//   - marketing, equipment, materials and other, whose units differ from
//     one resource to the next: the estimated value in currency of those
//     that have one, when any of that kind (on either side) has one,
//     leaving out the others; else the number of resources ("items");
//   - the estimated value of in-kind support (every kind but money);
//   - the total value: Side.TotalValue, leaving out what has no value.
//
// A kind appears when either side put some in; the last two rows when any
// resource is recorded.
func (t Totals) Figures(currency string) []Figure {
	var rows []Figure
	for _, c := range Currencies(currency, &t.Library, &t.Partner) {
		rows = append(rows, Figure{Key: "money", Unit: c, Library: t.Library.Money[c], Partner: t.Partner.Money[c]})
	}
	some := len(rows) > 0
	inKind := false
	for _, kind := range content.Kinds[1:] {
		lib, par := t.Library.Kinds[kind], t.Partner.Kinds[kind]
		if lib.Items+par.Items == 0 {
			continue
		}
		some, inKind = true, true
		row := Figure{Key: kind}
		switch kind {
		case "staff_time":
			row.Unit = "hours"
			row.Library, row.Partner = t.Library.StaffHours, t.Partner.StaffHours
		case "space":
			row.Unit = "room-hours"
			row.Library, row.Partner = t.Library.RoomHours, t.Partner.RoomHours
		default:
			if lib.Items-lib.Unvalued+par.Items-par.Unvalued > 0 {
				row.Unit, row.Estimated = currency, true
				row.Library, row.Partner = lib.Value, par.Value
				row.LibraryLeftOut, row.PartnerLeftOut = lib.Unvalued, par.Unvalued
			} else {
				row.Unit = "items"
				row.Library, row.Partner = float64(lib.Items), float64(par.Items)
			}
		}
		rows = append(rows, row)
	}
	if !some {
		return rows
	}
	estimates := t.Library.EstimatedItems()+t.Partner.EstimatedItems() > 0
	if inKind {
		rows = append(rows, Figure{Key: "estimated_value", Unit: currency, Estimated: true,
			Library: t.Library.EstimatedValue, Partner: t.Partner.EstimatedValue,
			LibraryLeftOut: t.Library.inKindUnvalued(), PartnerLeftOut: t.Partner.inKindUnvalued()})
	}
	return append(rows, Figure{Key: "total_value", Unit: currency, Estimated: estimates,
		Library: t.Library.TotalValue, Partner: t.Partner.TotalValue,
		LibraryLeftOut: t.Library.Unvalued(), PartnerLeftOut: t.Partner.Unvalued()})
}

// inKindUnvalued is the number of the side's in-kind resources (every
// kind but money) without a value.
func (s *Side) inKindUnvalued() int {
	n := 0
	for kind, k := range s.Kinds {
		if kind != "money" {
			n += k.Unvalued
		}
	}
	return n
}

// Currencies lists the currencies of the sides' money, each once: the
// site currency first, then the others by code.
func Currencies(site string, sides ...*Side) []string {
	var out []string
	for _, s := range sides {
		for c := range s.Money {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		if (a == site) != (b == site) {
			if a == site {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	return slices.Compact(out)
}
