package serve

import (
	"bytes"
	"html/template"

	"github.com/alongside-dev/alongside/generator/content"
)

// maxShown is how many problems the overlay shows with their source; the
// terminal always has them all.
const maxShown = 20

// A failure is why the last build did not replace the site: problems in
// the content, or another error (a theme template, a file that cannot be
// read). Its overlay is made once, when the build fails.
type failure struct {
	problems content.Problems // errors only
	err      error            // when the failure is not about content
	overlay  []byte           // the HTML put after <body> on every page
}

var overlayTemplate = template.Must(template.New("overlay").Parse(`<div id="alongside-error" role="alert" aria-live="assertive">
<p><strong>The last save has errors.</strong> This page is from the last build that worked; it will reload when the errors are fixed.
<button type="button" onclick="this.closest('#alongside-error').remove()">Hide</button></p>
{{- if .Err}}
<pre>{{.Err}}</pre>
{{- end}}
{{- range .Excerpts}}
<pre><b>{{.Problem}}</b>
{{range .Lines}}{{if .Current}}<mark>{{end}}{{printf "%5d" .N}} | {{if .Hidden}}‹[private] line not shown›{{else}}{{.Text}}{{end}}{{if .Current}}</mark>{{end}}
{{end}}</pre>
{{- end}}
{{- if .More}}
<p>… and {{.More}} more, listed in the terminal.</p>
{{- end}}
<p>{{.Summary}}</p>
</div>`))

// overlayStyle goes in <head> while the last build failed.
const overlayStyle = `<style>#alongside-error{position:fixed;z-index:2147483647;inset:0 0 auto 0;max-height:70vh;overflow:auto;` +
	`margin:0;padding:1rem 1.5rem;background:#fff5f5;color:#1a1a1a;border-bottom:4px solid #b00020;` +
	`font:16px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.3)}` +
	`#alongside-error pre{font:14px/1.4 ui-monospace,monospace;background:#fff;border:1px solid #e0c0c0;padding:.5rem;overflow:auto;white-space:pre}` +
	`#alongside-error mark{background:#ffd6d6;color:inherit;display:inline-block;min-width:100%}` +
	`#alongside-error button{float:right;font:inherit}</style>`

// newFailure describes a failed build. source returns the bytes of a
// file of the site as the build read them (nil when unknown).
func newFailure(probs content.Problems, err error, source func(path string) []byte) *failure {
	f := &failure{problems: probs.Errors(), err: err}
	data := struct {
		Err      string
		Excerpts []content.Excerpt
		More     int
		Summary  string
	}{}
	if err != nil {
		data.Err = err.Error()
	}
	sources := map[string][]byte{}
	for i, p := range f.problems {
		if i == maxShown {
			data.More = len(f.problems) - maxShown
			break
		}
		src, ok := sources[p.Path]
		if !ok {
			src = source(p.Path)
			sources[p.Path] = src
		}
		data.Excerpts = append(data.Excerpts, p.Excerpt(src))
	}
	if len(f.problems) > 0 {
		data.Summary = f.problems.Summary()
	}
	var b bytes.Buffer
	if err := overlayTemplate.Execute(&b, data); err != nil {
		b.Reset()
		b.WriteString(`<div id="alongside-error" role="alert"><p>The last save has errors; see the terminal.</p></div>`)
	}
	f.overlay = b.Bytes()
	return f
}
