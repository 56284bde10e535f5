package render

import (
	"cmp"
	"context"
	"io/fs"
	"reflect"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/export"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/urls"
)

// A Session renders one site again and again as it is edited, for
// `alongside serve`. Its first Render writes the whole site, as Render
// does; each later one writes only the pages that depend on what changed
// and names the files that no longer exist:
//
//   - a changed profile's page and bundle files;
//   - the pages of the lists it is on, before and after the change (home,
//     its partner's, its terms'), and only the pages of a list where it
//     was or is, unless the list's length changed;
//   - the partners and taxonomy indexes, when a count or a name changed;
//   - a changed content page; the home list, when content/_index.md
//     changed.
//
// The pages that sum up every profile — the first home page (totals and
// charts), the annual reports, /data/, the data files, the feed and the
// sitemap — are left to a Deferred, which the caller renders after the
// render returns (Deferred.Render) or when first asked for: they cost as
// much as the rest of the site together.
//
// A Session is not safe for concurrent use. It keeps the cards of the
// site's profiles between renders, so the caller must not change a
// *content.Profile it has passed in, only replace it (as content.Load's
// results are, file by file).
type Session struct {
	r    *Renderer
	fsys fs.FS
	opts Options

	b     *build                     // the state of the last render: view, converter, workers
	site  *content.Site              // as of the last render
	cards map[*content.Profile]*Card // published profile → its card

	home      list
	partners  map[string]*list // by partner slug
	partnerIx index
	terms     [4]map[string]*list // by taxonomy (in the order of taxonomies), then term slug
	termIx    [4]index
	paths     []string        // the pages in the sitemap, sorted; replaced, never changed
	inSitemap map[string]bool // the same
	noIndex   []string        // pages of this render that left the sitemap

	deferred *Deferred       // the last one made, or nil after a full render
	records  *export.Records // the profiles' parts of the data files, for each Deferred
}

// NewSession starts a session; opts are those of every render in it.
func (r *Renderer) NewSession(siteFS fs.FS, opts Options) *Session {
	return &Session{r: r, fsys: siteFS, opts: opts, records: export.NewRecords()}
}

// A SessionResult is what a Session's render did besides writing files.
type SessionResult struct {
	Stats
	// Removed names the files of the previous renders that no longer
	// exist.
	Removed []string
	// Deferred renders the pages that sum up every profile, for this
	// render. It is nil when they were written (a full render) and the
	// previous one when nothing they show changed.
	Deferred *Deferred
}

// Render writes what c changed in site (everything, the first time) to w.
// site is the whole site after the change; c is what changed since the
// last Render, as a content.Loader reports it (merged when renders were
// skipped), and each Old profile is the one the last Render had.
func (s *Session) Render(ctx context.Context, site *content.Site, c content.Change, w output.Writer) (SessionResult, error) {
	// The home page's text and summary are on many pages: render them all.
	// A site of several languages is rendered whole: its pages in the
	// other languages are not tracked between renders.
	if s.b == nil || c.Full || c.Home || len(c.Profiles) > max(100, len(s.cards)/4) || len(site.Config.Languages) > 1 {
		return s.full(ctx, site, w)
	}
	return s.incremental(ctx, site, c, w)
}

// full renders the whole site, as Render does, and keeps what the next
// renders need.
func (s *Session) full(ctx context.Context, site *content.Site, w output.Writer) (SessionResult, error) {
	b, err := s.r.newBuild(ctx, site, s.fsys, s.opts, w)
	if err != nil {
		return SessionResult{}, err
	}
	s.b, s.site, s.deferred = nil, nil, nil // until this render succeeds
	b.records = s.records
	err = b.all()
	res := SessionResult{Stats: Stats{Pages: int(b.pages.Load()), Files: int(b.files.Load())}}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return res, err
	}
	s.b, s.site = b, site
	s.cards = make(map[*content.Profile]*Card, len(b.published))
	for i, p := range b.published {
		s.cards[p] = b.profiles[i]
	}
	s.home = list{}
	s.partners = map[string]*list{}
	s.partnerIx = index{}
	for t := range s.terms {
		s.terms[t] = map[string]*list{}
		s.termIx[t] = index{}
	}
	for _, p := range b.published {
		s.home.entries = append(s.home.entries, p)
		l := s.listOf(s.partners, p.Partner.Slug)
		l.entries = append(l.entries, p)
		for t := range taxonomies {
			for _, slug := range b.termSlugs(t, p) {
				l := s.listOf(s.terms[t], slug)
				l.entries = append(l.entries, p)
			}
		}
	}
	s.home.sort()
	for slug, l := range s.partners {
		l.sort()
		s.partnerIx.items = append(s.partnerIx.items, s.partnerItem(slug, l))
	}
	s.partnerIx.sort()
	for t := range taxonomies {
		for slug, l := range s.terms[t] {
			l.sort()
			s.termIx[t].items = append(s.termIx[t].items, s.termItem(t, slug, l))
		}
		s.termIx[t].sort()
	}
	s.home.done()
	s.partnerIx.done()
	for t := range taxonomies {
		s.termIx[t].done()
		for _, l := range s.terms[t] {
			l.done()
		}
	}
	for _, l := range s.partners {
		l.done()
	}
	s.paths = b.paths
	s.inSitemap = make(map[string]bool, len(b.paths))
	for _, p := range b.paths {
		s.inSitemap[p] = true
	}
	return res, nil
}

