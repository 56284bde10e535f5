package review

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/export"
	"github.com/alongside-dev/alongside/generator/internal/parallel"
	"github.com/alongside-dev/alongside/generator/markdown"
	"github.com/alongside-dev/alongside/generator/urls"
)

// Warnings returns the review warnings of `check` for site, counting days
// up to today. See the package documentation for what they are. fsys is
// the site folder: each profile's file is read again for its story and
// the positions of the keys it warns about; with a nil fsys, stories are
// not checked and keys are placed at line 1.
func Warnings(fsys fs.FS, site *content.Site, today content.Date) content.Problems {
	c := NewChecker(fsys, site, today)
	return c.Warnings(func(*content.Profile) bool { return true })
}

// A Checker finds the review warnings of one site. A build, which reads
// every published story anyway to write its page, hands them to Story
// rather than have Warnings read them again. It is safe for concurrent
// use.
type Checker struct {
	fsys  fs.FS
	site  *content.Site
	today content.Date
	addrs *addresses
	// noOrgID holds, for each partner that 360giving.json names by a
	// made-up id, the first of its approved profiles (by path) with
	// library money: the one that says how to give it a real one. (A
	// draft's partner may still send its number with its review.)
	noOrgID map[*content.Profile]bool
}

// NewChecker prepares the checks of site: the addresses its links may
// lead to. fsys is as for Warnings, read through content.ProfileFiles:
// use a Checker for one check.
func NewChecker(fsys fs.FS, site *content.Site, today content.Date) *Checker {
	return &Checker{fsys: content.ProfileFiles(fsys), site: site, today: today, addrs: siteAddresses(site, today), noOrgID: noOrgID(site)}
}

// noOrgID is Checker.noOrgID; nil without [open_data].
func noOrgID(site *content.Site) map[*content.Profile]bool {
	if !site.Config.OpenData.Set() {
		return nil
	}
	first := map[string]*content.Profile{}
	hasID := map[string]bool{}
	for _, p := range site.Profiles {
		slug := p.Partner.Slug
		hasID[slug] = hasID[slug] || p.Partner.OrgID != ""
		if f := first[slug]; p.Approved() && export.Grants(p) && (f == nil || p.Path < f.Path) {
			first[slug] = p
		}
	}
	out := map[*content.Profile]bool{}
	for slug, p := range first {
		if !hasID[slug] {
			out[p] = true
		}
	}
	return out
}

// Warnings returns the warnings about site's home page, content pages and
// profiles, the stories only of the profiles for which readStory is true
// (the others' go through Story).
func (c *Checker) Warnings(readStory func(*content.Profile) bool) content.Problems {
	var ps content.Problems
	for _, pg := range append([]*content.Page{c.site.Home}, c.site.Pages...) {
		page := urls.Page(pg.Name)
		if pg == c.site.Home {
			page = urls.Home
		}
		ps = append(ps, c.addrs.brokenLinks(pg.Path, pg.Body, pg.BodyLine, "/"+page, nil)...)
		for _, code := range slices.Sorted(maps.Keys(pg.Translations)) {
			tr := pg.Translations[code]
			ps = append(ps, c.addrs.brokenLinks(tr.Path, tr.Story, tr.BodyLine, "/"+urls.In(code, page), nil)...)
		}
	}
	// Profiles on every core: bodies are scanned and some are parsed.
	per := make([]content.Problems, len(c.site.Profiles))
	parallel.For(len(per), func(i int) {
		p := c.site.Profiles[i]
		per[i] = c.profile(p)
		if c.fsys == nil || !readStory(p) {
			return
		}
		body, err := p.ReadBody(c.fsys)
		if err != nil {
			per[i] = append(per[i], content.Problem{Path: p.Path, Line: p.BodyLine, Col: 1, Field: "body", Warning: true,
				Message: "not checked for broken links and contact details: " + err.Error()})
			return
		}
		per[i] = append(per[i], c.Story(p, body)...)
		// A translation's story is checked as its own file: shown at
		// /<code>/partnerships/<slug>/, its relative links lead to the
		// default page's bundle (see markdown.ConvertFrom).
		for _, code := range slices.Sorted(maps.Keys(p.Translations)) {
			tr := p.Translations[code]
			q := *p
			q.Path, q.BodyLine = tr.Path, tr.BodyLine
			per[i] = append(per[i], c.Story(&q, tr.Story)...)
		}
	})
	for _, w := range per {
		ps = append(ps, w...)
	}
	ps = append(ps, c.sameAddress()...)
	ps = append(ps, Placeholders(c.fsys, &c.site.Config)...)
	ps.Sort()
	return ps
}

