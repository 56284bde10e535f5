package render

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/i18n"
)

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

// dateView formats a date in the language of c: "September 2, 2025".
func dateView(c *i18n.Catalog, d content.Date) Date {
	if !d.Set() {
		return Date{}
	}
	y, m, day := d.Date()
	return Date{ISO: i18n.ISODate(y, m, day), Text: c.Date(y, m, day)}
}

// span is the dates of a profile as a phrase: "Since September 2, 2025",
// "Starting …" when it has not started yet, or "… – June 12, 2026".
func span(c *i18n.Catalog, start, end Date, started bool) string {
	switch {
	case end.Text != "":
		return c.T("date.range", "start", start.Text, "end", end.Text)
	case !started:
		return c.T("date.starting", "date", start.Text)
	default:
		return c.T("date.since", "date", start.Text)
	}
}

// label is the view of a value of one of content's enumerations: its
// text in the language of c, its symbol, and the value itself as the Key
// of CSS classes.
func label(c *i18n.Catalog, key string) Label {
	return Label{Key: key, Text: c.Label(key), Icon: content.LabelOf(key).Icon}
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

// correctionURL is the "Suggest a correction" link with the email
// subject subject ("Correction: <title>"): a mailto: address gets
// "?subject=<subject>", encoded; a web address is used as it is; ""
// stays "".
func correctionURL(addr, subject string) string {
	if !strings.HasPrefix(strings.ToLower(addr), "mailto:") {
		return addr
	}
	sep := "?"
	if strings.Contains(addr, "?") {
		sep = "&"
	}
	return addr + sep + "subject=" + strings.ReplaceAll(url.QueryEscape(subject), "+", "%20")
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
