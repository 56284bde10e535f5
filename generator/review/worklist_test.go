package review

import (
	"fmt"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

func TestWorklist(t *testing.T) {
	var files strings.Builder
	for _, f := range []struct{ slug, partner, review string }{
		{"seed-library", "Millbrook Growers", `state = "draft"`},
		{"zine-lab", "Eastgate Youth Collective", "state = \"draft\"\ndate = 2026-02-01"},
		{"cooling-center", "Riverside Flats Mutual Aid", "state = \"in_review\"\ndate = 2025-12-01"},
		{"story-time", "Hooyo Circle", "state = \"in_review\"\ndate = 2026-03-01"},
		{"oral-histories", "Cedar Hill Heritage Collective", "state = \"changes_requested\"\ndate = 2026-03-10"},
		{"tet", "Hội Văn Hóa Việt", "state = \"approved\"\ndate = 2025-03-20"},
		{"tech-tuesdays", "Silver Circle", "state = \"approved\"\ndate = 2026-01-15\nfingerprint = \"sha256:0\""},
	} {
		fmt.Fprintf(&files, "-- content/partnerships/%s.md --\n+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-01-01\n[partner]\nname = %q\n[review]\n%s\n+++\n", f.slug, f.partner, f.review)
	}
	site := sitetest.Load(t, files.String())
	var b strings.Builder
	if err := WriteWorklist(&b, Worklist(site, content.DateOf(2026, 3, 14))); err != nil {
		t.Fatal(err)
	}
	want := `Draft: not yet sent to the partner (2)
  SLUG          PARTNER                    SINCE         DAYS
  zine-lab      Eastgate Youth Collective  2026-02-01    41
  seed-library  Millbrook Growers          date unknown

In review: waiting for the partner (2)
  SLUG            PARTNER                     SINCE       DAYS
  cooling-center  Riverside Flats Mutual Aid  2025-12-01  103   over 60 days: follow up
  story-time      Hooyo Circle                2026-03-01  13

Changes requested: the partner is waiting for us (1)
  SLUG            PARTNER                         SINCE       DAYS
  oral-histories  Cedar Hill Heritage Collective  2026-03-10  4

Approved, changed since approval: ask the partner again (1)
  SLUG           PARTNER        SINCE       DAYS
  tech-tuesdays  Silver Circle  2026-01-15  58    send a new proof

Approved and published (1)
  SLUG  PARTNER           SINCE       DAYS
  tet   Hội Văn Hóa Việt  2025-03-20  359
`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestWorklistEmpty(t *testing.T) {
	var b strings.Builder
	if err := WriteWorklist(&b, Worklist(&content.Site{}, content.DateOf(2026, 3, 14))); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); strings.Count(got, "  none\n") != 5 || strings.Contains(got, "No valid") {
		t.Errorf("got\n%s", got)
	}
}
