package main

import (
	"context"
	"time"

	"github.com/alongside-dev/alongside/generator/serve"
)

func init() {
	register("serve", &command{
		usage: "serve [-s SITE] [--bind 127.0.0.1] [--port 1313] [--poll DURATION]",
		help:  "serve the site from memory, every profile included, rebuilding it as files change",
		long: `Serve the site at http://127.0.0.1:1313/ from memory, every profile included
(the unapproved ones under a "Not yet approved" banner). Save a file and the
pages that show it are rebuilt and the browser tabs showing them reload.
A save with errors keeps the last good pages online and shows the errors.
Ctrl-C stops it.`,
		run: runServe,
	})
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags("serve", e)
	opts := serve.Options{Stdout: e.stdout, Stderr: e.stderr}
	site := siteFlag(fs)
	fs.StringVar(&opts.Bind, "bind", "127.0.0.1", "the `ADDRESS` to listen on (0.0.0.0 for every network)")
	fs.IntVar(&opts.Port, "port", 1313, "the `PORT` to listen on; 0 picks a free one")
	fs.DurationVar(&opts.Poll, "poll", 0, "look for changes this often (e.g. 1s), for shared drives where file events do not arrive")
	if _, err := parse(fs, args, 0, 0); err != nil {
		return err
	}
	opts.Site = *site
	if opts.Port < 0 || opts.Port > 65535 {
		return usagef("--port %d is not a port (0 to 65535)", opts.Port)
	}
	if opts.Poll < 0 || opts.Poll > 0 && opts.Poll < 10*time.Millisecond {
		return usagef("--poll %s is too short (use at least 10ms, e.g. 1s)", opts.Poll)
	}
	s, err := serve.New(opts)
	if err != nil {
		return err
	}
	return s.Run(ctx)
}
