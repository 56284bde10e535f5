package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/alongside-dev/alongside/generator"
	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/render"
	"github.com/alongside-dev/alongside/generator/urls"
)

// Options configure a Server.
type Options struct {
	Site string // the site folder
	Bind string // the address to listen on; "" means 127.0.0.1
	Port int    // 0 picks a free port
	// Poll, when not 0, finds changes by walking the site this often
	// instead of by file events.
	Poll time.Duration
	// Debounce is how long the server waits after a change for more
	// before it rebuilds; 0 means 50 ms.
	Debounce time.Duration
	// Clock tells the time of each build (its day is the build date);
	// nil means time.Now.
	Clock func() time.Time
	// Stdout gets the address and one line per rebuild; Stderr the
	// errors. Nil discards.
	Stdout, Stderr io.Writer
}

// A Server serves one site folder from memory, rebuilding it as it changes.
type Server struct {
	opts Options
	dir  string // the site folder, absolute
	fsys fs.FS
	ln   net.Listener

	cur atomic.Pointer[state]
	hub *hub

	// Owned by the goroutine that builds.
	loader  *content.Loader
	pending content.Change  // read but not yet rendered
	session *render.Session // nil: the next render is a full one
	theme   string          // of the session
	today   content.Date    // of the session
	// stopSum cancels the background render of the last build's
	// render.Deferred (see sum); nil when there is none.
	stopSum context.CancelFunc
	summing sync.WaitGroup // the background renders not yet ended

	builds   atomic.Int64 // rebuilds after the first build
	rendered atomic.Int64 // pages the last build rendered
	mu       sync.Mutex   // serializes builds (Run's loop, and tests)

	lastBuild atomic.Int64  // how long the last build took, in nanoseconds
	warned    chan struct{} // closed when the first good build's warnings are printed
	onBuild   func()        // called after each build, for tests
	// beforeRender is called, for tests, when the first build has read
	// the site and starts rendering it.
	beforeRender func()
	siteRead     func() // closes the first build's read channel (see state), once
}

