package i18n

import (
	"math"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// U+202F narrow no-break space and U+00A0 no-break space, spelled out.
const (
	nnbsp = "\u202f"
	nbsp  = "\u00a0"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		code string
		n    float64
		want string
	}{
		{"en", 27300.5, "27,300.5"},
		{"en", 1234, "1,234"},
		{"en", 1234.567, "1,234.57"},
		{"en", 12.5, "12.5"},
		{"en", 999, "999"},
		{"en", 0, "0"},
		{"en", -1234.5, "-1,234.5"},
		{"en", 0.005, "0.01"},
		{"en", 1234567.891, "1,234,567.89"},
		{"en", math.NaN(), "NaN"},
		{"en", math.Inf(1), "+Inf"},
		{"en-IN", 1234567, "1,234,567"}, // English keeps its own grouping in every region
		{"es", 27300.5, "27.300,5"},
		{"es", 1234, "1234"}, // CLDR minimumGroupingDigits 2
		{"es", 12345, "12.345"},
		{"es", -1234.5, "-1234,5"},
		{"es", 1234567.25, "1.234.567,25"},
		{"es-ES", 1234, "1234"},
		{"es-MX", 27300.5, "27,300.5"},
		{"es-MX", 1234, "1,234"}, // es-419 and its regions group from 4 digits
		{"es-US", 1234, "1,234"},
		{"es-AR", 1234, "1.234"},
		{"fr", 27300.5, "27" + nnbsp + "300,5"},
		{"fr", 1234, "1" + nnbsp + "234"},
		{"fr-CH", 1234, "1" + nnbsp + "234"},
		{"fr-CA", 27300.5, "27" + nbsp + "300,5"},
		{"pl", 1234, "1234"},
		{"pl", 12345, "12" + nbsp + "345"},
		{"pt-PT", 1234, "1234"},
		{"pt", 1234, "1.234"},
		{"de", 27300.5, "27.300,5"},
		{"ar", 27300.5, "٢٧٬٣٠٠٫٥"},
		{"ar", -1234.5, "\u061c-١٬٢٣٤٫٥"},
		{"ar-MA", 27300.5, "27.300,5"},
		{"fa", 27300.5, "۲۷٬۳۰۰٫۵"},
		{"hi", 1234567.25, "12,34,567.25"},
		{"bn", 1234567, "১২,৩৪,৫৬৭"},
		{"so", 27300.5, "27,300.5"},
		{"am", 27300.5, "27,300.5"},
		{"vi", 27300.5, "27.300,5"},
		{"zz", 27300.5, "27,300.5"},
	}
	for _, tt := range tests {
		c, _ := Load(nil, "", tt.code)
		if got := c.Number(tt.n); got != tt.want {
			t.Errorf("%s Number(%v) = %q, want %q", tt.code, tt.n, got, tt.want)
		}
	}
}

// TestNumberAsXText holds Number to x/text's own formatting, for
// languages where no correction applies (see probe).
func TestNumberAsXText(t *testing.T) {
	values := []float64{0, 1, 7, 12.5, 99.99, 999, 1000, 1234.5, 27300.5, 98765.43, 1234567.25, 123456789, 0.07}
	for _, code := range []string{"ar", "fa", "ur", "ps", "ckb", "sd", "he", "hi", "bn", "my", "am", "ti", "so", "sw", "vi",
		"de", "ru", "uk", "tr", "ja", "ko", "zh", "zh-Hant", "pt-BR", "es-MX", "es-AR", "es-US", "fr-CA", "it", "nl", "th", "km", "ne", "hy", "el"} {
		tag := language.MustParse(code)
		p := message.NewPrinter(tag)
		c, _ := Load(nil, "", code)
		for _, v := range values {
			want := p.Sprint(number.Decimal(v, number.MaxFractionDigits(2)))
			if got := c.Number(v); got != want {
				t.Errorf("%s Number(%v) = %q, x/text writes %q", code, v, got, want)
			}
		}
	}
}

