package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alongside-dev/alongside/generator/content"
)

// txtarFS reads a txtar-like archive into a file system: each file starts
// with a "-- path --" line and holds the lines up to the next one. Text
// before the first file is a comment. A file ends with a newline, as when
// saved by an editor.
func txtarFS(t testing.TB, archive string) fstest.MapFS {
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
		trimmed := strings.TrimSuffix(line, "\n")
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

// load builds the site of an archive in memory, as `check` would, and
// returns it with every problem in the order they are reported.
func load(t testing.TB, archive string, edits ...func(fstest.MapFS)) (*content.Site, []string) {
	t.Helper()
	fsys := txtarFS(t, archive)
	for _, edit := range edits {
		edit(fsys)
	}
	site, probs := content.Load(fsys)
	if site == nil {
		t.Fatal("Load returned a nil site")
	}
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = p.String()
	}
	return site, out
}

// mustLoad loads a site that must have no problems at all.
func mustLoad(t testing.TB, archive string) *content.Site {
	t.Helper()
	site, probs := load(t, archive)
	if len(probs) > 0 {
		t.Fatalf("unexpected problems:\n%s", strings.Join(probs, "\n"))
	}
	return site
}

func TestTxtarFS(t *testing.T) {
	fsys := txtarFS(t, `comment
-- a.md --
one
-- dir/b.md --
two
three
-- empty.md --
-- c --
`)
	want := map[string]string{"a.md": "one\n", "dir/b.md": "two\nthree\n", "empty.md": "", "c": ""}
	if len(fsys) != len(want) {
		t.Fatalf("got %d files, want %d: %v", len(fsys), len(want), fsys)
	}
	for name, text := range want {
		f, ok := fsys[name]
		if !ok {
			t.Errorf("missing %s", name)
			continue
		}
		if string(f.Data) != text {
			t.Errorf("%s = %q, want %q", name, f.Data, text)
		}
	}
}