// profile returns the warnings about p's front matter.
func (c *Checker) profile(p *content.Profile) content.Problems {
	var ps content.Problems
	var keys content.FileKeys // see keyAt
	warn := func(key, field, format string, args ...any) {
		line, col := c.keyAt(p, &keys, key)
		ps = append(ps, content.Problem{Path: p.Path, Line: line, Col: col, Field: field,
			Message: fmt.Sprintf(format, args...), Warning: true})
	}
	switch st := p.Review.State; {
	case (st == "in_review" || st == "changes_requested") && p.Review.Date.Set():
		if days := daysBetween(p.Review.Date, c.today); days > StaleDays {
			next := "follow up with the partner"
			if st == "changes_requested" {
				next = "the partner is waiting for the changes it asked for"
			}
			warn("review.date", "review.date", "%s for %d days, since %s (over %d): %s",
				st, days, p.Review.Date, StaleDays, next)
		}
	case st == "approved" && !p.Current():
		warn("review.fingerprint", "review.fingerprint",
			"the profile changed since %s approved it on %s: send a new proof, then run alongside approve %s --by \"…\" again",
			approver(p), p.Review.Date, p.Slug)
	}
	c.templateWarnings(p, warn)
	if c.noOrgID[p] {
		warn("partner", "partner.org_id", "not set, so /data/360giving.json names %s by an id made up for it (%s-partner-%s): if it is registered (a charity, a nonprofit, a company), add org_id = \"US-EIN-12-3456789\" under [partner], its number as org-id.guide writes it",
			p.Partner.Name, c.site.Config.OpenData.GrantPrefix, p.Partner.Slug)
	}
	publicStrings(p, func(s keyText) {
		for _, ct := range findContacts(s.text) {
			key := s.key()
			warn(key, field(key), "%s looks like %s: private contact details belong in [private]", strconv.Quote(ct.text), ct.kind)
		}
		if export.Formula(s.text) && !notInCSV[s.name] {
			key := s.key()
			warn(key, field(key), "starts with %s, which a spreadsheet would take for the start of a formula: the CSV files of /data/ put a ' before it so that it stays text; start it with a word or a number if you can",
				formulaStart(s.text[0]))
		}
	})
	return ps
}

// notInCSV are the public strings that no CSV file of /data/ holds.
var notInCSV = map[string]bool{"partner.about": true, "partner_voice.quote": true, "partner_voice.by": true, "review.note": true}

// formulaStart names the first character of text that starts a formula.
func formulaStart(c byte) string {
	switch c {
	case '\t':
		return "a tab"
	case '\r':
		return "a carriage return"
	}
	return strconv.Quote(string(c))
}

// Story returns the warnings about p's story, the Markdown body of its
// file: contact details and broken links.
func (c *Checker) Story(p *content.Profile, story []byte) content.Problems {
	var ps content.Problems
	line, at := p.BodyLine, 0
	for _, ct := range findContacts(story) {
		line += bytes.Count(story[at:ct.off], newline)
		at = ct.off
		col := ct.off - bytes.LastIndexByte(story[:ct.off], '\n')
		ps = append(ps, content.Problem{Path: p.Path, Line: line, Col: col, Field: "body",
			Message: strconv.Quote(ct.text) + " looks like " + ct.kind + ": private contact details belong in [private]", Warning: true})
	}
	ps = append(ps, storyTemplate(p, story)...)
	ps = append(ps, externalImages(p.Path, story, p.BodyLine)...)
	return append(ps, c.addrs.brokenLinks(p.Path, story, p.BodyLine, "/"+p.URL(), p)...)
}

