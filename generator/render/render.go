package render

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"html/template"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"io/fs"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/export"
	"github.com/alongside-dev/alongside/generator/ledger"
	"github.com/alongside-dev/alongside/generator/markdown"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/urls"
)

// Options are the settings of one Render that do not come from the site.
type Options struct {
	// BaseURL is the absolute URL of the site, ending in "/":
	// "https://partners.example.org/" or "http://127.0.0.1:1313/sub/".
	// Internal links start with its path; canonical links and JSON-LD use
	// it whole. "" means the site's base_url.
	BaseURL string
	// Unapproved publishes every profile; unapproved ones carry a banner.
	Unapproved bool
	// Now is the moment of the build: the "generated" time of the data
	// files, and its day is the build date ("Since …", the year to
	// date). Zero means time.Now().
	Now time.Time
	// Story, when set, is called with each profile's story as its page
	// is made, from any worker: a build checks the stories there rather
	// than read each twice.
	Story func(p *content.Profile, story []byte)
	// StoriesWritten, when set, is called once every page that shows a
	// profile's story is written, before the lists and the data files:
	// a build lets go of the stories it kept there.
	StoriesWritten func()
}

// Stats counts what a Render wrote.
type Stats struct {
	Pages int // HTML pages
	Files int // everything else: static files, bundle files
}

// Renderer holds a theme's parsed layouts. It is safe for concurrent use;
// one Renderer serves any number of Renders.
type Renderer struct {
	theme string
	fsys  fs.FS
	base  *template.Template            // shared layouts, never run: see lang
	sets  map[string]*template.Template // page kind → its template set, never run

	mu    sync.Mutex
	langs map[string]*language // by language code, made on first use
}

// New parses the layouts of theme once: the built-in theme's, each
// replaced by the site's themes/<theme>/layouts/<name> when that exists.
// siteFS may be nil (built-in theme only); theme "" means "default".
// The UI strings of each language are read from siteFS, the theme and
// the built-in catalogs when a Render first needs them.
func New(siteFS fs.FS, theme string) (*Renderer, error) {
	if theme == "" {
		theme = "default"
	}
	base, sets, err := parseLayouts(siteFS, theme)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	return &Renderer{theme: theme, fsys: siteFS, base: base, sets: sets}, nil
}

// Render writes the whole site to w: every page, the theme's static files
// (style.css) and the bundle files of published profiles. site must have
// loaded without errors. siteFS is the site folder, for static and bundle
// files; it may be nil when there are none. Render stops at the first
// error or when ctx is done, and reports what it wrote until then.
func (r *Renderer) Render(ctx context.Context, site *content.Site, siteFS fs.FS, opts Options, w output.Writer) (Stats, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	b, err := r.newBuild(ctx, site, siteFS, opts, w)
	if err != nil {
		return Stats{}, err
	}
	err = b.all()
	st := Stats{Pages: int(b.pages.Load()), Files: int(b.files.Load())}
	if err != nil {
		return st, err
	}
	return st, ctx.Err()
}

// all renders the whole site, in every language of the site.
func (b *build) all() error {
	langs, err := b.languages()
	if err != nil {
		return err
	}
	// Profile pages first: they make the cards that list pages show.
	tasks, err := b.staticTasks()
	if err == nil {
		for _, lb := range langs {
			tasks = append(tasks, lb.profileTasks()...)
		}
		err = b.run(tasks)
	}
	if err == nil && b.opts.StoriesWritten != nil {
		b.opts.StoriesWritten()
	}
	var pages []*Page
	for _, lb := range langs {
		if err != nil {
			return err
		}
		var lp []*Page
		lp, err = lb.listPages()
		pages = append(pages, lp...)
		pages = append(pages, lb.ledgerPages()...)
	}
	if err != nil {
		return err
	}
	// The data files, the feed, robots.txt and the sitemap, on their own
	// goroutines while the list pages are written: the sitemap's pages
	// are known by now.
	paths := slices.Clone(b.paths)
	for _, p := range pages {
		if !p.NoIndex {
			paths = append(paths, p.Path)
		}
	}
	slices.Sort(paths)
	exported := make(chan error, 1)
	go func() {
		exported <- export.Write(countingWriter{b.w, &b.files}, b.site, b.published, b.sums(), b.opts.BaseURL, b.opts.Now, paths, b.records)
	}()
	err = b.run(b.pageTasks(pages))
	slices.Sort(b.paths)
	return cmp.Or(err, <-exported)
}

