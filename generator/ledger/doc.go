// Package ledger computes the numbers of an alongside site once, from the
// validated content model, so that the home page, the annual reports, the
// profile pages, the charts and the open data all show the same figures
// (SPEC.md §4).
//
// # Totals
//
// [Compute] adds up a list of profiles into [Totals], whose JSON encoding
// is exactly the "totals" object of /data/partnerships.json:
//
//   - per side (library, partner): money by currency, never added across
//     currencies; staff hours; room-hours; estimated_value, the sum of
//     the values of in-kind resources (every kind but money) that have
//     one; and total_value, everything with a value in the site currency:
//     money in it, the stated value of money in another currency, and
//     estimated_value. Money in another currency counts in its own
//     currency and, by its stated value, in total_value only.
//   - asks by status and partnerships by status, each with all four keys;
//   - measures: the sum of each site measure (site.toml's [measures]),
//     by id. Outcomes with a free-text measure are never added up, and
//     measures are never added to each other, whatever their units.
//   - surveys: Project Outcome patron surveys overall and per topic, as
//     summed counts (respondents, and those who agreed on each outcome);
//     a share is always Σagreed / Σrespondents ([SurveySum.Share]),
//     never an average of percentages.
//
// A side's Money map holds the currencies that occur (it is empty, not nil,
// when there is none). [Side.Kinds] is not in the JSON: it carries what
// [Totals.Figures] needs, the rows of the "what each side put in" table
// and of the chart beside it; nor is [Totals.Organizations], the partner
// organizations, each counted once.
//
// [Of] is Compute for one profile: the subtotals a profile page shows.
//
// # Arithmetic
//
// Every number is summed exactly in fixed point: each amount is rounded to
// the nearest ten-thousandth and added as an integer, and the sum is
// returned as the float64 nearest to that decimal. So 0.1 + 0.2 is 0.3, and
// a total is always the sum of the rounded figures shown beside it. Use
// [Round] for any single figure shown next to a total. Sums beyond about
// 460 trillion fall back to floating point rather than overflow.
//
// # Fiscal years
//
// A [FiscalYear] starts on the site's fiscal_year_start. It is named by its
// first year ("2025") when it starts on 01-01, else by its first year and
// the last two digits of the next ("2025-26"); the name is also its slug in
// /reports/<slug>/.
//
// [ForYear] counts what belongs to one fiscal year: a resource, outcome or
// survey by its date (which content defaults to the profile's start); an ask by
// its date when it has one, else by the profile's start; and, among
// partnerships, every one "involved" in the year: its span (start to end,
// or to today when it has no end) overlaps the year, or something it
// records is dated in the year (money paid before the start, an outcome
// counted after the end). A span never runs past today, the build date: a
// fiscal year that has not begun has a report only when something is
// dated in it, not merely because a partnership is planned to run into it. Partnerships
// are counted by their current status. [Years] lists the fiscal years in
// which any profile is involved, newest first, and [Reports] gives each of
// them with its totals and a row per partnership. [Annual] makes one year's
// report; each [Row] holds the partnership's totals for the year and
// itemizes it: the resources, outcomes and surveys dated in the year and
// the declined asks placed in it. A year that has not ended by today is
// reported to date ([FiscalYear.ToDate], [FiscalYear.Through]). Pages
// only format these figures and lists.
package ledger
