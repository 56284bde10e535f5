package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/ledger"
	"github.com/alongside-dev/alongside/generator/urls"
)

// The shape of a 360Giving grant (https://standard.threesixtygiving.org/),
// with the library's in-kind support as an additional field.
type (
	grant struct {
		ID                    string         `json:"id"`
		Title                 string         `json:"title"`
		Description           string         `json:"description"`
		Currency              string         `json:"currency"`
		AmountAwarded         json.Number    `json:"amountAwarded"`
		AwardDate             string         `json:"awardDate"`
		PlannedDates          []plannedDates `json:"plannedDates"`
		RecipientOrganization []organization `json:"recipientOrganization"`
		FundingOrganization   []organization `json:"fundingOrganization"`
		DataSource            string         `json:"dataSource"`
		InKind                []inKind       `json:"alongside:inKind,omitempty"`
	}
	plannedDates struct {
		StartDate string `json:"startDate"`
		EndDate   string `json:"endDate"`
	}
	// givingPackage is the package's metadata (360-giving-package-schema
	// and the standard's metadata guidance); the grants follow it.
	givingPackage struct {
		Version     string    `json:"version"`
		Title       string    `json:"title"`
		Description string    `json:"description"`
		Identifier  string    `json:"identifier"`
		Issued      string    `json:"issued"`
		Modified    string    `json:"modified"`
		Publisher   publisher `json:"publisher"`
		License     string    `json:"license,omitempty"`
		AccessURL   string    `json:"accessURL"`
		DownloadURL string    `json:"downloadURL"`
	}
	publisher struct {
		Identifier string `json:"identifier,omitempty"`
		Name       string `json:"name"`
		Website    string `json:"website,omitempty"`
	}
	organization struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}
	inKind struct {
		Kind        string       `json:"kind"`
		Amount      json.Number  `json:"amount"`
		Unit        string       `json:"unit"`
		Value       *json.Number `json:"value"` // in the site currency; null when unvalued
		Estimated   bool         `json:"estimated"`
		Description string       `json:"description"`
		Date        *string      `json:"date"`
	}
)

// Check returns the warnings about the open data of a site whose
// profiles (approved or not, so that check warns before a draft is
// approved) are given:
//
//   - [open_data] has no licence, so the data says nothing of reuse;
//   - a profile records money from the library but [open_data] has no
//     grant_prefix and funder_id, so there is no 360Giving file;
//   - [open_data] is set but no approved profile records library money:
//     with no grant, there is no 360Giving file (the package schema
//     wants at least one).
func Check(site *content.Site, profiles []*content.Profile) content.Problems {
	od := &site.Config.OpenData
	at := func(field, msg string) content.Problem {
		return content.Problem{Path: "site.toml", Line: max(od.Line, 1), Col: 1, Field: field, Message: msg, Warning: true}
	}
	var probs content.Problems
	if od.License == "" {
		probs = append(probs, at("open_data.license", "not set, so the data files of /data/ say nothing of how they may be reused: "+
			"add license = \"https://creativecommons.org/licenses/by/4.0/\" (or the address of the licence the library chose) under [open_data]"))
	}
	n, approved := 0, 0
	for _, p := range profiles {
		if Grants(p) {
			n++
			if p.Approved() {
				approved++
			}
		}
	}
	switch {
	case !od.Set() && n > 0:
		what := fmt.Sprintf("%d partnerships record", n)
		if n == 1 {
			what = "1 partnership records"
		}
		probs = append(probs, at("open_data", "missing, so /data/360giving.json is not written although "+what+" library money: add [open_data] with grant_prefix and funder_id"))
	case od.Set() && approved == 0:
		probs = append(probs, at("open_data", "no approved partnership records money from the library, so there is no grant to list and /data/360giving.json is not written"))
	}
	return probs
}

