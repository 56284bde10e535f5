package export

import (
	"encoding/json"
	"html/template"

	"github.com/alongside-dev/alongside/generator/content"
)

// JSONLD describes a profile page in schema.org terms, as a value ready
// for encoding/json (embed it with Script):
//
//   - the partnership is a Project, with the library and the partner as
//     its members (Organization, each with an @id: the library's is the
//     site's address + "#library", the partner's its page + "#org");
//   - each money resource from the library is a MonetaryGrant: amount as
//     a MonetaryAmount in its currency, funder the library, fundedItem the
//     partner (schema.org's Grant has no "recipient": the funded item is
//     the one that receives it);
//   - money from the partner is a MonetaryGrant with the partner as
//     funder and the project as fundedItem;
//   - in-kind support from either side is a Grant with that side as
//     sponsor; the library's is funded to the partner, the partner's to
//     the project. Its description states the amount and any estimate.
//
// The grants are the Project's "funding", in file order.
func JSONLD(site *content.Site, p *content.Profile, baseURL string) map[string]any {
	baseURL = base(site, baseURL)
	cfg := &site.Config
	pageURL := abs(baseURL, p.URL())
	project := ref(pageURL + "#project")
	library := map[string]any{"@type": "Organization", "@id": baseURL + "#library", "name": cfg.Library}
	partner := map[string]any{"@type": "Organization", "@id": abs(baseURL, "partners/"+p.Partner.Slug+"/") + "#org", "name": p.Partner.Name}
	if p.Partner.URL != "" {
		partner["url"] = p.Partner.URL
	}
	if p.Partner.About != "" {
		partner["description"] = p.Partner.About
	}
	funding := []map[string]any{}
	for i := range p.Resources {
		r := &p.Resources[i]
		giver, to := ref(library["@id"].(string)), ref(partner["@id"].(string))
		if r.From == "partner" {
			giver, to = ref(partner["@id"].(string)), project
		}
		g := map[string]any{"name": firstOf(r.Description, content.LabelOf(r.Kind).Text), "fundedItem": to}
		if r.Kind == "money" {
			g["@type"] = "MonetaryGrant"
			g["funder"] = giver
			g["amount"] = map[string]any{"@type": "MonetaryAmount", "currency": r.Currency, "value": num(r.Amount)}
		} else {
			g["@type"] = "Grant"
			g["sponsor"] = giver
			g["description"] = inKindText(r, cfg.Currency)
		}
		funding = append(funding, g)
	}
	ld := map[string]any{
		"@context": "https://schema.org",
		"@type":    "Project",
		"@id":      project["@id"],
		"name":     p.Title,
		"url":      pageURL,
		"member":   []map[string]any{library, partner},
		"funding":  funding,
	}
	if p.Summary != "" {
		ld["description"] = p.Summary
	}
	if len(p.Neighborhoods) > 0 {
		ld["areaServed"] = p.Neighborhoods
	}
	if len(p.Languages) > 0 {
		ld["knowsLanguage"] = p.Languages
	}
	if len(p.Tags) > 0 {
		ld["keywords"] = p.Tags
	}
	return ld
}

func ref(id string) map[string]any { return map[string]any{"@id": id} }

// inKindText is "120 room-hours" or "120 room-hours, estimated value 5400 USD".
func inKindText(r *content.Resource, currency string) string {
	s := formatNumber(r.Amount) + " " + r.Unit
	if r.Valued {
		s += ", estimated value " + formatNumber(r.Value) + " " + currency
	}
	return s
}

// Script returns ld as a <script type="application/ld+json"> element. The
// JSON escapes <, > and &, so no string in it can end the script.
func Script(ld any) (template.HTML, error) {
	data, err := json.Marshal(ld)
	if err != nil {
		return "", err
	}
	return template.HTML(`<script type="application/ld+json">` + string(data) + "</script>"), nil
}
