package export

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

type specGrant struct {
	ID, Title, Description, Currency string
	AmountAwarded                    float64
	AwardDate                        string
	PlannedDates                     []struct{ StartDate, EndDate string }
	RecipientOrganization            []struct{ ID, Name, URL string }
	FundingOrganization              []struct{ ID, Name string }
	DataSource                       string
	InKind                           []map[string]any `json:"alongside:inKind"`
}

func TestGiving(t *testing.T) {
	site, published := testSite(t)
	var b bytes.Buffer
	if err := Giving(&b, site, published, ""); err != nil {
		t.Fatal(err)
	}
	var f struct{ Grants []specGrant }
	dec := json.NewDecoder(&b)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		t.Fatal(err)
	}
	// Money from the library to Familias Unidas is resources 1, 5 and 6 of
	// homework-help; zine-lab has none (its money is the partner's).
	var ids []string
	for _, g := range f.Grants {
		ids = append(ids, g.ID)
	}
	if got, want := strings.Join(ids, " "), "360G-rainierpl-homework-help-1 360G-rainierpl-homework-help-5 360G-rainierpl-homework-help-6"; got != want {
		t.Fatalf("grant ids = %s, want %s", got, want)
	}
	g := f.Grants[0]
	if g.Title != "Homework Help in Spanish" || g.Description != "Stipends for two volunteer tutors" || g.Currency != "USD" || g.AmountAwarded != 2400 || g.AwardDate != "2025-09-02" {
		t.Errorf("grant 1 = %+v", g)
	}
	if len(g.PlannedDates) != 1 || g.PlannedDates[0].StartDate != "2025-09-02" || g.PlannedDates[0].EndDate != "" {
		t.Errorf("plannedDates = %+v", g.PlannedDates)
	}
	if r := g.RecipientOrganization; len(r) != 1 || r[0].ID != "360G-rainierpl-partner-familias-unidas-del-sur" || r[0].Name != "Familias Unidas del Sur" {
		t.Errorf("recipientOrganization = %+v", r)
	}
	if fo := g.FundingOrganization; len(fo) != 1 || fo[0].ID != "US-EIN-91-0000000" || fo[0].Name != "Rainier Public Library" {
		t.Errorf("fundingOrganization = %+v", fo)
	}
	if g.DataSource != "https://partners.example.org/reports/partnerships/homework-help/" {
		t.Errorf("dataSource = %q", g.DataSource)
	}
	// The library's in-kind support (room and newsletter), on the first
	// grant only; the partner's volunteer hours are not a grant.
	want := []map[string]any{
		{"kind": "space", "amount": 120.0, "unit": "room-hours", "value": 5400.0, "estimated": true, "description": "Meeting room B, Tue and Thu 4–6 pm", "date": "2025-09-02"},
		{"kind": "marketing", "amount": 3.0, "unit": "newsletter features", "value": 600.0, "estimated": true, "description": "", "date": "2025-09-02"},
	}
	if !reflect.DeepEqual(g.InKind, want) {
		t.Errorf("in kind = %v\nwant %v", g.InKind, want)
	}
	if f.Grants[1].InKind != nil || f.Grants[2].InKind != nil {
		t.Errorf("in-kind support repeated on later grants")
	}
	if f.Grants[1].AmountAwarded != 0.1 || f.Grants[1].AwardDate != "2025-12-01" || f.Grants[1].Description != "Bilingual homework help for middle schoolers, twice a week." {
		t.Errorf("grant 5 = %+v", f.Grants[1])
	}
}

func TestGivingNeedsOpenData(t *testing.T) {
	site := sitetest.Load(t, siteToml+profiles) // no [open_data]
	published := site.Published(false)
	probs := Check(site, published)
	want := "site.toml:1:1: warning: open_data: missing, so /data/360giving.json is not written although 1 partnership records library money: add [open_data] with grant_prefix and funder_id"
	if len(probs) != 1 || probs[0].String() != want || !probs[0].Warning {
		t.Fatalf("Check = %v, want the warning\n%s", probs, want)
	}
	// With the draft too (build --unapproved): two partnerships.
	if probs := Check(site, site.Published(true)); len(probs) != 1 || !strings.Contains(probs[0].Message, "although 2 partnerships record library money") {
		t.Errorf("Check(unapproved) = %v", probs)
	}
	var b bytes.Buffer
	err := Giving(&b, site, published, "")
	if err == nil || err.Error() != want {
		t.Errorf("Giving error = %v, want %s", err, want)
	}
	if b.Len() != 0 {
		t.Errorf("Giving wrote %q before failing", b.String())
	}

	// Without library money, [open_data] is not needed: no grants.
	noMoney := site.Published(false)[1:] // zine-lab
	if probs := Check(site, noMoney); len(probs) != 0 {
		t.Errorf("Check without library money = %v", probs)
	}
	b.Reset()
	if err := Giving(&b, site, noMoney, ""); err != nil {
		t.Fatal(err)
	}
	var f struct{ Grants []any }
	if err := json.Unmarshal(b.Bytes(), &f); err != nil || f.Grants == nil || len(f.Grants) != 0 {
		t.Errorf("Giving without library money = %s (%v), want an empty grants list", b.Bytes(), err)
	}
	if probs := Check(sitetest.Load(t, siteToml+openData+profiles), published); len(probs) != 0 {
		t.Errorf("Check with [open_data] = %v", probs)
	}
}
