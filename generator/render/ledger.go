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
// page for every published partnership, a report for one fiscal year.
// Every figure is computed once, by ledger, and only formatted here.
type Ledger struct {
	Headline string   // the totals in one plain sentence
	Figures  []Figure // what each side put in
	Asks     []Count  // the partners' asks by status
	Statuses []Count  // partnerships by status
	Outcomes []Count  // outcome values summed by unit
	Rates    string   // how estimates are made
	Charts   []template.HTML
}

// Figure is one row of the "what each side put in" table.
type Figure struct {
	Label    string // "Money (USD)", "Staff time"
	Library  string // "$7,500", "72 hours", "—"
	Partner  string
	Estimate bool // the row is an estimated value
}

// Count is a labelled number.
type Count struct {
	Label Label
	Value string
}

// Report is one fiscal year's report, or its entry on /reports/.
type Report struct {
	Name    string // "2025-26"
	Span    string // "July 1, 2025 – June 30, 2026"
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
	l.Headline = b.headline(t)
	reports := b.reports()
	l.Charts = append(l.Charts, chart.Years("home-years", reports, b.site.Config.Currency,
		"Money and the estimated value of in-kind support, in "+b.site.Config.Currency+", by fiscal year. "+ledger.RatesNote(&b.site.Config)))
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

// ledgerOf formats totals; id prefixes the ids of its charts.
func (b *build) ledgerOf(t ledger.Totals, id string) *Ledger {
	cfg := &b.site.Config
	l := &Ledger{Rates: ledger.RatesNote(cfg)}
	dash := func(s string, zero bool) string {
		if zero {
			return "—"
		}
		return s
	}
	for _, c := range currencies(cfg.Currency, &t.Library, &t.Partner) {
		lv, pv := t.Library.Money[c], t.Partner.Money[c]
		l.Figures = append(l.Figures, Figure{Label: label("money").Text + " (" + c + ")",
			Library: dash(Money(lv, c, cfg.Currency), lv == 0), Partner: dash(Money(pv, c, cfg.Currency), pv == 0)})
	}
	l.Figures = append(l.Figures,
		Figure{Label: label("staff_time").Text, Library: dash(Quantity(t.Library.StaffHours, "hours"), t.Library.StaffHours == 0), Partner: dash(Quantity(t.Partner.StaffHours, "hours"), t.Partner.StaffHours == 0)},
		Figure{Label: label("space").Text, Library: dash(Quantity(t.Library.RoomHours, "room-hours"), t.Library.RoomHours == 0), Partner: dash(Quantity(t.Partner.RoomHours, "room-hours"), t.Partner.RoomHours == 0)},
		Figure{Label: "Estimated value of in-kind support", Estimate: true,
			Library: dash(Money(t.Library.EstimatedValue, cfg.Currency, cfg.Currency), t.Library.EstimatedValue == 0),
			Partner: dash(Money(t.Partner.EstimatedValue, cfg.Currency, cfg.Currency), t.Partner.EstimatedValue == 0)},
	)
	for _, s := range content.AskStatuses {
		l.Asks = append(l.Asks, Count{label(s), strconv.Itoa(t.Asks.Get(s))})
	}
	for _, s := range content.Statuses {
		l.Statuses = append(l.Statuses, Count{label(s), strconv.Itoa(t.Partnerships.Get(s))})
	}
	units := make([]string, 0, len(t.Outcomes))
	for u := range t.Outcomes {
		units = append(units, u)
	}
	slices.Sort(units)
	for _, u := range units {
		l.Outcomes = append(l.Outcomes, Count{Label{Key: "outcome", Text: u}, Number(t.Outcomes[u])})
	}
	l.Charts = []template.HTML{
		chart.Kinds(id+"-kinds", t.ByKind(cfg.Currency), l.Rates),
		chart.Asks(id+"-asks", t.Asks),
	}
	return l
}

// currencies lists the currencies of the sides' money, each once: the
// site currency first, then the others by code.
func currencies(site string, sides ...*ledger.Side) []string {
	var out []string
	for _, s := range sides {
		for c := range s.Money {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		return cmp.Or(cmp.Compare(boolInt(a != site), boolInt(b != site)), strings.Compare(a, b))
	})
	return slices.Compact(out)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// headline puts the totals in one sentence: "Alder Bay Public Library
// shared $48,200 and 1,930 staff hours with 14 community organizations;
// partners contributed 2,400 hours."
func (b *build) headline(t ledger.Totals) string {
	cfg := &b.site.Config
	lib := b.gave(&t.Library)
	if lib == "" {
		lib = "nothing recorded yet"
	}
	s := cfg.Library + " shared " + lib + " with " + plural(t.Organizations, "community organization", "community organizations")
	if par := b.gave(&t.Partner); par != "" {
		s += "; partners contributed " + par
	}
	return s + "."
}

// gave lists what one side gave: money per currency, staff hours and
// room-hours, joined in plain words.
func (b *build) gave(s *ledger.Side) string {
	cfg := &b.site.Config
	var parts []string
	for _, c := range currencies(cfg.Currency, s) {
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
	return &Report{
		Name:    r.Year.Name,
		Span:    dateView(r.Year.Start).Text + " – " + dateView(r.Year.End).Text,
		URL:     b.view.Base + urls.Report(r.Year.Name),
		Summary: plural(r.Totals.Partnerships.Total(), "partnership", "partnerships") + "; " + b.yearGave(r) + ".",
	}
}

func (b *build) yearGave(r ledger.Report) string {
	lib := b.gave(&r.Totals.Library)
	if lib == "" {
		lib = "nothing recorded"
	}
	s := "the library gave " + lib
	if par := b.gave(&r.Totals.Partner); par != "" {
		s += "; partners gave " + par
	}
	return s
}

func (b *build) yearHeadline(r ledger.Report) string {
	return "In fiscal year " + r.Year.Name + ", " + b.view.Library + " worked with " +
		plural(r.Totals.Organizations, "community organization", "community organizations") + " in " +
		plural(r.Totals.Partnerships.Total(), "partnership", "partnerships") + ". " +
		upperFirst(b.yearGave(r)) + "."
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
			d.Outcomes = append(d.Outcomes, Outcome{Measure: o.Measure, Value: Quantity(o.Value, o.Unit), Date: dateView(o.Date), Note: o.Note})
			outs = append(outs, Quantity(o.Value, o.Unit)+" — "+lowerFirst(o.Measure))
		}
		var asks []string
		for _, s := range content.AskStatuses {
			if n := row.Totals.Asks.Get(s); n > 0 {
				asks = append(asks, strconv.Itoa(n)+" "+strings.ToLower(label(s).Text))
			}
		}
		has := len(d.Resources)+len(d.Declined)+len(d.Outcomes) > 0
		rows = append(rows, ReportRow{
			Title: p.Title, URL: b.view.Base + p.URL(), Partner: p.Partner.Name, Status: label(p.Status),
			Library: cmp.Or(b.gave(&row.Totals.Library), "—"), PartnerGave: cmp.Or(b.gave(&row.Totals.Partner), "—"),
			Asks: cmp.Or(strings.Join(asks, ", "), "—"), Outcomes: cmp.Or(strings.Join(outs, "; "), "—"),
			DetailID: id, HasDetails: has,
		})
		if has {
			details[id] = d
		}
	}
	return rows, details
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
