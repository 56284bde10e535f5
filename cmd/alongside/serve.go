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
		run:   runServe,
	})
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags("serve", e)
	opts := serve.Options{Stdout: e.stdout, Stderr: e.stderr}
	fs.StringVar(&opts.Site, "s", ".", "site folder")
	fs.StringVar(&opts.Bind, "bind", "127.0.0.1", "address to listen on (0.0.0.0 for every network)")
	fs.IntVar(&opts.Port, "port", 1313, "port to listen on; 0 picks a free one")
	fs.DurationVar(&opts.Poll, "poll", 0, "find changes by polling this often (e.g. 1s), for shared drives where file events do not arrive")
	if _, err := parse(fs, args, 0, 0); err != nil {
		return err
	}
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
