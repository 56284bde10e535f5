// Package content reads an alongside site from an fs.FS into typed values
// and validates it. It is the user's contract of SPEC.md §1–§2 in code.
//
// A site folder holds:
//
//	site.toml                              settings (Config); optional
//	content/_index.md                      home page text (title, summary)
//	content/pages/<name>.md                a page at /<name>/ (title, summary, weight)
//	content/partnerships/<slug>.md         one Profile per partnership
//	content/partnerships/<slug>/index.md   the same as a bundle; its other files
//	                                       are published beside the page
//
// Content files are UTF-8 (a byte order mark and CRLF line endings are
// accepted) and start with TOML front matter between two "+++" lines; the
// rest is the Markdown body.
//
// A profile's keys, types and defaults are those of SPEC.md §2:
// title, status (planning | active | paused | completed) and start are
// required, as are partner.name and review.state (draft | in_review |
// changes_requested | approved); review.date is required when approved.
// Each [[resources]] needs from (library | partner), kind (money |
// staff_time | space | marketing | equipment | materials | other) and
// amount ≥ 0; marketing, equipment, materials and other need a unit. Each
// [[asks]] needs ask and status (delivered | in_progress | planned |
// declined), and a reason when declined. Each [[outcomes]] needs measure
// and value ≥ 0: a measure that is the id of one of site.toml's
// [measures.<id>] (label, unit, description) is added up site-wide and
// takes the measure's label and unit (a unit of its own is an error);
// any other measure is free text, shown but never added up, and one that
// looks like an id (lower-case letters, digits, underscores) but is none
// is an error. Each [[surveys]] (a PLA Project Outcome patron survey)
// needs topic (one of SurveyTopics), respondents ≥ 1, and knowledge,
// confidence, application and awareness, the whole numbers of
// respondents who agreed, each ≤ respondents. Dates are TOML dates or
// "YYYY-MM-DD" strings. A resource's, outcome's or survey's date
// defaults to the profile's start.
// A currency (site.toml's, or a money resource's) is an active ISO 4217
// code (Currencies); a near miss gets a "did you mean". partner.org_id
// and site.toml's open_data.funder_id are org-id.guide identifiers
// (CheckOrgID); open_data.grant_prefix starts with "360G-".
//
// Valuation: a resource's value is its `value` if given; else money in the
// site currency counts at its amount; staff_time and space at amount × the
// site's rate when [valuation] sets one; else it is unvalued. Valued
// in-kind support (any kind but money) is an estimate.
//
// The slug is the file (or bundle folder) name without ".md", or the slug
// key; it must be lower-case ASCII letters and digits joined by single
// hyphens. A profile's page is /partnerships/<slug>/; its partner's is
// /partners/<PartnerSlug(name)>/; a page in content/pages is /<name>/.
//
// Unknown keys are errors, with a "did you mean" suggestion, except inside
// [private], whose values are never kept in a Profile and so can never be
// published. Every problem is reported as path:line:col: field: message,
// with the position of the key (or of the table that lacks it, or of the
// opening +++ for a missing top-level key); fields are written as users
// read them, counting tables from 1: "resources[2].unit".
package content
