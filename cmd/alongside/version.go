package main

import (
	"context"
	"fmt"
	"runtime/debug"
)

func init() {
	register("version", &command{
		usage: "version",
		help:  "print the version",
		run: func(ctx context.Context, e *env, args []string) error {
			if _, err := parse(newFlags("version", e), args, 0, 0); err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, "alongside", version())
			return nil
		},
	})
}

// version is the module version, or the VCS revision of a development build.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	if v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return "devel " + rev
}
