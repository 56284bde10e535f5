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
	"strconv"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/ledger"
	"github.com/alongside-dev/alongside/generator/urls"
)

// profileTasks makes one task per published profile: its page, its card,
// and its bundle files.
func (b *build) profileTasks() []task {
	b.profiles = make([]*Profile, len(b.published))
	tasks := make([]task, len(b.published))
	for i, p := range b.published {
		tasks[i] = func(wk *worker) error {
			v := b.profileView(p)
			err := b.profilePage(wk, p, v)
			b.profiles[i] = v.cardView()
			return err
		}
	}
	return tasks
}

func (b *build) profilePage(wk *worker, p *content.Profile, v *Profile) error {
	desc := v.Summary
	if desc == "" {
		desc = v.Title + ": a partnership between " + b.view.Library + " and " + v.Partner.Name + "."
	}
	pg := b.page("profile", p.URL(), v.Title, desc)
	pg.Profile = v
	pg.NoIndex = v.Review.Banner
	var err error
	if pg.JSONLD, err = b.jsonLD(p, v); err != nil {
		return err
	}
	if b.fsys == nil {
		return fmt.Errorf("render: %s: no site folder to read its story from", p.Path)
	}
	body, err := p.ReadBody(b.fsys)
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	if b.opts.Story != nil {
		b.opts.Story(p, body)
	}
	if v.Story, err = b.markdown(wk, p.Path, body); err != nil {
		return err
	}
	if err := b.execute(wk, pg); err != nil {
		return err
	}
	v.Story = "" // pages are written; keep only what cards need

	wk.page.Reset()
	if err := b.l.base.ExecuteTemplate(&wk.page, "card", v); err != nil {
		return fmt.Errorf("render: card of %s: %w", p.Path, err)
	}
	v.Card = template.HTML(wk.page.String())

	for _, f := range p.BundleFiles {
		if f == "index.html" {
			continue // the page itself
		}
		if err := b.copy(p.URL()+f, b.fsys, p.BundlePath(f)); err != nil {
			return err
		}
	}
	return nil
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

// profileView turns a profile into what its page and card show.
func (b *build) profileView(p *content.Profile) *Profile {
	cfg := &b.site.Config
	base := b.view.Base
	start, end := dateView(p.Start), dateView(p.End)
	v := &Profile{
		Slug: p.Slug, Title: p.Title, Summary: p.Summary,
		URL: base + p.URL(), Canonical: b.view.BaseURL + p.URL(),
		Status: label(p.Status), Start: start, End: end,
		Dates: span(start, end, !p.Start.After(b.today.Time)),
		Partner: Partner{
			Name: p.Partner.Name, URL: base + urls.Partner(p.Partner.Slug),
			Website: p.Partner.URL, WebsiteHost: host(p.Partner.URL), About: p.Partner.About,
		},
		Branches:      b.termLinks("branches", p.Branches),
		Neighborhoods: b.termLinks("neighborhoods", p.Neighborhoods),
		Audiences:     b.termLinks("audiences", p.Audiences),
		Tags:          b.termLinks("tags", p.Tags),
		Correction:    correctionURL(cfg.Corrections, p.Title),
	}
	for _, l := range p.Languages {
		v.Languages = append(v.Languages, LanguageName(l))
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
	}
	if len(p.Photos) > 0 {
		v.Photo = b.photo(p, p.Photos[0])
	}
	v.Review = Review{
		State: label(p.Review.State), Approved: p.Approved(), Current: p.Current(),
		Banner: !p.Approved(), Partner: p.Partner.Name, Date: dateView(p.Review.Date),
		By: p.Review.By, Note: p.Review.Note,
	}
	t := ledger.Of(p)
	v.Sides = []Side{
		side("library", cfg.Library, p.Resources, &t.Library, cfg.Currency),
		side("partner", p.Partner.Name, p.Resources, &t.Partner, cfg.Currency),
	}
	for _, a := range p.Asks {
		v.Asks = append(v.Asks, Ask{Ask: a.Ask, Status: label(a.Status), Reason: a.Reason, Date: dateView(a.Date)})
	}
	v.AskSummary = askSummary(t.Asks)
	for i := range p.Outcomes {
		v.Outcomes = append(v.Outcomes, outcomeView(&p.Outcomes[i]))
	}
	for i := range p.Surveys {
		v.Surveys = append(v.Surveys, surveyView(&p.Surveys[i]))
	}
	if len(v.Surveys) > 0 {
		v.SurveyTable = surveyTable("surveys", "Patron surveys", v.Surveys)
	}
	v.FactItems = factItems(v)
	v.AskItems = askItems(v.Asks)
	if len(v.Outcomes) > 0 {
		v.OutcomeTable = outcomeTable(v.Outcomes)
	}
	for i := range v.Sides {
		sd := &v.Sides[i]
		if len(sd.Rows) > 0 {
			sd.Table = resourceTable(sd, cfg.Currency)
		}
		sd.SubtotalItems = subtotalItems(sd.Subtotals)
	}
	return v
}

// termLinks links names to their term pages in taxonomy.
func (b *build) termLinks(taxonomy string, names []string) []Link {
	if len(names) == 0 {
		return nil
	}
	links := make([]Link, len(names))
	for i, n := range names {
		links[i] = Link{n, b.view.Base + taxonomy + "/" + b.slug(n) + "/"}
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
// room-hours and the estimated value of in-kind support.
func side(from, name string, resources []content.Resource, t *ledger.Side, siteCur string) Side {
	s := Side{Key: from, Title: "From the " + from, Name: name}
	for _, r := range resources {
		if r.From != from {
			continue
		}
		row := Resource{Kind: label(r.Kind).Text, Description: r.Description, Date: dateView(r.Date), Estimated: r.Estimated}
		if r.Kind == "money" {
			row.Amount = Money(r.Amount, r.Currency, siteCur)
		} else {
			row.Amount = Quantity(r.Amount, r.Unit)
		}
		if r.Valued {
			row.Value = Money(r.Value, siteCur, siteCur)
		}
		s.Rows = append(s.Rows, row)
	}
	for _, c := range ledger.Currencies(siteCur, t) {
		s.Subtotals = append(s.Subtotals, Subtotal{Label: label("money").Text + " (" + c + ")", Value: Money(t.Money[c], c, siteCur)})
	}
	if t.Kinds["staff_time"].Items > 0 {
		s.Subtotals = append(s.Subtotals, Subtotal{Label: label("staff_time").Text, Value: Quantity(t.StaffHours, "hours")})
	}
	if t.Kinds["space"].Items > 0 {
		s.Subtotals = append(s.Subtotals, Subtotal{Label: label("space").Text, Value: Quantity(t.RoomHours, "room-hours")})
	}
	if t.EstimatedItems() > 0 {
		s.Subtotals = append(s.Subtotals, Subtotal{Label: "Estimated value of in-kind support", Value: Money(t.EstimatedValue, siteCur, siteCur), Estimated: true})
	}
	if len(s.Rows) > 0 {
		l := "Total value"
		if t.EstimatedItems() > 0 {
			l = "Total value, including estimates"
		}
		if n := t.Unvalued(); n > 0 {
			l += " (leaves out " + plural(n, "resource", "resources") + " without a value)"
		}
		s.Subtotals = append(s.Subtotals, Subtotal{Label: l, Value: Money(t.TotalValue, siteCur, siteCur), Estimated: t.EstimatedItems() > 0})
	}
	return s
}

// askSummary is "4 asks: 1 delivered, 2 declined, 1 planned.", or "".
func askSummary(asks ledger.AskCounts) string {
	n := asks.Total()
	if n == 0 {
		return ""
	}
	var parts []string
	for _, s := range content.AskStatuses {
		if c := asks.Get(s); c > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c, strings.ToLower(label(s).Text)))
		}
	}
	return plural(n, "ask", "asks") + ": " + strings.Join(parts, ", ") + "."
}

