package review

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"flag"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/render"
	"github.com/alongside-dev/alongside/themes"
	"golang.org/x/net/html"
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
	p, err := Find(site, []string{slug}, probs, slug)
	if err != nil {
		t.Fatal(err)
	}
	r, err := render.New(fsys, site.Config.Theme)
	if err != nil {
		t.Fatal(err)
	}
	data, err := Proof(context.Background(), r, site, fsys, p, proofDay.Time, "")
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

// TestProofGolden compares the proof of testdata/site, its form above
// all, with the golden file, but for the theme's stylesheet and its hash
// in the Content-Security-Policy: that is the theme's to change, and
// TestProofContents checks it is inlined.
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
	sum := sha256.Sum256([]byte(safeCSS(string(css))))
	got = bytes.Replace(got, []byte(base64.StdEncoding.EncodeToString(sum[:])), []byte("HASH-OF-THE-THEME-CSS"), 1)
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

// A proof loads nothing when it is opened: every element and attribute
// of the page is on the allow-list, or is one of the proof's own (banner,
// checklist, head); every src is a data:image URI; every link is to a web
// page, an email, a phone or a place in the page; no CSS url() but data:;
// one script, the proof's own; and a Content-Security-Policy that forbids
// every request.
func assertSelfContained(t *testing.T, doc string) {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var styles, scripts, csp int
	var walk func(n *html.Node, own bool)
	walk = func(n *html.Node, own bool) {
		if n.Type == html.ElementNode {
			own = own || isOwn(n)
			where := n.Data + " " + attrText(n)
			switch {
			case n.Data == "style":
				styles++
				for _, m := range regexp.MustCompile(`(?i)url\(\s*['"]?([^)'"]*)`).FindAllStringSubmatch(textOf(n), -1) {
					if !strings.HasPrefix(m[1], "data:") {
						t.Errorf("CSS url(%s) is not a data: URI", m[1])
					}
				}
				if strings.Contains(strings.ToLower(textOf(n)), "@import") {
					t.Error("CSS @import in the proof")
				}
			case n.Data == "script":
				scripts++
				if textOf(n) != proofScript {
					t.Errorf("a script that is not the proof's own: %.80s", textOf(n))
				}
			case n.Data == "meta" && attr(n, "http-equiv") != "":
				if attr(n, "http-equiv") != "Content-Security-Policy" {
					t.Errorf("<meta http-equiv=%q>", attr(n, "http-equiv"))
				}
				csp++
				if !strings.HasPrefix(attr(n, "content"), "default-src 'none'; img-src data:; style-src 'sha256-") {
					t.Errorf("Content-Security-Policy %q", attr(n, "content"))
				}
			case isFrame(n):
			case own:
				if !ownElements[n.Data] {
					t.Errorf("<%s> in the proof's own parts", where)
				}
			default:
				var allowed []string
				var ok bool
				if n.Namespace == "svg" {
					allowed, ok = allowedSVG[strings.ToLower(n.Data)]
				} else if n.Namespace == "" {
					allowed, ok = allowedHTML[n.Data]
				}
				if !ok {
					t.Errorf("<%s> is not on the allow-list", where)
				}
				for _, a := range n.Attr {
					if a.Namespace != "" || !allowedAttr(strings.ToLower(a.Key), allowed) {
						t.Errorf("<%s>: attribute %s is not on the allow-list", n.Data, a.Key)
					}
				}
			}
			for _, a := range n.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				switch {
				case a.Key == "src" && (!strings.HasPrefix(v, "data:image/") || strings.Contains(v, "http")):
					t.Errorf("<%s>: src %.60q is not a data:image URI", n.Data, a.Val)
				case a.Key == "href" && !safeHref(a.Val):
					t.Errorf("<%s>: href %q", n.Data, a.Val)
				case strings.Contains(v, "url(") && !strings.Contains(v, "url(#"):
					t.Errorf("<%s>: %s=%q refers to something outside the page", n.Data, a.Key, a.Val)
				case a.Key == "style" || strings.HasPrefix(a.Key, "on") || a.Key == "srcset" || a.Key == "ping":
					t.Errorf("<%s>: attribute %s", n.Data, a.Key)
				}
			}
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k, own)
		}
	}
	walk(root, false)
	if styles != 2 || scripts != 1 || csp != 1 {
		t.Errorf("%d <style> (want 2: the theme's and the proof's), %d <script> (want 1), %d Content-Security-Policy (want 1)", styles, scripts, csp)
	}
}

// isFrame reports whether n is the proof's frame: <html>, <head> and
// what is in it, <body>.
func isFrame(n *html.Node) bool {
	switch n.Data {
	case "html", "head", "body", "title", "meta":
		return n.Parent != nil && (n.Parent.Type == html.DocumentNode || n.Parent.Data == "html" || n.Parent.Data == "head")
	}
	return false
}

