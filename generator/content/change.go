package content

import (
	"slices"
	"strings"
)

// A Change is what a Load or an Update changed in the site: what a
// render must redo. When Full is true, Pages and Profiles are empty.
type Change struct {
	Full     bool            // everything: site.toml, a theme file or the navigation (a page added or removed, a menu title or weight) changed
	Home     bool            // content/_index.md changed
	Pages    []*Page         // content pages that changed, as they are now
	Profiles []ProfileChange // ordered by slug
}

// A ProfileChange is one slug whose profile (the first by path, the one
// published) was added (Old nil), removed (New nil) or replaced.
type ProfileChange struct {
	Old, New *Profile
}

// Empty reports whether nothing changed.
func (c Change) Empty() bool {
	return !c.Full && !c.Home && len(c.Pages) == 0 && len(c.Profiles) == 0
}

// Merge returns what changed across c and then next, for a caller that
// has not acted on c yet: a profile's Old is the one of c.
func (c Change) Merge(next Change) Change {
	out := Change{Full: c.Full || next.Full, Home: c.Home || next.Home}
	if out.Full {
		return out
	}
	out.Pages = slices.Clone(c.Pages)
	for _, pg := range next.Pages {
		if i := slices.IndexFunc(out.Pages, func(q *Page) bool { return q.Path == pg.Path }); i >= 0 {
			out.Pages[i] = pg
		} else {
			out.Pages = append(out.Pages, pg)
		}
	}
	bySlug := map[string]ProfileChange{}
	for _, pc := range c.Profiles {
		bySlug[pc.slug()] = pc
	}
	for _, pc := range next.Profiles {
		slug := pc.slug()
		if first, ok := bySlug[slug]; ok {
			pc.Old = first.Old
		}
		bySlug[slug] = pc
	}
	for _, pc := range bySlug {
		if pc.Old != pc.New {
			out.Profiles = append(out.Profiles, pc)
		}
	}
	slices.SortFunc(out.Profiles, func(a, b ProfileChange) int { return strings.Compare(a.slug(), b.slug()) })
	return out
}

func (c ProfileChange) slug() string {
	if c.New != nil {
		return c.New.Slug
	}
	return c.Old.Slug
}
