package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// A testServer is a Server running on a temporary site folder.
type testServer struct {
	*Server
	t    *testing.T
	dir  string
	base string // http://127.0.0.1:port
}

var sampleSite = map[string]string{
	"site.toml": `title = "Test partnerships"
library = "Test Library"
base_url = "https://partners.example.org/"
`,
	"content/_index.md":         "+++\ntitle = \"Working together\"\n+++\nHello.\n",
	"content/partnerships/a.md": sitetest.Profile("Alpha Reading", "Alpha Group"),
	"content/partnerships/b.md": sitetest.Profile("Beta Gardens", "Beta Group"),
}

// startServer writes files to a new site folder, starts a server on it
// and waits until it answers. It is stopped at the end of the test, and
// must then return within a few seconds.
func startServer(t *testing.T, files map[string]string, opts Options) *testServer {
	t.Helper()
	dir := t.TempDir()
	sitetest.Write(t, dir, files)
	opts.Site, opts.Port = dir, 0
	if opts.Debounce == 0 {
		opts.Debounce = 30 * time.Millisecond
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	ts := &testServer{Server: s, t: t, dir: dir, base: "http://" + s.Addr().String()}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not return 10 s after its context was cancelled")
		}
	})
	ts.waitFor("the first build", func() bool { code, _ := ts.get("/"); return code == 200 && ts.Snapshot() != nil })
	return ts
}

// get fetches path and returns the status and body.
func (ts *testServer) get(path string) (int, string) {
	ts.t.Helper()
	resp, err := http.Get(ts.base + path)
	if err != nil {
		return 0, ""
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		ts.t.Errorf("GET %s: %v", path, err)
	}
	return resp.StatusCode, string(body)
}

// waitFor polls cond until it holds, failing the test after 10 s.
func (ts *testServer) waitFor(what string, cond func() bool) {
	ts.t.Helper()
	waitFor(ts.t, what, cond)
}

func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10 s for %s", what)
		}
		<-tick.C
	}
}

// pageHas waits until path answers 200 with a body containing want.
func (ts *testServer) pageHas(path, want string) string {
	ts.t.Helper()
	var body string
	ts.waitFor(fmt.Sprintf("%s to contain %q", path, want), func() bool {
		var code int
		code, body = ts.get(path)
		return code == 200 && strings.Contains(body, want)
	})
	return body
}

func (ts *testServer) write(rel, text string) {
	ts.t.Helper()
	sitetest.Write(ts.t, ts.dir, map[string]string{rel: text})
}

func (ts *testServer) path(rel string) string { return filepath.Join(ts.dir, filepath.FromSlash(rel)) }

// events connects to the reload events as the page at path would, and
// returns the data of each event as it arrives.
func (ts *testServer) events(path string) <-chan string {
	ts.t.Helper()
	_, body := ts.get(path)
	m := regexp.MustCompile(`encodeURIComponent\("([^"]+)"\)`).FindStringSubmatch(body)
	if m == nil {
		ts.t.Fatalf("no live-reload script in %s:\n%s", path, body)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts.t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.base+eventsPath+"?v="+m[1], nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		ts.t.Fatalf("events: Content-Type %q", ct)
	}
	ch := make(chan string, 100)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				ch <- data
			}
		}
		close(ch)
	}()
	return ch
}

// nextEvent waits for an event whose data contains want.
func nextEvent(t *testing.T, ch <-chan string, want string) string {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case data, ok := <-ch:
			if !ok {
				t.Fatalf("the event stream ended before an event with %q", want)
			}
			if strings.Contains(data, want) {
				return data
			}
		case <-timeout:
			t.Fatalf("no event with %q within 10 s", want)
		}
	}
}

func TestServeEditReloadsThePage(t *testing.T) {
	ts := startServer(t, sampleSite, Options{})
	body := ts.pageHas("/partnerships/a/", "The story of Alpha Reading.")
	if !strings.Contains(body, `<head><script>`) {
		t.Errorf("the live-reload script is not right after <head>:\n%.300s", body)
	}
	if !strings.Contains(body, "http://127.0.0.1:") {
		t.Errorf("the page does not use the server's own address as its base URL")
	}
	if !strings.Contains(body, "approved") && !strings.Contains(body, "Not yet approved") {
		t.Errorf("an unapproved profile has no banner")
	}
	home := ts.events("/")
	page := ts.events("/partnerships/a/")
	ts.write("content/partnerships/a.md", strings.Replace(sitetest.Profile("Alpha Reading", "Alpha Group"), "The story of", "The new story of", 1))
	ts.pageHas("/partnerships/a/", "The new story of Alpha Reading.")
	nextEvent(t, page, `"/partnerships/a/index.html"`)

	// The home page did not change, so its tab got no event for it; a
	// change to the title shows on both.
	ts.write("content/partnerships/a.md", sitetest.Profile("Alpha Writing", "Alpha Group"))
	ts.pageHas("/", "Alpha Writing")
	data := nextEvent(t, home, `"/index.html"`)
	if !strings.Contains(data, `"/partnerships/a/index.html"`) {
		t.Errorf("the event does not name the profile page: %s", data)
	}
}

