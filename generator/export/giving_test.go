package export

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// giving returns the 360giving.json of published, decoded.
func giving(t *testing.T, site *content.Site, published []*content.Profile) map[string]any {
	t.Helper()
	var b bytes.Buffer
	if err := Giving(&b, site, published, "", now); err != nil {
		t.Fatal(err)
	}
	var pkg map[string]any
	dec := json.NewDecoder(&b)
	dec.UseNumber()
	if err := dec.Decode(&pkg); err != nil {
		t.Fatalf("%v\n%s", err, b.Bytes())
	}
	return pkg
}

// The patterns of 360Giving's schemas.
var (
	dateRE    = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$`)
	versionRE = regexp.MustCompile(`^(\d+\.)(\d+)$`)
)

// checkPackage holds pkg to the 360Giving 1.4 package schema
// (360-giving-package-schema.json) and, for each grant, to the grant
// schema (360-giving-schema.json): every required field, in its type,
// and the formats and patterns of the fields alongside writes. It also
// asks for the metadata that the standard's guidance recommends.
func checkPackage(t *testing.T, pkg map[string]any) {
	t.Helper()
	str := func(where string, m map[string]any, key string, required bool) string {
		t.Helper()
		v, ok := m[key]
		if !ok {
			if required {
				t.Errorf("%s: no %s", where, key)
			}
			return ""
		}
		s, ok := v.(string)
		if !ok {
			t.Errorf("%s: %s is %T, want a string", where, key, v)
		}
		return s
	}
	uri := func(where string, m map[string]any, key string, required bool) {
		t.Helper()
		if s := str(where, m, key, required); s != "" || required {
			if u, err := url.Parse(s); err != nil || !u.IsAbs() {
				t.Errorf("%s: %s = %q, not an absolute URI", where, key, s)
			}
		}
	}
	objects := func(where string, m map[string]any, key string, min int) []map[string]any {
		t.Helper()
		list, ok := m[key].([]any)
		if !ok || len(list) < min {
			t.Errorf("%s: %s = %v, want an array of at least %d", where, key, m[key], min)
		}
		var out []map[string]any
		for i, v := range list {
			o, ok := v.(map[string]any)
			if !ok {
				t.Errorf("%s: %s[%d] is %T, want an object", where, key, i, v)
				continue
			}
			out = append(out, o)
		}
		return out
	}
	known := func(where string, m map[string]any, keys ...string) {
		t.Helper()
		for k := range m {
			if !slices.Contains(keys, k) && !strings.HasPrefix(k, "alongside:") {
				t.Errorf("%s: %s is not a field of the schema", where, k)
			}
		}
	}

	known("package", pkg, "grants", "version", "extensions", "title", "description", "issued", "modified", "identifier", "publisher", "downloadURL", "accessURL", "license")
	if v := str("package", pkg, "version", true); !versionRE.MatchString(v) {
		t.Errorf("version = %q", v)
	}
	str("package", pkg, "title", true)
	str("package", pkg, "description", true)
	str("package", pkg, "identifier", true)
	if s := str("package", pkg, "issued", true); !dateRE.MatchString(s) {
		t.Errorf("issued = %q, want YYYY-MM-DD", s)
	}
	if _, err := time.Parse(time.RFC3339, str("package", pkg, "modified", true)); err != nil {
		t.Errorf("modified: %v", err)
	}
	if pub, ok := pkg["publisher"].(map[string]any); !ok {
		t.Errorf("publisher = %v, want an object", pkg["publisher"])
	} else {
		known("publisher", pub, "identifier", "name", "website", "logo")
		str("publisher", pub, "name", true)
		str("publisher", pub, "identifier", false)
		uri("publisher", pub, "website", false)
	}
	uri("package", pkg, "license", false)
	uri("package", pkg, "downloadURL", true)
	uri("package", pkg, "accessURL", true)

	grants := objects("package", pkg, "grants", 1)
	ids := map[string]bool{}
	for _, g := range grants {
		id := str("grant", g, "id", true)
		where := "grant " + id
		if ids[id] {
			t.Errorf("%s twice", where)
		}
		ids[id] = true
		known(where, g, "id", "title", "description", "currency", "amountAwarded", "awardDate", "plannedDates", "recipientOrganization", "fundingOrganization", "dataSource")
		str(where, g, "title", true)
		str(where, g, "description", true)
		if c := str(where, g, "currency", true); !slices.Contains(content.Currencies, c) {
			t.Errorf("%s: currency %q", where, c)
		}
		if n, ok := g["amountAwarded"].(json.Number); !ok {
			t.Errorf("%s: amountAwarded = %v, want a number", where, g["amountAwarded"])
		} else if _, err := n.Float64(); err != nil {
			t.Errorf("%s: amountAwarded: %v", where, err)
		}
		if s := str(where, g, "awardDate", true); !dateRE.MatchString(s) {
			t.Errorf("%s: awardDate = %q", where, s)
		}
		for _, key := range []string{"recipientOrganization", "fundingOrganization"} {
			for _, o := range objects(where, g, key, 1) {
				str(where+" "+key, o, "id", true)
				str(where+" "+key, o, "name", true)
				uri(where+" "+key, o, "url", false)
			}
		}
		for _, e := range objects(where, g, "plannedDates", 1) {
			if s, e := str(where, e, "startDate", true), str(where, e, "endDate", true); !dateRE.MatchString(s) || !dateRE.MatchString(e) || e < s {
				t.Errorf("%s: plannedDates %s to %s", where, s, e)
			}
		}
		uri(where, g, "dataSource", true)
	}
}

// TestGivingSample holds the sample site's 360giving.json to the package
// schema, and checks it names its partners' org_ids.
func TestGivingSample(t *testing.T) {
	site, probs := content.Load(os.DirFS("../.."))
	if errs := probs.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, unapproved := range []bool{false, true} {
		pkg := giving(t, site, site.Published(unapproved))
		checkPackage(t, pkg)
		if pkg["license"] == nil {
			t.Error("the sample site's package has no license")
		}
	}
}

func TestGiving(t *testing.T) {
	site, published := testSite(t)
	pkg := giving(t, site, published)
	checkPackage(t, pkg)
	meta := map[string]any{}
	for k, v := range pkg {
		if k != "grants" && k != "description" {
			meta[k] = v
		}
	}
	wantMeta := map[string]any{
		"version": "1.4", "title": "Grants to community partners of Rainier Public Library", "identifier": "360G-rainierpl-partnerships",
		"issued": "2025-10-14", "modified": "2026-03-01T09:30:00Z",
		"publisher":   map[string]any{"identifier": "US-EIN-91-0000000", "name": "Rainier Public Library"},
		"accessURL":   "https://partners.example.org/reports/data/",
		"downloadURL": "https://partners.example.org/reports/data/360giving.json",
	}
	if !reflect.DeepEqual(meta, wantMeta) {
		t.Errorf("metadata = %v\nwant %v", meta, wantMeta)
	}
	var f struct{ Grants []specGrant }
	data, _ := json.Marshal(pkg)
	if err := json.Unmarshal(data, &f); err != nil {
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
	// The fiscal year of the payment (07-01 to 06-30), from the start.
	if len(g.PlannedDates) != 1 || g.PlannedDates[0].StartDate != "2025-09-02" || g.PlannedDates[0].EndDate != "2026-06-30" {
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

// TestGivingPackageMeta: the licence, the publisher and a partner's
// org_id come from site.toml and the profile; plannedDates follow the
// fiscal year of each payment within the partnership's span.
func TestGivingPackageMeta(t *testing.T) {
	site := sitetest.Load(t, siteToml+openData+`license = "https://creativecommons.org/licenses/by/4.0/"
publisher_name = "Friends of Rainier Library"
publisher_website = "https://friends.example.org/"
-- content/partnerships/years.md --
+++
title = "Three years"
status = "completed"
start = 2024-09-01
end = 2026-03-31
[partner]
name = "Registered"
org_id = "US-EIN-12-3456789"
[review]
state = "approved"
date = 2024-08-20
[[resources]]
from = "library"
kind = "money"
amount = 100
date = 2024-10-01
[[resources]]
from = "library"
kind = "money"
amount = 200
date = 2025-08-01
[[resources]]
from = "library"
kind = "money"
amount = 50
date = 2023-01-01
+++
`)
	pkg := giving(t, site, site.Published(false))
	checkPackage(t, pkg)
	if pkg["license"] != "https://creativecommons.org/licenses/by/4.0/" || !reflect.DeepEqual(pkg["publisher"],
		map[string]any{"identifier": "US-EIN-91-0000000", "name": "Friends of Rainier Library", "website": "https://friends.example.org/"}) {
		t.Errorf("license %v, publisher %v", pkg["license"], pkg["publisher"])
	}
	var got []string
	for _, g := range pkg["grants"].([]any) {
		g := g.(map[string]any)
		pd := g["plannedDates"].([]any)[0].(map[string]any)
		got = append(got, g["recipientOrganization"].([]any)[0].(map[string]any)["id"].(string)+" "+g["awardDate"].(string)+": "+pd["startDate"].(string)+" to "+pd["endDate"].(string))
	}
	want := []string{
		"US-EIN-12-3456789 2024-10-01: 2024-09-01 to 2025-06-30", // the first year, from the start
		"US-EIN-12-3456789 2025-08-01: 2025-07-01 to 2026-03-31", // the second year, a year after the start, to the end
		"US-EIN-12-3456789 2023-01-01: 2024-09-01 to 2026-03-31", // paid in a year before the span: the span
	}
	if !slices.Equal(got, want) {
		t.Errorf("grants:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if pkg["issued"] != "2024-08-20" {
		t.Errorf("issued = %v, want the first approval", pkg["issued"])
	}
}

func TestGivingNeedsOpenData(t *testing.T) {
	site := sitetest.Load(t, siteToml+profiles) // no [open_data]
	const license = "site.toml:1:1: warning: open_data.license: not set"
	want := "site.toml:1:1: warning: open_data: missing, so /data/360giving.json is not written although 2 partnerships record library money: add [open_data] with grant_prefix and funder_id"
	probs := Check(site, site.Profiles)
	if len(probs) != 2 || !strings.HasPrefix(probs[0].String(), license) || probs[1].String() != want {
		t.Fatalf("Check = %v, want\n%s…\n%s", probs, license, want)
	}
	if Which(site, site.Published(false), "").Giving {
		t.Error("Which says 360giving.json without [open_data]")
	}
	var b bytes.Buffer
	if err := Giving(&b, site, site.Published(false), "", now); err == nil || b.Len() != 0 {
		t.Errorf("Giving without [open_data]: error %v, wrote %q", err, b.String())
	}

	// With [open_data] but no approved library money: no grant, no
	// file (the package schema wants one grant at least), a warning.
	site = sitetest.Load(t, siteToml+openData+"license = \"https://creativecommons.org/publicdomain/zero/1.0/\"\n"+profiles)
	noMoney := site.Published(false)[1:] // zine-lab
	if Which(site, noMoney, "").Giving {
		t.Error("Which says 360giving.json without a grant")
	}
	site.Profiles = []*content.Profile{noMoney[0], site.Profiles[0]} // zine-lab and the draft with money
	want = "site.toml:12:1: warning: open_data: no approved partnership records money from the library, so there is no grant to list and /data/360giving.json is not written"
	if probs := Check(site, site.Profiles); len(probs) != 1 || probs[0].String() != want {
		t.Errorf("Check = %v, want\n%s", probs, want)
	}
}
