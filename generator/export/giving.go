package export

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/alongside-dev/alongside/generator/content"
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
		AwardDate             *string        `json:"awardDate"`
		PlannedDates          []plannedDates `json:"plannedDates"`
		RecipientOrganization []organization `json:"recipientOrganization"`
		FundingOrganization   []organization `json:"fundingOrganization"`
		DataSource            string         `json:"dataSource"`
		InKind                []inKind       `json:"alongside:inKind,omitempty"`
	}
	plannedDates struct {
		StartDate string `json:"startDate"`
		EndDate   string `json:"endDate,omitempty"`
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

// Check reports what the exports need and the site lacks: [open_data]
// when a published profile records money from the library. It is a
// warning, not an error: without [open_data] there is no identifier to
// give the grants, so Write leaves /data/360giving.json out and the rest
// of the site is published as usual.
func Check(site *content.Site, published []*content.Profile) content.Problems {
	if site.Config.OpenData.Set() {
		return nil
	}
	n := 0
	for _, p := range published {
		if libraryMoney(p) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	what := fmt.Sprintf("%d partnerships record", n)
	if n == 1 {
		what = "1 partnership records"
	}
	return content.Problems{{Path: "site.toml", Line: 1, Col: 1, Field: "open_data", Warning: true,
		Message: "missing, so /data/360giving.json is not written although " + what + " library money: add [open_data] with grant_prefix and funder_id"}}
}

// Giving writes /data/360giving.json: {"grants": [...]}, a grant per money
// resource from the library (see the package documentation), one grant
// per line. It returns
// Check's error, writing nothing, when [open_data] is needed but missing.
func Giving(w io.Writer, site *content.Site, published []*content.Profile, baseURL string) error {
	if probs := Check(site, published); len(probs) > 0 {
		return errors.New(probs[0].String())
	}
	baseURL = base(site, baseURL)
	cfg := &site.Config
	funder := []organization{{ID: cfg.OpenData.FunderID, Name: cfg.Library}}
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"grants": [`)
	var enc encoder
	first := true
	for _, p := range bySlug(published) {
		if !libraryMoney(p) {
			continue
		}
		recipient := []organization{{ID: cfg.OpenData.GrantPrefix + "-partner-" + p.Partner.Slug, Name: p.Partner.Name, URL: p.Partner.URL}}
		planned := []plannedDates{{StartDate: p.Start.String(), EndDate: p.End.String()}}
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
				AwardDate:             date(r.Date),
				PlannedDates:          planned,
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
			bw.WriteString("\n  ")
			if err := enc.write(bw, "", g); err != nil {
				return err
			}
		}
	}
	if !first {
		bw.WriteString("\n")
	}
	bw.WriteString("]}\n")
	return bw.Flush()
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
