package content_test

import (
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// LoadProfile reads one profile as Load does, and every slug, set by a
// file name or by a slug key.
func TestLoadProfileAsLoad(t *testing.T) {
	fsys := sitetest.Corpus(40)
	fsys["content/partnerships/renamed.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"R\"\nslug = \"other-name\"\nstatus = \"active\"\nstart = 2025-09-02\n[partner]\nname = \"P\"\n[review]\nstate = \"draft\"\n+++\nThe word slug in a story.\n")}
	fsys["content/partnerships/broken.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"B\"\nstatus = \"actve\"\n+++\n")}
	all, allProbs := content.Load(fsys)
	for _, slug := range []string{"partnership-00007", "partnership-00010", "other-name", "broken"} {
		site, slugs, probs := content.LoadProfile(fsys, slug)
		want := slices.IndexFunc(all.Profiles, func(p *content.Profile) bool { return p.Slug == slug })
		if len(site.Profiles) != 1 || !reflect.DeepEqual(site.Profiles[0], all.Profiles[want]) {
			t.Errorf("%s: LoadProfile has %d profiles, not the one Load has", slug, len(site.Profiles))
		}
		if !reflect.DeepEqual(site.Config, all.Config) || len(site.Pages) != len(all.Pages) {
			t.Errorf("%s: the config or the pages differ from Load's", slug)
		}
		if len(slugs) != len(all.Profiles) || !slices.Contains(slugs, "other-name") || slices.Contains(slugs, "renamed") {
			t.Errorf("%s: %d slugs, want %d, other-name and not renamed", slug, len(slugs), len(all.Profiles))
		}
		var mine content.Problems
		for _, p := range allProbs {
			if p.Path == site.Profiles[0].Path {
				mine = append(mine, p)
			}
		}
		if !reflect.DeepEqual(probs, mine) && len(probs)+len(mine) > 0 {
			t.Errorf("%s: problems %v, want %v", slug, probs, mine)
		}
	}
}
