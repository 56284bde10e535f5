package render

import (
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/i18n"
)

// Number formats n with thousands separators and as many decimals as it
// has, at most two: 2400 → "2,400", 12.5 → "12.5", 1234.567 → "1,234.57".
func Number(n float64) string {
	return group(strconv.FormatFloat(round2(n), 'f', -1, 64))
}

// Money formats an amount of currency cur for a site whose currency is
// site. The rule: the site currency is written with its symbol when it has
// a well-known one ("$2,400"); every other currency, and a site currency
// without a symbol here, is written with its ISO code after the number
// ("1,200 CAD"), so that no "$" is ever ambiguous on a page. Cents are shown
// only when the amount has them ("$38.50").
func Money(amount float64, cur, site string) string {
	amount = round2(amount)
	var s string
	if amount == math.Trunc(amount) {
		s = group(strconv.FormatFloat(amount, 'f', 0, 64))
	} else {
		s = group(strconv.FormatFloat(amount, 'f', 2, 64))
	}
	if cur == site {
		if sym, ok := symbols[cur]; ok {
			return sym + s
		}
	}
	return s + " " + cur
}

// symbols are the currency symbols used for a site's own currency.
var symbols = map[string]string{
	"USD": "$", "CAD": "$", "AUD": "$", "NZD": "$", "MXN": "$",
	"EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩",
	"ILS": "₪", "NGN": "₦", "PHP": "₱", "UAH": "₴",
}

func round2(n float64) float64 {
	if math.IsNaN(n) || math.IsInf(n, 0) || math.Abs(n) >= 1e15 {
		return n
	}
	return math.Round(n*100) / 100
}

// group puts commas between thousands in the integer part of a decimal
// number written by strconv ("1234.5" → "1,234.5"); anything else (NaN,
// Inf) is returned as is.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if len(intPart) <= 3 || strings.Trim(intPart, "0123456789") != "" {
		return sign + s
	}
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(intPart[i])
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Quantity is an amount with its unit, the unit made singular for exactly
// one hour or room-hour: "1 hour", "120 room-hours", "3 newsletter features".
func Quantity(n float64, unit string) string {
	if n == 1 {
		switch unit {
		case "hours":
			unit = "hour"
		case "room-hours":
			unit = "room-hour"
		}
	}
	if unit == "" {
		return Number(n)
	}
	return Number(n) + " " + unit
}

// lowerFirst lower-cases the first letter of s, however many bytes it
// takes: "Élèves inscrits" → "élèves inscrits".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// upperFirst upper-cases the first letter of s: "the library" → "The library".
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// plural is "1 partnership" or "3 partnerships".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return group(strconv.Itoa(n)) + " " + many
}

var months = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// dateView formats a date: "September 2, 2025".
func dateView(d content.Date) Date {
	if !d.Set() {
		return Date{}
	}
	y, m, day := d.Date()
	return Date{ISO: i18n.ISODate(y, m, day), Text: months[m-1] + " " + strconv.Itoa(day) + ", " + strconv.Itoa(y)}
}

// span is the dates of a profile as a phrase: "Since September 2, 2025",
// "Starting …" when it has not started yet, or "… – June 12, 2026".
func span(start, end Date, started bool) string {
	switch {
	case end.Text != "":
		return start.Text + " – " + end.Text
	case !started:
		return "Starting " + start.Text
	default:
		return "Since " + start.Text
	}
}

// label is the view of a value of one of content's enumerations: its
// content.LabelOf, and the value itself as the Key of CSS classes.
func label(key string) Label {
	l := content.LabelOf(key)
	return Label{Key: key, Text: l.Text, Icon: l.Icon}
}

// languageNames are English names of the languages community partnerships
// are most often done in. Unknown codes are shown as written.
var languageNames = map[string]string{
	"am": "Amharic", "ar": "Arabic", "ase": "American Sign Language", "bn": "Bengali",
	"ckb": "Central Kurdish", "cmn": "Mandarin", "de": "German", "el": "Greek", "en": "English",
	"es": "Spanish", "fa": "Persian", "fil": "Filipino", "fr": "French", "gu": "Gujarati",
	"he": "Hebrew", "hi": "Hindi", "hmn": "Hmong", "ht": "Haitian Creole", "hy": "Armenian",
	"it": "Italian", "ja": "Japanese", "km": "Khmer", "ko": "Korean", "ku": "Kurdish",
	"lo": "Lao", "mr": "Marathi", "my": "Burmese", "ne": "Nepali", "nv": "Navajo",
	"om": "Oromo", "pa": "Punjabi", "pl": "Polish", "prs": "Dari", "ps": "Pashto",
	"pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sm": "Samoan", "so": "Somali",
	"sw": "Swahili", "ta": "Tamil", "te": "Telugu", "th": "Thai", "ti": "Tigrinya",
	"tl": "Tagalog", "to": "Tongan", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
	"vi": "Vietnamese", "yi": "Yiddish", "yue": "Cantonese", "zh": "Chinese",
	"zh-Hans": "Chinese (Simplified)", "zh-Hant": "Chinese (Traditional)",
}

