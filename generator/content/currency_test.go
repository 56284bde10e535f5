package content_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

// TestCurrencies checks codes against the ISO 4217 table, in site.toml and
// in a resource, each error at the code's position.
func TestCurrencies(t *testing.T) {
	if !slices.IsSorted(content.Currencies) || len(slices.Compact(slices.Clone(content.Currencies))) != len(content.Currencies) {
		t.Error("Currencies is not sorted without duplicates")
	}
	for _, c := range []string{"USD", "EUR", "CAD", "GBP", "MXN", "SLE", "ZWG", "XCG"} {
		if !slices.Contains(content.Currencies, c) {
			t.Errorf("%s, in use, is not in Currencies", c)
		}
	}
	for _, c := range []string{"ABC", "XXX", "XTS", "HRK", "VEF"} {
		if slices.Contains(content.Currencies, c) {
			t.Errorf("%s, not a currency in use, is in Currencies", c)
		}
	}
	for _, tc := range []struct{ code, want string }{
		{"CAD", ""},
		{"ABC", `a.md:10:12: resources[1].currency: "ABC" is not the code of a currency in use (ISO 4217)`},
		{"UDS", `a.md:10:12: resources[1].currency: "UDS" is not the code of a currency in use (ISO 4217) (did you mean "USD"?)`},
		{"EUD", `a.md:10:12: resources[1].currency: "EUD" is not the code of a currency in use (ISO 4217) (did you mean "EUR"?)`},
		{"HRK", `a.md:10:12: resources[1].currency: "HRK" is a currency code no longer in use (did you mean "EUR"?)`},
		{"cad", `a.md:10:12: resources[1].currency: "cad" is not a three-letter ISO 4217 code: codes are written in capitals (did you mean "CAD"?)`},
	} {
		src := "+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-01-01\n[partner]\nname = \"P\"\n[review]\nstate = \"draft\"\n[[resources]]\ncurrency = \"" + tc.code + "\"\nfrom = \"library\"\nkind = \"money\"\namount = 1\n+++\n"
		_, probs := content.ParseProfile("a.md", []byte(src), &content.Config{Currency: "USD"})
		var got []string
		for _, p := range probs {
			got = append(got, p.String())
		}
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("currency %q: got %q, want %q", tc.code, got, tc.want)
		}
	}
	_, probs := content.ParseConfig("site.toml", []byte("title = \"x\"\ncurrency = \"ABC\"\n"))
	if len(probs) != 1 || probs[0].String() != `site.toml:2:12: currency: "ABC" is not the code of a currency in use (ISO 4217)` {
		t.Errorf("site.toml currency ABC: %v", probs)
	}
}