// build is the state of one Render in one language: the state every
// language shares (common), and the layouts, UI strings, site view and
// profile views of its own.
type build struct {
	*common
	l        *language
	code     string  // the language's code, "" for the site's default
	view     *Site   // the Site of the language's pages
	desc     string  // the description of pages that have none of their own
	profiles []*Card // cards of published in the language, same order
}

// common is the state of one Render that every language shares.
type common struct {
	r     *Renderer
	ctx   context.Context
	site  *content.Site
	fsys  fs.FS
	opts  Options
	today content.Date             // the day of opts.Now
	image func(dest string) string // rewrites the address of a bundle image (a proof inlines them), or nil
	w     output.Writer
	md    *markdown.Converter
	base  string   // the site's base path: "/" or "/sub/"
	names []string // the names of the site's languages, each in itself (see alternates)

	published  []*content.Profile // in slug order
	records    *export.Records    // a Session's, else nil
	ledgerSums *ledger.Sums       // of published, once made (see sums)

	mu    sync.Mutex
	paths []string // the pages written that belong in the sitemap

	workers []*worker
	slugs   sync.Map // term name → slug
	pages   atomic.Int64
	files   atomic.Int64
}

// worker is the reusable state of one goroutine.
type worker struct {
	page bytes.Buffer // a page being made
	md   bytes.Buffer // Markdown being converted
}

