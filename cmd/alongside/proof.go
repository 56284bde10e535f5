package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/render"
	"github.com/alongside-dev/alongside/generator/review"
)

func init() {
	register("proof", &command{
		usage: "proof [-s SITE] SLUG [--lang CODE] [-o FILE]",
		help:  "write one self-contained HTML file of a profile for its partner to check",
		long: `Write the proof of the profile SLUG: one HTML file, to email to the partner,
with the page as it will look under a "Proof — not yet published" banner,
then a numbered checklist of every fact on it. The partner answers each
fact (correct, or what it should say), gives a decision, and "Send my
answers" opens an email to the site's corrections address with the
numbered answers; the file also prints well, for answers on paper. It
loads nothing from anywhere. Read the answers with alongside answers.

With --lang CODE, one of the site's languages, the proof is in that
language: its banner, checklist, buttons and email from the language's UI
strings, the profile's words from its translation (SLUG.CODE.md), and
the default file name is proof-SLUG-CODE-YYYY-MM-DD.html.`,
		run: runProof,
	})
}

func runProof(ctx context.Context, e *env, args []string) error {
	flags := newFlags("proof", e)
	site := siteFlag(flags)
	out := flags.String("output", "", "write the proof to `FILE`, a new file or an earlier proof (default: proof-SLUG-YYYY-MM-DD.html in the current folder; proof-SLUG-CODE-YYYY-MM-DD.html with --lang)")
	flags.alias("o", "output")
	langFlag := flags.String("lang", "", "write the proof in the site language `CODE`, one of [languages.CODE] in site.toml (default: the site's language)")
	pos, err := parse(flags, args, 1, 1)
	if err != nil {
		return err
	}
	s, err := loadProfile(*site, pos[0])
	if err != nil {
		return err
	}
	p, fsys := s.profile, s.fsys
	lang, err := proofLang(&s.site.Config, *langFlag)
	if err != nil {
		return err
	}
	var errs content.Problems
	for _, pr := range s.probs.Errors() {
		if pr.Path == p.Path || pr.Path == "site.toml" || (lang != "" && pr.Path == content.TranslationPath(p.Path, lang)) {
			errs = append(errs, pr)
		}
	}
	if len(errs) > 0 {
		return contentError(errs)
	}
	r, err := render.New(fsys, s.site.Config.Theme)
	if err != nil {
		return err
	}
	data, err := review.Proof(ctx, r, s.site, fsys, p, e.now, lang)
	if err != nil {
		return err
	}
	name := *out
	if name == "" {
		name = review.ProofFileName(p.Slug, lang, e.today())
	}
	if err := writeProof(name, data); err != nil {
		return err
	}
	if lang == "" {
		fmt.Fprintf(e.stdout, "Wrote %s (%d KB): the page of %s as it will look, and a checklist of every fact on it.\n", name, (len(data)+1023)/1024, p.Slug)
	} else {
		fmt.Fprintf(e.stdout, "Wrote %s (%d KB): the page of %s in %s as it will look, and a checklist of every fact on it.\n", name, (len(data)+1023)/1024, p.Slug, languageName(&s.site.Config, lang))
		switch tr := p.Translations[lang]; {
		case tr == nil:
			fmt.Fprintf(e.stdout, "%s has no translation into %s yet (%s): the proof shows its words in the default language (%s) under %s headings. Start one with alongside translate %s --lang %s.\n",
				p.Slug, lang, content.TranslationPath(p.Path, lang), s.site.Config.Language, lang, p.Slug, lang)
		case tr.Stale != nil:
			fmt.Fprintf(e.stdout, "%s may be out of date: %s changed since it was translated (%s). The proof shows it as it is.\n",
				tr.Path, p.Path, strings.Join(tr.Stale, ", "))
		}
	}
	if !strings.Contains(s.site.Config.BaseURL, "://") {
		fmt.Fprintln(e.stdout, "site.toml has no base_url: links to other pages of the site are plain text in the proof.")
	}
	fmt.Fprintf(e.stdout, "Send it to %s. Their answers come back by email: save it, or paste it into alongside answers.\n", p.Partner.Name)
	return nil
}

// proofLang checks the --lang of proof against the site's languages: ""
// for the default language (or no --lang), else the code.
func proofLang(cfg *content.Config, code string) (string, error) {
	if code == "" || code == cfg.Language {
		return "", nil
	}
	if cfg.HasLanguage(code) {
		return code, nil
	}
	var codes []string
	for _, l := range cfg.Languages {
		codes = append(codes, l.Code)
	}
	msg := fmt.Sprintf("--lang %s: not one of the site's languages (%s)", code, strings.Join(codes, ", "))
	if close := closestLanguage(code, codes); close != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", close)
	} else if len(codes) == 1 {
		msg += fmt.Sprintf("; to add it, put in site.toml:\n\n[languages.%s]\nname = \"…\"", code)
	}
	return "", usagef("%s", msg)
}

// closestLanguage is the code of codes that code was meant to be, or "":
// the same but for case or "_" ("ES", "es_MX"), the base language of it
// or a regional form of it ("es" for "es-CO" and the other way round),
// or, for a code of three letters or more, a near miss.
func closestLanguage(code string, codes []string) string {
	norm := strings.ToLower(strings.ReplaceAll(code, "_", "-"))
	base, _, _ := strings.Cut(norm, "-")
	for _, c := range codes {
		if strings.ToLower(c) == norm {
			return c
		}
	}
	for _, c := range codes {
		cb, _, _ := strings.Cut(strings.ToLower(c), "-")
		if cb == base {
			return c
		}
	}
	if len(code) >= 3 {
		return closestName(code, codes)
	}
	return ""
}

// languageName is the site's language code by its name in site.toml,
// "Español (es)", or the code alone.
func languageName(cfg *content.Config, code string) string {
	for _, l := range cfg.Languages {
		if l.Code == code && l.Name != "" {
			return l.Name + " (" + code + ")"
		}
	}
	return code
}

// writeProof writes data to the file name, which must be new or an
// earlier proof: -o never overwrites a profile, a page or anything else.
func writeProof(name string, data []byte) error {
	if fi, err := os.Lstat(name); err == nil {
		if !fi.Mode().IsRegular() || !isProof(name) {
			return fmt.Errorf("%s exists and is not an earlier proof; nothing was written (choose another file with -o)", name)
		}
	}
	return os.WriteFile(name, data, 0o644)
}

// isProof reports whether the file name is a proof that alongside wrote:
// its banner comes within the first megabyte, after the stylesheet.
func isProof(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 1<<20)
	n, _ := io.ReadFull(f, head)
	return bytes.HasPrefix(head[:n], []byte("<!DOCTYPE html>")) && bytes.Contains(head[:n], []byte(review.ProofMarker))
}
