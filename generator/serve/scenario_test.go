package serve

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// A scenario is a site being edited under serve, without HTTP or file
// events: each step edits files, rebuilds what they touch, and checks
// how many pages were rendered and what a page says.
type scenario struct {
	t       *testing.T
	s       *Server
	dir     string
	touched []string
}

// newScenario builds files as serve's first build does.
func newScenario(t *testing.T, files map[string]string) *scenario {
	t.Helper()
	dir := t.TempDir()
	sitetest.Write(t, dir, files)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	s, err := New(Options{Site: dir, Port: 0, Clock: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.stopSummaries()
		s.ln.Close()
	})
	s.build(context.Background(), nil)
	if f := s.cur.Load().fail; f != nil {
		t.Fatalf("the first build failed:\n%s", f.overlay)
	}
	return &scenario{t: t, s: s, dir: dir}
}

// write writes the file rel.
func (sc *scenario) write(rel, text string) *scenario {
	sc.t.Helper()
	sitetest.Write(sc.t, sc.dir, map[string]string{rel: text})
	sc.touched = append(sc.touched, rel)
	return sc
}

// replace replaces old with new in the file rel, which must hold it.
func (sc *scenario) replace(rel, old, new string) *scenario {
	sc.t.Helper()
	data, err := os.ReadFile(sc.path(rel))
	if err != nil || !strings.Contains(string(data), old) {
		sc.t.Fatalf("%s does not hold %q (%v)", rel, old, err)
	}
	return sc.write(rel, strings.Replace(string(data), old, new, 1))
}

// remove deletes the file rel.
func (sc *scenario) remove(rel string) *scenario {
	sc.t.Helper()
	if err := os.Remove(sc.path(rel)); err != nil {
		sc.t.Fatal(err)
	}
	sc.touched = append(sc.touched, rel)
	return sc
}

func (sc *scenario) path(rel string) string { return sc.dir + "/" + rel }

// rebuild rebuilds what the edits since the last rebuild touched, and
// checks that it rendered exactly pages pages.
func (sc *scenario) rebuild(pages int) *scenario {
	sc.t.Helper()
	sc.s.build(context.Background(), sc.touched)
	sc.touched = nil
	if f := sc.s.cur.Load().fail; f != nil {
		sc.t.Fatalf("the rebuild failed:\n%s", f.overlay)
	}
	if got := sc.s.Rendered(); got != int64(pages) {
		sc.t.Errorf("the rebuild rendered %d pages, want %d", got, pages)
	}
	return sc
}

// has checks that the file name of the site as served holds each of
// wants, or lacks it when it starts with "!" (see sitetest.Check).
func (sc *scenario) has(name string, wants ...string) *scenario {
	sc.t.Helper()
	sitetest.Check(sc.t, served{sc.s.Snapshot()}, name, wants...)
	return sc
}

// served is a snapshot as sitetest reads it: the files that answer 200.
type served struct{ *Snapshot }

func (s served) Get(name string) ([]byte, bool) {
	f, ok := s.Snapshot.Get(name)
	if !ok || f.status != 0 {
		return nil, false
	}
	return f.Data, true
}

// summed waits, for at most a minute, for the background render of the
// pages that sum up every profile, then checks that each file of names
// was rendered there, before any request for it.
func (sc *scenario) summed(names ...string) *scenario {
	sc.t.Helper()
	done := make(chan struct{})
	go func() {
		sc.s.summing.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		sc.t.Fatal("the pages that sum up every profile were not rendered within a minute")
	}
	d := sc.s.Snapshot().deferred
	for _, name := range names {
		if d == nil || !d.Ready(name) {
			sc.t.Errorf("%s was not rendered before it was asked for", name)
		}
	}
	return sc
}

// lacks checks that the file name is not served.
func (sc *scenario) lacks(name string) *scenario {
	sc.t.Helper()
	sitetest.Absent(sc.t, served{sc.s.Snapshot()}, name)
	return sc
}