// New opens the site folder and starts listening, so that a port in use
// is reported before anything is built. Run builds and serves.
func New(opts Options) (*Server, error) {
	if opts.Bind == "" {
		opts.Bind = "127.0.0.1"
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 50 * time.Millisecond
	}
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	opts.Stdout, opts.Stderr = &lockedWriter{w: opts.Stdout}, &lockedWriter{w: opts.Stderr}
	dir, err := filepath.Abs(opts.Site)
	if err != nil {
		return nil, err
	}
	fsys, err := generator.OpenSite(dir)
	if err != nil {
		return nil, err
	}
	generator.PrepareHeap(fsys)
	addr := net.JoinHostPort(opts.Bind, strconv.Itoa(opts.Port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("port %d is already in use on %s: stop what uses it, or choose another with --port (--port 0 picks a free one)", opts.Port, opts.Bind)
		}
		return nil, fmt.Errorf("cannot listen on %s: %w", addr, errors.Unwrap(err))
	}
	s := &Server{opts: opts, dir: dir, fsys: fsys, ln: ln, hub: newHub(), loader: content.NewLoader(fsys)}
	s.cur.Store(newState(nil, nil, "/", s.hub.version()))
	return s, nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// origin is http://host:port of the server, as pages link to it.
func (s *Server) origin() string {
	host := s.opts.Bind
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	_, port, _ := net.SplitHostPort(s.ln.Addr().String())
	return "http://" + net.JoinHostPort(host, port)
}

// URL is the address of the site's home page; it is set by the first build.
func (s *Server) URL() string {
	return s.origin() + s.cur.Load().base
}

// Handler serves the site as last built, and the reload events.
func (s *Server) Handler() http.Handler {
	_, port, _ := net.SplitHostPort(s.ln.Addr().String())
	return &handler{cur: &s.cur, hub: s.hub, port: port}
}

// Builds returns the number of rebuilds since the first build.
func (s *Server) Builds() int64 { return s.builds.Load() }

// Rendered returns the number of pages the last build rendered (not
// counting those deferred until they are asked for).
func (s *Server) Rendered() int64 { return s.rendered.Load() }

// Snapshot returns the site as it is served now.
func (s *Server) Snapshot() *Snapshot { return s.cur.Load().snap }

// Run builds the site, serves it and rebuilds it when it changes, until
// ctx is done; then it closes the event streams, shuts the HTTP server
// down (waiting at most 2 s for requests in flight) and returns nil.
func (s *Server) Run(ctx context.Context) error {
	defer s.ln.Close()
	deb := newDebouncer(s.opts.Debounce, 20*s.opts.Debounce)
	defer deb.stop()
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	var watching <-chan struct{}
	if s.opts.Poll > 0 {
		watching = pollEvents(watchCtx, s.fsys, s.opts.Poll, deb.mark)
	} else {
		var err error
		watching, err = watchEvents(watchCtx, s.dir, deb.mark, func(err error) {
			fmt.Fprintf(s.opts.Stderr, "alongside serve: watching: %v\n", err)
		})
		if err != nil {
			return fmt.Errorf("watching %s: %w", s.opts.Site, err)
		}
	}
	// Reads stop at an interrupt, so that loading a large site does not
	// hold it up.
	s.loader = content.NewLoader(generator.WithContext(ctx, s.fsys))
	start := time.Now()
	// Requests are taken from the start: while the first build runs, the
	// pages that can be made alone are made on request (see build), and
	// the others wait for it.
	building, read := make(chan struct{}), make(chan struct{})
	s.siteRead = sync.OnceFunc(func() { close(read) })
	st := newState(nil, nil, "/", s.hub.version())
	st.building, st.read, st.waiting = building, read, new(atomic.Int32)
	s.cur.Store(st)
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(s.ln) }()
	s.build(ctx, nil)
	s.siteRead() // if it could not be read, or had errors: no page was made early
	close(building)
	if ctx.Err() != nil {
		stopWatch()
		srv.Close()
		<-watching
		return nil
	}
	st = s.cur.Load()
	how := "watching for changes"
	if s.opts.Poll > 0 {
		how = "polling for changes every " + s.opts.Poll.String()
	}
	fmt.Fprintf(s.opts.Stdout, "Serving %s at %s (%d files, built in %s; %s). Press Ctrl-C to stop.\n",
		s.opts.Site, s.URL(), st.snap.Len(), roundDuration(time.Since(start)), how)

	var err error
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case err = <-serveErr:
			break loop
		case <-deb.ready:
			if paths := deb.take(); len(paths) > 0 {
				s.build(ctx, paths)
			}
		}
	}
	stopWatch()
	s.stopSummaries()
	s.hub.close()
	// Requests in flight may finish; connections that a browser opened
	// but never used are closed after the grace period.
	shutCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if srv.Shutdown(shutCtx) != nil {
		srv.Close()
	}
	<-watching
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// build reads what changed (paths; nil: everything), renders what depends
// on it and, if all went well, serves the new snapshot. When the content
// has errors, or the render fails, the last good snapshot stays, with the
// failure shown over every page.
func (s *Server) build(ctx context.Context, paths []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	defer func() {
		s.lastBuild.Store(int64(time.Since(start)))
		if s.onBuild != nil {
			s.onBuild()
		}
	}()
	if paths == nil {
		s.pending = s.loader.Load()
	} else {
		// The edit's own pages first: the sums of the snapshot it
		// replaces would take the cores from them (a request for one
		// renders it).
		s.cancelSum()
		s.builds.Add(1)
		s.pending = s.pending.Merge(s.loader.Update(paths))
	}
	if ctx.Err() != nil {
		return // stopping: what was read after the interrupt is not the site
	}
	old := s.cur.Load()
	probs := s.loader.Problems()
	if len(probs.Errors()) > 0 {
		s.fail(old, newFailure(probs, nil, s.loader.Source), probs)
		return
	}
	printWarnings(s.opts.Stderr, probs, paths)
	if s.warned == nil { // the first build without errors
		defer s.checkSite(ctx, probs)
	}
	if old.building != nil {
		s.early(ctx, old)
		afterFirstPages(ctx, old.waiting, time.Second)
		if s.beforeRender != nil {
			s.beforeRender()
		}
	}
	snap, changed, deferred, err := s.render(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return
		}
		s.fail(old, newFailure(nil, err, s.loader.Source), nil)
		return
	}
	all := old.fail != nil || old.base != s.basePath()
	var r reload
	if !all {
		r.Paths, all = reloadPaths(changed, s.basePath())
	}
	if deferred {
		// The totals on the home page, the reports and /data/ are made
		// when asked for; they may have changed.
		base := s.basePath()
		r.Paths = append(r.Paths, base+urls.File(urls.Home), base+urls.File(urls.Data))
		r.Prefixes = []string{base + urls.Reports}
	}
	if !all && r.empty() && old.snap != nil {
		if paths != nil {
			fmt.Fprintf(s.opts.Stdout, "%s: nothing to rebuild (%s)\n", describePaths(paths), roundDuration(time.Since(start)))
		}
		return
	}
	s.cur.Store(newState(snap, nil, s.basePath(), s.hub.next()))
	if snap.deferred != old.snap.deferredOrNil() {
		s.sum(ctx, snap.deferred)
	}
	r.All = all
	s.hub.publish(r)
	if paths != nil {
		what := "files"
		if len(changed) == 1 {
			what = "file"
		}
		fixed := ""
		if old.fail != nil {
			fixed = "errors fixed; "
		}
		fmt.Fprintf(s.opts.Stdout, "%s: %s%d %s changed, rebuilt in %s\n", describePaths(paths), fixed, len(changed), what, roundDuration(time.Since(start)))
	}
}