// incremental renders what c touched.
func (s *Session) incremental(ctx context.Context, site *content.Site, c content.Change, w output.Writer) (SessionResult, error) {
	b := s.b
	b.ctx, b.w, b.site = ctx, w, site
	b.paths, b.ledgerSums = nil, nil
	b.pages.Store(0)
	b.files.Store(0)
	var removed []string
	published := func(p *content.Profile) *content.Profile {
		if p != nil && (s.opts.Unapproved || p.Approved()) {
			return p
		}
		return nil
	}

	// The profiles' own pages, and their cards.
	type done struct {
		old, new *content.Profile
		card     *Card
	}
	changes := make([]done, 0, len(c.Profiles))
	for _, pc := range c.Profiles {
		if d := (done{old: published(pc.Old), new: published(pc.New)}); d.old != nil || d.new != nil {
			changes = append(changes, d)
		}
	}
	var tasks []task
	for i := range changes {
		if d := &changes[i]; d.new != nil {
			tasks = append(tasks, func(wk *worker) (err error) {
				d.card, err = b.profilePage(wk, d.new, b.profileView(d.new))
				return err
			})
		}
	}
	if err := b.run(tasks); err != nil {
		return SessionResult{}, err
	}

	// The lists they are on.
	for _, d := range changes {
		var oldCard *Card
		if d.old != nil {
			oldCard = s.cards[d.old]
			delete(s.cards, d.old)
			url := d.old.URL()
			if d.new == nil || d.new.Slug != d.old.Slug {
				removed = append(removed, url+"index.html")
			}
			for _, f := range d.old.BundleFiles {
				if f != "index.html" && (d.new == nil || d.new.Slug != d.old.Slug || !slices.Contains(d.new.BundleFiles, f)) {
					removed = append(removed, url+f)
				}
			}
		}
		if d.new != nil {
			s.cards[d.new] = d.card
			if !d.new.Approved() {
				s.noIndex = append(s.noIndex, d.new.URL()) // not in the sitemap
			}
		}
		card := oldCard == nil || d.card == nil || oldCard.Card != d.card.Card
		s.home.update(d.old, d.new, card)

		// Its partner, before and after.
		var oldSlug, newSlug string
		if d.old != nil {
			oldSlug = d.old.Partner.Slug
		}
		if d.new != nil {
			newSlug = d.new.Partner.Slug
		}
		for _, slug := range uniq(oldSlug, newSlug) {
			l := s.listOf(s.partners, slug)
			before, group := s.partnerItemOf(slug), l.partner()
			l.update(keep(d.old, oldSlug == slug), keep(d.new, newSlug == slug), card)
			if ledgerChanged(d.old, d.new) {
				l.mark(1, 1) // its ledger, which sums up all its profiles
			}
			if l.partner() != group {
				l.all = true // its name, website or about, which its profiles give
			}
			s.partnerIx.update(before, s.partnerItemOf(slug))
		}

		// Its terms, before and after.
		for t := range taxonomies {
			var oldTerms, newTerms []string
			if d.old != nil {
				oldTerms = b.termSlugs(t, d.old)
			}
			if d.new != nil {
				newTerms = b.termSlugs(t, d.new)
			}
			for _, slug := range uniq(append(slices.Clone(oldTerms), newTerms...)...) {
				l := s.listOf(s.terms[t], slug)
				before := s.termItemOf(t, slug)
				in := func(terms []string) bool { return slices.Contains(terms, slug) }
				l.update(keep(d.old, in(oldTerms)), keep(d.new, in(newTerms)), card)
				after := s.termItemOf(t, slug)
				if before != after {
					l.all = true // its name or count
				}
				s.termIx[t].update(before, after)
			}
		}
	}

	// Render the pages that changed; remove those that are gone.
	var pages []*Page
	wk := b.workers[0] // no task is running
	pages, removed = s.homePages(pages, removed)
	for slug, l := range s.partners {
		if l.changed() {
			pages, removed = s.partnerPages(pages, removed, slug, l)
		}
	}
	pages, removed = s.indexPages(pages, removed, &s.partnerIx, b.partnersProto())
	for t := range taxonomies {
		for slug, l := range s.terms[t] {
			if l.changed() {
				pages, removed = s.termPages(pages, removed, t, slug, l)
			}
		}
		pages, removed = s.indexPages(pages, removed, &s.termIx[t], b.taxonomyProto(b.taxonomy(t)))
	}
	for _, pg := range c.Pages {
		p, err := b.contentPage(wk, pg)
		if err != nil {
			return SessionResult{}, err
		}
		pages = append(pages, p)
	}
	if err := b.run(b.pageTasks(pages)); err != nil {
		return SessionResult{}, err
	}

	// The sitemap's pages.
	var sitemapChanged bool
	for _, p := range b.paths {
		if !s.inSitemap[p] {
			s.inSitemap[p], sitemapChanged = true, true
		}
	}
	for _, name := range removed {
		s.noIndex = append(s.noIndex, strings.TrimSuffix(name, "index.html"))
	}
	for _, p := range s.noIndex {
		if s.inSitemap[p] {
			delete(s.inSitemap, p)
			sitemapChanged = true
		}
	}
	s.noIndex = s.noIndex[:0]
	if sitemapChanged {
		s.paths = make([]string, 0, len(s.inSitemap))
		for p := range s.inSitemap {
			s.paths = append(s.paths, p)
		}
		slices.Sort(s.paths)
	}
	s.site = site
	if len(changes) > 0 || sitemapChanged {
		s.deferred = s.newDeferred(site)
	}
	res := SessionResult{Stats: Stats{Pages: int(b.pages.Load()), Files: int(b.files.Load())}, Removed: removed, Deferred: s.deferred}
	return res, ctx.Err()
}