// outcomeView is one outcome as pages show it.
func outcomeView(o *content.Outcome) Outcome {
	return Outcome{Measure: o.Measure, Value: Quantity(o.Value, o.Unit), Date: dateView(o.Date), Note: o.Note, Counted: o.MeasureID != ""}
}

// surveyView is one survey as pages show it: each count with its share
// of the survey's respondents.
func surveyView(s *content.Survey) Survey {
	v := Survey{Topic: label(s.Topic).Text, Date: dateView(s.Date), Respondents: Number(float64(s.Respondents))}
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
		v.Agreed = append(v.Agreed, Number(float64(n))+" ("+strconv.Itoa(sum.Percent(o))+" %)")
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
}

// jsonLD is the JSON-LD of a profile page, the one description of a
// partnership in schema.org terms. encoding/json escapes <, > and &, so
// no string in it can close the <script> element around it.
func (b *build) jsonLD(p *content.Profile, v *Profile) (template.JS, error) {
	library := ldOrg{Type: "Organization", ID: b.view.BaseURL + "#library", Name: b.site.Config.Library}
	partner := ldOrg{Type: "Organization", ID: b.view.BaseURL + urls.Partner(p.Partner.Slug) + "#org",
		Name: p.Partner.Name, URL: p.Partner.URL, Description: p.Partner.About}
	ld := ldProject{
		Context: "https://schema.org", Type: "Project", ID: v.Canonical + "#project",
		Name: p.Title, Description: p.Summary, URL: v.Canonical,
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
	v := &Photo{URL: b.view.Base + p.URL() + ph.File, Alt: ph.Alt, Credit: ph.Credit}
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
