package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
)

func init() {
	register("init", &command{
		usage: "init DIR",
		help:  "create a new site in DIR, with an example profile",
		long: `Create a new site in the folder DIR, which must be new or empty: site.toml
(its placeholders marked, for you to replace), a home page and an example
profile, a draft.`,
		run: runInit,
	})
}

func runInit(ctx context.Context, e *env, args []string) error {
	flags := newFlags("init", e)
	pos, err := parse(flags, args, 1, 1)
	if err != nil {
		return err
	}
	dir := pos[0]
	switch ents, err := os.ReadDir(dir); {
	case err == nil && len(ents) > 0:
		return fmt.Errorf("%s exists and is not empty; nothing was changed (choose a new folder)", dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: %w", dir, errors.Unwrap(err))
	}
	files, err := newSite()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	for _, f := range files {
		if err := root.MkdirAll(path.Dir(f.name), 0o755); err != nil {
			return err
		}
		if err := root.WriteFile(f.name, f.data, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "Created a site in %s:\n", dir)
	for _, f := range files {
		fmt.Fprintf(e.stdout, "  %s\n", f.name)
	}
	fmt.Fprintf(e.stdout, "Next: replace the placeholders of site.toml (alongside check -s %s names them), then write your first profile with alongside new -s %s \"Partnership name\".\n", dir, dir)
	fmt.Fprintf(e.stdout, "The example profile is a draft: alongside serve -s %s shows it; a build does not publish it.\n", dir)
	return nil
}

type siteFile struct {
	name string
	data []byte
}

// newSite returns the files of a new site. The example profile is a
// draft: nothing fictional is published until someone approves it on
// purpose (build --unapproved, or serve, shows it).
func newSite() ([]siteFile, error) {
	return []siteFile{
		{"site.toml", []byte(siteTOML)},
		{"content/_index.md", []byte(homePage)},
		{exampleProfilePath, []byte(exampleProfile)},
	}, nil
}

const siteTOML = `# Site settings of alongside. Every key is optional: delete a line to get
# its default. Unknown keys are errors, so a typo cannot pass unnoticed.
# Lines marked PLACEHOLDER hold example values: replace them with yours
# (alongside check names every one that is left).
title = "Partnerships at Example Public Library"  # PLACEHOLDER: the site's name, in every page title
library = "Example Public Library"       # PLACEHOLDER: the institution's name, used in text
base_url = "https://partners.example.org/"  # PLACEHOLDER: the address where the site is published
language = "en"                          # BCP 47 language of the pages: "en", "es-MX"
currency = "USD"                         # ISO 4217 currency of money amounts
fiscal_year_start = "07-01"              # MM-DD: annual reports run from this day
theme = "default"                        # the built-in theme, or a folder in themes/
corrections = "mailto:partnerships@example.org"  # PLACEHOLDER: where "Suggest a correction" and partners' answers to proofs go

[valuation]            # money value of one unit of in-kind support, in currency
staff_time = 40.00     # per staff hour
space = 35.00          # per room-hour

[open_data]            # the 360Giving export of the library's money, /data/360giving.json
grant_prefix = "360G-examplepl"          # PLACEHOLDER: prefix of every grant identifier, from 360Giving
funder_id = "US-EIN-00-0000000"          # PLACEHOLDER: the library's org-id.guide identifier
license = "https://creativecommons.org/licenses/by/4.0/"   # the licence of the data files (CC BY 4.0): choose yours
# publisher_name = "Example Public Library"   # who publishes the data (default: library)
# publisher_website = "https://example.org/"  # the publisher's website
`

const homePage = `+++
title = "Working alongside our neighbors"
summary = "What Example Public Library and community groups put into each partnership, what the groups asked for, and what came of it."
+++

Example Public Library works with small community groups: parents'
associations, youth collectives, tenants' unions, cultural circles. This
site reports on each partnership in public: what each side put in, what
the group asked us for and whether we delivered it, and what came of it.
Every page was read and approved by the partner before it went online.
`

const exampleProfilePath = "content/partnerships/saturday-homework-club.md"

const exampleProfile = `+++
# An example profile, fictional, and a draft: nothing of it is published.
# Replace it with your own (alongside new "Name"), or delete it.
title = "Saturday Homework Club"
summary = "Homework help in Spanish and English for middle schoolers, every Saturday morning at the Riverside Branch."
status = "active"             # planning | active | paused | completed
start = 2025-09-06
branches = ["Riverside Branch"]
neighborhoods = ["Riverside"]
audiences = ["middle school students", "Spanish-speaking families"]
languages = ["es", "en"]
tags = ["homework help"]

[partner]
name = "Vecinos de Riverside"
url = "https://vecinos-riverside.example.org"
about = "A volunteer-run group of Riverside parents, founded in 2016, that organizes tutoring, a clothing swap and the neighborhood's Día de los Muertos altar."
org_id = "US-EIN-00-0000001"   # its org-id.guide identifier, if it is registered (fictional here): used by 360Giving

[partner_voice]
quote = "Our kids get help in the language they think in, and we parents learn how the school works."
by = "Vecinos de Riverside, parents' committee"

[review]                      # the partner's consent to publish
state = "draft"               # alongside approve sets "approved" once the partner approves
date = 2025-10-20

[[resources]]                 # what each side put in
from = "library"
kind = "space"
amount = 96                   # room-hours
description = "Community room, Saturdays 10 am to 1 pm, September to June"

[[resources]]
from = "library"
kind = "staff_time"
amount = 40                   # hours
description = "Children's librarian: setting up, school reading lists, library cards"

[[resources]]
from = "library"
kind = "money"
amount = 600
description = "Snacks and school supplies"
date = 2025-09-15

[[resources]]
from = "partner"
kind = "staff_time"
amount = 210                  # hours
description = "Six volunteer tutors, and parents who welcome families at the door"

[[asks]]                      # what the partner asked for
ask = "A room every Saturday morning, the same room each week"
status = "delivered"
date = 2025-09-06

[[asks]]
ask = "Chromebooks the students can use during the club"
status = "declined"
reason = "Our laptops cannot leave the computer lab this year; students use the lab next door, which we open for them at 10 am."
date = 2025-10-01

[[outcomes]]                  # what came of it
measure = "Students who came at least five times"
value = 28
unit = "students"
date = 2026-01-31
note = "Sign-in sheets, fall term"

[private]                     # never published, anywhere
contact = "Marisol (coordinator), 555-0142"
+++

## How it started

In the summer of 2025, parents from Vecinos de Riverside asked the Riverside
Branch for a quiet room where their children could do homework with help in
Spanish. The club opened on the first Saturday of the school year.

## What happens on Saturdays

Volunteer tutors, most of them parents and older siblings, sit with students
from the two middle schools nearby. The children's librarian brings the
schools' reading lists and signs families up for library cards.

## What we could not do

The group asked for Chromebooks in the community room. Our laptops cannot
leave the computer lab this year, so we open the lab next door for the club
instead.
`
