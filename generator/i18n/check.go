package i18n

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
)

// Check loads the catalog of each of codes, a site's languages, and
// returns the problems of their files, each once however many languages
// read the file, and for each language whose catalogs lack keys of
// English one warning, at i18n/<code>.toml, that lists them: what
// `alongside check` reports about UI strings.
func Check(siteFS fs.FS, theme string, codes []string) content.Problems {
	var out content.Problems
	seen := map[string]bool{}
	for _, code := range codes {
		c, probs := Load(siteFS, theme, code)
		for _, p := range probs {
			if s := p.String(); !seen[s] {
				seen[s] = true
				out = append(out, p)
			}
		}
		if len(c.missing) == 0 {
			continue
		}
		p := content.Problem{Path: "i18n/" + c.lang + ".toml", Line: 1, Col: 1, Warning: true}
		if len(c.missing) == len(c.keys) {
			p.Message = fmt.Sprintf("no UI strings in %s: all %d are shown in English (write them in this file; see docs/languages.md)", c.lang, len(c.keys))
		} else {
			p.Message = fmt.Sprintf("%d of %d UI strings have no %s text and are shown in English: %s", len(c.missing), len(c.keys), c.lang, strings.Join(c.missing, ", "))
		}
		if !seen[p.String()] {
			seen[p.String()] = true
			out = append(out, p)
		}
	}
	out.Sort()
	return out
}
