package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/currency"
)

// Number writes n with the language's digits and separators and as many
// decimals as it has, at most two (rounded half away from zero): English
// "27,300.5", "1,234.57"; Spanish "27.300,5", "1234"; French "27 300,5"
// (U+202F); Arabic "٢٧٬٣٠٠٫٥". NaN and infinities are written as
// strconv writes them.
func (c *Catalog) Number(n float64) string {
	return c.num.format(strconv.FormatFloat(round2(n), 'f', -1, 64))
}

// Amount is an amount of money without its currency: Number with cents
// only when the amount has them, and then always two digits ("2,400",
// "38.50").
func (c *Catalog) Amount(n float64) string {
	n = round2(n)
	if n == math.Trunc(n) {
		return c.num.format(strconv.FormatFloat(n, 'f', 0, 64))
	}
	return c.num.format(strconv.FormatFloat(n, 'f', 2, 64))
}

// Rate writes a rate, an amount of money per hour or per room-hour, with
// two decimals, as a price list does: "41.25", "35.00" in English,
// "41,25" in Spanish.
func (c *Catalog) Rate(n float64) string {
	return c.num.format(strconv.FormatFloat(round2(n), 'f', 2, 64))
}

// Money writes an amount of currency cur (an ISO 4217 code) on a site
// whose currency is site. The site's currency is written with its symbol
// through format.money; every other currency, and the site's when it has
// no symbol here or the language no format.money of its own, with its
// code after the amount ("1,200 CAD"), so that no "$" is ambiguous on a
// page. Cents are shown only when the amount has them (Amount).
//
// English keeps render.Money's output: the symbols "$" (USD, CAD, AUD,
// NZD, MXN), "€", "£", "¥", "₹", "₩", "₪", "₦", "₱", "₴" and a plain space
// before a code: "$27,300", "$38.50", "1,200 CAD". Other languages take
// the symbol CLDR gives the currency in the language (x/text): for a USD
// site "US$27.300" in the built-in Spanish, "$27,300" in es-US,
// "USD 27,300" in es-MX; and a no-break space before a code: "1.200 CAD".
// French without a catalog of its own writes "27 300 USD"; with
// format.money = "{amount} {symbol}" (as CLDR has it), "27 300 $US".
func (c *Catalog) Money(amount float64, cur, site string) string {
	s := c.Amount(amount)
	if cur == site {
		if e := c.msgs["format.money"]; e != nil && e.own {
			if sym := c.symbol(cur); sym != "" {
				return moneyWith(e.forms[0], sym, s)
			}
		}
	}
	if c.english {
		return s + " " + cur
	}
	return s + "\u00a0" + cur
}

// symbol is the symbol of currency cur in the language, or "".
func (c *Catalog) symbol(cur string) string {
	if c.english {
		return englishSymbols[cur]
	}
	if s, ok := c.symbols.Load(cur); ok {
		return s.(string)
	}
	s := ""
	if u, err := currency.ParseISO(cur); err == nil {
		s = c.printer.Sprint(currency.Symbol(u))
	}
	c.symbols.Store(cur, s)
	return s
}

// englishSymbols are the symbols of English pages, those of render.Money.
var englishSymbols = map[string]string{
	"USD": "$", "CAD": "$", "AUD": "$", "NZD": "$", "MXN": "$",
	"EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩",
	"ILS": "₪", "NGN": "₦", "PHP": "₱", "UAH": "₴",
}

// moneyWith fills a format.money pattern. Where the symbol touches the
// digits and its letter side faces them ("USD" before "27"), a no-break
// space goes between, as CLDR's currency spacing has it.
func moneyWith(t *text, sym, amount string) string {
	var b strings.Builder
	b.Grow(len(t.s) + len(sym) + len(amount))
	for i, p := range t.parts {
		switch {
		case !p.name:
			b.WriteString(p.s)
		case p.s == "symbol":
			if i > 0 && t.parts[i-1].name && t.parts[i-1].s == "amount" && !symbolRune(sym, false) {
				b.WriteString("\u00a0")
			}
			b.WriteString(sym)
			if i+1 < len(t.parts) && t.parts[i+1].name && t.parts[i+1].s == "amount" && !symbolRune(sym, true) {
				b.WriteString("\u00a0")
			}
		case p.s == "amount":
			b.WriteString(amount)
		default:
			b.WriteString("{" + p.s + "}")
		}
	}
	if t.parts == nil {
		b.WriteString(t.s)
	}
	return b.String()
}

