package render

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// ledgerSite has totals worked out by hand in the comments of
// TestLedgerPages; fiscal years start on July 1. Alpha Group has two
// partnerships (alpha and delta).
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
[measures.students]
label = "Students who came"
unit = "students"
[measures.library_cards]
label = "New library cards"
unit = "cards"
description = "Cards issued at the partnership's events"
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
[[resources]]
from = "partner"
kind = "money"
amount = 1200
currency = "CAD"
value = 880
date = 2025-09-01
[[asks]]
ask = "A room"
status = "declined"
reason = "Every room is booked until June."
[[outcomes]]
measure = "students"
value = 12
[[outcomes]]
measure = "Sessions held"
value = 6
unit = "sessions"
[[surveys]]
topic = "education-lifelong-learning"
date = 2024-10-01
respondents = 10
knowledge = 9
confidence = 8
application = 7
awareness = 6
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
measure = "students"
value = 8
[[outcomes]]
measure = "library_cards"
value = 5
date = 2026-02-01
[[surveys]]
topic = "digital-learning"
date = 2025-11-01
respondents = 90
knowledge = 45
confidence = 30
application = 60
awareness = 18
+++
-- content/partnerships/delta.md --
+++
title = "Delta"
status = "active"
start = 2025-10-01
[partner]
name = "Alpha Group"
[review]
state = "approved"
date = 2025-10-15
[[resources]]
from = "library"
kind = "staff_time"
amount = 5
[[asks]]
ask = "A laptop cart"
status = "planned"
[[asks]]
ask = "A story time slot"
status = "delivered"
[[outcomes]]
measure = "library_cards"
value = 7
[[surveys]]
topic = "education-lifelong-learning"
date = 2025-11-15
respondents = 20
knowledge = 20
confidence = 10
application = 10
awareness = 10
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
// out by hand, on March 1, 2026:
//
//	library money: USD 1000.10 + 2000.20 = 3000.30; CAD 500, without a value
//	library staff hours: 5 (value 5 × 40 = 200, an estimate)
//	library room-hours: 20 (value 20 × 10 = 200, an estimate)
//	partner money: CAD 1200, stated to be worth USD 880
//	partner staff hours: 10 (value 10 × 40 = 400, an estimate)
//	partner materials: 30 books, not valued
//	total value: library 3000.30 + 200 + 200 = 3400.30 (the CAD 500 left
//	  out); partner 880 + 400 = 1280 (the books left out). The 880 is in
//	  no money row: the CAD row shows 1,200 CAD.
//	asks: 2 delivered, 1 planned, 1 declined; partnerships: 2 active, 1 completed
//	measures: students 12 + 8 = 20; library cards 5 + 7 = 12; the 6
//	  "Sessions held" are free text, never added
//	surveys: 120 people in 3 partnerships; learned something helpful
//	  9 + 45 + 20 = 74 of 120, 62 % (averaging the three surveys' 90 %,
//	  50 % and 100 % would say 80 %); education 29 of 30 (97 %), digital
//	  learning 45 of 90 (50 %)
//
// FY 2024-25 (to June 30, 2025): Alpha only: $1,000.10, 500 CAD (dated by
// its start), 10 partner hours, the declined ask, 12 students, its survey.
// FY 2025-26, the year to date (July 1, 2025 – March 1, 2026): $2,000.20,
// the CAD 1,200, 20 room-hours, Delta's 5 hours, 30 books, 8 students and
// 12 cards (Beta's 5 dated February 1, 2026), 110 surveyed.
// Alpha Group's ledger (Alpha and Delta): the library $3,200.30, Alpha
// Group $1,280.
func TestLedgerPages(t *testing.T) {
	out := renderSite(t, ledgerSite, Options{Now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)})
	sitetest.Check(t, out, "index.html",
		"Rainier Public Library put in $3,400.30 and its partners $1,280 in total value, including estimated in-kind support, across 3 partnerships with 2 community organizations.",
		"In money and time, the library gave $3,000.30, 500 CAD, 5 staff hours and 20 room-hours; partners gave 1,200 CAD and 10 staff hours.",
		`<th scope="row">Money (USD)</th><td class="num" data-label="Library">$3,000.30</td><td class="num" data-label="Partners">—</td>`,
		`<th scope="row">Money (CAD)</th><td class="num" data-label="Library">500 CAD</td><td class="num" data-label="Partners">1,200 CAD</td>`,
		`<td class="num" data-label="Library">5 hours</td><td class="num" data-label="Partners">10 hours</td>`,
		`<td class="num" data-label="Library">20 room-hours</td><td class="num" data-label="Partners">—</td>`,
		`Materials (items)</th><td class="num" data-label="Library">—</td><td class="num" data-label="Partners">1 item</td>`,
		`<td class="num" data-label="Library">$400</td><td class="num" data-label="Partners">$400</td>`,
		"Total value, including estimates (USD)", "Leaves out, for want of a value: 1 library resource and 1 partner resource.",
		`<td class="num" data-label="Library">$3,400.30</td><td class="num" data-label="Partners">$1,280</td>`,
		"USD 40.00 per staff hour and USD 10.00 per room-hour",
		`Students who came</th><td class="num" data-label="Total">20 students</td><td data-label="From">in 2 partnerships</td>`,
		`New library cards<br><span class="note">Cards issued at the partnership&#39;s events</span></th><td class="num" data-label="Total">12 cards</td>`,
		"Of 120 people surveyed in 3 partnerships, 62 % said they learned something helpful.",
		`<th scope="row">Education/lifelong learning</th><td class="num" data-label="Surveyed">30</td><td class="num" data-label="Learned something helpful">97 % (29)</td><td class="num" data-label="Feel more confident about what they learned">60 % (18)</td><td class="num" data-label="Intend to apply what they learned">57 % (17)</td><td class="num" data-label="More aware of the library&#39;s resources and services">53 % (16)</td>`,
		`<th scope="row">Digital learning</th><td class="num" data-label="Surveyed">90</td><td class="num" data-label="Learned something helpful">50 % (45)</td><td class="num" data-label="Feel more confident about what they learned">33 % (30)</td><td class="num" data-label="Intend to apply what they learned">67 % (60)</td><td class="num" data-label="More aware of the library&#39;s resources and services">20 % (18)</td>`,
		`<th scope="row">All topics</th><td class="num" data-label="Surveyed">120</td><td class="num" data-label="Learned something helpful">62 % (74)</td><td class="num" data-label="Feel more confident about what they learned">40 % (48)</td><td class="num" data-label="Intend to apply what they learned">64 % (77)</td><td class="num" data-label="More aware of the library&#39;s resources and services">28 % (34)</td>`,
		`<a href="/reports/2024-25/">2024-25</a></th><td class="num" data-label="Library">$1,000.10</td><td class="num" data-label="Partners">$400</td>`,
		`<a href="/reports/2025-26/">2025-26</a></th><td class="num" data-label="Library">$2,400.20</td><td class="num" data-label="Partners">$880</td>`,
		`<svg`, "<title", "Data table",
		"!Sessions held", "!$3,880", "!Gamma", "!99,999", "!80 %")
	sitetest.Check(t, out, "reports/index.html", `href="/reports/2025-26/"`, `href="/reports/2024-25/"`, "Fiscal year 2025-26 to date", "!Fiscal year 2024-25 to date")
	sitetest.Check(t, out, "reports/2024-25/index.html",
		"<h1>Fiscal year 2024-25</h1>", "July 1, 2024 – June 30, 2025",
		"In fiscal year 2024-25, Rainier Public Library put in $1,000.10 and its partners $400 in total value",
		"$1,000.10 in total value: $1,000.10 and 500 CAD", "$400 in total value: 10 staff hours",
		"Every room is booked until June.",
		"12 students", "6 sessions — sessions held", `>90 % (9)</td>`, "!$2,000.20", "!Beta", "!the year to date")
	sitetest.Check(t, out, "reports/2025-26/index.html",
		"<h1>Fiscal year 2025-26 to date</h1>", "July 1, 2025 – March 1, 2026, the year to date",
		"From July 1, 2025 to March 1, 2026, the year to date, Rainier Public Library put in $2,400.20 and its partners $880 in total value",
		"The year to date in numbers",
		`<td class="num" data-label="Library">—</td><td class="num" data-label="Partners">1,200 CAD</td>`,
		"30 books", "not valued", "8 students", "1 delivered",
		`New library cards<br>`, `12 cards</td>`,
		"Of 110 people surveyed in 2 partnerships, 59 % said they learned something helpful.",
		"!$1,000.10", "!Every room is booked", "!June 30, 2026")
	sitetest.Check(t, out, "partners/index.html",
		`<a href="/partners/alpha-group/">Alpha Group</a></th><td class="num" data-label="The library gave">$3,200.30</td><td class="num" data-label="The partner gave">$1,280</td><td class="num" data-label="Library staff hours">5 hours</td><td class="num" data-label="Partner hours">10 hours</td><td class="num" data-label="Partnerships">2</td><td class="num" data-label="Asks delivered / declined">1 / 1</td>`,
		`<a href="/partners/beta-circle/">Beta Circle</a></th><td class="num" data-label="The library gave">$200</td><td class="num" data-label="The partner gave">—</td><td class="num" data-label="Library staff hours">—</td><td class="num" data-label="Partner hours">—</td><td class="num" data-label="Partnerships">1</td><td class="num" data-label="Asks delivered / declined">1 / 0</td>`)
	sitetest.Check(t, out, "partners/alpha-group/index.html",
		"Rainier Public Library put in $3,200.30 and Alpha Group $1,280 in total value, including estimated in-kind support, across 2 partnerships.",
		"In money and time, the library gave $3,000.30, 500 CAD and 5 staff hours; Alpha Group gave 1,200 CAD and 10 staff hours.",
		"3 asks: 1 delivered, 1 planned, 1 declined.",
		`In <a href="/partnerships/delta/">Delta</a>`, `In <a href="/partnerships/alpha/">Alpha</a>`,
		"A laptop cart", "Every room is booked until June.",
		`Students who came</th><td class="num" data-label="Total">12 students</td>`, `7 cards</td><td data-label="From">in 1 partnership</td>`,
		"Of 30 people surveyed in 2 partnerships, 97 % said they learned something helpful.",
		`<a href="/partnerships/alpha/">Alpha</a>`, "!Beta", "!Flyers")
	sitetest.Check(t, out, "partnerships/alpha/index.html",
		"<dt>Total value (leaves out 1 resource without a value)</dt><dd>$3,000.30</dd>",
		"<dt>Total value, including estimates</dt><dd>$1,280 <span",
		`Students who came <span class="counted">added up in the totals</span>`, "!Sessions held <span",
		"Education/lifelong learning", "9 (90 %)")
	sitetest.Check(t, out, "data/index.html", "data/resources.csv", "data/surveys.csv", "<code>estimated</code>", "<code>measure_id</code>")

	// The JSON and the CSVs hold the same numbers.
	data, _ := out.Get("data/partnerships.json")
	type side struct {
		Money          map[string]float64
		StaffHours     float64 `json:"staff_hours"`
		RoomHours      float64 `json:"room_hours"`
		EstimatedValue float64 `json:"estimated_value"`
		TotalValue     float64 `json:"total_value"`
	}
	type totals struct {
		Library, Partner side
		Measures         map[string]struct{ Value float64 }
		Surveys          struct {
			All struct{ Respondents, Knowledge int }
		}
	}
	var doc struct {
		Partnerships []struct{ Slug string }
		Totals       totals
		FiscalYears  []struct {
			Name   string
			ToDate *string `json:"to_date"`
			Totals totals
		} `json:"fiscal_years"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	tot := doc.Totals
	wantLib := side{Money: map[string]float64{"USD": 3000.30, "CAD": 500}, StaffHours: 5, RoomHours: 20, EstimatedValue: 400, TotalValue: 3400.30}
	wantPar := side{Money: map[string]float64{"CAD": 1200}, StaffHours: 10, EstimatedValue: 400, TotalValue: 1280}
	if len(doc.Partnerships) != 3 || !reflect.DeepEqual(tot.Library, wantLib) || !reflect.DeepEqual(tot.Partner, wantPar) ||
		len(tot.Measures) != 2 || tot.Measures["students"].Value != 20 || tot.Measures["library_cards"].Value != 12 ||
		tot.Surveys.All.Respondents != 120 || tot.Surveys.All.Knowledge != 74 {
		t.Errorf("partnerships.json totals = %+v (%d partnerships)", tot, len(doc.Partnerships))
	}
	if y := doc.FiscalYears; len(y) != 2 || y[0].Name != "2025-26" || y[0].ToDate == nil || *y[0].ToDate != "2026-03-01" ||
		y[1].ToDate != nil || y[0].Totals.Library.TotalValue != 2400.20 || y[0].Totals.Measures["library_cards"].Value != 12 {
		t.Errorf("partnerships.json fiscal_years = %+v", y)
	}
	data, _ = out.Get("data/resources.csv")
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 9 { // header + 5 Alpha + 2 Beta + 1 Delta
		t.Errorf("resources.csv has %d rows, want 9", len(rows))
	}
	data, _ = out.Get("data/surveys.csv")
	if rows, err = csv.NewReader(strings.NewReader(string(data))).ReadAll(); err != nil || len(rows) != 4 {
		t.Errorf("surveys.csv has %d rows (%v), want 4", len(rows), err)
	}
}

// TestReportOutcomeMeasure: a report's line names each outcome by its
// measure, first letter lower-cased, whatever the letter's encoding.
func TestReportOutcomeMeasure(t *testing.T) {
	site := "-- site.toml --\n-- content/partnerships/devoirs.md --\n+++\ntitle = \"Devoirs\"\nstatus = \"active\"\nstart = 2025-09-02\n[partner]\nname = \"Familles\"\n[review]\nstate = \"approved\"\ndate = 2025-10-01\n" +
		"[[outcomes]]\nmeasure = \"Élèves inscrits\"\nvalue = 37\nunit = \"élèves\"\n[[outcomes]]\nmeasure = \"Ateliers\"\nvalue = 4\n+++\n"
	out := renderSite(t, site, Options{Now: time.Date(2025, 12, 1, 12, 0, 0, 0, time.UTC)})
	sitetest.Check(t, out, "reports/2025/index.html", `<td data-label="Key outcomes">37 élèves — élèves inscrits; 4 — ateliers</td>`, "!\uFFFD")
}

func TestReportPagination(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- site.toml --\nfiscal_year_start = \"07-01\"\n")
	for i := range 52 {
		fmt.Fprintf(&b, "-- content/partnerships/p%02d.md --\n+++\ntitle = \"P%02d\"\nstatus = \"active\"\nstart = 2025-09-02\n[partner]\nname = \"Org %d\"\n[review]\nstate = \"approved\"\ndate = 2025-10-01\n[[resources]]\nfrom = \"partner\"\nkind = \"staff_time\"\namount = 1\n+++\n", i, i, i)
	}
	out := renderSite(t, b.String(), Options{Now: time.Date(2025, 12, 1, 12, 0, 0, 0, time.UTC)})
	sitetest.Check(t, out, "reports/2025-26/index.html", "The year to date in numbers", "52 hours", `href="#p-p00"`, `href="#p-p49"`, `!href="#p-p50"`,
		`rel="next"`, "Page 1 of 2")
	sitetest.Check(t, out, "reports/2025-26/page/2/index.html", "!The year to date in numbers", `href="#p-p50"`, `id="p-p51"`, `!href="#p-p00"`, "Page 2 of 2")
}
