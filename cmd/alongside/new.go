package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/review"
)

func init() {
	register("new", &command{
		usage: `new [-s SITE] "Partner or partnership name"`,
		help:  "start a profile, as a draft, from a template that explains every key",
		long: `Write content/partnerships/SLUG.md for a new partnership, SLUG made from the
name: a draft with every key shown and explained in a comment. It never
overwrites a file.`,
		run: runNew,
	})
}

func runNew(ctx context.Context, e *env, args []string) error {
	flags := newFlags("new", e)
	site := siteFlag(flags)
	pos, err := parse(flags, args, 1, 1)
	if err != nil {
		return err
	}
	name := strings.TrimSpace(pos[0])
	if name == "" {
		return usagef("the name is empty: alongside new \"Homework Help in Spanish\"")
	}
	slug := content.PartnerSlug(name)
	rel := "content/partnerships/" + slug + ".md"

	root, err := os.OpenRoot(*site)
	if err != nil {
		return fmt.Errorf("site folder %s: %w", *site, errors.Unwrap(err))
	}
	defer root.Close()
	if !isSite(root) {
		return fmt.Errorf("%s is not a site folder (it has no site.toml and no content/): give one with -s, or create one with alongside init DIR", *site)
	}
	for _, p := range []string{rel, "content/partnerships/" + slug} {
		if _, err := root.Lstat(p); err == nil {
			return fmt.Errorf("%s already exists; nothing was changed (edit it, or choose another name)", p)
		}
	}
	if s, slugs, _ := content.LoadProfile(root.FS(), slug); slices.Contains(slugs, slug) {
		which := "a profile"
		if len(s.Profiles) > 0 {
			which = s.Profiles[0].Path
		}
		return fmt.Errorf("%s already has the slug %q; nothing was changed (choose another name)", which, slug)
	}
	if err := root.MkdirAll("content/partnerships", 0o755); err != nil {
		return err
	}
	f, err := root.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(review.NewProfile(name, e.today()))
	if err := errors.Join(err, f.Close()); err != nil {
		_ = root.Remove(rel)
		return err
	}
	fmt.Fprintf(e.stdout, "Created %s, a draft.\n", rel)
	fmt.Fprintf(e.stdout, "Next: fill it in, run alongside check, then alongside proof %s to make the file you send to the partner.\n", slug)
	return nil
}

// isSite reports whether root looks like a site folder.
func isSite(root *os.Root) bool {
	for _, p := range []string{"site.toml", "content"} {
		if _, err := root.Stat(p); err == nil || !errors.Is(err, fs.ErrNotExist) {
			return true
		}
	}
	return false
}
