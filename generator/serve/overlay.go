package serve

import (
	"bytes"
	"html/template"
	"strings"

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

// An excerpt is a few lines of a file around a problem.
type excerpt struct {
	Problem string
	Lines   []excerptLine
}

type excerptLine struct {
	N       int
	Text    string
	Hidden  bool // a [private] line, never shown
	Current bool // the line of the problem
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
		Excerpts []excerpt
		More     int
		Summary  string
	}{}
	if err != nil {
		data.Err = err.Error()
	}
	hidden := map[string][]bool{}
	lines := map[string][][]byte{}
	for i, p := range f.problems {
		if i == maxShown {
			data.More = len(f.problems) - maxShown
			break
		}
		if _, ok := lines[p.Path]; !ok {
			if src := source(p.Path); src != nil {
				src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
				lines[p.Path] = bytes.Split(src, []byte("\n"))
				hidden[p.Path] = content.PrivateLines(src)
			} else {
				lines[p.Path], hidden[p.Path] = nil, nil
			}
		}
		data.Excerpts = append(data.Excerpts, makeExcerpt(p, lines[p.Path], hidden[p.Path]))
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

// makeExcerpt returns the problem and its line of source with two lines
// before and after. A problem on a [private] line keeps its position but
// not its message, which may quote the value.
func makeExcerpt(p content.Problem, lines [][]byte, hidden []bool) excerpt {
	if p.Line >= 1 && p.Line <= len(hidden) && hidden[p.Line-1] {
		p.Message = "an error in the [private] table (its text is shown in the terminal only)"
	}
	e := excerpt{Problem: p.String()}
	if len(lines) == 0 || p.Line < 1 {
		return e
	}
	for n := max(1, p.Line-2); n <= min(len(lines), p.Line+2); n++ {
		e.Lines = append(e.Lines, excerptLine{
			N:       n,
			Text:    strings.TrimRight(string(lines[n-1]), "\r"),
			Hidden:  hidden[n-1],
			Current: n == p.Line,
		})
	}
	return e
}