func TestMoney(t *testing.T) {
	frSite := siteOf(map[string]string{"i18n/fr.toml": "format.money = \"{amount}\u00a0{symbol}\"\n"})
	mxSite := siteOf(map[string]string{"i18n/es-MX.toml": "format.money = \"{amount} {symbol}\"\n"})
	tests := []struct {
		code         string
		site         map[string]string
		amount       float64
		cur, siteCur string
		want         string
	}{
		{"en", nil, 27300, "USD", "USD", "$27,300"},
		{"en", nil, 38.5, "USD", "USD", "$38.50"},
		{"en", nil, 38.499, "USD", "USD", "$38.50"},
		{"en", nil, 0.001, "USD", "USD", "$0"},
		{"en", nil, 1200, "CAD", "USD", "1,200 CAD"},
		{"en", nil, 1200, "CAD", "CAD", "$1,200"},
		{"en", nil, 2400, "EUR", "EUR", "€2,400"},
		{"en", nil, 2400, "XOF", "XOF", "2,400 XOF"},
		{"en-GB", nil, 2400, "GBP", "GBP", "£2,400"},
		{"es", nil, 27300, "USD", "USD", "US$27.300"},
		{"es", nil, 38.5, "USD", "USD", "US$38,50"},
		{"es", nil, 1234, "USD", "USD", "US$1234"},
		{"es", nil, 1200, "CAD", "USD", "1200" + nbsp + "CAD"},
		{"es", nil, 2400, "EUR", "EUR", "€2400"},
		{"es-US", nil, 27300, "USD", "USD", "$27,300"},
		{"es-MX", nil, 27300, "USD", "USD", "USD" + nbsp + "27,300"}, // currency spacing: a letter beside the digits
		{"es-MX", nil, 27300, "MXN", "MXN", "$27,300"},
		{"fr", nil, 27300, "USD", "USD", "27" + nnbsp + "300" + nbsp + "USD"}, // no French catalog: the code
		{"ar", nil, 27300.5, "USD", "USD", "٢٧٬٣٠٠٫٥٠" + nbsp + "USD"},
		{"so", nil, 27300, "USD", "USD", "27,300" + nbsp + "USD"},
		{"es", nil, 100, "ZZZ", "ZZZ", "100" + nbsp + "ZZZ"}, // not a currency x/text knows
	}
	for _, tt := range tests {
		c, _ := Load(siteOf(tt.site), "", tt.code)
		if got := c.Money(tt.amount, tt.cur, tt.siteCur); got != tt.want {
			t.Errorf("%s Money(%v, %s, %s) = %q, want %q", tt.code, tt.amount, tt.cur, tt.siteCur, got, tt.want)
		}
	}
	fr, _ := Load(frSite, "", "fr")
	if got, want := fr.Money(27300, "USD", "USD"), "27"+nnbsp+"300"+nbsp+"$US"; got != want {
		t.Errorf("fr with format.money: %q, want %q", got, want)
	}
	mx, _ := Load(mxSite, "", "es-MX")
	if got, want := mx.Money(27300, "USD", "USD"), "27,300 USD"; got != want {
		t.Errorf("es-MX with format.money: %q, want %q", got, want)
	}
	en, _ := Load(nil, "", "en")
	if got := en.Amount(1234.5); got != "1,234.50" {
		t.Errorf("Amount(1234.5) = %q", got)
	}
}