func TestServeRenameOverSave(t *testing.T) {
	ts := startServer(t, sampleSite, Options{})
	// Write a temporary file beside, then rename it over the profile.
	tmp := ts.path("content/partnerships/.a.md.tmp")
	if err := os.WriteFile(tmp, []byte(sitetest.Profile("Alpha Renamed", "Alpha Group")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, ts.path("content/partnerships/a.md")); err != nil {
		t.Fatal(err)
	}
	ts.pageHas("/partnerships/a/", "Alpha Renamed")
	ts.pageHas("/", "Alpha Renamed")
}

func TestServeVimSave(t *testing.T) {
	ts := startServer(t, sampleSite, Options{})
	p := ts.path("content/partnerships/a.md")
	// vim: test that the folder is writable, move the file to a backup,
	// write the new one, remove the backup.
	ts.write("content/partnerships/4913", "")
	os.Remove(ts.path("content/partnerships/4913"))
	if err := os.Rename(p, p+"~"); err != nil {
		t.Fatal(err)
	}
	ts.write("content/partnerships/.a.md.swp", "swap")
	ts.write("content/partnerships/a.md", sitetest.Profile("Alpha by vim", "Alpha Group"))
	os.Remove(p + "~")
	ts.pageHas("/partnerships/a/", "Alpha by vim")
	if code, _ := ts.get("/partnerships/4913/"); code != 404 {
		t.Errorf("vim's 4913 file became a page")
	}
}

func TestServeDeleteAndRename(t *testing.T) {
	ts := startServer(t, sampleSite, Options{})
	ts.pageHas("/", "Beta Gardens")
	if err := os.Remove(ts.path("content/partnerships/b.md")); err != nil {
		t.Fatal(err)
	}
	ts.waitFor("the deleted profile to answer 404", func() bool { code, _ := ts.get("/partnerships/b/"); return code == 404 })
	code, body := ts.get("/")
	if code != 200 || strings.Contains(body, "Beta Gardens") {
		t.Errorf("the home page still lists the deleted profile")
	}
	if code, body := ts.get("/partners/beta-group/"); code != 404 {
		t.Errorf("the deleted profile's partner page answers %d:\n%.200s", code, body)
	}
	if err := os.Rename(ts.path("content/partnerships/a.md"), ts.path("content/partnerships/c.md")); err != nil {
		t.Fatal(err)
	}
	ts.pageHas("/partnerships/c/", "Alpha Reading")
	if code, _ := ts.get("/partnerships/a/"); code != 404 {
		t.Errorf("the old address of a renamed profile answers %d", code)
	}
	for _, name := range ts.Snapshot().Names() {
		if strings.HasPrefix(name, "partnerships/a/") || strings.HasPrefix(name, "partnerships/b/") {
			t.Errorf("%s is still in the site", name)
		}
	}
}

func TestServeNewBundleFolder(t *testing.T) {
	ts := startServer(t, sampleSite, Options{})
	if err := os.MkdirAll(ts.path("content/partnerships/new-one/img"), 0o755); err != nil {
		t.Fatal(err)
	}
	ts.write("content/partnerships/new-one/index.md", sitetest.Profile("A New Bundle", "New Group"))
	ts.pageHas("/partnerships/new-one/", "A New Bundle")
	// A file in a folder made after the bundle is picked up too.
	ts.write("content/partnerships/new-one/img/photo.png", "PNG1")
	ts.pageHas("/partnerships/new-one/img/photo.png", "PNG1")
	ts.write("content/partnerships/new-one/img/photo.png", "PNG2")
	ts.pageHas("/partnerships/new-one/img/photo.png", "PNG2")
	resp, err := http.Get(ts.base + "/partnerships/new-one/img/photo.png")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "image/png" {
		t.Errorf("Content-Type %q", ct)
	}
	if err := os.RemoveAll(ts.path("content/partnerships/new-one")); err != nil {
		t.Fatal(err)
	}
	ts.waitFor("the removed bundle to answer 404", func() bool {
		code, _ := ts.get("/partnerships/new-one/img/photo.png")
		return code == 404
	})
}

func TestServeBrokenSaveKeepsTheSite(t *testing.T) {
	ts := startServer(t, sampleSite, Options{})
	ts.pageHas("/partnerships/a/", "Alpha Reading")
	events := ts.events("/partnerships/b/")
	broken := strings.Replace(sitetest.Profile("Alpha Reading", "Alpha Group"), `status = "active"`, `status = "actve"`, 1)
	ts.write("content/partnerships/a.md", broken)
	body := ts.pageHas("/partnerships/b/", `id="alongside-error"`)
	nextEvent(t, events, `"all":true`)
	for _, want := range []string{
		"content/partnerships/a.md:3:10: status:", // the error, with its position
		"actve",         // the offending line
		"Alpha Reading", // the lines around it, escaped
		"Beta Gardens",  // the last good page under the overlay
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page with the overlay lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "PRIVATE-value") {
		t.Errorf("the overlay shows a [private] value")
	}
	if code, body := ts.get("/partnerships/a/"); code != 200 || !strings.Contains(body, "The story of Alpha Reading") {
		t.Errorf("the last good page is not served: %d", code)
	}
	// A TOML error inside [private] shows its place, never its text.
	ts.write("content/partnerships/a.md", strings.Replace(sitetest.Profile("Alpha Reading", "Alpha Group"),
		`contact = "PRIVATE-value Ana 555-0100"`, `contact = "PRIVATE-value Ana 555-0100`, 1))
	body = ts.pageHas("/", "an error in the [private] table")
	if !strings.Contains(body, "‹[private] line not shown›") {
		t.Errorf("the overlay does not show where the error is:\n%s", body)
	}
	if strings.Contains(body, "PRIVATE-value") {
		t.Errorf("the overlay shows a [private] value:\n%s", body)
	}
	ts.write("content/partnerships/a.md", sitetest.Profile("Alpha Fixed", "Alpha Group"))
	body = ts.pageHas("/partnerships/a/", "Alpha Fixed")
	if strings.Contains(body, "alongside-error") {
		t.Errorf("the overlay is still there after the fix")
	}
	nextEvent(t, events, `"all":true`)
}

func TestServeFirstBuildBroken(t *testing.T) {
	files := map[string]string{"content/partnerships/a.md": "+++\ntitle = \"x\"\n+++\n"}
	dir := t.TempDir()
	sitetest.Write(t, dir, files)
	s, err := New(Options{Site: dir, Port: 0, Debounce: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	ts := &testServer{Server: s, t: t, dir: dir, base: "http://" + s.Addr().String()}
	ts.waitFor("the error page", func() bool {
		code, body := ts.get("/anything/")
		return code == 500 && strings.Contains(body, "status: missing")
	})
	ts.write("content/partnerships/a.md", sitetest.Profile("Now Good", "Good Group"))
	ts.pageHas("/partnerships/a/", "Now Good")
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestServeSiteSettings(t *testing.T) {
	ts := startServer(t, sampleSite, Options{})
	ts.write("site.toml", "title = \"Renamed site\"\nbase_url = \"https://example.org/sub/\"\n")
	ts.pageHas("/sub/partnerships/a/", "Renamed site")
	if code, _ := ts.get("/partnerships/a/"); code != 404 {
		t.Errorf("a page outside the new base path answers %d", code)
	}
	resp, err := http.Get(ts.base + "/sub")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/sub/" {
		t.Errorf("/sub was not redirected to /sub/: %s", resp.Request.URL)
	}
}

func TestServePoll(t *testing.T) {
	ts := startServer(t, sampleSite, Options{Poll: 20 * time.Millisecond})
	ts.write("content/partnerships/a.md", sitetest.Profile("Alpha Polled", "Alpha Group"))
	ts.pageHas("/partnerships/a/", "Alpha Polled")
	ts.write("content/partnerships/new/index.md", sitetest.Profile("Polled Bundle", "Alpha Group"))
	ts.pageHas("/partnerships/new/", "Polled Bundle")
	os.Remove(ts.path("content/partnerships/b.md"))
	ts.waitFor("the deleted profile to answer 404", func() bool { code, _ := ts.get("/partnerships/b/"); return code == 404 })
}

func TestServeRapidSavesDebounced(t *testing.T) {
	ts := startServer(t, sampleSite, Options{Debounce: 100 * time.Millisecond})
	before := ts.Builds()
	for i := range 200 {
		ts.write("content/partnerships/a.md", sitetest.Profile(fmt.Sprintf("Alpha save %d", i), "Alpha Group"))
	}
	ts.pageHas("/partnerships/a/", "Alpha save 199")
	ts.pageHas("/", "Alpha save 199")
	if n := ts.Builds() - before; n > 5 {
		t.Errorf("200 saves made %d rebuilds", n)
	}
	t.Logf("200 saves, %d rebuilds", ts.Builds()-before)
}

// TestServeConcurrentReads reads pages while the site is rebuilt: every
// answer is a whole page of one build or the other.
func TestServeConcurrentReads(t *testing.T) {
	ts := startServer(t, sampleSite, Options{Debounce: 5 * time.Millisecond})
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				for _, p := range []string{"/", "/partnerships/a/", "/partnerships/b/", "/partners/"} {
					resp, err := http.Get(ts.base + p)
					if err != nil {
						t.Error(err)
						return
					}
					body, err := io.ReadAll(resp.Body)
					resp.Body.Close()
					if err != nil || resp.StatusCode != 200 || !strings.HasSuffix(strings.TrimSpace(string(body)), "</html>") {
						t.Errorf("GET %s: %d, %v, a partial page", p, resp.StatusCode, err)
						return
					}
				}
			}
		})
	}
	for i := range 30 {
		ts.write("content/partnerships/a.md", sitetest.Profile(fmt.Sprintf("Alpha edit %d", i), "Alpha Group"))
		ts.pageHas("/partnerships/a/", fmt.Sprintf("Alpha edit %d", i))
	}
	close(stop)
	wg.Wait()
}

