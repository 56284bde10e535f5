package review

import (
	"testing"
	"testing/fstest"

	"github.com/alongside-dev/alongside/generator/content"
)

// The file of alongside new passes check as it is, with no warning, for
// names that need escaping too.
func TestNewProfileChecks(t *testing.T) {
	today := content.DateOf(2026, 3, 14)
	for _, name := range []string{"Homework Help", `Los "Tigres" \ del Norte`, "Hội Văn Hóa Việt", "جيران"} {
		slug := content.PartnerSlug(name)
		fsys := fstest.MapFS{"content/partnerships/" + slug + ".md": {Data: NewProfile(name, today)}}
		site, probs := content.Load(fsys)
		probs = append(probs, Warnings(fsys, site, today)...)
		if len(probs) > 0 || len(site.Profiles) != 1 {
			t.Fatalf("%s: %v", name, probs)
		}
		p := site.Profiles[0]
		if p.Title != name || p.Partner.Name != name || p.Review.State != "draft" || p.Start != today || p.Review.Date != today {
			t.Errorf("%s: %+v", name, p)
		}
	}
}
