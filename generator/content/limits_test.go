package content_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
)

const validFront = `+++
title = "Homework help"
status = "active"
start = 2025-09-02
[partner]
name = "Familias Unidas"
[review]
state = "draft"
`

// Hostile files fail fast, with an error at a position, before the TOML
// or Markdown parsers see them.
func TestInputLimits(t *testing.T) {
	deep := strings.Repeat("{a=", 8000) + "1" + strings.Repeat("}", 8000)
	deepArray := strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)
	for _, c := range []struct {
		name  string
		file  string // the path, in the site
		data  string
		wants []want
	}{
		// At the 65th bracket.
		{"inline tables 8,000 deep", p + "a.md", validFront + "x = " + deep + "\n+++\n",
			[]want{{p + "a.md:9:197", "nested more than 64 deep"}}},
		{"arrays 100,000 deep", p + "a.md", validFront + "[private]\nx = " + deepArray + "\n+++\n",
			[]want{{p + "a.md:10:69", "nested more than 64 deep"}}},
		{"64 deep is fine", p + "a.md", validFront + "[private]\nx = " + strings.Repeat("[", 64) + strings.Repeat("]", 64) + "\n+++\n", nil},
		{"a deep site.toml", "site.toml", "title = \"x\"\nx = " + deep + "\n",
			[]want{{"site.toml:2:197", "nested more than 64 deep"}}},
		{"front matter over 1 MB", p + "a.md", validFront + "summary = \"" + strings.Repeat("x", 1<<20) + "\"\n+++\n",
			[]want{{p + "a.md:1:1", "the front matter is 1 MB: at most 1 MB"}}},
		{"story over 5 MB", p + "a.md", validFront + "+++\n" + strings.Repeat("Words words.\n", 420_000),
			[]want{{p + "a.md:10:1: body", "the story is 5.2 MB: at most 5 MB"}}},
		{"file over the limit", p + "a.md", validFront + "+++\n" + strings.Repeat("x", 7<<20),
			[]want{{p + "a.md:1:1", "the file is larger than 6 MB"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, got := load(t, "", func(fsys fstest.MapFS) {
				fsys[c.file] = &fstest.MapFile{Data: []byte(c.data)}
			})
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			matchProblems(t, got, c.wants)
		})
	}
}

// Control characters never reach a story's HTML, and the loader says
// where it removed them; pathological brackets are neutralized with a
// warning.
func TestStoryCleaned(t *testing.T) {
	fsys := fstest.MapFS{
		p + "a.md": {Data: []byte(validFront + "+++\nFine.\nA \x0b vertical tab, an \x1b[2J escape, a \ufffe non-character.\n\n" + strings.Repeat("[a](", 50_000) + "\n")},
	}
	start := time.Now()
	site, probs := content.Load(fsys)
	var got []string
	for _, pr := range probs {
		got = append(got, pr.String())
	}
	matchProblems(t, got, []want{
		{p + "a.md:11:3: warning: body", "3 control character(s) removed from the story, the first (U+000B)"},
		{p + "a.md:13:1: warning: body", "1 line(s) hold so many brackets"},
	})
	body, err := site.Profiles[0].ReadBody(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(string(body), "\x0b\x1b\ufffe") {
		t.Errorf("the story keeps control characters: %.80q", body)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("loading took %v", d)
	}
}
