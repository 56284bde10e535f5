package render

import (
	"html/template"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/export"
)

// The view structs below are what layouts get. Every string in them is
// plain text (html/template escapes it) unless its type is template.HTML,
// template.JS or it is a URL field, which html/template still filters. They
// are built once per build, so layouts only read fields.

// Site is the part of every page that is the same on every page: dot.Site.
type Site struct {
	Title    string
	Library  string
	Language string // BCP 47, for <html lang>
	Dir      string // "rtl" when Language is written right to left, else ""
	Currency string
	License  Link // the data's licence ([open_data] license): its name and address; zero without one

	Base    string // the base path: "/" or "/sub/"; prefix of every internal link
	BaseURL string // the absolute base URL, ending in "/"
	// Root is the home page of the pages' language: Base, or Base +
	// "<code>/" in a language other than the default. The site's files
	// (style.css, the open data, a bundle's files) are below Base in
	// every language.
	Root string

	Nav    []Link // main navigation: partnerships, partners, pages with a weight
	Browse []Link // the taxonomies, in the footer

	// menus caches the <li> elements of Nav and Browse for each page
	// that is in them (keyed by URL; "" for every other page).
	nav, browse map[string]template.HTML

	Corrections string // the site's corrections address, or ""
	Unapproved  bool   // unapproved profiles are published (with a banner)
	Today       Date
}

// Link is a titled link.
type Link struct {
	Title string
	URL   string // root-relative (starts with Site.Base) or absolute
	Lang  string // Title's language when it is not the page's (an untranslated page's title), or ""
}

// Page is dot in every layout. Fields that do not apply to a page's Kind
// are zero. A later page kind adds its own field here rather than reusing
// one with another meaning.
type Page struct {
	Site *Site
	Kind string // the layout name without ".html": "home", "profile", …

	Path        string // below the root: "partnerships/x/", "" for home, "404.html"
	URL         string // root-relative: Site.Base + Path
	Canonical   string // absolute: Site.BaseURL + Path
	Title       string // the <h1>
	DocTitle    string // the <title>: "Title — Site title"
	Description string // <meta name="description">
	NoIndex     bool   // ask search engines not to index (unapproved pages, 404)

	Content template.HTML // Markdown of the home page text or a content page
	// ContentLang is the language of Content and Title when they are not
	// in the page's language: the default language's text of a page not
	// yet translated (on /data/, the files' descriptions, which are the
	// open data's). "" otherwise.
	ContentLang string
	JSONLD      template.JS // schema.org JSON-LD, or ""

	// Alternates are the page in each language of the site, the default
	// first (for the language switcher and hreflang links); nil when the
	// site has one language.
	Alternates []Alternate
	// TranslationNote says, on a page in another language than the
	// default, that its text is not translated yet or that the
	// translation may be out of date (with a link to the default
	// language's page); "" otherwise.
	TranslationNote template.HTML

	Profile  *Profile  // profile
	Cards    []*Card   // list pages: the profiles on this page
	Items    []Item    // partners and taxonomy index pages: the entries on this page
	Partner  *Partner  // partner
	Taxonomy *Taxonomy // taxonomy and term
	Term     *Item     // term
	Count    int       // list pages: items in the whole list (all pages)
	Pager    *Pager    // list pages

	Ledger    *Ledger          // home, partner (first page): the totals and charts
	Report    *Report          // report: one fiscal year
	Reports   []*Report        // reports: every fiscal year, newest first
	DataFiles []export.FileDoc // data: the open data files and their columns

	docHead string    // DocTitle without the site's title (see build.docTitle)
	lang    *language // the layouts of the page's language

	// fill, when set, completes the page just before it is written; the
	// page is then put back as it was, without fill and what it made (the
	// figures of partners and annual reports of large sites).
	fill func(*Page)
}

// NavItems is .Site.Nav as the <li> elements of the built-in theme, the
// current page's link marked aria-current="page".
func (p *Page) NavItems() template.HTML { return menu(p.Site.nav, p.URL) }

// BrowseItems is .Site.Browse as NavItems is .Site.Nav.
func (p *Page) BrowseItems() template.HTML { return menu(p.Site.browse, p.URL) }

func menu(m map[string]template.HTML, url string) template.HTML {
	if h, ok := m[url]; ok {
		return h
	}
	return m[""]
}

