package render

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"image"
	_ "image/gif" // photo sizes
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/i18n"
	"github.com/alongside-dev/alongside/generator/ledger"
	"github.com/alongside-dev/alongside/generator/urls"
)

// profileTasks makes one task per published profile: its page, its card,
// and its bundle files.
func (b *build) profileTasks() []task {
	b.profiles = make([]*Card, len(b.published))
	tasks := make([]task, len(b.published))
	for i, p := range b.published {
		tasks[i] = func(wk *worker) (err error) {
			b.profiles[i], err = b.profilePage(wk, p, b.profileView(p))
			return err
		}
	}
	return tasks
}

// profilePage writes p's page (and, in the default language, its bundle
// files) from its view v, and returns its card.
func (b *build) profilePage(wk *worker, p *content.Profile, v *Profile) (*Card, error) {
	desc := v.Summary
	if desc == "" {
		desc = b.l.cat.T("profile.description", "title", v.Title, "library", b.view.Library, "partner", v.Partner.Name)
	}
	pg := b.page("profile", p.URL(), v.Title, desc)
	pg.Profile = v
	pg.NoIndex = v.Review.Banner
	tr := b.translation(p.Translations)
	if tr == nil {
		pg.TranslationNote = b.translationNote(p.URL(), v.TitleLang, nil)
	} else {
		pg.TranslationNote = b.translationNote(p.URL(), "", tr.Stale)
	}
	var err error
	if pg.JSONLD, err = b.jsonLD(p, v); err != nil {
		return nil, err
	}
	if b.fsys == nil {
		return nil, fmt.Errorf("render: %s: no site folder to read its story from", p.Path)
	}
	var body []byte
	if tr != nil && len(tr.Story) > 0 {
		body = tr.Story
		v.Story, err = b.markdownFrom(wk, tr.Path, body, "/"+p.URL())
	} else {
		if body, err = p.ReadBody(b.fsys); err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
		if b.opts.Story != nil && b.code == "" {
			b.opts.Story(p, body)
		}
		if b.code == "" {
			v.Story, err = b.markdown(wk, p.Path, body)
		} else {
			v.StoryLang = b.defaultLang()
			v.Story, err = b.markdownFrom(wk, p.Path, body, "/"+p.URL())
		}
	}
	if err != nil {
		return nil, err
	}
	if err := b.execute(wk, pg); err != nil {
		return nil, err
	}
	v.Story = "" // a card is made without the story, as homeFirst makes it
	card, err := b.card(wk, p, v)
	if err != nil {
		return nil, err
	}

	if b.code != "" {
		return card, nil // bundle files are published once, beside the default language's page
	}
	for _, f := range p.BundleFiles {
		if f == "index.html" {
			continue // the page itself
		}
		if err := b.copy(p.URL()+f, b.fsys, p.BundlePath(f)); err != nil {
			return nil, err
		}
	}
	return card, nil
}

// card returns p's card: the "card" template run on its view v.
func (b *build) card(wk *worker, p *content.Profile, v *Profile) (*Card, error) {
	wk.page.Reset()
	if err := b.l.base.ExecuteTemplate(&wk.page, "card", v); err != nil {
		return nil, fmt.Errorf("render: card of %s: %w", p.Path, err)
	}
	return &Card{Card: template.HTML(wk.page.String()), b: b, p: p}, nil
}

// copy writes the file src of fsys as name.
func (b *build) copy(name string, fsys fs.FS, src string) error {
	if fsys == nil {
		return fmt.Errorf("render: %s: no site folder to copy it from", src)
	}
	f, err := fsys.Open(src)
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	defer f.Close()
	// Streamed: a bundle's video of gigabytes never sits in memory.
	if err := b.w.WriteStream(name, func(w io.Writer) error { _, err := io.Copy(w, f); return err }); err != nil {
		return err
	}
	b.files.Add(1)
	return nil
}