// Giving writes /data/360giving.json: a 360Giving 1.4 package (see the
// package documentation), one grant per line. It fails, writing
// nothing, when Which says the build has no such file.
func Giving(w io.Writer, site *content.Site, published []*content.Profile, baseURL string, now time.Time) error {
	baseURL = base(site, baseURL)
	if !Which(site, published, baseURL).Giving {
		return errors.New("360giving.json needs [open_data], an absolute base URL and at least one grant")
	}
	cfg := &site.Config
	published = bySlug(published)
	funder := []organization{{ID: cfg.OpenData.FunderID, Name: cfg.Library}}
	orgIDs := partnerIDs(published)
	// The package's metadata, indented, then its grants, a line each,
	// in place of the metadata's closing brace.
	var meta bytes.Buffer
	menc := json.NewEncoder(&meta)
	menc.SetEscapeHTML(false)
	menc.SetIndent("", "  ")
	if err := menc.Encode(givingMeta(site, published, baseURL, now)); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.Write(bytes.TrimSuffix(meta.Bytes(), []byte("\n}\n")))
	bw.WriteString(",\n  \"grants\": [")
	var enc encoder
	first := true
	for _, p := range published {
		if !Grants(p) {
			continue
		}
		id := orgIDs[p.Partner.Slug]
		if id == "" {
			id = cfg.OpenData.GrantPrefix + "-partner-" + p.Partner.Slug
		}
		recipient := []organization{{ID: id, Name: p.Partner.Name, URL: p.Partner.URL}}
		kinds := libraryInKind(p)
		for i := range p.Resources {
			r := &p.Resources[i]
			if r.From != "library" || r.Kind != "money" {
				continue
			}
			g := grant{
				ID:                    cfg.OpenData.GrantPrefix + "-" + p.Slug + "-" + strconv.Itoa(i+1),
				Title:                 p.Title,
				Description:           firstOf(r.Description, p.Summary, p.Title),
				Currency:              r.Currency,
				AmountAwarded:         num(r.Amount),
				AwardDate:             r.Date.String(),
				PlannedDates:          planned(p, r, cfg.FiscalYearStart),
				RecipientOrganization: recipient,
				FundingOrganization:   funder,
				DataSource:            abs(baseURL, p.URL()),
				InKind:                kinds,
			}
			kinds = nil // listed on the first grant only
			if !first {
				bw.WriteString(",")
			}
			first = false
			bw.WriteString("\n    ")
			if err := enc.write(bw, "", g); err != nil {
				return err
			}
		}
	}
	bw.WriteString("\n  ]\n}\n")
	return bw.Flush()
}

// GivingVersion is the version of the 360Giving Data Standard that
// 360giving.json follows, as its package's "version" gives it.
const GivingVersion = "1.4"

// givingMeta is the metadata of the package of the grants of published.
// issued is the first day any of them was approved (the file cannot be
// older; it stays the same while grants are added), or the build's day
// when none has a review date (a preview); modified is the build's time.
func givingMeta(site *content.Site, published []*content.Profile, baseURL string, now time.Time) givingPackage {
	cfg := &site.Config
	issued := content.DayOf(now)
	for _, p := range published {
		if Grants(p) && p.Review.Date.Set() && p.Review.Date.Before(issued.Time) {
			issued = p.Review.Date
		}
	}
	return givingPackage{
		Version:     GivingVersion,
		Title:       "Grants to community partners of " + cfg.Library,
		Description: "Money " + cfg.Library + " gave to community organizations it works with in partnership, one grant per payment, from the partnerships published at " + abs(baseURL, urls.Home) + ". In-kind support to the same partnership (staff time, space, equipment) is listed on its first grant as alongside:inKind.",
		Identifier:  cfg.OpenData.GrantPrefix + "-partnerships",
		Issued:      issued.String(),
		Modified:    now.UTC().Format(time.RFC3339),
		Publisher:   publisher{Identifier: cfg.OpenData.FunderID, Name: cfg.Publisher(), Website: cfg.OpenData.PublisherWebsite},
		License:     cfg.OpenData.License,
		AccessURL:   abs(baseURL, urls.Data),
		DownloadURL: abs(baseURL, urls.Giving),
	}
}

// partnerIDs maps each partner's slug to its org_id: the first that one
// of its profiles gives, by slug.
func partnerIDs(published []*content.Profile) map[string]string {
	ids := map[string]string{}
	for _, p := range published {
		if _, ok := ids[p.Partner.Slug]; !ok && p.Partner.OrgID != "" {
			ids[p.Partner.Slug] = p.Partner.OrgID
		}
	}
	return ids
}

// planned is the plannedDates of the grant of r: the fiscal year of its
// payment, within the partnership's span (start to end; an open end
// leaves the fiscal year's). A payment in a year the span does not reach
// plans the span itself (to the end of its first fiscal year, when it
// has no end).
func planned(p *content.Profile, r *content.Resource, fyStart content.MonthDay) []plannedDates {
	fy := ledger.FiscalYearOf(r.Date, fyStart)
	first, last := fy.Start, fy.End
	if p.Start.After(first.Time) {
		first = p.Start
	}
	if p.End.Set() && p.End.Before(last.Time) {
		last = p.End
	}
	if last.Before(first.Time) {
		first, last = p.Start, p.End
		if !last.Set() {
			last = ledger.FiscalYearOf(p.Start, fyStart).End
		}
	}
	return []plannedDates{{StartDate: first.String(), EndDate: last.String()}}
}

// libraryInKind lists what the library put into p other than money.
func libraryInKind(p *content.Profile) []inKind {
	var out []inKind
	for i := range p.Resources {
		r := &p.Resources[i]
		if r.From != "library" || r.Kind == "money" {
			continue
		}
		out = append(out, inKind{Kind: r.Kind, Amount: num(r.Amount), Unit: r.Unit, Value: numOrNull(r.Value, r.Valued),
			Estimated: r.Estimated, Description: r.Description, Date: date(r.Date)})
	}
	return out
}

// firstOf returns the first non-empty string.
func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
