package ledger

import (
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// testSite has three published profiles and a draft. The expected figures
// in the tests below are worked out by hand from it.
const testSite = `
-- site.toml --
title = "Test partnerships"
library = "Test Library"
base_url = "https://partners.example.org/"
currency = "USD"
fiscal_year_start = "07-01"
[valuation]
staff_time = 40
space = 25
[measures.students]
label = "Students who came"
unit = "students"
[measures.visitors]
label = "Visitors"
unit = "people"
-- content/partnerships/alpha.md --
+++
title = "Alpha"
status = "active"
start = 2024-09-01
[partner]
name = "Alpha Group"
[review]
state = "approved"
date = 2025-10-01
[[resources]]
from = "library"
kind = "money"
amount = 1000
[[resources]]
from = "library"
kind = "money"
amount = 0.1
date = 2025-06-30
[[resources]]
from = "library"
kind = "money"
amount = 0.2
date = 2025-07-01
[[resources]]
from = "library"
kind = "staff_time"
amount = 10
[[resources]]
from = "partner"
kind = "staff_time"
amount = 20.5
date = 2025-07-01
[[resources]]
from = "library"
kind = "space"
amount = 4
[[resources]]
from = "partner"
kind = "money"
amount = 500
currency = "CAD"
date = 2025-07-15
[[resources]]
from = "library"
kind = "marketing"
amount = 3
unit = "newsletter features"
value = 600
[[resources]]
from = "partner"
kind = "materials"
amount = 10
unit = "boxes"
[[asks]]
ask = "A room"
status = "delivered"
[[asks]]
ask = "Laptops"
status = "declined"
reason = "No budget until July."
date = 2025-11-03
[[outcomes]]
measure = "students"
value = 37
date = 2025-01-31
[[outcomes]]
measure = "Sessions"
value = 12
[[outcomes]]
measure = "students"
value = 0.1
date = 2025-08-01
[[surveys]]
topic = "education-lifelong-learning"
date = 2025-03-01
respondents = 10
knowledge = 9
confidence = 8
application = 7
awareness = 10
[[surveys]]
topic = "digital-learning"
date = 2025-08-01
respondents = 90
knowledge = 45
confidence = 30
application = 60
awareness = 0
+++
-- content/partnerships/beta.md --
+++
title = "Beta"
status = "completed"
start = 2023-03-01
end = 2023-06-30
[partner]
name = "Beta Club"
[review]
state = "approved"
date = 2023-07-10
[[resources]]
from = "partner"
kind = "money"
amount = 0.1
[[resources]]
from = "partner"
kind = "money"
amount = 1200
currency = "CAD"
value = 880
date = 2023-05-01
[[resources]]
from = "library"
kind = "equipment"
amount = 2
unit = "laptops"
[[resources]]
from = "library"
kind = "staff_time"
amount = 2.25
[[asks]]
ask = "Snacks"
status = "planned"
[[asks]]
ask = "Translation"
status = "in_progress"
date = 2023-04-01
[[outcomes]]
measure = "visitors"
value = 100
date = 2023-09-15
[[outcomes]]
measure = "Students"
value = 3
unit = "students"
[[surveys]]
topic = "education-lifelong-learning"
respondents = 5
knowledge = 5
confidence = 4
application = 3
awareness = 2
+++
-- content/partnerships/delta.md --
+++
title = "Delta"
status = "paused"
start = 2025-07-01
[partner]
name = "Delta Collective"
[review]
state = "approved"
date = 2025-09-01
[[asks]]
ask = "A display case"
status = "delivered"
date = 2025-08-01
+++
-- content/partnerships/gamma.md --
+++
title = "Gamma"
status = "planning"
start = 2026-01-15
[partner]
name = "Gamma"
[review]
state = "draft"
[[resources]]
from = "library"
kind = "money"
amount = 999
+++
`

var today = content.DateOf(2026, 3, 1)

func published(t testing.TB) []*content.Profile {
	t.Helper()
	return sitetest.Load(t, testSite).Published(false)
}

func date(t testing.TB, s string) content.Date {
	t.Helper()
	d, err := content.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