// profileView turns a profile into what its page and card show, in b's
// language: its words from its translation where it has them, else from
// the profile, marked with their language (see build.words).
func (b *build) profileView(p *content.Profile) *Profile {
	cfg := &b.site.Config
	c := b.l.cat
	tr := b.textOf(p)
	v := b.cardFields(p, tr)
	v.Branches = b.termLinks("branches", p.Branches)
	v.Neighborhoods = b.termLinks("neighborhoods", p.Neighborhoods)
	v.Audiences = b.termLinks("audiences", p.Audiences)
	v.Tags = b.termLinks("tags", p.Tags)
	v.Correction = correctionURL(cfg.Corrections, c.T("profile.correction_subject", "title", p.Title))
	for _, l := range p.Languages {
		v.Languages = append(v.Languages, c.LanguageName(l))
	}
	if p.Voice != nil {
		by := p.Voice.By
		if by == "" {
			by = p.Partner.Name
		}
		v.Voice = &Voice{Quote: p.Voice.Quote, By: by,
			Lang: cmp.Or(p.Voice.Lang, quoteLang(p.Voice.Quote, p.Languages, cfg.Language)), Dir: direction(p.Voice.Quote)}
		if p.Voice.Translation != "" {
			v.Voice.Translation, v.Voice.TranslationLang = p.Voice.Translation, cfg.Language
		}
		if tr.Quote != "" && tr.Quote != p.Voice.Quote {
			// The quote in the page's language, beside the partner's own words.
			v.Voice.Translation, v.Voice.TranslationLang = tr.Quote, c.Lang()
		}
	}
	if len(p.Photos) > 0 {
		v.Photo = b.photo(p, p.Photos[0])
	}
	t := ledger.Of(p)
	v.Sides = []Side{
		b.side("library", cfg.Library, p.Resources, tr.Resources, &t.Library),
		b.side("partner", p.Partner.Name, p.Resources, tr.Resources, &t.Partner),
	}
	v.Asks = b.asks(p.Asks, tr.Asks)
	v.AskSummary = askSummary(c, t.Asks)
	for i := range p.Outcomes {
		var ot content.OutcomeText
		if i < len(tr.Outcomes) {
			ot = tr.Outcomes[i]
		}
		v.Outcomes = append(v.Outcomes, b.outcomeView(&p.Outcomes[i], ot))
	}
	for i := range p.Surveys {
		v.Surveys = append(v.Surveys, surveyView(c, &p.Surveys[i]))
	}
	if len(v.Surveys) > 0 {
		v.SurveyTable = surveyTable(c, "surveys", v.Surveys)
	}
	v.FactItems = factItems(c, v)
	v.AskItems = askItems(c, v.Asks)
	if len(v.Outcomes) > 0 {
		v.OutcomeTable = outcomeTable(c, v.Outcomes)
	}
	for i := range v.Sides {
		sd := &v.Sides[i]
		if len(sd.Rows) > 0 {
			sd.Table = resourceTable(c, sd, cfg.Currency)
		}
		sd.SubtotalItems = subtotalItems(c, sd.Subtotals)
	}
	return v
}

// cardFields is the part of p's view that a card shows (see Card): its
// title and summary, addresses, status, dates, partner and review. tr is
// b.textOf(p).
func (b *build) cardFields(p *content.Profile, tr *content.Translation) *Profile {
	c := b.l.cat
	start, end := dateView(c, p.Start), dateView(c, p.End)
	v := &Profile{
		Slug: p.Slug, URL: b.at(p.URL()), Canonical: b.opts.BaseURL + urls.In(b.code, p.URL()),
		Status: label(c, p.Status), Start: start, End: end,
		Dates: span(c, start, end, !p.Start.After(b.today.Time)),
		Partner: Partner{
			Name: p.Partner.Name, URL: b.at(urls.Partner(p.Partner.Slug)),
			Website: p.Partner.URL, WebsiteHost: host(p.Partner.URL),
		},
		Review: Review{
			State: label(c, p.Review.State), Approved: p.Approved(), Current: p.Current(),
			Banner: !p.Approved(), Partner: p.Partner.Name, Date: dateView(c, p.Review.Date),
			By: p.Review.By, Note: p.Review.Note,
		},
	}
	v.Title, v.TitleLang = b.words(tr.Title, p.Title)
	v.Summary, v.SummaryLang = b.words(tr.Summary, p.Summary)
	v.Partner.About, v.Partner.AboutLang = b.words(tr.About, p.Partner.About)
	return v
}

