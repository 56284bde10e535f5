package main

import (
	"context"
	"fmt"

	"github.com/alongside-dev/alongside/generator"
)

func init() {
	register("check", &command{
		usage: "check [-s SITE]",
		help:  "report every error and warning without writing anything",
		run:   runCheck,
	})
}

func runCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlags("check", e)
	site := fs.String("s", ".", "site folder")
	if _, err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	s, _, probs, err := generator.LoadContext(ctx, *site, e.today())
	if err != nil {
		return err
	}
	probs = append(probs, generator.BaseURLWarning(&s.Config)...)
	printProblems(e.stderr, probs)
	fmt.Fprintf(e.stdout, "%d profiles checked (%d approved): no errors\n", len(s.Profiles), len(s.Published(false)))
	return nil
}
