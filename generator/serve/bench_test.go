package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/ledger"
)

// BenchmarkServeEdit measures the time from saving a profile to the
// server holding the updated page, on generated sites of 1,000 and 10,000
// profiles: append a word to a profile's story, then wait for the new
// snapshot. It goes through fsnotify and the debounce timer (50 ms), as
// an editor's save does; rebuild-ns/op is the rebuild alone. Allocations
// are those of the whole process during the loop: a rebuild should
// allocate as much at 10,000 profiles as at 1,000.
//
// The sites are made by /work/shared/bench/gencorpus (or $ALONGSIDE_GENCORPUS)
// once, and kept in os.TempDir() for the next run.
func BenchmarkServeEdit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("profiles=%d", n), func(b *testing.B) { benchmarkEdit(b, n) })
	}
}

func benchmarkEdit(b *testing.B, n int) {
	bs := startBench(b, n)
	// The same approved profile at every size: the middle one of the
	// smallest site, which the larger ones start with.
	rel := benchTarget(b)
	page := "partnerships/" + strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(rel, "content/partnerships/"), ".md"), "/index") + "/index.html"
	path := filepath.Join(bs.dir, filepath.FromSlash(rel))
	var rebuild time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		word := fmt.Appendf(nil, "benchword%dx", i)
		appendFile(b, path, append(append([]byte("\n\n"), word...), '\n'))
		for {
			next := bs.built()
			if f, ok := bs.Snapshot().Get(page); ok && bytes.Contains(f.Data, word) {
				break
			}
			<-next
		}
		rebuild += time.Duration(bs.lastBuild.Load())
	}
	b.StopTimer()
	b.ReportMetric(float64(rebuild.Nanoseconds())/float64(b.N), "rebuild-ns/op")
}

// A benchServer serves a copy of a generated site of n profiles, through
// file events, until the benchmark ends.
type benchServer struct {
	*Server
	dir string

	mu   sync.Mutex
	next chan struct{} // closed by the next build
}

// startBench copies the corpus of n profiles, starts serving it and
// returns once the first build is done and its warnings printed.
func startBench(b *testing.B, n int) *benchServer {
	b.Helper()
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS(benchCorpus(b, n))); err != nil {
		b.Fatal(err)
	}
	s, err := New(Options{Site: dir, Port: 0})
	if err != nil {
		b.Fatal(err)
	}
	bs := &benchServer{Server: s, dir: dir, next: make(chan struct{})}
	s.onBuild = func() {
		bs.mu.Lock()
		close(bs.next)
		bs.next = make(chan struct{})
		bs.mu.Unlock()
	}
	first := bs.built()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	b.Cleanup(func() {
		cancel()
		<-done
	})
	<-first
	if f := s.cur.Load().fail; f != nil {
		b.Fatalf("the first build failed:\n%s", f.overlay)
	}
	<-s.warned // they are printed in the background
	return bs
}

// built returns a channel that the next build closes.
func (bs *benchServer) built() <-chan struct{} {
	bs.mu.Lock()
	defer bs.mu.Unlock()
	return bs.next
}

// get fetches the URL path through the server's handler, as a browser
// does, and returns the body without the live-reload script's version,
// which changes with every build.
func (bs *benchServer) get(b *testing.B, path string) []byte {
	_, port, _ := net.SplitHostPort(bs.Addr().String())
	rec := httptest.NewRecorder()
	bs.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://127.0.0.1:"+port+path, nil))
	if rec.Code != http.StatusOK {
		b.Errorf("GET %s: %d\n%s", path, rec.Code, rec.Body.Bytes())
		return nil
	}
	if !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		return rec.Body.Bytes()
	}
	version := regexp.MustCompile(regexp.QuoteMeta(bs.hub.instance) + `-[0-9]+`)
	return version.ReplaceAll(rec.Body.Bytes(), nil)
}

