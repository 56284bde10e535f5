// Package sitetest writes small sites inline, for tests: a txtar-like
// archive in which each file starts with a "-- path --" line and holds the
// lines up to the next one (text before the first file is a comment).
package sitetest

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alongside-dev/alongside/generator/content"
)

// FS reads archive into a file system. A path listed twice fails the test.
func FS(t testing.TB, archive string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	name := ""
	var text strings.Builder
	flush := func() {
		if name != "" {
			fsys[name] = &fstest.MapFile{Data: []byte(text.String()), Mode: 0o644}
		}
		text.Reset()
	}
	for line := range strings.Lines(archive) {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			name = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			if _, dup := fsys[name]; dup {
				t.Fatalf("archive lists %s twice", name)
			}
			continue
		}
		if name != "" {
			text.WriteString(line)
		}
	}
	flush()
	return fsys
}

// Load loads the site of archive and fails the test on any content error.
func Load(t testing.TB, archive string) *content.Site {
	t.Helper()
	site, probs := content.Load(FS(t, archive))
	if errs := probs.Errors(); len(errs) > 0 {
		t.Fatalf("the test site has errors:\n%v", errs)
	}
	return site
}
