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
	seen := map[string]first{} // by address
	var ps content.Problems
	profiles := slices.Clone(c.site.Profiles)
	slices.SortFunc(profiles, func(a, b *content.Profile) int { return strings.Compare(a.Path, b.Path) })
	for _, p := range profiles {
		var keys content.FileKeys // read on the first warning
		note := func(key, addr, name string) {
			f, ok := seen[addr]
			if !ok {
				seen[addr] = first{name, p.Path}
				return
			}
			if f.name == name {
				return
			}
			if keys == nil && c.fsys != nil {
				keys, _ = p.Keys(c.fsys)
			}
			line, col := keyAt(keys, key)
			ps = append(ps, content.Problem{Path: p.Path, Line: line, Col: col, Field: key, Warning: true,
				Message: fmt.Sprintf("%q and %q (%s) have the same address, /%s, and are shown as one, named %q: write the name the same way in both",
					name, f.name, f.path, addr, f.name)})
		}
		note("partner.name", urls.Partner(p.Partner.Slug), p.Partner.Name)
		for _, tx := range content.Taxonomies(nil) {
			for _, name := range content.Terms(tx.Key, p) {
				note(tx.Key, urls.Term(tx.Key, content.TermSlug(name)), name)
			}
		}
	}
	return ps
}
