package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alongside-dev/alongside/generator/content"
)

// A want is one expected problem: at is its exact start,
// "path:line:col: field" (or "path:line:col" when it has no field), and
// msg a part of its message.
type want struct{ at, msg string }

// matchProblems reports unless got is exactly the problems of wants, in
// order.
func matchProblems(t *testing.T, got []string, wants []want) {
	t.Helper()
	ok := len(got) == len(wants)
	for i := 0; ok && i < len(got); i++ {
		rest, found := strings.CutPrefix(got[i], wants[i].at+": ")
		ok = found && strings.Contains(rest, wants[i].msg)
	}
	if ok {
		return
	}
	var w strings.Builder
	for _, x := range wants {
		w.WriteString("\t" + x.at + ": …" + x.msg + "…\n")
	}
	t.Errorf("got %d problems:\n\t%s\nwant %d:\n%s", len(got), strings.Join(got, "\n\t"), len(wants), w.String())
}

const p = "content/partnerships/"

// problemCases is a tiny site for every rule of SPEC §2 and site.toml.
// Line numbers in the comments are lines of the file.
var problemCases = []struct {
	name  string
	site  string
	edit  func(fstest.MapFS) // for bytes a txtar cannot hold
	wants []want
}{
	// A valid site: the baseline every other case changes.
	{name: "valid", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
Story.
`},

	// Required keys.
	{name: "missing top-level keys at the opening +++", site: `
-- content/partnerships/a.md --
+++
summary = "No title, status or start."
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{
		{p + "a.md:1:1: start", "missing"},
		{p + "a.md:1:1: status", "missing"},
		{p + "a.md:1:1: title", "missing"},
	}},
	{name: "empty title", site: `
-- content/partnerships/a.md --
+++
title = " "
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:2:9: title", "must not be empty"}}},
	{name: "missing partner.name at [partner]", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02

[partner]
url = "https://familias.example.org"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:6:1: partner.name", "missing"}}},
	{name: "missing [partner] table", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:1:1: partner.name", "missing"}}},
	{name: "missing [review] table", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
+++
`, wants: []want{{p + "a.md:1:1: review.state", "missing"}}},
	{name: "missing review.state at [review]", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
by = "Coordinator"
+++
`, wants: []want{{p + "a.md:7:1: review.state", "missing"}}},
	{name: "missing partner_voice.quote", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[partner_voice]
by = "The board"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:7:1: partner_voice.quote", "missing"}}},
	{name: "missing resource keys at its [[resources]]", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[resources]]
from = "library"
kind = "money"
amount = 10
  [[resources]]
  description = "Nothing else"
+++
`, wants: []want{
		{p + "a.md:13:3: resources[2].amount", "missing"},
		{p + "a.md:13:3: resources[2].from", "missing"},
		{p + "a.md:13:3: resources[2].kind", "missing"},
	}},
	{name: "missing ask keys at its [[asks]]", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[asks]]
ask = "A room"
status = "delivered"
[[asks]]
date = 2025-10-01
+++
`, wants: []want{
		{p + "a.md:12:1: asks[2].ask", "missing"},
		{p + "a.md:12:1: asks[2].status", "missing"},
	}},
	{name: "missing outcome keys at its [[outcomes]]", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[outcomes]]
unit = "students"
+++
`, wants: []want{
		{p + "a.md:9:1: outcomes[1].measure", "missing"},
		{p + "a.md:9:1: outcomes[1].value", "missing"},
	}},

	// Enumerations.
	{name: "status typo", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "actve"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:3:10: status", `"actve" is not one of planning, active, paused, completed (did you mean "active"?)`}}},
	{name: "status far from any", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "finished"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:3:10: status", `"finished" is not one of planning, active, paused, completed`}}},
	{name: "review.state typo", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "aproved"
+++
`, wants: []want{{p + "a.md:8:9: review.state", `did you mean "approved"?`}}},
	{name: "resource from, kind and ask status typos", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[resources]]
from = "librray"
kind = "staff-time"
amount = 10
[[asks]]
ask = "Laptops"
status = "declned"
reason = "No budget."
+++
`, wants: []want{
		{p + "a.md:10:8: resources[1].from", `did you mean "library"?`},
		{p + "a.md:11:8: resources[1].kind", `did you mean "staff_time"?`},
		{p + "a.md:15:10: asks[1].status", `did you mean "declined"?`},
	}},
	{name: "enum of the wrong type", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = 1
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:3:10: status", "must be a string in quotes, not a whole number"}}},

	// Dates.
	{name: "TOML and quoted dates are fine", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = "2025-09-02"
end = 2026-06-12
[partner]
name = "Familias Unidas"
[review]
state = "approved"
date = "2025-10-14"
+++
`},
	{name: "date with slashes", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = "2025/09/02"
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:4:9: start", `"2025/09/02" is not a date (write it as YYYY-MM-DD)`}}},
	{name: "date in words", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
end = "Sept 2"
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:5:7: end", `"Sept 2" is not a date`}}},
	{name: "impossible quoted date", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = "2025-02-30"
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:4:9: start", `"2025-02-30" is not a date`}}},
	{name: "dates before 1000 or after 9999", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 0001-01-01
end = "0000-01-01"
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{
		{p + "a.md:4:9: start", "0001-01-01 is out of range: dates are between 1000-01-01 and 9999-12-31"},
		{p + "a.md:5:7: end", "0000-01-01 is out of range"},
	}},
	{name: "invisible characters in names, scripts mixed in a word", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
tags = ["Caf\u00e9\u200b", "\u0421afe", "Ελληνικά", "Persian\u200cwords"]
[partner]
name = "Familias\u00adUnidas"
[review]
state = "draft"
+++
`, wants: []want{
		{p + "a.md:5:8: tags", `holds an invisible character (U+200B)`},
		{p + "a.md:5:8: warning: tags", `the word "Сafe" mixes Latin letters with Cyrillic or Greek`},
		{p + "a.md:7:8: partner.name", `holds an invisible character (U+00AD)`},
	}},
	{name: "control characters are removed with a warning", site: `
-- content/partnerships/a.md --
+++
title = "Homework\u001b[2J help"
summary = "Bell\u0007 and \uFFFE"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{
		{p + "a.md:2:9: warning: title", `held a control character (U+001B), which was removed`},
		{p + "a.md:3:11: warning: summary", `held a control character (U+0007)`},
	}},
	{name: "photos: bundles only, photo files of the bundle, with alt text", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[partner_voice]
quote = "Gracias."
lang = "español"
[review]
state = "draft"
[[photos]]
file = "a.jpg"
alt = "A room"
+++
-- content/partnerships/b/index.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[photos]]
file = "flyer.pdf"
alt = "A flyer"
[[photos]]
file = "missing.jpg"
[[photos]]
file = "here.jpg"
alt = "Here"
+++
-- content/partnerships/b/here.jpg --
JPEG
-- content/partnerships/b/flyer.pdf --
PDF
`, wants: []want{
		{p + "a.md:9:8: partner_voice.lang", `"español" is not a language code`},
		{p + "a.md:13:8: photos[1].file", "a photo is shown only from a bundle: move this profile to content/partnerships/a/index.md"},
		{p + "b/index.md:10:8: photos[1].file", `"flyer.pdf" is not a photo`},
		{p + "b/index.md:12:1: photos[2].alt", "missing"},
		{p + "b/index.md:13:8: photos[2].file", `"missing.jpg" is not a published file of this folder`},
	}},
	{name: "datetimes and times are not dates", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02T16:00:00
end = 2026-06-12T16:00:00-07:00
[partner]
name = "Familias Unidas"
[review]
state = "approved"
date = 16:00:00
+++
`, wants: []want{
		{p + "a.md:4:9: start", "must be a date without a time"},
		{p + "a.md:5:7: end", "must be a date without a time"},
		{p + "a.md:10:8: review.date", "must be a date without a time"},
	}},
	{name: "date of the wrong type", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:4:9: start", "must be a date like 2025-09-02, not a whole number"}}},
	{name: "end before start", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "completed"
start = 2025-09-02
end   = 2025-09-01
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:5:9: end", "2025-09-01 is before start (2025-09-02)"}}},
	{name: "end on start is fine", site: `
-- content/partnerships/a.md --
+++
title = "One evening"
status = "completed"
start = 2025-09-02
end = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`},
	{name: "dates in tables", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "approved"
date = "14 Oct 2025"
[[resources]]
from = "library"
kind = "space"
amount = 10
date = "2025-9-2"
[[asks]]
ask = "A room"
status = "delivered"
date = true
[[outcomes]]
measure = "Students"
value = 3
date = "2026/01/31"
+++
`, wants: []want{
		{p + "a.md:9:8: review.date", `"14 Oct 2025" is not a date`},
		{p + "a.md:14:8: resources[1].date", `"2025-9-2" is not a date`},
		{p + "a.md:18:8: asks[1].date", "must be a date like 2025-09-02, not true/false"},
		{p + "a.md:22:8: outcomes[1].date", `"2026/01/31" is not a date`},
	}},

	// Numbers.
	{name: "numbers must be zero or more", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[resources]]
from = "library"
kind = "money"
amount = -2400
[[resources]]
from = "library"
kind = "money"
amount = "2400"
[[resources]]
from = "partner"
kind = "staff_time"
amount = nan
value = -0.5
[[outcomes]]
measure = "Students"
value = inf
[[outcomes]]
measure = "Parents"
value = -inf
[[resources]]
from = "library"
kind = "money"
amount = 1e308
+++
`, wants: []want{
		{p + "a.md:12:10: resources[1].amount", "must be a number of 0 or more, not -2400"},
		{p + "a.md:16:10: resources[2].amount", `must be a number without quotes, not the string "2400"`},
		{p + "a.md:20:10: resources[3].amount", "must be a number of 0 or more, not NaN"},
		{p + "a.md:21:9: resources[3].value", "must be a number of 0 or more"},
		{p + "a.md:24:9: outcomes[1].value", "must be a number of 0 or more, not +Inf"},
		{p + "a.md:27:9: outcomes[2].value", "must be a number of 0 or more, not -Inf"},
		{p + "a.md:31:10: resources[4].amount", "1e+308 is more than a trillion (1,000,000,000,000): is a digit too many?"},
	}},
	{name: "zero and fractions are numbers", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[resources]]
from = "partner"
kind = "staff_time"
amount = 0
value = 12.5
[[outcomes]]
measure = "Average rating"
value = 4.5
+++
`},
	{name: "number of the wrong type", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[outcomes]]
measure = "Students"
value = [37]
+++
`, wants: []want{{p + "a.md:11:9: outcomes[1].value", "must be a number, not a list"}}},

	// Units and currencies.
	{name: "unit required for marketing, equipment, materials and other", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[resources]]
from = "library"
kind = "marketing"
amount = 3
[[resources]]
from = "library"
kind = "equipment"
amount = 8
[[resources]]
from = "partner"
kind = "materials"
amount = 40
unit = "  "
[[resources]]
from = "partner"
kind = "other"
amount = 1
[[resources]]
from = "partner"
kind = "other"
amount = 1
unit = "banner"
+++
`, wants: []want{
		{p + "a.md:9:1: resources[1].unit", "missing"},
		{p + "a.md:13:1: resources[2].unit", "missing"},
		{p + "a.md:21:8: resources[3].unit", "missing"},
		{p + "a.md:22:1: resources[4].unit", "missing"},
	}},
	{name: "no unit for money, staff_time and space", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[resources]]
from = "library"
kind = "money"
amount = 3
unit = "dollars"
[[resources]]
from = "library"
kind = "staff_time"
amount = 8
unit = "hours"
[[resources]]
from = "library"
kind = "space"
amount = 4
unit = "rooms"
+++
`, wants: []want{
		{p + "a.md:13:8: resources[1].unit", "money is counted in USD; remove unit"},
		{p + "a.md:18:8: resources[2].unit", "staff_time is counted in hours; remove unit"},
		{p + "a.md:23:8: resources[3].unit", "space is counted in room-hours; remove unit"},
	}},
	{name: "currency shape, and only on money", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[resources]]
from = "library"
kind = "money"
amount = 3
currency = "EUR"
[[resources]]
from = "library"
kind = "money"
amount = 3
currency = "usd"
[[resources]]
from = "library"
kind = "money"
amount = 3
currency = "EURO"
[[resources]]
from = "library"
kind = "staff_time"
amount = 3
currency = "USD"
+++
`, wants: []want{
		{p + "a.md:18:12: resources[2].currency", `"usd" is not a three-letter ISO 4217 code`},
		{p + "a.md:23:12: resources[3].currency", `"EURO" is not a three-letter ISO 4217 code`},
		{p + "a.md:28:12: resources[4].currency", "only money has a currency"},
	}},

	// Slugs.
	{name: "bad file name", site: `
-- content/partnerships/Homework_Help.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "Homework_Help.md:1:1: slug", `the file name "Homework_Help" is not a slug`}}},
	{name: "bad bundle folder name", site: `
-- content/partnerships/Homework Help/index.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "Homework Help/index.md:1:1: slug", `"Homework Help" is not a slug`}}},
	{name: "slug key replaces a bad file name", site: `
-- content/partnerships/Homework Help.md --
+++
title = "Homework help"
slug = "homework-help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`},
	{name: "invalid slug key", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
slug = "homework--help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:3:8: slug", `"homework--help" is not a slug`}}},
	{name: "duplicate slug at line 1 of the later file", site: `
-- content/partnerships/b.md --
+++
title = "Second"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
-- content/partnerships/a.md --
+++
title = "First"
slug = "b"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "b.md:1:1: slug", `"b" is already the slug of content/partnerships/a.md`}}},
	{name: "duplicate slug: paths compared byte by byte", site: `
-- content/partnerships/a.md --
+++
title = "Second"
slug = "same"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
-- content/partnerships/Z.md --
+++
title = "First, as Z < a"
slug = "same"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:1:1: slug", `"same" is already the slug of content/partnerships/Z.md`}}},
	{name: "duplicate slug of a file and a bundle", site: `
-- content/partnerships/x/index.md --
+++
title = "Bundle"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
-- content/partnerships/x.md --
+++
title = "File"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "x/index.md:1:1: slug", `"x" is already the slug of content/partnerships/x.md`}}},

	// Asks.
	{name: "declined ask without a reason", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[asks]]
ask = "Laptops"
status = "declined"
[[asks]]
ask = "Snacks"
status = "declined"
reason = """
   """
[[asks]]
ask = "A room"
status = "delivered"
+++
`, wants: []want{
		{p + "a.md:9:1: asks[1].reason", "a declined ask needs a reason"},
		{p + "a.md:15:10: asks[2].reason", "a declined ask needs a reason"},
	}},

	// Unknown keys.
	{name: "unknown top-level key with a suggestion", site: `
-- content/partnerships/a.md --
+++
titel = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{
		{p + "a.md:1:1: title", "missing"},
		{p + "a.md:2:1: titel", `unknown key (did you mean "title"?)`},
	}},
	{name: "unknown top-level key without a suggestion", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
colour = "green"
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:5:1: colour", "unknown key (known keys: title, slug, summary"}}},
	{name: "unknown keys in tables", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
  abot = "Parents"
[review]
state = "draft"
notes = "Fine"
[[resources]]
from = "library"
kind = "money"
amout = 10
+++
`, wants: []want{
		{p + "a.md:7:3: partner.abot", `unknown key (did you mean "about"?)`},
		{p + "a.md:10:1: review.notes", `unknown key (did you mean "note"?)`},
		{p + "a.md:11:1: resources[1].amount", "missing"},
		{p + "a.md:14:1: resources[1].amout", `unknown key (did you mean "amount"?)`},
	}},
	{name: "swapped letters get a suggestion", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
nmae = "Familias Unidas"
[review]
state = "draft"
[[resources]]
form = "library"
kind = "money"
amount = 10
+++
`, wants: []want{
		{p + "a.md:5:1: partner.name", "missing"},
		{p + "a.md:6:1: partner.nmae", `unknown key (did you mean "name"?)`},
		{p + "a.md:9:1: resources[1].from", "missing"},
		{p + "a.md:10:1: resources[1].form", `unknown key (did you mean "from"?)`},
	}},
	{name: "misspelt table", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[reveiw]
state = "draft"
+++
`, wants: []want{
		{p + "a.md:1:1: review.state", "missing"},
		{p + "a.md:7:1: reveiw", `unknown key (did you mean "review"?)`},
	}},
	{name: "private keys are free-form", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[private]
contact = "Ana, 555-0100"
anything_at_all = 3
[private.board]
chair = "Someone"
+++
`},
	{name: "private must be a table", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
private = "Ana, 555-0100"
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:5:11: private", "must be a table"}}},

	// URLs.
	{name: "partner URLs are http(s) only", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
url = "ftp://familias.example.org"
[review]
state = "draft"
+++
-- content/partnerships/b.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
url = "javascript:alert(1)"
[review]
state = "draft"
+++
-- content/partnerships/c.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
url = "/partners/familias"
[review]
state = "draft"
+++
-- content/partnerships/d.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
url = "familias.example.org"
[review]
state = "draft"
+++
-- content/partnerships/e.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
url = "http://familias.example.org/about?x=1"
[review]
state = "draft"
+++
`, wants: []want{
		{p + "a.md:7:7: partner.url", `"ftp://familias.example.org" is not a web address`},
		{p + "b.md:7:7: partner.url", `"javascript:alert(1)" is not a web address`},
		{p + "c.md:7:7: partner.url", `"/partners/familias" is not a web address`},
		{p + "d.md:7:7: partner.url", `"familias.example.org" is not a web address`},
	}},

	// Review.
	{name: "approved needs a date", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "approved"
by = "Coordinator"
+++
`, wants: []want{{p + "a.md:7:1: review.date", "missing"}}},

	// Lists and tables.
	{name: "lists must be lists of strings", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
branches = "Beacon Branch"
neighborhoods = 3
audiences = ["teens", 4, ""]
languages = ["es", "Spanish"]
tags = ["homework help"]
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{
		{p + "a.md:5:12: branches", `must be a list: write ["Beacon Branch"]`},
		{p + "a.md:6:17: neighborhoods", "must be a list of strings, not a whole number"},
		{p + "a.md:7:13: audiences", "item 2 must be a string, not a whole number"},
		{p + "a.md:7:13: audiences", "item 3 is empty"},
		{p + "a.md:8:13: languages", `"Spanish" is not a language code`},
	}},
	{name: "tables must be tables", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
partner = "Familias Unidas"
resources = ["money"]
asks = "A room"
[review]
state = "draft"
+++
`, wants: []want{
		{p + "a.md:5:1: partner.name", "missing"},
		{p + "a.md:5:11: partner", "must be a table"},
		{p + "a.md:6:13: resources", "must be tables, each written [[resources]]"},
		{p + "a.md:7:8: asks", "must be tables, each written [[asks]]"},
	}},

	{name: "inline tables point at their key", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
partner = { name = "Familias Unidas", urll = "https://familias.example.org" }
review = { state = "draft" }
resources = [
  { from = "library", kind = "money", amount = -1 },
  { from = "library", kind = "monye", amount = 1, colour = "red" },
]
+++
`, wants: []want{
		{p + "a.md:5:1: partner.urll", `unknown key (did you mean "url"?)`},
		{p + "a.md:7:1: resources[1].amount", "must be a number of 0 or more"},
		{p + "a.md:7:1: resources[2].colour", "unknown key"},
		{p + "a.md:7:1: resources[2].kind", `did you mean "money"?`},
	}},

	// Syntax, encodings and the shape of a file.
	{name: "TOML syntax error at its file line", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
  url = https://familias.example.org
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:7:9: partner.url", `text must be in quotes: url = "https://familias.example.org"`}}},
	{name: "TOML syntax error at the start of a line", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
"Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:6:18", "TOML syntax"}}},
	{name: "TOML syntax error at the end of a line", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:5:9", "TOML syntax: expected '.' or ']' to end table name"}}},
	{name: "TOML syntax error in an unclosed string", site: `
-- content/partnerships/a.md --
+++
title = "Homework help
status = "active"
+++
`, wants: []want{
		// The rest of the file is read on: it lacks three keys.
		{p + "a.md:1:1: partner.name", "missing"},
		{p + "a.md:1:1: review.state", "missing"},
		{p + "a.md:1:1: start", "missing"},
		{p + "a.md:2:9: title", `the text has no closing quote: end it with " on the same line`},
	}},
	{name: "TOML mistakes in plain words, each of a file in one run", site: `
-- content/partnerships/a.md --
+++
title = “Homework help”
summary = Bilingual homework help
status = "active"
start = 2025/09/02
end = Sept 2
[partner]
name = 'Familias Unidas del Sur's'
[review]
state = "draft"
[[resources]]
from = "library"
kind = "staff_time"
amount = 48 hours
[[resources]]
from = "library"
kind = "money"
amount = 1,200
[[resources]]
from = "library"
kind = "space"
amount = 12
unit = "rooms"
+++
`, wants: []want{
		{p + "a.md:2:9: title", `the text is in curly quotes (“…”), which word processors make: type straight quotes instead, as in title = "Homework help"`},
		{p + "a.md:3:11: summary", `text must be in quotes: summary = "Bilingual homework help"`},
		{p + "a.md:5:9: start", "write the date as year-month-day, like 2025-09-02"},
		{p + "a.md:6:7: end", "write the date as year-month-day"},
		{p + "a.md:8:8: partner.name", `the text holds an apostrophe inside single quotes: put it in double quotes, as in name = "Familias Unidas del Sur's"`},
		{p + "a.md:14:10: resources[1].amount", `write the number alone (48); the unit comes from the kind or from unit = "…"`},
		{p + "a.md:18:10: resources[2].amount", "write the number without commas: 1200"},
		{p + "a.md:23:8: resources[3].unit", "space is counted in room-hours; remove unit"},
	}},
	{name: "duplicate key at its file line", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
state = "approved"
+++
`, wants: []want{{p + "a.md:9:1: review.state", "TOML syntax: Key 'review.state' has already been defined"}}},
	{name: "BOM and CRLF keep their lines", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "actve"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
Story.
-- content/partnerships/b.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = draft
+++
`, edit: func(fsys fstest.MapFS) {
		for _, f := range fsys {
			f.Data = append([]byte("\xef\xbb\xbf"), strings.ReplaceAll(string(f.Data), "\n", "\r\n")...)
		}
	}, wants: []want{
		{p + "a.md:3:10: status", `did you mean "active"?`},
		{p + "b.md:8:9: review.state", `text must be in quotes: state = "draft"`},
	}},
	{name: "not UTF-8", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
summary = "Caf?"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, edit: func(fsys fstest.MapFS) {
		f := fsys[p+"a.md"]
		f.Data = []byte(strings.Replace(string(f.Data), "?", "\xe9", 1)) // Latin-1 é
	}, wants: []want{{p + "a.md:4:1", "not valid UTF-8"}}},
	{name: "empty file", site: `
-- content/partnerships/a.md --

`, wants: []want{{p + "a.md:1:1", "the file is empty"}}},
	{name: "no front matter", site: `
-- content/partnerships/a.md --
# Homework help

title = "Homework help"
`, wants: []want{{p + "a.md:1:1", "the file must start with a +++ line"}}},
	{name: "front matter in the wrong delimiters", site: `
-- content/partnerships/a.md --
---
title: Homework help
---
`, wants: []want{{p + "a.md:1:1", "the file must start with a +++ line"}}},
	{name: "unclosed front matter", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"

Story.
`, wants: []want{{p + "a.md:1:1", "the front matter is not closed"}}},
	{name: "multi-line strings and arrays keep key positions", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
summary = """
Not keys:
x = "y"
[fake]
[[resources]]
status = "paused\""""
tags = [
  "homework help", # a comment with a ] and a "
  "families",
  ['nested]', "x"],
]
about = '''
[partner]
'''
status = "actve"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{
		{p + "a.md:9:8: tags", "item 3 must be a string, not a list"},
		{p + "a.md:14:1: about", "unknown key"},
		{p + "a.md:17:10: status", `did you mean "active"?`},
	}},

	// Bundles and the files around profiles.
	{name: "error in a bundle's index.md", site: `
-- content/partnerships/teen-zine-lab/index.md --
+++
title = "Teen zine lab"
status = "activ"
start = 2025-09-02
[partner]
name = "Zine Collective"
[review]
state = "draft"
+++
-- content/partnerships/teen-zine-lab/photo.png --
PNG
`, wants: []want{{p + "teen-zine-lab/index.md:3:10: status", `did you mean "active"?`}}},
	{name: "bundle without index.md", site: `
-- content/partnerships/teen-zine-lab/photo.png --
PNG
-- content/partnerships/teen-zine-lab/Index.md --
+++
+++
`, wants: []want{{p + "teen-zine-lab:1:1", "this folder has no index.md"}}},
	{name: "editor temp files are ignored", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
-- content/partnerships/a.md~ --
+++
broken
-- content/partnerships/.#a.md --
broken
-- content/partnerships/.a.md.swp --
broken
-- content/partnerships/4913 --
-- content/partnerships/notes.txt --
broken
-- content/pages/about.md~ --
broken
-- content/pages/.about.md.swp --
broken
`},

	// site.toml.
	{name: "site.toml: a full valid file", site: `
-- site.toml --
title = "Partnerships at Rainier Public Library"
library = "Rainier Public Library"
base_url = "https://partners.example.org"
language = "es-MX"
currency = "CAD"
fiscal_year_start = "07-01"
theme = "rainier"
corrections = "https://example.org/corrections"
[valuation]
staff_time = 38.50
space = 45
[open_data]
grant_prefix = "360G-rainierpl"
funder_id = "US-EIN-91-0000000"
-- themes/rainier/layouts/page.html --
<p>
`},
	{name: "site.toml: unknown keys", site: `
-- site.toml --
title = "Partnerships"
basurl = "https://partners.example.org/"
[valuation]
staff = 38.50
`, wants: []want{
		{"site.toml:2:1: basurl", `unknown key (did you mean "base_url"?)`},
		{"site.toml:4:1: valuation.staff", "unknown key"},
	}},
	{name: "site.toml: unknown tables at their own lines", site: `
-- site.toml --
title = "Partnerships"

[gadgets.x]
unit = "people"
[[extras.list]]
a = 1
[valuation]
staff_time = 40
[valuation.sub]
b = 2
`, wants: []want{
		{"site.toml:3:1: gadgets", "unknown key"},
		{"site.toml:5:1: extras", "unknown key"},
		{"site.toml:9:1: valuation.sub", "unknown key"},
	}},
	{name: "profile: unknown dotted key at its own line", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
extra.note = "x"
[partner]
name = "Familias Unidas"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:5:1: extra", "unknown key"}}},
	{name: "site.toml: base_url, language and currency", site: `
-- site.toml --
base_url = "partners.example.org"
language = "English"
currency = "US$"
`, wants: []want{
		{"site.toml:1:12: base_url", `"partners.example.org" is not a web address`},
		{"site.toml:2:12: language", `"English" is not a language tag`},
		{"site.toml:3:12: currency", `"US$" is not a three-letter ISO 4217 code`},
	}},
	{name: "site.toml: measures", site: `
-- site.toml --
[measures.library_cards]
label = "New library cards"
unit = "cards"
descripton = "At events"
[measures.Visitors]
label = "Visitors"
unit = "people"
[measures.attendees]
unit = "people"
`, wants: []want{
		{"site.toml:4:1: measures.library_cards.descripton", `unknown key (did you mean "description"?)`},
		{"site.toml:5:1: measures.Visitors", `"Visitors" is not a measure id`},
		{"site.toml:8:1: measures.attendees.label", "missing"},
	}},
	{name: "profile: outcomes of site measures and free text", site: `
-- site.toml --
[measures.library_cards]
label = "New library cards"
unit = "cards"
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[outcomes]]
measure = "library_card"
value = 3
[[outcomes]]
measure = "library_cards"
value = 3
unit = "cards"
[[outcomes]]
measure = "Students who came five times"
value = 3
unit = "students"
[[outcomes]]
measure = "visitors"
value = 3
+++
`, wants: []want{
		{p + "a.md:10:11: outcomes[1].measure", `"library_card" is not a measure of site.toml (did you mean "library_cards"?)`},
		{p + "a.md:15:8: outcomes[2].unit", "library_cards is counted in cards, as site.toml [measures.library_cards] says; remove unit"},
		{p + "a.md:21:11: outcomes[4].measure", `"visitors" is not a measure of site.toml (its measures: library_cards): define it as [measures.visitors]`},
	}},
	{name: "profile: surveys", site: `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[[surveys]]
topic = "digital-literacy"
respondents = 0
knowledge = 1
confidence = 2
application = -1
[[surveys]]
topic = "health"
respondents = 10
knowledge = 11
confidence = 2.5
application = 3
+++
`, wants: []want{
		{p + "a.md:9:1: surveys[1].awareness", "missing: the number of respondents who agreed"},
		{p + "a.md:10:9: surveys[1].topic", `"digital-literacy" is not one of`},
		{p + "a.md:11:15: surveys[1].respondents", "must be at least 1, not 0"},
		{p + "a.md:14:15: surveys[1].application", "must be at least 0, not -1"},
		{p + "a.md:15:1: surveys[2].awareness", "missing"},
		{p + "a.md:18:13: surveys[2].knowledge", "11 is more than the 10 respondents"},
		{p + "a.md:19:14: surveys[2].confidence", "must be a whole number of people, not a number"},
	}},
	{name: "site.toml: fiscal_year_start", site: `
-- site.toml --
fiscal_year_start = "13-01"
`, wants: []want{
		{"site.toml:1:21: fiscal_year_start", `"13-01" is not a month and day like "07-01"`},
	}},
	{name: "site.toml: fiscal_year_start without zeros", site: `
-- site.toml --

fiscal_year_start = "7-1"
`, wants: []want{{"site.toml:2:21: fiscal_year_start", `"7-1" is not a month and day`}}},
	{name: "site.toml: fiscal_year_start on a day that does not exist", site: `
-- site.toml --
fiscal_year_start = "02-30"
`, wants: []want{{"site.toml:1:21: fiscal_year_start", `"02-30" is not a month and day`}}},
	{name: "site.toml: theme folder missing", site: `
-- site.toml --
title = "Partnerships"
theme = "rainier"
-- themes/other/layouts/page.html --
`, wants: []want{{"site.toml:2:9: theme", "there is no themes/rainier/ folder"}}},
	{name: "site.toml: theme not a folder name", site: `
-- site.toml --
theme = "../rainier"
`, wants: []want{{"site.toml:1:9: theme", "is not a theme folder name"}}},
	{name: "site.toml: corrections mailto is fine", site: `
-- site.toml --
corrections = "mailto:partnerships@example.org"
`},
	{name: "site.toml: corrections with another scheme", site: `
-- site.toml --
corrections = "ftp://example.org/corrections"
`, wants: []want{{"site.toml:1:15: corrections", "must be a mailto: or https:// address"}}},
	{name: "site.toml: corrections without a scheme", site: `
-- site.toml --
corrections = "partnerships@example.org"
`, wants: []want{{"site.toml:1:15: corrections", "must be a mailto: or https:// address"}}},
	{name: "site.toml: corrections with javascript", site: `
-- site.toml --
corrections = "javascript:alert(1)"
`, wants: []want{{"site.toml:1:15: corrections", "must be a mailto: or https:// address"}}},
	{name: "site.toml: [open_data] missing keys", site: `
-- site.toml --
title = "Partnerships"

[open_data]
`, wants: []want{
		{"site.toml:3:1: open_data.funder_id", "missing"},
		{"site.toml:3:1: open_data.grant_prefix", "missing"},
	}},
	{name: "site.toml: [open_data] identifiers and addresses", site: `
-- site.toml --
[open_data]
grant_prefix = "rainierpl"
funder_id = "91-0000000"
license = "CC-BY-4.0"
publisher_website = "rainier.example.org"
`, wants: []want{
		{"site.toml:2:16: open_data.grant_prefix", `"rainierpl" does not start with 360G-: every 360Giving grant id starts with it`},
		{"site.toml:3:13: open_data.funder_id", `"91-0000000" is not an organization identifier of org-id.guide, which are written like "US-EIN-12-3456789"`},
		{"site.toml:4:11: open_data.license", `"CC-BY-4.0" is not the address of a licence, like "https://creativecommons.org/licenses/by/4.0/"`},
		{"site.toml:5:21: open_data.publisher_website", `"rainier.example.org" is not a web address`},
	}},
	{name: "site.toml: [open_data] near misses", site: `
-- site.toml --
[open_data]
grant_prefix = "360g-rainierpl"
funder_id = "us-ein-91-0000000"
`, wants: []want{
		{"site.toml:2:16: open_data.grant_prefix", `must start with 360G- in capitals (did you mean "360G-rainierpl"?)`},
		{"site.toml:3:13: open_data.funder_id", `(did you mean "US-EIN-91-0000000"?)`},
	}},
	{name: "site.toml: [open_data] with only a licence", site: `
-- site.toml --
[open_data]
license = "https://creativecommons.org/publicdomain/zero/1.0/"
publisher_name = "Friends of the Library"
`},
	{name: "site.toml: [open_data] with one identifier", site: `
-- site.toml --
[open_data]
grant_prefix = "360G-rainierpl"
`, wants: []want{{"site.toml:1:1: open_data.funder_id", "missing"}}},
	{name: "partner.org_id", site: `
-- content/partnerships/a.md --
+++
title = "A"
status = "active"
start = 2025-01-01
[partner]
name = "P"
org_id = "EIN 12-3456789"
[review]
state = "draft"
+++
`, wants: []want{{p + "a.md:7:10: partner.org_id", `"EIN 12-3456789" is not an organization identifier of org-id.guide`}}},
	{name: "site.toml: valuation rates", site: `
-- site.toml --
[valuation]
staff_time = -38.5
space = "45"
`, wants: []want{
		{"site.toml:2:14: valuation.staff_time", "must be a number of 0 or more"},
		{"site.toml:3:9: valuation.space", "must be a number without quotes"},
	}},
	{name: "site.toml: syntax error", site: `
-- site.toml --
title = "Partnerships"
# a comment

library = Rainier
`, wants: []want{{"site.toml:4:11: library", `text must be in quotes: library = "Rainier`}}},
	{name: "site.toml: BOM and CRLF", site: `
-- site.toml --
title = "Partnerships"
currency = "usd"
`, edit: func(fsys fstest.MapFS) {
		f := fsys["site.toml"]
		f.Data = append([]byte("\xef\xbb\xbf"), strings.ReplaceAll(string(f.Data), "\n", "\r\n")...)
	}, wants: []want{{"site.toml:2:12: currency", `"usd" is not a three-letter ISO 4217 code`}}},

	{name: "site.toml: BOM on the line of the problem", site: `
-- site.toml --
currency = "usd"
`, edit: func(fsys fstest.MapFS) {
		f := fsys["site.toml"]
		f.Data = append([]byte("\xef\xbb\xbf"), f.Data...)
	}, wants: []want{{"site.toml:1:12: currency", `"usd" is not a three-letter ISO 4217 code`}}},
	{name: "site.toml: not UTF-8", site: `
-- site.toml --
title = "Partnerships"
# Alder Bay
library = "Biblioth?que"
`, edit: func(fsys fstest.MapFS) {
		f := fsys["site.toml"]
		f.Data = []byte(strings.Replace(string(f.Data), "?", "\xe8", 1)) // Latin-1 è
	}, wants: []want{{"site.toml:3:1", "not valid UTF-8"}}},
	{name: "site.toml: a +++ line is not TOML", site: `
-- site.toml --
title = "Partnerships"
+++
currency = "usd"
`, wants: []want{{"site.toml:2:1", "TOML syntax"}}},

	// content/_index.md and content/pages.
	{name: "pages: valid", site: `
-- content/_index.md --
+++
title = "Partnerships"
summary = "What we do together."
+++
Welcome.
-- content/pages/about.md --
+++
title = "About"
weight = 1
+++
-- content/pages/methodology.md --
+++
title = "Methodology"
+++
`},
	{name: "pages: missing title", site: `
-- content/pages/about.md --
+++
summary = "About us"
+++
`, wants: []want{{"content/pages/about.md:1:1: title", "missing"}}},
	{name: "pages: reserved name", site: `
-- content/pages/reports.md --
+++
title = "Reports"
+++
`, wants: []want{{"content/pages/reports.md:1:1: name", "/reports/ is used by alongside itself"}}},
	{name: "pages: the name of a language", site: `
-- site.toml --
title = "Partnerships"
library = "Library"
[languages.es]
name = "Español"
-- content/pages/es.md --
+++
title = "Spanish"
+++
`, wants: []want{{"content/pages/es.md:1:1: name", "/es/ is where the site's pages in that language are published"}}},
	{name: "pages: name not usable in an address", site: `
-- content/pages/About Us.md --
+++
title = "About"
+++
`, wants: []want{{"content/pages/About Us.md:1:1: name", "is not usable in an address"}}},
	{name: "pages: weight not an integer", site: `
-- content/pages/about.md --
+++
title = "About"
weight = "1"
+++
-- content/pages/help.md --
+++
title = "Help"
weight = 1.5
+++
`, wants: []want{
		{"content/pages/about.md:3:10: weight", "must be a whole number, not a string"},
		{"content/pages/help.md:3:10: weight", "must be a whole number, not a number"},
	}},
	{name: "pages: unknown keys", site: `
-- content/_index.md --
+++
titel = "Partnerships"
+++
-- content/pages/about.md --
+++
title = "About"
wieght = 1
+++
`, wants: []want{
		{"content/_index.md:2:1: titel", `did you mean "title"?`},
		{"content/pages/about.md:3:1: wieght", `did you mean "weight"?`},
	}},
}