// isOwn reports whether n is one of the proof's own parts, outside the
// theme's page: the banner, the checklist.
func isOwn(n *html.Node) bool {
	c := attr(n, "class")
	return c == "proof-banner" || c == "proof-checklist"
}

// ownElements are the elements of the proof's own parts.
var ownElements = map[string]bool{
	"div": true, "p": true, "a": true, "strong": true, "bdi": true, "section": true, "h2": true, "h3": true,
	"ol": true, "ul": true, "li": true, "fieldset": true, "legend": true, "span": true, "input": true,
	"label": true, "textarea": true, "button": true,
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func attrText(n *html.Node) string {
	var s []string
	for _, a := range n.Attr {
		s = append(s, a.Key+"="+strconv.Quote(a.Val))
	}
	return strings.Join(s, " ")
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
		`<legend><span class="proof-label">Title:</span> Homework Help in Spanish</legend>`,
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
		`<input type="radio" name="fact-1" id="fact-1-correct" value="correct"><label for="fact-1-correct">Correct</label>`,
		`<input type="radio" name="fact-1" id="fact-1-change" value="change"><label for="fact-1-change">Needs a change</label>`,
		`<label for="fact-1-text">1. What it should say:</label>`,
		"Publish this page as it is.",
		`<textarea id="proof-comments" rows="4"></textarea>`,
		`send your answers to <a href="mailto:partnerships@example.org?subject=Answers%20to%20the%20proof%3A%20Homework%20Help%20in%20Spanish">partnerships@example.org</a>`,
		`data-to="partnerships@example.org"`,
		`data-fingerprint="` + p.Fingerprint + `"`,
		`<div class="proof-send" id="proof-send" hidden>`,
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
	facts := Facts(mustView(t, p), nil)
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

// hostileHead and hostileBody are what a theme override could put in a
// page to make a proof load something, or run something, when opened.
const hostileHead = `<base href="https://evil.example.com/">
<meta http-equiv="refresh" content="0;url=https://evil.example.com/">
<meta http-equiv="Content-Security-Policy" content="default-src *">
<link rel="prefetch" href="https://evil.example.com/p"><link rel="stylesheet" href="https://evil.example.com/s.css">
<style>@import "https://evil.example.com/i.css"; body { background: url(https://evil.example.com/b.png) }</style>
<script>fetch("https://evil.example.com/")</script>`

const hostileBody = `<div style="background:url(https://evil.example.com/style.png)" onclick="alert(1)" data-x="1">styled</div>
<object data="https://evil.example.com/o.swf">object fallback</object>
<embed src="https://evil.example.com/e.swf">
<iframe src="https://evil.example.com/f" srcdoc="<img src=https://evil.example.com/x>"></iframe>
<svg viewBox="0 0 10 10"><image href="https://evil.example.com/i.png"/><image xlink:href="https://evil.example.com/j.png"/>
<use href="https://evil.example.com/u.svg#a"/><a href="javascript:alert(1)"><text>svg link</text></a>
<rect fill="url(https://evil.example.com/p.svg#x)" width="5" height="5"/><rect fill="url(#local)" width="1" height="1"/>
<foreignObject><img src="https://evil.example.com/fo.png"></foreignObject><style>@import url(https://evil.example.com/svg.css);</style>
<filter><feImage href="https://evil.example.com/fe.png"/></filter><pattern id="local" href="https://evil.example.com/pat.svg"/></svg>
<img src="https://evil.example.com/pixel.gif" srcset="https://evil.example.com/a.png 2x" onerror="alert(1)" alt="pixel">
<picture><source srcset="https://evil.example.com/s.webp"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="tiny"></picture>
<video poster="https://evil.example.com/v.png" src="https://evil.example.com/v.mp4"></video><audio src="https://evil.example.com/a.mp3"></audio>
<a href="javascript:alert(1)" ping="https://evil.example.com/ping">js link</a> <a href="//evil.example.com/">protocol-relative</a>
<a href="https://example.org/ok" target="_blank" download>kept link</a>
<form action="https://evil.example.com/f"><input type="image" src="https://evil.example.com/in.png"><button formaction="https://evil.example.com/b">go</button></form>
<table background="https://evil.example.com/t.png"><tr><td background="https://evil.example.com/td.png">cell</td></tr></table>
<math href="https://evil.example.com/m"><mi>x</mi></math>
<template><img src="https://evil.example.com/t.png"></template><noscript><img src="https://evil.example.com/n.png"></noscript>
<custom-element class="x">custom text</custom-element>
<!-- a comment <img src="https://evil.example.com/c.png"> -->
<meta http-equiv="refresh" content="0;url=https://evil.example.com/body">
<link rel="preload" as="image" href="https://evil.example.com/l.png">`

// No theme override can make a proof load, or run, anything: with every
// trick of hostileHead and hostileBody in the theme's base layout and a
// stylesheet that imports and loads, no element or attribute outside the
// allow-list reaches the proof, and nothing in it names evil.example.com.
func TestProofHostileTheme(t *testing.T) {
	fsys := dirFS(t, "testdata/site")
	base, err := themes.FS.ReadFile("default/layouts/base.html")
	if err != nil {
		t.Fatal(err)
	}
	base = bytes.Replace(base, []byte("</head>"), []byte(hostileHead+"</head>"), 1)
	base = bytes.Replace(base, []byte("<body>"), []byte(`<body background="https://evil.example.com/body.png" onload="alert(1)">`+hostileBody), 1)
	base = bytes.Replace(base, []byte("</body>"), []byte(hostileBody+"</body>"), 1)
	fsys["themes/default/layouts/base.html"] = &fstest.MapFile{Data: base}
	fsys["themes/default/static/style.css"] = &fstest.MapFile{Data: []byte(
		"@import url(https://evil.example.com/x.css);\n@import 'https://evil.example.com/y.css';\nbody { background: url('https://evil.example.com/bg.png'); }\n</style><script>alert(1)</script>\n")}
	_, data := proofOf(t, fsys, "homework-help")
	doc := string(data)
	assertSelfContained(t, doc)
	if strings.Contains(doc, "evil.example.com") {
		for _, line := range strings.Split(doc, "\n") {
			if strings.Contains(line, "evil.example.com") {
				t.Errorf("the proof names evil.example.com: %.200s", line)
			}
		}
	}
	for _, want := range []string{
		"styled", "object fallback", "custom text", "cell", "js link", "protocol-relative",
		`<a href="https://example.org/ok">kept link</a>`,
		`<rect fill="url(#local)" width="1" height="1">`,
		`<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="tiny"/>`,
		`alt="pixel"`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the proof lost %q", want)
		}
	}
}

// cleanPage keeps what is on the allow-list and nothing else, in the
// order of the page.
func TestCleanPage(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<p class="a" style="color:red" onclick="x()">hi <b>there</b></p>`, `<p class="a">hi <b>there</b></p>`},
		{`<a href="javascript:alert(1)">x</a><a href=" HTTPS://example.org/">y</a>`, `<a>x</a><a href=" HTTPS://example.org/">y</a>`},
		{`<a href="data:text/html,hi">x</a><a href="mailto:a@example.org">m</a><a href="#top">t</a>`, `<a>x</a><a href="mailto:a@example.org">m</a><a href="#top">t</a>`},
		{`<img src="https://example.org/a.png" alt="a">`, `<img src="NOTE" alt="a"/>`},
		{`<img srcset="https://example.org/a.png 2x" alt="b">`, `<img alt="b" src="NOTE"/>`},
		{`<unknown-tag>text</unknown-tag><script>x</script><style>p{}</style>`, `text`},
		{`<svg viewBox="0 0 1 1"><title>t</title><use href="#a"/><rect fill="url( 'https://x' )"/></svg>`, `<svg viewBox="0 0 1 1"><title>t</title><rect></rect></svg>`},
		{`<table><tr><td colspan="2" background="x.png">c</td></tr></table>`, `<table><tbody><tr><td colspan="2">c</td></tr></tbody></table>`},
	} {
		kept, err := cleanPage([]byte("<!DOCTYPE html><html><head><title>T</title></head><body>"+tc.in+"</body></html>"),
			func(string) string { return "NOTE" })
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := renderNodes(&b, kept.body); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.in, b.String(), tc.want)
		}
		if kept.title != "T" {
			t.Errorf("title %q", kept.title)
		}
	}
}

// The checklist names every survey with its counts, the translation of
// the quote and the photo, as the page states them.
func TestFactsOfSurveysPhotoAndTranslation(t *testing.T) {
	v := &render.Profile{
		Voice:   &render.Voice{Quote: "Gracias.", By: "P", Translation: "Thank you."},
		Photo:   &render.Photo{Alt: "A room", Credit: "P"},
		Surveys: []render.Survey{{Topic: "Digital learning", Date: render.Date{Text: "January 31, 2026"}, Respondents: "24", Agreed: []string{"22 (92 %)", "19 (79 %)", "17 (71 %)", "20 (83 %)"}}},
	}
	var got []string
	for _, f := range Facts(v, nil) {
		got = append(got, f.Label+": "+f.Text)
	}
	for _, want := range []string{
		"Translation: “Thank you.”", "What the photo shows: A room", "Photo credit: P",
		"Survey: Digital learning, January 31, 2026, 24 people surveyed; learned something helpful: 22 (92 %); more confident: 19 (79 %); intend to apply it: 17 (71 %); more aware of the library's resources: 20 (83 %)",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no fact %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
}
