package review

import (
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
)

// NewProfile returns the file `alongside new` writes for a partnership
// called name, started today: every key of a profile, each with a one-line
// comment; the required ones set (title and partner.name to name, status
// "planning", start and review.date today, review.state "draft"), the
// optional ones empty or commented out. It passes `check` as it is.
func NewProfile(name string, today content.Date) []byte {
	r := strings.NewReplacer("{{name}}", tomlString(name), "{{today}}", today.String())
	return []byte(r.Replace(profileTemplate))
}

const profileTemplate = `+++
# One partnership. Lines starting with # are notes for you, never published.
# Keys you do not need can stay empty or commented out. Check with: alongside check
title = {{name}}          # the partnership's name, as the partner would say it
summary = ""              # one sentence for lists and search results
status = "planning"       # planning | active | paused | completed
start = {{today}}         # when the work began, YYYY-MM-DD
# end = 2026-06-30        # optional: when it ended; not before start
branches = []             # library branches involved: ["Central Library"]
neighborhoods = []        # neighborhoods served: ["Old Town"]
audiences = []            # who it serves: ["teens", "Spanish-speaking families"]
languages = []            # language codes the work is done in: ["es", "en"]
tags = []                 # topics: ["homework help"]
# slug = "short-name"     # optional: the address /partnerships/<slug>/ (default: the file name)

[partner]
name = {{name}}           # the partner organization, as it names itself
url = ""                  # its website, https:// only
about = ""                # a sentence about the partner, ideally in its own words
# org_id = "US-EIN-12-3456789"   # its org-id.guide identifier, if it is registered (for 360Giving)

# [partner_voice]         # the partner's own words, shown prominently on the page
# quote = "…"             # a quote the partner chose or approved
# by = "…, board"         # who said it: a group or a role, not a private person

[review]                  # the partner's consent to publish
state = "draft"           # draft | in_review | changes_requested | approved (alongside approve sets it)
date = {{today}}          # when the state last changed; alongside review counts days from it
# by = "…"                # who approved, as a role; alongside approve sets it
# note = "…"              # optional, public: what the partner asked to change
# fingerprint = "…"       # written by alongside approve; do not edit

# What each side put in: one [[resources]] block per contribution.
# [[resources]]
# from = "library"        # library | partner
# kind = "staff_time"     # money | staff_time | space | marketing | equipment | materials | other
# amount = 10             # money in the site currency; hours; room-hours; else a count of unit
# unit = "…"              # required for marketing, equipment, materials and other
# currency = "CAD"        # optional, money only: when not the site currency
# value = 0               # optional: money value in the site currency, instead of [valuation]
# description = "…"       # what it was, in a few words
# date = 2026-01-31       # optional: when (default: start)

# What the partner asked for: one [[asks]] block per ask.
# [[asks]]
# ask = "…"               # the ask, in the partner's words
# status = "planned"      # delivered | in_progress | planned | declined
# reason = "…"            # required when declined: why the library could not
# date = 2026-01-31       # optional

# What came of it: one [[outcomes]] block per measure.
# [[outcomes]]
# measure = "…"           # what was counted
# value = 0               # the count
# unit = "…"              # optional: "students"; outcomes with a unit are totalled
# date = 2026-01-31       # optional (default: start)
# note = "…"              # optional: how it was counted

[private]                 # never published anywhere: contacts, internal notes
contact = ""              # who to call at the partner, and how
notes = ""
+++

Tell the story of the partnership here, in Markdown: how it started, what
happened, what each side learned. The partner reads it before anything is
published.
`
