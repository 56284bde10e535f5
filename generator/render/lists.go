package render

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/ledger"
	"github.com/alongside-dev/alongside/generator/urls"
	"github.com/alongside-dev/alongside/themes"
)

// listPages makes every page but the profiles' (whose views and cards
// must be made): home, partners, taxonomies, content pages and 404. Each
// list is paginated.
func (b *build) listPages() ([]*Page, error) {
	wk := b.workers[0] // no task is running
	index := make(map[*content.Profile]int, len(b.published))
	for i, p := range b.published {
		index[p] = i
	}
	// Lists show the newest partnerships first.
	rank := make([]int, len(b.published))
	order := make([]int, len(b.published))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		return b.published[j].Start.Compare(b.published[i].Start.Time)
	})
	for r, i := range order {
		rank[i] = r
	}
	cards := func(ps []*content.Profile) []*Card {
		idx := make([]int, len(ps))
		for k, p := range ps {
			idx[k] = index[p]
		}
		slices.SortFunc(idx, func(i, j int) int { return cmp.Compare(rank[i], rank[j]) })
		out := make([]*Card, len(idx))
		for k, i := range idx {
			out[k] = b.profiles[i]
		}
		return out
	}
	var pages []*Page

	proto, err := b.homeProto(wk)
	if err != nil {
		return nil, err
	}
	proto.Ledger = b.homeLedger()
	all := cards(b.published)
	pages = append(pages, b.paginate(proto, len(all), func(p *Page, lo, hi int) {
		p.Cards = all[lo:hi]
		if p.Pager.Number > 1 {
			p.Content, p.Ledger = "", nil
		}
	})...)

	groups := content.Partners(b.published)
	partnerItems := make([]Item, len(groups))
	for i, g := range groups {
		proto := b.partnerProto(g.Partner, g.Profiles)
		partnerItems[i] = b.partnerItem(g.Partner.Slug, g.Partner.Name, g.Profiles)
		cs := cards(g.Profiles)
		pages = append(pages, b.paginate(proto, len(cs), func(p *Page, lo, hi int) { p.Cards = cs[lo:hi] })...)
	}
	pages = append(pages, b.paginate(b.partnersProto(), len(partnerItems), func(p *Page, lo, hi int) { p.Items = partnerItems[lo:hi] })...)

	for t, tx := range content.Taxonomies(b.published) {
		tv := b.taxonomy(t)
		items := make([]Item, len(tx.Terms))
		for k, term := range tx.Terms {
			items[k] = b.item(term.Name, b.at(urls.Term(tx.Key, term.Slug)), len(term.Profiles))
			proto := b.termProto(tv, &items[k], term.Slug)
			cs := cards(term.Profiles)
			pages = append(pages, b.paginate(proto, len(cs), func(p *Page, lo, hi int) { p.Cards = cs[lo:hi] })...)
		}
		pages = append(pages, b.paginate(b.taxonomyProto(tv), len(items), func(p *Page, lo, hi int) { p.Items = items[lo:hi] })...)
	}

	for _, pg := range b.site.Pages {
		p, err := b.contentPage(wk, pg)
		if err != nil {
			return nil, err
		}
		pages = append(pages, p)
	}
	pages = append(pages, b.notFound())
	return pages, nil
}

// partnersProto is the first page of the list of partners, without its
// entries.
func (b *build) partnersProto() *Page {
	c := b.l.cat
	return b.page("partners", urls.Partners, c.T("partners.title"), c.T("partners.description", "library", b.view.Library))
}

// taxonomy is the view of taxonomy t (an index of content.Taxonomies)
// in b's language, with its URL.
func (b *build) taxonomy(t int) *Taxonomy {
	tv := taxonomies[t]
	c := b.l.cat
	tv.Title, tv.Singular = c.T("taxonomy."+tv.Key+".title"), c.T("taxonomy."+tv.Key+".singular")
	tv.URL = b.at(urls.Taxonomy(tv.Key))
	return &tv
}

// taxonomyProto is the first page of the index of taxonomy tv, without
// its entries.
func (b *build) taxonomyProto(tv *Taxonomy) *Page {
	p := b.page("taxonomy", urls.Taxonomy(tv.Key), tv.Title, b.l.cat.T("taxonomy."+tv.Key+".description", "library", b.view.Library))
	p.Taxonomy = tv
	return p
}

