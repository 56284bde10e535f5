package content

import (
	"cmp"
	"slices"
	"strings"
)

// parseLanguages reads [languages.<code>]: the default language first
// (with the name and title its own table gives, if any), then the others
// in the order written.
func parseLanguages(t table, def string) []Language {
	langs := []Language{{Code: def}}
	lt, ok := t.sub("languages")
	if !ok {
		return langs
	}
	line := func(code string) int { l, _ := lt.where(code); return l }
	codes := make([]string, 0, len(lt.m))
	for code := range lt.m {
		codes = append(codes, code)
	}
	slices.SortFunc(codes, func(a, b string) int { return cmp.Or(cmp.Compare(line(a), line(b)), strings.Compare(a, b)) })
	for _, code := range codes {
		sub, ok := lt.sub(code)
		if !ok {
			continue
		}
		sub.known("name", "title")
		if !langRE.MatchString(code) {
			lt.errf(code, "%q is not a language code like \"es\", \"so\" or \"es-MX\"", code)
			continue
		}
		l := Language{Code: code, Name: sub.str("name", code != def), Title: sub.str("title", false)}
		if code == def {
			langs[0] = l
			continue
		}
		langs = append(langs, l)
	}
	return langs
}