var scenarioSite = map[string]string{
	"site.toml":                       "title = \"Test\"\nbase_url = \"https://example.org/\"\n",
	"content/_index.md":               "+++\ntitle = \"Home\"\n+++\nHello.\n",
	"content/pages/about.md":          "+++\ntitle = \"About\"\nweight = 1\n+++\nAbout us.\n",
	"content/partnerships/a.md":       genProfile("Alpha", "Alpha Group", "2025-09-02", "approved", []string{"ESL"}, 100),
	"content/partnerships/b.md":       genProfile("Beta", "Beta Group", "2025-09-03", "approved", []string{"ESL", "zines"}, 200),
	"content/partnerships/c.md":       genProfile("Gamma", "Beta Group", "2025-09-04", "draft", nil, 300),
	"content/partnerships/d/index.md": genProfile("Delta", "Delta Group", "2025-09-05", "approved", nil, 400),
}

// A story edit renders the profile's page only: no list shows stories.
func TestRebuildStory(t *testing.T) {
	newScenario(t, scenarioSite).
		replace("content/partnerships/a.md", "The story of Alpha.", "A new story.").
		rebuild(1).
		has("partnerships/a/index.html", "A new story.")
}

// A new title shows on the profile's page and on every list it is on:
// its partner's, its branch's and its tag's (the first home page sums up
// every profile: it is rendered when asked for).
func TestRebuildTitle(t *testing.T) {
	newScenario(t, scenarioSite).
		replace("content/partnerships/a.md", `title = "Alpha"`, `title = "Alpha Renamed"`).
		rebuild(4).
		has("partnerships/a/index.html", "Alpha Renamed").
		has("partners/alpha-group/index.html", "Alpha Renamed").
		has("tags/esl/index.html", "Alpha Renamed", "Beta")
}

// A new amount shows at once on the pages that sum up every profile:
// they are rendered right after the rebuild, not when first asked for.
func TestRebuildRendersSummaries(t *testing.T) {
	newScenario(t, scenarioSite).
		has("index.html", "$1,000").
		replace("content/partnerships/a.md", "amount = 100\n", "amount = 150\n").
		rebuild(3).
		summed("index.html", "reports/2025/index.html", "data/partnerships.json").
		has("index.html", "$1,050", "!$1,000").
		has("reports/2025/index.html", "$1,050").
		has("data/partnerships.json", `"amount":150`)
}

// A newer edit cancels the background render of the pages the last one
// made; a request that still holds them has them rendered, once.
func TestRebuildSupersedesSummaries(t *testing.T) {
	sc := newScenario(t, scenarioSite).
		replace("content/partnerships/a.md", "amount = 100\n", "amount = 150\n").
		rebuild(3)
	old := sc.s.Snapshot()
	sc.replace("content/partnerships/a.md", "amount = 150\n", "amount = 175\n").
		rebuild(3).
		summed("index.html").
		has("index.html", "$1,075")
	sitetest.Check(t, served{old}, "index.html", "$1,050", "!$1,075")
}

// A deleted profile takes its pages and its partner's with it; the
// partners index is rendered again, the others lists it was on too.
func TestRebuildDelete(t *testing.T) {
	newScenario(t, scenarioSite).
		remove("content/partnerships/a.md").
		rebuild(5).
		lacks("partnerships/a/index.html").
		lacks("partners/alpha-group/index.html").
		has("partners/index.html", "!Alpha Group", "Beta Group").
		has("tags/esl/index.html", "!Alpha", "Beta")
}

// A content page renders itself only; a new bundle file is copied, and
// its profile's page rendered again (the profile's bundle changed).
func TestRebuildPageAndBundleFile(t *testing.T) {
	newScenario(t, scenarioSite).
		replace("content/pages/about.md", "About us.", "All about us.").
		rebuild(1).
		has("about/index.html", "All about us.").
		write("content/partnerships/d/flyer.txt", "Come on Tuesday.").
		rebuild(1).
		has("partnerships/d/flyer.txt", "Come on Tuesday.")
}