// contentPage is the page of content/pages/<name>.md in b's language.
func (b *build) contentPage(wk *worker, pg *content.Page) (*Page, error) {
	t := b.localPage(pg)
	p := b.page("page", urls.Page(pg.Name), t.Title, t.Summary)
	p.ContentLang = t.Lang
	p.TranslationNote = b.translationNote(urls.Page(pg.Name), t.Lang, t.Stale)
	var err error
	p.Content, err = b.markdown(wk, pg.Path, t.Body)
	return p, err
}

// homeProto is the first page of the home page's list, without its
// cards and ledger.
func (b *build) homeProto(wk *worker) (*Page, error) {
	t := b.homePage()
	p := b.page("home", urls.Home, cmp.Or(t.Title, b.view.Title), "")
	p.ContentLang = t.Lang
	if len(t.Body) > 0 {
		p.TranslationNote = b.translationNote(urls.Home, t.Lang, t.Stale)
	}
	var err error
	p.Content, err = b.markdown(wk, b.site.Home.Path, t.Body)
	return p, err
}

// partnerProto is the first page of a partner's list, without its
// entries. The first page's figures and asks, which on a large site are
// thousands, are made as it is written (see Page.fill).
func (b *build) partnerProto(pt content.Partner, profiles []*content.Profile) *Page {
	c := b.l.cat
	pv := &Partner{
		Name: pt.Name, URL: b.at(urls.Partner(pt.Slug)),
		Website: pt.URL, WebsiteHost: host(pt.URL),
	}
	pv.About, pv.AboutLang = b.words(b.partnerAbout(profiles), pt.About)
	desc := cmp.Or(pv.About, c.T("partner.description", "partner", pv.Name, "library", b.view.Library))
	proto := b.page("partner", urls.Partner(pt.Slug), pv.Name, desc)
	proto.Partner = pv
	proto.fill = func(p *Page) {
		if p.Pager == nil || p.Pager.Number == 1 {
			p.Partner, p.Ledger = b.partnerFigures(pv, profiles)
		}
	}
	return proto
}

// partnerFigures completes pv, a partner without its asks, for the first
// page of its list, and returns it with the page's ledger.
func (b *build) partnerFigures(pv *Partner, profiles []*content.Profile) (*Partner, *Ledger) {
	c := b.l.cat
	full := *pv
	t := ledger.Compute(profiles)
	l := b.ledgerOf(t, "partner")
	l.Partner = pv.Name
	l.Headline = b.headline(t, "", pv.Name)
	// Its asks, partnership by partnership in list order (newest first).
	ps := slices.Clone(profiles)
	slices.SortStableFunc(ps, listOrder)
	for _, p := range ps {
		tr := b.textOf(p)
		title, _ := b.words(tr.Title, p.Title)
		where := &Link{Title: title, URL: b.at(p.URL())}
		for _, a := range b.asks(p.Asks, tr.Asks) {
			a.Where = where
			full.Asks = append(full.Asks, a)
		}
	}
	full.AskSummary = askSummary(c, t.Asks)
	full.AskItems = askItems(c, full.Asks)
	return &full, l
}

// partnerItem is a partner's entry in the partners index, with its
// figures.
func (b *build) partnerItem(slug, name string, profiles []*content.Profile) Item {
	it := b.item(name, b.at(urls.Partner(slug)), len(profiles))
	t := ledger.Compute(profiles)
	c, cur := b.l.cat, b.site.Config.Currency
	dash := func(s string, zero bool) string {
		if zero {
			return "—"
		}
		return s
	}
	it.LibraryValue = dash(c.Money(t.Library.TotalValue, cur, cur), t.Library.TotalValue == 0)
	it.PartnerValue = dash(c.Money(t.Partner.TotalValue, cur, cur), t.Partner.TotalValue == 0)
	it.LibraryHours = dash(c.Quantity(t.Library.StaffHours, "hours"), t.Library.StaffHours == 0)
	it.PartnerHours = dash(c.Quantity(t.Partner.StaffHours, "hours"), t.Partner.StaffHours == 0)
	it.Delivered, it.Declined = c.Number(float64(t.Asks.Delivered)), c.Number(float64(t.Asks.Declined))
	return it
}

