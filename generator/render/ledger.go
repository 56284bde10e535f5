package render

import (
	"cmp"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/alongside-dev/alongside/generator/chart"
	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/export"
	"github.com/alongside-dev/alongside/generator/internal/parallel"
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
	t := ledger.Compute(b.published)
	l := b.ledgerOf(t, "home")
	l.Headline = b.headline(t, "", "")
	reports := b.reports()
	cur := b.site.Config.Currency
	for _, r := range slices.Backward(reports) {
		l.Years = append(l.Years, YearValue{Name: r.Year.Name, URL: b.view.Base + urls.Report(r.Year.Name),
			Library: Money(r.Totals.Library.TotalValue, cur, cur), Partner: Money(r.Totals.Partner.TotalValue, cur, cur)})
	}
	// The years' chart goes before the asks' (the last), in the order of their tables.
	l.Charts = slices.Insert(l.Charts, len(l.Charts)-1, chart.Years("home-years", "home-years-table", reports, cur,
		"The total value of money in "+cur+", the stated value of money in other currencies and the estimated value of in-kind support, by fiscal year. "+ledger.RatesNote(&b.site.Config)))
	return l
}

// reports computes the totals of every fiscal year once per build,
// without their rows: a report page makes its year's rows when it is
// written (see ledgerPages), so that the rows of every year of a large
// site are never in memory at once. The years are summed on every core.
func (b *build) reports() []ledger.Report {
	if b.fyReports == nil {
		years := ledger.Years(b.published, b.site.Config.FiscalYearStart, b.today)
		reps := make([]ledger.Report, len(years))
		parallel.For(len(years), func(i int) {
			reps[i] = ledger.Report{Year: years[i], Totals: ledger.ForYear(b.published, years[i], b.today)}
		})
		b.fyReports = reps
	}
	return b.fyReports
}

// yearRows is one year's formatted rows and details, made by the first of
// its pages to be written and dropped after the last.
type yearRows struct {
	mu       sync.Mutex
	left     int // pages not yet written
	made     bool
	headline string
	rows     []ReportRow
	details  map[string]ReportDetail
}

func (y *yearRows) get(b *build, fy ledger.FiscalYear) (string, []ReportRow, map[string]ReportDetail) {
	y.mu.Lock()
	defer y.mu.Unlock()
	if !y.made {
		r := ledger.Annual(b.published, fy, b.today)
		y.headline = b.yearHeadline(r)
		y.rows, y.details = b.reportRows(r)
		y.made = true
	}
	h, rows, details := y.headline, y.rows, y.details
	if y.left--; y.left == 0 {
		y.rows, y.details = nil, nil
	}
	return h, rows, details
}

// ledgerOf formats totals; id is the stem of its ids.
func (b *build) ledgerOf(t ledger.Totals, id string) *Ledger {
	cfg := &b.site.Config
	l := &Ledger{ID: id, Partner: "Partners", Rates: ledger.RatesNote(cfg)}
	figures := t.Figures(cfg.Currency)
	for _, f := range figures {
		l.Figures = append(l.Figures, Figure{Label: f.Label(), Estimate: f.Estimated, Total: f.Key == "total_value",
			Library: figure(f, f.Library, cfg.Currency), Partner: figure(f, f.Partner, cfg.Currency),
			Note: leftOut(f.LibraryLeftOut, f.PartnerLeftOut)})
	}
	for _, s := range content.AskStatuses {
		l.Asks = append(l.Asks, Count{label(s), Number(float64(t.Asks.Get(s)))})
	}
	for _, s := range content.Statuses {
		l.Statuses = append(l.Statuses, Count{label(s), Number(float64(t.Partnerships.Get(s)))})
	}
	for _, mid := range t.MeasureIDs(cfg) {
		m := t.Measures[mid]
		def, _ := cfg.Measure(mid)
		l.Measures = append(l.Measures, Measure{Label: m.Label, Value: Quantity(m.Value, m.Unit), Description: def.Description,
			Partnerships: "in " + plural(m.Partnerships, "partnership", "partnerships")})
	}
	l.Surveys = surveysView(t.Surveys)
	l.Lead = l.lead(t)
	l.Charts = append(chart.Kinds(id+"-kinds", id+"-sides", figures, l.Rates), chart.Asks(id+"-asks", id+"-asks-table", t.Asks))
	return l
}

