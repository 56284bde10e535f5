package export

import (
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/urls"
)

// A FileDoc describes one open data file for the /data/ page.
type FileDoc struct {
	Name        string // below the site root: "data/resources.csv"
	Format      string // "CSV", "JSON", "Atom"
	Description string
	Columns     []ColumnDoc // the CSV columns, in order; nil for other formats
}

// A ColumnDoc describes one CSV column.
type ColumnDoc struct {
	Name        string
	Description string
}

// Files documents every file that Write makes for readers of the data, as
// out says: 360giving.json only with out.Giving, the feed only with
// out.Absolute. Its CSV columns are the ones the CSV files have (a test
// keeps them so).
func Files(out Outputs) []FileDoc {
	files := []FileDoc{
		{Name: urls.JSON, Format: "JSON", Description: "Every published partnership with its resources, asks, outcomes and surveys, and the totals shown on the home page, in one file: a \"site\" object (title, library, currency, when it was generated), a \"partnerships\" list whose fields are the columns of the CSV files below, \"totals\" (per side money by currency, hours, estimated_value and total_value; asks; partnerships; each site measure; surveys), and \"fiscal_years\", the totals of each annual report, with to_date set while the year has not ended. Missing dates are null."},
		{Name: urls.Schema, Format: "JSON Schema", Description: "The JSON Schema (2020-12) of partnerships.json: every field, its type and what it means, for validators and code generators."},
		{Name: urls.CSV, Format: "CSV", Description: "One row per published partnership.", Columns: doc(partnershipColumns, map[string]string{
			"slug":          "The partnership's short name, as in its address; the key that joins the four CSV files.",
			"url":           "The address of the partnership's page (empty when the site was built without its full address).",
			"title":         "The name of the partnership.",
			"summary":       "One sentence about it.",
			"status":        "planning, active, paused or completed.",
			"start":         "The day it started (YYYY-MM-DD).",
			"end":           "The day it ended, or empty while it goes on.",
			"partner_name":  "The partner organization.",
			"partner_slug":  "The partner's short name, as in the address of its page.",
			"partner_url":   "The partner's own website, or empty.",
			"branches":      "Library branches involved, separated by \"; \".",
			"neighborhoods": "Neighborhoods served, separated by \"; \".",
			"audiences":     "Who the work is for, separated by \"; \".",
			"languages":     "Languages the work is done in (language codes like es, en), separated by \"; \".",
			"tags":          "Topics, separated by \"; \".",
			"review_state":  "approved, for every published partnership (draft, in_review or changes_requested appear only in previews).",
			"review_date":   "The day the partner approved the page.",
			"review_by":     "Who approved it for the partner: a role, not a person's name.",
		})},
		{Name: urls.Resources, Format: "CSV", Description: "One row per contribution: what each side put in.", Columns: doc(resourceColumns, map[string]string{
			"slug":        "The partnership (see partnerships.csv).",
			"from":        "Who gave it: library or partner.",
			"kind":        "money, staff_time, space, marketing, equipment, materials or other.",
			"amount":      "How much, in unit.",
			"unit":        "A currency code for money (USD), hours for staff_time, room-hours for space, else as written (\"newsletter features\").",
			"value":       "Its value in the site currency: the amount for money in that currency, amount × the site's rate for staff time and space, or a value the library recorded; empty when it has none.",
			"estimated":   "true when value is an estimate (every valued contribution that is not money).",
			"description": "What it was.",
			"date":        "When it was given: the day recorded, else the partnership's start.",
		})},
		{Name: urls.Asks, Format: "CSV", Description: "One row per request the partner made of the library.", Columns: doc(askColumns, map[string]string{
			"slug":   "The partnership (see partnerships.csv).",
			"ask":    "What the partner asked for.",
			"status": "delivered, in_progress, planned or declined.",
			"reason": "Why the library declined it (always given for declined asks).",
			"date":   "When, if recorded.",
		})},
		{Name: urls.Outcomes, Format: "CSV", Description: "One row per result the partnership reports.", Columns: doc(outcomeColumns, map[string]string{
			"slug":       "The partnership (see partnerships.csv).",
			"measure_id": "The id of the site's measure it counts (library_cards), whose values the totals add up; empty for an outcome described in words, which is never added to anything.",
			"measure":    "What was counted: the site measure's label, or the words of the profile.",
			"value":      "The count.",
			"unit":       "What the count is of (students, sessions), or empty.",
			"date":       "When it was counted: the day recorded, else the partnership's start. It counts in the fiscal year of this date.",
			"note":       "How it was counted.",
		})},
		{Name: urls.Surveys, Format: "CSV", Description: "One row per patron survey (PLA Project Outcome). Shares are the sum of a column over the sum of respondents, never an average of percentages.", Columns: doc(surveyColumns, map[string]string{
			"slug":        "The partnership (see partnerships.csv).",
			"topic":       "Project Outcome's service area: civic-community-engagement, digital-learning, early-childhood-literacy, economic-development, education-lifelong-learning, health, job-skills or summer-reading.",
			"date":        "When the survey was taken: the day recorded, else the partnership's start.",
			"respondents": "Surveys returned.",
			"knowledge":   "Respondents who agreed or strongly agreed that they learned something helpful.",
			"confidence":  "… that they feel more confident about what they learned.",
			"application": "… that they intend to apply what they learned.",
			"awareness":   "… that they are more aware of the library's resources and services.",
		})},
		{Name: urls.Giving, Format: "JSON", Description: "The library's money to partners as grants in the 360Giving Data Standard: one grant per payment, with the library's in-kind support to the same partnership as additional fields."},
		{Name: urls.Feed, Format: "Atom", Description: "The partnerships, most recently approved first, for feed readers."},
	}
	return slices.DeleteFunc(files, func(f FileDoc) bool {
		return f.Name == urls.Giving && !out.Giving || f.Name == urls.Feed && !out.Absolute
	})
}

func doc(columns []string, text map[string]string) []ColumnDoc {
	out := make([]ColumnDoc, len(columns))
	for i, c := range columns {
		out[i] = ColumnDoc{Name: c, Description: text[c]}
	}
	return out
}

// licenses names the licences most open data is published under, by the
// canonical address [open_data] license gives.
var licenses = map[string]string{
	"https://creativecommons.org/licenses/by/4.0/":                               "Creative Commons Attribution 4.0 (CC BY 4.0)",
	"https://creativecommons.org/licenses/by-sa/4.0/":                            "Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)",
	"https://creativecommons.org/publicdomain/zero/1.0/":                         "Creative Commons Zero (CC0 1.0), in the public domain",
	"https://opendatacommons.org/licenses/odbl/1-0/":                             "Open Data Commons Open Database License (ODbL 1.0)",
	"https://opendatacommons.org/licenses/pddl/1-0/":                             "Open Data Commons Public Domain Dedication and License (PDDL 1.0)",
	"https://opendatacommons.org/licenses/by/1-0/":                               "Open Data Commons Attribution License (ODC-By 1.0)",
	"https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/": "Open Government Licence v3.0",
}

// LicenseName is the name of the licence at uri, for a link's text: a
// known licence's name, else the address itself.
func LicenseName(uri string) string {
	if name, ok := licenses["https://"+strings.TrimPrefix(strings.TrimPrefix(uri, "http://"), "https://")]; ok {
		return name
	}
	return uri
}