// symbolRune reports whether the last (or first) rune of s is a symbol
// (Unicode category S), which needs no space beside digits.
func symbolRune(s string, last bool) bool {
	var r rune
	if last {
		r, _ = utf8.DecodeLastRuneInString(s)
	} else {
		r, _ = utf8.DecodeRuneInString(s)
	}
	return unicode.IsSymbol(r)
}

// Percent writes p per cent (92 is 92 %), p as Number writes it, with the
// language's percent sign: English "92 %" (as render writes it), Spanish
// "92 %" (U+00A0), French "92 %" (U+202F), Arabic "٩٢٪؜".
func (c *Catalog) Percent(p float64) string {
	return c.num.pctStart + c.Number(p) + c.num.pctEnd
}

// Quantity is an amount with its unit. The units of the generator's own
// figures are catalog text with plural forms: "hours" (unit.hours),
// "room-hours" (unit.room_hours) and "staff hours" (unit.staff_hours):
// "1 hour", "120 room-hours". Any other unit is the site's own text,
// written after the number as it is ("3 newsletter features"); no unit
// is the number alone.
//
// In English this is render.Quantity, except where render's plural is
// wrong: "1 staff hour" (render: "1 staff hours"), and the singular for
// every count written "1" or "-1" (render: "1 hours" for 1.004 hours, and
// "-1 hours").
func (c *Catalog) Quantity(n float64, unit string) string {
	switch unit {
	case "hours":
		return c.N("unit.hours", n)
	case "room-hours":
		return c.N("unit.room_hours", n)
	case "staff hours":
		return c.N("unit.staff_hours", n)
	case "":
		return c.Number(n)
	}
	return c.Number(n) + " " + unit
}

// monthKeys are the keys of the months' names.
var monthKeys = [13]string{"", "date.month.1", "date.month.2", "date.month.3", "date.month.4",
	"date.month.5", "date.month.6", "date.month.7", "date.month.8", "date.month.9",
	"date.month.10", "date.month.11", "date.month.12"}

// Date writes a day in full, by date.long and the month's name in the
// language's own catalogs: "September 2, 2025", "2 de septiembre de 2025",
// the day and the year in the language's digits, never grouped. A
// language without either in its own catalogs, and a month outside 1–12,
// get ISO 8601: "2025-09-02".
func (c *Catalog) Date(y int, m time.Month, d int) string {
	if m >= 1 && m <= 12 {
		long, month := c.msgs["date.long"], c.msgs[monthKeys[m]]
		if long != nil && long.own && month != nil && month.own {
			return c.date(long.forms[0], month.forms[0].s, y, d)
		}
	}
	return ISODate(y, m, d)
}

// date fills the pattern long with the month's name, the day and the
// year, as T would, without boxing its arguments: pages write thousands
// of dates.
func (c *Catalog) date(long *text, month string, y, d int) string {
	if long.parts == nil {
		return long.s
	}
	var b strings.Builder
	b.Grow(len(long.s) + len(month) + 8)
	var digits [20]byte
	for _, p := range long.parts {
		switch {
		case !p.name:
			b.WriteString(p.s)
		case p.s == "month":
			b.WriteString(month)
		case p.s == "day":
			c.num.writeDigits(&b, strconv.AppendInt(digits[:0], int64(d), 10))
		case p.s == "year":
			c.num.writeDigits(&b, strconv.AppendInt(digits[:0], int64(y), 10))
		default:
			b.WriteString("{" + p.s + "}")
		}
	}
	return b.String()
}

// ISODate is the day as ISO 8601 writes it: "2025-09-02".
func ISODate(y int, m time.Month, d int) string {
	if y < 0 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return strconv.Itoa(y) + "-" + strconv.Itoa(int(m)) + "-" + strconv.Itoa(d)
	}
	var b [10]byte
	pad(b[0:4], y)
	b[4] = '-'
	pad(b[5:7], int(m))
	b[7] = '-'
	pad(b[8:10], d)
	return string(b[:])
}

// pad writes n into b as decimal digits, zero-padded to len(b).
func pad(b []byte, n int) {
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
}

func round2(n float64) float64 {
	if math.IsNaN(n) || math.IsInf(n, 0) || math.Abs(n) >= 1e15 {
		return n
	}
	return math.Round(n*100) / 100
}