// lead picks the lead figures out of l's rows, so that each is the
// string its table shows: the total value row, the partnerships, the
// asks' table, the surveys' table.
func (l *Ledger) lead(t ledger.Totals) []Lead {
	var out []Lead
	for _, f := range l.Figures {
		if f.Total {
			note := "in total value"
			if f.Estimate {
				note += ", including estimates"
			}
			out = append(out, Lead{Label: "The library put in", Value: f.Library, Note: note, Money: true},
				Lead{Label: "Partners put in", Value: f.Partner, Note: note, Money: true})
		}
	}
	out = append(out, Lead{Label: "Partnerships", Value: Number(float64(t.Partnerships.Total()))})
	for _, a := range l.Asks {
		switch a.Label.Key {
		case "delivered":
			out = append(out, Lead{Label: "Asks delivered", Value: a.Value})
		case "declined":
			out = append(out, Lead{Label: "Asks declined", Value: a.Value, Note: "each with its reason"})
		}
	}
	if l.Surveys != nil {
		out = append(out, Lead{Label: "People surveyed", Value: l.Surveys.Respondents})
	}
	return out
}

// figure formats v, a value of row f.
func figure(f ledger.Figure, v float64, currency string) string {
	switch {
	case v == 0:
		return "—"
	case f.Unit == currency || f.Key == "money":
		return Money(v, f.Unit, currency)
	case f.Unit == "items":
		return plural(int(v), "item", "items")
	}
	return Quantity(v, f.Unit)
}

