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
		usage: "proof [-s SITE] SLUG [-o FILE]",
		help:  "write one self-contained HTML file of a profile for its partner to check",
		long: `Write the proof of the profile SLUG: one HTML file, to email to the partner,
with the page as it will look under a "Proof — not yet published" banner,
then a numbered checklist of every fact on it. The partner answers each
fact (correct, or what it should say), gives a decision, and "Send my
answers" opens an email to the site's corrections address with the
numbered answers; the file also prints well, for answers on paper. It
loads nothing from anywhere. Read the answers with alongside answers.`,
		run: runProof,
	})
}

func runProof(ctx context.Context, e *env, args []string) error {
	flags := newFlags("proof", e)
	site := siteFlag(flags)
	out := flags.String("output", "", "write the proof to `FILE`, a new file or an earlier proof (default: proof-SLUG-YYYY-MM-DD.html in the current folder)")
	flags.alias("o", "output")
	pos, err := parse(flags, args, 1, 1)
	if err != nil {
		return err
	}
	s, err := loadProfile(*site, pos[0])
	if err != nil {
		return err
	}
	p, fsys := s.profile, s.fsys
	var errs content.Problems
	for _, pr := range s.probs.Errors() {
		if pr.Path == p.Path || pr.Path == "site.toml" {
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
	data, err := review.Proof(ctx, r, s.site, fsys, p, e.now, "")
	if err != nil {
		return err
	}
	name := *out
	if name == "" {
		name = review.ProofFileName(p.Slug, "", e.today())
	}
	if err := writeProof(name, data); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote %s (%d KB): the page of %s as it will look, and a checklist of every fact on it.\n", name, (len(data)+1023)/1024, p.Slug)
	if !strings.Contains(s.site.Config.BaseURL, "://") {
		fmt.Fprintln(e.stdout, "site.toml has no base_url: links to other pages of the site are plain text in the proof.")
	}
	fmt.Fprintf(e.stdout, "Send it to %s. Their answers come back by email: save it, or paste it into alongside answers.\n", p.Partner.Name)
	return nil
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