// termLinks links names to their term pages in taxonomy.
func (b *build) termLinks(taxonomy string, names []string) []Link {
	if len(names) == 0 {
		return nil
	}
	links := make([]Link, len(names))
	for i, n := range names {
		links[i] = Link{Title: n, URL: b.at(urls.Term(taxonomy, b.slug(n)))}
	}
	return links
}

// slug is content.TermSlug(name), remembered: the same few names come
// back on most profiles.
func (b *build) slug(name string) string {
	if s, ok := b.slugs.Load(name); ok {
		return s.(string)
	}
	s := content.TermSlug(name)
	b.slugs.Store(name, s)
	return s
}

// side is the table of what one side put in, with its subtotals from
// the ledger (t, the side's totals): money by currency, staff hours,
// room-hours and the estimated value of in-kind support. words are the
// translated descriptions of resources, by position.
func (b *build) side(from, name string, resources []content.Resource, words []string, t *ledger.Side) Side {
	c, siteCur := b.l.cat, b.site.Config.Currency
	s := Side{Key: from, Title: c.T("profile.from_" + from), Name: name}
	for i, r := range resources {
		if r.From != from {
			continue
		}
		row := Resource{Kind: c.Label(r.Kind), Date: dateView(c, r.Date), Estimated: r.Estimated}
		var tr string
		if i < len(words) {
			tr = words[i]
		}
		row.Description, row.Lang = b.words(tr, r.Description)
		if r.Kind == "money" {
			row.Amount = c.Money(r.Amount, r.Currency, siteCur)
		} else {
			row.Amount = c.Quantity(r.Amount, r.Unit)
		}
		if r.Valued {
			row.Value = c.Money(r.Value, siteCur, siteCur)
		}
		s.Rows = append(s.Rows, row)
	}
	for _, cur := range ledger.Currencies(siteCur, t) {
		s.Subtotals = append(s.Subtotals, Subtotal{Label: c.T("subtotal.money", "currency", cur), Value: c.Money(t.Money[cur], cur, siteCur)})
	}
	if t.Kinds["staff_time"].Items > 0 {
		s.Subtotals = append(s.Subtotals, Subtotal{Label: c.Label("staff_time"), Value: c.Quantity(t.StaffHours, "hours")})
	}
	if t.Kinds["space"].Items > 0 {
		s.Subtotals = append(s.Subtotals, Subtotal{Label: c.Label("space"), Value: c.Quantity(t.RoomHours, "room-hours")})
	}
	if t.EstimatedItems() > 0 {
		s.Subtotals = append(s.Subtotals, Subtotal{Label: c.T("subtotal.estimated"), Value: c.Money(t.EstimatedValue, siteCur, siteCur), Estimated: true})
	}
	if len(s.Rows) > 0 {
		l := c.T("subtotal.total")
		if t.EstimatedItems() > 0 {
			l = c.T("subtotal.total_estimates")
		}
		if n := t.Unvalued(); n > 0 {
			l = c.T("subtotal.total_unvalued", "total", l, "unvalued", c.N("count.resources_unvalued", float64(n)))
		}
		s.Subtotals = append(s.Subtotals, Subtotal{Label: l, Value: c.Money(t.TotalValue, siteCur, siteCur), Estimated: t.EstimatedItems() > 0})
	}
	return s
}

