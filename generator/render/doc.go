// Package render turns a loaded site (content.Site) into the pages of
// SPEC.md §4 and writes them, with the theme's static files, the bundle
// files of published profiles and (through package export) the data
// files, feed, robots.txt and sitemap, through an output.Writer.
//
// # Use
//
//	r, err := render.New(siteFS, site.Config.Theme) // parse the layouts once
//	stats, err := r.Render(ctx, site, siteFS, render.Options{BaseURL: …}, w)
//
// A Renderer is safe for concurrent use and may render any number of
// builds. Render renders profile pages, then list pages, on
// runtime.GOMAXPROCS(0) workers, each reusing its own buffers, and writes
// through w concurrently; it checks ctx between pages and returns the
// first error. A Session renders the same site again after edits (serve);
// Renderer.Profile renders one profile page alone (proof).
//
// # What is published
//
// Only site.Published(opts.Unapproved) profiles appear anywhere: their
// pages, cards, partner and term pages, counts. With Unapproved, an
// unapproved profile's page carries a "Not yet approved by <partner>"
// banner (role="note") and asks search engines not to index it. A content
// model never holds [private] values, so no page can show one.
//
// Every string from content is escaped: by html/template in layouts, by
// the same rules (frag.text) in the fragments built in Go. JSON-LD is
// encoded by encoding/json, which escapes <, > and &, so nothing in it can
// close its <script> element.
//
// # Addresses
//
// Every page is <path>/index.html for the address <path>/ (and 404.html).
// Internal links are root-relative and start with the path of
// Options.BaseURL ("/" or "/sub/"): Page.URL, Site.Base. Canonical links
// and JSON-LD are absolute (Page.Canonical, Site.BaseURL). A list of more
// than PerPage entries continues at <list>/page/2/ and so on.
//
// # Layouts
//
// A theme is a folder with layouts/ (html/template files) and static/
// (copied to the output root). The built-in theme, default, is themes.FS.
// Each file is looked up in exactly two places, in this order (themeFile):
//
//  1. the site's themes/<theme>/<path>;
//  2. the built-in default/<path>.
//
// Only the files named in shared and kinds are read. The shared ones are
// parsed into every page's template set:
//
//	base.html      the page shell, which runs; calls "main" and the "head" block
//	partials.html  "card", "cards", "items", "showing", "pagination",
//	               "status", "date", "links"
//	ledger.html    "totals": headline totals and charts (home, reports)
//
// and each page kind has one layout that defines "main" (and may define
// "head"). The "card" template gets a profile's whole view; the entries of
// a list's Cards (render.Card) hold the HTML it made, Card, and give what
// a card shows (Slug, Title, TitleLang, Summary, SummaryLang, URL,
// Canonical, Status, Start, End, Dates, Partner, Review) by making it
// again from the profile when a layout asks: a large site's lists hold
// each profile's card HTML and nothing more until they are written. Dot
// is always a *Page; its Site field is the same on every page.
// Besides Site, Title, DocTitle, Description, Canonical and URL, each
// kind gets:
//
//	home.html      / and /page/<n>/: Content (content/_index.md, first page
//	               only), Ledger (first page only), Cards, Count, Pager
//	profile.html   /partnerships/<slug>/: Profile, JSONLD
//	partners.html  /partners/: Items (partners, with counts and each
//	               side's figures), Count, Pager
//	partner.html   /partners/<slug>/: Partner (with its asks across its
//	               partnerships, first page only), Ledger (first page
//	               only), Cards, Count, Pager
//	taxonomy.html  /branches/, /neighborhoods/, /audiences/, /tags/:
//	               Taxonomy, Items (terms, with counts), Count, Pager
//	term.html      /<taxonomy>/<term>/: Taxonomy, Term, Cards, Count, Pager
//	page.html      /<name>/ for content/pages/<name>.md: Content
//	404.html       /404.html (every link root-relative)
//	reports.html   /reports/: Reports
//	report.html    /reports/<fy>/: Report, Pager
//	data.html      /data/: DataFiles
//
// html/template costs a reflective call per action, and a large site has
// tens of thousands of pages, so the views are precomputed (every number,
// date and label already formatted) and the repeated markup of a profile
// page (facts, tables, asks) and of lists (cards, menus) is built once in
// Go and handed to layouts as template.HTML (fragment.go). The fields they
// are made from are in the views too: a theme that wants other markup
// ranges over those instead, at some cost in speed.
//
// # Adding a page kind
//
// Add its name to kinds, its layout to themes/default/layouts/, the
// fields its layout needs to Page (a new field rather than a reused one),
// and a function that returns its *Page values, paginated with
// build.paginate when it is a list, to the pages Render writes.
package render