func TestProblems(t *testing.T) {
	for _, tc := range problemCases {
		t.Run(tc.name, func(t *testing.T) {
			var edits []func(fstest.MapFS)
			if tc.edit != nil {
				edits = append(edits, tc.edit)
			}
			_, got := load(t, tc.site, edits...)
			matchProblems(t, got, tc.wants)
		})
	}
}

// Every error of every file is reported in one run, sorted by path and
// line, and counted.
func TestEveryProblemInOneRun(t *testing.T) {
	const archive = `
-- content/partnerships/b.md --
+++
title = "Homework help"
status = "activ"
start = "Sept 2"
[partner]
name = "Familias Unidas"
[review]
state = "aproved"
+++
-- content/partnerships/a.md --
+++
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
url = "ftp://x.example.org"
[review]
state = "draft"
[[asks]]
ask = "Laptops"
status = "declined"
+++
`
	site, probs := load(t, archive)
	matchProblems(t, probs, []want{
		{p + "a.md:1:1: title", "missing"},
		{p + "a.md:6:7: partner.url", "not a web address"},
		{p + "a.md:9:1: asks[1].reason", "needs a reason"},
		{p + "b.md:3:10: status", "did you mean"},
		{p + "b.md:4:9: start", "not a date"},
		{p + "b.md:8:9: review.state", "did you mean"},
	})
	if len(site.Profiles) != 2 {
		t.Errorf("got %d profiles, want both, problems and all", len(site.Profiles))
	}
	_, ps := content.Load(txtarFS(t, archive))
	if got, want := ps.Summary(), "6 errors in 2 files"; got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
	if got := len(ps.Errors()); got != 6 {
		t.Errorf("Errors() has %d problems, want 6", got)
	}
	if got := len(ps.Warnings()); got != 0 {
		t.Errorf("Warnings() has %d problems, want 0", got)
	}
}
