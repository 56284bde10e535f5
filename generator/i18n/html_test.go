package i18n

import (
	"html/template"
	"strings"
	"testing"
)

// evil is a site catalog that tries to put markup on the page.
var evil = map[string]string{"i18n/es.toml": `[profile]
banner_title = "<script>alert(1)</script> {partner} <b onclick=x>"
review_note = "Nota: {note} & \"más\" 'aquí' +1"
[footer]
license = "<a href=javascript:alert(1)>{license}</a>"
`}

func TestHTMLEscapes(t *testing.T) {
	es := load(t, evil, "es")
	tests := []struct {
		key  string
		args []any
		want template.HTML
	}{
		{"profile.banner_title", []any{"partner", El("bdi", "Familias <Unidas>")},
			"&lt;script&gt;alert(1)&lt;/script&gt; <bdi>Familias &lt;Unidas&gt;</bdi> &lt;b onclick=x&gt;"},
		{"profile.banner_title", []any{"partner", "<i>plain</i>"},
			"&lt;script&gt;alert(1)&lt;/script&gt; &lt;i&gt;plain&lt;/i&gt; &lt;b onclick=x&gt;"},
		{"profile.review_note", []any{"note", "a\x00b"}, "Nota: a\uFFFDb &amp; &#34;más&#34; &#39;aquí&#39; &#43;1"},
		{"footer.license", []any{"license", Link("javascript:alert(1)", "CC BY")},
			`&lt;a href=javascript:alert(1)&gt;<a href="#ZgotmplZ">CC BY</a>&lt;/a&gt;`},
		{"nav.partners", nil, "Organizaciones aliadas"},
		{"<no key>", nil, "&lt;no key&gt;"},
		{"count.partnerships", []any{"count", 1}, "1 alianza"},
		{"count.partnerships", []any{"count", 1500}, "1500 alianzas"},
		{"count.partnerships", []any{"count", "<many>"}, "&lt;many&gt; alianzas"},
	}
	for _, tt := range tests {
		if got := es.HTML(tt.key, tt.args...); got != tt.want {
			t.Errorf("HTML(%q, %v) =\n%s\nwant\n%s", tt.key, tt.args, got, tt.want)
		}
	}
}

func TestElements(t *testing.T) {
	for _, tt := range []struct{ got, want template.HTML }{
		{Link("/partners/x/", `A & "B"`), `<a href="/partners/x/">A &amp; &#34;B&#34;</a>`},
		{Link("https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0", "license"), `<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>`},
		{Link("mailto:a@example.org?subject=x y", "write"), `<a href="mailto:a@example.org?subject=x%20y">write</a>`},
		{Link("JavaScript:alert(1)", "x"), `<a href="#ZgotmplZ">x</a>`},
		{Link("data:text/html,<b>", "x"), `<a href="#ZgotmplZ">x</a>`},
		{Link(`" onmouseover="x`, "x"), `<a href="%22%20onmouseover=%22x">x</a>`},
		{Link("a/b:c", "x"), `<a href="a/b:c">x</a>`},
		{Link("#notes", "x", `"><script>`), `<a href="#notes" rel="&#34;&gt;&lt;script&gt;">x</a>`},
		{El("bdi", "عربي"), "<bdi>عربي</bdi>"},
		{El("strong", "<b>"), "<strong>&lt;b&gt;</strong>"},
		{El("script", "alert(1)"), "alert(1)"},
		{El("a href=x", "y"), "y"},
		{Time("2025-09-02", "2 de septiembre de 2025"), `<time datetime="2025-09-02">2 de septiembre de 2025</time>`},
		{Time("", "x"), ""},
		{Time(`"x`, "<y>"), `<time datetime="&#34;x">&lt;y&gt;</time>`},
	} {
		if tt.got != tt.want {
			t.Errorf("got  %s\nwant %s", tt.got, tt.want)
		}
	}
}

