package render

import (
	"cmp"
	"html/template"
	"io"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/alongside-dev/alongside/generator/chart"
	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/export"
	"github.com/alongside-dev/alongside/generator/i18n"
	"github.com/alongside-dev/alongside/generator/ledger"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/urls"
)

// Ledger is what a page shows of the totals of package ledger: the home
// page for every published partnership, a report for one fiscal year, a
// partner's page for its partnerships. Every figure is computed once, by
// ledger, and only formatted here.
type Ledger struct {
	ID string // the stem of its ids: "home", "fy-2025-26", "partner"
	// Lead is the few figures a page opens with, in large type: each
	// side's total value, the partnerships, the asks delivered and
	// declined, the people surveyed. Each is the same string as in its
	// table below.
	Lead     []Lead
	Headline string   // the totals in plain sentences, total value first
	Partner  string   // the heading of the partner's column: "Partners", or the partner's name
	Figures  []Figure // what each side put in: the rows of ledger.Totals.Figures
	Asks     []Count  // the partners' asks by status
	Statuses []Count  // partnerships by status
	Measures []Measure
	Surveys  *Surveys // nil without surveys
	Rates    string   // how estimates are made
	Charts   []template.HTML
	// Years is the total value of each fiscal year, oldest first: the
	// table beside the home page's chart of the years. Empty elsewhere.
	Years []YearValue
}

// Lead is one of a page's lead figures.
type Lead struct {
	Label string // "The library put in"
	Value string // "$48,200", as in its table
	Note  string // "in total value, including estimates", or ""
	Money bool   // the value is an amount of money: it takes more room
}

// Figure is one row of the "what each side put in" table.
type Figure struct {
	Label    string // "Money (USD)", "Staff time (hours)"
	Library  string // "$7,500", "72 hours", "—"
	Partner  string
	Estimate bool   // the row is, or includes, an estimated value
	Total    bool   // the total value
	Note     string // what the row leaves out for want of a value, or ""
}

// Count is a labelled number.
type Count struct {
	Label Label
	Value string
}

// Measure is the sum of one site measure.
type Measure struct {
	Label        string // "New library cards"
	Value        string // "212 cards"
	Description  string
	Partnerships string // "in 4 partnerships"
}

// Surveys are Project Outcome surveys added up: a sentence, and a row per
// topic and overall.
type Surveys struct {
	Sentence    string // "Of 240 people surveyed in 8 partnerships, 88 % said they learned something helpful."
	Respondents string // all of them: "240", as the last row says
	Outcomes    []string
	Rows        []SurveyRow // per topic, then "All topics"
}

// SurveyRow is one line of the surveys table.
type SurveyRow struct {
	Topic       string
	Respondents string
	Shares      []string // per outcome: "88 % (211)"
	Total       bool     // the line of all topics
}

// YearValue is one fiscal year's total value per side.
type YearValue struct {
	Name, URL        string
	Library, Partner string
}

// Report is one fiscal year's report, or its entry on /reports/.
type Report struct {
	Name    string // "2025-26"
	Span    string // "July 1, 2025 – June 30, 2026", or "July 1, 2026 – December 4, 2026, the year to date"
	ToDate  bool   // the year has not ended: its figures are those of the year to date
	URL     string
	Summary string // one line for the index
	Ledger  *Ledger
	Rows    []ReportRow
	Details []ReportDetail
	// RowItems and DetailItems are Rows and Details as the built-in
	// theme writes them: the table's <tr> elements and the <article>s.
	RowItems, DetailItems template.HTML
	Others                []Link // the other years' reports, newest first
}

// ReportRow is a partnership's line in a report's table.
type ReportRow struct {
	Title, URL    string
	Lang          string // the language of Title and Outcomes when it is not the page's
	Partner       string
	Status        Label
	Library       string // what the library gave in the year, in a few words
	PartnerGave   string
	Asks          string // "2 delivered, 1 declined"
	Outcomes      string
	DetailID      string // the id of its details section
	HasDetails    bool
	DetailHeading string
}

// ReportDetail itemizes one partnership's year.
type ReportDetail struct {
	ID        string
	Title     string
	Lang      string // the language of its words when it is not the page's
	URL       string
	Partner   string
	Resources []ReportResource
	Declined  []Ask
	Outcomes  []Outcome
	Surveys   []Survey
}

