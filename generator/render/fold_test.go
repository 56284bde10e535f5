package render

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alongside-dev/alongside/generator/i18n"
)

// A call of t folded into a constant writes what the call wrote, escaped
// for where it stands (text, attribute, URL, script), and no call of t
// with written-out arguments is left to run.
func TestFoldT(t *testing.T) {
	fsys := fstest.MapFS{"i18n/en.toml": {Data: []byte(`[nav]
main = "A \"quoted\" <b>&amp;</b> 'x' + y"
[footer]
published_by = "By {library} & co"
`)}}
	cat, _ := i18n.Load(fsys, "", "en")
	const src = `<a title="{{t "nav.main"}}" href="/x?q={{t "nav.main"}}">{{t "nav.main"}}</a>` +
		`<script>var s = {{t "nav.main"}};</script><p>{{t "footer.published_by" "library" "L<1>"}} {{t "footer.published_by" "library" .}}</p>` +
		`{{with .}}{{link "/a" (t "nav.main")}}{{end}}{{if true}}<i>{{t "nav.main" | printf "%s!"}}</i>{{end}}`
	run := func(fold bool) (string, string) {
		tmpl := template.Must(template.New("x").Funcs(cat.Funcs()).Parse(src))
		if fold {
			foldT(tmpl, cat)
		}
		tree := tmpl.Tree.Root.String()
		var b strings.Builder
		if err := tmpl.Execute(&b, "Lib"); err != nil {
			t.Fatal(err)
		}
		return b.String(), tree
	}
	want, _ := run(false)
	got, tree := run(true)
	if got != want {
		t.Errorf("folded:\n%s\nwant:\n%s", got, want)
	}
	if n := strings.Count(tree, `t "`); n != 1 {
		t.Errorf("%d calls of t left in %s, want 1 (the one with an argument computed as it runs)", n, tree)
	}
}

// A constant folded with its escaper writes what html/template wrote for
// it, in text and in a quoted attribute, tricky characters included; a
// constant elsewhere (a URL, a script) or a computed value keeps its
// escaper.
func TestFoldEscaped(t *testing.T) {
	fsys := fstest.MapFS{"i18n/en.toml": {Data: []byte("[nav]\nmain = \"A \\\"quoted\\\" <b>&amp;</b> 'x' + y \\u0000 é\"\n")}}
	cat, _ := i18n.Load(fsys, "", "en")
	const src = `{{define "page"}}<a title="{{t "nav.main"}}" href="/x?q={{t "nav.main"}}">{{t "nav.main"}}</a>` +
		`<script>var s = {{t "nav.main"}};</script><p>{{.}} {{"plain"}}</p>{{template "part" .}}{{end}}` +
		`{{define "part"}}{{if .}}<i>{{t "nav.main"}}</i>{{end}}{{end}}`
	run := func(fold bool) (string, string) {
		tmpl := template.Must(template.New("x").Funcs(cat.Funcs()).Parse(src))
		foldT(tmpl, cat)
		if fold {
			foldEscaped(tmpl, "page")
		}
		var b strings.Builder
		if err := tmpl.ExecuteTemplate(&b, "page", "Lib<"); err != nil {
			t.Fatal(err)
		}
		var trees strings.Builder
		for _, t := range tmpl.Templates() {
			trees.WriteString(t.Tree.Root.String())
		}
		return b.String(), trees.String()
	}
	want, _ := run(false)
	got, trees := run(true)
	if got != want {
		t.Errorf("folded:\n%s\nwant:\n%s", got, want)
	}
	// Left: the computed {{.}}'s, the URL's chain, the script's.
	for name, n := range map[string]int{"_html_template_htmlescaper": 1, "_html_template_attrescaper": 1, "_html_template_urlescaper": 1, "_html_template_jsvalescaper": 1} {
		if c := strings.Count(trees, name); c != n {
			t.Errorf("%s is left %d times, want %d:\n%s", name, c, n, trees)
		}
	}
}
