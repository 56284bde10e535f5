package content_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

func openRoot(t testing.TB, dir string) *os.Root {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return root
}

// describe prints what a site holds, to compare two of them.
func describe(site *content.Site, probs content.Problems) string {
	var b strings.Builder
	fmt.Fprintf(&b, "config %+v\nhome %s %q\n", site.Config, site.Home.Path, site.Home.Title)
	for _, p := range site.Pages {
		fmt.Fprintf(&b, "page %s %q %d\n", p.Path, p.Title, p.Weight)
	}
	for _, p := range site.Pages {
		for code, tr := range p.Translations {
			fmt.Fprintf(&b, "page translation %s %s %q %v\n", code, tr.Path, tr.Title, tr.Stale)
		}
	}
	for _, p := range site.Profiles {
		fmt.Fprintf(&b, "profile %s %s %q %q %v %s\n", p.Slug, p.Path, p.Title, p.Partner.Name, p.BundleFiles, p.Fingerprint)
		for code, tr := range p.Translations {
			fmt.Fprintf(&b, "  translation %s %s %q %v\n", code, tr.Path, tr.Title, tr.Stale)
		}
	}
	for _, p := range probs {
		fmt.Fprintln(&b, p)
	}
	return b.String()
}

// TestModelMatchesLoad makes random edits to a site — new, changed,
// broken, renamed and deleted profiles, bundles and their files, pages,
// duplicate slugs — and checks after each that a Loader, updated with
// the paths touched, holds what content.Load reads from scratch.
func TestModelMatchesLoad(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { testModelMatchesLoad(t, seed, 200) })
	}
}

func testModelMatchesLoad(t *testing.T, seed uint64, steps int) {
	dir := t.TempDir()
	sitetest.Write(t, dir, map[string]string{
		"site.toml":                 "title = \"Test\"\n[languages.es]\nname = \"Español\"\n",
		"content/_index.md":         "+++\ntitle = \"Home\"\n+++\nHello.\n",
		"content/pages/about.md":    "+++\ntitle = \"About\"\nweight = 1\n+++\nAbout.\n",
		"content/partnerships/a.md": sitetest.Profile("A", "Alpha"),
	})
	fsys := openRoot(t, dir).FS()
	l := content.NewLoader(fsys)
	l.Load()
	rng := rand.New(rand.NewPCG(seed, 4))
	names := []string{"a", "b", "c", "d"}
	for step := range steps {
		n := names[rng.IntN(len(names))]
		var touched []string
		write := func(rel, text string) {
			sitetest.Write(t, dir, map[string]string{rel: text})
			touched = append(touched, rel)
		}
		remove := func(rel string) {
			os.RemoveAll(filepath.Join(dir, rel))
			touched = append(touched, rel)
		}
		file := "content/partnerships/" + n + ".md"
		bundle := "content/partnerships/" + n
		translation := func(title string) string {
			return "+++\ntitle = \"" + title + "\"\n+++\nLa historia.\n"
		}
		switch rng.IntN(15) {
		case 0, 1:
			write(file, sitetest.Profile(fmt.Sprint("T", step), names[rng.IntN(2)]))
		case 2:
			write(file, "+++\ntitle = \"broken\n+++\n")
		case 3:
			remove(file)
		case 4:
			write(bundle+"/index.md", sitetest.Profile(fmt.Sprint("B", step), "Beta"))
		case 5:
			write(bundle+"/photo.png", fmt.Sprint(step))
		case 6:
			remove(bundle)
		case 7:
			write(file, strings.Replace(sitetest.Profile("S", "Sigma"), "+++\ntitle", "+++\nslug = \"a\"\ntitle", 1))
		case 8:
			os.MkdirAll(filepath.Join(dir, bundle, "img"), 0o755)
			write(bundle+"/img/x.jpg", "x")
		case 9:
			write("content/pages/about.md", fmt.Sprintf("+++\ntitle = \"About %d\"\nweight = %d\n+++\nAbout.\n", step%3, step%2))
		case 10:
			if rng.IntN(2) == 0 {
				remove(bundle + "/index.md")
			} else {
				write(bundle+"/notes.md~", "backup")
			}
		case 11:
			write(bundle+"/index.es.md", translation(fmt.Sprint("BT", step)))
		case 12:
			if rng.IntN(3) == 0 {
				remove(bundle + "/index.es.md")
			} else {
				write("content/partnerships/"+n+".es.md", translation(fmt.Sprint("T", step)))
			}
		case 13:
			if rng.IntN(2) == 0 {
				remove("content/partnerships/" + n + ".es.md")
			} else {
				write("content/partnerships/"+n+".fr.md", translation("fr"))
			}
		case 14:
			write("content/pages/about.es.md", fmt.Sprintf("+++\ntitle = \"Acerca %d\"\n+++\n", step%3))
		}
		c := l.Update(touched)
		want, wantProbs := content.Load(fsys)
		got, gotProbs := l.Site(), l.Problems()
		if d1, d2 := describe(want, wantProbs), describe(got, gotProbs); d1 != d2 {
			t.Fatalf("step %d, after touching %v:\ncontent.Load:\n%s\nUpdate:\n%s", step, touched, d1, d2)
		}
		for _, pc := range c.Profiles {
			if pc.Old == pc.New {
				t.Fatalf("step %d: a change that changes nothing: %+v", step, pc)
			}
		}
	}
}

