package content_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// translatedSite is a site in English and Spanish with a profile, its
// translation and a translated page. The translation's source
// fingerprint is filled in by the test (SOURCE).
const translatedSite = `
-- site.toml --
title = "Partnerships"
[languages.es]
name = "Español"
title = "Alianzas"
-- content/_index.md --
+++
title = "Home"
+++
Welcome.
-- content/_index.es.md --
+++
source = "HOMESOURCE"
title = "Inicio"
+++
Bienvenidos.
-- content/partnerships/homework.md --
+++
title = "Homework help"
summary = "Help twice a week."
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
about = "A parent group."
[[resources]]
from = "library"
kind = "money"
amount = 500
description = "Snacks"
[[asks]]
ask = "A quiet room"
status = "declined"
reason = "No room is free on Tuesdays."
[review]
state = "approved"
date = 2025-10-01
+++
The story.
-- content/partnerships/homework.es.md --
+++
source = "SOURCE"
title = "Ayuda con las tareas"
summary = "Ayuda dos veces por semana."
[partner]
about = "Un grupo de padres."
[[resources]]
description = "Meriendas"
[[asks]]
ask = "Un salón tranquilo"
reason = "No hay salón libre los martes."
+++
La historia.
`

// fingerprinted is translatedSite with the fingerprints of its sources
// filled in.
func fingerprinted(t *testing.T) string {
	t.Helper()
	site0, _ := content.Load(sitetest.FS(t, translatedSite))
	archive := strings.Replace(translatedSite, `"SOURCE"`, `"`+sourcePrint(t, site0)+`"`, 1)
	return strings.Replace(archive, "HOMESOURCE", content.TextPrint(nil, "Home", "", []byte("Welcome.\n")), 1)
}

// sourcePrint is the text fingerprint of the profile of translatedSite.
func sourcePrint(t *testing.T, site *content.Site) string {
	t.Helper()
	p := site.Profiles[0]
	return content.TextPrint(p, p.Title, p.Summary, []byte("The story.\n"))
}

func TestTranslationCarriesWordsOnly(t *testing.T) {
	archive := fingerprinted(t)
	site, probs := content.Load(sitetest.FS(t, archive))
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if got := site.Config.Languages; len(got) != 2 || got[1] != (content.Language{Code: "es", Name: "Español", Title: "Alianzas"}) {
		t.Fatalf("languages = %+v", got)
	}
	p := site.Profiles[0]
	tr := p.Translations["es"]
	if tr == nil {
		t.Fatal("no Spanish translation")
	}
	if tr.Title != "Ayuda con las tareas" || tr.About != "Un grupo de padres." || !slices.Equal(tr.Resources, []string{"Meriendas"}) ||
		tr.Asks[0] != (content.AskText{Ask: "Un salón tranquilo", Reason: "No hay salón libre los martes."}) ||
		strings.TrimSpace(string(tr.Story)) != "La historia." || tr.Stale != nil {
		t.Errorf("translation = %+v", tr)
	}
	if h := site.Home.Translations["es"]; h == nil || h.Title != "Inicio" {
		t.Errorf("home translation = %+v", h)
	}
}

func TestTranslationProblems(t *testing.T) {
	cases := []struct {
		name, old, new, want string
	}{
		{"a figure", "[[resources]]\ndescription = \"Meriendas\"", "[[resources]]\ndescription = \"Meriendas\"\namount = 9",
			"content/partnerships/homework.es.md:9:10: resources[1].amount: amount is set in the source profile only"},
		{"a status", "title = \"Ayuda", "status = \"paused\"\ntitle = \"Ayuda",
			"content/partnerships/homework.es.md:3:10: status: status is set in the source profile only"},
		{"the review", "+++\nLa historia.", "[review]\nstate = \"approved\"\n+++\nLa historia.",
			"content/partnerships/homework.es.md:12:1: review: review is set in the source profile only"},
		{"an unknown key", "title = \"Ayuda", "titel = \"x\"\ntitle = \"Ayuda",
			`titel: unknown key (did you mean "title"?)`},
		{"one ask too many", "+++\nLa historia.", "[[asks]]\nask = \"Otra\"\n+++\nLa historia.",
			"content/partnerships/homework.es.md:1:1: asks: has 2 asks but content/partnerships/homework.md has 1"},
		{"a bad fingerprint", `"SOURCE"`, `"sha256:abc"`, `source: "sha256:abc" is not a fingerprint written by`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			archive := strings.Replace(translatedSite, c.old, c.new, 1)
			_, probs := content.Load(sitetest.FS(t, archive))
			if !strings.Contains(fmt.Sprint(probs.Errors()), c.want) {
				t.Errorf("errors:\n%v\nwant one with %q", probs.Errors(), c.want)
			}
		})
	}
}

func TestStaleTranslationNamesWhatChanged(t *testing.T) {
	archive := fingerprinted(t)
	// The source's summary and an ask change; its figures change too,
	// which a translation does not hold.
	archive = strings.Replace(archive, "Help twice a week.", "Help three times a week.", 1)
	archive = strings.Replace(archive, "No room is free on Tuesdays.", "The rooms are booked.", 1)
	archive = strings.Replace(archive, "amount = 500", "amount = 700", 1)
	site, probs := content.Load(sitetest.FS(t, archive))
	if errs := probs.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	tr := site.Profiles[0].Translations["es"]
	if !slices.Equal(tr.Stale, []string{"summary", "asks"}) {
		t.Errorf("stale = %v, want [summary asks]", tr.Stale)
	}
	want := "content/partnerships/homework.es.md:1:1: warning: source: content/partnerships/homework.md changed since this translation was made (summary, asks)"
	if !strings.Contains(fmt.Sprint(probs), want) {
		t.Errorf("problems:\n%v\nwant %q", probs, want)
	}
}

func TestTranslationFilesNotRead(t *testing.T) {
	archive := translatedSite + `-- content/partnerships/homework.fr.md --
+++
title = "Aide"
+++
-- content/partnerships/gone.es.md --
+++
title = "Nada"
+++
`
	site, probs := content.Load(sitetest.FS(t, archive))
	for _, want := range []string{
		`content/partnerships/homework.fr.md:1:1: warning: not read: this looks like a translation into "fr", which is not one of the site's languages`,
		`content/partnerships/gone.es.md:1:1: warning: not read: this is a translation of content/partnerships/gone.md, which does not exist`,
	} {
		if !strings.Contains(fmt.Sprint(probs), want) {
			t.Errorf("problems:\n%v\nwant %q", probs, want)
		}
	}
	if len(site.Profiles) != 1 {
		t.Errorf("profiles: %d, want 1", len(site.Profiles))
	}
}

func TestTranslationOf(t *testing.T) {
	for name, want := range map[string][2]string{
		"x.es.md": {"x.md", "es"}, "index.so.md": {"index.md", "so"}, "a-b.es-MX.md": {"a-b.md", "es-MX"},
		"x.md": {}, "x.es": {}, ".es.md": {}, "x.notalanguage.md": {},
	} {
		src, code, _ := content.TranslationOf(name)
		if [2]string{src, code} != want {
			t.Errorf("TranslationOf(%q) = %q, %q; want %q", name, src, code, want)
		}
	}
}
