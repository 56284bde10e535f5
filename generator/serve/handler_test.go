package serve

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func testHandler(base string, files map[string]string) (*handler, *atomic.Pointer[state]) {
	c := newCollector(nil)
	for name, data := range files {
		c.WriteFile(name, []byte(data))
	}
	snap, _ := c.snapshot(nil, true)
	cur := &atomic.Pointer[state]{}
	h := newHub()
	cur.Store(newState(snap, nil, base, h.version()))
	return &handler{cur: cur, hub: h, port: "1313"}, cur
}

func TestHandler(t *testing.T) {
	h, cur := testHandler("/sub/", map[string]string{
		"index.html":                  "<!DOCTYPE html><html><HEAD lang=x><title>Home</title></head><body class=a><p>home</p></body></html>",
		"partnerships/x/index.html":   "<html><head></head><body>x</body></html>",
		"partnerships/x/photo.png":    "PNG",
		"style.css":                   "body{}",
		"data/partnerships.json":      "{}",
		"data/partnerships.csv":       "slug\n",
		"feed.xml":                    "<feed/>",
		"404.html":                    "<html><head></head><body>not found</body></html>",
		"partnerships/y/no-head.html": "<p>bare</p>",
	})
	for _, c := range []struct {
		method, path string
		code         int
		ctype        string
		want         string // in the body, or the Location header for redirects
	}{
		{"GET", "/sub/", 200, "text/html; charset=utf-8", "<HEAD lang=x><script>"},
		{"GET", "/sub/index.html", 200, "text/html; charset=utf-8", "<p>home</p>"},
		{"GET", "/sub/partnerships/x/", 200, "text/html; charset=utf-8", "<head><script>"},
		{"GET", "/sub/partnerships/x", 302, "", "/sub/partnerships/x/"},
		{"GET", "/sub/partnerships/x?a=1", 302, "", "/sub/partnerships/x/?a=1"},
		{"GET", "/sub", 302, "", "/sub/"},
		{"GET", "/sub/partnerships/x/photo.png", 200, "image/png", "PNG"},
		{"GET", "/sub/style.css", 200, "text/css; charset=utf-8", "body{}"},
		{"GET", "/sub/data/partnerships.json", 200, "application/json", "{}"},
		{"GET", "/sub/data/partnerships.csv", 200, "text/csv; charset=utf-8", "slug"},
		{"GET", "/sub/feed.xml", 200, "application/xml; charset=utf-8", "<feed/>"},
		{"GET", "/sub/partnerships/y/no-head.html", 200, "text/html; charset=utf-8", "<script>"},
		{"GET", "/sub/nothing", 404, "text/html; charset=utf-8", "not found"},
		{"GET", "/index.html", 404, "text/html; charset=utf-8", "const nf=true"},
		{"HEAD", "/sub/style.css", 200, "text/css; charset=utf-8", ""},
		{"POST", "/sub/", 405, "", ""},
	} {
		req := httptest.NewRequest(c.method, "http://127.0.0.1:1313"+c.path, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		if res.StatusCode != c.code {
			t.Errorf("%s %s: %d, want %d", c.method, c.path, res.StatusCode, c.code)
			continue
		}
		if cc := res.Header.Get("Cache-Control"); cc != "no-store" && c.code != 405 {
			t.Errorf("%s %s: Cache-Control %q", c.method, c.path, cc)
		}
		if c.ctype != "" && res.Header.Get("Content-Type") != c.ctype {
			t.Errorf("%s %s: Content-Type %q, want %q", c.method, c.path, res.Header.Get("Content-Type"), c.ctype)
		}
		body := rec.Body.String()
		switch {
		case c.code == 302:
			if loc := res.Header.Get("Location"); loc != c.want {
				t.Errorf("%s %s: Location %q, want %q", c.method, c.path, loc, c.want)
			}
		case c.method == "HEAD":
			if body != "" || res.Header.Get("Content-Length") != "6" {
				t.Errorf("HEAD %s: body %q, Content-Length %q", c.path, body, res.Header.Get("Content-Length"))
			}
		case !strings.Contains(body, c.want):
			t.Errorf("%s %s: body lacks %q:\n%s", c.method, c.path, c.want, body)
		}
		if c.code == 200 && c.method == "GET" && res.Header.Get("Content-Length") != "" && res.ContentLength != int64(len(body)) {
			t.Errorf("%s %s: Content-Length %d, body %d bytes", c.method, c.path, res.ContentLength, len(body))
		}
	}

	// While the last build failed, HTML pages carry the overlay after <body>.
	st := cur.Load()
	cur.Store(newState(st.snap, &failure{overlay: []byte("<div id=alongside-error>E</div>")}, st.base, "v"))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://localhost:1313/sub/", nil))
	if body := rec.Body.String(); !strings.Contains(body, "<body class=a><div id=alongside-error>E</div><p>home</p>") {
		t.Errorf("no overlay after <body>:\n%s", body)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://localhost:1313/sub/style.css", nil))
	if body := rec.Body.String(); body != "body{}" {
		t.Errorf("the stylesheet changed: %q", body)
	}
}

func TestAfterTag(t *testing.T) {
	for _, c := range []struct {
		html, tag string
		want      int
	}{
		{"<html><head><title>", "head", 12},
		{"<html><header>", "head", -1},
		{"<HEAD\n class=x>", "head", 15},
		{"<head", "head", -1},
		{"<body>", "body", 6},
		{"", "body", -1},
	} {
		if got := afterTag([]byte(c.html), c.tag, 0); got != c.want {
			t.Errorf("afterTag(%q, %q) = %d, want %d", c.html, c.tag, got, c.want)
		}
	}
}

func TestReloadPaths(t *testing.T) {
	pages, all := reloadPaths([]string{"index.html", "partnerships/x/index.html", "partnerships/y/photo.png", "data/partnerships.json", "feed.xml"}, "/b/")
	want := "/b/index.html /b/partnerships/x/index.html /b/partnerships/y/index.html"
	if all || strings.Join(pages, " ") != want {
		t.Errorf("reloadPaths = %v, %v; want %s", pages, all, want)
	}
	if _, all := reloadPaths([]string{"style.css"}, "/"); !all {
		t.Error("a changed stylesheet does not reload every tab")
	}
}

func TestRelevant(t *testing.T) {
	for rel, want := range map[string]bool{
		"site.toml":                        true,
		"content":                          true,
		"content/partnerships/x.md":        true,
		"content/partnerships/x/img/a.png": true,
		"themes/t/layouts/base.html":       true,
		"content/partnerships/x.md~":       false,
		"content/partnerships/.x.md.swp":   false,
		"content/partnerships/.x.md.swx":   false,
		"content/partnerships/4913":        false,
		"content/partnerships/.#x.md":      false,
		"content/partnerships/x.md.tmp":    false,
		"content/.git/HEAD":                false,
		"public/index.html":                false,
		"hugo.toml":                        false,
		"layouts/index.html":               false,
	} {
		if relevant(rel) != want {
			t.Errorf("relevant(%q) = %v", rel, !want)
		}
	}
}

// TestHostHeader: a page of another site whose name resolves to
// 127.0.0.1 (DNS rebinding) must not read the drafts, the overlay or the
// events; the server's own addresses work.
func TestHostHeader(t *testing.T) {
	h, _ := testHandler("/", map[string]string{"index.html": "<html><head></head><body>draft</body></html>"})
	for host, code := range map[string]int{
		"127.0.0.1:1313": 200, "localhost:1313": 200, "LOCALHOST:1313": 200, "[::1]:1313": 200, "192.168.1.20:1313": 200,
		"evil.example:1313": 421, "evil.example": 421, "127.0.0.1:80": 421, "127.0.0.1": 421, "localhost.evil.example:1313": 421, "": 421,
	} {
		for _, path := range []string{"/", eventsPath} {
			req := httptest.NewRequest("GET", "http://127.0.0.1:1313"+path, nil)
			req.Host = host
			rec := httptest.NewRecorder()
			if path == eventsPath && code == 200 {
				continue // a stream that stays open
			}
			h.ServeHTTP(rec, req)
			if rec.Code != code {
				t.Errorf("GET %s with Host %q: %d, want %d", path, host, rec.Code, code)
			}
			if got := rec.Header().Get("Cross-Origin-Resource-Policy"); got != "same-origin" {
				t.Errorf("GET %s with Host %q: Cross-Origin-Resource-Policy %q", path, host, got)
			}
		}
	}
}

// While the first build runs, a request counts as waiting until its page
// made alone is answered, or until it starts waiting for the build: the
// build renders the rest of the site once none waits (afterFirstPages).
func TestFirstRequestsWaiting(t *testing.T) {
	h, cur := testHandler("/", nil)
	building, read := make(chan struct{}), make(chan struct{})
	st := newState(nil, nil, "/", "v")
	st.building, st.read, st.waiting = building, read, new(atomic.Int32)
	cur.Store(st)
	answered := make(chan string, 2)
	for _, path := range []string{"/", "/partners/"} {
		go func() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1:1313"+path, nil))
			answered <- path
		}()
	}
	for end := time.Now().Add(10 * time.Second); st.waiting.Load() != 2; {
		if time.Now().After(end) {
			t.Fatalf("%d requests wait for the site to be read, want 2", st.waiting.Load())
		}
		time.Sleep(time.Millisecond)
	}
	early := newState(nil, nil, "/", "v")
	early.building, early.read, early.waiting = building, read, st.waiting
	early.early = func(name string) (*File, bool) {
		if name != "index.html" {
			return nil, false // /partners/ needs the whole site
		}
		return newFile(name, []byte("<html><head></head><body>home</body></html>")), true
	}
	cur.Store(early)
	close(read)
	afterFirstPages(context.Background(), st.waiting, 10*time.Second)
	if n := st.waiting.Load(); n != 0 {
		t.Fatalf("%d requests still waiting", n)
	}
	if got := <-answered; got != "/" {
		t.Errorf("%s answered first, want the home page made alone", got)
	}
	select {
	case got := <-answered:
		t.Fatalf("%s answered before the build", got)
	default:
	}
	close(building)
	<-answered
}