// menuItems makes the cache of menu variants for links.
func menuItems(links []Link) map[string]template.HTML {
	m := make(map[string]template.HTML, len(links)+1)
	for _, cur := range append([]string{""}, linkURLs(links)...) {
		var f frag
		for _, l := range links {
			f.raw("\n<li><a href=\"").text(l.URL).raw(`"`)
			if l.URL == cur {
				f.raw(` aria-current="page"`)
			}
			f.lang(l.Lang).raw(">").text(l.Title).raw("</a></li>")
		}
		m[cur] = f.html()
	}
	return m
}

func linkURLs(links []Link) []string {
	out := make([]string, len(links))
	for i, l := range links {
		out[i] = l.URL
	}
	return out
}

// CardItems is .Cards as <li> elements: their Card fragments, joined.
func (p *Page) CardItems() template.HTML {
	n := 0
	for _, c := range p.Cards {
		n += len(c.Card) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, c := range p.Cards {
		b.WriteString(string(c.Card))
		b.WriteByte('\n')
	}
	return template.HTML(b.String())
}

// Pager is where a list page is among the pages of its list.
type Pager struct {
	Number, Total int    // this page (from 1) and the number of pages
	From, To      int    // the entries on this page, counted from 1
	First, Prev   string // URLs, "" on the first page
	Next, Last    string // URLs, "" on the last page
}

// Item is an entry of the partners index or of a taxonomy index.
type Item struct {
	Name      string
	URL       string
	Count     int    // published profiles
	CountText string // "3 partnerships"

	// The partners index only: what the library gave the partner and
	// what the partner gave, in total value; their staff hours; its asks.
	LibraryValue, PartnerValue string // "$2,400"
	LibraryHours, PartnerHours string // "72 hours", "—"
	Delivered, Declined        string // asks: "3"
}

// Taxonomy is a way of grouping profiles: branches, neighborhoods…
type Taxonomy struct {
	Key      string // "branches": the address /branches/
	Title    string // "Branches"
	Singular string // "Branch"
	URL      string
}

// Partner is a partner organization's page.
type Partner struct {
	Name        string
	URL         string // its page
	Website     string // its own site, or ""
	WebsiteHost string // Website without scheme and trailing slash
	About       string
	AboutLang   string // About's language when it is not the page's (see Profile.TitleLang)

	// On the partner's own page: its asks across its partnerships, each
	// with its partnership (Ask.Where), and their summary.
	Asks       []Ask
	AskSummary string
	AskItems   template.HTML
}

// Profile is one partnership, for its page and its card.
type Profile struct {
	Slug    string
	Title   string
	Summary string
	// TitleLang and SummaryLang are the language of Title and Summary
	// when it is not the page's: on a page in another language than the
	// default, the default language's text where the profile has no
	// translation. "" when they are in the page's language.
	TitleLang, SummaryLang string
	URL                    string // root-relative
	Canonical              string

	Status Label
	Start  Date
	End    Date   // zero when open-ended
	Dates  string // "September 2, 2025 – June 12, 2026", "Since September 2, 2025"

	Partner       Partner
	Branches      []Link
	Neighborhoods []Link
	Audiences     []Link
	Tags          []Link
	Languages     []string // by name where known: "Spanish"
	// FactItems are the partner, status, dates and the lines above as the
	// built-in theme's facts list: <div><dt>Branches</dt><dd>…</dd></div>…
	FactItems template.HTML

	Voice  *Voice // nil without [partner_voice]
	Photo  *Photo // the first of [[photos]], shown at the top; nil without
	Review Review

	Sides      []Side // library, then partner
	Asks       []Ask
	AskSummary string        // "4 asks: 1 delivered, 2 declined, 1 planned."
	AskItems   template.HTML // Asks as the <li> elements of the built-in theme
	Outcomes   []Outcome
	// OutcomeTable is Outcomes as the built-in theme's table, or "".
	OutcomeTable template.HTML
	Surveys      []Survey
	// SurveyTable is Surveys as the built-in theme's table, or "".
	SurveyTable template.HTML

	Story      template.HTML
	StoryLang  string // the story's language when it is not the page's
	Correction string // "Suggest a correction" URL, or "" when the site has none
}

// A Card is a published profile in a list (Page.Cards). Card is its
// HTML, made once per build by the theme's "card" template from the
// profile's whole view, which the built-in theme's lists show as it is
// (Page.CardItems). The fields a card shows are methods, made again from
// the profile each time a layout asks for one: a large site's lists hold
// each profile's card HTML and nothing more.
type Card struct {
	Card template.HTML
	b    *build
	p    *content.Profile
}

func (c *Card) fields() *Profile { return c.b.cardFields(c.p, c.b.textOf(c.p)) }

// The fields of a card's profile, as in its Profile view.

func (c *Card) Slug() string        { return c.p.Slug }
func (c *Card) Title() string       { return c.fields().Title }
func (c *Card) TitleLang() string   { return c.fields().TitleLang }
func (c *Card) Summary() string     { return c.fields().Summary }
func (c *Card) SummaryLang() string { return c.fields().SummaryLang }
func (c *Card) URL() string         { return c.fields().URL }
func (c *Card) Canonical() string   { return c.fields().Canonical }
func (c *Card) Status() Label       { return c.fields().Status }
func (c *Card) Start() Date         { return c.fields().Start }
func (c *Card) End() Date           { return c.fields().End }
func (c *Card) Dates() string       { return c.fields().Dates }
func (c *Card) Partner() Partner    { return c.fields().Partner }
func (c *Card) Review() Review      { return c.fields().Review }

// Label is an enumerated value: Key for CSS classes, Text for people.
type Label struct {
	Key  string // "in_progress"
	Text string // "In progress"
	Icon string // a symbol shown beside Text (never alone), or ""
}

// Date is a calendar day: ISO for <time datetime>, Text for people.
// Both are "" when the date is not set.
type Date struct {
	ISO  string // "2025-09-02"
	Text string // "September 2, 2025"
}

// Voice is the partner's own words.
type Voice struct {
	Quote string
	By    string // who said it; the partner's name when the profile does not say
	Lang  string // the quote's language: as given, else when it can be told, else ""
	Dir   string // "rtl" or "auto"
	// Translation is the quote in the site's language TranslationLang,
	// shown beside it, or "".
	Translation, TranslationLang string
}

// Photo is a picture of the partnership, from its bundle.
type Photo struct {
	URL, Alt, Credit string
	Width, Height    int // in pixels; 0 when not known (WebP, AVIF, SVG)
}

// Review is the partner's consent, as a page states it.
type Review struct {
	State    Label
	Approved bool   // review.state = "approved"
	Current  bool   // and nothing changed since (see content.Profile.Current)
	Banner   bool   // unapproved, shown because Site.Unapproved: "Not yet approved by …"
	Partner  string // the partner's name
	Date     Date
	By       string // the role who approved, or ""
	Note     string
}

// Side is what one side put in.
type Side struct {
	Key       string // "library" or "partner"
	Title     string // "From the library", "From the partner"
	Name      string // the library's or the partner's name
	Rows      []Resource
	Table     template.HTML // Rows as the built-in theme's table, or ""
	Subtotals []Subtotal
	// SubtotalItems are Subtotals as the built-in theme writes them:
	// <div><dt>Staff time</dt><dd>72 hours</dd></div>…
	SubtotalItems template.HTML
}

// Resource is one row of a side's table.
type Resource struct {
	Kind        string // "Staff time"
	Amount      string // "$2,400", "120 room-hours", "3 newsletter features"
	Description string
	Lang        string // Description's language when it is not the page's
	Date        Date
	Value       string // "$2,400", or "" when not valued
	Estimated   bool
}

// Subtotal is one line of a side's subtotals: "Staff time" "72 hours".
type Subtotal struct {
	Label, Value string
	Estimated    bool
}

// Ask is one entry of the asks ledger.
type Ask struct {
	Ask    string
	Lang   string // the language of Ask and Reason when it is not the page's
	Status Label
	Reason string
	Date   Date
	Where  *Link // on a partner's page: the partnership it was asked in
}

// Outcome is one row of the outcomes table.
type Outcome struct {
	Measure string
	Lang    string // the language of Measure and Note when it is not the page's
	Value   string // "37 students"
	Date    Date
	Note    string
	Counted bool // a site measure, added up in the totals; else free text, never added
}

// Survey is one Project Outcome patron survey.
type Survey struct {
	Topic       string // "Digital learning"
	Date        Date
	Respondents string
	Agreed      []string // per content.SurveyOutcomes: "22 (92 %)"
}