func TestServePathTraversal(t *testing.T) {
	ts := startServer(t, sampleSite, Options{})
	for _, p := range []string{
		"/../site.toml", "/%2e%2e/site.toml", "/..%2fsite.toml", "/%2e%2e%2fsite.toml",
		"/partnerships/../../site.toml", "/..\\site.toml", "/%5c..%5csite.toml",
		"/content/partnerships/a.md", "/site.toml", "/./index.html",
	} {
		conn, err := net.Dial("tcp", ts.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", p, ts.Addr())
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("GET %s: %v", p, err)
		}
		body, _ := io.ReadAll(resp.Body)
		conn.Close()
		if resp.StatusCode != 400 && resp.StatusCode != 404 {
			t.Errorf("GET %s: %d", p, resp.StatusCode)
		}
		if strings.Contains(string(body), "base_url") || strings.Contains(string(body), "PRIVATE") {
			t.Errorf("GET %s: answered with a file of the site folder", p)
		}
	}
}

// TestServeReportsWhereCheckDoes: serve's overlay and check (content.Load)
// place a problem of site.toml alike.
func TestServeReportsWhereCheckDoes(t *testing.T) {
	ts := startServer(t, sampleSite, Options{})
	ts.write("site.toml", "title = \"Test partnerships\"\n\ntheme = \"mine\"\n")
	ts.pageHas("/partnerships/a/", "site.toml:3:9: theme: there is no themes/mine/ folder")
}

