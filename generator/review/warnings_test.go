package review

import (
	"net/url"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
	"github.com/alongside-dev/alongside/generator/markdown"
)

const warningsSite = `
-- site.toml --
base_url = "https://partners.example.org/sub/"
fiscal_year_start = "07-01"
-- content/_index.md --
+++
title = "Home"
+++
See [how we count](/methodology/) and [oops](/methodolgy/).
-- content/pages/methodology.md --
+++
title = "Methodology"
+++
Read [a draft](/partnerships/fresh/) and [the 2025-26 report](/reports/2025-26/).
-- content/partnerships/stale.md --
` + "+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-09-02\n\n[partner]\nname = \"P\"\n\n[review]\nstate = \"in_review\"\ndate = 2026-01-01\n+++\n" + `
-- content/partnerships/waiting.md --
` + "+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-09-02\n\n[partner]\nname = \"P\"\n\n[review]\nstate = \"changes_requested\"\ndate = 2026-01-12\n+++\n" + `
-- content/partnerships/sixty-days.md --
` + "+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-09-02\n\n[partner]\nname = \"P\"\n\n[review]\nstate = \"in_review\"\ndate = 2026-01-13\n+++\n" + `
-- content/partnerships/fresh.md --
` + "+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-09-02\n\n[partner]\nname = \"P\"\n\n[review]\nstate = \"in_review\"\ndate = 2026-01-14\n+++\n" + `
-- content/partnerships/changed.md --
` + "+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-09-02\n\n[partner]\nname = \"Familias Unidas\"\n\n[review]\nstate = \"approved\"\ndate = 2026-01-01\n  fingerprint = \"sha256:0000\"\n+++\n" + `
-- content/partnerships/contacts.md --
+++
title = "T"
status = "active"
start = 2025-09-02

[partner]
name = "P"
about = "Write to ana@example.org or call (555) 010-0100."

[review]
state = "approved"
date = 2026-01-01

[[asks]]
ask = "A room"
status = "declined"
reason = "Full. Call 555-0199"

[private]
contact = "Ana, 555-0100, ana@example.org"
+++
On 2025-09-02 we met, 1,150 people came.
Ask for Ana at 555-0100 or <ana@example.org>.
-- content/partnerships/links.md --
+++
title = "T"
status = "active"
start = 2025-09-02
tags = ["Homework help"]

[partner]
name = "Familias Unidas"

[review]
state = "approved"
date = 2026-01-01
+++
Fine: [a](/partnerships/changed/), [b](/partners/familias-unidas/), [c](/tags/homework-help/),
[d](/data/partnerships.json), [e](/methodology), [f](#top), [g](https://example.org/x/),
[h](/files/flyer.pdf), [i](../changed/), [j](/), [k](/reports/), [l](/feed.xml).

Broken: [a draft](/partnerships/stale/) and ![a photo](photo.png),
[a tag](/tags/nothing/), [a year](/reports/2019-20/ "old"), [ref][r].

[r]: /partners/nobody/
`