// ReportResource is one itemized contribution.
type ReportResource struct {
	Side, Kind, Amount, Description, Date, Value string
	Estimate                                     bool
}

// homeLedger is the home page's ledger: every published partnership.
func (b *build) homeLedger() *Ledger {
	c := b.l.cat
	t := b.sums().Total()
	l := b.ledgerOf(t, "home")
	l.Headline = b.headline(t, "", "")
	reports := b.reports()
	cur := b.site.Config.Currency
	for _, r := range slices.Backward(reports) {
		l.Years = append(l.Years, YearValue{Name: r.Year.Name, URL: b.at(urls.Report(r.Year.Name)),
			Library: c.Money(r.Totals.Library.TotalValue, cur, cur), Partner: c.Money(r.Totals.Partner.TotalValue, cur, cur)})
	}
	// The years' chart goes before the asks' (the last), in the order of their tables.
	l.Charts = slices.Insert(l.Charts, len(l.Charts)-1, chart.Years(c, "home-years", "home-years-table", reports, cur,
		c.T("ledger.years_note", "currency", cur, "rates", l.Rates)))
	return l
}

// sums are the totals of the published profiles and of each fiscal year,
// computed once per build for every language and for the data files:
// a report page makes its year's rows when it is written (see
// ledgerPages), so that the rows of every year of a large site are never
// in memory at once.
func (b *build) sums() *ledger.Sums {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.common.ledgerSums == nil {
		b.common.ledgerSums = ledger.NewSums(b.published, b.site.Config.FiscalYearStart, b.today)
	}
	return b.common.ledgerSums
}

// reports are the fiscal years' reports, without their rows.
func (b *build) reports() []ledger.Report { return b.sums().Reports() }

// yearRows is what the pages of one year's report share: the headline
// and the profiles the report has a row for, found by the first of its
// pages to be written and dropped after the last. Each page makes and
// formats its own rows: a year of a large site has tens of thousands.
type yearRows struct {
	mu       sync.Mutex
	left     int // pages not yet written
	made     bool
	headline string
	involved []*content.Profile
}

func (y *yearRows) get(b *build, year ledger.Report) (string, []*content.Profile) {
	y.mu.Lock()
	defer y.mu.Unlock()
	if !y.made {
		y.headline = b.yearHeadline(year)
		y.involved = ledger.InvolvedIn(b.published, year.Year, b.today)
		y.made = true
	}
	h, involved := y.headline, y.involved
	if y.left--; y.left == 0 {
		y.involved = nil
	}
	return h, involved
}

// ledgerOf formats totals in b's language; id is the stem of its ids.
func (b *build) ledgerOf(t ledger.Totals, id string) *Ledger {
	cfg := &b.site.Config
	c := b.l.cat
	l := &Ledger{ID: id, Partner: c.T("ledger.partners"), Rates: b.ratesNote()}
	figures := t.Figures(cfg.Currency)
	labels := make([]string, len(figures))
	for i, f := range figures {
		labels[i] = figureLabel(c, f)
		l.Figures = append(l.Figures, Figure{Label: labels[i], Estimate: f.Estimated, Total: f.Key == "total_value",
			Library: figure(c, f, f.Library, cfg.Currency), Partner: figure(c, f, f.Partner, cfg.Currency),
			Note: leftOut(c, f.LibraryLeftOut, f.PartnerLeftOut)})
	}
	for _, s := range content.AskStatuses {
		l.Asks = append(l.Asks, Count{label(c, s), c.Number(float64(t.Asks.Get(s)))})
	}
	for _, s := range content.Statuses {
		l.Statuses = append(l.Statuses, Count{label(c, s), c.Number(float64(t.Partnerships.Get(s)))})
	}
	for _, mid := range t.MeasureIDs(cfg) {
		m := t.Measures[mid]
		def, _ := cfg.Measure(mid)
		l.Measures = append(l.Measures, Measure{Label: m.Label, Value: c.Quantity(m.Value, m.Unit), Description: def.Description,
			Partnerships: c.T("ledger.measure_from", "partnerships", c.N("count.partnerships", float64(m.Partnerships)))})
	}
	l.Surveys = surveysView(c, t.Surveys)
	l.Lead = l.lead(c, t)
	l.Charts = append(chart.Kinds(c, id+"-kinds", id+"-sides", figures, labels, l.Rates), chart.Asks(c, id+"-asks", id+"-asks-table", t.Asks))
	return l
}

