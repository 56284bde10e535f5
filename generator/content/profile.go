package content

import (
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/urls"
)

// The enumerations of SPEC §2, in the order pages list them.
var (
	Statuses     = []string{"planning", "active", "paused", "completed"}
	ReviewStates = []string{"draft", "in_review", "changes_requested", "approved"}
	Sides        = []string{"library", "partner"}
	Kinds        = []string{"money", "staff_time", "space", "marketing", "equipment", "materials", "other"}
	AskStatuses  = []string{"delivered", "in_progress", "planned", "declined"}
	profileKeys  = []string{"title", "slug", "summary", "status", "start", "end", "branches", "neighborhoods", "audiences", "languages", "tags", "partner", "partner_voice", "photos", "review", "resources", "asks", "outcomes", "surveys", "private"}
	resourceKeys = []string{"from", "kind", "amount", "currency", "unit", "value", "description", "date"}
	askKeys      = []string{"ask", "status", "reason", "date"}
	outcomeKeys  = []string{"measure", "value", "unit", "date", "note"}
	partnerKeys  = []string{"name", "url", "about", "org_id"}
	voiceKeys    = []string{"quote", "lang", "translation", "by"}
	photoKeys    = []string{"file", "alt", "credit"}
	reviewKeys   = []string{"state", "date", "by", "note", "fingerprint"}
	pageKeys     = []string{"title", "summary", "weight"}
)

// A Profile is one partnership: content/partnerships/<slug>.md or
// content/partnerships/<slug>/index.md. It holds no [private] value.
type Profile struct {
	Path        string   // relative to the site: "content/partnerships/x.md"
	BundleDir   string   // "content/partnerships/x" for a bundle, else ""
	BundleFiles []string // files of a bundle, relative to BundleDir
	Slug        string

	Title         string
	Summary       string
	Status        string
	Start, End    Date
	Branches      []string
	Neighborhoods []string
	Audiences     []string
	Languages     []string
	Tags          []string
	Partner       Partner
	Voice         *Voice // nil when the profile has no [partner_voice]
	Photos        []Photo
	Review        Review
	Resources     []Resource
	Asks          []Ask
	Outcomes      []Outcome
	Surveys       []Survey

	// Translations are the profile's translations that the site
	// publishes, by language code; nil when there are none.
	Translations map[string]*Translation

	// The Markdown story is kept only while a site's stories fit in
	// StoryBudget: ReadBody returns it or reads it again. BodyLine is the
	// file line where it starts.
	BodyLine int
	story    []byte // or nil
	bodySum  uint32 // the story's checksum when loaded: see ReadBody
	bodyLen  int

	// Fingerprint is the hash of what the profile publishes now; see
	// Fingerprint in fingerprint.go. When review.fingerprint is set, it
	// covers the names and hashes of the bundle's files too (WithBundle).
	Fingerprint string
	textPrint   string // Fingerprint without the bundle's files

	written uint32 // the keys and tables of profileKeys written in the file, a bit each: see Writes
}

// Partner is the organization the library works with.
type Partner struct {
	Name  string
	Slug  string // from Name: see PartnerSlug
	URL   string
	About string
	OrgID string // its org-id.guide identifier ("US-EIN-12-3456789"), or ""
}

// Voice is the partner's own words.
type Voice struct {
	Quote       string
	Lang        string // the quote's language (BCP 47) when given
	Translation string // the quote in the site's language, when given
	By          string
}

// A Photo is a picture of the partnership: a file of the profile's
// bundle, shown at the top of its page with its text alternative.
type Photo struct {
	File   string // relative to the bundle folder
	Alt    string
	Credit string
	at     Problem // where File is written, for the loader's check
}

// photoTypes are the extensions of the files a photo may be.
var photoTypes = []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"}

// checkPhotos reports each photo whose file is not one of the bundle's
// published files.
func (p *Profile) checkPhotos() Problems {
	var probs Problems
	for _, ph := range p.Photos {
		if !slices.Contains(p.BundleFiles, ph.File) {
			pr := ph.at
			pr.Message = quote(ph.File) + " is not a published file of this folder (" + p.BundleDir + "): put the photo beside index.md, or see the warnings about it"
			probs = append(probs, pr)
		}
	}
	return probs
}

// Review is the partner's consent to publish.
type Review struct {
	State       string
	Date        Date
	By          string
	Note        string
	Fingerprint string // as recorded by `alongside approve`, or ""
}

