package i18n

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/alongside-dev/alongside/themes"
)

// FuzzLoad feeds a site's catalog to Load: nothing in it may panic, and
// whatever it holds, the catalog answers every call.
func FuzzLoad(f *testing.F) {
	es, err := fs.ReadFile(themes.FS, "default/i18n/es.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(es[:2000]), "es")
	f.Add("[count.partnerships]\nzero = \"{count}\"\nother = \"{\"\n", "ar")
	f.Add("format.money = \"{amount}{symbol}{amount}\"\n[date]\nlong = \"{year}{year}\"\nmonth.1 = \"{month}\"\n", "fr-CA")
	f.Add("nav = 1\n[nav.partners]\none = 2\n", "en")
	f.Fuzz(func(t *testing.T, text, code string) {
		site := fstest.MapFS{"i18n/" + code + ".toml": {Data: []byte(text)}, "i18n/en.toml": {Data: []byte(text)}}
		c, _ := Load(site, "", code)
		for _, k := range []string{"nav.partners", "count.partnerships", "format.money", "date.long", "x"} {
			_ = c.T(k, "count", 3, "x")
			_ = c.N(k, 1.5, "currency", "USD")
			_ = c.HTML(k, "count", 2)
		}
		_ = c.Money(1234.5, "USD", "USD")
		_ = c.Date(2025, 9, 2)
		_ = c.Percent(92)
		_ = c.List([]string{"a", "b", "c"})
		_ = c.LanguageName(code)
	})
}
