package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
	code = run(context.Background(), args, &out, &errb)
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
		args     []string
		code     int
		stdout   string
		stderr   string
		noStderr bool
	}{
		{args: nil, code: 2, stderr: "Usage:"},
		{args: []string{"frobnicate"}, code: 2, stderr: `unknown command "frobnicate"`},
		{args: []string{"help"}, code: 0, stdout: "alongside build"},
		{args: []string{"version"}, code: 0, stdout: "alongside "},
		{args: []string{"build", "--nope"}, code: 2, stderr: "usage: alongside build"},
		{args: []string{"build", "extra"}, code: 2, stderr: `unexpected argument "extra"`},
		{args: []string{"check", "-s", good}, code: 0, stdout: "1 profiles checked", stderr: "site.toml:1:1: warning: base_url: not set"},
		{args: []string{"check", "-s", goodWithURL}, code: 0, stdout: "1 profiles checked", noStderr: true},
		{args: []string{"check", "-s", bad}, code: 1, stderr: "content/partnerships/broken.md:3:10: status: \"actve\" is not one of"},
		{args: []string{"check", "-s", bad}, code: 1, stderr: "1 error in 1 file"},
		{args: []string{"build", "-s", bad, "-d", filepath.Join(t.TempDir(), "out")}, code: 1, stderr: "broken.md:3:10: status:"},
		{args: []string{"build", "-s", filepath.Join(good, "missing")}, code: 1, stderr: "missing"},
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