// ReadBody returns p's Markdown story (LF line endings): the one Load
// kept, or else read again from its file in fsys. Stories are most of a
// loaded profile's size, so Load keeps them only when they fit
// StoryBudget together; a build of a larger site reads them again when it
// writes their pages.
// ReadBody fails when the story read is not the one loaded (the file
// changed since), so that a page never pairs one version's facts with
// another's story, and reads no more of a file than Load would.
func (p *Profile) ReadBody(fsys fs.FS) ([]byte, error) {
	if p.story != nil {
		return p.story, nil
	}
	data, _, err := readFile(fsys, p.Path)
	if err != nil && !errors.Is(err, errTooLarge) && !errors.Is(err, ErrNotFile) {
		return nil, err
	}
	src, err := split(data) // no data (a file now too large, or no file at all): not the story loaded
	if err != nil || len(src.body) != p.bodyLen || crc32.Checksum(src.body, castagnoli) != p.bodySum {
		return nil, fmt.Errorf("%s changed while the site was being built: build again", p.Path)
	}
	return cleanStory(src.body), nil
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ForgetStories lets go of the stories Load kept: ReadBody reads them
// again from their files. Nothing may read s's profiles meanwhile.
func (s *Site) ForgetStories() {
	for _, p := range s.Profiles {
		p.story = nil
	}
}

// Approved reports whether the profile may be published.
func (p *Profile) Approved() bool { return p.Review.State == "approved" }

// Current reports whether the approval still holds: false when a
// fingerprint was recorded and the profile has changed since.
func (p *Profile) Current() bool {
	return p.Review.Fingerprint == "" || p.Review.Fingerprint == p.Fingerprint
}

// URL is the profile's path below the site root: "partnerships/<slug>/".
func (p *Profile) URL() string { return urls.Profile(p.Slug) }

// A Resource is what one side put in.
type Resource struct {
	From        string // library | partner
	Kind        string
	Amount      float64
	Currency    string // money: the resource's currency (the site's by default); else ""
	Unit        string // money: the currency; staff_time: "hours"; space: "room-hours"; else as written
	Description string
	Date        Date // as written, else the profile's start
	DateSet     bool // whether Date was written

	// Value is the money value in the site currency when Valued.
	// Estimated is true for valued in-kind support (everything but money).
	Value     float64
	Valued    bool
	Estimated bool
}

// An Ask is what the partner asked for, and what came of it.
type Ask struct {
	Ask    string
	Status string
	Reason string
	Date   Date // optional
}

// An Outcome is what came of the partnership. When its measure is one of
// the site's (Config.Measures), MeasureID is the measure's id and Measure
// and Unit are its label and unit; otherwise MeasureID is "" and Measure
// is free text, shown but never added up.
type Outcome struct {
	MeasureID string
	Measure   string
	Value     float64
	Unit      string
	Date      Date // as written, else the profile's start
	DateSet   bool
	Note      string
}

// ParseProfile reads one profile. rel is its path relative to the site
// ("content/partnerships/x.md" or "content/partnerships/x/index.md").
// The profile is nil when the file cannot be read at all; otherwise it is
// filled in as far as possible, even when there are problems.
func ParseProfile(rel string, data []byte, cfg *Config) (*Profile, Problems) {
	p, probs, _ := parseProfile(rel, data, cfg)
	return p, probs
}

// parseProfile is ParseProfile, which also returns the story: part of
// data.
func parseProfile(rel string, data []byte, cfg *Config) (*Profile, Problems, []byte) {
	d, src, m, ok := parseFront(rel, data)
	if !ok {
		return nil, d.problems, nil
	}
	p := &Profile{Path: rel, BodyLine: src.bodyLine, bodySum: crc32.Checksum(src.body, castagnoli), bodyLen: len(src.body)}
	if base := path.Base(rel); base == "index.md" {
		p.BundleDir = path.Dir(rel)
		p.Slug = path.Base(p.BundleDir)
	} else {
		p.Slug = strings.TrimSuffix(base, ".md")
	}
	t := d.top(m)
	t.known(profileKeys...)
	for k := range m {
		if i := slices.Index(profileKeys, k); i >= 0 {
			p.written |= 1 << i
		}
	}
	if s := t.str("slug", false); s != "" {
		if !ValidSlug(s) {
			t.errf("slug", "%q is not a slug: use lower-case letters, digits and single hyphens, at most 100 of them", s)
		} else {
			p.Slug = s
		}
	} else if !ValidSlug(p.Slug) {
		d.problems = append(d.problems, Problem{Path: rel, Line: 1, Col: 1, Field: "slug",
			Message: "the file name " + quote(p.Slug) + " is not a slug: rename it with lower-case letters, digits and single hyphens, at most 100 of them (for example " + quote(PartnerSlug(p.Slug)) + "), or set slug = \"…\""})
	}
	p.Title = t.str("title", true)
	p.Summary = t.str("summary", false)
	p.Status = t.enum("status", true, Statuses...)
	p.Start = t.date("start", true)
	p.End = t.date("end", false)
	if p.Start.Set() && p.End.Set() && p.End.Before(p.Start.Time) {
		t.errf("end", "%s is before start (%s)", p.End, p.Start)
	}
	p.Branches = t.strs("branches")
	p.Neighborhoods = t.strs("neighborhoods")
	p.Audiences = t.strs("audiences")
	p.Languages = t.strs("languages")
	for _, l := range p.Languages {
		if !langRE.MatchString(l) {
			t.errf("languages", "%q is not a language code like \"es\" or \"zh-Hant\"", l)
		}
	}
	p.Tags = t.strs("tags")

	pt, _ := t.sub("partner")
	pt.known(partnerKeys...)
	p.Partner.Name = intern(pt.name("name", true))
	p.Partner.Slug = intern(PartnerSlug(p.Partner.Name))
	p.Partner.URL = intern(pt.webURL("url"))
	p.Partner.About = intern(pt.raw("about", false))
	if id := pt.raw("org_id", false); id != "" {
		if msg := CheckOrgID(id); msg != "" {
			pt.errf("org_id", "%s", msg)
		} else {
			p.Partner.OrgID = intern(id)
		}
	}

	if vt, ok := t.sub("partner_voice"); ok {
		vt.known(voiceKeys...)
		p.Voice = &Voice{Quote: vt.str("quote", true), Translation: vt.str("translation", false), By: vt.str("by", false)}
		if l := vt.str("lang", false); l != "" && !langRE.MatchString(l) {
			vt.errf("lang", "%q is not a language code: write one like \"es\", \"so\" or \"zh-Hant\"", l)
		} else {
			p.Voice.Lang = l
		}
	}
	for _, pt := range t.subs("photos") {
		pt.known(photoKeys...)
		ph := Photo{File: pt.str("file", true), Alt: pt.str("alt", true), Credit: pt.str("credit", false)}
		line, col := pt.where("file")
		ph.at = Problem{Path: rel, Line: line, Col: col, Field: pt.fieldName("file")}
		switch {
		case p.BundleDir == "":
			pt.errf("file", "a photo is shown only from a bundle: move this profile to %s/index.md and put the photo beside it", strings.TrimSuffix(rel, ".md"))
		case ph.File != "" && !slices.Contains(photoTypes, strings.ToLower(path.Ext(ph.File))):
			pt.errf("file", "%q is not a photo: use a .jpg, .png, .gif, .webp, .avif or .svg file", ph.File)
		}
		p.Photos = append(p.Photos, ph)
	}

	rt, _ := t.sub("review")
	rt.known(reviewKeys...)
	p.Review.State = rt.enum("state", true, ReviewStates...)
	p.Review.Date = rt.date("date", p.Review.State == "approved")
	p.Review.By = rt.str("by", false)
	p.Review.Note = rt.str("note", false)
	p.Review.Fingerprint = rt.str("fingerprint", false)

	// Each list is allocated at its length: a large site keeps them all.
	rs := t.subs("resources")
	p.Resources = make([]Resource, 0, len(rs))
	for _, r := range rs {
		p.Resources = append(p.Resources, parseResource(r, p, cfg))
	}
	as := t.subs("asks")
	p.Asks = make([]Ask, 0, len(as))
	for _, a := range as {
		a.known(askKeys...)
		ask := Ask{Ask: a.str("ask", true), Status: a.enum("status", true, AskStatuses...), Reason: a.str("reason", false), Date: a.date("date", false)}
		if ask.Status == "declined" && strings.TrimSpace(ask.Reason) == "" {
			a.errf("reason", "a declined ask needs a reason: say plainly why the library could not do it")
		}
		p.Asks = append(p.Asks, ask)
	}
	outs := t.subs("outcomes")
	p.Outcomes = make([]Outcome, 0, len(outs))
	for _, o := range outs {
		p.Outcomes = append(p.Outcomes, parseOutcome(o, p, cfg))
	}
	if svs := t.subs("surveys"); len(svs) > 0 {
		p.Surveys = make([]Survey, 0, len(svs))
		for _, s := range svs {
			p.Surveys = append(p.Surveys, parseSurvey(s, p))
		}
	}
	if v, ok := m["private"]; ok {
		if _, isTable := v.(map[string]any); !isTable {
			t.errf("private", "must be a table, written [private] on a line of its own")
		}
	}
	p.Fingerprint = Fingerprint(m, src.body)
	body, probs := story(rel, src.body, src.bodyLine)
	return p, append(d.problems, probs...), body
}

func parseResource(r table, p *Profile, cfg *Config) Resource {
	r.known(resourceKeys...)
	res := Resource{
		From:        r.enum("from", true, Sides...),
		Kind:        r.enum("kind", true, Kinds...),
		Description: r.str("description", false),
		Date:        r.date("date", false),
	}
	res.Amount, _ = r.num("amount", true)
	res.DateSet = res.Date.Set()
	if !res.DateSet {
		res.Date = p.Start
	}
	cur := r.str("currency", false)
	unit := intern(r.raw("unit", false))
	switch res.Kind {
	case "money":
		res.Currency = cfg.Currency
		if cur != "" {
			if msg := checkCurrency(cur); msg != "" {
				r.errf("currency", "%s", msg)
			} else {
				res.Currency = cur
			}
		}
		res.Unit = res.Currency
	case "staff_time", "space":
		res.Unit = map[string]string{"staff_time": "hours", "space": "room-hours"}[res.Kind]
	default:
		res.Unit = unit
		if res.Kind != "" && strings.TrimSpace(unit) == "" {
			r.missing("unit")
		}
	}
	if cur != "" && res.Kind != "money" && res.Kind != "" {
		r.errf("currency", "only money has a currency (the value of in-kind support is always in %s)", cfg.Currency)
	}
	if unit != "" && (res.Kind == "money" || res.Kind == "staff_time" || res.Kind == "space") {
		r.errf("unit", "%s is counted in %s; remove unit", res.Kind, res.Unit)
	}
	if v, ok := r.num("value", false); ok {
		res.Value, res.Valued = v, true
	} else {
		switch {
		case res.Kind == "money" && res.Currency == cfg.Currency:
			res.Value, res.Valued = res.Amount, true
		case res.Kind == "staff_time" && cfg.Valuation.StaffTime > 0:
			res.Value, res.Valued = res.Amount*cfg.Valuation.StaffTime, true
		case res.Kind == "space" && cfg.Valuation.Space > 0:
			res.Value, res.Valued = res.Amount*cfg.Valuation.Space, true
		}
	}
	res.Estimated = res.Valued && res.Kind != "money"
	return res
}

// A Page is content/_index.md or a page in content/pages/.
type Page struct {
	Path      string // relative to the site
	Name      string // URL name: /<name>/; "" for the home page
	Title     string
	Summary   string
	Weight    int
	HasWeight bool // pages with a weight are in the navigation
	Body      []byte
	BodyLine  int
	// Translations by language code; nil when there are none.
	Translations map[string]*Translation
}

// ParsePage reads content/_index.md (home true) or a content page.
func ParsePage(rel string, data []byte, home bool) (*Page, Problems) {
	d, src, m, ok := parseFront(rel, data)
	if !ok {
		return nil, d.problems
	}
	body, probs := story(rel, src.body, src.bodyLine)
	pg := &Page{Path: rel, Body: body, BodyLine: src.bodyLine}
	d.problems = append(d.problems, probs...)
	t := d.top(m)
	if home {
		t.known("title", "summary")
		pg.Title = t.str("title", false)
	} else {
		t.known(pageKeys...)
		pg.Name = strings.TrimSuffix(path.Base(rel), ".md")
		pg.Title = t.str("title", true)
		pg.Weight, pg.HasWeight = t.integer("weight")
		switch {
		case !ValidSlug(pg.Name):
			d.problems = append(d.problems, Problem{Path: rel, Line: 1, Col: 1, Field: "name",
				Message: "the file name " + quote(pg.Name) + " is not usable in an address: use lower-case letters, digits and single hyphens"})
		case reservedPage(pg.Name):
			d.problems = append(d.problems, Problem{Path: rel, Line: 1, Col: 1, Field: "name",
				Message: "/" + pg.Name + "/ is used by alongside itself; rename the file"})
		}
	}
	pg.Summary = t.str("summary", false)
	return pg, d.problems
}

// parseFront splits a content file and decodes its front matter; when ok
// is false, d.problems says why.
func parseFront(rel string, data []byte) (d *decoder, src source, m map[string]any, ok bool) {
	d = &decoder{path: rel, openLine: 1}
	src, err := split(data)
	if err != nil {
		d.problems = Problems{splitProblem(rel, err)}
		return d, src, nil, false
	}
	if d.problems = checkStory(rel, src); d.problems != nil {
		return d, src, nil, false
	}
	m, ok = d.decodeTOML(src.front, src.frontLine)
	return d, src, m, ok
}

func splitProblem(rel string, err error) Problem {
	line := 1
	if se, ok := err.(*splitErr); ok {
		line = se.line
	}
	return Problem{Path: rel, Line: line, Col: 1, Message: err.Error()}
}

func quote(s string) string { return `"` + s + `"` }
