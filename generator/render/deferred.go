package render

import (
	"cmp"
	"context"
	"errors"
	"io"
	"io/fs"
	"maps"
	"slices"
	"sync"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/export"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/urls"
)

// A Deferred renders the files of one render that sum up every profile:
// the first home page (totals and charts), the reports, /data/ and the
// data files, the feed, robots.txt and the sitemap. Each file is
// rendered once, by Render or when it is first asked for, whichever
// comes first, so that the one a reader waits for costs only itself. It
// keeps its own copy of what they need, so it renders the site as it
// was, whatever renders came after. It is safe for concurrent use.
type Deferred struct {
	r    *Renderer
	fsys fs.FS
	opts Options
	site content.Site // Profiles and Pages are copies
	home *Page        // the first home page, without its text and totals
	// paths are the pages of the sitemap, sorted.
	paths []string

	plan    func() (*deferredPlan, error) // made on first use
	files   *output.Memory                // what the files rendered so far hold
	records *export.Records               // the session's
}

// A deferredPlan is every file of a Deferred, in the order Render
// renders them, with the build that renders them.
type deferredPlan struct {
	names  []string
	byName map[string]*deferredFile
}

// A deferredFile is one file of a Deferred, rendered once. A render that
// is cancelled leaves it as if never started, so that the next request
// renders it.
type deferredFile struct {
	render  func(ctx context.Context) error // writes the file to Deferred.files
	mu      sync.Mutex
	running chan struct{} // closed when the render under way ends; nil when none is
	done    bool          // err is set, and the file written unless err is
	err     error
}

func (s *Session) newDeferred(site *content.Site) *Deferred {
	b := s.b
	var prev *output.Memory // the files of the Deferred this one replaces
	if s.deferred != nil {
		prev = s.deferred.files
	}
	d := &Deferred{r: s.r, fsys: s.fsys, opts: s.opts, site: *site, paths: s.paths, files: output.NewMemoryLike(prev), records: s.records}
	d.site.Profiles = slices.Clone(site.Profiles)
	d.site.Pages = slices.Clone(site.Pages)
	proto := b.page("home", "", cmp.Or(site.Home.Title, b.view.Title), "")
	l := &s.home
	d.home = b.listPage(proto, len(l.entries), 1, func(p *Page, lo, hi int) {
		p.Cards = make([]*Card, hi-lo)
		for i, e := range l.entries[lo:hi] {
			p.Cards[i] = s.cards[e]
		}
	})
	d.plan = sync.OnceValues(d.makePlan)
	return d
}

// makePlan lists d's files and how each is rendered, with one build for
// them all: its totals of the fiscal years are summed once, and each
// year's rows are made by the first of its pages to be rendered. A file
// is rendered on a worker of its own, since requests and Render render
// files at the same time.
func (d *Deferred) makePlan() (*deferredPlan, error) {
	b, err := d.r.newBuild(context.Background(), &d.site, d.fsys, d.opts, d.files)
	if err != nil {
		return nil, err
	}
	plan := &deferredPlan{byName: map[string]*deferredFile{}}
	add := func(name string, render func(ctx context.Context) error) {
		plan.names = append(plan.names, name)
		plan.byName[name] = &deferredFile{render: render}
	}
	add(urls.File(d.home.Path), func(context.Context) error {
		wk := &worker{}
		p := *d.home
		p.Site = b.view
		var err error
		if p.Content, err = b.markdown(wk, d.site.Home.Path, d.site.Home.Body); err != nil {
			return err
		}
		p.Ledger = b.homeLedger()
		return b.execute(wk, &p)
	})
	for _, p := range b.ledgerPages() {
		add(urls.File(p.Path), func(context.Context) error { return b.execute(&worker{}, p) })
	}
	streams := export.Streams(&d.site, b.published, b.sums(), b.opts.BaseURL, b.opts.Now, d.paths, d.records)
	for _, name := range slices.Sorted(maps.Keys(streams)) {
		add(name, func(ctx context.Context) error {
			return cancelWriter{d.files, ctx}.WriteStream(name, streams[name])
		})
	}
	return plan, nil
}

// Owns reports whether the file name, if it exists, is one of d's: the
// caller must then take it from d, not from an earlier render.
func (d *Deferred) Owns(name string) bool {
	switch k, _ := urls.Classify(name); k {
	case urls.HomePage, urls.ReportPage, urls.DataPage, urls.DataFile, urls.Machine:
		return true
	}
	return false
}

// File returns the file name, rendering it if it was not yet; ok is
// false when the file does not exist. A call while the file is being
// rendered waits for that render.
func (d *Deferred) File(name string) (data []byte, ok bool, err error) {
	if !d.Owns(name) {
		return nil, false, nil
	}
	plan, err := d.plan()
	if err != nil {
		return nil, false, err
	}
	f := plan.byName[name]
	if f == nil {
		return nil, false, nil
	}
	if err := f.get(context.Background()); err != nil {
		return nil, false, err
	}
	data, ok = d.files.Get(name)
	return data, ok, nil
}

// Render renders every file not yet rendered, one after the other, so
// that a request for one of them meanwhile has a core to render it
// itself. It returns when all are, or when ctx is done: a file whose
// render it started is then left to the next request for it, and the
// error is ctx's. Call it as soon as the Deferred is made, so that the
// files are ready before they are asked for.
func (d *Deferred) Render(ctx context.Context) error {
	plan, err := d.plan()
	if err != nil {
		return err
	}
	var errs []error
	for _, name := range plan.names {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := plan.byName[name].get(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) == 0 {
		d.records.Keep() // every part the data files need was used
	}
	return cmp.Or(ctx.Err(), errors.Join(errs...))
}

// get renders f if no one has, or waits for the render under way. It
// returns ctx's error when ctx is done first.
func (f *deferredFile) get(ctx context.Context) error {
	for {
		f.mu.Lock()
		if f.done {
			f.mu.Unlock()
			return f.err
		}
		if running := f.running; running != nil {
			f.mu.Unlock()
			select {
			case <-running:
				continue // done, or cancelled: then render it here
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		running := make(chan struct{})
		f.running = running
		f.mu.Unlock()

		err := f.render(ctx)
		f.mu.Lock()
		f.running = nil
		cancelled := err != nil && ctx.Err() != nil
		if !cancelled {
			f.err, f.done = err, true
		}
		f.mu.Unlock()
		close(running)
		if cancelled {
			return ctx.Err()
		}
		return err
	}
}

// Ready reports whether the file name is one of d's and is rendered,
// without rendering it.
func (d *Deferred) Ready(name string) bool {
	if !d.Owns(name) {
		return false
	}
	plan, err := d.plan()
	if err != nil {
		return false
	}
	f := plan.byName[name]
	if f == nil {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.done
}

// A cancelWriter stops writing a stream when ctx is done: package export
// writes its files whole, and the data files of a large site take a while.
type cancelWriter struct {
	output.Writer
	ctx context.Context
}

func (w cancelWriter) WriteStream(name string, write func(io.Writer) error) error {
	return w.Writer.WriteStream(name, func(iw io.Writer) error { return write(cancelIO{iw, w.ctx}) })
}

type cancelIO struct {
	io.Writer
	ctx context.Context
}

func (w cancelIO) Write(p []byte) (int, error) {
	if err := w.ctx.Err(); err != nil {
		return 0, err
	}
	return w.Writer.Write(p)
}
