package i18n_test

import (
	"testing"

	"github.com/alongside-dev/alongside/generator/i18n"
)

// TestEnglishFormats holds English pages to the formats they had before
// they were made with catalogs, literal by literal.
func TestEnglishFormats(t *testing.T) {
	en, probs := i18n.Load(nil, "", "en")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, c := range []struct{ got, want string }{
		{en.Number(0), "0"},
		{en.Number(999), "999"},
		{en.Number(2400), "2,400"},
		{en.Number(1234567), "1,234,567"},
		{en.Number(12.5), "12.5"},
		{en.Number(1234.567), "1,234.57"},
		{en.Money(2400, "USD", "USD"), "$2,400"},
		{en.Money(38.5, "USD", "USD"), "$38.50"},
		{en.Money(1200, "CAD", "USD"), "1,200 CAD"},
		{en.Money(1200, "CAD", "CAD"), "$1,200"},
		{en.Money(1200, "EUR", "EUR"), "€1,200"},
		{en.Money(1200, "USD", "EUR"), "1,200 USD"},
		{en.Money(1200, "CHF", "CHF"), "1,200 CHF"},
		{en.Money(0.004, "USD", "USD"), "$0"},
		{en.Rate(38.5), "38.50"},
		{en.Rate(45), "45.00"},
		{en.Quantity(1, "hours"), "1 hour"},
		{en.Quantity(1, "room-hours"), "1 room-hour"},
		{en.Quantity(1, "staff hours"), "1 staff hour"},
		{en.Quantity(2, "hours"), "2 hours"},
		{en.Quantity(1500, "newsletter features"), "1,500 newsletter features"},
		{en.Quantity(3, ""), "3"},
		{en.N("count.partnerships", 1), "1 partnership"},
		{en.N("count.partnerships", 1200), "1,200 partnerships"},
		{en.LanguageName("es"), "Spanish"},
		{en.LanguageName("es-MX"), "Spanish (es-MX)"},
		{en.LanguageName("zh-Hant"), "Chinese (Traditional)"},
		{en.LanguageName("qaa"), "qaa"},
		{en.Date(2025, 9, 2), "September 2, 2025"},
		{i18n.ISODate(987, 12, 31), "0987-12-31"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
