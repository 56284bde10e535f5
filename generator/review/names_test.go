package review

import (
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// Names written differently that lead to one address are one partner or
// one term: check says so, naming both.
func TestSameAddressWarns(t *testing.T) {
	profile := func(partner, tags string) string {
		return "+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-09-02\ntags = [" + tags + "]\n[partner]\nname = \"" + partner + "\"\n[review]\nstate = \"draft\"\n+++\n"
	}
	archive := `
-- content/partnerships/a.md --
` + profile("Café", `"C++"`) + `
-- content/partnerships/b.md --
` + profile("CAFE", `"C#", "c"`) + `
-- content/partnerships/c.md --
` + profile("Cafe\u0301 ", `"afe"`) + `
-- content/partnerships/d.md --
` + profile("Familias", `"\u0421afe"`) + `
`
	site := sitetest.Load(t, archive)
	got := NewChecker(sitetest.FS(t, archive), site, content.DateOf(2026, 3, 1)).sameAddress()
	var lines []string
	for _, p := range got {
		lines = append(lines, p.String())
	}
	want := []string{
		`content/partnerships/b.md:7:8: warning: partner.name: "CAFE" and "Café" (content/partnerships/a.md) have the same address, /partners/cafe/`,
		`content/partnerships/b.md:5:8: warning: tags: "C#" and "C++" (content/partnerships/a.md) have the same address, /tags/c/`,
		`content/partnerships/b.md:5:8: warning: tags: "c" and "C++" (content/partnerships/a.md) have the same address, /tags/c/`,
		`content/partnerships/d.md:5:8: warning: tags: "Сafe" and "afe" (content/partnerships/c.md) have the same address, /tags/afe/`,
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d warnings, want %d:\n%s", len(lines), len(want), strings.Join(lines, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("warning %d:\n%s\nwant it to start with\n%s", i+1, lines[i], want[i])
		}
	}
}
