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
		long: `Check every file of the site and list every error and warning, one a line, as
path:line:column: field: what is wrong. Errors stop a build; warnings (a
review waiting for over 60 days, contact details in public text, a broken
link, text left from a template, a profile changed since its approval) do
not. Exits 1 when there are errors.`,
		run: runCheck,
	})
}

func runCheck(ctx context.Context, e *env, args []string) error {
	fs := newFlags("check", e)
	site := siteFlag(fs)
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
