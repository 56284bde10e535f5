package sitetest

import (
	"os"
	"path/filepath"
	"testing"
)

// Write writes files (path relative to dir → text) into the folder dir.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Profile is a valid draft profile with the title and partner given,
// a tag, and a [private] table holding "PRIVATE-value".
func Profile(title, partner string) string {
	return `+++
title = "` + title + `"
status = "active"
start = 2025-09-02
tags = ["homework help"]

[partner]
name = "` + partner + `"

[review]
state = "draft"

[private]
contact = "PRIVATE-value Ana 555-0100"
+++

The story of ` + title + `.
`
}