func TestWarnings(t *testing.T) {
	fsys := sitetest.FS(t, warningsSite)
	site := sitetest.Load(t, warningsSite)
	today := content.DateOf(2026, 3, 14) // 72 days after 2026-01-01
	var got []string
	for _, p := range Warnings(fsys, site, today) {
		if !p.Warning {
			t.Errorf("not a warning: %s", p)
		}
		if p.Field == "summary" || p.Path == "site.toml" {
			continue // TestTemplateWarnings
		}
		got = append(got, p.String())
	}
	want := []string{
		`content/_index.md:4:46: warning: body: link "/methodolgy/": /methodolgy/ is not a page of this site (did you mean /methodology/?)`,
		`content/pages/methodology.md:4:16: warning: body: link "/partnerships/fresh/": links to fresh, which is not published (its review.state is "in_review"): the link is broken until the partner approves it`,
		`content/partnerships/changed.md:12:17: warning: review.fingerprint: the profile changed since Familias Unidas approved it on 2026-01-01: send a new proof, then run alongside approve changed --by "…" again`,
		`content/partnerships/contacts.md:8:9: warning: partner.about: "(555) 010-0100" looks like a phone number: private contact details belong in [private]`,
		`content/partnerships/contacts.md:8:9: warning: partner.about: "ana@example.org" looks like an email address: private contact details belong in [private]`,
		`content/partnerships/contacts.md:17:10: warning: asks[1].reason: "555-0199" looks like a phone number: private contact details belong in [private]`,
		`content/partnerships/contacts.md:23:16: warning: body: "555-0100" looks like a phone number: private contact details belong in [private]`,
		`content/partnerships/contacts.md:23:29: warning: body: "ana@example.org" looks like an email address: private contact details belong in [private]`,
		`content/partnerships/links.md:18:19: warning: body: link "/partnerships/stale/": links to stale, which is not published (its review.state is "in_review"): the link is broken until the partner approves it`,
		`content/partnerships/links.md:18:56: warning: body: image "photo.png": /partnerships/links/photo.png is not a page of this site`,
		`content/partnerships/links.md:19:1: warning: body: link "/partners/nobody/": /partners/nobody/ is not a page of this site`,
		`content/partnerships/links.md:19:9: warning: body: link "/tags/nothing/": /tags/nothing/ is not a page of this site`,
		`content/partnerships/links.md:19:35: warning: body: link "/reports/2019-20/": /reports/2019-20/ is not a page of this site (did you mean /reports/2025-26/?)`,
		`content/partnerships/stale.md:11:8: warning: review.date: in_review for 72 days, since 2026-01-01 (over 60): follow up with the partner`,
		`content/partnerships/waiting.md:11:8: warning: review.date: changes_requested for 61 days, since 2026-01-12 (over 60): the partner is waiting for the changes it asked for`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\n\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A draft's links to its own page and bundle files are not broken, nor
// are footnotes; a link to another unapproved profile is.
func TestWarningsOwnBundle(t *testing.T) {
	archive := `
-- content/partnerships/zine-lab/index.md --
+++
title = "T"
status = "active"
start = 2025-09-02
[partner]
name = "P"
[review]
state = "draft"
+++
![Covers](photo.png) and [the guide](guide.pdf), [this page](/partnerships/zine-lab/),
[a draft](../other/).[^1]

[^1]: Counted by hand.
-- content/partnerships/zine-lab/photo.png --
png
-- content/partnerships/zine-lab/guide.pdf --
pdf
-- content/partnerships/other.md --
+++
title = "T"
status = "active"
start = 2025-09-02
[partner]
name = "P"
[review]
state = "in_review"
+++
`
	site := sitetest.Load(t, archive)
	var got []string
	for _, p := range Warnings(sitetest.FS(t, archive), site, content.DateOf(2025, 10, 1)) {
		got = append(got, p.String())
	}
	want := `content/partnerships/zine-lab/index.md:11:11: warning: body: link "../other/": links to other, which is not published (its review.state is "in_review"): the link is broken until the partner approves it`
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// allFine, the quick look that spares parsing, never passes a body in
// which goldmark finds a broken link.
func FuzzAllFine(f *testing.F) {
	for _, s := range []string{
		"[a](/methodology/) and ![b](photo.png \"t\")",
		"[a](<../x y/>) [b]( /partnerships/gone/ ) [c](/p(a)th/)",
		"[r]: /nowhere/\n[x][r]\n[^1]: note\n\n[y]:\n  /nope/",
		"[a](/x\\_y/) [b](/a&amp;b/) <https://example.org>",
		"[a](#top) [b](https://example.org/) [c](mailto:a@b.org)",
		strings.Repeat("[a](", 300) + "\n" + strings.Repeat("[a]\n", 300),
		"![px](https://tracker.example/p.gif) ![x](//cdn.example/x.png) [a](/ok/)",
	} {
		f.Add(s)
	}
	site := sitetest.Load(f, warningsSite)
	addrs := siteAddresses(site, content.DateOf(2026, 3, 14))
	f.Fuzz(func(t *testing.T, body string) {
		if !addrs.allFine([]byte(body), "/partnerships/links/", nil) {
			return
		}
		if ps := addrs.brokenLinks("x.md", []byte(body+"\n"), 1, "/partnerships/links/", nil); len(ps) > 0 {
			// brokenLinks trusts allFine; ask goldmark directly.
			t.Fatalf("allFine passed a body with a broken link: %v", ps)
		}
		for _, l := range markdown.Links([]byte(body)) {
			if _, broken := addrs.broken(l.Dest, "/partnerships/links/", nil); broken {
				t.Fatalf("allFine passed %q, whose link %q is broken", body, l.Dest)
			}
		}
	})
}

// A plain path, which resolve takes as it is written, is what parsing it
// and resolving it from any page gives.
func FuzzPlainPath(f *testing.F) {
	for _, s := range []string{"/methodology/", "/", "/a/./b/", "/a//b/", "/partnerships/x/photo.png", "/a/..", "/a~b/-_.x", "relative/", "//", "//host/"} {
		f.Add(s)
	}
	base, _ := url.Parse("/partnerships/links/")
	f.Fuzz(func(t *testing.T, dest string) {
		if !plainPath(dest) {
			return
		}
		u, err := url.Parse(dest)
		if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || u.RawQuery != "" || u.Fragment != "" {
			t.Fatalf("plainPath(%q), but it parses as %+v (%v)", dest, u, err)
		}
		if got := base.ResolveReference(&url.URL{Path: u.Path}).Path; got != dest {
			t.Fatalf("plainPath(%q), but it resolves to %q", dest, got)
		}
	})
}

// Text that a spreadsheet would run as a formula is a warning where the
// CSV files hold it, and not where they do not (partner.about).
func TestWarningsFormula(t *testing.T) {
	archive := `
-- content/partnerships/f.md --
+++
title = "=1+1"
summary = "A summary."
status = "active"
start = 2025-09-02
tags = ["ok", "@home"]
[partner]
name = "P"
about = "-not in a CSV file"
[review]
state = "approved"
date = 2026-01-01
[[resources]]
from = "library"
kind = "other"
amount = 1
unit = "kits"
description = '=HYPERLINK("https://evil.example/","Click for receipt")'
[[outcomes]]
measure = "People"
value = 3
note = "	tabbed"
+++
`
	site := sitetest.Load(t, archive)
	var got []string
	for _, p := range Warnings(sitetest.FS(t, archive), site, content.DateOf(2026, 3, 14)) {
		got = append(got, p.String())
	}
	const tail = ", which a spreadsheet would take for the start of a formula: the CSV files of /data/ put a ' before it so that it stays text; start it with a word or a number if you can"
	want := []string{
		`content/partnerships/f.md:2:9: warning: title: starts with "="` + tail,
		`content/partnerships/f.md:6:8: warning: tags: starts with "@"` + tail,
		`content/partnerships/f.md:18:15: warning: resources[1].description: starts with "="` + tail,
		`content/partnerships/f.md:22:8: warning: outcomes[1].note: starts with a tab` + tail,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\n\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// With [open_data], a partner that 360giving.json names by a made-up id
// gets one warning saying how to add its org_id, at the [partner] table
// of its first approved profile with library money.
func TestWarningsOrgID(t *testing.T) {
	prof := func(partner, extra, state string) string {
		return "+++\ntitle = \"T\"\nsummary = \"S.\"\nstatus = \"active\"\nstart = 2025-09-02\n[partner]\nname = \"" + partner + "\"\n" + extra +
			"[review]\nstate = \"" + state + "\"\ndate = 2026-01-01\n[[resources]]\nfrom = \"library\"\nkind = \"money\"\namount = 5\n+++\n"
	}
	archive := "-- site.toml --\n[open_data]\ngrant_prefix = \"360G-x\"\nfunder_id = \"XI-TEST-1\"\nlicense = \"https://creativecommons.org/licenses/by/4.0/\"\n" +
		"-- content/partnerships/a1.md --\n" + prof("Anon", "", "approved") +
		"-- content/partnerships/a2.md --\n" + prof("Anon", "", "approved") +
		"-- content/partnerships/b1.md --\n" + prof("Registered", "", "approved") +
		"-- content/partnerships/b2.md --\n" + prof("Registered", "org_id = \"US-EIN-12-3456789\"\n", "approved") +
		"-- content/partnerships/c.md --\n" + prof("Draft", "", "draft")
	site := sitetest.Load(t, archive)
	var got []string
	for _, p := range Warnings(sitetest.FS(t, archive), site, content.DateOf(2026, 3, 14)) {
		got = append(got, p.String())
	}
	want := `content/partnerships/a1.md:6:1: warning: partner.org_id: not set, so /data/360giving.json names Anon by an id made up for it (360G-x-partner-anon): if it is registered (a charity, a nonprofit, a company), add org_id = "US-EIN-12-3456789" under [partner], its number as org-id.guide writes it`
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// An image from another site in a story is a warning (a tracking pixel
// reaches every reader); a link to another site, or a bundle image, is
// not.
func TestExternalImageWarns(t *testing.T) {
	body := "Intro.\n\n![pixel](https://tracker.example/p.gif?u=1) and [a link](https://example.org/)\n![photo](photo.png) ![x](//cdn.example/x.png)\n"
	var got []string
	for _, p := range externalImages("content/partnerships/a.md", []byte(body), 10) {
		got = append(got, p.String())
	}
	want := []string{
		`content/partnerships/a.md:12:10: warning: body: image "https://tracker.example/p.gif?u=1" is loaded from another site`,
		`content/partnerships/a.md:13:26: warning: body: image "//cdn.example/x.png" is loaded from another site`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("got %s\nwant %s…", got[i], want[i])
		}
	}
	// A "/" written as a character reference or an escape is one too.
	for _, dest := range []string{"https:&#47;&#47;tracker.example/p.gif", `https:\/\/tracker.example/p.gif`, "HTTPS:&sol;/tracker.example/p.gif"} {
		if ps := externalImages("a.md", []byte("![pixel]("+dest+")\n"), 1); len(ps) != 1 {
			t.Errorf("image %s: %d warnings, want 1", dest, len(ps))
		}
	}
}

// A translation's story is checked as its source's is: a broken link and
// contact details are warnings at the translation's own lines, a link
// to a file of the bundle is fine, and a Spanish page may link to the
// other Spanish pages.
func TestWarningsTranslatedStory(t *testing.T) {
	archive := `
-- site.toml --
title = "T"
library = "L"
[languages.es]
name = "Español"
-- content/pages/about.md --
+++
title = "About"
+++
-- content/partnerships/zine-lab/index.md --
+++
title = "T"
status = "active"
start = 2025-09-02
[partner]
name = "P"
[review]
state = "approved"
date = 2025-09-03
+++
[The guide](guide.pdf).
-- content/partnerships/zine-lab/guide.pdf --
pdf
-- content/partnerships/zine-lab/index.es.md --
+++
title = "T"
+++
[La guía](guide.pdf), [nosotros](/es/about/), [nada](/es/nowhere/).

Escriba a ana@example.org.
`
	site := sitetest.Load(t, archive)
	var got []string
	for _, p := range Warnings(sitetest.FS(t, archive), site, content.DateOf(2025, 10, 1)) {
		if strings.Contains(p.Path, ".es.md") {
			got = append(got, p.String())
		}
	}
	want := []string{
		`content/partnerships/zine-lab/index.es.md:4:55: warning: body: link "/es/nowhere/"`,
		`content/partnerships/zine-lab/index.es.md:6:11: warning: body: "ana@example.org" looks like an email address`,
	}
	if len(got) != len(want) {
		t.Fatalf("got\n%s\nwant %d warnings like\n%s", strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("got  %s\nwant %s…", got[i], want[i])
		}
	}
}
