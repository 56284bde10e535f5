package render

import (
	"html/template"
	"strings"
	"testing"
)

// frag.text escapes text exactly as html/template does in element
// content, so that a page reads the same whether a fragment or a layout
// wrote a string.
func TestFragTextAsTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`{{.}}`))
	for _, s := range []string{
		"", "plain", `Tom & Jerry's "café" <b>`, "LGBTQ+ youth", "nul\x00byte", "جيران", "a\nb\tc", "100% = ½",
	} {
		var want strings.Builder
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var f frag
		if got := f.text(s).String(); got != want.String() {
			t.Errorf("text(%q) = %q, html/template writes %q", s, got, want.String())
		}
	}
}