func (r *Renderer) newBuild(ctx context.Context, site *content.Site, siteFS fs.FS, opts Options, w output.Writer) (*build, error) {
	if opts.BaseURL == "" {
		opts.BaseURL = site.Config.BaseURL
	}
	if !strings.HasSuffix(opts.BaseURL, "/") {
		opts.BaseURL += "/"
	}
	u, err := url.Parse(opts.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("render: base URL %q: %w", opts.BaseURL, err)
	}
	basePath := u.EscapedPath()
	if !strings.HasPrefix(basePath, "/") {
		basePath = "/" + basePath
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	c := &common{
		r: r, ctx: ctx, site: site, fsys: siteFS, opts: opts, w: w, base: basePath,
		today:     content.DayOf(opts.Now),
		md:        markdown.New(markdown.Options{BasePath: basePath}),
		published: site.Published(opts.Unapproved),
	}
	if len(site.Config.Languages) > 1 {
		if c.names, err = r.languageNames(site.Config.Languages); err != nil {
			return nil, err
		}
	}
	c.workers = make([]*worker, runtime.GOMAXPROCS(0))
	for i := range c.workers {
		c.workers[i] = &worker{}
	}
	return c.in("")
}

// in is the build of the pages in the language code ("" for the site's
// default).
func (c *common) in(code string) (*build, error) {
	l, err := c.r.lang(cmp.Or(code, c.site.Config.Language))
	if err != nil {
		return nil, err
	}
	b := &build{common: c, l: l, code: code}
	b.view = b.siteView(c.base)
	b.desc = cmp.Or(b.homePage().Summary, l.cat.T("site.description", "library", c.site.Config.Library))
	return b, nil
}

// languages are the builds of every language of the site: b's (the
// default language's) first.
func (b *build) languages() ([]*build, error) {
	out := []*build{b}
	for _, l := range b.site.Config.Others() {
		lb, err := b.in(l.Code)
		if err != nil {
			return nil, err
		}
		out = append(out, lb)
	}
	return out, nil
}

// at is the root-relative address of the page at path (as package urls
// names it) in b's language.
func (b *build) at(path string) string { return b.base + urls.In(b.code, path) }

// siteView is the Site of every page in b's language.
func (b *build) siteView(basePath string) *Site {
	cfg := &b.site.Config
	c := b.l.cat
	title := cfg.Title
	for _, l := range cfg.Languages {
		if l.Code == c.Lang() || l.Code == cmp.Or(b.code, cfg.Language) {
			title = cmp.Or(l.Title, title)
		}
	}
	s := &Site{
		Title: title, Library: cfg.Library, Language: cmp.Or(b.code, cfg.Language), Dir: textDir(cmp.Or(b.code, cfg.Language)),
		Currency: cfg.Currency, Base: basePath, BaseURL: b.opts.BaseURL, Root: basePath + urls.In(b.code, urls.Home),
		Corrections: cfg.Corrections,
		Unapproved:  b.opts.Unapproved, Today: dateView(c, b.today),
	}
	s.Nav = []Link{{Title: c.T("nav.partnerships"), URL: b.at(urls.Home)}, {Title: c.T("nav.partners"), URL: b.at(urls.Partners)},
		{Title: c.T("nav.reports"), URL: b.at(urls.Reports)}, {Title: c.T("nav.data"), URL: b.at(urls.Data)}}
	if l := cfg.OpenData.License; l != "" {
		s.License = Link{Title: export.LicenseName(l), URL: l}
	}
	for _, pg := range b.site.Pages {
		if pg.HasWeight {
			t := b.localPage(pg)
			s.Nav = append(s.Nav, Link{Title: t.Title, URL: b.at(urls.Page(pg.Name)), Lang: t.Lang})
		}
	}
	for t := range taxonomies {
		tv := b.taxonomy(t)
		s.Browse = append(s.Browse, Link{Title: tv.Title, URL: tv.URL})
	}
	s.nav, s.browse = menuItems(s.Nav), menuItems(s.Browse)
	return s
}

// taxonomies are content's taxonomies, in their order, without their
// words and URL (see build.taxonomy).
var taxonomies = func() []Taxonomy {
	var out []Taxonomy
	for _, tx := range content.Taxonomies(nil) {
		out = append(out, Taxonomy{Key: tx.Key})
	}
	return out
}()

// A task is one unit of parallel work: a page or a file.
type task func(wk *worker) error

// run runs tasks on all workers and returns the first error. It stops
// taking tasks when one fails or ctx is done.
func (b *build) run(tasks []task) error {
	var (
		next  atomic.Int64
		once  sync.Once
		first error
		wg    sync.WaitGroup
	)
	fail := func(err error) {
		once.Do(func() { first = err })
	}
	for _, wk := range b.workers {
		wg.Go(func() {
			for {
				if err := b.ctx.Err(); err != nil {
					fail(err)
					return
				}
				i := int(next.Add(1)) - 1
				if i >= len(tasks) {
					return
				}
				if err := tasks[i](wk); err != nil {
					fail(err)
					next.Store(int64(len(tasks))) // the others stop after their task
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}

// execute runs a page's layout and writes the page.
func (b *build) execute(wk *worker, p *Page) error {
	t := p.lang.sets[p.Kind]
	if t == nil {
		return fmt.Errorf("render: no layout for page kind %q", p.Kind)
	}
	if p.fill != nil {
		before := *p
		before.fill = nil
		p.fill(p)
		defer func() { *p = before }() // let go of what fill made
	}
	wk.page.Reset()
	if err := t.ExecuteTemplate(&wk.page, "base.html", p); err != nil {
		return fmt.Errorf("render: %s: %w", p.Path, err)
	}
	if err := b.w.WriteFile(urls.File(p.Path), wk.page.Bytes()); err != nil {
		return err
	}
	if !p.NoIndex {
		b.mu.Lock()
		b.paths = append(b.paths, p.Path)
		b.mu.Unlock()
	}
	b.pages.Add(1)
	return nil
}

// page returns a Page of kind at path (as package urls names it: "" or
// ending in "/", or a file name like "404.html") in b's language, with
// its URLs, titles and alternates set.
func (b *build) page(kind, path, title, description string) *Page {
	p := &Page{Site: b.view, Kind: kind, Title: title, Description: cmp.Or(description, b.desc), lang: b.l}
	b.setPath(p, path)
	return p
}

func (b *build) setPath(p *Page, path string) {
	p.Path = urls.In(b.code, path)
	p.URL = b.base + p.Path
	p.Canonical = b.opts.BaseURL + p.Path
	p.DocTitle, p.docHead = b.docTitle(p.Title)
	p.Alternates = b.alternates(path)
}

// docTitle is the <title> of a page titled title, "Title — Site title",
// and its part before the site's title (isolated, see isolate; the
// site's title when the page has no other).
func (b *build) docTitle(title string) (doc, head string) {
	if title == "" || title == b.view.Title {
		return isolate(b.view.Title), isolate(b.view.Title)
	}
	head = isolate(title)
	return b.l.cat.T("site.doc_title", "title", head, "site", isolate(b.view.Title)), head
}

func (b *build) markdown(wk *worker, path string, src []byte) (template.HTML, error) {
	return b.markdownFrom(wk, path, src, "")
}

// markdownFrom converts src, the Markdown of the file path, reading its
// relative links from the folder dir ("" for the page's own: see
// markdown.ConvertFrom).
func (b *build) markdownFrom(wk *worker, path string, src []byte, dir string) (template.HTML, error) {
	wk.md.Reset()
	if err := b.md.ConvertFrom(src, &wk.md, dir); err != nil {
		return "", fmt.Errorf("render: %s: %w", path, err)
	}
	return template.HTML(wk.md.String()), nil
}
