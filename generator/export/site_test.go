package export

import (
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

const siteToml = `
-- site.toml --
title = "Partnerships & more <test>"
library = "Rainier Public Library"
base_url = "https://partners.example.org/reports/"
currency = "USD"
fiscal_year_start = "07-01"
[valuation]
staff_time = 38.50
space = 45.00
[measures.zines]
label = "Zines made"
unit = "zines"
`

const openData = `[open_data]
grant_prefix = "360G-rainierpl"
funder_id = "US-EIN-91-0000000"
`

// profiles are two approved profiles and a draft; the expected figures in
// the tests are worked out by hand from them.
const profiles = `
-- content/partnerships/homework-help.md --
+++
title = "Homework Help in Spanish"
summary = "Bilingual homework help for middle schoolers, twice a week."
status = "active"
start = 2025-09-02
branches = ["Beacon Branch"]
neighborhoods = ["North Beacon Hill"]
audiences = ["middle school students", "Spanish-speaking families"]
languages = ["es", "en"]
tags = ["homework help"]
[partner]
name = "Familias Unidas del Sur"
url = "https://familias-unidas.example.org"
about = "A volunteer-run parent group founded in 2014."
[partner_voice]
quote = "Our kids finally have a quiet place that speaks their language."
[review]
state = "approved"
date = 2025-10-14
by = "Program coordinator, Familias Unidas del Sur"
[[resources]]
from = "library"
kind = "money"
amount = 2400
description = "Stipends for two volunteer tutors"
[[resources]]
from = "library"
kind = "space"
amount = 120
description = "Meeting room B, Tue and Thu 4–6 pm"
[[resources]]
from = "partner"
kind = "staff_time"
amount = 180
description = """Volunteer tutors, "outreach", and families
on a second line"""
[[resources]]
from = "library"
kind = "marketing"
amount = 3
unit = "newsletter features"
value = 600
[[resources]]
from = "library"
kind = "money"
amount = 0.1
date = 2025-12-01
[[resources]]
from = "library"
kind = "money"
amount = 0.2
[[asks]]
ask = "A room on weekday afternoons"
status = "delivered"
[[asks]]
ask = "Laptops the students can borrow"
status = "declined"
reason = "Our device budget is committed until July; we will revisit in the spring."
date = 2025-11-03
[[outcomes]]
measure = "Students who came at least five times"
value = 37
unit = "students"
date = 2026-01-31
note = "Attendance sheets, fall term"
[[surveys]]
topic = "education-lifelong-learning"
date = 2026-01-31
respondents = 24
knowledge = 22
confidence = 19
application = 17
awareness = 20
[private]
contact = "Ana, SECRET-555-0100"
+++
The story.
-- content/partnerships/zine-lab/index.md --
+++
title = "Teen Zine Lab <&>"
status = "completed"
start = 2024-01-10
end = 2024-05-30
[partner]
name = "Hội Văn Hóa"
[review]
state = "approved"
date = 2025-11-20
fingerprint = "sha256:0000"
[[resources]]
from = "partner"
kind = "money"
amount = 1200
currency = "CAD"
[[resources]]
from = "partner"
kind = "money"
amount = 300
currency = "CAD"
value = 220
[[resources]]
from = "library"
kind = "equipment"
amount = 2
unit = "risograph printers"
[[resources]]
from = "library"
kind = "staff_time"
amount = 10.5
[[asks]]
ask = "Zines in the catalogue"
status = "planned"
[[asks]]
ask = "A display shelf"
status = "in_progress"
[[outcomes]]
measure = "zines"
value = 45
[[outcomes]]
measure = "Workshops"
value = 6
[private]
notes = "SECRET-NOTE"
+++
-- content/partnerships/draft-secret.md --
+++
title = "UNAPPROVED Gamma"
status = "planning"
start = 2026-01-15
[partner]
name = "UNAPPROVED Partner"
[review]
state = "in_review"
[[resources]]
from = "library"
kind = "money"
amount = 999
[[asks]]
ask = "UNAPPROVED ask"
status = "planned"
[[outcomes]]
measure = "UNAPPROVED outcome"
value = 1
unit = "UNAPPROVED"
+++
`

var now = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)

// testSite returns the site with [open_data] and its published profiles.
func testSite(t testing.TB) (*content.Site, []*content.Profile) {
	t.Helper()
	site := sitetest.Load(t, siteToml+openData+profiles)
	return site, site.Published(false)
}

// leaks lists what must never be in an export of the published profiles.
var leaks = []string{"SECRET", "UNAPPROVED", "draft-secret", "999"}
