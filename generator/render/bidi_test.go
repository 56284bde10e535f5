package render

import (
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// A title or name with right-to-left text or a bidi control is isolated
// where it is shown: in <title> between U+2068 and U+2069, on the page
// with dir="auto". Text without any is left as it was.
func TestBidiIsolated(t *testing.T) {
	out := renderSite(t, siteTOML+"-- content/partnerships/x.md --\n"+
		strings.Replace(profile("Evil\u202eelttit", `tags = ["كتب"]`, ""), `summary = "Summary of Evil\u202eelttit."`, `summary = "حلقات المحادثة"`, 1)+
		"-- content/partnerships/y.md --\n"+profile("Plain", "", ""), Options{})
	sitetest.Check(t, out, "partnerships/x/index.html",
		"<title>\u2068Evil\u202eelttit\u2069 — Partnerships at Rainier</title>",
		`<h1 dir="auto">Evil`+"\u202e"+`elttit</h1>`,
		`<p class="lede" dir="auto">حلقات المحادثة</p>`)
	sitetest.Check(t, out, "tags/"+termPath(t, out)+"/index.html", "<title>\u2068\u2068كتب\u2069", `<h1 dir="auto">كتب</h1>`)
	sitetest.Check(t, out, "partnerships/y/index.html", "<title>Plain — Partnerships at Rainier</title>", "<h1>Plain</h1>", `<p class="lede">Summary of Plain.</p>`)
}

// termPath finds the one tag's folder.
func termPath(t *testing.T, out interface{ Names() []string }) string {
	t.Helper()
	for _, n := range out.Names() {
		if rest, ok := strings.CutPrefix(n, "tags/"); ok && strings.HasSuffix(rest, "/index.html") && strings.Count(rest, "/") == 1 {
			return strings.TrimSuffix(rest, "/index.html")
		}
	}
	t.Fatal("no tag page")
	return ""
}

// A long word in a name or a unit breaks anywhere rather than widen the
// page past 320 px: the rule is on body, so every element inherits it.
// (e2e measures the width in a browser.)
func TestLongWordsBreak(t *testing.T) {
	out := renderSite(t, siteTOML+"-- content/partnerships/y.md --\n"+profile("Plain", "", ""), Options{})
	css, _ := out.Get("style.css")
	body := string(css)[strings.Index(string(css), "\nbody {"):]
	body = body[:strings.Index(body, "}")]
	if !strings.Contains(body, "overflow-wrap: anywhere;") {
		t.Errorf("the body rule does not break long words:%s}", body)
	}
}
