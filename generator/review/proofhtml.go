package review

import (
	"fmt"
	"html/template"
	"strings"
	texttemplate "text/template"

	"github.com/alongside-dev/alongside/generator/i18n"
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
	Title       template.HTML // the profile's title, in <strong>, marked with its language when it is not the proof's
	Today       string        // "March 14, 2026"
	Made        string        // "2026-03-14"
	Fingerprint string        // the profile's
	Version     string        // its first 12 digits, as the proof shows it
	URL         string        // where the page will be published
	Sections    []factSection
	Files       string        // the files published beside the page, as a list, or ""
	Left        []string      // what the proof leaves out, and why
	ReturnTo    string        // the address to send the answers to, as people read it, or ""
	ReturnLink  string        // the link to it: mailto:…?subject=…, or a web address
	Reply       template.HTML // ReturnTo, as a link to ReturnLink when there is one
	MailTo      string        // the mailto: address the answers go to, without its query, or ""
	Subject     string        // the subject of the answers' email
	Decisions   []choice
}

// A choice is one of the partner's decisions, as the form offers it and
// as the answers name it.
type choice struct {
	Value, Label, Answer string
}

// decisions are the partner's three possible decisions in the language
// of c: Label is what the form offers, Answer what the answers say, and
// what ParseAnswers reads back.
func decisions(c *i18n.Catalog) []choice {
	return []choice{
		{"approve", c.T("proof.approve"), c.T("proof.email.approve")},
		{"approve-changes", c.T("proof.approve_changes"), c.T("proof.email.approve_changes")},
		{"not-yet", c.T("proof.not_yet"), c.T("proof.email.not_yet")},
	}
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

// inLang is the element name around text, escaped, with lang when it is
// not "" (text in another language than the proof's).
func inLang(name, text, lang string) template.HTML {
	if lang == "" {
		return i18n.El(name, text)
	}
	return template.HTML("<" + name + ` lang="` + template.HTMLEscapeString(lang) + `">` + template.HTMLEscapeString(text) + "</" + name + ">")
}

// proofTemplates are the banner, put first in <body>, and the checklist,
// put last, and the reply address that both name. They use the theme's
// .wrap for their width and their own classes, all starting with
// "proof-", styled by proofCSS. Every word in them is the catalog's, by
// the funcs of i18n.Catalog.Funcs, which each proof sets on a clone for
// its language (these are only their names, for parsing: proofTemplates
// itself is never executed). The checklist is a form without a <form>: nothing in it
// can be submitted anywhere; the proof's script turns the answers into an
// email, and without JavaScript the partner prints the page or writes to
// the address, which is a link.
var proofTemplates = template.Must(template.New("").Funcs(new(i18n.Catalog).Funcs()).Parse(`
{{- define "reply" -}}
{{if .ReturnLink}}<a href="{{.ReturnLink}}">{{.ReturnTo}}</a>{{else}}{{.ReturnTo}}{{end}}
{{- end}}

{{- define "banner" -}}
<div class="proof-banner" role="note" aria-labelledby="proof-banner-title">
<div class="wrap">
<p class="proof-banner-title" id="proof-banner-title">{{t "proof.banner_title"}}</p>
<p>{{th "proof.banner_intro" "library" .Library "title" .Title "url" .URL "partner" (el "bdi" .Profile.Review.Partner)}}</p>
<p>{{$checklist := link "#proof-checklist" (t "proof.checklist_link")}}
{{- if .ReturnTo}}{{th "proof.banner_ask_reply" "checklist" $checklist "reply" .Reply}}{{else}}{{th "proof.banner_ask" "checklist" $checklist}}{{end}}</p>
<p class="proof-meta">{{th "proof.meta" "date" .Today "state" .Profile.Review.State.Text "version" .Version}}</p>
</div>
</div>
{{end}}

{{- define "checklist" -}}
<section class="proof-checklist" id="proof-checklist" aria-labelledby="proof-checklist-heading">
<div class="wrap" id="proof-answers" data-slug="{{.Slug}}" data-title="{{.Profile.Title}}" data-fingerprint="{{.Fingerprint}}" data-made="{{.Made}}" data-to="{{.MailTo}}" data-subject="{{.Subject}}">
<h2 id="proof-checklist-heading">{{t "proof.checklist_heading"}}</h2>
<p>{{$correct := el "strong" (t "proof.correct")}}{{$change := el "strong" (t "proof.needs_change")}}
{{- if .ReturnTo}}{{th "proof.checklist_intro_reply" "correct" $correct "change" $change "reply" .Reply}}{{else}}{{th "proof.checklist_intro" "correct" $correct "change" $change}}{{end}}</p>
{{- range .Sections}}
<h3>{{.Title}}</h3>
<ol class="proof-facts" start="{{.Start}}">
{{- range .Facts}}
<li>
<fieldset class="proof-fact" data-n="{{.N}}" data-label="{{.Label}}">
<legend><span class="proof-label">{{.Label}}:</span> {{if .Lang}}<span lang="{{.Lang}}">{{.Text}}</span>{{else}}{{.Text}}{{end}}</legend>
<p class="proof-mark">
<span class="proof-choice"><input type="radio" name="fact-{{.N}}" id="fact-{{.N}}-correct" value="correct"><label for="fact-{{.N}}-correct">{{t "proof.correct"}}</label></span>
<span class="proof-choice"><input type="radio" name="fact-{{.N}}" id="fact-{{.N}}-change" value="change"><label for="fact-{{.N}}-change">{{t "proof.needs_change"}}</label></span>
</p>
<p class="proof-change"><label for="fact-{{.N}}-text">{{t "proof.should_say" "n" .N}}</label>
<textarea id="fact-{{.N}}-text" rows="2"></textarea></p>
</fieldset>
</li>
{{- end}}
</ol>
{{- end}}
{{- with .Files}}
<h3>{{t "proof.files_heading"}}</h3>
<p>{{t "proof.files" "files" .}}</p>
{{- end}}
{{- with .Left}}
<h3>{{t "proof.left_heading"}}</h3>
<ul class="proof-left">
{{- range .}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
<h3>{{t "proof.answer_heading"}}</h3>
<p class="proof-change"><label for="proof-comments">{{t "proof.comments"}}</label>
<textarea id="proof-comments" rows="4"></textarea></p>
<fieldset class="proof-decision">
<legend>{{t "proof.decision"}}</legend>
{{- range .Decisions}}
<p class="proof-choice"><input type="radio" name="decision" id="decision-{{.Value}}" value="{{.Value}}" data-answer="{{.Answer}}"><label for="decision-{{.Value}}">{{.Label}}</label></p>
{{- end}}
</fieldset>
<p class="proof-change"><label for="proof-role">{{t "proof.role"}}</label>
<input type="text" id="proof-role" autocomplete="organization-title"></p>
<div class="proof-send" id="proof-send" hidden>
<p>{{if .MailTo}}<a class="proof-button" id="proof-send-link" href="{{.ReturnLink}}">{{t "proof.send"}}</a> {{end}}<button type="button" class="proof-button" id="proof-copy">{{t "proof.copy"}}</button></p>
<p class="proof-status" id="proof-status" role="status"></p>
<p class="proof-change"><label for="proof-answers-text">{{if .MailTo}}{{t "proof.answers_mail"}}{{else}}{{t "proof.answers"}}{{end}}</label>
<textarea id="proof-answers-text" rows="8" readonly></textarea></p>
</div>
{{- if .ReturnTo}}
<p class="proof-reply">{{if .MailTo}}{{th "proof.reply_mail" "reply" .Reply "send" (t "proof.send")}}{{else}}{{th "proof.reply" "reply" .Reply}}{{end}}</p>
{{- end}}
</div>
</section>
{{end}}`))

// proofScriptSource is the proof's only script, before the words of the
// answers are put in it (see script): it keeps the text of the answers,
// the "Send my answers" link (mailto: with subject and body) and the
// "Copy my answers" button up to date with the form. It reads everything
// else it needs from the checklist (#proof-answers and its data-*
// attributes), so its text, and the hash the proof's
// Content-Security-Policy allows it by, is the same in every proof of a
// language. The answers are in the format ParseAnswers reads: the
// numbers, "N. Label: answer" and the indented "Should say:" lines are
// the same in every language; the words are the catalog's proof.email.
const proofScriptSource = `(function () {
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
    var lines = [{{.Head}}, {{.Profile}}, {{.Version}},
      {{.Made}}, {{.Answered}}, ''];
    var facts = form.querySelectorAll('fieldset[data-n]');
    for (var i = 0; i < facts.length; i++) {
      var f = facts[i], n = f.getAttribute('data-n');
      var c = checked('fact-' + n), change = document.getElementById('fact-' + n + '-text').value.trim();
      var state = c ? c.value : '';
      lines.push(n + '. ' + f.getAttribute('data-label') + ': ' +
        (state === 'correct' ? {{.Correct}} : state === 'change' ? {{.Change}} : {{.NoAnswer}}));
      if (state === 'change' && change) lines.push({{.ShouldSay}});
    }
    var dec = checked('decision');
    var role = document.getElementById('proof-role').value.trim();
    var comments = document.getElementById('proof-comments').value.trim();
    lines.push('', {{.Decision}}, {{.Role}}, {{.Comments}});
    if (comments) lines.push('   ' + indented(comments));
    lines.push({{.End}});
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
      status.textContent = ok ? {{.Copied}}
        : {{.CopyFailed}};
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

var proofScriptTemplate = texttemplate.Must(texttemplate.New("script").Option("missingkey=error").Parse(proofScriptSource))

// script is the proof's script in the language of c: proofScriptSource
// with each of the answers' words as a JavaScript expression.
func script(c *i18n.Catalog) (string, error) {
	t := func(key string) string { return c.T("proof.email." + key) }
	noAnswer := jsString(t("no_answer"))
	words := map[string]string{
		"Head":       jsMessage(t("head"), "title", "d.title"),
		"Profile":    jsMessage(t("profile"), "slug", "d.slug"),
		"Version":    jsMessage(t("version"), "version", "d.fingerprint"),
		"Made":       jsMessage(t("made"), "date", "d.made"),
		"Answered":   jsMessage(t("answered"), "date", "today()"),
		"Correct":    jsString(t("correct")),
		"Change":     jsString(t("change")),
		"NoAnswer":   noAnswer,
		"ShouldSay":  jsMessage("   "+t("should_say"), "text", "indented(change)"),
		"Decision":   jsMessage(t("decision"), "decision", "(dec ? dec.getAttribute('data-answer') : "+noAnswer+")"),
		"Role":       jsMessage(t("role"), "role", "role"),
		"Comments":   jsString(t("comments")),
		"End":        jsString(t("end")),
		"Copied":     jsCopied(c.T("proof.copied"), c.T("proof.copied_to")),
		"CopyFailed": jsString(c.T("proof.copy_failed")),
	}
	var b strings.Builder
	if err := proofScriptTemplate.Execute(&b, words); err != nil {
		return "", fmt.Errorf("proof: %w", err)
	}
	return b.String(), nil
}

// jsString is s as a JavaScript string literal in single quotes, safe in
// a <script> element: no "<" (so no "</script>" or "<!--"), and no line
// terminator.
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\\', '\'':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '<':
			b.WriteString(`\x3C`)
		case '>':
			b.WriteString(`\x3E`)
		case '\u2028', '\u2029':
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// jsMessage is the JavaScript expression of msg with its placeholder
// {name} (every time it is there) replaced by the expression expr:
// "Profile: {slug}" → 'Profile: ' + d.slug. Any other brace is text.
func jsMessage(msg, name, expr string) string {
	var parts []string
	for {
		before, after, ok := strings.Cut(msg, "{"+name+"}")
		if before != "" {
			parts = append(parts, jsString(before))
		}
		if !ok {
			break
		}
		parts = append(parts, expr)
		msg = after
	}
	if len(parts) == 0 {
		return "''"
	}
	if !strings.HasPrefix(parts[0], "'") {
		parts = append([]string{"''"}, parts...) // a string, whatever expr is
	}
	return strings.Join(parts, " + ")
}

// jsCopied is the expression of the message that says the answers were
// copied: copiedTo, which names the address d.to, when there is one,
// else copied. When copiedTo is copied with words and {address} put in
// it in one place, only those words are chosen by d.to:
// 'Copied. Paste your answers into an email' + (d.to ? ' to ' +
// decodeURIComponent(d.to) : ”) + '.'.
func jsCopied(copied, copiedTo string) string {
	const addr = "decodeURIComponent(d.to)"
	before, after, ok := strings.Cut(copiedTo, "{address}")
	if ok && !strings.Contains(after, "{address}") && strings.HasSuffix(copied, after) {
		base := strings.TrimSuffix(copied, after)
		if words, ok := strings.CutPrefix(before, base); ok {
			var parts []string
			if base != "" {
				parts = append(parts, jsString(base))
			}
			parts = append(parts, "(d.to ? "+jsMessage(words+"{address}", "address", addr)+" : '')")
			if after != "" {
				parts = append(parts, jsString(after))
			}
			if base == "" {
				parts = append([]string{"''"}, parts...)
			}
			return strings.Join(parts, " + ")
		}
	}
	return "(d.to ? " + jsMessage(copiedTo, "address", addr) + " : " + jsString(copied) + ")"
}

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
