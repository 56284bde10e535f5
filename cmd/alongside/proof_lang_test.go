package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

// langSite is a site in English, Spanish and Arabic whose profile
// homework-help has a Spanish translation of its title, made with
// alongside translate.
func langSite(t *testing.T) string {
	t.Helper()
	site := writeSite(t, map[string]string{
		"site.toml": "base_url = \"https://example.org/\"\ncorrections = \"mailto:partnerships@example.org\"\n" +
			"[languages.es]\nname = \"Español\"\n[languages.ar]\nname = \"العربية\"\n",
		"content/partnerships/homework-help.md": strings.Replace(goodProfile, `state = "approved"`, `state = "in_review"`, 1),
	})
	if code, _, stderr := runCLI(t, "translate", "homework-help", "--lang", "es", "-s", site); code != 0 {
		t.Fatalf("translate: %s", stderr)
	}
	tr := filepath.Join(site, "content", "partnerships", "homework-help.es.md")
	data, err := os.ReadFile(tr)
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), `title = "Homework Help"`, `title = "Ayuda con las tareas"`, 1))
	if err := os.WriteFile(tr, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return site
}

func TestProofCommandLang(t *testing.T) {
	site := langSite(t)
	t.Chdir(t.TempDir())
	today := content.Today().String()

	code, stdout, stderr := runCLI(t, "proof", "homework-help", "-s", site, "--lang", "es")
	name := "proof-homework-help-es-" + today + ".html"
	if code != 0 || !strings.Contains(stdout, "Wrote "+name) || !strings.Contains(stdout, "the page of homework-help in Español (es) as it will look") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if strings.Contains(stdout, "translation") {
		t.Errorf("proof warns about an up-to-date translation:\n%s", stdout)
	}
	doc, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="es">`, "Prueba: todavía no está publicada", "Lista de verificación", "<strong>Ayuda con las tareas</strong>",
		`<span class="proof-label">Título:</span> Ayuda con las tareas`, `data-subject="Respuestas a la prueba: Ayuda con las tareas"`} {
		if !strings.Contains(string(doc), want) {
			t.Errorf("the Spanish proof lacks %q", want)
		}
	}

	// Arabic: right to left, and no translation yet.
	code, stdout, stderr = runCLI(t, "proof", "--lang", "ar", "homework-help", "-s", site)
	name = "proof-homework-help-ar-" + today + ".html"
	if code != 0 || !strings.Contains(stdout, "homework-help has no translation into ar yet (content/partnerships/homework-help.ar.md)") ||
		!strings.Contains(stdout, "alongside translate homework-help --lang ar") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if doc, _ := os.ReadFile(name); !strings.Contains(string(doc), `<html lang="ar" dir="rtl">`) {
		t.Error("the Arabic proof is not marked right to left")
	}

	// The default language, by its code: the default file name.
	if code, stdout, _ := runCLI(t, "proof", "homework-help", "-s", site, "--lang", "en"); code != 0 || !strings.Contains(stdout, "Wrote proof-homework-help-"+today+".html") {
		t.Errorf("--lang en: exit %d\n%s", code, stdout)
	}

	oneLanguage := writeSite(t, map[string]string{"content/partnerships/homework-help.md": goodProfile})
	for _, tt := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"--lang", "fr"}, "alongside proof: --lang fr: not one of the site's languages (en, es, ar)\nusage: alongside proof [-s SITE] SLUG [--lang CODE] [-o FILE]"},
		{[]string{"--lang", "ES"}, "--lang ES: not one of the site's languages (en, es, ar) (did you mean es?)"},
		{[]string{"--lang", "es_MX"}, "(did you mean es?)"},
		{[]string{"--lang", "ar-EG"}, "(did you mean ar?)"},
		{[]string{"--lang", "es", "-s", oneLanguage}, "--lang es: not one of the site's languages (en); to add it, put in site.toml:\n\n[languages.es]\nname = \"…\""},
	} {
		args := append([]string{"proof", "homework-help", "-s", site}, tt.args...)
		code, stdout, stderr := runCLI(t, args...)
		if code != 2 || !strings.Contains(stderr, tt.stderr) || stdout != "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.stderr)
		}
	}
}

// Answers to a Spanish proof, written in Spanish, are read, and compared
// with the profile as the Spanish page states it now.
func TestAnswersSpanish(t *testing.T) {
	site := langSite(t)
	out := filepath.Join(t.TempDir(), "proof.html")
	if code, _, stderr := runCLI(t, "proof", "homework-help", "-s", site, "--lang", "es", "-o", out); code != 0 {
		t.Fatalf("proof: %s", stderr)
	}
	doc, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	fp := regexp.MustCompile(`data-fingerprint="([^"]+)"`).FindSubmatch(doc)
	if fp == nil {
		t.Fatal("the proof has no data-fingerprint")
	}
	answers := func(facts, decision string) string {
		return "Respuestas a la prueba de «Ayuda con las tareas»\nPerfil: homework-help\nVersión: " + string(fp[1]) +
			"\nPrueba preparada: 2026-03-14\nFecha de respuesta: 2025-11-20\n\n" + facts + "\nDecisión: " + decision +
			"\nCargo: Junta, Familias Unidas\nComentarios:\n   ¡Gracias!\nFin de las respuestas\n"
	}

	text := answers("1. Título: hay que cambiarlo\n   Debería decir: Ayuda con las tareas en español\n2. Organización aliada: correcto\n", "publicar tal como está")
	code, stdout, stderr := runWithStdin(t, "> "+strings.ReplaceAll(text, "\n", "\n> "), "answers", "-s", site)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Answers to the proof of homework-help made on 2026-03-14, answered on 2025-11-20",
		"From: Junta, Familias Unidas",
		"    1  Título               needs a change\n       now:        Ayuda con las tareas\n       should say: Ayuda con las tareas en español\n",
		"    2  Organización aliada  correct\n",
		"Decision: approve as shown",
		"Comments:\n  ¡Gracias!",
		"ask which they meant",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}

	text = answers("1. Título: correcto\n2. Organización aliada: correcto\n", "publicar tal como está")
	if _, stdout, _ := runWithStdin(t, text, "answers", "-s", site); !strings.Contains(stdout, "alongside approve homework-help --by \"Junta, Familias Unidas\" --date 2025-11-20") {
		t.Errorf("no approve command for Spanish answers that approve as shown:\n%s", stdout)
	}
}
