package review

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/i18n"
	"github.com/alongside-dev/alongside/generator/render"
)

// proofScript is the script of a proof in English (assertSelfContained
// holds every proof's script to it).
var proofScript = func() string {
	s, err := script(english())
	if err != nil {
		panic(err)
	}
	return s
}()

// esTranslation is a Spanish translation of testdata/site's homework-help
// with a title, the partner's description and a story (with its photo
// and, as an image, its flyer), but no summary
// (the proof shows the English one there). SOURCE is replaced with the
// fingerprint of the source's text.
const esTranslation = `+++
source = "SOURCE"
title = "Ayuda con las tareas en español"

[partner]
about = "Un grupo de madres y padres voluntarios fundado en 2014."
+++
Una historia en español, con [el folleto](flyer.pdf).

![Estudiantes y tutores alrededor de una mesa](photo.png)

![El folleto](flyer.pdf)
`

// langSite is testdata/site with the languages of site.toml given in
// extra ("[languages.es]\nname = \"Español\"\n") and the Spanish
// translation of homework-help, up to date with its source.
func langSite(t *testing.T, extra string) fstest.MapFS {
	t.Helper()
	fsys := dirFS(t, "testdata/site")
	fsys["site.toml"] = &fstest.MapFile{Data: append(fsys["site.toml"].Data, "\n"+extra...)}
	const rel = "content/partnerships/homework-help/index.es.md"
	fsys[rel] = &fstest.MapFile{Data: []byte(esTranslation)}
	site, _ := content.Load(fsys)
	for _, p := range site.Profiles {
		if p.Slug == "homework-help" {
			story, err := p.ReadBody(fsys)
			if err != nil {
				t.Fatal(err)
			}
			print := Source{P: p, Title: p.Title, Summary: p.Summary, Story: story}.Print()
			fsys[rel] = &fstest.MapFile{Data: []byte(strings.Replace(esTranslation, "SOURCE", print, 1))}
		}
	}
	return fsys
}

// proofIn makes the proof of homework-help in lang.
func proofIn(t *testing.T, fsys fstest.MapFS, lang string) (*content.Profile, string) {
	t.Helper()
	site, probs := content.Load(fsys)
	if errs := probs.Errors(); len(errs) > 0 {
		t.Fatalf("the test site has errors:\n%v", errs)
	}
	p, err := Find(site, []string{"homework-help"}, probs, "homework-help")
	if err != nil {
		t.Fatal(err)
	}
	if p.Translations["es"] == nil && strings.Contains(string(fsys["site.toml"].Data), "[languages.es]") {
		t.Fatal("the Spanish translation was not read")
	}
	r, err := render.New(fsys, site.Config.Theme)
	if err != nil {
		t.Fatal(err)
	}
	data, err := Proof(context.Background(), r, site, fsys, p, proofDay.Time, lang)
	if err != nil {
		t.Fatal(err)
	}
	return p, string(data)
}

func catalog(t *testing.T, fsys fstest.MapFS, code string) *i18n.Catalog {
	t.Helper()
	c, probs := i18n.Load(fsys, "default", code)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return c
}