// leftOut notes the resources a figure leaves out for want of a value.
func leftOut(library, partner int) string {
	var parts []string
	if library > 0 {
		parts = append(parts, plural(library, "library resource", "library resources"))
	}
	if partner > 0 {
		parts = append(parts, plural(partner, "partner resource", "partner resources"))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Leaves out, for want of a value: " + joinAnd(parts) + "."
}

// surveysView formats survey totals: shares of summed counts.
func surveysView(s ledger.SurveyTotals) *Surveys {
	if s.All.Respondents == 0 {
		return nil
	}
	v := &Surveys{Respondents: Number(float64(s.All.Respondents)), Sentence: "Of " + plural(s.All.Respondents, "person", "people") + " surveyed in " +
		plural(s.All.Partnerships, "partnership", "partnerships") + ", " + strconv.Itoa(s.All.Percent("knowledge")) +
		" % said they learned something helpful."}
	for _, o := range content.SurveyOutcomes {
		v.Outcomes = append(v.Outcomes, label(o).Text)
	}
	row := func(topic string, sum ledger.SurveySum, total bool) SurveyRow {
		r := SurveyRow{Topic: topic, Respondents: Number(float64(sum.Respondents)), Total: total}
		for _, o := range content.SurveyOutcomes {
			r.Shares = append(r.Shares, strconv.Itoa(sum.Percent(o))+" % ("+Number(float64(sum.Agreed(o)))+")")
		}
		return r
	}
	for _, k := range s.TopicIDs() {
		v.Rows = append(v.Rows, row(label(k).Text, s.Topics[k], false))
	}
	if len(v.Rows) > 1 {
		v.Rows = append(v.Rows, row("All topics", s.All, true))
	}
	return v
}

// headline puts the totals in plain sentences, the total value of each
// side first: "Alder Bay Public Library put in $48,200 and its partners
// $21,300 in total value, including estimated in-kind support, across 11
// partnerships with 10 community organizations. In money and time: …".
// when is "" or how a report names its period ("From July 1, 2026 to
// December 4, 2026, the year to date, "), partner "" or the one
// partner of a partner's ledger.
func (b *build) headline(t ledger.Totals, when, partner string) string {
	cfg := &b.site.Config
	if t.Partnerships.Total() == 0 {
		return upperFirst(when + "no partnership has been published yet.")
	}
	lib, par := Money(t.Library.TotalValue, cfg.Currency, cfg.Currency), Money(t.Partner.TotalValue, cfg.Currency, cfg.Currency)
	who := "its partners"
	if partner != "" {
		who = partner
	}
	s := when + cfg.Library + " put in " + lib + " and " + who + " " + par +
		" in total value, including estimated in-kind support, across " + plural(t.Partnerships.Total(), "partnership", "partnerships")
	if partner == "" {
		s += " with " + plural(t.Organizations, "community organization", "community organizations")
	}
	s += "."
	libGave, parGave := b.gave(&t.Library), b.gave(&t.Partner)
	switch {
	case libGave != "" && parGave != "":
		s += " In money and time, the library gave " + libGave + "; " + strings.TrimPrefix(who, "its ") + " gave " + parGave + "."
	case libGave != "":
		s += " In money and time, the library gave " + libGave + "."
	case parGave != "":
		s += " In money and time, " + strings.TrimPrefix(who, "its ") + " gave " + parGave + "."
	}
	return upperFirst(s)
}

// gave lists what one side gave: money per currency, staff hours and
// room-hours, joined in plain words.
func (b *build) gave(s *ledger.Side) string {
	cfg := &b.site.Config
	var parts []string
	for _, c := range ledger.Currencies(cfg.Currency, s) {
		if s.Money[c] > 0 {
			parts = append(parts, Money(s.Money[c], c, cfg.Currency))
		}
	}
	if s.StaffHours > 0 {
		parts = append(parts, Quantity(s.StaffHours, "staff hours"))
	}
	if s.RoomHours > 0 {
		parts = append(parts, Quantity(s.RoomHours, "room-hours"))
	}
	return joinAnd(parts)
}

func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// ledgerPages makes /reports/, a page per fiscal year and /data/.
func (b *build) ledgerPages() []*Page {
	reps := b.reports()
	var pages []*Page
	index := b.page("reports", urls.Reports, "Annual reports",
		"What "+b.view.Library+" and its community partners put in, asked for and achieved, year by year.")
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
				v.Others = append(v.Others, Link{"Report " + o.Name, o.URL})
			}
		}
		proto := b.page("report", urls.Report(r.Year.Name), "Annual report "+v.Name,
			"The partnerships of "+b.view.Library+" in fiscal year "+v.Name+": "+v.Summary)
		v.Ledger = b.ledgerOf(r.Totals, "fy-"+r.Year.Slug())
		// A year of a large site has thousands of partnerships: the table
		// and the details go on pages of PerPage partnerships, the
		// totals and charts on the first. Rows are made when written.
		fy, year := r.Year, &yearRows{}
		yearPages := b.paginate(proto, r.Totals.Partnerships.Total(), func(p *Page, lo, hi int) {
			p.fill = func(p *Page) {
				headline, rows, details := year.get(b, fy)
				page := *v
				page.Rows, page.Details = rows[min(lo, len(rows)):min(hi, len(rows))], nil
				for _, row := range page.Rows {
					if d, ok := details[row.DetailID]; ok {
						page.Details = append(page.Details, d)
					}
				}
				page.RowItems, page.DetailItems = reportRowItems(page.Rows), reportDetailItems(page.Details)
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
	data := b.page("data", urls.Data, "Open data",
		"Every published figure of "+b.view.Library+"'s partnerships as open data: JSON, CSV, 360Giving and Atom, with every column documented.")
	data.DataFiles = export.Files(export.Which(b.site, b.published, b.opts.BaseURL))
	pages = append(pages, data)
	return pages
}

func (b *build) reportView(r ledger.Report) *Report {
	v := &Report{
		Name:   r.Year.Name,
		Span:   b.span(r.Year),
		ToDate: r.Year.ToDate(b.today),
		URL:    b.view.Base + urls.Report(r.Year.Name),
	}
	v.Summary = plural(r.Totals.Partnerships.Total(), "partnership", "partnerships") + "; " + b.yearGave(r) + "."
	if v.ToDate {
		v.Summary = "The year to date: " + v.Summary
	}
	return v
}

// span is the period a year's report covers: "July 1, 2025 – June 30,
// 2026", or "July 1, 2026 – December 4, 2026, the year to date".
func (b *build) span(fy ledger.FiscalYear) string {
	s := dateView(fy.Start).Text + " – " + dateView(fy.Through(b.today)).Text
	if fy.ToDate(b.today) {
		s += ", the year to date"
	}
	return s
}

func (b *build) yearGave(r ledger.Report) string {
	cur := b.site.Config.Currency
	return "the library put in " + Money(r.Totals.Library.TotalValue, cur, cur) + " and partners " +
		Money(r.Totals.Partner.TotalValue, cur, cur) + " in total value, including estimates"
}

func (b *build) yearHeadline(r ledger.Report) string {
	when := "In fiscal year " + r.Year.Name + ", "
	if r.Year.ToDate(b.today) {
		when = "From " + dateView(r.Year.Start).Text + " to " + dateView(r.Year.Through(b.today)).Text + ", the year to date, "
	}
	return b.headline(r.Totals, when, "")
}

// reportRows formats the table and the itemized details of a year, by
// the DetailID of their row.
func (b *build) reportRows(r ledger.Report) ([]ReportRow, map[string]ReportDetail) {
	cfg := &b.site.Config
	rows := make([]ReportRow, 0, len(r.Rows))
	details := make(map[string]ReportDetail, len(r.Rows))
	for _, row := range r.Rows {
		p := row.Profile
		id := "p-" + p.Slug
		d := ReportDetail{ID: id, Title: p.Title, URL: b.view.Base + p.URL(), Partner: p.Partner.Name}
		for _, res := range row.Resources {
			rr := ReportResource{
				Side: label(res.From).Text, Kind: label(res.Kind).Text, Description: res.Description,
				Date: dateView(res.Date).Text, Estimate: res.Estimated,
			}
			if res.Kind == "money" {
				rr.Amount = Money(res.Amount, res.Currency, cfg.Currency)
			} else {
				rr.Amount = Quantity(res.Amount, res.Unit)
			}
			switch {
			case res.Valued && res.Kind != "money" || res.Valued && res.Currency != cfg.Currency:
				rr.Value = Money(res.Value, cfg.Currency, cfg.Currency)
			case !res.Valued:
				rr.Value = "not valued"
			}
			d.Resources = append(d.Resources, rr)
		}
		for _, a := range row.Declined {
			d.Declined = append(d.Declined, Ask{Ask: a.Ask, Status: label(a.Status), Reason: a.Reason, Date: dateView(a.Date)})
		}
		outs := make([]string, 0, len(row.Outcomes))
		for _, o := range row.Outcomes {
			d.Outcomes = append(d.Outcomes, outcomeView(o))
			outs = append(outs, Quantity(o.Value, o.Unit)+" — "+lowerFirst(o.Measure))
		}
		for _, sv := range row.Surveys {
			d.Surveys = append(d.Surveys, surveyView(sv))
		}
		var asks []string
		for _, s := range content.AskStatuses {
			if n := row.Totals.Asks.Get(s); n > 0 {
				asks = append(asks, strconv.Itoa(n)+" "+strings.ToLower(label(s).Text))
			}
		}
		has := len(d.Resources)+len(d.Declined)+len(d.Outcomes)+len(d.Surveys) > 0
		rows = append(rows, ReportRow{
			Title: p.Title, URL: b.view.Base + p.URL(), Partner: p.Partner.Name, Status: label(p.Status),
			Library: b.rowGave(&row.Totals.Library), PartnerGave: b.rowGave(&row.Totals.Partner),
			Asks: cmp.Or(strings.Join(asks, ", "), "—"), Outcomes: cmp.Or(strings.Join(outs, "; "), "—"),
			DetailID: id, HasDetails: has,
		})
		if has {
			details[id] = d
		}
	}
	return rows, details
}

// rowGave is what one side gave in a report's row: its total value, then
// the money and time in it.
func (b *build) rowGave(s *ledger.Side) string {
	cur := b.site.Config.Currency
	gave := b.gave(s)
	switch {
	case s.TotalValue == 0 && gave == "":
		return "—"
	case gave == "":
		return Money(s.TotalValue, cur, cur) + " in total value"
	}
	return Money(s.TotalValue, cur, cur) + " in total value: " + gave
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
