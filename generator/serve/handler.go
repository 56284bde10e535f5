package serve

import (
	"cmp"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// A state is what the handler serves at one moment: a complete snapshot,
// and why the build after it failed, if it did. It is swapped whole, so a
// request sees one build from start to end.
type state struct {
	snap *Snapshot
	fail *failure // nil when the last build succeeded
	base string   // the path of the site's base URL: "/" or "/a/b/"
	// head and head404 go right after <head>: the live-reload script
	// carrying this version, and the overlay's style while failed.
	head, head404 []byte

	// While the first build runs, building is open (closed when it is
	// done), read is closed once the site is read, and then early makes
	// the pages that can be made alone (render.Renderer.Page); requests
	// for the others wait for the build.
	building, read <-chan struct{}
	early          func(name string) (*File, bool)
	// waiting counts the requests that wait for the site to be read, or
	// for their page made alone: the build renders the rest of the site
	// once they are answered (see afterFirstPages).
	waiting *atomic.Int32
}

func newState(snap *Snapshot, fail *failure, base, version string) *state {
	s := &state{snap: snap, fail: fail, base: base}
	style := ""
	if fail != nil {
		style = overlayStyle
	}
	s.head = []byte(fmt.Sprintf(script, "false", eventsPath, version) + style)
	s.head404 = []byte(fmt.Sprintf(script, "true", eventsPath, version) + style)
	return s
}

// A handler serves the current state: the built site under its base path,
// and the reload events. It serves nothing else, and only to requests
// addressed to it (see allowedHost).
type handler struct {
	cur  *atomic.Pointer[state]
	hub  *hub
	port string // the port the server listens on
}

// allowedHost reports whether host, a request's Host header, names this
// server: "localhost" or an IP address (127.0.0.1, [::1], or the
// machine's address on its network with --bind 0.0.0.0), with the
// server's port. A web page elsewhere that points its own name at
// 127.0.0.1 (DNS rebinding) sends that name and is refused, so it cannot
// read the drafts or the error overlay.
func allowedHost(host, port string) bool {
	name, p, err := net.SplitHostPort(host)
	if err != nil || p != port {
		return false
	}
	return strings.EqualFold(name, "localhost") || net.ParseIP(name) != nil
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cross-Origin-Resource-Policy", "same-origin")
	if !allowedHost(r.Host, h.port) {
		http.Error(w, "alongside serve answers only at its own address (localhost or an IP address, port "+h.port+")", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == eventsPath {
		h.hub.serveEvents(w, r)
		return
	}
	p, ok := cleanPath(r)
	if !ok {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	st := h.cur.Load()
	if st.building != nil {
		if st = h.first(w, r, st, p); st == nil {
			return // answered, or the request was given up
		}
	}
	if st.snap.Len() == 0 && st.fail != nil {
		// The first build failed: there is no site yet, only the errors.
		h.serveFile(w, r, st, placeholder, http.StatusInternalServerError, st.head404)
		return
	}
	rel, ok := strings.CutPrefix(p, st.base)
	if !ok {
		if p+"/" == st.base {
			h.redirect(w, r, st.base)
			return
		}
		h.notFound(w, r, st)
		return
	}
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	f, ok := st.snap.Get(name)
	if !ok {
		if _, dir := st.snap.Get(rel + "/index.html"); dir && rel != "" && !strings.HasSuffix(rel, "/") {
			h.redirect(w, r, p+"/")
			return
		}
		h.notFound(w, r, st)
		return
	}
	h.serveFile(w, r, st, f, cmp.Or(f.status, http.StatusOK), st.head)
}

// first answers a request that came while the first build runs: with
// the page made alone when it can be (and then returns nil), else by
// waiting for the build and returning the state it left. It returns nil
// too when the request is given up while waiting.
func (h *handler) first(w http.ResponseWriter, r *http.Request, st *state, path string) *state {
	st.waiting.Add(1)
	done := sync.OnceFunc(func() { st.waiting.Add(-1) })
	defer done()
	if st.early == nil {
		select { // the site is being read
		case <-st.read:
		case <-r.Context().Done():
			return nil
		}
		if st = h.cur.Load(); st.building == nil {
			return st // the build is over: it failed, or it was quick
		}
	}
	if st.early != nil {
		if rel, ok := strings.CutPrefix(path, st.base); ok {
			name := rel
			if name == "" || strings.HasSuffix(name, "/") {
				name += "index.html"
			}
			if f, ok := st.early(name); ok {
				h.serveFile(w, r, st, f, http.StatusOK, st.head)
				return nil
			}
		}
	}
	done() // this one waits for the build
	select {
	case <-st.building:
		return h.cur.Load()
	case <-r.Context().Done():
		return nil
	}
}

// placeholder is the page served for every address while the first build
// has errors.
var placeholder = newFile("index.html", []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The site has errors</title></head><body></body></html>`))

// cleanPath returns the request's path when it is a plain one: no "." or
// ".." segment, no backslash or NUL, and no slash, backslash or dot
// written as a %-escape (which a file name on disk could never need).
func cleanPath(r *http.Request) (string, bool) {
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	raw := strings.ToLower(r.URL.EscapedPath())
	if strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%2e") || strings.Contains(raw, "%00") {
		return "", false
	}
	for seg := range strings.SplitSeq(p[1:], "/") {
		if seg == "." || seg == ".." {
			return "", false
		}
	}
	return p, true
}

func (h *handler) redirect(w http.ResponseWriter, r *http.Request, to string) {
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, to, http.StatusFound)
}

// notFound answers 404 with the site's 404.html, or a line of text.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request, st *state) {
	if f, ok := st.snap.Get("404.html"); ok {
		h.serveFile(w, r, st, f, http.StatusNotFound, st.head404)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// serveFile writes f; an HTML page gets head after its <head> tag and,
// while the last build failed, the error overlay after its <body> tag.
func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, st *state, f *File, status int, head []byte) {
	hd := w.Header()
	hd.Set("Content-Type", f.Type)
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Content-Type-Options", "nosniff")
	parts := [5][]byte{f.Data}
	if strings.HasPrefix(f.Type, "text/html") {
		at := max(f.head, 0)
		parts = [5][]byte{f.Data[:at], head, f.Data[at:]}
		if st.fail != nil {
			body := f.body
			if body < at {
				body = len(f.Data)
			}
			parts = [5][]byte{f.Data[:at], head, f.Data[at:body], st.fail.overlay, f.Data[body:]}
		}
	}
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	hd.Set("Content-Length", strconv.Itoa(n))
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		return
	}
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return
		}
	}
}
