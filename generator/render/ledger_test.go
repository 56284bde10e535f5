package render

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// ledgerSite has totals worked out by hand in the comments of
// TestLedgerPages; fiscal years start on July 1.
const ledgerSite = `-- site.toml --
title = "Partnerships at Rainier"
library = "Rainier Public Library"
base_url = "https://partners.example.org/"
fiscal_year_start = "07-01"
[valuation]
staff_time = 40
space = 10
[open_data]
grant_prefix = "360G-rainier"
funder_id = "US-EIN-00-0000000"
-- content/partnerships/alpha.md --
+++
title = "Alpha"
status = "active"
start = 2024-09-01
[partner]
name = "Alpha Group"
[review]
state = "approved"
date = 2024-10-01
[[resources]]
from = "library"
kind = "money"
amount = 1000.10
date = 2025-06-30
[[resources]]
from = "library"
kind = "money"
amount = 2000.20
date = 2025-07-01
[[resources]]
from = "partner"
kind = "staff_time"
amount = 10
[[resources]]
from = "library"
kind = "money"
amount = 500
currency = "CAD"
[[asks]]
ask = "A room"
status = "declined"
reason = "Every room is booked until June."
[[outcomes]]
measure = "Students"
value = 12
unit = "students"
+++
-- content/partnerships/beta.md --
+++
title = "Beta"
status = "completed"
start = 2025-08-01
end = 2025-12-01
[partner]
name = "Beta Circle"
[review]
state = "approved"
date = 2025-08-15
[[resources]]
from = "library"
kind = "space"
amount = 20
[[resources]]
from = "partner"
kind = "materials"
amount = 30
unit = "books"
[[asks]]
ask = "Flyers"
status = "delivered"
[[outcomes]]
measure = "Students"
value = 8
unit = "students"
+++
-- content/partnerships/gamma.md --
+++
title = "Gamma unapproved"
status = "planning"
start = 2025-08-01
[partner]
name = "Gamma"
[review]
state = "draft"
[[resources]]
from = "library"
kind = "money"
amount = 99999
+++
`

