package review

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
)

// Find returns the profile of site whose slug is slug. probs are the
// problems content.Load (or LoadProfile) reported for site, and slugs the
// slugs of every profile. When no profile has that slug but a file of
// that name could not be read at all, the error is that file's
// content.Problems; otherwise it names the closest of slugs.
func Find(site *content.Site, slugs []string, probs content.Problems, slug string) (*content.Profile, error) {
	for _, p := range site.Profiles {
		if p.Slug == slug {
			return p, nil
		}
	}
	var file content.Problems
	for _, pr := range probs {
		if pr.Path == path.Join("content/partnerships", slug+".md") || pr.Path == path.Join("content/partnerships", slug, "index.md") {
			file = append(file, pr)
		}
	}
	if len(file.Errors()) > 0 {
		return nil, file
	}
	msg := fmt.Sprintf("no profile has the slug %q", slug)
	switch close := closest(slug, slugs); {
	case len(slugs) == 0:
		msg += " (this site has no profiles yet: create one with alongside new \"Partnership name\")"
	case len(close) > 0:
		msg += "; did you mean " + strings.Join(close, ", ") + "?"
	default:
		msg += " (alongside review lists every profile)"
	}
	return nil, fmt.Errorf("%s", msg)
}

// closest returns up to five of names that look like query: those that
// contain it, or that are a few edits away, nearest first.
func closest(query string, names []string) []string {
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	for _, n := range names {
		d := content.EditDistance(query, n)
		switch {
		case query != "" && strings.Contains(n, query):
			d = min(d, 1)
		case d > max(2, len(query)/3):
			continue
		}
		cs = append(cs, cand{n, d})
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return a.d - b.d })
	out := make([]string, 0, min(len(cs), 5))
	for _, c := range cs[:min(len(cs), 5)] {
		out = append(out, c.name)
	}
	return out
}
