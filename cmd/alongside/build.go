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
		long: `Build the published site, the approved profiles only, into DEST (SITE/public by
default): the pages, the open data files, the feed and the sitemap. The new
site is written beside DEST and swapped in only when everything succeeded,
so a failed build leaves the previous one as it was. A site with errors is
not built: the errors are listed, as check lists them.`,
		run: runBuild,
	})
}

func runBuild(ctx context.Context, e *env, args []string) error {
	fs := newFlags("build", e)
	opts := generator.Options{Now: e.now}
	site := siteFlag(fs)
	fs.StringVar(&opts.Dest, "dest", "", "the output folder `DEST` (default: SITE/public)")
	fs.alias("d", "dest")
	fs.StringVar(&opts.BaseURL, "base-url", "", "the site's address `URL`, instead of site.toml's base_url")
	fs.BoolVar(&opts.Unapproved, "unapproved", false, "also publish the profiles the partner has not approved, each with a banner (for staff previews)")
	fs.BoolVar(&opts.Force, "force", false, "replace `DEST` even when it holds files that no build wrote (a .git inside is kept)")
	if _, err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	opts.Site = *site
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
