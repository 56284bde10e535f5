package main

import (
	"context"
	"fmt"

	"github.com/alongside-dev/alongside/generator"
)

func init() {
	register("build", &command{
		usage: "build [-s SITE] [-d DEST] [--base-url URL] [--unapproved] [--force]",
		help:  "build the site into DEST (default SITE/public)",
		run:   runBuild,
	})
}

func runBuild(ctx context.Context, e *env, args []string) error {
	fs := newFlags("build", e)
	opts := generator.Options{Now: e.now}
	fs.StringVar(&opts.Site, "s", ".", "site folder")
	fs.StringVar(&opts.Dest, "d", "", "output folder (default SITE/public)")
	fs.StringVar(&opts.BaseURL, "base-url", "", "base URL, replacing site.toml's base_url")
	fs.BoolVar(&opts.Unapproved, "unapproved", false, "also publish profiles the partner has not approved, with a banner")
	fs.BoolVar(&opts.Force, "force", false, "replace DEST even when it holds files that no build wrote (a .git is kept)")
	if _, err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	opts.Progress = new(generator.Progress)
	stop := showProgress(e.stderr, opts.Progress)
	res, err := generator.Build(ctx, opts)
	stop()
	if err != nil {
		return err
	}
	printProblems(e.stderr, res.Warnings)
	dest := opts.Dest
	if dest == "" {
		dest = "public"
		if opts.Site != "." {
			dest = opts.Site + "/public"
		}
	}
	fmt.Fprintln(e.stdout, res.Summary(dest))
	return nil
}
