package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator"
	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/review"
)

func init() {
	register("translate", &command{
		usage: `translate [-s SITE] SLUG --lang CODE`,
		help:  "start the translation of a profile or page, or record that it is up to date",
		long: `Write the translation of the profile SLUG into the site language CODE
(content/partnerships/SLUG.CODE.md, or index.CODE.md in a bundle), filled
in with the profile's words to translate and the fingerprint of those
words. SLUG may also name a page of content/pages, or be _index for the
home page.

When the translation exists, record instead that it is up to date with
its source as it is now: run it after updating the translation, and
alongside check stops warning that the source changed since.`,
		run: runTranslate,
	})
}

func runTranslate(ctx context.Context, e *env, args []string) error {
	flags := newFlags("translate", e)
	site := siteFlag(flags)
	lang := flags.String("lang", "", "the `CODE` of one of the site's languages, as in [languages.CODE] of site.toml (required)")
	pos, err := parse(flags, args, 1, 1)
	if err != nil {
		return err
	}
	if *lang == "" {
		return usagef("--lang is required: the language to translate into, e.g. --lang es")
	}
	fsys, err := generator.OpenSite(*site)
	if err != nil {
		return err
	}
	src, cfg, err := translationSource(fsys, pos[0])
	if err != nil {
		return err
	}
	if !cfg.HasLanguage(*lang) {
		var codes []string
		for _, l := range cfg.Others() {
			codes = append(codes, l.Code)
		}
		if len(codes) == 0 {
			return usagef("the site has no other language than %q: add one to site.toml first, like\n\n[languages.%s]\nname = \"…\"", cfg.Language, *lang)
		}
		return usagef("%q is not one of the site's other languages (%s)", *lang, strings.Join(codes, ", "))
	}
	rel := content.TranslationPath(src.Path, *lang)
	data, err := fs.ReadFile(fsys, rel)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return createTranslation(e, *site, rel, src, *lang, cfg)
	case err != nil:
		return err
	}
	out, err := review.Refresh(data, src.Print())
	if err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	if err := replaceInSite(*site, rel, data, out); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Recorded that %s translates %s as it is now.\n", rel, src.Path)
	fmt.Fprintln(e.stdout, "alongside check no longer warns about it, until the source's words change again.")
	return nil
}

// translationSource finds what SLUG names: a profile, a content page, or
// the home page (_index). Only the source's own problems stop it.
func translationSource(fsys fs.FS, slug string) (review.Source, *content.Config, error) {
	site, slugs, probs := content.LoadProfile(fsys, slug)
	cfg := &site.Config
	var pg *content.Page
	if slug == "_index" {
		pg = site.Home
	} else if i := slices.IndexFunc(site.Pages, func(p *content.Page) bool { return p.Name == slug }); i >= 0 && !slices.Contains(slugs, slug) {
		pg = site.Pages[i]
	}
	if pg != nil {
		if errs := probsOf(probs, pg.Path); len(errs) > 0 {
			return review.Source{}, cfg, contentError(errs)
		}
		return review.Source{Path: pg.Path, Title: pg.Title, Summary: pg.Summary, Story: pg.Body}, cfg, nil
	}
	p, err := review.Find(site, slugs, probs, slug)
	if err != nil {
		return review.Source{}, cfg, contentError(err)
	}
	story, err := p.ReadBody(fsys)
	if err != nil {
		return review.Source{}, cfg, err
	}
	return review.Source{P: p, Path: p.Path, Title: p.Title, Summary: p.Summary, Story: story}, cfg, nil
}

// probsOf are the errors of the file rel.
func probsOf(probs content.Problems, rel string) content.Problems {
	var out content.Problems
	for _, p := range probs.Errors() {
		if p.Path == rel {
			out = append(out, p)
		}
	}
	return out
}

// createTranslation writes the new translation rel, never over a file.
func createTranslation(e *env, dir, rel string, src review.Source, lang string, cfg *content.Config) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	name := lang
	for _, l := range cfg.Others() {
		if l.Code == lang && l.Name != "" {
			name = l.Name
		}
	}
	f, err := root.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(review.NewTranslation(src, lang, name))
	if err := errors.Join(err, f.Close()); err != nil {
		_ = root.Remove(rel)
		return err
	}
	fmt.Fprintf(e.stdout, "Created %s with the words of %s to translate into %s.\n", rel, src.Path, name)
	fmt.Fprintln(e.stdout, "Replace each text with its translation; the numbers, dates and statuses stay in the source file.")
	return nil
}
