package content

import (
	"fmt"
	"slices"
	"strings"
)

// Currencies are the active codes of ISO 4217 (its list one, as amended
// up to 2025), sorted: every currency in use, the fund codes (BOV, CHE,
// CHW, CLF, COU, MXV, USN, UYI, UYW) and the X codes of precious metals
// and supranational units. XTS (for testing) and XXX (no currency) are
// left out: neither is money a library can give.
var Currencies = []string{
	"AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN",
	"BAM", "BBD", "BDT", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
	"CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK",
	"DJF", "DKK", "DOP", "DZD",
	"EGP", "ERN", "ETB", "EUR",
	"FJD", "FKP",
	"GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
	"HKD", "HNL", "HTG", "HUF",
	"IDR", "ILS", "INR", "IQD", "IRR", "ISK",
	"JMD", "JOD", "JPY",
	"KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
	"LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
	"MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN",
	"NAD", "NGN", "NIO", "NOK", "NPR", "NZD",
	"OMR",
	"PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
	"QAR",
	"RON", "RSD", "RUB", "RWF",
	"SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
	"THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
	"UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS",
	"VED", "VES", "VND", "VUV",
	"WST",
	"XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XUA",
	"YER",
	"ZAR", "ZMW", "ZWG",
}

// withdrawn are codes that ISO 4217 no longer lists, with the code that
// replaced each, for the "did you mean" of an old code.
var withdrawn = map[string]string{
	"ANG": "XCG", "BYR": "BYN", "CUC": "CUP", "EEK": "EUR", "HRK": "EUR", "LTL": "EUR", "LVL": "EUR",
	"MRO": "MRU", "SLL": "SLE", "STD": "STN", "VEF": "VES", "ZWL": "ZWG",
}

// checkCurrency says what is wrong with s as a currency code, or "" when
// it is an active ISO 4217 code.
func checkCurrency(s string) string {
	if slices.Contains(Currencies, s) {
		return ""
	}
	if up := strings.ToUpper(s); up != s && slices.Contains(Currencies, up) {
		return fmt.Sprintf("%q is not a three-letter ISO 4217 code: codes are written in capitals (did you mean %q?)", s, up)
	}
	if !currencyRE.MatchString(s) {
		return fmt.Sprintf("%q is not a three-letter ISO 4217 code like \"USD\"", s)
	}
	if now, ok := withdrawn[s]; ok {
		return fmt.Sprintf("%q is a currency code no longer in use (did you mean %q?)", s, now)
	}
	msg := fmt.Sprintf("%q is not the code of a currency in use (ISO 4217)", s)
	if sug := suggestCurrency(s); sug != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", sug)
	}
	return msg
}

// suggestCurrency returns the code s is a near miss of: a code of the
// same country (its first two letters) but for the last letter, else the
// code with two neighbouring letters swapped. Any three letters are one
// letter away from some code, so a wider net would suggest nonsense
// ("ABC" is not a typo of the bond unit XBC).
func suggestCurrency(s string) string {
	for _, c := range Currencies {
		if c[:2] == s[:2] && c[2] != s[2] {
			return c
		}
	}
	for _, c := range Currencies {
		if typoDistance(s, c) == 1 && editDistance(s, c) == 2 {
			return c
		}
	}
	return ""
}
