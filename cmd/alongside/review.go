package main

import (
	"context"
	"fmt"

	"github.com/alongside-dev/alongside/generator"
	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/review"
)

func init() {
	register("review", &command{
		usage: "review [-s SITE]",
		help:  "list every profile by review state, with days waiting",
		long: `List every profile by review state (draft, in review, changes requested,
approved and changed since approval, approved), with the date of its
state and the days since, longest waiting first.`,
		run: runReview,
	})
}

func runReview(ctx context.Context, e *env, args []string) error {
	fs := newFlags("review", e)
	site := siteFlag(fs)
	if _, err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	fsys, err := generator.OpenSite(*site)
	if err != nil {
		return err
	}
	generator.PrepareHeap(fsys)
	s, probs := content.Load(fsys)
	if err := review.WriteWorklist(e.stdout, review.Worklist(s, e.today())); err != nil {
		return err
	}
	if errs := probs.Errors(); len(errs) > 0 {
		fmt.Fprintf(e.stdout, "\n%s: run alongside check to see them.\n", errs.Summary())
	}
	return nil
}
