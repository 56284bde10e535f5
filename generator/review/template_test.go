package review

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alongside-dev/alongside/generator/content"
)

// The file of alongside new passes check as it is, for names that need
// escaping too, with one warning: its story is the template's.
func TestNewProfileChecks(t *testing.T) {
	today := content.DateOf(2026, 3, 14)
	for _, name := range []string{"Homework Help", `Los "Tigres" \ del Norte`, "Hội Văn Hóa Việt", "جيران"} {
		slug := content.PartnerSlug(name)
		fsys := fstest.MapFS{"content/partnerships/" + slug + ".md": {Data: NewProfile(name, today)}}
		site, probs := content.Load(fsys)
		probs = append(probs, Warnings(fsys, site, today)...)
		if len(probs) != 1 || len(site.Profiles) != 1 || !strings.Contains(probs[0].String(), `:64:1: warning: body: the story is still the template's text ("Tell the story of the partnership here…")`) {
			t.Fatalf("%s: %v", name, probs)
		}
		p := site.Profiles[0]
		if p.Title != name || p.Partner.Name != name || p.Review.State != "draft" || p.Start != today || p.Review.Date != today {
			t.Errorf("%s: %+v", name, p)
		}
	}
}

// check names what is left of the templates: the story of alongside new,
// an approved profile without a summary, and site.toml's placeholders.
func TestTemplateWarnings(t *testing.T) {
	today := content.DateOf(2026, 3, 14)
	approved := strings.Replace(string(NewProfile("Tech Tuesdays", today)), `state = "draft"`, `state = "approved"`, 1)
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte("title = \"Partnerships at Example Public Library\"\nlibrary = \"Alder Bay Library\"\n" +
			"base_url = \"https://reports.alderbay.test/\"\ncorrections = \"mailto:partners@alderbay.example\"\n\n" +
			"[open_data]\ngrant_prefix = \"360G-abpl\"\nfunder_id = \"GB-CHC-00-0000\"\n")},
		"content/partnerships/tech-tuesdays.md": {Data: []byte(approved)},
		"content/partnerships/draft.md":         {Data: NewProfile("Draft", today)},
	}
	site, probs := content.Load(fsys)
	if len(probs.Errors()) > 0 {
		t.Fatal(probs)
	}
	var got []string
	for _, p := range Warnings(fsys, site, today) {
		got = append(got, p.String())
	}
	want := []string{
		`content/partnerships/draft.md:64:1: warning: body: the story is still the template's text ("Tell the story of the partnership here…"): tell the story of this partnership before it is published`,
		`content/partnerships/tech-tuesdays.md:5:11: warning: summary: empty, on an approved profile: lists, search results and the feed show nothing for it (write one sentence about the partnership)`,
		`content/partnerships/tech-tuesdays.md:64:1: warning: body: the story is still the template's text ("Tell the story of the partnership here…"): tell the story of this partnership before it is published`,
		`site.toml:1:9: warning: title: "Partnerships at Example Public Library" is the placeholder from alongside init: write your site's name`,
		`site.toml:3:12: warning: base_url: "https://reports.alderbay.test/" is a placeholder (reports.alderbay.test is reserved for examples): write the address where the site will be published, or build with --base-url`,
		`site.toml:4:15: warning: corrections: "mailto:partners@alderbay.example" is a placeholder (alderbay.example is reserved for examples): partners' corrections and their answers to proofs would go nowhere; write your library's address`,
		`site.toml:8:13: warning: open_data.funder_id: "GB-CHC-00-0000" is a placeholder: write your library's identifier from org-id.guide`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\n\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for host, want := range map[string]bool{"example.org": true, "a.b.example.com": true, "EXAMPLE.NET.": true, "x.test": true,
		"examples.org": false, "myexample.org": false, "example.org.uk": false, "alderbay.org": false, "": false} {
		if reservedDomain(host) != want {
			t.Errorf("reservedDomain(%q) = %v", host, !want)
		}
	}
}