// termProto is the first page of a term's list, without its cards; term
// is its entry in the taxonomy's index.
func (b *build) termProto(tv *Taxonomy, term *Item, slug string) *Page {
	c := b.l.cat
	proto := b.page("term", urls.Term(tv.Key, slug), term.Name,
		c.T("taxonomy.term_description", "taxonomy", tv.Singular, "term", term.Name, "partnerships", term.CountText, "library", b.view.Library))
	proto.Taxonomy, proto.Term = tv, term
	proto.DocTitle, proto.docHead = b.docTitle(isolate(term.Name) + " — " + tv.Title)
	return proto
}

// item is an entry of an index: a partner or a term, with its count of
// partnerships.
func (b *build) item(name, url string, n int) Item {
	return Item{Name: name, URL: url, Count: n, CountText: b.l.cat.N("count.partnerships", float64(n))}
}

// paginate splits a list of n entries into pages as urls.Paged lays them
// out. fill puts entries lo to hi on each.
func (b *build) paginate(proto *Page, n int, fill func(p *Page, lo, hi int)) []*Page {
	out := make([]*Page, urls.PageCount(n))
	for k := range out {
		out[k] = b.listPage(proto, n, k+1, fill)
	}
	return out
}

// listPage makes page k (from 1) of a list of n entries, as paginate
// does; Session makes only the pages of a list that changed.
func (b *build) listPage(proto *Page, n, k int, fill func(p *Page, lo, hi int)) *Page {
	total := urls.PageCount(n)
	at := func(k int) string { return b.base + urls.Paged(proto.Path, k) }
	p := *proto
	p.Count = n
	p.Pager = &Pager{Number: k, Total: total}
	if k > 1 {
		_, path := urls.Lang(proto.Path, []string{b.code})
		b.setPath(&p, urls.Paged(path, k))
		p.DocTitle, p.docHead = b.docTitle(b.l.cat.T("site.doc_title_page", "title", proto.docHead, "page", b.l.cat.Number(float64(k)), "pages", b.l.cat.Number(float64(total))))
		p.Pager.First, p.Pager.Prev = at(1), at(k-1)
	}
	if k < total {
		p.Pager.Next, p.Pager.Last = at(k+1), at(total)
	}
	lo, hi := (k-1)*urls.PerPage, min(n, k*urls.PerPage)
	p.Pager.From, p.Pager.To = lo+1, hi
	fill(&p, lo, hi)
	return &p
}

func (b *build) pageTasks(pages []*Page) []task {
	tasks := make([]task, len(pages))
	for i, p := range pages {
		tasks[i] = func(wk *worker) error { return b.execute(wk, p) }
	}
	return tasks
}

// staticTasks copies the static files of the theme: the built-in
// default/static/ and the site's themes/<theme>/static/, whose files
// replace built-in ones of the same path.
func (b *build) staticTasks() ([]task, error) {
	type source struct {
		fsys fs.FS
		path string
	}
	files := map[string]source{}
	var names []string
	collect := func(fsys fs.FS, root string) error {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && p != root {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if !d.Type().IsRegular() { // a symlink: only to a file inside the site
				if fi, err := fs.Stat(fsys, p); err != nil || !fi.Mode().IsRegular() {
					return nil
				}
			}
			name := strings.TrimPrefix(p, root+"/")
			if _, ok := files[name]; !ok {
				names = append(names, name)
			}
			files[name] = source{fsys, p}
			return nil
		})
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	if err := collect(themes.FS, "default/static"); err != nil {
		return nil, fmt.Errorf("render: built-in theme: %w", err)
	}
	if b.fsys != nil {
		root := path.Join("themes", b.r.theme, "static")
		if err := collect(b.fsys, root); err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
	}
	tasks := make([]task, len(names))
	for i, name := range names {
		src := files[name]
		tasks[i] = func(*worker) error { return b.copy(name, src.fsys, src.path) }
	}
	return tasks, nil
}
