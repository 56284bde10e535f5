package review

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/urls"
)

// sameAddress warns about names written differently that lead to the
// same address, and so are shown as one partner or one term: "CAFE" and
// "Café", "C++" and "C#", a Cyrillic "Сafe" and "afe". Each warning is
// at the later name (profiles in path order) and names the first.
func (c *Checker) sameAddress() content.Problems {
	type first struct{ name, path string }
	type page struct{ taxonomy, slug string } // taxonomy "": a partner's
	seen := map[page]first{}
	slugs := map[string]string{} // of the terms, by name: most names recur
	taxonomies := content.Taxonomies(nil)
	var ps content.Problems
	profiles := slices.Clone(c.site.Profiles)
	slices.SortFunc(profiles, func(a, b *content.Profile) int { return strings.Compare(a.Path, b.Path) })
	for _, p := range profiles {
		var keys content.FileKeys // see keyAt
		note := func(key string, at page, name string) {
			f, ok := seen[at]
			if !ok {
				seen[at] = first{name, p.Path}
				return
			}
			if f.name == name {
				return
			}
			addr := urls.Partner(at.slug)
			if at.taxonomy != "" {
				addr = urls.Term(at.taxonomy, at.slug)
			}
			line, col := c.keyAt(p, &keys, key)
			ps = append(ps, content.Problem{Path: p.Path, Line: line, Col: col, Field: key, Warning: true,
				Message: fmt.Sprintf("%q and %q (%s) have the same address, /%s, and are shown as one, named %q: write the name the same way in both",
					name, f.name, f.path, addr, f.name)})
		}
		note("partner.name", page{"", p.Partner.Slug}, p.Partner.Name)
		for _, tx := range taxonomies {
			for _, name := range content.Terms(tx.Key, p) {
				slug, ok := slugs[name]
				if !ok {
					slug = content.TermSlug(name)
					slugs[name] = slug
				}
				note(tx.Key, page{tx.Key, slug}, name)
			}
		}
	}
	return ps
}