func TestServeThemeChange(t *testing.T) {
	ts := startServer(t, sampleSite, Options{})
	events := ts.events("/partnerships/a/")
	ts.write("themes/default/static/style.css", "body { color: rebeccapurple }\n")
	ts.pageHas("/style.css", "rebeccapurple")
	nextEvent(t, events, `"all":true`) // every page uses the stylesheet
	// Removing the site's file brings the built-in one back.
	os.Remove(ts.path("themes/default/static/style.css"))
	ts.waitFor("the built-in stylesheet again", func() bool {
		_, body := ts.get("/style.css")
		return !strings.Contains(body, "rebeccapurple") && len(body) > 100
	})
}

// TestFirstPageBeforeTheBuild: while the first build renders the site,
// the home page, a profile's page and the stylesheet are made on request
// (the first page of a large site answers in well under the time of the
// whole build), and the pages that need the whole site wait for it.
func TestFirstPageBeforeTheBuild(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, sampleSite)
	s, err := New(Options{Site: dir, Debounce: 30 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	s.beforeRender = func() { <-release }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	ts := &testServer{Server: s, t: t, dir: dir, base: "http://" + s.Addr().String()}
	ts.waitFor("the home page, made alone", func() bool { code, _ := ts.get("/"); return code == 200 })
	for path, want := range map[string]string{"/": "Working together", "/partnerships/a/": "Alpha Reading", "/style.css": "{"} {
		if code, body := ts.get(path); code != 200 || !strings.Contains(body, want) {
			t.Errorf("GET %s while the site renders: %d, without %q", path, code, want)
		}
	}
	if ts.Snapshot() != nil {
		t.Fatal("the site was rendered before it was let")
	}
	// /partners/ needs the whole site: it waits for the build.
	partners := make(chan int, 1)
	go func() { code, _ := ts.get("/partners/"); partners <- code }()
	select {
	case code := <-partners:
		t.Fatalf("/partners/ answered %d before the site was rendered", code)
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	if code := <-partners; code != 200 {
		t.Errorf("/partners/ after the build: %d", code)
	}
}