// A proof in Spanish has every word of its own parts from the Spanish
// catalog, the profile's words from its translation, and the English
// source's words, marked as English, where the translation has none.
func TestProofInSpanish(t *testing.T) {
	fsys := langSite(t, "[languages.es]\nname = \"Español\"\n")
	_, doc := proofIn(t, fsys, "es")
	es := catalog(t, fsys, "es")
	js, err := script(es)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(doc, "<script>"+js+"</script>") != 1 {
		t.Fatal("the proof does not hold the Spanish script")
	}
	// Self-contained as every proof is; assertSelfContained knows the
	// English script only.
	assertSelfContained(t, strings.Replace(doc, "<script>"+js+"</script>", "<script>"+proofScript+"</script>", 1))
	for _, want := range []string{
		`<html lang="es">`,
		"<title>Prueba: Ayuda con las tareas en español",
		`<p class="proof-banner-title" id="proof-banner-title">Prueba: todavía no está publicada</p>`,
		"Así es como Rainier Public Library piensa publicar la página sobre <strong>Ayuda con las tareas en español</strong>, en https://partners.example.org/reports/partnerships/homework-help/.",
		"No se publica nada hasta que <bdi>Familias Unidas del Sur</bdi> lo apruebe.",
		`<a href="#proof-checklist">lista de verificación del final</a>`,
		"Prueba preparada el 14 de marzo de 2026. Revisión: En revisión.",
		`<h2 id="proof-checklist-heading">Lista de verificación: todos los datos de esta página</h2>`,
		"elija <strong>Correcto</strong> o <strong>Hay que cambiarlo</strong>",
		"<h3>La alianza</h3>",
		`<legend><span class="proof-label">Título:</span> Ayuda con las tareas en español</legend>`,
		`<legend><span class="proof-label">Resumen:</span> <span lang="en">Bilingual homework help for middle schoolers, twice a week.</span></legend>`,
		`<span class="proof-label">Sobre la organización (en su propia página):</span> Un grupo de madres y padres voluntarios fundado en 2014.`,
		`<span class="proof-label">Cita:</span> «Nuestros hijos por fin tienen un lugar tranquilo que habla su idioma.» — Familias Unidas del Sur, board`,
		`<label for="fact-1-correct">Correcto</label>`,
		`<label for="fact-1-change">Hay que cambiarlo</label>`,
		`<label for="fact-1-text">1. Qué debería decir:</label>`,
		"<h3>Lo que aportó cada parte</h3>",
		"De la biblioteca (Rainier Public Library):",
		"; valor: US$2400",
		"<h3>Fotos y documentos</h3>",
		"<h3>No incluido en esta prueba</h3>",
		"flyer.pdf: no es una imagen",
		"<legend>Su decisión</legend>",
		`data-answer="publicar tal como está"><label for="decision-approve">Publicar esta página tal como está.</label>`,
		`>Enviar mis respuestas</a>`, `>Copiar mis respuestas</button>`,
		`data-subject="Respuestas a la prueba: Ayuda con las tareas en español"`,
		`href="mailto:partnerships@example.org?subject=Respuestas%20a%20la%20prueba%3A%20Ayuda%20con%20las%20tareas%20en%20espa%C3%B1ol"`,
		"envíe sus respuestas a <a href=",
		// The page itself, in Spanish.
		"Una historia en español, con",
		`<img src="data:image/png;base64,`,
		// The script writes the answers in Spanish.
		`'Respuestas a la prueba de «' + d.title + '»'`, `'Perfil: ' + d.slug`, `'correcto'`, `'hay que cambiarlo'`,
		`'   Debería decir: ' + indented(change)`, `'Fin de las respuestas'`,
		`'Copiadas. Pegue sus respuestas en un correo' + (d.to ? ' a ' + decodeURIComponent(d.to) : '') + '.'`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the Spanish proof lacks %q", want)
		}
	}
	// None of the proof's own English words.
	own := doc[:strings.Index(doc, `<div class="wrap">`)] + doc[strings.Index(doc, `<section class="proof-checklist"`):]
	for _, english := range []string{
		"Proof", "not yet published", "Checklist", ">Correct<", "Needs a change", "What it should say",
		"The partnership", "Title:", "Your decision", "Send my answers", "Answers to the proof", "Should say",
		"End of answers", "not an image", "value $", "(estimate)",
	} {
		if strings.Contains(own, english) {
			t.Errorf("the Spanish proof's own parts say %q", english)
		}
	}
}

// A proof in a language written right to left is marked so; a language
// without a catalog of its own has its proof in English words.
func TestProofInArabic(t *testing.T) {
	fsys := langSite(t, "[languages.ar]\nname = \"العربية\"\n")
	delete(fsys, "content/partnerships/homework-help/index.es.md")
	_, doc := proofIn(t, fsys, "ar")
	assertSelfContained(t, doc)
	if !strings.Contains(doc, `<html lang="ar" dir="rtl">`) {
		t.Errorf("the Arabic proof's html element: %.80s", doc[strings.Index(doc, "<html"):])
	}
	if !strings.Contains(doc, "Proof — not yet published") {
		t.Error("the Arabic proof has no banner in English, for want of an Arabic catalog")
	}
}

