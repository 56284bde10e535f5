package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTranslateCommand walks a translation's life: translate writes it
// pre-filled, check is quiet; the source's words change, check names
// what changed; the translator updates it and runs translate again,
// which changes only the source line, and check is quiet again.
func TestTranslateCommand(t *testing.T) {
	site := writeSite(t, map[string]string{
		"site.toml":                             "title = \"T\"\n[languages.es]\nname = \"Español\"\n",
		"content/partnerships/homework-help.md": draftProfile,
		"content/pages/about.md":                "+++\ntitle = \"About\"\n+++\nWho we are.\n",
	})
	tr := filepath.Join(site, "content", "partnerships", "homework-help.es.md")
	for _, tt := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"translate", "-s", site, "homework-help"}, 2, "--lang is required"},
		{[]string{"translate", "-s", site, "homework-help", "--lang", "fr"}, 2, `"fr" is not one of the site's other languages (es)`},
		{[]string{"translate", "-s", site, "homework", "--lang", "es"}, 1, `did you mean homework-help?`},
	} {
		if code, _, stderr := runCLI(t, tt.args...); code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.stderr)
		}
	}

	code, stdout, stderr := runCLI(t, "translate", "homework-help", "-s", site, "--lang", "es")
	if code != 0 || !strings.Contains(stdout, "Created content/partnerships/homework-help.es.md") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	made, _ := os.ReadFile(tr)
	for _, want := range []string{"title = \"Homework Help\"", "[[asks]]", "ask = \"A room\"", "The story."} {
		if !strings.Contains(string(made), want) {
			t.Errorf("the new translation lacks %q:\n%s", want, made)
		}
	}
	if code, stdout, stderr := runCLI(t, "check", "-s", site); code != 0 || strings.Contains(stdout+stderr, "homework-help.es.md") {
		t.Fatalf("check after translate: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, _ := runCLI(t, "translate", "homework-help", "-s", site, "--lang", "es"); code != 0 {
		t.Fatal("translate of an existing translation failed")
	}
	if again, _ := os.ReadFile(tr); string(again) != string(made) {
		t.Errorf("translate of an up-to-date translation changed it:\n%s", again)
	}

	// The source's words change: check names the part.
	src := filepath.Join(site, "content", "partnerships", "homework-help.md")
	os.WriteFile(src, []byte(strings.Replace(draftProfile, "ask = \"A room\"", "ask = \"A quiet room\"", 1)), 0o644)
	_, stdout, stderr = runCLI(t, "check", "-s", site)
	if want := "homework-help.md changed since this translation was made (asks)"; !strings.Contains(stdout+stderr, want) {
		t.Errorf("check after the source changed:\n%s%s\nwant %q", stdout, stderr, want)
	}
	// The translator updates the text, then records it.
	translated := strings.Replace(string(made), "ask = \"A room\"", "ask = \"Un salón tranquilo\"", 1)
	os.WriteFile(tr, []byte(translated), 0o644)
	if code, stdout, stderr := runCLI(t, "translate", "homework-help", "-s", site, "--lang", "es"); code != 0 || !strings.Contains(stdout, "Recorded that") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	after, _ := os.ReadFile(tr)
	if strings.Count(string(after), "\n") != strings.Count(translated, "\n") || !strings.Contains(string(after), "Un salón tranquilo") {
		t.Errorf("translate changed more than the source line:\n%s", after)
	}
	if code, stdout, stderr := runCLI(t, "check", "-s", site); code != 0 || strings.Contains(stdout+stderr, "homework-help.es.md") {
		t.Errorf("check after refreshing: exit %d\n%s%s", code, stdout, stderr)
	}

	// A page, and the home page.
	if code, stdout, stderr := runCLI(t, "translate", "about", "-s", site, "--lang", "es"); code != 0 || !strings.Contains(stdout, "content/pages/about.es.md") {
		t.Errorf("translate a page: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestCheckWarnsAboutMissingUIStrings: a site language without a catalog
// is reported once by check, naming the file to write.
func TestCheckWarnsAboutMissingUIStrings(t *testing.T) {
	site := writeSite(t, map[string]string{
		"site.toml":                             "title = \"T\"\n[languages.so]\nname = \"Soomaali\"\n",
		"content/partnerships/homework-help.md": draftProfile,
	})
	_, stdout, stderr := runCLI(t, "check", "-s", site)
	if out := stdout + stderr; strings.Count(out, "i18n/so.toml") != 1 || !strings.Contains(out, "no UI strings in so") {
		t.Errorf("check:\n%s\nwant one warning about i18n/so.toml", out)
	}
}