// is reports whether the URL path's body, as get returns it, is want; a
// page that is not found is. A body that is not HTML is compared as the
// handler writes it, not kept: receiving a 20 MB data file into a
// growing buffer would time the benchmark more than the server.
func (bs *benchServer) is(b *testing.B, path string, want []byte) bool {
	_, port, _ := net.SplitHostPort(bs.Addr().String())
	w := &comparer{ResponseRecorder: httptest.NewRecorder(), want: want}
	bs.Handler().ServeHTTP(w, httptest.NewRequest(http.MethodGet, "http://127.0.0.1:"+port+path, nil))
	switch {
	case w.Code != http.StatusOK:
		b.Errorf("GET %s: %d\n%s", path, w.Code, w.Body.Bytes())
		return true
	case w.html:
		return bytes.Equal(bs.get(b, path), want)
	}
	return w.same && w.at == len(want)
}

// A comparer is a ResponseRecorder that compares a body that is not HTML
// with want as it is written.
type comparer struct {
	*httptest.ResponseRecorder
	want       []byte
	html, same bool
	at         int // the bytes of want compared so far
}

func (c *comparer) WriteHeader(code int) {
	c.html = strings.HasPrefix(c.Header().Get("Content-Type"), "text/html")
	c.same = true
	c.ResponseRecorder.WriteHeader(code)
}

func (c *comparer) Write(p []byte) (int, error) {
	if c.html || c.Code != http.StatusOK {
		return c.ResponseRecorder.Write(p)
	}
	c.same = c.same && c.at+len(p) <= len(c.want) && bytes.Equal(p, c.want[c.at:c.at+len(p)])
	c.at += len(p)
	return len(p), nil
}

// BenchmarkServeEditSummary measures how long the pages that sum up
// every profile take to show an edit of a figure, on generated sites of
// 1,000 and 10,000 profiles: it changes a money amount of one profile
// (back and forth between two values) and fetches, through the handler
// and each on its own goroutine as three tabs would, until each shows the
// page made from the new amount: the home page with its totals
// (home-ms), the report of the amount's fiscal year (report-ms) and
// /data/partnerships.json (data-ms), each timed from the save. Each is
// fetched again after every build, so a page rendered only when asked
// for is timed from when it is first asked for after the build.
func BenchmarkServeEditSummary(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("profiles=%d", n), func(b *testing.B) { benchmarkEditSummary(b, n) })
	}
}

func benchmarkEditSummary(b *testing.B, n int) {
	bs := startBench(b, n)
	rel, year := benchMoneyTarget(b)
	path := filepath.Join(bs.dir, filepath.FromSlash(rel))
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	// The first amount of the file is its money's: two versions of the
	// file, and of each page, the original and one with 1,000 more.
	m := regexp.MustCompile(`(?m)^amount = ([0-9.]+)$`).FindSubmatchIndex(orig)
	amount, err := strconv.ParseFloat(string(orig[m[2]:m[3]]), 64)
	if err != nil {
		b.Fatal(err)
	}
	versions := [2][]byte{orig, slices.Concat(orig[:m[2]], strconv.AppendFloat(nil, amount+1000, 'f', -1, 64), orig[m[3]:])}
	base := bs.cur.Load().base
	pages := []string{base, base + "reports/" + year + "/", base + "data/partnerships.json"}
	var want [2][][]byte
	for _, p := range pages {
		want[0] = append(want[0], bs.get(b, p))
	}
	// The second version's pages: the first that differ after its save.
	if err := os.WriteFile(path, versions[1], 0o644); err != nil {
		b.Fatal(err)
	}
	for _, p := range pages {
		for {
			next := bs.built()
			if got := bs.get(b, p); got == nil || !bytes.Equal(got, want[0][len(want[1])]) {
				want[1] = append(want[1], got)
				break
			}
			<-next
		}
	}
	for i := range pages {
		if bytes.Equal(want[0][i], want[1][i]) {
			b.Fatalf("%s does not change with the amount", pages[i])
		}
	}

	took := make([]time.Duration, len(pages))
	b.ResetTimer()
	for i := range b.N {
		v := i % 2
		start := time.Now()
		if err := os.WriteFile(path, versions[v], 0o644); err != nil {
			b.Fatal(err)
		}
		var wg sync.WaitGroup
		for k, p := range pages {
			wg.Go(func() {
				for {
					next := bs.built()
					if bs.is(b, p, want[v][k]) {
						took[k] += time.Since(start)
						return
					}
					<-next
				}
			})
		}
		wg.Wait()
	}
	b.StopTimer()
	for k, unit := range []string{"home-ms", "report-ms", "data-ms"} {
		b.ReportMetric(took[k].Seconds()*1000/float64(b.N), unit)
	}
}

