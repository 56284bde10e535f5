package export

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/ledger"
)

// abs is the absolute address of p, a path below the site root.
func abs(base, p string) string {
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base + strings.TrimPrefix(p, "/")
}

// base returns baseURL, or the site's when it is "".
func base(site *content.Site, baseURL string) string {
	if baseURL == "" {
		return site.Config.BaseURL
	}
	return baseURL
}

// bySlug returns the profiles ordered by slug, without changing ps.
func bySlug(ps []*content.Profile) []*content.Profile {
	cmp := func(a, b *content.Profile) int { return strings.Compare(a.Slug, b.Slug) }
	if slices.IsSortedFunc(ps, cmp) {
		return ps
	}
	out := slices.Clone(ps)
	slices.SortStableFunc(out, cmp)
	return out
}

// num is x as a JSON number: a plain decimal, rounded like the ledger's
// sums. (json.Number is written as is, without a MarshalJSON call.)
func num(x float64) json.Number { return json.Number(formatNumber(x)) }

// numOrNull is num(x), or null when ok is false.
func numOrNull(x float64, ok bool) *json.Number {
	if !ok {
		return nil
	}
	n := num(x)
	return &n
}

// date is d as YYYY-MM-DD, or null when it is not set.
func date(d content.Date) *string {
	if !d.Set() {
		return nil
	}
	s := d.String()
	return &s
}

// formatNumber writes x without exponent, rounded like the ledger.
func formatNumber(x float64) string { return strconv.FormatFloat(ledger.Round(x), 'f', -1, 64) }

// orEmpty returns list, or an empty list for nil, so that JSON has [].
func orEmpty(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

// Grants reports whether p records money from the library: each such
// resource is a grant of /data/360giving.json.
func Grants(p *content.Profile) bool {
	for i := range p.Resources {
		if r := &p.Resources[i]; r.From == "library" && r.Kind == "money" {
			return true
		}
	}
	return false
}