// TestLedgerPages compares the pages and data files with totals worked
// out by hand:
//
//	library money USD: 1000.10 + 2000.20 = 3000.30; CAD 500
//	library room-hours: 20 (value 20 × 10 = 200, an estimate)
//	partner staff hours: 10 (value 10 × 40 = 400, an estimate)
//	partner materials: 30 books, not valued
//	asks: 1 delivered, 1 declined; partnerships: 1 active, 1 completed
//	outcomes: 20 students
//
// FY 2024-25 (to June 30, 2025): Alpha only: $1,000.10, 500 CAD (dated by
// its start), 10 partner hours, the declined ask, 12 students.
// FY 2025-26: Alpha and Beta: $2,000.20, 20 room-hours, 30 books, 8 students.
func TestLedgerPages(t *testing.T) {
	out := renderSite(t, ledgerSite, Options{Now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)})
	sitetest.Check(t, out, "index.html",
		"Rainier Public Library shared $3,000.30, 500 CAD and 20 room-hours with 2 community organizations; partners contributed 10 staff hours.",
		`<td class="num">$3,000.30</td>`, `<td class="num">500 CAD</td>`,
		`<td class="num">20 room-hours</td>`, `<td class="num">10 hours</td>`,
		`<td class="num">$200</td><td class="num">$400</td>`,
		"USD 40.00 per staff hour and USD 10.00 per room-hour",
		`<span class="count-value">20</span> students`,
		`<svg`, "<title", "Data table",
		"!Gamma", "!99,999")
	sitetest.Check(t, out, "reports/index.html", `href="/reports/2025-26/"`, `href="/reports/2024-25/"`)
	sitetest.Check(t, out, "reports/2024-25/index.html",
		"July 1, 2024 – June 30, 2025",
		"the library gave $1,000.10 and 500 CAD; partners gave 10 staff hours",
		"Every room is booked until June.",
		"12 students", "!$2,000.20", "!Beta")
	sitetest.Check(t, out, "reports/2025-26/index.html",
		"July 1, 2025 – June 30, 2026",
		"the library gave $2,000.20 and 20 room-hours",
		"30 books", "not valued", "8 students", "1 delivered",
		"!$1,000.10", "!Every room is booked")
	sitetest.Check(t, out, "data/index.html", "data/resources.csv", "<code>estimated</code>")

	// The JSON and the CSVs hold the same numbers.
	data, _ := out.Get("data/partnerships.json")
	var doc struct {
		Partnerships []struct{ Slug string }
		Totals       struct {
			Library struct {
				Money          map[string]float64
				RoomHours      float64 `json:"room_hours"`
				EstimatedValue float64 `json:"estimated_value"`
			}
			Partner struct {
				StaffHours     float64 `json:"staff_hours"`
				EstimatedValue float64 `json:"estimated_value"`
			}
			Outcomes map[string]float64
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	tot := doc.Totals
	if len(doc.Partnerships) != 2 || tot.Library.Money["USD"] != 3000.30 || tot.Library.Money["CAD"] != 500 ||
		tot.Library.RoomHours != 20 || tot.Library.EstimatedValue != 200 || tot.Partner.StaffHours != 10 ||
		tot.Partner.EstimatedValue != 400 || tot.Outcomes["students"] != 20 {
		t.Errorf("partnerships.json totals = %+v (%d partnerships)", tot, len(doc.Partnerships))
	}
	data, _ = out.Get("data/resources.csv")
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 { // header + 4 Alpha + 2 Beta
		t.Errorf("resources.csv has %d rows, want 7", len(rows))
	}
}

// TestReportOutcomeMeasure: a report's line names each outcome by its
// measure, first letter lower-cased, whatever the letter's encoding.
func TestReportOutcomeMeasure(t *testing.T) {
	site := "-- site.toml --\n-- content/partnerships/devoirs.md --\n+++\ntitle = \"Devoirs\"\nstatus = \"active\"\nstart = 2025-09-02\n[partner]\nname = \"Familles\"\n[review]\nstate = \"approved\"\ndate = 2025-10-01\n" +
		"[[outcomes]]\nmeasure = \"Élèves inscrits\"\nvalue = 37\nunit = \"élèves\"\n[[outcomes]]\nmeasure = \"Ateliers\"\nvalue = 4\n+++\n"
	out := renderSite(t, site, Options{Now: time.Date(2025, 12, 1, 12, 0, 0, 0, time.UTC)})
	sitetest.Check(t, out, "reports/2025/index.html", "<td>37 élèves — élèves inscrits; 4 — ateliers</td>", "!\uFFFD")
}

func TestReportPagination(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- site.toml --\nfiscal_year_start = \"07-01\"\n")
	for i := range 52 {
		fmt.Fprintf(&b, "-- content/partnerships/p%02d.md --\n+++\ntitle = \"P%02d\"\nstatus = \"active\"\nstart = 2025-09-02\n[partner]\nname = \"Org %d\"\n[review]\nstate = \"approved\"\ndate = 2025-10-01\n[[resources]]\nfrom = \"partner\"\nkind = \"staff_time\"\namount = 1\n+++\n", i, i, i)
	}
	out := renderSite(t, b.String(), Options{Now: time.Date(2025, 12, 1, 12, 0, 0, 0, time.UTC)})
	sitetest.Check(t, out, "reports/2025-26/index.html", "The year in numbers", "52 hours", `href="#p-p00"`, `href="#p-p49"`, `!href="#p-p50"`,
		`rel="next"`, "Page 1 of 2")
	sitetest.Check(t, out, "reports/2025-26/page/2/index.html", "!The year in numbers", `href="#p-p50"`, `id="p-p51"`, `!href="#p-p00"`, "Page 2 of 2")
}