// checkSite prints, in the background, the warnings of generator.Check
// that are not among printed, and closes s.warned when it is done. Check
// reads every story (a second on a large site), so the first good build
// runs it after its own render: the first pages are not slowed by it. A
// rebuild does not run it, nor a server that is stopping.
func (s *Server) checkSite(ctx context.Context, printed content.Problems) {
	if ctx.Err() != nil {
		return
	}
	site := *s.loader.Site()
	site.Profiles, site.Pages = slices.Clone(site.Profiles), slices.Clone(site.Pages)
	s.warned = make(chan struct{})
	go func() {
		defer close(s.warned)
		var ws content.Problems
		for _, p := range generator.Check(s.fsys, &site, content.DayOf(s.now())) {
			if !slices.Contains(printed, p) {
				ws = append(ws, p)
			}
		}
		for _, p := range ws {
			fmt.Fprintln(s.opts.Stderr, p)
		}
		if len(ws) > 0 {
			fmt.Fprintln(s.opts.Stderr, ws.Summary())
		}
	}()
}

// early lets requests that come while the first build renders the site
// have the pages that can be made alone (render.Renderer.Page), each made
// once, from the site as read: the first page a browser asks for (the
// home page, a profile's) and its stylesheet do not wait for the rest.
func (s *Server) early(ctx context.Context, building *state) {
	site := s.loader.Site()
	r, err := render.New(s.fsys, site.Config.Theme)
	if err != nil {
		return // the build reports it
	}
	opts := render.Options{BaseURL: s.origin() + s.basePath(), Unapproved: true, Now: s.now()}
	var made sync.Map // name → *File
	st := newState(nil, nil, s.basePath(), s.hub.version())
	st.building, st.read, st.waiting = building.building, building.read, building.waiting
	defer func() {
		s.cur.Store(st)
		s.siteRead()
	}()
	st.early = func(name string) (*File, bool) {
		if f, ok := made.Load(name); ok {
			return f.(*File), true
		}
		data, ok, err := r.Page(ctx, site, s.fsys, opts, name)
		if err != nil || !ok {
			return nil, false
		}
		f, _ := made.LoadOrStore(name, newFile(name, data))
		return f.(*File), true
	}
}

// afterFirstPages returns once the requests counted by waiting, which
// came while the site was read, are answered (the pages made alone), or
// after limit, or when ctx is done: rendering the whole site on every
// core meanwhile would take three times as long to answer them.
func afterFirstPages(ctx context.Context, waiting *atomic.Int32, limit time.Duration) {
	for end := time.Now().Add(limit); waiting.Load() > 0 && time.Now().Before(end) && ctx.Err() == nil; {
		time.Sleep(time.Millisecond)
	}
}

// sum renders d, the pages of the new snapshot that sum up every
// profile (nil: none are deferred), in the background, so that they are
// ready when the tabs that show them reload; a request for one of them
// meanwhile waits for it. It cancels the render of the previous
// snapshot's, which is served no more: a request that still holds that
// snapshot renders what it needs itself.
func (s *Server) sum(ctx context.Context, d *render.Deferred) {
	s.cancelSum()
	if d == nil {
		return
	}
	ctx, s.stopSum = context.WithCancel(ctx)
	s.summing.Go(func() { d.Render(ctx) }) // a failure is served to whoever asks
}

// stopSummaries cancels the background render and waits for those
// cancelled before to end.
func (s *Server) stopSummaries() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cancelSum()
	s.summing.Wait()
}