// A proof in the default language, asked for by its code, is the proof
// of the default language.
func TestProofInDefaultLanguage(t *testing.T) {
	fsys := langSite(t, "[languages.es]\nname = \"Español\"\n")
	_, def := proofIn(t, fsys, "")
	_, en := proofIn(t, fsys, "en")
	if def != en {
		t.Error(`the proof in "en", the default language, differs from the default proof`)
	}
	site, _ := content.Load(fsys)
	p, _ := Find(site, []string{"homework-help"}, nil, "homework-help")
	r, _ := render.New(fsys, "default")
	if _, err := Proof(context.Background(), r, site, fsys, p, proofDay.Time, "fr"); err == nil || !strings.Contains(err.Error(), `no language "fr"`) {
		t.Errorf("a proof in a language the site has not: %v", err)
	}
}

// No catalog can break out of the script: its words are JavaScript
// strings, with no "<".
func TestScriptWords(t *testing.T) {
	fsys := fstest.MapFS{"i18n/es.toml": {Data: []byte("[proof.email]\nend = \"</script><script>alert('x')\\\\\"\ncomments = \"Line\\nbreak\\u2028\"\n")}}
	js, err := script(catalog(t, fsys, "es"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`lines.push('\x3C/script\x3E\x3Cscript\x3Ealert(\'x\')\\');`, `'Line\nbreak\u2028'`} {
		if !strings.Contains(js, want) {
			t.Errorf("the script lacks %s", want)
		}
	}
	for _, bad := range []string{"</", "<script", "<!--", "\u2028"} {
		if strings.Contains(js, bad) {
			t.Errorf("the script holds %q", bad)
		}
	}
	for _, tc := range []struct{ copied, copiedTo, want string }{
		{"Copied.", "Copied to {address}.", `'Copied' + (d.to ? ' to ' + decodeURIComponent(d.to) : '') + '.'`},
		{"Done.", "{address}: done.", `(d.to ? '' + decodeURIComponent(d.to) + ': done.' : 'Done.')`},
		{"Copied.", "Copied", `(d.to ? 'Copied' : 'Copied.')`},
	} {
		if got := jsCopied(tc.copied, tc.copiedTo); got != tc.want {
			t.Errorf("jsCopied(%q, %q) = %s, want %s", tc.copied, tc.copiedTo, got, tc.want)
		}
	}
}

// spanishAnswers are answers as the script of a Spanish proof writes
// them, its words made from the Spanish catalog.
func spanishAnswers(es *i18n.Catalog, fingerprint string) string {
	t := func(key string, args ...any) string { return es.T("proof.email."+key, args...) }
	return strings.Join([]string{
		t("head", "title", "Ayuda con las tareas en español"),
		t("profile", "slug", "homework-help"),
		t("version", "version", fingerprint),
		t("made", "date", "2026-03-14"),
		t("answered", "date", "2026-03-20"),
		"",
		"1. " + es.T("proof.fact.title") + ": " + t("correct"),
		"2. " + es.T("proof.fact.summary") + ": " + t("change"),
		"   " + t("should_say", "text", "Ayuda bilingüe con las tareas,\n   dos veces por semana."),
		"3. " + es.T("proof.fact.partner") + ": " + t("no_answer"),
		"",
		t("decision", "decision", t("approve_changes")),
		t("role", "role", "Junta directiva"),
		t("comments"),
		"   ¡Gracias!",
		t("end"),
	}, "\n")
}

// Answers to a Spanish proof are read as answers to an English one.
func TestParseSpanishAnswers(t *testing.T) {
	fsys := langSite(t, "[languages.es]\nname = \"Español\"\n")
	p, doc := proofIn(t, fsys, "es")
	es, en := catalog(t, fsys, "es"), catalog(t, fsys, "en")
	fp := regexp.MustCompile(`data-fingerprint="([^"]+)"`).FindStringSubmatch(doc)[1]
	text := spanishAnswers(es, fp)
	for _, want := range []string{"Respuestas a la prueba de «Ayuda con las tareas en español»", "Perfil: homework-help", "1. Título: correcto", "Decisión: publicar con los cambios"} {
		if !strings.Contains(text, want) {
			t.Fatalf("the Spanish answers lack %q:\n%s", want, text)
		}
	}
	a, err := ParseAnswers(strings.NewReader("> "+strings.ReplaceAll(text, "\n", "\n> ")), en, es)
	if err != nil {
		t.Fatal(err)
	}
	if a.Lang != "es" || a.Title != "Ayuda con las tareas en español" || a.Slug != "homework-help" || a.Fingerprint != p.Fingerprint ||
		a.Made.String() != "2026-03-14" || a.Answered.String() != "2026-03-20" {
		t.Errorf("header: %+v", a)
	}
	want := []FactAnswer{
		{N: 1, Label: "Título", Answer: AnswerCorrect},
		{N: 2, Label: "Resumen", Answer: AnswerChange, Change: "Ayuda bilingüe con las tareas,\ndos veces por semana."},
		{N: 3, Label: "Organización aliada", Answer: AnswerNoAnswer},
	}
	if got := fmt.Sprint(factsOf(a)); got != fmt.Sprint(want) {
		t.Errorf("facts\n got %v\nwant %v", got, want)
	}
	if a.Decision != DecisionChanges || a.Role != "Junta directiva" || a.Comments != "¡Gracias!" {
		t.Errorf("decision %q, role %q, comments %q", a.Decision, a.Role, a.Comments)
	}

	// Without the Spanish catalog, they are not answers.
	if _, err := ParseAnswers(strings.NewReader(text)); err == nil {
		t.Error("Spanish answers read without the Spanish catalog")
	}
	// English answers are read whatever catalogs are given, and answers
	// typed by hand in either language, whatever their case.
	if a, err := ParseAnswers(strings.NewReader(sampleAnswers), es); err != nil || a.Lang != "en" || len(a.Facts) != 4 {
		t.Errorf("English answers with the Spanish catalog: %v, %+v", err, a)
	}
	mixed := "Respuestas a la prueba de «X»\nPerfil: x\n1. Título: Correcto\n2. Resumen: NEEDS A CHANGE\nDecisión: Todavía no\n"
	if a, err := ParseAnswers(strings.NewReader(mixed), es); err != nil || a.Facts[0].Answer != AnswerCorrect || a.Facts[1].Answer != AnswerChange || a.Decision != DecisionNotYet {
		t.Errorf("answers typed by hand: %v, %+v", err, a)
	}
}

// factsOf are a's facts without what ParseAnswers keeps for itself.
func factsOf(a *Answers) []FactAnswer {
	out := make([]FactAnswer, len(a.Facts))
	for i, f := range a.Facts {
		out[i] = FactAnswer{N: f.N, Label: f.Label, Answer: f.Answer, Change: f.Change}
	}
	return out
}

// scriptHarness runs a proof's script in Node with as much of a DOM as
// it uses, made from the proof: the checklist's data, each fact's
// fieldset and answer, the decisions. It prints the answers the script
// writes and the href of "Send my answers".
const scriptHarness = `
const cfg = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const els = {}, names = {};
const el = (id, props) => (els[id] = Object.assign({ id, value: '', checked: false, hidden: true, href: '',
  addEventListener() {}, select() {}, getAttribute(k) { return (this.attrs || {})[k]; } }, props));
const facts = cfg.facts.map(f => {
  el('fact-' + f.n + '-text', { value: f.text });
  names['fact-' + f.n] = ['correct', 'change'].map(v => ({ value: v, checked: v === f.state }));
  return { getAttribute: k => (k === 'data-n' ? String(f.n) : f.label) };
});
names.decision = cfg.decisions.map(d => ({ checked: d.value === cfg.decision, getAttribute: () => d.answer }));
el('proof-answers', { dataset: cfg.data, querySelectorAll: () => facts });
['proof-send', 'proof-send-link', 'proof-answers-text', 'proof-status', 'proof-copy'].forEach(id => el(id));
el('proof-role', { value: cfg.role });
el('proof-comments', { value: cfg.comments });
global.document = { getElementById: id => els[id] || null, getElementsByName: n => names[n] || [] };
global.navigator = {};
eval(cfg.script);
process.stdout.write(JSON.stringify({ text: els['proof-answers-text'].value, href: els['proof-send-link'].href }));
`

// The answers that the script of a proof writes, run in Node, are read
// back as they were given, in English and in Spanish, from the text
// shown and from the email that "Send my answers" opens.
func TestScriptAnswersRoundTrip(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node to run the proof's script")
	}
	fsys := langSite(t, "[languages.es]\nname = \"Español\"\n")
	es, en := catalog(t, fsys, "es"), catalog(t, fsys, "en")
	for _, lang := range []string{"", "es"} {
		p, doc := proofIn(t, fsys, lang)
		attr := func(name string) string {
			m := regexp.MustCompile(` data-` + name + `="([^"]*)"`).FindStringSubmatch(doc)
			if m == nil {
				t.Fatalf("%q: no data-%s", lang, name)
			}
			return html.UnescapeString(m[1])
		}
		type fact struct {
			N     int    `json:"n"`
			Label string `json:"label"`
			State string `json:"state"` // "correct", "change" or "" (no answer)
			Text  string `json:"text"`
		}
		var facts []fact
		for i, m := range regexp.MustCompile(`data-n="(\d+)" data-label="([^"]*)"`).FindAllStringSubmatch(doc, -1) {
			n, _ := strconv.Atoi(m[1])
			f := fact{N: n, Label: html.UnescapeString(m[2])}
			switch i % 3 {
			case 0:
				f.State = "correct"
			case 1:
				f.State, f.Text = "change", "Line one\nline two: «quoted» & 'single'"
			}
			facts = append(facts, f)
		}
		var decisions []map[string]string
		for _, m := range regexp.MustCompile(`value="([a-z-]+)" data-answer="([^"]*)"`).FindAllStringSubmatch(doc, -1) {
			decisions = append(decisions, map[string]string{"value": m[1], "answer": html.UnescapeString(m[2])})
		}
		js := doc[strings.LastIndex(doc, "<script>")+len("<script>") : strings.LastIndex(doc, "</script>")]
		in, _ := json.Marshal(map[string]any{
			"script": js, "facts": facts, "decisions": decisions, "decision": "approve-changes",
			"role": "Board", "comments": "Thank you!\n\nSee you.",
			"data": map[string]string{"slug": attr("slug"), "title": attr("title"), "fingerprint": attr("fingerprint"),
				"made": attr("made"), "to": attr("to"), "subject": attr("subject")},
		})
		cmd := exec.Command(node, "-e", scriptHarness)
		cmd.Stdin = bytes.NewReader(in)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%q: node: %v\n%s", lang, err, stderr.Bytes())
		}
		var got struct{ Text, Href string }
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		_, query, _ := strings.Cut(got.Href, "?")
		q, err := url.ParseQuery(strings.ReplaceAll(query, "+", "%2B"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(got.Href, "mailto:partnerships@example.org?subject=") || q.Get("subject") != attr("subject") ||
			q.Get("body") != strings.ReplaceAll(got.Text, "\n", "\r\n") {
			t.Errorf("%q: the email's link %s", lang, got.Href)
		}
		for _, text := range []string{got.Text, q.Get("body")} {
			a, err := ParseAnswers(strings.NewReader(text), en, es)
			if err != nil {
				t.Fatalf("%q: %v\n%s", lang, err, text)
			}
			if a.Lang != cmp.Or(lang, "en") || a.Slug != "homework-help" || a.Fingerprint != p.Fingerprint || a.Made.String() != "2026-03-14" ||
				!a.Answered.Set() || a.Decision != DecisionChanges || a.Role != "Board" || a.Comments != "Thank you!\n\nSee you." || len(a.Facts) != len(facts) {
				t.Errorf("%q: %+v\n%s", lang, a, text)
				continue
			}
			for i, f := range facts {
				want := map[string]string{"correct": AnswerCorrect, "change": AnswerChange, "": AnswerNoAnswer}[f.State]
				if g := a.Facts[i]; g.N != f.N || g.Label != f.Label || g.Answer != want || g.Change != strings.TrimSpace(f.Text) {
					t.Errorf("%q: fact %d = %+v, want %+v", lang, i, g, f)
				}
			}
		}
		if lang == "es" && !strings.Contains(got.Text, "\n2. Resumen: hay que cambiarlo\n   Debería decir: Line one\n   line two") {
			t.Errorf("the Spanish answers:\n%s", got.Text)
		}
	}
}