// asks are the views of asks in b's language; words are their
// translation's, by position.
func (b *build) asks(asks []content.Ask, words []content.AskText) []Ask {
	c := b.l.cat
	out := make([]Ask, 0, len(asks))
	for i, a := range asks {
		var w content.AskText
		if i < len(words) {
			w = words[i]
		}
		v := Ask{Status: label(c, a.Status), Date: dateView(c, a.Date), Reason: a.Reason}
		v.Ask, v.Lang = b.words(w.Ask, a.Ask)
		if v.Lang == "" && w.Reason != "" {
			v.Reason = w.Reason // an ask and its reason share one lang
		}
		out = append(out, v)
	}
	return out
}

// askSummary is "4 asks: 1 delivered, 2 declined, 1 planned.", or "".
func askSummary(c *i18n.Catalog, asks ledger.AskCounts) string {
	n := asks.Total()
	if n == 0 {
		return ""
	}
	var parts []string
	for _, s := range content.AskStatuses {
		if k := asks.Get(s); k > 0 {
			parts = append(parts, c.N("count.asks_"+s, float64(k)))
		}
	}
	return c.T("ask.summary", "asks", c.N("count.asks", float64(n)), "statuses", strings.Join(parts, ", "))
}

// outcomeView is one outcome as pages show it in b's language; words are
// its translation's.
func (b *build) outcomeView(o *content.Outcome, words content.OutcomeText) Outcome {
	c := b.l.cat
	v := Outcome{Value: c.Quantity(o.Value, o.Unit), Date: dateView(c, o.Date), Counted: o.MeasureID != ""}
	if o.MeasureID != "" {
		v.Measure = o.Measure // the site measure's label, from site.toml
		v.Note, v.Lang = b.words(words.Note, o.Note)
		return v
	}
	v.Measure, v.Lang = b.words(words.Measure, o.Measure)
	if v.Lang == "" {
		v.Note = cmp.Or(words.Note, o.Note)
	} else {
		v.Note = o.Note
	}
	return v
}

// surveyView is one survey as pages show it: each count with its share
// of the survey's respondents.
func surveyView(c *i18n.Catalog, s *content.Survey) Survey {
	v := Survey{Topic: c.Label(s.Topic), Date: dateView(c, s.Date), Respondents: c.Number(float64(s.Respondents))}
	for _, o := range content.SurveyOutcomes {
		sum := ledger.SurveySum{Respondents: s.Respondents}
		n := s.Agreed(o)
		switch o {
		case "knowledge":
			sum.Knowledge = n
		case "confidence":
			sum.Confidence = n
		case "application":
			sum.Application = n
		case "awareness":
			sum.Awareness = n
		}
		v.Agreed = append(v.Agreed, c.T("table.agreed", "count", c.Number(float64(n)), "percent", c.Percent(float64(sum.Percent(o)))))
	}
	return v
}

// ldRef is a reference to a node described elsewhere in the page's
// JSON-LD, by its @id.
type ldRef struct {
	ID string `json:"@id"`
}

// ldOrg is a schema.org Organization with a stable @id: the library's is
// the site's address + "#library", a partner's its page + "#org", so
// that every page and every site that names them names the same node.
type ldOrg struct {
	Type        string `json:"@type"`
	ID          string `json:"@id"`
	Name        string `json:"name"`
	URL         string `json:"url,omitempty"`
	Description string `json:"description,omitempty"`
}

// ldGrant is a payment of money from the library to the partner: a
// schema.org MonetaryGrant whose funder is the library and whose funded
// item is the partner (schema.org's Grant has no recipient).
type ldGrant struct {
	Type       string   `json:"@type"`
	Name       string   `json:"name"`
	Amount     ldAmount `json:"amount"`
	Funder     ldRef    `json:"funder"`
	FundedItem ldRef    `json:"fundedItem"`
	Date       string   `json:"startDate,omitempty"`
}

