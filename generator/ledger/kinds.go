package ledger

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
)

// A KindRow compares what each side put in of one kind, in one unit: a
// row of the "by kind" chart and table.
type KindRow struct {
	Kind      string // one of content.Kinds
	Unit      string // the site currency, "hours", "room-hours" or "items"
	Estimated bool   // the figures are estimated values of in-kind support

	Library, Partner float64
	// LibraryLeftOut and PartnerLeftOut count the resources that are not
	// in the figures because they have no value: money in another
	// currency without a value, or in-kind support without one.
	LibraryLeftOut, PartnerLeftOut int
}

// ByKind returns a row per kind that either side put in, in the order of
// content.Kinds. currency is the site currency. The unit of each row:
//
//   - money: its value in currency (money in currency at its amount,
//     money in another currency at its value); money in another currency
//     without a value is left out (it is in Side.Money).
//   - staff_time: hours; space: room-hours.
//   - marketing, equipment, materials, other, whose units differ from one
//     resource to the next: the estimated value in currency of those that
//     have one, when any of that kind (on either side) has one, leaving
//     out the others; else the number of resources ("items").
func (t Totals) ByKind(currency string) []KindRow {
	var rows []KindRow
	for _, kind := range content.Kinds {
		lib, par := t.Library.Kinds[kind], t.Partner.Kinds[kind]
		if lib.Items+par.Items == 0 {
			continue
		}
		row := KindRow{Kind: kind}
		switch kind {
		case "money":
			row.Unit = currency
			row.Library, row.Partner = lib.Value, par.Value
			row.LibraryLeftOut, row.PartnerLeftOut = lib.Unvalued, par.Unvalued
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
	return rows
}

// RatesNote states how in-kind support is valued, for the label every
// estimate carries: "Estimated values use the site's rates: USD 38.50 per
// staff hour and USD 45.00 per room-hour; …".
func RatesNote(cfg *content.Config) string {
	var rates []string
	if r := cfg.Valuation.StaffTime; r > 0 {
		rates = append(rates, cfg.Currency+" "+rate(r)+" per staff hour")
	}
	if r := cfg.Valuation.Space; r > 0 {
		rates = append(rates, cfg.Currency+" "+rate(r)+" per room-hour")
	}
	const others = "other in-kind support is valued only where its profile gives a value."
	switch len(rates) {
	case 0:
		return "Estimated values are those given in the profiles: the site sets no rate for staff time or room-hours, so they are counted in hours only unless a profile gives a value; " + others
	case 1:
		return "Estimated values use the site's rate of " + rates[0] + "; " + others
	}
	return fmt.Sprintf("Estimated values use the site's rates: %s and %s; %s", rates[0], rates[1], others)
}

// rate formats a rate with two decimals, or more when it has them.
func rate(r float64) string {
	s := strconv.FormatFloat(Round(r), 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i < 0 {
		s += ".00"
	} else if len(s)-i == 2 {
		s += "0"
	}
	return s
}