// figureLabel is the label of a row of what each side put in:
// "Money (USD)", "Staff time (hours)".
func figureLabel(c *i18n.Catalog, f ledger.Figure) string {
	unit := f.Unit
	switch f.Unit {
	case "hours":
		unit = c.T("unit.name.hours")
	case "room-hours":
		unit = c.T("unit.name.room_hours")
	}
	switch f.Key {
	case "estimated_value":
		return c.T("ledger.figure.estimated", "unit", unit)
	case "total_value":
		if f.Estimated {
			return c.T("ledger.figure.total_estimates", "unit", unit)
		}
		return c.T("ledger.figure.total", "unit", unit)
	}
	if f.Estimated {
		return c.T("ledger.figure.kind_estimated", "kind", c.Label(f.Key), "unit", unit)
	}
	return c.T("ledger.figure.kind", "kind", c.Label(f.Key), "unit", unit)
}

// ratesNote states how in-kind support is valued, in b's language: the
// site's rates for staff time and room-hours, if any.
func (b *build) ratesNote() string {
	cfg := &b.site.Config
	c := b.l.cat
	var rates []string
	if r := cfg.Valuation.StaffTime; r > 0 {
		rates = append(rates, c.T("ledger.rate.staff", "currency", cfg.Currency, "amount", c.Rate(r)))
	}
	if r := cfg.Valuation.Space; r > 0 {
		rates = append(rates, c.T("ledger.rate.space", "currency", cfg.Currency, "amount", c.Rate(r)))
	}
	switch len(rates) {
	case 0:
		return c.T("ledger.rates.no_rate")
	case 1:
		return c.T("ledger.rates.one_rate", "rate", rates[0])
	}
	return c.T("ledger.rates.two_rates", "rate1", rates[0], "rate2", rates[1])
}

// lead picks the lead figures out of l's rows, so that each is the
// string its table shows: the total value row, the partnerships, the
// asks' table, the surveys' table.
func (l *Ledger) lead(c *i18n.Catalog, t ledger.Totals) []Lead {
	var out []Lead
	for _, f := range l.Figures {
		if f.Total {
			note := c.T("home.lead.total_note")
			if f.Estimate {
				note = c.T("home.lead.total_note_estimates")
			}
			out = append(out, Lead{Label: c.T("home.lead.library"), Value: f.Library, Note: note, Money: true},
				Lead{Label: c.T("home.lead.partners"), Value: f.Partner, Note: note, Money: true})
		}
	}
	out = append(out, Lead{Label: c.T("home.lead.partnerships"), Value: c.Number(float64(t.Partnerships.Total()))})
	for _, a := range l.Asks {
		switch a.Label.Key {
		case "delivered":
			out = append(out, Lead{Label: c.T("home.lead.delivered"), Value: a.Value})
		case "declined":
			out = append(out, Lead{Label: c.T("home.lead.declined"), Value: a.Value, Note: c.T("home.lead.declined_note")})
		}
	}
	if l.Surveys != nil {
		out = append(out, Lead{Label: c.T("home.lead.surveyed"), Value: l.Surveys.Respondents})
	}
	return out
}

// figure formats v, a value of row f.
func figure(c *i18n.Catalog, f ledger.Figure, v float64, currency string) string {
	switch {
	case v == 0:
		return "—"
	case f.Unit == currency || f.Key == "money":
		return c.Money(v, f.Unit, currency)
	case f.Unit == "items":
		return c.N("count.items", v)
	}
	return c.Quantity(v, f.Unit)
}

// leftOut notes the resources a figure leaves out for want of a value.
func leftOut(c *i18n.Catalog, library, partner int) string {
	var parts []string
	if library > 0 {
		parts = append(parts, c.N("count.library_resources", float64(library)))
	}
	if partner > 0 {
		parts = append(parts, c.N("count.partner_resources", float64(partner)))
	}
	if len(parts) == 0 {
		return ""
	}
	return c.T("ledger.left_out", "list", c.List(parts))
}

