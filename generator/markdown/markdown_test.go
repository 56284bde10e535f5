package markdown

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
)

func convert(t testing.TB, c *Converter, src string) string {
	t.Helper()
	var b bytes.Buffer
	if err := c.Convert([]byte(src), &b); err != nil {
		t.Fatalf("Convert(%q): %v", src, err)
	}
	return b.String()
}

func TestConvert(t *testing.T) {
	sub := Options{BasePath: "/reports-site/"}
	tests := []struct {
		name string
		opts Options
		src  string
		want string
	}{
		{"paragraph", Options{}, "Hello *world*.", "<p>Hello <em>world</em>.</p>\n"},
		{"no typographer", Options{}, `"quoted" -- dash...`, "<p>&quot;quoted&quot; -- dash...</p>\n"},
		{"no heading id", Options{}, "# Title", "<h2>Title</h2>\n"},
		{"table", Options{}, "| a | b |\n|:--|--:|\n| 1 | 2 |\n",
			"<table>\n<thead>\n<tr>\n<th style=\"text-align:left\">a</th>\n<th style=\"text-align:right\">b</th>\n</tr>\n</thead>\n" +
				"<tbody>\n<tr>\n<td style=\"text-align:left\">1</td>\n<td style=\"text-align:right\">2</td>\n</tr>\n</tbody>\n</table>\n"},
		{"strikethrough", Options{}, "~~gone~~ here", "<p><del>gone</del> here</p>\n"},
		{"task list", Options{}, "- [x] done\n- [ ] not yet",
			"<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> done</li>\n<li><input disabled=\"\" type=\"checkbox\"> not yet</li>\n</ul>\n"},
		{"bare url", Options{}, "See https://example.org/a?b=1.",
			"<p>See <a href=\"https://example.org/a?b=1\">https://example.org/a?b=1</a>.</p>\n"},
		{"bare www", Options{}, "See www.example.org.",
			"<p>See <a href=\"http://www.example.org\">www.example.org</a>.</p>\n"},
		{"bare email", Options{}, "Write ana@example.org.",
			"<p>Write <a href=\"mailto:ana@example.org\">ana@example.org</a>.</p>\n"},
		{"autolink", Options{}, "<https://example.org>",
			"<p><a href=\"https://example.org\">https://example.org</a></p>\n"},
		{"footnote", Options{}, "Text.[^1]\n\n[^1]: A note.",
			"<p>Text.<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></p>\n" +
				"<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n" +
				"<p>A note.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n"},
		{"external link plain", Options{}, "[site](https://example.org/)",
			"<p><a href=\"https://example.org/\">site</a></p>\n"},
		{"link title", Options{}, `[a](/x/ "The &amp; <title>")`,
			"<p><a href=\"/x/\" title=\"The &amp; &lt;title&gt;\">a</a></p>\n"},
		{"link escaped", Options{}, `[a](/a%20b/c&amp;d?q="x")`,
			"<p><a href=\"/a%20b/c&amp;d?q=%22x%22\">a</a></p>\n"},

		// Raw HTML.
		{"inline html", Options{}, "a <b>bold</b> move", "<p>a <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> move</p>\n"},
		{"block html", Options{}, "<div onclick=\"x()\">\nhi\n</div>", "<!-- raw HTML omitted -->\n"},
		{"script", Options{}, "<script>alert(1)</script>", "<!-- raw HTML omitted -->\n"},
		{"inline script", Options{}, "x <script>alert(1)</script>", "<p>x <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></p>\n"},
		{"img onerror", Options{}, "<img src=x onerror=alert(1)>", "<!-- raw HTML omitted -->\n"},
		{"inline img onerror", Options{}, "a <img src=x onerror=alert(1)> b", "<p>a <!-- raw HTML omitted --> b</p>\n"},
		{"html in alt", Options{}, "![a <b>b</b>](p.png)", "<p><img src=\"p.png\" alt=\"a b\"></p>\n"},

		// BasePath.
		{"base link", sub, "[m](/methodology/)", "<p><a href=\"/reports-site/methodology/\">m</a></p>\n"},
		{"base root", sub, "[home](/)", "<p><a href=\"/reports-site/\">home</a></p>\n"},
		{"base image", sub, "![p](/img/p.png)", "<p><img src=\"/reports-site/img/p.png\" alt=\"p\"></p>\n"},
		{"base relative", sub, "[p](photo.png) ![p](photo.png)", "<p><a href=\"photo.png\">p</a> <img src=\"photo.png\" alt=\"p\"></p>\n"},
		{"base fragment", sub, "[n](#notes)", "<p><a href=\"#notes\">n</a></p>\n"},
		{"base absolute", sub, "[e](https://example.org/x/)", "<p><a href=\"https://example.org/x/\">e</a></p>\n"},
		{"base protocol relative", sub, "[e](//example.org/x/)", "<p><a href=\"//example.org/x/\">e</a></p>\n"},
		{"base autolink", sub, "<https://example.org/>", "<p><a href=\"https://example.org/\">https://example.org/</a></p>\n"},
		{"base reference", sub, "[m][r]\n\n[r]: /methodology/", "<p><a href=\"/reports-site/methodology/\">m</a></p>\n"},
		{"base footnote", sub, "x[^1]\n\n[^1]: [m](/m/)",
			"<p>x<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></p>\n" +
				"<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n" +
				"<p><a href=\"/reports-site/m/\">m</a>&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n"},
		{"base slash only", Options{BasePath: "/"}, "[m](/m/)", "<p><a href=\"/m/\">m</a></p>\n"},
		{"base empty", Options{BasePath: ""}, "[m](/m/)", "<p><a href=\"/m/\">m</a></p>\n"},
		{"base no slashes", Options{BasePath: "reports-site"}, "[m](/m/)", "<p><a href=\"/reports-site/m/\">m</a></p>\n"},
		{"base deep", Options{BasePath: "/a/b/"}, "[m](/m/)", "<p><a href=\"/a/b/m/\">m</a></p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := convert(t, New(tt.opts), tt.src)
			if got != tt.want {
				t.Errorf("Convert(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

// unsafeForms are destinations that must never reach an href or src.
var unsafeForms = []string{
	"javascript:alert(1)",
	"JavaScript:alert(1)",
	"JAVASCRIPT:alert(1)",
	"jav&#x09;ascript:alert(1)",
	"jav&#9;ascript:alert(1)",
	"java&#10;script:alert(1)",
	"java&#13;script:alert(1)",
	"&#106;avascript:alert(1)",
	"&#x6A;avascript:alert(1)",
	"javascript&colon;alert(1)",
	"javascript&#58;alert(1)",
	"&Tab;javascript:alert(1)",
	"&#x01;javascript:alert(1)",
	"\x01javascript:alert(1)",
	"vbscript:msgbox(1)",
	"VBScript:msgbox(1)",
	"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
	"data:image/png;base64,iVBORw0KGgo=",
	"DATA:image/svg+xml,<svg/onload=alert(1)>",
	"file:///etc/passwd",
}

func TestUnsafeURLs(t *testing.T) {
	forms := []struct {
		name, pattern string
		text          string // the text that must remain
	}{
		{"link", "[click](%s)", "click"},
		{"angle link", "[click](<%s>)", "click"},
		{"angle link space", "[click](< %s>)", "click"},
		{"image", "![alt text](%s)", "alt text"},
		{"angle image", "![alt text](<%s>)", "alt text"},
		{"reference", "[click][r]\n\n[r]: %s", "click"},
		{"angle reference", "[click][r]\n\n[r]: <%s>", "click"},
		{"image reference", "![alt text][r]\n\n[r]: %s", "alt text"},
		{"titled reference", "[click][r]\n\n[r]: %s \"title\"", "click"},
		{"autolink", "<%s>", ""},
		{"link in table", "| a |\n|---|\n| [click](%s) |", "click"},
		{"link in footnote", "x[^1]\n\n[^1]: [click](%s)", "click"},
	}
	cs := map[string]*Converter{
		"plain": New(Options{}),
		"base":  New(Options{BasePath: "/reports-site/"}),
		"hook":  New(Options{Image: func(d string) string { return d }}),
	}
	for _, f := range forms {
		for _, u := range unsafeForms {
			src := fmt.Sprintf(f.pattern, u)
			for cname, c := range cs {
				got := convert(t, c, src)
				if bad := unsafeAttrs(got); len(bad) > 0 {
					t.Errorf("%s/%s: %q\nrenders unsafe %q in\n%s", f.name, cname, src, bad, got)
				}
				footnoteLinks := strings.Count(got, `<a href="#fn`)
				if strings.Contains(got, "<img") || strings.Count(got, "<a ") > footnoteLinks {
					t.Errorf("%s/%s: %q\nstill renders a link or image:\n%s", f.name, cname, src, got)
				}
				if !strings.Contains(got, f.text) {
					t.Errorf("%s/%s: %q\nlost its text %q:\n%s", f.name, cname, src, f.text, got)
				}
			}
		}
	}
}

func TestUnsafeExact(t *testing.T) {
	c := New(Options{})
	tests := []struct{ src, want string }{
		{"[click *me*](javascript:alert(1))", "<p>click <em>me</em></p>\n"},
		{"![a *b* c](javascript:alert(1)) after", "<p>a b c after</p>\n"},
		{"![<b>x</b> & y](data:image/png;base64,AA)", "<p>x &amp; y</p>\n"},
		{"<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n"},
		{"<VBScript:x>", "<p>VBScript:x</p>\n"},
		{"[a](jav&#x09;ascript:x)", "<p>a</p>\n"},
		{"[a][r]\n\n[r]: javascript:x", "<p>a</p>\n"},
		// "java\script:" keeps its backslash: a browser reads a relative
		// URL, and goldmark encodes the backslash.
		{`[a](java\script:x)`, "<p><a href=\"java%5Cscript:x\">a</a></p>\n"},
		// A link around a refused image keeps its own href.
		{"[![alt](javascript:x)](/ok/)", "<p><a href=\"/ok/\">alt</a></p>\n"},
		// Schemes that merely contain the words are fine.
		{"[a](https://example.org/javascript:x)", "<p><a href=\"https://example.org/javascript:x\">a</a></p>\n"},
		{"[a](/data:x)", "<p><a href=\"/data:x\">a</a></p>\n"},
		{"[a](mailto:a@example.org)", "<p><a href=\"mailto:a@example.org\">a</a></p>\n"},
	}
	for _, tt := range tests {
		if got := convert(t, c, tt.src); got != tt.want {
			t.Errorf("Convert(%q)\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

func TestImageHook(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	c := New(Options{
		BasePath: "/reports-site/",
		Image: func(dest string) string {
			mu.Lock()
			seen = append(seen, dest)
			mu.Unlock()
			switch dest {
			case "photo.png":
				return "data:image/png;base64,iVBORw0KGgo="
			case "logo.svg":
				return "data:image/svg+xml;base64,PHN2Zz4="
			case "evil.png":
				return "javascript:alert(1)"
			case "text.png":
				return "data:text/html,x"
			}
			return dest
		},
	})
	tests := []struct{ src, want string }{
		{"![a photo](photo.png \"t\")", "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"a photo\" title=\"t\"></p>\n"},
		{"![logo](logo.svg)", "<p><img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"logo\"></p>\n"},
		// The hook's result is used as is: no BasePath.
		{"![x](/img/x.png)", "<p><img src=\"/img/x.png\" alt=\"x\"></p>\n"},
		{"![q](a\"b&c.png)", "<p><img src=\"a&quot;b&amp;c.png\" alt=\"q\"></p>\n"},
		{"![evil](evil.png)", "<p>evil</p>\n"},
		{"![text](text.png)", "<p>text</p>\n"},
		// The hook never sees an unsafe destination from the source.
		{"![d](data:image/png;base64,AAAA)", "<p>d</p>\n"},
		// Links are not images: BasePath applies.
		{"[p](/photo.png)", "<p><a href=\"/reports-site/photo.png\">p</a></p>\n"},
	}
	for _, tt := range tests {
		if got := convert(t, c, tt.src); got != tt.want {
			t.Errorf("Convert(%q)\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
	want := []string{"photo.png", "logo.svg", "/img/x.png", `a"b&c.png`, "evil.png", "text.png"}
	if !reflect.DeepEqual(seen, want) {
		t.Errorf("hook saw %q, want %q", seen, want)
	}
}

func TestConvertPanicIsError(t *testing.T) {
	c := New(Options{Image: func(string) string { panic("hook bug") }})
	var b bytes.Buffer
	err := c.Convert([]byte("![a](a.png)"), &b)
	if err == nil || !strings.Contains(err.Error(), "hook bug") {
		t.Errorf("Convert with a panicking hook: err = %v, want the panic as an error", err)
	}
}

func TestHasScheme(t *testing.T) {
	tests := []struct {
		dest string
		want bool
	}{
		{"javascript:", true},
		{" \t\njavascript:x", true},
		{"\x00\x1fJaVa\tScRiPt:x", true},
		{"java\nscript:x", true},
		{"java\x7fscript:x", true},
		{"javascript", false},
		{"javascrip:", false},
		{"xjavascript:", false},
		{"/javascript:", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := hasScheme([]byte(tt.dest), "javascript:"); got != tt.want {
			t.Errorf("hasScheme(%q) = %v, want %v", tt.dest, got, tt.want)
		}
	}
}

func TestLinks(t *testing.T) {
	src := "Intro with [a link](/a/) and ![a photo](photo.png).\n" + // 1
		"\n" + // 2
		"- <https://example.org>\n" + // 3
		"- www.example.org and ana@example.org\n" + // 4
		"\n" + // 5
		"Note.[^1] [ref][r] [esc](/a&amp;b/)\n" + // 6
		"\n" + // 7
		"| col |\n" + // 8
		"|-----|\n" + // 9
		"| [in table](/t/) |\n" + // 10
		"\n" + // 11
		"[r]: /refd/\n" + // 12
		"[^1]: A note with\n" + // 13
		"    [a link](/n/) in it.\n" + // 14
		"\n" + // 15
		"```\n[not](/code/)\n```\n" + // 16-18
		"[![nested](/img.png)](/outer/) [bad](javascript:x)\n" // 19
	want := []Link{
		{"/a/", 1, false},
		{"photo.png", 1, true},
		{"https://example.org", 3, false},
		{"http://www.example.org", 4, false},
		{"mailto:ana@example.org", 4, false},
		{"/refd/", 6, false},
		{"/a&b/", 6, false},
		{"/t/", 10, false},
		{"/n/", 14, false},
		{"/outer/", 19, false},
		{"/img.png", 19, true},
		{"javascript:x", 19, false},
	}
	got := Links([]byte(src))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Links:\n got %+v\nwant %+v", got, want)
	}
	crlf := strings.ReplaceAll(src, "\n", "\r\n")
	if got := Links([]byte(crlf)); !reflect.DeepEqual(got, want) {
		t.Errorf("Links with CRLF:\n got %+v\nwant %+v", got, want)
	}
	if got := Links([]byte("no links here\n")); got != nil {
		t.Errorf("Links without links = %+v, want nil", got)
	}
}

func TestConcurrent(t *testing.T) {
	var srcs []string
	for _, name := range []string{"story.md", "page.md", "tricky.md"} {
		srcs = append(srcs, readTestdata(t, name))
	}
	c := New(Options{BasePath: "/reports-site/", Image: func(d string) string { return "/img/" + d }})
	want := make([]string, len(srcs))
	for i, s := range srcs {
		want[i] = convert(t, c, s)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 20 {
				k := (g + i) % len(srcs)
				var b bytes.Buffer
				if err := c.Convert([]byte(srcs[k]), &b); err != nil {
					t.Error(err)
					return
				}
				if b.String() != want[k] {
					t.Errorf("concurrent Convert of source %d differs", k)
					return
				}
				_ = Links([]byte(srcs[k]))
			}
		})
	}
	wg.Wait()
}

func TestStory(t *testing.T) {
	got := convert(t, New(Options{BasePath: "/reports-site/"}), readTestdata(t, "story.md"))
	for _, want := range []string{
		"<table>", "<del>Parking was also a problem</del>", `<a href="/reports-site/methodology/#devices">device budget</a>`,
		`<a href="https://www.seattle.gov/transportation">parking study</a>`, `<img src="open-house.jpg" alt="open house, October
2025" title="Open house">`, `<a href="mailto:partnerships@example.org">`, `<a href="#resources">`,
		`<li id="fn:1">`, `<li id="fn:2">`, `<a href="/reports-site/methodology/">methodology</a>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("story output lacks %q", want)
		}
	}
	if strings.Contains(got, "target=") || strings.Contains(got, " id=\"how") {
		t.Errorf("story output has a target or heading id:\n%s", got)
	}
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// unsafeAttrs returns the href and src values in the HTML h whose scheme
// is javascript:, vbscript: or data:. It reads tags the simple way: the
// output of goldmark never holds a raw '<' outside a tag or comment.
func unsafeAttrs(h string) []string {
	var bad []string
	for {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			return bad
		}
		h = h[i+1:]
		if strings.HasPrefix(h, "!--") {
			if j := strings.Index(h, "-->"); j >= 0 {
				h = h[j+3:]
			}
			continue
		}
		// Skip the tag name.
		i = strings.IndexAny(h, " \t\n/>")
		if i < 0 {
			return bad
		}
		h = h[i:]
		for {
			h = strings.TrimLeft(h, " \t\n\r\f/")
			if h == "" || h[0] == '>' {
				break
			}
			i = strings.IndexAny(h, " \t\n\r\f/>=")
			if i < 0 {
				return bad
			}
			name := strings.ToLower(h[:i])
			h = h[i:]
			if h[0] != '=' {
				continue
			}
			h = h[1:]
			var val string
			switch {
			case h == "":
			case h[0] == '"' || h[0] == '\'':
				j := strings.IndexByte(h[1:], h[0])
				if j < 0 {
					val, h = h[1:], ""
				} else {
					val, h = h[1:1+j], h[2+j:]
				}
			default:
				j := strings.IndexAny(h, " \t\n\r\f>")
				if j < 0 {
					j = len(h)
				}
				val, h = h[:j], h[j:]
			}
			if name != "href" && name != "src" {
				continue
			}
			v := strings.Map(func(r rune) rune {
				if r <= ' ' || r == 0x7f {
					return -1
				}
				return r
			}, strings.ToLower(html.UnescapeString(val)))
			for _, s := range []string{"javascript:", "vbscript:", "data:"} {
				if strings.HasPrefix(v, s) {
					bad = append(bad, name+"="+val)
				}
			}
		}
	}
}

func TestUnsafeAttrs(t *testing.T) {
	for h, want := range map[string]int{
		`<a href="javascript:x">`:                          1,
		`<a title="x" href='JaVa&#x09;script:x'>`:          1,
		`<img alt=x src=data:text/html,x>`:                 1,
		`<a href="/ok/">javascript:x</a>`:                  0,
		`<!-- <a href="javascript:x"> --><p>`:              0,
		`<a href="vbscript:x"><img src="data:image/png,">`: 2,
	} {
		if got := len(unsafeAttrs(h)); got != want {
			t.Errorf("unsafeAttrs(%q) found %d, want %d", h, got, want)
		}
	}
}

func FuzzConvert(f *testing.F) {
	for _, name := range []string{"story.md", "page.md", "tricky.md"} {
		f.Add(readTestdata(f, name))
	}
	for _, u := range unsafeForms {
		f.Add("[a](" + u + ") ![b](" + u + ") <" + u + ">\n\n[c][r]\n\n[r]: " + u)
	}
	// Shapes goldmark reads in quadratic time (see Tame), and text that
	// must not reach the HTML as is.
	for _, h := range []string{
		strings.Repeat("[a](", 300), strings.Repeat("![a](<", 300), strings.Repeat("[a]\n", 300),
		strings.Repeat("> [a]\n", 200), "| a |\n|---|\n" + strings.Repeat("| [a](", 200) + "\n",
		"```\n" + strings.Repeat("[a](", 100) + "\n```\n" + strings.Repeat("[a](\\[", 100),
		"A \x0b tab, an \x1b[2J escape, \ufffe, and \u202eevil.\n![px](https://tracker.example/p.gif)",
	} {
		f.Add(h)
	}
	cs := []*Converter{
		New(Options{}),
		New(Options{BasePath: "/reports-site/"}),
		// An identity hook: what it returns came from the source.
		New(Options{Image: func(d string) string { return d }}),
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, c := range cs {
			var b bytes.Buffer
			if err := c.Convert([]byte(src), &b); err != nil {
				t.Fatalf("Convert: %v", err)
			}
			if bad := unsafeAttrs(b.String()); len(bad) > 0 {
				t.Fatalf("unsafe %q in\n%s", bad, b.String())
			}
		}
		lines := strings.Count(src, "\n") + 1
		for _, l := range Links([]byte(src)) {
			if l.Line < 1 || l.Line > lines {
				t.Fatalf("link %+v outside lines 1..%d", l, lines)
			}
		}
	})
}

func BenchmarkConvert(b *testing.B) {
	src := []byte(readTestdata(b, "story.md"))
	run := func(b *testing.B, convert func([]byte, *bytes.Buffer) error) {
		var buf bytes.Buffer
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			if err := convert(src, &buf); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("goldmark", func(b *testing.B) {
		md := goldmark.New()
		run(b, func(s []byte, w *bytes.Buffer) error { return md.Convert(s, w) })
	})
	b.Run("goldmark+extensions", func(b *testing.B) {
		md := goldmark.New(extensions())
		run(b, func(s []byte, w *bytes.Buffer) error { return md.Convert(s, w) })
	})
	b.Run("alongside", func(b *testing.B) {
		c := New(Options{BasePath: "/reports-site/"})
		run(b, func(s []byte, w *bytes.Buffer) error { return c.Convert(s, w) })
	})
	b.Run("links", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			_ = Links(src)
		}
	})
}

func TestHeadingOne(t *testing.T) {
	var b strings.Builder
	if err := New(Options{}).Convert([]byte("# Title in the story\n\n## Next\n\n###### Six\n"), &b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{"<h2>Title in the story</h2>", "<h2>Next</h2>", "<h6>Six</h6>"} {
		if !strings.Contains(got, want) {
			t.Errorf("output %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "<h1") {
		t.Errorf("output has an <h1>: %q", got)
	}
}

// TestConvertFrom: a translated story shown at /es/partnerships/x/ links
// to the files beside the default language's page; everything else is
// written as Convert writes it.
func TestConvertFrom(t *testing.T) {
	c := New(Options{BasePath: "/reports-site/"})
	for src, want := range map[string]string{
		"[plan](plan.pdf)":           `<p><a href="/reports-site/partnerships/x/plan.pdf">plan</a></p>`,
		"![a map](img/map%20a.png)":  `<p><img src="/reports-site/partnerships/x/img/map%20a.png" alt="a map"></p>`,
		"[up](../y/)":                `<p><a href="/reports-site/partnerships/x/../y/">up</a></p>`,
		"[notes](#notes)":            `<p><a href="#notes">notes</a></p>`,
		"[q](?page=2)":               `<p><a href="?page=2">q</a></p>`,
		"[m](/methodology/)":         `<p><a href="/reports-site/methodology/">m</a></p>`,
		"[w](https://example.org/a)": `<p><a href="https://example.org/a">w</a></p>`,
		"[p](//example.org/a)":       `<p><a href="//example.org/a">p</a></p>`,
		"[e](mailto:a@example.org)":  `<p><a href="mailto:a@example.org">e</a></p>`,
		"<https://example.org/>":     `<p><a href="https://example.org/">https://example.org/</a></p>`,
		"[j](javascript:alert(1))":   `<p>j</p>`,
		"[r](plan.pdf \"The plan\")": `<p><a href="/reports-site/partnerships/x/plan.pdf" title="The plan">r</a></p>`,
	} {
		var b bytes.Buffer
		if err := c.ConvertFrom([]byte(src), &b, "/partnerships/x/"); err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(b.String()); got != want {
			t.Errorf("ConvertFrom(%q)\n got %s\nwant %s", src, got, want)
		}
		// The converter keeps no state: Convert still leaves it relative.
		if got := convert(t, c, src); strings.Contains(got, "partnerships/x/") {
			t.Errorf("Convert(%q) after ConvertFrom = %s", src, got)
		}
	}
}
