package content

import (
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/urls"
)

// Published returns the profiles a build shows: the approved ones, or all
// of them when unapproved is true (build --unapproved, serve).
func (s *Site) Published(unapproved bool) []*Profile {
	if unapproved {
		return s.Profiles
	}
	out := make([]*Profile, 0, len(s.Profiles))
	for _, p := range s.Profiles {
		if p.Approved() {
			out = append(out, p)
		}
	}
	return out
}

// A PartnerGroup is one partner organization and its partnerships.
type PartnerGroup struct {
	Partner  Partner // name, URL and about from its first profile by slug
	Profiles []*Profile
}

// Partners groups profiles by partner slug, ordered by name.
func Partners(profiles []*Profile) []*PartnerGroup {
	by := map[string]*PartnerGroup{}
	var out []*PartnerGroup
	for _, p := range profiles {
		g := by[p.Partner.Slug]
		if g == nil {
			g = &PartnerGroup{Partner: p.Partner}
			by[p.Partner.Slug] = g
			out = append(out, g)
		}
		if g.Partner.URL == "" {
			g.Partner.URL = p.Partner.URL
		}
		if g.Partner.About == "" {
			g.Partner.About = p.Partner.About
		}
		g.Profiles = append(g.Profiles, p)
	}
	slices.SortFunc(out, func(a, b *PartnerGroup) int { return compareFold(a.Partner.Name, b.Partner.Name) })
	return out
}

// A Taxonomy is one way of grouping profiles: by branch, neighborhood,
// audience or tag. Its address is /<Key>/ and each term's /<Key>/<slug>/.
type Taxonomy struct {
	Key      string // "branches"
	Title    string // "Branches"
	Singular string // "Branch"
	Terms    []*Term
}

// A Term is one value of a taxonomy and the profiles that have it.
type Term struct {
	Name     string
	Slug     string
	Profiles []*Profile
}

// A taxonomyDef says what a taxonomy is called and which values of a
// profile are its terms.
type taxonomyDef struct {
	key, title, singular string
	get                  func(*Profile) []string
}

// taxonomyDefs are the taxonomies of SPEC §4, in the order of the
// navigation; each key is also the first segment of its addresses.
var taxonomyDefs = []taxonomyDef{
	{"branches", "Branches", "Branch", func(p *Profile) []string { return p.Branches }},
	{"neighborhoods", "Neighborhoods", "Neighborhood", func(p *Profile) []string { return p.Neighborhoods }},
	{"audiences", "Audiences", "Audience", func(p *Profile) []string { return p.Audiences }},
	{"tags", "Tags", "Tag", func(p *Profile) []string { return p.Tags }},
}

// IsTaxonomy reports whether key is the key of a taxonomy, and so the
// first segment of its addresses.
func IsTaxonomy(key string) bool {
	return slices.ContainsFunc(taxonomyDefs, func(d taxonomyDef) bool { return d.key == key })
}

// Terms returns p's terms of the taxonomy key, as written; nil for a key
// that is not a taxonomy's.
func Terms(key string, p *Profile) []string {
	for _, d := range taxonomyDefs {
		if d.key == key {
			return d.get(p)
		}
	}
	return nil
}

// reservedPage reports whether a page of content/pages called name would
// take an address that alongside makes itself.
func reservedPage(name string) bool { return urls.Reserved(name) || IsTaxonomy(name) }

// Taxonomies lists the four taxonomies of SPEC §4 for profiles, each with
// its terms ordered by name. Names that fold to the same slug ("ESL" and
// "esl") are one term, named as first seen.
func Taxonomies(profiles []*Profile) []*Taxonomy {
	out := make([]*Taxonomy, 0, len(taxonomyDefs))
	for _, d := range taxonomyDefs {
		tax := &Taxonomy{Key: d.key, Title: d.title, Singular: d.singular}
		by := map[string]*Term{}
		for _, p := range profiles {
			for _, name := range d.get(p) {
				slug := PartnerSlug(name)
				t := by[slug]
				if t == nil {
					t = &Term{Name: name, Slug: slug}
					by[slug] = t
					tax.Terms = append(tax.Terms, t)
				}
				if n := len(t.Profiles); n == 0 || t.Profiles[n-1] != p {
					t.Profiles = append(t.Profiles, p)
				}
			}
		}
		slices.SortFunc(tax.Terms, func(a, b *Term) int { return compareFold(a.Name, b.Name) })
		out = append(out, tax)
	}
	return out
}

// TermSlug is the address of a term name within its taxonomy.
func TermSlug(name string) string { return PartnerSlug(name) }

func compareFold(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}
