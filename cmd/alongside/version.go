package main

import (
	"context"
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
)

func init() {
	register("version", &command{
		usage: "version",
		help:  "print the version of alongside and the commit it was built from (also --version)",
		run: func(ctx context.Context, e *env, args []string) error {
			if _, err := parse(newFlags("version", e), args, 0, 0); err != nil {
				return err
			}
			bi, _ := debug.ReadBuildInfo()
			fmt.Fprintln(e.stdout, "alongside", versionText(bi))
			return nil
		},
	})
}

// pseudoRE matches the commit at the end of a pseudo-version
// (v0.0.0-20260314120000-1a2b3c4d5e6f), as `go install …@latest` gives
// a module without a release tag.
var pseudoRE = regexp.MustCompile(`-(?:\d+\.)?\d{14}-([0-9a-f]{12})(?:\+.*)?$`)

// versionText is the module version and the VCS commit of the build:
// "v1.2.0 (commit 1a2b3c4d5e6f, go1.26.0)". A build from a work tree has
// the version "(devel)", its commit from the VCS stamp ("+dirty" when it
// had changes); an install of a version has it from the module version.
func versionText(bi *debug.BuildInfo) string {
	if bi == nil {
		return "(unknown version: built without module information)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	commit, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if commit == "" {
		if m := pseudoRE.FindStringSubmatch(v); m != nil {
			commit = m[1]
		}
	}
	var about []string
	switch {
	case commit == "":
		about = append(about, "commit unknown")
	default:
		if len(commit) > 12 {
			commit = commit[:12]
		}
		if dirty {
			commit += "+dirty"
		}
		about = append(about, "commit "+commit)
	}
	if bi.GoVersion != "" {
		about = append(about, bi.GoVersion)
	}
	return v + " (" + strings.Join(about, ", ") + ")"
}
