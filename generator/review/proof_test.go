package review

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/render"
	"github.com/alongside-dev/alongside/themes"
)

var update = flag.Bool("update", false, "rewrite testdata/proof.golden.html")

var proofDay = content.DateOf(2026, 3, 14)

// proofOf loads the site in fsys and makes the proof of slug.
func proofOf(t *testing.T, fsys fstest.MapFS, slug string) (*content.Profile, []byte) {
	t.Helper()
	site, probs := content.Load(fsys)
	if errs := probs.Errors(); len(errs) > 0 {
		t.Fatalf("the test site has errors:\n%v", errs)
	}
	p, err := Find(site, probs, slug)
	if err != nil {
		t.Fatal(err)
	}
	r, err := render.New(fsys, site.Config.Theme)
	if err != nil {
		t.Fatal(err)
	}
	data, err := Proof(context.Background(), r, site, fsys, p, proofDay.Time)
	if err != nil {
		t.Fatal(err)
	}
	return p, data
}

// dirFS reads a folder into a MapFS, so tests can add files to it.
func dirFS(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	src := os.DirFS(dir)
	err := fs.WalkDir(src, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, name)
		m[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestProofGolden compares the proof of testdata/site with the golden
// file, but for the theme's stylesheet: that is the theme's to change,
// and TestProofContents checks it is inlined.
func TestProofGolden(t *testing.T) {
	fsys := dirFS(t, "testdata/site")
	_, got := proofOf(t, fsys, "homework-help")
	r, err := render.New(fsys, "default")
	if err != nil {
		t.Fatal(err)
	}
	css, err := r.Stylesheet(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(got, []byte(safeCSS(string(css)))) {
		t.Fatal("the proof does not hold the theme's stylesheet")
	}
	got = bytes.Replace(got, []byte(safeCSS(string(css))), []byte("/* the theme's style.css */\n"), 1)
	const golden = "testdata/proof.golden.html"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/review -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the proof differs from %s; if the change is right, run go test ./generator/review -update and review the diff", golden)
	}
}

// A proof loads nothing when it is opened: no stylesheet or other <link>,
// no script, no src but data:image URIs, no CSS url() or @import.
func assertSelfContained(t *testing.T, doc string) {
	t.Helper()
	lower := strings.ToLower(doc)
	for _, bad := range []string{"<link", "<script", "@import", "<iframe", "<object", "<embed", " srcset="} {
		if strings.Contains(lower, bad) {
			t.Errorf("the proof contains %q", bad)
		}
	}
	for _, m := range regexp.MustCompile(`(?i)\ssrc\s*=\s*"([^"]*)"`).FindAllStringSubmatch(doc, -1) {
		if !strings.HasPrefix(m[1], "data:image/") || strings.Contains(strings.ToLower(m[1]), "http") {
			t.Errorf("src %.60q is not a data:image URI", m[1])
		}
	}
	for _, m := range regexp.MustCompile(`(?i)url\(\s*['"]?([^)'"]*)`).FindAllStringSubmatch(doc, -1) {
		if !strings.HasPrefix(m[1], "data:") {
			t.Errorf("CSS url(%s) is not a data: URI", m[1])
		}
	}
	if n := strings.Count(lower, "<style>"); n != 2 {
		t.Errorf("the proof has %d <style> elements, want 2 (theme and proof)", n)
	}
}

func TestProofContents(t *testing.T) {
	p, data := proofOf(t, dirFS(t, "testdata/site"), "homework-help")
	doc := string(data)
	assertSelfContained(t, doc)
	if strings.Contains(doc, "PRIVATE") || strings.Contains(doc, "555-0100") {
		t.Error("the proof holds a [private] value")
	}
	for _, want := range []string{
		"<title>Proof — Homework Help in Spanish",
		"Proof — not yet published",
		"https://partners.example.org/reports/partnerships/homework-help/",
		// Every fact, numbered, with room to mark it.
		`<span class="proof-label">Title:</span> Homework Help in Spanish`,
		"Bilingual homework help for middle schoolers, twice a week.",
		"A volunteer-run parent group founded in 2014.",
		"September 2, 2025 – June 12, 2026",
		"North Beacon Hill", "Spanish-speaking families", "Spanish, English", "homework help",
		"“Nuestros hijos por fin tienen un lugar tranquilo que habla su idioma.” — Familias Unidas del Sur, board",
		"Stipends for two volunteer tutors: Money, $2,400, September 2, 2025; value $2,400",
		"Meeting room B, Tue and Thu 4–6 pm: Space, 120 room-hours, September 2, 2025; value $5,400 (estimate)",
		"Volunteer tutors and outreach to families: Staff time, 180 hours, October 15, 2025; value $6,930 (estimate)",
		"Marketing, 3 newsletter features, September 2, 2025; value $600 (estimate)",
		"Bus fare for a field trip: Money, 150 CAD, September 2, 2025; not valued",
		"“A room on weekday afternoons”: Delivered",
		"“Laptops the students can borrow”: Declined, November 3, 2025. Why the library said no: Our device budget is committed until July; we will revisit in the spring.",
		"Students who came at least five times: 37 students, January 31, 2026. Attendance sheets, fall term",
		"Families who got a library card: 12, September 2, 2025",
		"Asked us to remove the photo of the children.",
		`<ol class="proof-facts" start="1">`,
		`Correct <span class="proof-box" aria-hidden="true"></span> Change to:`,
		"Publish this page as it is.",
		"send it back to partnerships@example.org",
		// Images: the photo inlined, the rest left out with a note.
		`<img src="data:image/png;base64,`,
		"flyer.pdf: not an image",
		"https://example.org/logo.png: not a file of this partnership&#39;s folder",
		// Links: absolute from base_url, in-page ones as they are.
		`<a href="https://partners.example.org/reports/methodology/">how we count</a>`,
		`href="https://partners.example.org/reports/partnerships/homework-help/flyer.pdf"`,
		`href="#notes"`, `href="#main"`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the proof lacks %q", want)
		}
	}
	if strings.Contains(doc, "Not yet approved by") || strings.Contains(doc, "This is a preview") {
		t.Error("the proof shows the site's unapproved banner; it has its own")
	}
	if strings.Contains(doc, `href="/`) {
		t.Error("the proof has a root-relative link")
	}
	facts := Facts(mustView(t, p))
	if got := strings.Count(doc, `<span class="proof-label">`); got != len(facts) {
		t.Errorf("%d facts in the checklist, want %d", got, len(facts))
	}
}

func mustView(t *testing.T, p *content.Profile) *render.Profile {
	t.Helper()
	fsys := dirFS(t, "testdata/site")
	site, _ := content.Load(fsys)
	r, _ := render.New(fsys, "default")
	v, _, err := r.Profile(context.Background(), site, fsys, p, render.ProfileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// A large image and a theme that would load things are kept out.
func TestProofLeavesOut(t *testing.T) {
	fsys := dirFS(t, "testdata/site")
	big := make([]byte, MaxImage+1)
	copy(big, fsys["content/partnerships/homework-help/photo.png"].Data)
	fsys["content/partnerships/homework-help/photo.png"] = &fstest.MapFile{Data: big}
	fsys["themes/default/static/style.css"] = &fstest.MapFile{Data: []byte(
		"@import url(https://fonts.example.com/x.css);\nbody { background: url('https://example.org/bg.png'); }\n.x { background: url(data:image/gif;base64,R0lGODlhAQABAAAAACw=); }\n</style><script>alert(1)</script>\n")}
	base, err := themes.FS.ReadFile("default/layouts/base.html")
	if err != nil {
		t.Fatal(err)
	}
	fsys["themes/default/layouts/base.html"] = &fstest.MapFile{Data: bytes.Replace(base, []byte("</head>"),
		[]byte(`<link rel="preload" href="https://cdn.example.com/f.woff2"><script src="https://cdn.example.com/x.js"></script><img src="https://cdn.example.com/pixel.gif" srcset="https://cdn.example.com/a.png 2x"></head>`), 1)}
	_, data := proofOf(t, fsys, "homework-help")
	doc := string(data)
	assertSelfContained(t, doc)
	if !strings.Contains(doc, "photo.png: too large to email (2.0 MB; the limit is 2.0 MB)") {
		t.Error("the proof does not say the large photo is left out")
	}
	if !strings.Contains(doc, "url(data:image/gif;base64,R0lGODlhAQABAAAAACw=)") {
		t.Error("the theme's data: url() was dropped")
	}
}

// The proof works in every review state.
func TestProofAnyState(t *testing.T) {
	for _, state := range []string{"draft", "in_review", "changes_requested", "approved"} {
		fsys := dirFS(t, "testdata/site")
		f := fsys["content/partnerships/homework-help/index.md"]
		fsys["content/partnerships/homework-help/index.md"] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(`state = "in_review"`), []byte(`state = "`+state+`"`), 1)}
		_, data := proofOf(t, fsys, "homework-help")
		assertSelfContained(t, string(data))
		approved := strings.Contains(string(data), "Reviewed and approved by")
		if approved != (state == "approved") {
			t.Errorf("%s: approval stamp shown: %v", state, approved)
		}
	}
}
