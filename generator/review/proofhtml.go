package review

import (
	"html/template"

	"github.com/alongside-dev/alongside/generator/render"
)

// ProofMarker is in every proof, near its start (in its banner): what
// tells an earlier proof from any other file.
const ProofMarker = `id="proof-banner-title"`

// proofData is what the proof's own parts (banner, checklist) show.
type proofData struct {
	Profile  *render.Profile
	Library  string
	Today    string // "March 14, 2026"
	URL      string // where the page will be published
	Sections []factSection
	Files    []string // files published beside the page
	Left     []string // what the proof leaves out, and why
	ReturnTo string   // the address to send the proof back to, or ""
}

// A factSection is the facts of one part of the page.
type factSection struct {
	Title string
	Start int // number of its first fact
	Facts []Fact
}

func groupFacts(facts []Fact) []factSection {
	var out []factSection
	for _, f := range facts {
		if n := len(out); n == 0 || out[n-1].Title != f.Section {
			out = append(out, factSection{Title: f.Section, Start: f.N})
		}
		out[len(out)-1].Facts = append(out[len(out)-1].Facts, f)
	}
	return out
}

// proofTemplates are the banner, put first in <body>, and the checklist,
// put last. They use the theme's .wrap for their width and their own
// classes, all starting with "proof-", styled by proofCSS.
var proofTemplates = template.Must(template.New("").Parse(`
{{- define "banner" -}}
<div class="proof-banner" role="note" aria-labelledby="proof-banner-title">
<div class="wrap">
<p class="proof-banner-title" id="proof-banner-title">Proof — not yet published</p>
<p>This is how {{.Library}} plans to publish the page about <strong>{{.Profile.Title}}</strong>, at {{.URL}}. Nothing is published until <bdi>{{.Profile.Review.Partner}}</bdi> approves it.</p>
<p>Please read the page, then go through the checklist at the end: mark each fact correct, or write what it should say{{with .ReturnTo}}, and send it back to {{.}}{{end}}.</p>
<p class="proof-meta">Proof made on {{.Today}}. Review: {{.Profile.Review.State.Text}}.</p>
</div>
</div>
{{end}}

{{- define "checklist" -}}
<section class="proof-checklist" id="proof-checklist" aria-labelledby="proof-checklist-heading">
<div class="wrap">
<h2 id="proof-checklist-heading">Checklist: every fact on this page</h2>
<p>For each numbered line, tick <strong>Correct</strong>, or tick <strong>Change to</strong> and write what it should say. You can also write on the page itself.{{with .ReturnTo}} Send it back to {{.}}.{{end}}</p>
{{- range .Sections}}
<h3>{{.Title}}</h3>
<ol class="proof-facts" start="{{.Start}}">
{{- range .Facts}}
<li>
<p class="proof-fact"><span class="proof-label">{{.Label}}:</span> {{.Text}}</p>
<p class="proof-mark"><span class="proof-box" aria-hidden="true"></span> Correct <span class="proof-box" aria-hidden="true"></span> Change to:</p>
<div class="proof-lines" aria-hidden="true"><span></span><span></span></div>
</li>
{{- end}}
</ol>
{{- end}}
{{- with .Files}}
<h3>Photos and documents</h3>
<p>Published beside the page: {{range $i, $f := .}}{{if $i}}, {{end}}{{$f}}{{end}}.</p>
{{- end}}
{{- with .Left}}
<h3>Not included in this proof</h3>
<ul class="proof-left">
{{- range .}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
<h3>Your decision</h3>
<ul class="proof-decision">
<li><span class="proof-box" aria-hidden="true"></span> Publish this page as it is.</li>
<li><span class="proof-box" aria-hidden="true"></span> Publish it with the changes marked above.</li>
<li><span class="proof-box" aria-hidden="true"></span> Do not publish it yet.</li>
</ul>
<p class="proof-sign">Your role (for example “Board” or “Program coordinator”): <span class="proof-line"></span></p>
<p class="proof-sign">Date: <span class="proof-line"></span></p>
<p>Anything else we should know:</p>
<div class="proof-lines" aria-hidden="true"><span></span><span></span><span></span></div>
</div>
</section>
{{end}}`))

// proofCSS styles the banner and the checklist, on screen and on paper.
const proofCSS = `.proof-banner { border-bottom: 0.25rem solid #6a4100; background: #fdf2dc; color: #1b1b1b; padding: 1rem 0; }
.proof-banner p { margin: 0.25rem 0; max-width: 48rem; }
.proof-banner-title { font-size: 1.5rem; font-weight: 700; color: #6a4100; }
.proof-meta { font-size: 0.9375rem; }
.proof-checklist { border-top: 0.25rem solid #1b1b1b; margin-top: 2rem; padding: 1.5rem 0 3rem; }
.proof-checklist h3 { margin-top: 2rem; }
.proof-facts { padding-inline-start: 2.25rem; }
.proof-facts li { margin: 0 0 1.25rem; break-inside: avoid; page-break-inside: avoid; }
.proof-fact { margin: 0 0 0.375rem; }
.proof-label { font-weight: 700; }
.proof-mark { margin: 0 0 0.25rem; }
.proof-box { display: inline-block; width: 1em; height: 1em; border: 2px solid #1b1b1b; background: #fff; vertical-align: -0.125em; margin-inline: 0 0.375em; }
.proof-mark .proof-box + .proof-box, .proof-mark .proof-box ~ .proof-box { margin-inline-start: 1.5em; }
.proof-lines span, .proof-line { display: block; height: 2em; border-bottom: 1px solid #4a4a4a; max-width: 40rem; }
.proof-line { display: inline-block; width: 20rem; max-width: 100%; height: 1.25em; vertical-align: bottom; }
.proof-decision { list-style: none; padding: 0; }
.proof-decision li { margin: 0.5rem 0; }
.proof-sign { margin: 1.25rem 0; }
@media print {
  .proof-banner { background: none; border: 2pt solid #000; padding: 0.5rem; }
  .proof-banner-title { color: #000; }
  .proof-checklist { break-before: page; page-break-before: always; border-top: 0; }
  .proof-box { border: 1.5pt solid #000; }
  .proof-lines span, .proof-line { border-bottom: 0.75pt solid #000; }
  a[href^="http"]::after { content: none; }
  .prose a[href^="http"]::after { content: " (" attr(href) ")"; }
}
`
