package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestMain points the user's cache folder (os.UserCacheDir: XDG_CACHE_HOME
// or HOME, LocalAppData on Windows) at a temporary folder, so that no
// build of the tests writes into the real one.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "alongside-home-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, v := range []string{"XDG_CACHE_HOME", "HOME", "LocalAppData"} {
		os.Setenv(v, dir)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// writeSite writes files (path → text) into a new temporary site folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

const goodProfile = `+++
title = "Homework Help"
status = "active"
start = 2025-09-02

[partner]
name = "Familias Unidas"

[review]
state = "approved"
date = 2025-10-14

[private]
contact = "PRIVATE-marker 555-0100"
+++

A story.
`

const badProfile = `+++
title = "Broken"
status = "actve"
start = 2025-09-02

[partner]
name = "X"

[review]
state = "draft"
+++
`

func TestExitCodes(t *testing.T) {
	good := writeSite(t, map[string]string{"content/partnerships/homework-help.md": goodProfile})
	goodWithURL := writeSite(t, map[string]string{"site.toml": "base_url = \"https://example.org/\"\n[open_data]\nlicense = \"https://creativecommons.org/licenses/by/4.0/\"\n", "content/partnerships/homework-help.md": goodProfile})
	bad := writeSite(t, map[string]string{"site.toml": "[open_data]\nlicense = \"https://creativecommons.org/licenses/by/4.0/\"\n", "content/partnerships/broken.md": badProfile})
	tests := []struct {
		args      []string
		code      int
		stdout    string
		stderr    string
		noStderr  bool
		notStderr string
	}{
		{args: nil, code: 2, stderr: "Usage:"},
		{args: []string{"frobnicate"}, code: 2, stderr: `unknown command "frobnicate"`},
		{args: []string{"help"}, code: 0, stdout: "  build      build the site"},
		{args: []string{"version"}, code: 0, stdout: "alongside "},
		{args: []string{"build", "--nope"}, code: 2, stderr: "usage: alongside build"},
		{args: []string{"build", "extra"}, code: 2, stderr: `unexpected argument "extra"`},
		{args: []string{"check", "-s", good}, code: 0, stdout: "1 profiles checked", stderr: "site.toml:1:1: warning: base_url: not set"},
		{args: []string{"check", "-s", goodWithURL}, code: 0, stdout: "1 profiles checked", notStderr: "base_url: not set"},
		{args: []string{"check", "-s", bad}, code: 1, stderr: "content/partnerships/broken.md:3:10: status: \"actve\" is not one of"},
		{args: []string{"check", "-s", bad}, code: 1, stderr: "1 error in 1 file"},
		{args: []string{"build", "-s", bad, "-d", filepath.Join(t.TempDir(), "out")}, code: 1, stderr: "broken.md:3:10: status:"},
		{args: []string{"build", "-s", filepath.Join(good, "missing")}, code: 2, stderr: "missing"},
		{args: []string{"build", "-s", good, "-d", good}, code: 1, stderr: "holds the site itself"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout %q does not contain %q", stdout, tt.stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.stderr)
			}
			if tt.notStderr != "" && strings.Contains(stderr, tt.notStderr) {
				t.Errorf("stderr = %q, want no %q", stderr, tt.notStderr)
			}
			if tt.noStderr && stderr != "" {
				t.Errorf("stderr = %q, want nothing", stderr)
			}
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") {
				t.Errorf("stderr has a Go stack trace: %s", stderr)
			}
		})
	}
}

func TestBuildFlagsAnyOrder(t *testing.T) {
	site := writeSite(t, map[string]string{"content/partnerships/homework-help.md": goodProfile})
	dest := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := runCLI(t, "build", "-d", dest, "-s", site, "--base-url", "https://example.org/sub")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "from 1 profiles (1 published)") {
		t.Errorf("summary = %q", stdout)
	}
	if _, err := os.Stat(filepath.Join(dest, "partnerships", "homework-help", "index.html")); err != nil {
		t.Error(err)
	}
}

