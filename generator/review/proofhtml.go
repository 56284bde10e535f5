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
	Profile     *render.Profile
	Slug        string
	Library     string
	Today       string // "March 14, 2026"
	Made        string // "2026-03-14"
	Fingerprint string // the profile's
	Version     string // its first 12 digits, as the proof shows it
	URL         string // where the page will be published
	Sections    []factSection
	Files       []string // files published beside the page
	Left        []string // what the proof leaves out, and why
	ReturnTo    string   // the address to send the answers to, as people read it, or ""
	ReturnLink  string   // the link to it: mailto:…?subject=…, or a web address
	MailTo      string   // the mailto: address the answers go to, without its query, or ""
	Subject     string   // the subject of the answers' email
	Decisions   []choice
}

// A choice is one of the partner's decisions, as the form offers it and
// as the answers name it.
type choice struct {
	Value, Label, Answer string
}

// decisions are the partner's three possible decisions; Answer is what
// the answers say, and what ParseAnswers reads back.
var decisions = []choice{
	{"approve", "Publish this page as it is.", DecisionApprove},
	{"approve-changes", "Publish it with the changes marked above.", DecisionChanges},
	{"not-yet", "Do not publish it yet.", DecisionNotYet},
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
// classes, all starting with "proof-", styled by proofCSS. The checklist
// is a form without a <form>: nothing in it can be submitted anywhere;
// proofScript turns the answers into an email, and without JavaScript
// the partner prints the page or writes to the address, which is a link.
var proofTemplates = template.Must(template.New("").Parse(`
{{- define "reply" -}}
{{if .ReturnLink}}<a href="{{.ReturnLink}}">{{.ReturnTo}}</a>{{else}}{{.ReturnTo}}{{end}}
{{- end}}

{{- define "banner" -}}
<div class="proof-banner" role="note" aria-labelledby="proof-banner-title">
<div class="wrap">
<p class="proof-banner-title" id="proof-banner-title">Proof — not yet published</p>
<p>This is how {{.Library}} plans to publish the page about <strong>{{.Profile.Title}}</strong>, at {{.URL}}. Nothing is published until <bdi>{{.Profile.Review.Partner}}</bdi> approves it.</p>
<p>Please read the page, then answer the <a href="#proof-checklist">checklist at the end</a>: mark each fact correct, or say what it should say{{with .ReturnTo}}, and send your answers to {{template "reply" $}}{{end}}.</p>
<p class="proof-meta">Proof made on {{.Today}}. Review: {{.Profile.Review.State.Text}}. Version {{.Version}}.</p>
</div>
</div>
{{end}}

{{- define "checklist" -}}
<section class="proof-checklist" id="proof-checklist" aria-labelledby="proof-checklist-heading">
<div class="wrap" id="proof-answers" data-slug="{{.Slug}}" data-title="{{.Profile.Title}}" data-fingerprint="{{.Fingerprint}}" data-made="{{.Made}}" data-to="{{.MailTo}}" data-subject="{{.Subject}}">
<h2 id="proof-checklist-heading">Checklist: every fact on this page</h2>
<p>For each numbered fact, choose <strong>Correct</strong> or <strong>Needs a change</strong>, and write what it should say. At the end, tell us your decision{{with .ReturnTo}} and send your answers to {{template "reply" $}}{{end}}. On paper: print this page, tick the boxes and write on it.</p>
{{- range .Sections}}
<h3>{{.Title}}</h3>
<ol class="proof-facts" start="{{.Start}}">
{{- range .Facts}}
<li>
<fieldset class="proof-fact" data-n="{{.N}}" data-label="{{.Label}}">
<legend><span class="proof-label">{{.Label}}:</span> {{.Text}}</legend>
<p class="proof-mark">
<span class="proof-choice"><input type="radio" name="fact-{{.N}}" id="fact-{{.N}}-correct" value="correct"><label for="fact-{{.N}}-correct">Correct</label></span>
<span class="proof-choice"><input type="radio" name="fact-{{.N}}" id="fact-{{.N}}-change" value="change"><label for="fact-{{.N}}-change">Needs a change</label></span>
</p>
<p class="proof-change"><label for="fact-{{.N}}-text">{{.N}}. What it should say:</label>
<textarea id="fact-{{.N}}-text" rows="2"></textarea></p>
</fieldset>
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
<h3>Your answer</h3>
<p class="proof-change"><label for="proof-comments">Anything else we should know:</label>
<textarea id="proof-comments" rows="4"></textarea></p>
<fieldset class="proof-decision">
<legend>Your decision</legend>
{{- range .Decisions}}
<p class="proof-choice"><input type="radio" name="decision" id="decision-{{.Value}}" value="{{.Value}}" data-answer="{{.Answer}}"><label for="decision-{{.Value}}">{{.Label}}</label></p>
{{- end}}
</fieldset>
<p class="proof-change"><label for="proof-role">Who answers, as a role (for example “Board” or “Program coordinator”):</label>
<input type="text" id="proof-role" autocomplete="organization-title"></p>
<div class="proof-send" id="proof-send" hidden>
<p>{{if .MailTo}}<a class="proof-button" id="proof-send-link" href="{{.ReturnLink}}">Send my answers</a> {{end}}<button type="button" class="proof-button" id="proof-copy">Copy my answers</button></p>
<p class="proof-status" id="proof-status" role="status"></p>
<p class="proof-change"><label for="proof-answers-text">Your answers, as {{if .MailTo}}the email carries them{{else}}you send them{{end}}:</label>
<textarea id="proof-answers-text" rows="8" readonly></textarea></p>
</div>
{{- with .ReturnTo}}
<p class="proof-reply">Send your answers to {{template "reply" $}}: {{if $.MailTo}}“Send my answers” opens an email with every answer in it, numbered as above; or{{else}}copy them, or{{end}} write them yourself, with the numbers, or send this page printed and marked.</p>
{{- end}}
</div>
</section>
{{end}}`))

// proofScript is the proof's only script: it keeps the text of the
// answers, the "Send my answers" link (mailto: with subject and body) and
// the "Copy my answers" button up to date with the form. It reads
// everything it needs from the checklist (#proof-answers and its
// data-* attributes), so its text, and the hash the proof's
// Content-Security-Policy allows it by, is the same in every proof. The
// answers are in the format ParseAnswers reads.
const proofScript = `(function () {
  'use strict';
  var form = document.getElementById('proof-answers');
  var send = document.getElementById('proof-send');
  if (!form || !send) return;
  var d = form.dataset;
  var link = document.getElementById('proof-send-link');
  var out = document.getElementById('proof-answers-text');
  var status = document.getElementById('proof-status');
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function today() { var t = new Date(); return t.getFullYear() + '-' + two(t.getMonth() + 1) + '-' + two(t.getDate()); }
  function checked(name) {
    var all = document.getElementsByName(name);
    for (var i = 0; i < all.length; i++) if (all[i].checked) return all[i];
    return null;
  }
  function indented(s) { return s.trim().split(/\r?\n/).join('\n   '); }
  function answers() {
    var lines = ['Answers to the proof of "' + d.title + '"', 'Profile: ' + d.slug, 'Version: ' + d.fingerprint,
      'Proof made: ' + d.made, 'Answered: ' + today(), ''];
    var facts = form.querySelectorAll('fieldset[data-n]');
    for (var i = 0; i < facts.length; i++) {
      var f = facts[i], n = f.getAttribute('data-n');
      var c = checked('fact-' + n), change = document.getElementById('fact-' + n + '-text').value.trim();
      var state = c ? c.value : '';
      lines.push(n + '. ' + f.getAttribute('data-label') + ': ' +
        (state === 'correct' ? 'correct' : state === 'change' ? 'needs a change' : 'no answer'));
      if (state === 'change' && change) lines.push('   Should say: ' + indented(change));
    }
    var dec = checked('decision');
    var role = document.getElementById('proof-role').value.trim();
    var comments = document.getElementById('proof-comments').value.trim();
    lines.push('', 'Decision: ' + (dec ? dec.getAttribute('data-answer') : 'no answer'), 'Role: ' + role, 'Comments:');
    if (comments) lines.push('   ' + indented(comments));
    lines.push('End of answers');
    return lines.join('\n');
  }
  function update() {
    var text = answers();
    out.value = text;
    if (link) link.href = 'mailto:' + d.to + '?subject=' + encodeURIComponent(d.subject) +
      '&body=' + encodeURIComponent(text.replace(/\n/g, '\r\n'));
    return text;
  }
  form.addEventListener('input', function (e) {
    var m = /^fact-(\d+)-text$/.exec(e.target.id || '');
    if (m && e.target.value.trim()) document.getElementById('fact-' + m[1] + '-change').checked = true;
    update();
  });
  form.addEventListener('change', update);
  document.getElementById('proof-copy').addEventListener('click', function () {
    var text = update();
    function done(ok) {
      status.textContent = ok ? 'Copied. Paste your answers into an email' + (d.to ? ' to ' + decodeURIComponent(d.to) : '') + '.'
        : 'Select the text of your answers below and copy it.';
      if (!ok) out.select();
    }
    function fallback() {
      out.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (err) { ok = false; }
      done(ok);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    else fallback();
  });
  send.hidden = false;
  update();
})();
`

// proofCSS styles the banner and the checklist, on screen and on paper.
const proofCSS = `.proof-banner { border-bottom: 0.25rem solid #6a4100; background: #fdf2dc; color: #1b1b1b; padding: 1rem 0; }
.proof-banner p { margin: 0.25rem 0; max-width: 48rem; }
.proof-banner-title { font-size: 1.5rem; font-weight: 700; color: #6a4100; }
.proof-meta { font-size: 0.9375rem; overflow-wrap: anywhere; }
.proof-checklist { border-top: 0.25rem solid #1b1b1b; margin-top: 2rem; padding: 1.5rem 0 3rem; }
.proof-checklist h3 { margin-top: 2rem; }
.proof-facts { padding-inline-start: 2.25rem; }
.proof-facts li { margin: 0 0 1.25rem; break-inside: avoid; page-break-inside: avoid; }
.proof-fact, .proof-decision { border: 0; margin: 0; padding: 0; min-width: 0; }
.proof-fact legend, .proof-decision legend { padding: 0; margin: 0 0 0.375rem; }
.proof-decision legend { font-weight: 700; }
.proof-label { font-weight: 700; }
.proof-mark { margin: 0 0 0.25rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; }
.proof-choice { display: inline-flex; align-items: center; gap: 0.5rem; min-height: 2.75rem; }
.proof-choice input { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; accent-color: #1b1b1b; }
.proof-change { margin: 0 0 0.5rem; }
.proof-change label { display: block; }
.proof-checklist textarea, .proof-checklist input[type=text] { display: block; box-sizing: border-box; width: 100%; max-width: 40rem; font: inherit; padding: 0.375rem 0.5rem; border: 2px solid #4a4a4a; border-radius: 0.25rem; background: #fff; color: #1b1b1b; }
.proof-checklist input:focus-visible, .proof-checklist textarea:focus-visible, .proof-button:focus-visible, .proof-checklist a:focus-visible, .proof-banner a:focus-visible { outline: 3px solid #6a4100; outline-offset: 2px; }
.proof-send { margin: 1.5rem 0; }
.proof-button { display: inline-block; font: inherit; font-weight: 700; padding: 0.625rem 1.25rem; margin: 0 0.75rem 0.5rem 0; border: 2px solid #1b1b1b; border-radius: 0.25rem; background: #1b1b1b; color: #fff; text-decoration: none; cursor: pointer; }
.proof-button:hover { background: #4a4a4a; }
#proof-copy { background: #fff; color: #1b1b1b; }
#proof-copy:hover { background: #f3f4f6; }
.proof-status:empty { display: none; }
.proof-reply { overflow-wrap: anywhere; }
@media print {
  .proof-banner { background: none; border: 2pt solid #000; padding: 0.5rem; }
  .proof-banner-title { color: #000; }
  .proof-checklist { break-before: page; page-break-before: always; border-top: 0; }
  .proof-send { display: none; }
  .proof-checklist textarea, .proof-checklist input[type=text] { border: 0.75pt solid #000; resize: none; }
  a[href^="http"]::after { content: none; }
  .prose a[href^="http"]::after { content: " (" attr(href) ")"; }
}
`