// TestFuncs runs the catalog's functions in html/template, in text and
// attribute contexts.
func TestFuncs(t *testing.T) {
	es := load(t, evil, "es")
	tmpl := template.Must(template.New("").Funcs(es.Funcs()).Parse(
		`<nav aria-label="{{t "nav.main"}}"><a title="{{t "profile.banner_title" "partner" .Partner}}">{{t "nav.partners"}}</a></nav>` +
			`<p>{{tn "count.partnerships" .N}} · {{tn "count.partnerships" 1}} · {{tn "count.partnerships" 2.5}} · {{tn "count.partnerships" "x"}}</p>` +
			`<p>{{th "profile.banner_title" "partner" (el "bdi" .Partner)}}</p>` +
			`<p>{{th "footer.license" "license" (link .URL "CC BY" "license")}}</p>` +
			`<p>{{th "profile.stamp_approved" "partner" (el "bdi" .Partner) "date" (time "2025-10-14" "14 de octubre de 2025")}}</p>` +
			`<p>{{t "partners.caption" "currency" "USD"}} {{t "no.key"}}</p>`))
	var b strings.Builder
	err := tmpl.Execute(&b, map[string]any{"N": 12345, "Partner": "Familias <Unidas>", "URL": "javascript:x"})
	if err != nil {
		t.Fatal(err)
	}
	want := `<nav aria-label="Principal"><a title="&lt;script&gt;alert(1)&lt;/script&gt; Familias &lt;Unidas&gt; &lt;b onclick=x&gt;">Organizaciones aliadas</a></nav>` +
		`<p>12.345 alianzas · 1 alianza · 2,5 alianzas · NaN alianzas</p>` +
		`<p>&lt;script&gt;alert(1)&lt;/script&gt; <bdi>Familias &lt;Unidas&gt;</bdi> &lt;b onclick=x&gt;</p>` +
		`<p>&lt;a href=javascript:alert(1)&gt;<a href="#ZgotmplZ" rel="license">CC BY</a>&lt;/a&gt;</p>` +
		`<p>Revisado y aprobado por <bdi>Familias &lt;Unidas&gt;</bdi> el <time datetime="2025-10-14">14 de octubre de 2025</time></p>` +
		`<p>Organizaciones aliadas y lo que aportó cada parte (valor total, con estimaciones, en USD) no.key</p>`
	if got := b.String(); got != want {
		t.Errorf("template output\n%s\nwant\n%s", got, want)
	}
}

// TestNoMarkupFromCatalogs checks every message of the built-in catalogs
// through HTML: whatever the text, no "<" reaches the page unless an
// argument brought it.
func TestNoMarkupFromCatalogs(t *testing.T) {
	for _, code := range []string{"en", "es"} {
		c := load(t, evil, code)
		for _, k := range c.Keys() {
			if h := c.HTML(k, "partner", "<x>", "count", 2); strings.ContainsAny(string(h), "<>") {
				t.Errorf("%s HTML(%q) = %s", code, k, h)
			}
		}
	}
}

// TestLinkAsTemplate: Link writes an href as html/template does, for
// every kind of address a site gives (a partner's website, a licence).
func TestLinkAsTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<a href="{{.}}">x</a>`))
	for _, href := range []string{
		"https://example.org/", "https://café.example/a b", "https://example.org/a%20b?q=1&r=(2)#x",
		"mailto:a@example.org?subject=Hi there", "/partners/x/", "javascript:alert(1)", "HTTPS://X.EXAMPLE/'\"<>",
		"", "ftp://example.org/", "https://example.org/ü/%zz",
	} {
		var want strings.Builder
		if err := tmpl.Execute(&want, href); err != nil {
			t.Fatal(err)
		}
		if got := string(Link(href, "x")); got != want.String() {
			t.Errorf("Link(%q) = %s, html/template writes %s", href, got, want.String())
		}
	}
}