// TestModelReportsOnlyWhatChanged checks that a file written again with
// the same bytes, or touched, changes nothing.
func TestModelReportsOnlyWhatChanged(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, map[string]string{
		"content/partnerships/a.md": sitetest.Profile("A", "Alpha"),
		"content/partnerships/b.md": sitetest.Profile("B", "Beta"),
	})
	l := content.NewLoader(openRoot(t, dir).FS())
	if c := l.Load(); !c.Full {
		t.Fatal("Load is not a full change")
	}
	sitetest.Write(t, dir, map[string]string{"content/partnerships/a.md": sitetest.Profile("A", "Alpha")})
	if c := l.Update([]string{"content/partnerships/a.md"}); !c.Empty() {
		t.Fatalf("same bytes: change %+v", c)
	}
	sitetest.Write(t, dir, map[string]string{"content/partnerships/a.md": sitetest.Profile("A2", "Alpha")})
	c := l.Update([]string{"content/partnerships/a.md", "content/partnerships/a.md"})
	if c.Full || len(c.Profiles) != 1 || c.Profiles[0].New.Title != "A2" || c.Profiles[0].Old.Title != "A" {
		t.Fatalf("change %+v", c)
	}
	if ps := l.Site().Profiles; !slices.Equal([]string{ps[0].Title, ps[1].Title}, []string{"A2", "B"}) {
		t.Fatal("the site does not hold the new profile")
	}
}

// TestThemePosition: a theme without a folder is reported at its value,
// by Load and by an Update that finds the folder gone.
func TestThemePosition(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, map[string]string{
		"site.toml":                        "title = \"T\"\n\ntheme = \"mine\"\n",
		"themes/mine/layouts/profile.html": "x",
	})
	fsys := openRoot(t, dir).FS()
	l := content.NewLoader(fsys)
	l.Load()
	if ps := l.Problems(); len(ps) != 0 {
		t.Fatalf("with the folder: %v", ps)
	}
	os.RemoveAll(filepath.Join(dir, "themes/mine"))
	l.Update([]string{"themes/mine"})
	_, loaded := content.Load(fsys)
	for _, ps := range []content.Problems{l.Problems(), loaded} {
		if len(ps) != 1 || !strings.HasPrefix(ps[0].String(), "site.toml:3:9: theme: there is no themes/mine/ folder") {
			t.Errorf("problems %v, want one at site.toml:3:9", ps)
		}
	}
}

func TestChangeMerge(t *testing.T) {
	a1, a2, a3 := &content.Profile{Slug: "a"}, &content.Profile{Slug: "a"}, &content.Profile{Slug: "a"}
	b1, c1 := &content.Profile{Slug: "b"}, &content.Profile{Slug: "c"}
	p1, p2, q := &content.Page{Path: "p.md"}, &content.Page{Path: "p.md"}, &content.Page{Path: "q.md"}
	first := content.Change{Pages: []*content.Page{p1}, Profiles: []content.ProfileChange{{Old: a1, New: a2}, {Old: nil, New: b1}}}
	next := content.Change{Home: true, Pages: []*content.Page{p2, q}, Profiles: []content.ProfileChange{{Old: b1, New: nil}, {Old: a2, New: a3}, {Old: nil, New: c1}}}
	got := first.Merge(next)
	want := content.Change{Home: true, Pages: []*content.Page{p2, q}, Profiles: []content.ProfileChange{{Old: a1, New: a3}, {Old: nil, New: c1}}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Merge = %+v, want %+v", got, want)
	}
	if got := first.Merge(content.Change{Full: true}); !got.Full || got.Pages != nil || got.Profiles != nil {
		t.Errorf("Merge with a full change = %+v", got)
	}
	if !(content.Change{}).Merge(content.Change{}).Empty() {
		t.Error("two empty changes merge into one that is not empty")
	}
}