// cancelSum cancels the background render of the sums, if one runs.
func (s *Server) cancelSum() {
	if s.stopSum != nil {
		s.stopSum()
		s.stopSum = nil
	}
}

// fail keeps the last good snapshot and shows f over it.
func (s *Server) fail(old *state, f *failure, probs content.Problems) {
	if f.err != nil {
		fmt.Fprintf(s.opts.Stderr, "alongside serve: %v\n", f.err)
	} else {
		for _, p := range probs {
			fmt.Fprintln(s.opts.Stderr, p)
		}
		fmt.Fprintln(s.opts.Stderr, probs.Summary()+"; still serving the last good build")
	}
	if old.fail != nil && string(old.fail.overlay) == string(f.overlay) {
		return // the same errors: no need to reload the tabs
	}
	s.cur.Store(newState(old.snap, f, old.base, s.hub.next()))
	s.hub.publish(reload{All: true})
}

// now is the time of a build.
func (s *Server) now() time.Time {
	if s.opts.Clock != nil {
		return s.opts.Clock()
	}
	return time.Now()
}

// basePath is the path of the site's base_url: "/" or "/sub/".
func (s *Server) basePath() string { return s.loader.Site().Config.BasePath() }

// render renders what changed since the last render and returns the new
// snapshot, the names of the files that changed and whether the pages
// that sum up every profile (deferred until asked for) may have changed.
func (s *Server) render(ctx context.Context) (*Snapshot, []string, bool, error) {
	c := s.pending
	site := s.loader.Site()
	now := s.now()
	today := content.DayOf(now)
	if c.Full || s.session == nil || s.theme != site.Config.Theme || today != s.today {
		r, err := render.New(s.fsys, site.Config.Theme)
		if err != nil {
			return nil, nil, false, err
		}
		opts := render.Options{BaseURL: s.origin() + s.basePath(), Unapproved: true, Now: now}
		s.session, s.theme, s.today = r.NewSession(s.fsys, opts), site.Config.Theme, today
		c = content.Change{Full: true}
	}
	prev := s.cur.Load().snap
	col := newCollector(prev)
	res, err := s.session.Render(ctx, site, c, col)
	if err != nil {
		s.session = nil // its state is half updated: start again
		return nil, nil, false, err
	}
	s.rendered.Store(int64(res.Pages))
	snap, changed := col.snapshot(res.Removed, c.Full)
	snap.deferred = res.Deferred
	s.pending = content.Change{}
	return snap, changed, res.Deferred != nil && res.Deferred != prev.deferredOrNil(), nil
}

// reloadPaths turns the names of changed files into what open tabs must
// reload: the URL paths of changed pages, the profile page of a changed
// bundle file, or every tab (all) when a file that any page may use
// changed (the stylesheet, a theme's image).
func reloadPaths(changed []string, base string) (pages []string, all bool) {
	for _, name := range changed {
		switch kind, slug := urls.Classify(name); {
		case kind == urls.BundleFile:
			pages = append(pages, base+urls.File(urls.Profile(slug)))
		case strings.HasSuffix(name, ".html"):
			pages = append(pages, base+name)
		case kind == urls.DataFile, kind == urls.Machine:
			// read by machines, not shown in a tab with the script
		default:
			return nil, true
		}
	}
	return pages, false
}

// printWarnings prints the warnings about the files just read (all of
// them on the first build).
func printWarnings(w io.Writer, probs content.Problems, paths []string) {
	for _, p := range probs {
		if !p.Warning {
			continue
		}
		if paths != nil && !touches(paths, p.Path) {
			continue
		}
		fmt.Fprintln(w, p)
	}
}

func touches(paths []string, file string) bool {
	for _, p := range paths {
		if p == file || under(file, p) {
			return true
		}
	}
	return false
}

// describePaths names what changed for the terminal: one path, or the
// first and a count.
func describePaths(paths []string) string {
	switch len(paths) {
	case 0:
		return "nothing"
	case 1:
		return paths[0]
	}
	first := paths[0]
	for _, p := range paths[1:] {
		if p < first {
			first = p
		}
	}
	return fmt.Sprintf("%s and %d more", first, len(paths)-1)
}

func roundDuration(d time.Duration) string {
	if d < time.Second {
		return strconv.FormatInt(d.Milliseconds(), 10) + " ms"
	}
	return strconv.FormatFloat(d.Seconds(), 'f', 2, 64) + " s"
}

// lockedWriter serializes the writes of the build and of the warnings
// printed in the background.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