// Every command answers help CMD, CMD -h and CMD --help with what it does
// and its flags in the --flag spelling, on stdout, with exit status 0.
func TestHelp(t *testing.T) {
	for name, c := range commands {
		for _, args := range [][]string{{"help", name}, {name, "-h"}, {name, "--help"}} {
			code, stdout, stderr := runCLI(t, args...)
			if code != 0 || stderr != "" {
				t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
			}
			if !strings.HasPrefix(stdout, "usage: alongside "+c.usage+"\n\n") {
				t.Errorf("%q: stdout does not start with the synopsis:\n%s", args, stdout)
			}
			if strings.Contains(c.usage, "-s SITE") && !strings.Contains(stdout, "  -s, --site SITE ") {
				t.Errorf("%q: the flags do not list -s, --site:\n%s", args, stdout)
			}
		}
	}
	code, stdout, _ := runCLI(t, "help", "build")
	for _, want := range []string{"  -d, --dest DEST  ", "      --base-url URL  ", "      --unapproved  ", "Build the published site"} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("help build lacks %q:\n%s", want, stdout)
		}
	}
	// The list of commands lines up: every description starts in one column.
	_, stdout, _ = runCLI(t, "help")
	col := -1
	for _, line := range strings.Split(stdout, "\n") {
		name, _, ok := strings.Cut(strings.TrimPrefix(line, "  "), " ")
		if !strings.HasPrefix(line, "  ") || !ok || commands[name] == nil {
			continue
		}
		at := strings.Index(line, commands[name].help)
		if col >= 0 && at != col {
			t.Errorf("%q is not lined up (column %d, want %d)", line, at, col)
		}
		col = at
	}
	if col < 0 {
		t.Errorf("help lists no command:\n%s", stdout)
	}
}

// Mistakes in the command line say what was meant, and exit 2.
func TestUsageMistakes(t *testing.T) {
	site := writeSite(t, map[string]string{"content/partnerships/homework-help.md": goodProfile})
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "--outdir", "x"}, "alongside build: unknown flag --outdir (did you mean --dest?)"},
		{[]string{"serve", "--prot", "1"}, "alongside serve: unknown flag --prot (did you mean --port?)"},
		{[]string{"proof", "x", "--out", "f"}, "alongside proof: unknown flag --out (did you mean --output?)"},
		{[]string{"check", "--stie", "."}, "alongside check: unknown flag --stie (did you mean --site?)"},
		{[]string{"approve", "x", "--by"}, "alongside approve: --by needs a value"},
		{[]string{"serve", "--port", "abc"}, `alongside serve: --port "abc": not valid`},
		{[]string{"bulid"}, `alongside: unknown command "bulid" (did you mean build?)`},
		{[]string{"aprove"}, `alongside: unknown command "aprove" (did you mean approve?)`},
		{[]string{"help", "chek"}, `unknown command "chek" (did you mean check?)`},
		{[]string{"check", "-s", filepath.Join(site, "nope")}, "alongside check: site folder " + filepath.Join(site, "nope") + ": no such file or directory"},
		{[]string{"review", "--site", filepath.Join(site, "site.toml", "x")}, "alongside review: site folder"},
	} {
		code, stdout, stderr := runCLI(t, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) || stdout != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q", tt.args, code, stdout, stderr, tt.want)
		}
	}
}

// The long flags --site, --dest and --output are the same flags as -s, -d
// and -o.
func TestLongFlags(t *testing.T) {
	site := writeSite(t, map[string]string{"content/partnerships/homework-help.md": goodProfile})
	dest := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runCLI(t, "build", "--site", site, "--dest", dest); code != 0 {
		t.Fatalf("build --site --dest: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		t.Error(err)
	}
	out := filepath.Join(t.TempDir(), "p.html")
	if code, _, stderr := runCLI(t, "proof", "--site="+site, "homework-help", "--output", out); code != 0 {
		t.Fatalf("proof --output: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version"} {
		code, stdout, _ := runCLI(t, arg)
		if code != 0 || !strings.HasPrefix(stdout, "alongside ") || !strings.Contains(stdout, "commit ") {
			t.Errorf("%s: exit %d, %q", arg, code, stdout)
		}
	}
	bi := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.0.0-20260314120000-1a2b3c4d5e6f"}}
	if got, want := versionText(bi), "v0.0.0-20260314120000-1a2b3c4d5e6f (commit 1a2b3c4d5e6f, go1.26.0)"; got != want {
		t.Errorf("versionText = %q, want %q", got, want)
	}
	bi = &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}
	if got, want := versionText(bi), "(devel) (commit 0123456789ab+dirty, go1.26.0)"; got != want {
		t.Errorf("versionText = %q, want %q", got, want)
	}
	bi = &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}
	if got, want := versionText(bi), "v1.2.0 (commit unknown)"; got != want {
		t.Errorf("versionText = %q, want %q", got, want)
	}
}
