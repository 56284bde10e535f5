package render

import (
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

func TestNumbers(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{Number(0), "0"},
		{Number(999), "999"},
		{Number(2400), "2,400"},
		{Number(1234567), "1,234,567"},
		{Number(12.5), "12.5"},
		{Number(1234.567), "1,234.57"},
		{Money(2400, "USD", "USD"), "$2,400"},
		{Money(38.5, "USD", "USD"), "$38.50"},
		{Money(1200, "CAD", "USD"), "1,200 CAD"},
		{Money(1200, "CAD", "CAD"), "$1,200"},
		{Money(1200, "EUR", "EUR"), "€1,200"},
		{Money(1200, "USD", "EUR"), "1,200 USD"},
		{Money(1200, "CHF", "CHF"), "1,200 CHF"},
		{Money(0.004, "USD", "USD"), "$0"},
		{Quantity(1, "hours"), "1 hour"},
		{Quantity(1, "room-hours"), "1 room-hour"},
		{Quantity(2, "hours"), "2 hours"},
		{Quantity(1500, "newsletter features"), "1,500 newsletter features"},
		{Quantity(3, ""), "3"},
		{plural(1, "partnership", "partnerships"), "1 partnership"},
		{plural(1200, "partnership", "partnerships"), "1,200 partnerships"},
		{LanguageName("es"), "Spanish"},
		{LanguageName("es-MX"), "Spanish (es-MX)"},
		{LanguageName("zh-Hant"), "Chinese (Traditional)"},
		{LanguageName("qaa"), "qaa"},
		{dateView(content.DateOf(2025, 9, 2)).Text, "September 2, 2025"},
		{dateView(content.DateOf(2025, 9, 2)).ISO, "2025-09-02"},
		{dateView(content.DateOf(987, 12, 31)).ISO, "0987-12-31"},
		{dateView(content.Date{}).ISO, ""},
		{span(dateView(content.DateOf(2025, 9, 2)), Date{}, true), "Since September 2, 2025"},
		{span(dateView(content.DateOf(2027, 9, 2)), Date{}, false), "Starting September 2, 2027"},
		{span(dateView(content.DateOf(2025, 9, 2)), dateView(content.DateOf(2026, 6, 12)), true), "September 2, 2025 – June 12, 2026"},
		{correctionURL("mailto:a@example.org", "Tardes & Tareas?"), "mailto:a@example.org?subject=Correction%3A%20Tardes%20%26%20Tareas%3F"},
		{correctionURL("mailto:a@example.org?cc=b@example.org", "X"), "mailto:a@example.org?cc=b@example.org&subject=Correction%3A%20X"},
		{correctionURL("https://example.org/fix", "X"), "https://example.org/fix"},
		{correctionURL("", "X"), ""},
		{host("https://www.example.org/"), "example.org"},
		{host("https://example.org/groups/x"), "example.org/groups/x"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestDirectionAndLanguage(t *testing.T) {
	for _, c := range []struct {
		quote    string
		langs    []string
		dir, tag string
	}{
		{"Our kids finally have a quiet place.", []string{"en"}, "auto", ""},
		{"Aquí nuestros hijos hacen la tarea.", []string{"es", "en"}, "auto", ""},
		{"Thư viện là ngôi nhà chung.", []string{"vi", "en"}, "auto", ""},
		{"المكتبة أول مكان", []string{"ar", "en"}, "rtl", "ar"},
		{"المكتبة أول مكان", []string{"ar", "fa"}, "rtl", ""},        // two Arabic-script languages: can't tell
		{"We said: «المكتبة»", []string{"en", "ar"}, "rtl", "ar"},    // the simple rule: any RTL letter
		{"הספרייה היא בית", []string{"he", "ar"}, "rtl", "he"},       // Hebrew script, one Hebrew language
		{"Библиотека — наш дом", []string{"ru", "uk"}, "auto", ""},   // ambiguous
		{"Библиотека — наш дом", []string{"ru", "en"}, "auto", "ru"}, // one Cyrillic language
		{"도서관은 우리 집", []string{"ko", "en"}, "auto", "ko"},            // Hangul
		{"図書館はみんなの家です", []string{"ja", "zh"}, "auto", "ja"},          // Kana tells Japanese
		{"المكتبة", nil, "rtl", ""},                                  // no languages listed
		{"١٢٣", []string{"ar"}, "auto", ""},                          // digits only: no letter
	} {
		if got := direction(c.quote); got != c.dir {
			t.Errorf("direction(%q) = %q, want %q", c.quote, got, c.dir)
		}
		if got := quoteLang(c.quote, c.langs, "en"); got != c.tag {
			t.Errorf("quoteLang(%q, %v) = %q, want %q", c.quote, c.langs, got, c.tag)
		}
	}
	if got := quoteLang("المكتبة", []string{"ar"}, "ar"); got != "" {
		t.Errorf("quote in the site language got lang %q", got)
	}
	if textDir("ar") != "rtl" || textDir("he-IL") != "rtl" || textDir("en") != "" {
		t.Error("textDir")
	}
}