type ldAmount struct {
	Type     string  `json:"@type"`
	Currency string  `json:"currency"`
	Value    float64 `json:"value"`
}

// ldProject is the schema.org Project of a profile page, at the page's
// address + "#project". A Project is an Organization, so the
// partnership's dates are its foundingDate and dissolutionDate
// (schema.org has no startDate on Organization). The library sponsors
// it, both are its members, and its funding is the library's money.
type ldProject struct {
	Context     string    `json:"@context"`
	Type        string    `json:"@type"`
	ID          string    `json:"@id"`
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	URL         string    `json:"url"`
	Start       string    `json:"foundingDate,omitempty"`
	End         string    `json:"dissolutionDate,omitempty"`
	Sponsor     ldRef     `json:"sponsor"`
	Member      []ldOrg   `json:"member"`
	Funding     []ldGrant `json:"funding,omitempty"`
	Languages   []string  `json:"knowsLanguage,omitempty"`
	Area        []string  `json:"areaServed,omitempty"`
	Keywords    []string  `json:"keywords,omitempty"`
	InLanguage  string    `json:"inLanguage,omitempty"`
}

// jsonLD is the JSON-LD of a profile page, the one description of a
// partnership in schema.org terms. encoding/json escapes <, > and &, so
// no string in it can close the <script> element around it.
func (b *build) jsonLD(p *content.Profile, v *Profile) (template.JS, error) {
	library := ldOrg{Type: "Organization", ID: b.opts.BaseURL + "#library", Name: b.site.Config.Library}
	partner := ldOrg{Type: "Organization", ID: b.opts.BaseURL + urls.Partner(p.Partner.Slug) + "#org",
		Name: p.Partner.Name, URL: p.Partner.URL, Description: p.Partner.About}
	ld := ldProject{
		Context: "https://schema.org", Type: "Project", ID: b.opts.BaseURL + p.URL() + "#project",
		Name: v.Title, Description: v.Summary, URL: v.Canonical, InLanguage: cmp.Or(v.TitleLang, b.l.cat.Lang()),
		Start: p.Start.String(), End: p.End.String(),
		Sponsor:   ldRef{library.ID},
		Member:    []ldOrg{library, partner},
		Languages: p.Languages, Area: p.Neighborhoods, Keywords: p.Tags,
	}
	for i := range p.Resources {
		r := &p.Resources[i]
		if r.From != "library" || r.Kind != "money" {
			continue
		}
		ld.Funding = append(ld.Funding, ldGrant{
			Type: "MonetaryGrant", Name: cmp.Or(r.Description, "Money from "+library.Name),
			Amount: ldAmount{Type: "MonetaryAmount", Currency: r.Currency, Value: r.Amount},
			Funder: ldRef{library.ID}, FundedItem: ldRef{partner.ID}, Date: r.Date.String(),
		})
	}
	data, err := json.Marshal(ld)
	if err != nil {
		return "", fmt.Errorf("render: %s: JSON-LD: %w", p.Path, err)
	}
	return template.JS(data), nil
}

// photo is the view of ph, a photo of p's bundle: its address (through
// the Image hook of a proof, which inlines it), and its size when the
// standard library can read it from the file's header, so that the page
// does not move when it loads.
func (b *build) photo(p *content.Profile, ph content.Photo) *Photo {
	v := &Photo{URL: b.base + p.URL() + ph.File, Alt: ph.Alt, Credit: ph.Credit}
	if b.image != nil {
		v.URL = b.image(ph.File)
	}
	if b.fsys == nil {
		return v
	}
	f, err := b.fsys.Open(p.BundlePath(ph.File))
	if err != nil {
		return v
	}
	defer f.Close()
	if c, _, err := image.DecodeConfig(f); err == nil {
		v.Width, v.Height = c.Width, c.Height
	}
	return v
}