// ledgerChanged reports whether replacing old by new (either may be nil)
// changes what a partner's ledger shows: its figures, and its asks with
// the title and address of their partnership.
func ledgerChanged(old, new *content.Profile) bool {
	if old == nil || new == nil {
		return true
	}
	return old.Slug != new.Slug || old.Title != new.Title || old.Status != new.Status ||
		!old.Start.Equal(new.Start.Time) || old.Partner != new.Partner ||
		!reflect.DeepEqual(old.Resources, new.Resources) || !reflect.DeepEqual(old.Asks, new.Asks) ||
		!reflect.DeepEqual(old.Outcomes, new.Outcomes) || !reflect.DeepEqual(old.Surveys, new.Surveys)
}

// keep returns p when cond holds, else nil.
func keep(p *content.Profile, cond bool) *content.Profile {
	if cond {
		return p
	}
	return nil
}

// uniq returns the distinct non-empty strings of ss, in order.
func uniq(ss ...string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// termSlugs returns the slugs of p's terms in taxonomy t, each once.
func (b *build) termSlugs(t int, p *content.Profile) []string {
	var out []string
	for _, name := range content.Terms(taxonomies[t].Key, p) {
		if slug := content.TermSlug(name); !slices.Contains(out, slug) {
			out = append(out, slug)
		}
	}
	return out
}

func (s *Session) listOf(m map[string]*list, key string) *list {
	l := m[key]
	if l == nil {
		l = &list{}
		m[key] = l
	}
	return l
}

// firstBySlug returns the profile of ps with the smallest slug that
// satisfies ok (nil: any), or nil.
func firstBySlug(ps []*content.Profile, ok func(*content.Profile) bool) *content.Profile {
	var first *content.Profile
	for _, p := range ps {
		if (ok == nil || ok(p)) && (first == nil || p.Slug < first.Slug) {
			first = p
		}
	}
	return first
}

// partner is the partner of a partner's list as content.Partners makes
// it from its profiles: the name of the first by slug; the website and
// about of the first that has one.
func (l *list) partner() content.Partner {
	ps := l.entries
	first := l.firstBySlug()
	if first == nil {
		return content.Partner{}
	}
	pt := first.Partner
	if pt.URL == "" {
		if p := firstBySlug(ps, func(p *content.Profile) bool { return p.Partner.URL != "" }); p != nil {
			pt.URL = p.Partner.URL
		}
	}
	if pt.About == "" {
		if p := firstBySlug(ps, func(p *content.Profile) bool { return p.Partner.About != "" }); p != nil {
			pt.About = p.Partner.About
		}
	}
	return pt
}

func (s *Session) partnerItem(slug string, l *list) Item {
	return s.b.partnerItem(slug, l.partner().Name, l.entries)
}

// partnerItemOf is the partners index entry of slug; the zero Item when
// the partner has no published profile.
func (s *Session) partnerItemOf(slug string) Item {
	if l := s.partners[slug]; l != nil && len(l.entries) > 0 {
		return s.partnerItem(slug, l)
	}
	return Item{}
}

// termName is the name of a term as content.Taxonomies gives it: as
// written on the first profile, by slug, that has it.
func (s *Session) termName(t int, slug string, l *list) string {
	first := l.firstBySlug()
	if first == nil {
		return ""
	}
	for _, name := range content.Terms(taxonomies[t].Key, first) {
		if content.TermSlug(name) == slug {
			return name
		}
	}
	return ""
}

func (s *Session) termItem(t int, slug string, l *list) Item {
	return s.b.item(s.termName(t, slug, l), s.b.at(urls.Term(taxonomies[t].Key, slug)), len(l.entries))
}

func (s *Session) termItemOf(t int, slug string) Item {
	if l := s.terms[t][slug]; l != nil && len(l.entries) > 0 {
		return s.termItem(t, slug, l)
	}
	return Item{}
}

// homePages makes the home list's changed pages, but the first, which is
// deferred (it shows the totals of every profile).
func (s *Session) homePages(pages []*Page, removed []string) ([]*Page, []string) {
	l := &s.home
	if !l.changed() {
		return pages, removed
	}
	b := s.b
	proto := b.page("home", urls.Home, cmp.Or(b.site.Home.Title, b.view.Title), "")
	pages, removed = s.listPages(pages, removed, l, proto, 2)
	return pages, removed
}

func (s *Session) partnerPages(pages []*Page, removed []string, slug string, l *list) ([]*Page, []string) {
	b := s.b
	if len(l.entries) == 0 {
		delete(s.partners, slug)
		return pages, append(removed, l.names(urls.Partner(slug), 1, l.pages)...)
	}
	return s.listPages(pages, removed, l, b.partnerProto(l.partner(), l.entries), 1)
}

func (s *Session) termPages(pages []*Page, removed []string, t int, slug string, l *list) ([]*Page, []string) {
	b := s.b
	tv := b.taxonomy(t)
	if len(l.entries) == 0 {
		delete(s.terms[t], slug)
		return pages, append(removed, l.names(urls.Term(tv.Key, slug), 1, l.pages)...)
	}
	it := s.termItem(t, slug, l)
	return s.listPages(pages, removed, l, b.termProto(tv, &it, slug), 1)
}

// listPages makes the changed pages of a list of profiles from from on.
func (s *Session) listPages(pages []*Page, removed []string, l *list, proto *Page, from int) ([]*Page, []string) {
	n := len(l.entries)
	total := urls.PageCount(n)
	for k := from; k <= total; k++ {
		if !l.all && !l.dirty[k] {
			continue
		}
		pages = append(pages, s.b.listPage(proto, n, k, func(p *Page, lo, hi int) {
			p.Cards = make([]*Card, hi-lo)
			for i, e := range l.entries[lo:hi] {
				p.Cards[i] = s.cards[e]
			}
		}))
	}
	if total < l.pages {
		removed = append(removed, l.names(proto.Path, total+1, l.pages)...)
	}
	l.pages = total
	l.done()
	return pages, removed
}

// indexPages makes the changed pages of an index of partners or terms.
func (s *Session) indexPages(pages []*Page, removed []string, x *index, proto *Page) ([]*Page, []string) {
	if !x.changed() {
		return pages, removed
	}
	n := len(x.items)
	total := urls.PageCount(n)
	for k := 1; k <= total; k++ {
		if x.all || x.dirty[k] {
			pages = append(pages, s.b.listPage(proto, n, k, func(p *Page, lo, hi int) { p.Items = x.items[lo:hi] }))
		}
	}
	if total < x.pages {
		removed = append(removed, x.names(proto.Path, total+1, x.pages)...)
	}
	x.pages = total
	x.done()
	return pages, removed
}

// pageSet is the pages of a list to render again.
type pageSet struct {
	pages int          // how many pages the list had at the last render
	dirty map[int]bool // pages (from 1) that changed
	all   bool         // every page changed
}

func (ps *pageSet) mark(from, to int) {
	if to-from > 20 {
		ps.all = true
		return
	}
	if ps.dirty == nil {
		ps.dirty = map[int]bool{}
	}
	for k := from; k <= to; k++ {
		ps.dirty[k] = true
	}
}

func (ps *pageSet) changed() bool { return ps.all || len(ps.dirty) > 0 }

func (ps *pageSet) done() { ps.all, ps.dirty = false, nil }

// names returns the files of pages from to to of the list at path.
func (ps *pageSet) names(path string, from, to int) []string {
	var out []string
	for k := from; k <= to; k++ {
		out = append(out, urls.Paged(path, k)+"index.html")
	}
	return out
}

// A list is the published profiles of one list, in list order: the
// newest start first, then by slug.
type list struct {
	pageSet
	entries []*content.Profile
	first   *content.Profile // the first by slug, when known
}

// firstBySlug returns the entry with the smallest slug, which gives a
// partner's and a term's name.
func (l *list) firstBySlug() *content.Profile {
	if l.first == nil {
		l.first = firstBySlug(l.entries, nil)
	}
	return l.first
}

func listOrder(a, b *content.Profile) int {
	if c := b.Start.Compare(a.Start.Time); c != 0 {
		return c
	}
	return strings.Compare(a.Slug, b.Slug)
}

func (l *list) sort() { slices.SortFunc(l.entries, listOrder) }

// done also records the number of pages after a full render.
func (l *list) done() {
	l.pageSet.done()
	if l.pages == 0 {
		l.pages = urls.PageCount(len(l.entries))
	}
}

// update replaces old by new (either may be nil) and marks the pages that
// change: every page when the length changes, else those from where old
// was to where new is, or new's page when only its card changed.
func (l *list) update(old, new *content.Profile, card bool) {
	i, j := -1, -1
	if old != nil {
		if k, ok := slices.BinarySearchFunc(l.entries, old, listOrder); ok && l.entries[k] == old {
			l.entries = slices.Delete(l.entries, k, k+1)
			i = k
			if l.first == old {
				l.first = nil
			}
		}
	}
	if new != nil {
		j, _ = slices.BinarySearchFunc(l.entries, new, listOrder)
		l.entries = slices.Insert(l.entries, j, new)
		if l.first != nil && new.Slug < l.first.Slug {
			l.first = new
		}
	}
	switch {
	case i < 0 && j < 0:
	case i < 0 || j < 0:
		l.all = true // the count is on every page
	case i != j || card:
		l.mark(min(i, j)/urls.PerPage+1, max(i, j)/urls.PerPage+1)
	}
}

// An index is the partners index or a taxonomy's: one entry per partner
// or term, ordered by name as content orders them.
type index struct {
	pageSet
	items []Item
}

func itemOrder(a, b Item) int {
	if c := strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)); c != 0 {
		return c
	}
	return strings.Compare(a.Name, b.Name)
}

func (x *index) sort() { slices.SortFunc(x.items, itemOrder) }

func (x *index) done() {
	x.pageSet.done()
	if x.pages == 0 {
		x.pages = urls.PageCount(len(x.items))
	}
}

// update replaces the entry old by new; the zero Item is no entry.
func (x *index) update(old, new Item) {
	if old == new {
		return
	}
	i, j := -1, -1
	if old != (Item{}) {
		if k, ok := slices.BinarySearchFunc(x.items, old, itemOrder); ok {
			x.items = slices.Delete(x.items, k, k+1)
			i = k
		}
	}
	if new != (Item{}) {
		j, _ = slices.BinarySearchFunc(x.items, new, itemOrder)
		x.items = slices.Insert(x.items, j, new)
	}
	switch {
	case i < 0 && j < 0:
	case i < 0 || j < 0:
		x.all = true
	default:
		x.mark(min(i, j)/urls.PerPage+1, max(i, j)/urls.PerPage+1)
	}
}
