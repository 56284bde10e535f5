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
