package serve

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// eventsPath is where pages listen for rebuilds (Server-Sent Events). It
// is outside any site's files: the handler answers it first.
const eventsPath = "/__alongside/events"

// maxPaths is the most changed pages a reload event names; beyond it the
// event tells every tab to reload.
const maxPaths = 1000

// history is how many past builds the hub remembers, for a tab that
// reconnects after missing some.
const history = 64

// A reload is what one or more rebuilds changed, as sent to the tabs:
// the URL paths of the pages that changed ("/partnerships/x/index.html"),
// or All when every tab must reload (the stylesheet changed, an error
// appeared or went away, the server restarted).
type reload struct {
	Version  string   `json:"v"`
	All      bool     `json:"all,omitempty"`
	Paths    []string `json:"paths,omitempty"`
	Prefixes []string `json:"prefixes,omitempty"` // every page below these paths
}

func (r *reload) merge(o reload) {
	r.Version = o.Version
	if r.All || o.All {
		r.All, r.Paths, r.Prefixes = true, nil, nil
		return
	}
	for _, p := range o.Paths {
		if !slices.Contains(r.Paths, p) {
			r.Paths = append(r.Paths, p)
		}
	}
	for _, p := range o.Prefixes {
		if !slices.Contains(r.Prefixes, p) {
			r.Prefixes = append(r.Prefixes, p)
		}
	}
	if len(r.Paths)+len(r.Prefixes) > maxPaths {
		r.All, r.Paths, r.Prefixes = true, nil, nil
	}
}

func (r *reload) empty() bool { return !r.All && len(r.Paths) == 0 && len(r.Prefixes) == 0 }

// A hub sends reload events to every connected tab.
type hub struct {
	instance string // tells this run of the server from an earlier one
	done     chan struct{}

	mu      sync.Mutex
	gen     uint64
	past    []pastBuild // the last builds, oldest first
	clients map[*client]struct{}
	closed  bool
}

type pastBuild struct {
	gen uint64
	r   reload
}

// A client is one connected tab. pending gathers what changed until the
// tab's handler sends it.
type client struct {
	wake    chan struct{}
	mu      sync.Mutex
	pending reload
}

func newHub() *hub {
	return &hub{
		instance: strconv.FormatInt(time.Now().UnixNano(), 36),
		done:     make(chan struct{}),
		clients:  map[*client]struct{}{},
	}
}

// version returns the current build's version, as pages carry it.
func (h *hub) version() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.versionLocked()
}

func (h *hub) versionLocked() string {
	return h.instance + "-" + strconv.FormatUint(h.gen, 10)
}

// next returns the version the next published build will have: serve its
// pages with it, then publish.
func (h *hub) next() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.instance + "-" + strconv.FormatUint(h.gen+1, 10)
}

// publish records a new build and tells every tab what it changed (r,
// whose version it sets). It returns the new version. Call it once the
// new build is being served.
func (h *hub) publish(r reload) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.gen++
	r.Version = h.versionLocked()
	if r.All || len(r.Paths)+len(r.Prefixes) > maxPaths {
		r.All, r.Paths, r.Prefixes = true, nil, nil
	}
	h.past = append(h.past, pastBuild{h.gen, r})
	if len(h.past) > history {
		h.past = slices.Delete(h.past, 0, len(h.past)-history)
	}
	if !r.empty() {
		for c := range h.clients {
			c.send(r)
		}
	}
	return r.Version
}

func (c *client) send(r reload) {
	c.mu.Lock()
	c.pending.merge(r)
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

func (c *client) take() reload {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.pending
	c.pending = reload{}
	return r
}

// subscribe adds a tab whose page has version since; if builds it has
// not seen changed anything, they are sent at once.
func (h *hub) subscribe(since string) (*client, bool) {
	c := &client{wake: make(chan struct{}, 1)}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	h.clients[c] = struct{}{}
	if since == h.versionLocked() || since == h.instance+"-"+strconv.FormatUint(h.gen+1, 10) {
		return c, true // up to date, or has the build being published
	}
	missed := reload{Version: h.versionLocked()}
	inst, g, ok := strings.Cut(since, "-")
	gen, err := strconv.ParseUint(g, 10, 64)
	switch {
	case !ok || err != nil || inst != h.instance || gen > h.gen:
		missed.All = true // a page from another run of the server
	case len(h.past) == 0 || h.past[0].gen > gen+1:
		missed.All = true // older than what the hub remembers
	default:
		for _, b := range h.past {
			if b.gen > gen {
				missed.merge(b.r)
			}
		}
	}
	if !missed.empty() {
		c.send(missed)
	}
	return c, true
}

func (h *hub) unsubscribe(c *client) {
	h.mu.Lock()
	delete(h.clients, c)
	h.mu.Unlock()
}

// close ends every event stream, for shutdown.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// keepAlive is how often an idle event stream gets a comment line, so
// that a closed tab is noticed.
const keepAlive = 20 * time.Second

// serveEvents streams reload events to one tab until it goes away or the
// server shuts down.
func (h *hub) serveEvents(w http.ResponseWriter, r *http.Request) {
	c, ok := h.subscribe(r.URL.Query().Get("v"))
	if !ok {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer h.unsubscribe(c)
	rc := http.NewResponseController(w)
	hd := w.Header()
	hd.Set("Content-Type", "text/event-stream")
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	write := func(s string) bool {
		rc.SetWriteDeadline(time.Now().Add(10 * time.Second))
		if _, err := w.Write([]byte(s)); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !write("retry: 500\n\n") {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		case <-tick.C:
			if !write(": keep-alive\n\n") {
				return
			}
		case <-c.wake:
			ev := c.take()
			if ev.empty() {
				continue
			}
			data, _ := json.Marshal(ev)
			if !write("data: " + string(data) + "\n\n") {
				return
			}
		}
	}
}

// script is the live-reload script put right after <head> on every page
// in serve mode. A tab reloads when the build changed its page, every
// page, or — for a "not found" page — anything at all. %s are the
// version, the events address and whether the page is a 404.
const script = `<script>(()=>{const nf=%s;const es=new EventSource(%q+"?v="+encodeURIComponent(%q));` +
	`es.onmessage=e=>{const d=JSON.parse(e.data);let p=decodeURI(location.pathname);if(p.endsWith("/"))p+="index.html";` +
	`if(d.all||nf||(d.paths||[]).includes(p)||(d.prefixes||[]).some(x=>p.startsWith(x)))location.reload()}})()</script>`