// surveysView formats survey totals: shares of summed counts.
func surveysView(c *i18n.Catalog, s ledger.SurveyTotals) *Surveys {
	if s.All.Respondents == 0 {
		return nil
	}
	v := &Surveys{Respondents: c.Number(float64(s.All.Respondents)),
		Sentence: c.T("ledger.surveys_sentence", "people", c.N("count.people_surveyed", float64(s.All.Respondents)),
			"partnerships", c.N("count.partnerships", float64(s.All.Partnerships)), "percent", c.Percent(float64(s.All.Percent("knowledge"))))}
	for _, o := range content.SurveyOutcomes {
		v.Outcomes = append(v.Outcomes, c.Label(o))
	}
	row := func(topic string, sum ledger.SurveySum, total bool) SurveyRow {
		r := SurveyRow{Topic: topic, Respondents: c.Number(float64(sum.Respondents)), Total: total}
		for _, o := range content.SurveyOutcomes {
			r.Shares = append(r.Shares, c.T("ledger.share", "percent", c.Percent(float64(sum.Percent(o))), "count", c.Number(float64(sum.Agreed(o)))))
		}
		return r
	}
	for _, k := range s.TopicIDs() {
		v.Rows = append(v.Rows, row(c.Label(k), s.Topics[k], false))
	}
	if len(v.Rows) > 1 {
		v.Rows = append(v.Rows, row(c.T("ledger.all_topics"), s.All, true))
	}
	return v
}

// headline puts the totals in plain sentences, the total value of each
// side first: "Alder Bay Public Library put in $48,200 and its partners
// $21,300 in total value, including estimated in-kind support, across 11
// partnerships with 10 community organizations. In money and time: …".
// when is "" or the key of how a report names its period (with its
// arguments, whenArgs), partner "" or the one partner of a partner's
// ledger.
func (b *build) headline(t ledger.Totals, when, partner string, whenArgs ...any) string {
	cfg := &b.site.Config
	c := b.l.cat
	if t.Partnerships.Total() == 0 {
		switch when {
		case "ledger.headline.year":
			return c.T("ledger.headline.none_year", whenArgs...)
		case "ledger.headline.to_date":
			return c.T("ledger.headline.none_to_date", whenArgs...)
		}
		return c.T("ledger.headline.none")
	}
	lib, par := c.Money(t.Library.TotalValue, cfg.Currency, cfg.Currency), c.Money(t.Partner.TotalValue, cfg.Currency, cfg.Currency)
	partnerships := c.N("count.partnerships", float64(t.Partnerships.Total()))
	var s string
	if partner == "" {
		s = c.T("ledger.headline.all", "library", cfg.Library, "library_value", lib, "partner_value", par,
			"partnerships", partnerships, "organizations", c.N("count.organizations", float64(t.Organizations)))
	} else {
		s = c.T("ledger.headline.partner", "library", cfg.Library, "library_value", lib, "partner", partner, "partner_value", par,
			"partnerships", partnerships)
	}
	libGave, parGave := b.gave(&t.Library), b.gave(&t.Partner)
	var gave string
	switch {
	case libGave != "" && parGave != "" && partner == "":
		gave = c.T("ledger.gave.both", "library", libGave, "partner", parGave)
	case libGave != "" && parGave != "":
		gave = c.T("ledger.gave.both_partner", "library", libGave, "name", partner, "partner", parGave)
	case libGave != "":
		gave = c.T("ledger.gave.library", "library", libGave)
	case parGave != "" && partner == "":
		gave = c.T("ledger.gave.partners", "partner", parGave)
	case parGave != "":
		gave = c.T("ledger.gave.partner", "name", partner, "partner", parGave)
	}
	if gave != "" {
		s += " " + gave
	}
	if when != "" {
		s = c.T(when, append(whenArgs, "headline", s)...)
	}
	return upperFirst(s)
}

// gave lists what one side gave: money per currency, staff hours and
// room-hours, joined in plain words.
func (b *build) gave(s *ledger.Side) string {
	cfg := &b.site.Config
	c := b.l.cat
	var parts []string
	for _, cur := range ledger.Currencies(cfg.Currency, s) {
		if s.Money[cur] > 0 {
			parts = append(parts, c.Money(s.Money[cur], cur, cfg.Currency))
		}
	}
	if s.StaffHours > 0 {
		parts = append(parts, c.Quantity(s.StaffHours, "staff hours"))
	}
	if s.RoomHours > 0 {
		parts = append(parts, c.Quantity(s.RoomHours, "room-hours"))
	}
	return c.List(parts)
}