// LanguageName is the English name of a language code: "es" → "Spanish",
// "es-MX" → "Spanish (es-MX)"; an unknown code is returned as is.
func LanguageName(code string) string {
	if n, ok := languageNames[code]; ok {
		return n
	}
	if base, _, ok := strings.Cut(code, "-"); ok {
		if n, ok := languageNames[strings.ToLower(base)]; ok {
			return n + " (" + code + ")"
		}
	}
	return code
}

// scripts maps a language (primary subtag) to the script it is written in,
// for the languages whose script tells them apart from Latin-script text.
var scripts = map[string]*unicode.RangeTable{
	"ar": unicode.Arabic, "fa": unicode.Arabic, "ur": unicode.Arabic, "ps": unicode.Arabic,
	"prs": unicode.Arabic, "ckb": unicode.Arabic, "sd": unicode.Arabic, "ug": unicode.Arabic,
	"he": unicode.Hebrew, "yi": unicode.Hebrew, "dv": unicode.Thaana,
	"ru": unicode.Cyrillic, "uk": unicode.Cyrillic, "bg": unicode.Cyrillic, "mk": unicode.Cyrillic,
	"el": unicode.Greek, "hy": unicode.Armenian, "ka": unicode.Georgian,
	"hi": unicode.Devanagari, "mr": unicode.Devanagari, "ne": unicode.Devanagari,
	"bn": unicode.Bengali, "pa": unicode.Gurmukhi, "gu": unicode.Gujarati, "ta": unicode.Tamil,
	"te": unicode.Telugu, "am": unicode.Ethiopic, "ti": unicode.Ethiopic, "th": unicode.Thai,
	"lo": unicode.Lao, "km": unicode.Khmer, "my": unicode.Myanmar, "ko": unicode.Hangul,
	"ja": unicode.Hiragana, "zh": unicode.Han, "yue": unicode.Han, "cmn": unicode.Han,
}

// rtlScripts are the scripts written right to left.
var rtlScripts = []*unicode.RangeTable{unicode.Arabic, unicode.Hebrew, unicode.Syriac,
	unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic, unicode.Adlam}

// direction is "rtl" when s contains a letter of a right-to-left script,
// else "auto" (the browser then follows the first strong character).
func direction(s string) string {
	for _, r := range s {
		if r >= 0x0590 && unicode.IsLetter(r) && unicode.IsOneOf(rtlScripts, r) {
			return "rtl"
		}
	}
	return "auto"
}

// quoteLang guesses the language of a quote without guessing: when its
// first letter outside the Latin script belongs to a script that exactly
// one of the profile's languages is written in, and that language is not
// the site's, it is that language; otherwise "" (the page's language
// applies, or nobody can tell).
func quoteLang(quote string, langs []string, siteLang string) string {
	var script *unicode.RangeTable
	kana := false
	for _, r := range quote {
		if r < 0x0250 || !unicode.IsLetter(r) {
			continue
		}
		if unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hiragana, r) {
			kana = true
		}
		if script != nil {
			continue
		}
		for _, t := range scripts {
			if unicode.Is(t, r) {
				script = t
				break
			}
		}
	}
	if kana && (script == nil || script == unicode.Han || script == unicode.Hiragana) {
		script = unicode.Hiragana // Japanese: Kanji with kana
	}
	if script == nil {
		return ""
	}
	found := ""
	for _, l := range langs {
		base, _, _ := strings.Cut(l, "-")
		if scripts[strings.ToLower(base)] != script {
			continue
		}
		if found != "" {
			return ""
		}
		found = l
	}
	if primary(found) == primary(siteLang) {
		return ""
	}
	return found
}

func primary(tag string) string {
	base, _, _ := strings.Cut(tag, "-")
	return strings.ToLower(base)
}

// textDir is "rtl" for a site language written right to left, else "".
func textDir(lang string) string {
	switch primary(lang) {
	case "ar", "fa", "ur", "ps", "prs", "ckb", "sd", "ug", "he", "yi", "dv":
		return "rtl"
	}
	return ""
}

// correctionURL is the "Suggest a correction" link for a page titled
// title: a mailto: address gets "?subject=Correction: <title>", encoded;
// a web address is used as it is; "" stays "".
func correctionURL(addr, title string) string {
	if !strings.HasPrefix(strings.ToLower(addr), "mailto:") {
		return addr
	}
	sep := "?"
	if strings.Contains(addr, "?") {
		sep = "&"
	}
	subject := strings.ReplaceAll(url.QueryEscape("Correction: "+title), "+", "%20")
	return addr + sep + "subject=" + subject
}

// host is a website address as people read it: no scheme, no "www.", no
// trailing slash.
func host(u string) string {
	s := u
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	s = strings.TrimPrefix(s, "www.")
	return strings.TrimSuffix(s, "/")
}