func TestMoneySpacing(t *testing.T) {
	for _, tt := range []struct{ pattern, sym, want string }{
		{"{symbol}{amount}", "$", "$5"},
		{"{symbol}{amount}", "US$", "US$5"},
		{"{symbol}{amount}", "USD", "USD" + nbsp + "5"},
		{"{amount}{symbol}", "€", "5€"},
		{"{amount}{symbol}", "$US", "5$US"},
		{"{amount}{symbol}", "USD", "5" + nbsp + "USD"},
		{"{amount} {symbol}", "USD", "5 USD"},
		{"{symbol} {amount} {x}", "$", "$ 5 {x}"},
		{"no placeholders", "$", "no placeholders"},
	} {
		if got := moneyWith(parse(tt.pattern), tt.sym, "5"); got != tt.want {
			t.Errorf("moneyWith(%q, %q) = %q, want %q", tt.pattern, tt.sym, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, tt := range []struct {
		code string
		p    float64
		want string
	}{
		{"en", 92, "92 %"},
		{"en", 12.5, "12.5 %"},
		{"es", 92, "92" + nbsp + "%"},
		{"fr", 92, "92" + nnbsp + "%"},
		{"fr-CA", 92, "92" + nbsp + "%"},
		{"ar", 92, "٩٢٪\u061c"},
		{"so", 92, "92%"},
		{"de", 92, "92" + nbsp + "%"},
	} {
		c, _ := Load(nil, "", tt.code)
		if got := c.Percent(tt.p); got != tt.want {
			t.Errorf("%s Percent(%v) = %q, want %q", tt.code, tt.p, got, tt.want)
		}
	}
}

func TestQuantity(t *testing.T) {
	en, _ := Load(nil, "", "en")
	es, _ := Load(nil, "", "es")
	for _, tt := range []struct {
		c    *Catalog
		n    float64
		unit string
		want string
	}{
		{en, 1, "hours", "1 hour"},
		{en, 72, "hours", "72 hours"},
		{en, 1.5, "hours", "1.5 hours"},
		{en, 0, "hours", "0 hours"},
		{en, 1, "room-hours", "1 room-hour"},
		{en, 120, "room-hours", "120 room-hours"},
		{en, 1, "staff hours", "1 staff hour"},
		{en, 1.004, "hours", "1 hour"}, // written "1"
		{en, -1, "hours", "-1 hour"},
		{en, 1250, "staff hours", "1,250 staff hours"},
		{en, 3, "newsletter features", "3 newsletter features"},
		{en, 1, "newsletter features", "1 newsletter features"},
		{en, 2400, "", "2,400"},
		{es, 1, "hours", "1 hora"},
		{es, 1.5, "hours", "1,5 horas"},
		{es, 120, "room-hours", "120 horas de sala"},
		{es, 1250, "staff hours", "1250 horas de personal"},
		{es, 3, "newsletter features", "3 newsletter features"},
	} {
		if got := tt.c.Quantity(tt.n, tt.unit); got != tt.want {
			t.Errorf("%s Quantity(%v, %q) = %q, want %q", tt.c.Lang(), tt.n, tt.unit, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	arSite := map[string]string{"i18n/ar.toml": "[date]\nlong = \"{day} {month} {year}\"\nmonth.9 = \"سبتمبر\"\n"}
	for _, tt := range []struct {
		code    string
		site    map[string]string
		y, m, d int
		want    string
	}{
		{"en", nil, 2025, 9, 2, "September 2, 2025"},
		{"en", nil, 2026, 6, 30, "June 30, 2026"},
		{"en-GB", nil, 2026, 12, 4, "December 4, 2026"},
		{"es", nil, 2025, 9, 2, "2 de septiembre de 2025"},
		{"es-MX", nil, 2026, 1, 31, "31 de enero de 2026"},
		{"fr", nil, 2025, 9, 2, "2025-09-02"}, // no French months: ISO, not English
		{"ar", nil, 2025, 9, 2, "2025-09-02"},
		{"ar", arSite, 2025, 9, 2, "٢ سبتمبر ٢٠٢٥"},
		{"ar", arSite, 2025, 10, 2, "2025-10-02"}, // that month has no name in Arabic
		{"en", nil, 2025, 13, 2, "2025-13-2"},
		{"en", nil, 2025, 0, 2, "2025-0-2"},
		{"es", nil, 12345, 1, 2, "2 de enero de 12345"},
		{"fr", nil, 12345, 1, 2, "12345-1-2"},
		{"en", nil, 12345, 1, 2, "January 2, 12345"},
		{"en", nil, 987, 1, 2, "January 2, 987"},
	} {
		c, _ := Load(siteOf(tt.site), "", tt.code)
		if got := c.Date(tt.y, time.Month(tt.m), tt.d); got != tt.want {
			t.Errorf("%s Date(%d, %d, %d) = %q, want %q", tt.code, tt.y, tt.m, tt.d, got, tt.want)
		}
	}
	if got := ISODate(987, 1, 2); got != "0987-01-02" {
		t.Errorf("ISODate(987, 1, 2) = %q", got)
	}
}

// TestProbe checks that every language x/text knows gives a usable set of
// numbers, whatever its shape.
func TestProbe(t *testing.T) {
	for _, code := range strings.Fields("af am ar as az be bg bn bs ca cs cy da de el en es et eu fa fi fil fr ga gl gu he hi hr hu hy id is it ja ka kk km kn ko ky lo lt lv mk ml mn mr ms my nb ne nl or pa pl ps pt ro ru si sk sl so sq sr sv sw ta te th tk tr uk ur uz vi yue zh zu ckb sd dv yi ti om ha yo ig") {
		tag := language.MustParse(code)
		if _, ok := probe(tag, message.NewPrinter(tag)); !ok {
			t.Errorf("probe(%s): x/text's numbers have a shape probe does not read", code)
		}
	}
}

// TestConcurrent uses one catalog from many goroutines, as render's
// workers do (run with -race).
func TestConcurrent(t *testing.T) {
	c, _ := Load(nil, "", "es")
	done := make(chan string)
	for i := range 8 {
		go func() {
			s := ""
			for j := range 200 {
				cur := []string{"USD", "EUR", "CAD", "MXN"}[(i+j)%4]
				s = c.Money(float64(j), cur, cur) + c.N("count.partnerships", float64(j)) + c.Date(2025, time.Month(1+j%12), 2) + c.Percent(float64(j))
			}
			done <- s
		}()
	}
	for range 8 {
		if s := <-done; s == "" {
			t.Error("nothing written")
		}
	}
}