// ledgerPages makes /reports/, a page per fiscal year and /data/, in b's
// language.
func (b *build) ledgerPages() []*Page {
	c := b.l.cat
	reps := b.reports()
	var pages []*Page
	index := b.page("reports", urls.Reports, c.T("reports.title"), c.T("reports.description", "library", b.view.Library))
	views := make([]*Report, len(reps))
	for i, r := range reps {
		views[i] = b.reportView(r)
	}
	index.Reports = views
	pages = append(pages, index)
	for i, r := range reps {
		v := views[i]
		for j, o := range views {
			if j != i {
				v.Others = append(v.Others, Link{Title: c.T("report.other_link", "year", o.Name), URL: o.URL})
			}
		}
		proto := b.page("report", urls.Report(r.Year.Name), c.T("report.title", "year", v.Name),
			c.T("report.description", "library", b.view.Library, "year", v.Name, "summary", v.Summary))
		v.Ledger = b.ledgerOf(r.Totals, "fy-"+r.Year.Slug())
		// A year of a large site has thousands of partnerships: the table
		// and the details go on pages of PerPage partnerships, the
		// totals and charts on the first. Rows are made when written.
		year := &yearRows{}
		yearPages := b.paginate(proto, r.Totals.Partnerships.Total(), func(p *Page, lo, hi int) {
			p.fill = func(p *Page) {
				headline, involved := year.get(b, r)
				page := *v
				page.Rows, page.Details = b.reportRows(r.Year, involved[min(lo, len(involved)):min(hi, len(involved))])
				page.RowItems, page.DetailItems = reportRowItems(c, page.Rows), reportDetailItems(c, page.Details)
				if p.Pager.Number > 1 {
					page.Ledger = nil
				} else {
					ledgerCopy := *v.Ledger
					ledgerCopy.Headline = headline
					page.Ledger = &ledgerCopy
				}
				p.Report = &page
			}
		})
		year.left = len(yearPages)
		pages = append(pages, yearPages...)
	}
	data := b.page("data", urls.Data, c.T("data.title"), c.T("data.description", "library", b.view.Library))
	data.DataFiles = export.Files(export.Which(b.site, b.published, b.opts.BaseURL))
	if b.code != "" {
		data.ContentLang = b.defaultLang() // the files' descriptions are the open data's, in the default language
	}
	pages = append(pages, data)
	return pages
}

func (b *build) reportView(r ledger.Report) *Report {
	c := b.l.cat
	v := &Report{
		Name:   r.Year.Name,
		Span:   b.span(r.Year),
		ToDate: r.Year.ToDate(b.today),
		URL:    b.at(urls.Report(r.Year.Name)),
	}
	cur := b.site.Config.Currency
	v.Summary = c.T("report.summary", "partnerships", c.N("count.partnerships", float64(r.Totals.Partnerships.Total())),
		"library", c.Money(r.Totals.Library.TotalValue, cur, cur), "partner", c.Money(r.Totals.Partner.TotalValue, cur, cur))
	if v.ToDate {
		v.Summary = c.T("report.summary_to_date", "summary", v.Summary)
	}
	return v
}

// span is the period a year's report covers: "July 1, 2025 – June 30,
// 2026", or "July 1, 2026 – December 4, 2026, the year to date".
func (b *build) span(fy ledger.FiscalYear) string {
	c := b.l.cat
	s := c.T("date.range", "start", dateView(c, fy.Start).Text, "end", dateView(c, fy.Through(b.today)).Text)
	if fy.ToDate(b.today) {
		s = c.T("report.span_to_date", "span", s)
	}
	return s
}

func (b *build) yearHeadline(r ledger.Report) string {
	c := b.l.cat
	if r.Year.ToDate(b.today) {
		return b.headline(r.Totals, "ledger.headline.to_date", "", "start", dateView(c, r.Year.Start).Text, "end", dateView(c, r.Year.Through(b.today)).Text)
	}
	return b.headline(r.Totals, "ledger.headline.year", "", "year", r.Year.Name)
}