func appendFile(b *testing.B, path string, data []byte) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}

// benchCorpus returns a folder holding a generated site of n profiles,
// making it the first time.
func benchCorpus(b *testing.B, n int) string {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("alongside-serve-bench-%d", n))
	if _, err := os.Stat(filepath.Join(dir, "site.toml")); err == nil {
		return dir
	}
	gen := os.Getenv("ALONGSIDE_GENCORPUS")
	if gen == "" {
		gen = "/work/shared/bench/gencorpus/main.go"
	}
	if _, err := os.Stat(gen); err != nil {
		b.Skipf("no corpus generator at %s (set ALONGSIDE_GENCORPUS)", gen)
	}
	tmp, err := os.MkdirTemp(os.TempDir(), "alongside-serve-bench-tmp-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "site")
	cmd := exec.Command("go", "run", gen, "-n", fmt.Sprint(n), "-o", out, "-seed", "1")
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("gencorpus: %v", err)
	}
	if err := os.Rename(out, dir); err != nil && !errors.Is(err, fs.ErrExist) {
		if _, statErr := os.Stat(filepath.Join(dir, "site.toml")); statErr != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// benchSite is the 1,000-profile site as loaded, which the larger sites
// start with: the edited profiles are picked from it.
func benchSite(b *testing.B) *content.Site {
	root, err := os.OpenRoot(benchCorpus(b, 1000))
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	site, _ := content.Load(root.FS())
	return site
}

// benchTarget is the profile every size edits: the middle approved one
// of the 1,000-profile site, which the larger sites hold too.
func benchTarget(b *testing.B) string {
	ps := benchSite(b).Profiles
	for _, p := range ps[len(ps)/2:] {
		if p.Approved() {
			return p.Path
		}
	}
	b.Fatal("no approved profile")
	return ""
}

// benchMoneyTarget is the profile BenchmarkServeEditSummary edits: the
// first approved one from the middle of the 1,000-profile site whose first
// resource is money in the site's currency, and the slug of the fiscal
// year of that money.
func benchMoneyTarget(b *testing.B) (rel, year string) {
	site := benchSite(b)
	ps := site.Profiles
	for _, p := range ps[len(ps)/2:] {
		if p.Approved() && len(p.Resources) > 0 && p.Resources[0].Kind == "money" && p.Resources[0].Currency == site.Config.Currency {
			return p.Path, ledger.FiscalYearOf(p.Resources[0].Date, site.Config.FiscalYearStart).Slug()
		}
	}
	b.Fatal("no approved profile with money")
	return "", ""
}

// BenchmarkServeFirstPage measures how long `alongside serve` takes from
// its start to the first answer of the home page (first-ns/op: the site
// read, then the page made alone while the rest renders) and to the end
// of its first build (built-ns/op), on generated sites of 1,000 and
// 10,000 profiles. Each round starts a new server on the same folder.
func BenchmarkServeFirstPage(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("profiles=%d", n), func(b *testing.B) { benchmarkFirstPage(b, n) })
	}
}

func benchmarkFirstPage(b *testing.B, n int) {
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS(benchCorpus(b, n))); err != nil {
		b.Fatal(err)
	}
	var first, built time.Duration
	client := &http.Client{Timeout: time.Minute}
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		s, err := New(Options{Site: dir, Port: 0})
		if err != nil {
			b.Fatal(err)
		}
		done := make(chan struct{})
		s.onBuild = sync.OnceFunc(func() { close(done) })
		ctx, cancel := context.WithCancel(context.Background())
		ran := make(chan error, 1)
		go func() { ran <- s.Run(ctx) }()
		for {
			resp, err := client.Get("http://" + s.Addr().String() + "/")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					break
				}
			}
			time.Sleep(time.Millisecond)
		}
		first += time.Since(start)
		<-done
		built += time.Since(start)
		cancel()
		<-ran
	}
	b.StopTimer()
	b.ReportMetric(float64(first.Nanoseconds())/float64(b.N), "first-ns/op")
	b.ReportMetric(float64(built.Nanoseconds())/float64(b.N), "built-ns/op")
}