// externalImages warns about every image of a story that readers'
// browsers would fetch from another site: that site learns who reads the
// page, and when (a tracking pixel). Only a body that may have one is
// parsed for them: one with "![", and with "//" or what goldmark may
// read as a "/" in a destination, a character reference ("&#47;") or an
// escape ("\/").
func externalImages(rel string, body []byte, bodyLine int) content.Problems {
	if !bytes.Contains(body, []byte("![")) || !bytes.Contains(body, []byte("//")) && !bytes.ContainsAny(body, "&\\") {
		return nil
	}
	var ps content.Problems
	for _, l := range markdown.Links(body) {
		d := strings.ToLower(strings.TrimSpace(l.Dest))
		if !l.Image || !strings.HasPrefix(d, "http://") && !strings.HasPrefix(d, "https://") && !strings.HasPrefix(d, "//") {
			continue
		}
		ps = append(ps, content.Problem{Path: rel, Line: bodyLine + l.Line - 1, Col: column(body, l.Line, l.Dest), Field: "body", Warning: true,
			Message: "image " + strconv.Quote(l.Dest) + " is loaded from another site by every reader's browser, which tells that site who reads the page (a tracking pixel can hide this way): copy the image into the profile's bundle"})
	}
	return ps
}

// approver is who approved p, as pages name them: the partner.
func approver(p *content.Profile) string {
	if p.Partner.Name != "" {
		return p.Partner.Name
	}
	return "the partner"
}

// keyAt is where the value of key is written in p's file, else where its
// table is, else line 1. The file is read into *keys the first time a
// key it writes is asked for (see content.Profile.Writes).
func (c *Checker) keyAt(p *content.Profile, keys *content.FileKeys, key string) (line, col int) {
	if *keys == nil && c.fsys != nil && p.Writes(key) {
		*keys, _ = p.Keys(c.fsys)
	}
	if kp, ok := keys.Find(key); ok {
		return kp.Line, kp.ValueCol
	}
	return 1, 1
}

// field turns a key path into a field as problems name it:
// "resources.1.description" → "resources[2].description".
func field(key string) string {
	parts := strings.Split(key, ".")
	var b strings.Builder
	for i, part := range parts {
		if n, err := strconv.Atoi(part); err == nil && i > 0 {
			fmt.Fprintf(&b, "[%d]", n+1)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(part)
	}
	return b.String()
}

// A keyText is one public string of a profile and where it is written:
// the key, or the key in the table'th of an array of tables.
type keyText struct {
	table string // "resources", or "" for a key of a table
	i     int
	name  string // "description", or "partner.about"
	text  string
}

// key is the key path of the string: "partner.about", "resources.0.unit".
func (k keyText) key() string {
	if k.table == "" {
		return k.name
	}
	return k.table + "." + strconv.Itoa(k.i) + "." + k.name
}

// publicStrings calls each with every front matter string a profile
// publishes, except addresses (partner.url) and the fingerprint.
func publicStrings(p *content.Profile, each func(keyText)) {
	add := func(table string, i int, name, text string) {
		if text != "" {
			each(keyText{table, i, name, text})
		}
	}
	add("", 0, "title", p.Title)
	add("", 0, "summary", p.Summary)
	add("", 0, "partner.name", p.Partner.Name)
	add("", 0, "partner.about", p.Partner.About)
	add("", 0, "review.by", p.Review.By)
	add("", 0, "review.note", p.Review.Note)
	lists := [...]struct {
		key  string
		list []string
	}{{"branches", p.Branches}, {"neighborhoods", p.Neighborhoods}, {"audiences", p.Audiences}, {"languages", p.Languages}, {"tags", p.Tags}}
	for _, l := range lists {
		for _, s := range l.list {
			add("", 0, l.key, s)
		}
	}
	if p.Voice != nil {
		add("", 0, "partner_voice.quote", p.Voice.Quote)
		add("", 0, "partner_voice.by", p.Voice.By)
	}
	for i, r := range p.Resources {
		add("resources", i, "description", r.Description)
		add("resources", i, "unit", r.Unit)
	}
	for i, a := range p.Asks {
		add("asks", i, "ask", a.Ask)
		add("asks", i, "reason", a.Reason)
	}
	for i, o := range p.Outcomes {
		add("outcomes", i, "measure", o.Measure)
		add("outcomes", i, "unit", o.Unit)
		add("outcomes", i, "note", o.Note)
	}
}
