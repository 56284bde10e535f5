package render

import (
	"cmp"
	"context"
	"errors"
	"io"
	"io/fs"
	"slices"
	"sync"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/export"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/urls"
)

// A Deferred renders the files of one render that sum up every profile:
// the first home page (totals and charts), the reports, /data/ and the
// data files, the feed, robots.txt and the sitemap. They are in three
// groups, each rendered once, by Render or when one of its files is first
// asked for, whichever comes first. It keeps its own copy of what they
// need, so it renders the site as it was, whatever renders came after. It
// is safe for concurrent use.
type Deferred struct {
	r    *Renderer
	fsys fs.FS
	opts Options
	site content.Site // Profiles and Pages are copies
	home *Page        // the first home page, without its text and totals
	// paths are the pages of the sitemap, sorted.
	paths []string

	groups [3]deferredGroup
}

// A deferredGroup is one group's files, rendered once. A render that is
// cancelled leaves it as if never started, so that the next request
// renders it.
type deferredGroup struct {
	mu      sync.Mutex
	running chan struct{} // closed when the render under way ends; nil when none is
	done    bool          // files and err are set
	files   *output.Memory
	err     error
}

// The groups of a Deferred, each rendered at once.
const (
	groupHome = iota
	groupReports
	groupExport
)

func (s *Session) newDeferred(site *content.Site) *Deferred {
	b := s.b
	d := &Deferred{r: s.r, fsys: s.fsys, opts: s.opts, site: *site, paths: s.paths}
	d.site.Profiles = slices.Clone(site.Profiles)
	d.site.Pages = slices.Clone(site.Pages)
	proto := b.page("home", "", cmp.Or(site.Home.Title, b.view.Title), "")
	l := &s.home
	d.home = b.listPage(proto, len(l.entries), 1, func(p *Page, lo, hi int) {
		p.Cards = make([]*Profile, hi-lo)
		for i, e := range l.entries[lo:hi] {
			p.Cards[i] = s.views[e]
		}
	})
	return d
}

// group returns the group that holds the file name, if any.
func (d *Deferred) group(name string) int {
	switch k, _ := urls.Classify(name); k {
	case urls.HomePage:
		return groupHome
	case urls.ReportPage, urls.DataPage:
		return groupReports
	case urls.DataFile, urls.Machine:
		return groupExport
	}
	return -1
}

// Owns reports whether the file name, if it exists, is one of d's: the
// caller must then take it from d, not from an earlier render.
func (d *Deferred) Owns(name string) bool { return d.group(name) >= 0 }

// File returns the file name, rendering its group of files if it was
// not yet; ok is false when the file does not exist. A call while the
// group is being rendered waits for that render.
func (d *Deferred) File(name string) (data []byte, ok bool, err error) {
	k := d.group(name)
	if k < 0 {
		return nil, false, nil
	}
	files, err := d.get(context.Background(), k)
	if files == nil {
		return nil, false, err
	}
	data, ok = files.Get(name)
	return data, ok, err
}

// Render renders every group not yet rendered, at once, and returns when
// all are, or when ctx is done: a group whose render it started is then
// left to the next request for one of its files, and the error is
// ctx's. Call it as soon as the Deferred is made, so that the files are
// ready before they are asked for.
func (d *Deferred) Render(ctx context.Context) error {
	var wg sync.WaitGroup
	errs := make([]error, len(d.groups))
	for k := range d.groups {
		wg.Go(func() { _, errs[k] = d.get(ctx, k) })
	}
	wg.Wait()
	return cmp.Or(ctx.Err(), errors.Join(errs...))
}

// get returns group k's files, rendering them if no one has, or waiting
// for the render under way. It returns nil files only when ctx is done
// first.
func (d *Deferred) get(ctx context.Context, k int) (*output.Memory, error) {
	g := &d.groups[k]
	for {
		g.mu.Lock()
		if g.done {
			g.mu.Unlock()
			return g.files, g.err
		}
		if running := g.running; running != nil {
			g.mu.Unlock()
			select {
			case <-running:
				continue // done, or cancelled: then render it here
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		running := make(chan struct{})
		g.running = running
		g.mu.Unlock()

		files, err := d.render(ctx, k)
		g.mu.Lock()
		g.running = nil
		cancelled := err != nil && ctx.Err() != nil
		if !cancelled {
			g.files, g.err, g.done = files, err, true
		}
		g.mu.Unlock()
		close(running)
		if cancelled {
			return nil, ctx.Err()
		}
		return files, err
	}
}

// Ready reports whether the file name is one of d's and its group is
// rendered, without rendering it.
func (d *Deferred) Ready(name string) bool {
	k := d.group(name)
	if k < 0 {
		return false
	}
	g := &d.groups[k]
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.done
}

// render renders group k with a build of its own.
func (d *Deferred) render(ctx context.Context, k int) (*output.Memory, error) {
	w := output.NewMemory()
	b, err := d.r.newBuild(ctx, &d.site, d.fsys, d.opts, w)
	if err != nil {
		return w, err
	}
	switch k {
	case groupHome:
		p := *d.home
		p.Site = b.view
		if p.Content, err = b.markdown(b.workers[0], d.site.Home.Path, d.site.Home.Body); err != nil {
			return w, err
		}
		p.Ledger = b.homeLedger()
		err = b.run(b.pageTasks([]*Page{&p}))
	case groupReports:
		err = b.run(b.pageTasks(b.ledgerPages()))
	case groupExport:
		err = export.Write(cancelWriter{w, ctx}, &d.site, b.published, b.opts.BaseURL, b.opts.Now, d.paths)
	}
	return w, err
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
