package main

import (
	"fmt"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

func TestReviewCommand(t *testing.T) {
	day := func(ago int) string { return content.Today().AddDate(0, 0, -ago).Format("2006-01-02") }
	profile := func(name, review string) string {
		return fmt.Sprintf("+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-01-01\n[partner]\nname = %q\n[review]\n%s\n+++\n", name, review)
	}
	site := writeSite(t, map[string]string{
		"content/partnerships/a-draft.md":   profile("Seed Growers", "state = \"draft\""),
		"content/partnerships/waiting.md":   profile("Mutual Aid", "state = \"in_review\"\ndate = "+day(75)),
		"content/partnerships/fresh.md":     profile("Story Circle", "state = \"in_review\"\ndate = "+day(3)),
		"content/partnerships/asked.md":     profile("Heritage Collective", "state = \"changes_requested\"\ndate = "+day(10)),
		"content/partnerships/approved.md":  profile("Youth Collective", "state = \"approved\"\ndate = "+day(100)),
		"content/partnerships/changed.md":   profile("Silver Circle", "state = \"approved\"\ndate = "+day(20)+"\nfingerprint = \"sha256:0\""),
		"content/partnerships/broken.md":    badProfile,
		"content/partnerships/no-review.md": "+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-01-01\n[partner]\nname = \"P\"\n+++\n",
	})
	code, stdout, stderr := runCLI(t, "review", "-s", site)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	want := `Draft: not yet sent to the partner (2)
  SLUG     PARTNER       SINCE         DAYS
  a-draft  Seed Growers  date unknown
  broken   X             date unknown

In review: waiting for the partner (2)
  SLUG     PARTNER       SINCE       DAYS
  waiting  Mutual Aid    ` + day(75) + `  75    over 60 days: follow up
  fresh    Story Circle  ` + day(3) + `  3

Changes requested: the partner is waiting for us (1)
  SLUG   PARTNER              SINCE       DAYS
  asked  Heritage Collective  ` + day(10) + `  10

Approved, changed since approval: ask the partner again (1)
  SLUG     PARTNER        SINCE       DAYS
  changed  Silver Circle  ` + day(20) + `  20    send a new proof

Approved and published (1)
  SLUG      PARTNER           SINCE       DAYS
  approved  Youth Collective  ` + day(100) + `  100

No valid review state: fix with alongside check (1)
  SLUG       PARTNER  SINCE         DAYS
  no-review  P        date unknown        see alongside check

2 errors in 2 files: run alongside check to see them.
`
	if stdout != want {
		t.Errorf("got\n%s\nwant\n%s", stdout, want)
	}
	if code, _, _ := runCLI(t, "review", "-s", site, "extra"); code != 2 {
		t.Errorf("review with an argument: exit %d", code)
	}
}
