package render

import (
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/i18n"
	"github.com/alongside-dev/alongside/generator/ledger"
	"github.com/alongside-dev/alongside/generator/output"
)

// english is the built-in English catalog.
func english(t testing.TB) *i18n.Catalog {
	t.Helper()
	c, probs := i18n.Load(nil, "", "en")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return c
}

func TestFormats(t *testing.T) {
	en := english(t)
	es, _ := i18n.Load(nil, "", "es")
	for _, c := range []struct {
		got, want string
	}{
		{dateView(en, content.DateOf(2025, 9, 2)).Text, "September 2, 2025"},
		{dateView(en, content.DateOf(2025, 9, 2)).ISO, "2025-09-02"},
		{dateView(en, content.DateOf(987, 12, 31)).ISO, "0987-12-31"},
		{dateView(en, content.Date{}).ISO, ""},
		{dateView(es, content.DateOf(2025, 9, 2)).Text, "2 de septiembre de 2025"},
		{span(en, dateView(en, content.DateOf(2025, 9, 2)), Date{}, true), "Since September 2, 2025"},
		{span(en, dateView(en, content.DateOf(2027, 9, 2)), Date{}, false), "Starting September 2, 2027"},
		{span(en, dateView(en, content.DateOf(2025, 9, 2)), dateView(en, content.DateOf(2026, 6, 12)), true), "September 2, 2025 – June 12, 2026"},
		{correctionURL("mailto:a@example.org", "Correction: Tardes & Tareas?"), "mailto:a@example.org?subject=Correction%3A%20Tardes%20%26%20Tareas%3F"},
		{correctionURL("mailto:a@example.org?cc=b@example.org", "Correction: X"), "mailto:a@example.org?cc=b@example.org&subject=Correction%3A%20X"},
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

// TestFigureLabels: the rows of what each side put in, as their table and
// their chart name them.
func TestFigureLabels(t *testing.T) {
	en := english(t)
	rows := []ledger.Figure{
		{Key: "money", Unit: "USD"}, {Key: "money", Unit: "CAD"}, {Key: "staff_time", Unit: "hours"},
		{Key: "space", Unit: "room-hours"}, {Key: "marketing", Unit: "USD", Estimated: true},
		{Key: "equipment", Unit: "items"}, {Key: "estimated_value", Unit: "USD", Estimated: true},
		{Key: "total_value", Unit: "USD", Estimated: true}, {Key: "total_value", Unit: "USD"},
	}
	want := []string{"Money (USD)", "Money (CAD)", "Staff time (hours)", "Space (room-hours)",
		"Marketing (estimated value, USD)", "Equipment (items)",
		"Estimated value of in-kind support (USD)", "Total value, including estimates (USD)", "Total value (USD)"}
	for i, f := range rows {
		if got := figureLabel(en, f); got != want[i] {
			t.Errorf("row %d: %q, want %q", i, got, want[i])
		}
	}
}

func TestRatesNote(t *testing.T) {
	tests := []struct {
		v    content.Valuation
		want string
	}{
		{content.Valuation{StaffTime: 38.5, Space: 45}, "Estimated values use the site's rates: USD 38.50 per staff hour and USD 45.00 per room-hour; other in-kind support is valued only where its profile gives a value."},
		{content.Valuation{Space: 12.5}, "Estimated values use the site's rate of USD 12.50 per room-hour; other in-kind support is valued only where its profile gives a value."},
		{content.Valuation{}, "Estimated values are those given in the profiles: the site sets no rate for staff time or room-hours, so they are counted in hours only unless a profile gives a value; other in-kind support is valued only where its profile gives a value."},
	}
	r, err := New(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		site := &content.Site{Config: content.Defaults(), Home: &content.Page{}}
		site.Config.Valuation = tt.v
		b, err := r.newBuild(t.Context(), site, nil, Options{}, output.NewMemory())
		if err != nil {
			t.Fatal(err)
		}
		if got := b.ratesNote(); got != tt.want {
			t.Errorf("ratesNote(%+v) =\n%q\nwant\n%q", tt.v, got, tt.want)
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
