package i18n

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/themes"
)

// load loads code from a site made of files (path → text), failing the
// test on any problem.
func load(t *testing.T, files map[string]string, code string) *Catalog {
	t.Helper()
	c, probs := Load(siteOf(files), "", code)
	if len(probs) > 0 {
		t.Fatalf("Load(%q): %v", code, probs)
	}
	return c
}

func siteOf(files map[string]string) fstest.MapFS {
	if files == nil {
		return nil
	}
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// builtin reads the built-in catalog of code as Load reads it.
func builtin(t *testing.T, code string) *file {
	t.Helper()
	l := &loader{files: map[string]*file{}, english: map[string]*entry{}}
	src := source{themes.FS, builtinDir, builtinPath}
	l.read(builtinDir+"/en.toml", src, "en", tagOf("en"))
	f := l.read(builtinDir+"/"+code+".toml", src, code, tagOf(code))
	if f == nil || len(l.problems) > 0 {
		t.Fatalf("built-in %s.toml: %v", code, l.problems)
	}
	return f
}

func TestBuiltinCatalogs(t *testing.T) {
	en, es := builtin(t, "en"), builtin(t, "es")
	enKeys, esKeys := slices.Sorted(slices.Values(en.keys)), slices.Sorted(slices.Values(es.keys))
	if !slices.Equal(enKeys, esKeys) {
		for _, k := range enKeys {
			if !slices.Contains(esKeys, k) {
				t.Errorf("es.toml lacks %s", k)
			}
		}
		for _, k := range esKeys {
			if !slices.Contains(enKeys, k) {
				t.Errorf("es.toml has %s, which en.toml has not", k)
			}
		}
	}
	for _, k := range enKeys {
		e, s := en.entries[k], es.entries[k]
		if s == nil {
			continue
		}
		if e.plural != s.plural {
			t.Errorf("%s: plural in one catalog only", k)
		}
		for _, name := range placeholders(e) {
			if !slices.Contains(placeholders(s), name) {
				t.Errorf("%s: es has no {%s}", k, name)
			}
		}
	}
	for _, code := range []string{"en", "es", "es-MX", "es-US"} {
		c, probs := Load(nil, "", code)
		if len(probs) > 0 || len(c.Missing()) > 0 {
			t.Errorf("Load(nil, %q): problems %v, missing %v", code, probs, c.Missing())
		}
		if len(c.Keys()) != len(enKeys) {
			t.Errorf("Load(nil, %q): %d keys, want %d", code, len(c.Keys()), len(enKeys))
		}
	}
}

// placeholders are the placeholders of every form of e.
func placeholders(e *entry) []string {
	var out []string
	for _, t := range e.forms {
		if t != nil {
			for _, n := range t.names() {
				if !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
	}
	return out
}

// TestLabels holds the English labels of content's enumerations to
// content.LabelOf, and checks that every value has a text in Spanish.
func TestLabels(t *testing.T) {
	en, es := load(t, nil, "en"), load(t, nil, "es")
	for _, p := range labelPrefixes {
		for _, v := range p.values {
			if got, want := en.Label(v), content.LabelOf(v).Text; got != want {
				t.Errorf("en Label(%q) = %q, want %q", v, got, want)
			}
			if _, ok := es.labels[v]; !ok {
				t.Errorf("es has no label for %q", v)
			}
		}
	}
	if got := en.Label("some_thing"); got != "some thing" {
		t.Errorf("Label of an unknown value = %q", got)
	}
	if got := es.Label("in_progress"); got != "En curso" {
		t.Errorf("es Label(in_progress) = %q", got)
	}
}

func TestT(t *testing.T) {
	en, es := load(t, nil, "en"), load(t, nil, "es")
	tests := []struct {
		c    *Catalog
		key  string
		args []any
		want string
	}{
		{en, "nav.partners", nil, "Partners"},
		{es, "nav.partners", nil, "Organizaciones aliadas"},
		{en, "partners.caption", []any{"currency", "USD"}, "Partners and what each side gave (total value, including estimates, in USD)"},
		{en, "list_page.showing", []any{"from", 51, "to", 100, "count", 12345, "page", 2, "pages", 247}, "Showing 51–100 of 12,345 (page 2 of 247)"},
		{es, "list_page.showing", []any{"from", 51, "to", 100, "count", 12345, "page", 2, "pages", 247}, "Se muestran 51–100 de 12.345 (página 2 de 247)"},
		{en, "partners.caption", nil, "Partners and what each side gave (total value, including estimates, in {currency})"},
		{en, "partners.caption", []any{"currency"}, "Partners and what each side gave (total value, including estimates, in {currency})"},
		{en, "partners.caption", []any{7, "x", "currency", "EUR"}, "Partners and what each side gave (total value, including estimates, in EUR)"},
		{en, "partners.caption", []any{"currency", time.March}, "Partners and what each side gave (total value, including estimates, in March)"},
		{en, "partners.caption", []any{"currency", []int{1}}, "Partners and what each side gave (total value, including estimates, in [1])"},
		{en, "partners.caption", []any{"currency", nil}, "Partners and what each side gave (total value, including estimates, in <nil>)"},
		{en, "no.such.key", []any{"a", 1}, "no.such.key"},
		{en, "count.partnerships", nil, "{count} partnerships"}, // T of a plural message: other
		{en, "footer.license", []any{"license", Link("https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0")},
			`Its open data is published under the <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a> licence.`},
	}
	for _, tt := range tests {
		if got := tt.c.T(tt.key, tt.args...); got != tt.want {
			t.Errorf("%s T(%q, %v) = %q, want %q", tt.c.Lang(), tt.key, tt.args, got, tt.want)
		}
	}
}

func TestMessageParse(t *testing.T) {
	tests := []struct{ in, names string }{
		{"plain", ""},
		{"{a} and {b_2}", "a b_2"},
		{"{a}{a}", "a"},
		{"{ a } {} {2x} {a-b} {", ""},
		{"JSON {\"k\": 1} {x}", "x"},
		{"}{x", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(parse(tt.in).names(), " "); got != tt.names {
			t.Errorf("parse(%q).names() = %q, want %q", tt.in, got, tt.names)
		}
	}
	en := load(t, nil, "en")
	if got := en.fill(parse("{ a } {} {x} }{"), []any{"x", "1"}, nil, false); got != "{ a } {} 1 }{" {
		t.Errorf("fill kept the other braces wrong: %q", got)
	}
}

// TestPlural checks CLDR's forms: the built-in English and Spanish, and
// Arabic's six and French's from site catalogs.
func TestPlural(t *testing.T) {
	site := map[string]string{
		"i18n/ar.toml": `[count.partnerships]
zero = "zero {count}"
one = "one {count}"
two = "two {count}"
few = "few {count}"
many = "many {count}"
other = "other {count}"
`,
		"i18n/fr.toml": `[count.partnerships]
one = "{count} partenariat"
other = "{count} partenariats"
`,
	}
	cats := map[string]*Catalog{}
	for _, code := range []string{"en", "es", "ar", "fr", "vi", "ru"} {
		c, probs := Load(siteOf(site), "", code)
		for _, p := range probs {
			if !p.Warning {
				t.Fatalf("Load(%s): %v", code, p)
			}
		}
		cats[code] = c
	}
	tests := []struct {
		code string
		n    float64
		want string
	}{
		{"en", 0, "0 partnerships"},
		{"en", 1, "1 partnership"},
		{"en", 2, "2 partnerships"},
		{"en", 1.5, "1.5 partnerships"},
		{"en", 1.0000001, "1 partnership"}, // written "1": one, as shown
		{"en", 0.999, "1 partnership"},
		{"en", 1.01, "1.01 partnerships"},
		{"en", 1234, "1,234 partnerships"},
		{"en", -1, "-1 partnership"},
		{"es", 0, "0 alianzas"},
		{"es", 1, "1 alianza"},
		{"es", 2, "2 alianzas"},
		{"es", 1.5, "1,5 alianzas"},
		{"ar", 0, "zero ٠"},
		{"ar", 1, "one ١"},
		{"ar", 2, "two ٢"},
		{"ar", 3, "few ٣"},
		{"ar", 10, "few ١٠"},
		{"ar", 11, "many ١١"},
		{"ar", 99, "many ٩٩"},
		{"ar", 100, "other ١٠٠"},
		{"ar", 103, "few ١٠٣"},
		{"ar", 1.5, "other ١٫٥"},
		{"fr", 0, "0 partenariat"},
		{"fr", 1.5, "1,5 partenariat"},
		{"fr", 2, "2 partenariats"},
		{"vi", 1, "1 partnership"},    // no Vietnamese catalog: English text, and English's forms
		{"ru", 21, "21 partnerships"}, // not Russian's one
	}
	for _, tt := range tests {
		if got := cats[tt.code].N("count.partnerships", tt.n); got != tt.want {
			t.Errorf("%s N(%v) = %q, want %q", tt.code, tt.n, got, tt.want)
		}
	}
	en := cats["en"]
	for _, n := range []float64{nan(), inf(1), inf(-1), 1e20} {
		if got := en.N("count.partnerships", n); !strings.HasSuffix(got, " partnerships") {
			t.Errorf("N(%v) = %q, want the other form", n, got)
		}
	}
	if got := en.N("nav.partners", 1); got != "Partners" {
		t.Errorf("N of a plain message = %q", got)
	}
	if got := en.N("count.partnerships", 3, "count", "three"); got != "three partnerships" {
		t.Errorf("N with count in args = %q", got)
	}
	if got := en.N("nope", 3); got != "nope" {
		t.Errorf("N of an unknown key = %q", got)
	}
}

// TestPluralFallback: a form the message lacks falls back to other, with
// a warning naming the forms the language uses; a form it never uses is a
// warning too; a plain string serves every count.
func TestPluralFallback(t *testing.T) {
	site := siteOf(map[string]string{
		"i18n/ar.toml": "count.asks = \"{count} طلبات\"\n" +
			"[count.partnerships]\none = \"شراكة واحدة\"\nother = \"{count} شراكة\"\n",
		"i18n/en.toml": "[count.people]\nzero = \"nobody\"\none = \"{count} person\"\nother = \"{count} people\"\n",
	})
	ar, probs := Load(site, "", "ar")
	want := []string{
		"i18n/ar.toml:2:1: warning: count.partnerships: no zero or two or few or many form: ar uses zero, one, two, few, many, other, and counts that need them get the other form",
		"i18n/en.toml:1:1: warning: count.people: the form zero is never chosen in en, whose forms are one, other",
	}
	if got := strs(probs); !slices.Equal(got, want) {
		t.Errorf("problems =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for n, want := range map[float64]string{1: "شراكة واحدة", 3: "٣ شراكة", 0: "٠ شراكة"} {
		if got := ar.N("count.partnerships", n); got != want {
			t.Errorf("ar N(%v) = %q, want %q", n, got, want)
		}
	}
	if got := ar.N("count.asks", 1); got != "١ طلبات" {
		t.Errorf("a plain string for a plural message: %q", got)
	}
}

func strs(ps content.Problems) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// TestLookup checks the order of the files: the site's, then its
// theme's, then the built-in, each regional code before its base, and
// English for what none has.
func TestLookup(t *testing.T) {
	site := siteOf(map[string]string{
		"site.toml":                   "",
		"i18n/es.toml":                "nav.partners = \"Socios (sitio)\"\n",
		"i18n/es-MX.toml":             "nav.data = \"Datos (sitio, es-MX)\"\n",
		"themes/t/i18n/es-MX.toml":    "nav.partners = \"Socios (tema, es-MX)\"\nnav.reports = \"Informes (tema, es-MX)\"\n",
		"themes/t/i18n/es.toml":       "nav.reports = \"Informes (tema)\"\nnav.skip = \"Saltar (tema)\"\n",
		"themes/t/i18n/so.toml":       "nav.partners = \"La-hawlgalayaasha\"\n",
		"i18n/en.toml":                "nav.data = \"Open data (site)\"\nsite_own.hello = \"A key of the site's own\"\n",
		"themes/other/i18n/es.toml":   "nav.skip = \"never read\"\n",
		"themes/t/layouts/base.html":  "",
		"content/partnerships/x.md":   "",
		"i18n/README.txt":             "not a catalog",
		"themes/t/i18n/fr-CA.toml.bk": "nav.skip = \"never read\"\n",
	})
	mx, probs := Load(site, "t", "es-MX")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for key, want := range map[string]string{
		"nav.data":       "Datos (sitio, es-MX)",   // site es-MX
		"nav.partners":   "Socios (sitio)",         // site es before theme es-MX
		"nav.reports":    "Informes (tema, es-MX)", // theme es-MX before theme es
		"nav.skip":       "Saltar (tema)",          // theme es before built-in es
		"nav.main":       "Principal",              // built-in es
		"site_own.hello": "A key of the site's own",
	} {
		if got := mx.T(key); got != want {
			t.Errorf("es-MX T(%q) = %q, want %q", key, got, want)
		}
	}
	if got := mx.Missing(); !slices.Equal(got, []string{"site_own.hello"}) {
		t.Errorf("es-MX Missing() = %v", got)
	}
	so, _ := Load(site, "t", "so")
	if got := so.T("nav.partners"); got != "La-hawlgalayaasha" {
		t.Errorf("so T(nav.partners) = %q", got)
	}
	if got := so.T("nav.data"); got != "Open data (site)" {
		t.Errorf("so T(nav.data) = %q: the site's English is the fallback", got)
	}
	if got := len(so.Missing()); got != len(so.Keys())-1 {
		t.Errorf("so: %d missing of %d", got, len(so.Keys()))
	}
	en, _ := Load(site, "t", "en")
	if got := en.T("nav.data"); got != "Open data (site)" || len(en.Missing()) != 0 {
		t.Errorf("en T(nav.data) = %q, missing %v", got, en.Missing())
	}
	if def, _ := Load(site, "", "es"); def.T("nav.skip") != "Ir al contenido principal" {
		t.Errorf("theme \"\" read another theme's file: %q", def.T("nav.skip"))
	}
}

// TestProblems checks the errors and warnings of catalog files, with
// their file, line and key.
func TestProblems(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             []string
	}{
		{"syntax", "i18n/es.toml", "nav.partners = \"Socios\"\nnav.data = Datos\n",
			[]string{`i18n/es.toml:2:12: nav.data: text must be in quotes: data = "Datos"`}},
		{"header", "i18n/es.toml", "[nav\npartners = \"x\"\n",
			[]string{"i18n/es.toml:1:5: TOML syntax: expected '.' or ']' to end table name, but got '\\n' instead"}},
		{"unknown key", "i18n/es.toml", "\n\nnav.partnres = \"Socios\"\n",
			[]string{`i18n/es.toml:3:1: nav.partnres: not a key of the English catalog (did you mean "nav.partners"?) (a site's own key is added to its i18n/en.toml first)`}},
		{"unknown key far from any", "i18n/es.toml", "[zzz]\nqqq = \"x\"\n",
			[]string{`i18n/es.toml:2:1: zzz.qqq: not a key of the English catalog (a site's own key is added to its i18n/en.toml first)`}},
		{"not text", "i18n/es.toml", "nav.partners = 3\n",
			[]string{"i18n/es.toml:1:1: nav.partners: a whole number, where text in quotes is needed (or a table of plural forms)"}},
		{"list", "i18n/es.toml", "nav.partners = [\"a\"]\n",
			[]string{"i18n/es.toml:1:1: nav.partners: a list, where text in quotes is needed (or a table of plural forms)"}},
		{"placeholder", "i18n/es.toml", "[partners]\ncaption = \"Aliados ({moneda})\"\n",
			[]string{"i18n/es.toml:2:1: partners.caption: {moneda} is not filled in on the page: this message has {currency}"}},
		{"no other", "i18n/es.toml", "[count.partnerships]\none = \"{count} alianza\"\n",
			[]string{"i18n/es.toml:1:1: count.partnerships: a plural message needs an other form, used for every count no other form fits"}},
		{"not a form", "i18n/es.toml", "[count.partnerships]\none = \"{count} alianza\"\nmuchas = \"x\"\nother = \"{count} alianzas\"\n",
			[]string{`i18n/es.toml:3:1: count.partnerships.muchas: "muchas" is not a plural form: the forms are zero, one, two, few, many and other`}},
		{"plural for text", "i18n/es.toml", "[nav.partners]\none = \"Socio\"\nother = \"Socios\"\n",
			[]string{"i18n/es.toml:1:1: nav.partners: a table of plural forms, where English has one text: write one text, key = \"…\""}},
		{"dotted plural", "i18n/es.toml", "x = \"y\"\ncount.partnerships.one = \"{count} alianza\"\n",
			[]string{"i18n/es.toml:1:1: x: not a key of the English catalog (a site's own key is added to its i18n/en.toml first)",
				"i18n/es.toml:2:1: count.partnerships: a plural message needs an other form, used for every count no other form fits"}},
		{"new English key", "i18n/en.toml", "nav.partnerz = \"P\"\nsite_own.hello = \"M\"\n",
			[]string{`i18n/en.toml:1:1: warning: nav.partnerz: a new key, not one of the built-in theme's (did you mean "nav.partners"?)`}},
		{"English placeholder", "themes/default/i18n/en.toml", "[partners]\ncaption = \"Partners in {curency}\"\n",
			[]string{"themes/default/i18n/en.toml:2:1: partners.caption: {curency} is not filled in on the page: this message has {currency}"}},
		{"not UTF-8", "i18n/es.toml", "nav.partners = \"\xff\"\n",
			[]string{"i18n/es.toml:1:1: the file is not valid UTF-8 text (save it as UTF-8)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, probs := Load(siteOf(map[string]string{tt.file: tt.text}), "", "es")
			if got := strs(probs); !slices.Equal(got, tt.want) {
				t.Errorf("problems =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if c == nil || c.T("nav.main") != "Principal" {
				t.Errorf("the catalog is not usable after its problems")
			}
		})
	}
	// A bad message is not used: the next file's text is.
	c, _ := Load(siteOf(map[string]string{"i18n/es.toml": "[partners]\ncaption = \"Aliados ({moneda})\"\n"}), "", "es")
	if got := c.T("partners.caption", "currency", "USD"); !strings.HasPrefix(got, "Organizaciones aliadas y") {
		t.Errorf("a message with a bad placeholder was used: %q", got)
	}
}

func TestCheck(t *testing.T) {
	site := siteOf(map[string]string{
		"i18n/en.toml": "site_own.hello = \"Mine\"\nnav.oops = 1\n",
		"i18n/ar.toml": "nav.partners = \"الشركاء\"\nnav.main = \"الرئيسية\"\n",
	})
	probs := Check(site, "", []string{"en", "es", "ar", "so"})
	got := strs(probs)
	if len(got) != 4 {
		t.Fatalf("Check: %d problems, want 4:\n%s", len(got), strings.Join(got, "\n"))
	}
	n := len(builtin(t, "en").keys) + 1
	want := []string{
		fmt.Sprintf("i18n/ar.toml:1:1: warning: %d of %d UI strings have no ar text and are shown in English: ", n-2, n),
		"i18n/en.toml:2:1: nav.oops: a whole number, where text in quotes is needed (or a table of plural forms)",
		"i18n/es.toml:1:1: warning: 1 of " + fmt.Sprint(n) + " UI strings have no es text and are shown in English: site_own.hello",
		fmt.Sprintf("i18n/so.toml:1:1: warning: no UI strings in so: all %d are shown in English (write them in this file; see docs/languages.md)", n),
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %q\nwant %q…", i, got[i], want[i])
		}
	}
	if !strings.Contains(got[0], "count.partnerships, ") || strings.Contains(got[0], "nav.partners,") {
		t.Errorf("the ar warning does not list the missing keys: %s", got[0])
	}
	if probs := Check(nil, "", []string{"en", "es", "es-MX"}); len(probs) != 0 {
		t.Errorf("Check of the built-in catalogs: %v", probs)
	}
}

func TestDir(t *testing.T) {
	for code, want := range map[string]string{
		"ar": "rtl", "ar-EG": "rtl", "fa": "rtl", "he": "rtl", "iw": "rtl", "ur": "rtl", "ps": "rtl",
		"ckb": "rtl", "dv": "rtl", "yi": "rtl", "sd": "rtl", "prs": "rtl", "ug": "rtl", "pa-Arab": "rtl",
		"ks": "rtl", "syr": "rtl",
		"en": "ltr", "es": "ltr", "so": "ltr", "am": "ltr", "vi": "ltr", "sd-Deva": "ltr", "ku": "ltr",
		"zh-Hant": "ltr", "xx-!!": "ltr", "": "ltr",
	} {
		c, _ := Load(nil, "", code)
		if got := c.Dir(); got != want {
			t.Errorf("Dir(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestLang(t *testing.T) {
	for code, want := range map[string]string{"es-mx": "es-MX", "ES": "es", "zh-hant": "zh-Hant", "xx-!!": "xx-!!", "iw": "he"} {
		c, _ := Load(nil, "", code)
		if got := c.Lang(); got != want {
			t.Errorf("Lang(%q) = %q, want %q", code, got, want)
		}
	}
	bad, _ := Load(nil, "", "../../etc/passwd")
	if bad.T("nav.partners") != "Partners" || bad.Number(1234.5) != "1,234.5" {
		t.Errorf("a code that is not a language tag: not English")
	}
}

func TestLanguageNameAndList(t *testing.T) {
	en, es := load(t, nil, "en"), load(t, nil, "es")
	tests := []struct {
		c          *Catalog
		code, want string
	}{
		{en, "es", "Spanish"}, {en, "es-MX", "Spanish (es-MX)"}, {en, "ES-mx", "Spanish (ES-mx)"},
		{en, "zh-Hans", "Chinese (Simplified)"}, {en, "xx", "xx"}, {en, "", ""}, {en, "regional", "regional"},
		{es, "es", "español"}, {es, "so", "somalí"}, {es, "ar-EG", "árabe (ar-EG)"},
	}
	for _, tt := range tests {
		if got := tt.c.LanguageName(tt.code); got != tt.want {
			t.Errorf("%s LanguageName(%q) = %q, want %q", tt.c.Lang(), tt.code, got, tt.want)
		}
	}
	for _, tt := range []struct {
		c     *Catalog
		items []string
		want  string
	}{
		{en, nil, ""}, {en, []string{"a"}, "a"}, {en, []string{"a", "b"}, "a and b"},
		{en, []string{"a", "b", "c", "d"}, "a, b, c and d"}, {es, []string{"$1", "2 horas", "3 horas de sala"}, "$1, 2 horas y 3 horas de sala"},
	} {
		if got := tt.c.List(tt.items); got != tt.want {
			t.Errorf("%s List(%q) = %q, want %q", tt.c.Lang(), tt.items, got, tt.want)
		}
	}
}

func TestTNoAlloc(t *testing.T) {
	c := load(t, nil, "es")
	if n := testing.AllocsPerRun(100, func() { _ = c.T("nav.partners") }); n != 0 {
		t.Errorf("T of a message without placeholders: %v allocations", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = c.T("no.such.key") }); n != 0 {
		t.Errorf("T of an unknown key: %v allocations", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = c.Label("in_progress") }); n != 0 {
		t.Errorf("Label: %v allocations", n)
	}
}

func nan() float64         { var z float64; return z / z }
func inf(sign int) float64 { return float64(sign) / 0.0 * 1e308 * 1e308 }

// TestSentences builds a few of the generator's sentences from their
// parts, as render will, against the English it writes today and the
// Spanish it should write.
func TestSentences(t *testing.T) {
	en, es := load(t, nil, "en"), load(t, nil, "es")
	for _, tt := range []struct {
		c    *Catalog
		got  string
		want string
	}{
		{en, en.T("ledger.surveys_sentence", "people", en.N("count.people_surveyed", 240), "partnerships", en.N("count.partnerships", 8), "percent", en.Percent(88)),
			"Of 240 people surveyed in 8 partnerships, 88 % said they learned something helpful."},
		{es, es.T("ledger.surveys_sentence", "people", es.N("count.people_surveyed", 1), "partnerships", es.N("count.partnerships", 1), "percent", es.Percent(100)),
			"De 1 persona encuestada en 1 alianza, el 100\u00a0% dijo haber aprendido algo útil."},
		{en, en.T("ask.summary", "asks", en.N("count.asks", 4), "statuses", strings.Join([]string{en.N("count.asks_delivered", 1), en.N("count.asks_declined", 2), en.N("count.asks_planned", 1)}, ", ")),
			"4 asks: 1 delivered, 2 declined, 1 planned."},
		{es, es.T("ask.summary", "asks", es.N("count.asks", 4), "statuses", es.List([]string{es.N("count.asks_delivered", 1), es.N("count.asks_declined", 2), es.N("count.asks_planned", 1)})),
			"4 solicitudes: 1 cumplida, 2 rechazadas y 1 planificada."},
		{en, en.T("date.since", "date", en.Date(2025, 9, 2)), "Since September 2, 2025"},
		{es, es.T("date.range", "start", es.Date(2025, 9, 2), "end", es.Date(2026, 6, 12)), "2 de septiembre de 2025 – 12 de junio de 2026"},
		{en, en.T("ledger.headline.all", "library", "Rainier Public Library", "library_value", en.Money(48200, "USD", "USD"), "partner_value", en.Money(21300, "USD", "USD"),
			"partnerships", en.N("count.partnerships", 11), "organizations", en.N("count.organizations", 10)),
			"Rainier Public Library put in $48,200 and its partners $21,300 in total value, including estimated in-kind support, across 11 partnerships with 10 community organizations."},
		{es, es.T("ledger.headline.all", "library", "La Biblioteca Pública de Rainier", "library_value", es.Money(48200, "USD", "USD"), "partner_value", es.Money(21300, "USD", "USD"),
			"partnerships", es.N("count.partnerships", 11), "organizations", es.N("count.organizations", 1)),
			"La Biblioteca Pública de Rainier aportó US$48.200 y sus organizaciones aliadas US$21.300 en valor total, incluido el valor estimado del apoyo en especie, en 11 alianzas con 1 organización comunitaria."},
		{en, en.T("subtotal.total_unvalued", "total", en.T("subtotal.total_estimates"), "unvalued", en.N("count.resources_unvalued", 1)),
			"Total value, including estimates (leaves out 1 resource without a value)"},
		{en, en.T("ledger.figure.kind", "kind", en.Label("staff_time"), "unit", en.T("unit.name.hours")), "Staff time (hours)"},
		{es, es.T("ledger.figure.kind", "kind", es.Label("staff_time"), "unit", es.T("unit.name.hours")), "Tiempo del personal (horas)"},
		{en, en.T("taxonomy.term_description", "taxonomy", en.T("taxonomy.branches.singular"), "term", "Beacon Branch", "partnerships", en.N("count.partnerships", 3), "library", "Rainier Public Library"),
			"Branch “Beacon Branch”: 3 partnerships of Rainier Public Library."},
	} {
		if tt.got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.c.Lang(), tt.got, tt.want)
		}
	}
}
