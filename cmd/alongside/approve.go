package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/alongside-dev/alongside/generator"
	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/review"
)

func init() {
	register("approve", &command{
		usage: `approve [-s SITE] SLUG --by "ROLE" [--date YYYY-MM-DD]`,
		help:  "record the partner's approval of a profile in its [review] table",
		long: `Record that the partner approved the profile SLUG: sets state, date, by and
fingerprint in its [review] table and changes no other byte of the file.
--by is who approved, as a role, not a person's name. --date is the day
they approved, when not today; a date in the future is refused. The next
build publishes the page with the approval stamp.`,
		run: runApprove,
	})
}

func runApprove(ctx context.Context, e *env, args []string) error {
	flags := newFlags("approve", e)
	site := siteFlag(flags)
	by := flags.String("by", "", "who approved, as a `ROLE`: \"Board, Familias Unidas del Sur\" (required)")
	date := flags.String("date", "", "the day the partner approved, `YYYY-MM-DD` (default: today; not in the future)")
	pos, err := parse(flags, args, 1, 1)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*by) == "" {
		return usagef(`--by is required: who approved, as a role, e.g. --by "Board, Familias Unidas del Sur"`)
	}
	day := e.today()
	if *date != "" {
		if day, err = content.ParseDate(*date); err != nil {
			return usagef("--date: %v", err)
		}
		if day.After(e.today().Time) {
			return usagef("--date %s is in the future: give the day the partner approved (today is %s)", day, e.today())
		}
	}
	s, err := loadProfile(*site, pos[0])
	if err != nil {
		return err
	}
	p, fsys := s.profile, s.fsys
	data, err := fs.ReadFile(fsys, p.Path)
	if err != nil {
		return err
	}
	bundle, err := content.BundleDigest(fsys, p.BundleDir, p.BundleFiles)
	if err != nil {
		return err
	}
	out, q, err := review.Approve(p.Path, data, &s.site.Config, review.Approval{Date: day, By: *by, Bundle: bundle})
	if err != nil {
		return contentError(err)
	}
	if err := replaceInSite(*site, p.Path, data, out); err != nil {
		return err
	}
	if p.Review.State == "approved" {
		was := "approved on " + p.Review.Date.String()
		if p.Review.By != "" {
			was = "approved by " + strconv.Quote(p.Review.By) + " on " + p.Review.Date.String()
		}
		fmt.Fprintf(e.stdout, "This replaces the earlier approval (%s).\n", was)
	}
	fmt.Fprintf(e.stdout, "Approved %s (%s): by %q on %s, fingerprint %s\n", q.Slug, q.Path, q.Review.By, q.Review.Date, short(q.Review.Fingerprint))
	fmt.Fprintln(e.stdout, "The next build publishes it with the approval stamp.")
	return nil
}

// loaded is a site read for a command that works on one profile.
type loaded struct {
	site    *content.Site
	profile *content.Profile
	probs   content.Problems // of site.toml, the pages and the profile's file
	fsys    fs.FS
}

// loadProfile reads what a command on the one profile called slug needs
// of the site in dir (content.LoadProfile), whatever the problems of the
// rest: such a command judges only that profile's. The error names the
// closest slugs when no profile has slug.
func loadProfile(dir, slug string) (*loaded, error) {
	fsys, err := generator.OpenSite(dir)
	if err != nil {
		return nil, err
	}
	site, slugs, probs := content.LoadProfile(fsys, slug)
	p, err := review.Find(site, slugs, probs, slug)
	if err != nil {
		return nil, contentError(err)
	}
	return &loaded{site, p, probs, fsys}, nil
}

// contentError turns the problems of a profile into the error that prints
// them and exits 1.
func contentError(err error) error {
	var ps content.Problems
	if errors.As(err, &ps) {
		ps.Sort()
		return &generator.ContentError{Problems: ps}
	}
	return err
}

// replaceInSite replaces the file rel of the site folder dir, whose bytes
// were old when read, with data, in one step: it writes a temporary file
// beside it and renames it over the old one, keeping its permissions.
// When the file no longer holds old (someone saved it meanwhile), it
// writes nothing and says so: an edit is never lost. Everything goes
// through an os.Root, so no symlink can lead the write outside the site.
func replaceInSite(dir, rel string, old, data []byte) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	perm := os.FileMode(0o644)
	if fi, err := root.Stat(rel); err == nil {
		perm = fi.Mode().Perm()
	}
	tmp := path.Join(path.Dir(rel), "."+path.Base(rel)+".alongside.tmp")
	if err := root.WriteFile(tmp, data, perm); err != nil {
		return err
	}
	now, err := root.ReadFile(rel)
	if err == nil && !bytes.Equal(now, old) {
		err = fmt.Errorf("%s changed while approve was running (saved in an editor?); nothing was written: run approve again", rel)
	}
	if err == nil {
		err = root.Rename(tmp, rel)
	}
	if err != nil {
		_ = root.Remove(tmp)
	}
	return err
}

// short is a fingerprint as people compare them: "sha256:1ed00694…".
func short(fp string) string {
	if len(fp) > 15 {
		return fp[:15] + "…"
	}
	return fp
}