// reportRows makes and formats the rows of profiles in the report of
// fy, and the itemized details of those that have any, in b's language.
func (b *build) reportRows(fy ledger.FiscalYear, profiles []*content.Profile) ([]ReportRow, []ReportDetail) {
	cfg := &b.site.Config
	c := b.l.cat
	rows := make([]ReportRow, 0, len(profiles))
	var details []ReportDetail
	for _, p := range profiles {
		row := ledger.RowOf(p, fy)
		tr := b.textOf(p)
		id := "p-" + p.Slug
		title, lang := b.words(tr.Title, p.Title)
		d := ReportDetail{ID: id, Title: title, Lang: lang, URL: b.at(p.URL()), Partner: p.Partner.Name}
		for _, res := range row.Resources {
			rr := ReportResource{
				Side: c.Label(res.From), Kind: c.Label(res.Kind), Description: b.text(at(tr.Resources, indexOf(p.Resources, res)), res.Description),
				Date: dateView(c, res.Date).Text, Estimate: res.Estimated,
			}
			if res.Kind == "money" {
				rr.Amount = c.Money(res.Amount, res.Currency, cfg.Currency)
			} else {
				rr.Amount = c.Quantity(res.Amount, res.Unit)
			}
			switch {
			case res.Valued && res.Kind != "money" || res.Valued && res.Currency != cfg.Currency:
				rr.Value = c.Money(res.Value, cfg.Currency, cfg.Currency)
			case !res.Valued:
				rr.Value = c.T("table.not_valued")
			}
			d.Resources = append(d.Resources, rr)
		}
		declined := make([]content.Ask, len(row.Declined))
		words := make([]content.AskText, len(row.Declined))
		for i, a := range row.Declined {
			declined[i], words[i] = *a, at(tr.Asks, indexOf(p.Asks, a))
		}
		d.Declined = b.asks(declined, words)
		outs := make([]string, 0, len(row.Outcomes))
		for _, o := range row.Outcomes {
			ov := b.outcomeView(o, at(tr.Outcomes, indexOf(p.Outcomes, o)))
			d.Outcomes = append(d.Outcomes, ov)
			outs = append(outs, ov.Value+" — "+lowerFirst(ov.Measure))
		}
		for _, sv := range row.Surveys {
			d.Surveys = append(d.Surveys, surveyView(c, sv))
		}
		var asks []string
		for _, s := range content.AskStatuses {
			if n := row.Totals.Asks.Get(s); n > 0 {
				asks = append(asks, c.N("count.asks_"+s, float64(n)))
			}
		}
		has := len(d.Resources)+len(d.Declined)+len(d.Outcomes)+len(d.Surveys) > 0
		rows = append(rows, ReportRow{
			Title: title, Lang: lang, URL: b.at(p.URL()), Partner: p.Partner.Name, Status: label(c, p.Status),
			Library: b.rowGave(&row.Totals.Library), PartnerGave: b.rowGave(&row.Totals.Partner),
			Asks: cmp.Or(strings.Join(asks, ", "), "—"), Outcomes: cmp.Or(strings.Join(outs, "; "), "—"),
			DetailID: id, HasDetails: has,
		})
		if has {
			details = append(details, d)
		}
	}
	return rows, details
}

// rowGave is what one side gave in a report's row: its total value, then
// the money and time in it.
func (b *build) rowGave(s *ledger.Side) string {
	c := b.l.cat
	cur := b.site.Config.Currency
	gave := b.gave(s)
	value := c.Money(s.TotalValue, cur, cur)
	switch {
	case s.TotalValue == 0 && gave == "":
		return "—"
	case gave == "":
		return c.T("report.gave_total", "value", value)
	}
	return c.T("report.gave_detail", "value", value, "gave", gave)
}

// countingWriter counts the files written through it.
type countingWriter struct {
	output.Writer
	n *atomic.Int64
}

func (c countingWriter) WriteFile(name string, data []byte) error {
	c.n.Add(1)
	return c.Writer.WriteFile(name, data)
}

func (c countingWriter) WriteStream(name string, write func(io.Writer) error) error {
	c.n.Add(1)
	return c.Writer.WriteStream(name, write)
}
