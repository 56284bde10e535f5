package serve

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/internal/sitetest"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/render"
)

// genProfile is a profile with the given parts; every one is valid.
func genProfile(title, partner, start, state string, tags []string, money int) string {
	q := make([]string, len(tags))
	for i, t := range tags {
		q[i] = fmt.Sprintf("%q", t)
	}
	date := ""
	if state == "approved" {
		date = "date = 2025-10-14\n"
	}
	return fmt.Sprintf(`+++
title = %q
summary = "About %s."
status = "active"
start = %s
tags = [%s]
branches = ["Beacon Branch"]

[partner]
name = %q
about = "A group called %s."

[review]
state = %q
%s
[[resources]]
from = "library"
kind = "money"
amount = %d

[[outcomes]]
measure = "People who came"
value = %d
unit = "people"

[private]
contact = "PRIVATE-value"
+++

The story of %s.
`, title, title, start, strings.Join(q, ", "), partner, partner, state, date, money, money%37, title)
}

var timestamp = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)`)

// TestIncrementalMatchesFull edits a site of 130 profiles at random (new,
// changed, moved in the lists, renamed, deleted, unapproved, bundles) and
// checks after each rebuild that every file the server holds is the one a
// full build of the same site makes, and that it holds no other.
func TestIncrementalMatchesFull(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	rng := rand.New(rand.NewPCG(7, 8))
	partners := []string{"Alpha Group", "Beta Group", "Gamma Group", "Hội Delta"}
	tags := []string{"ESL", "esl", "homework help", "gardening", "zines"}
	gen := func(i, step int) string {
		var ts []string
		for _, t := range tags {
			if rng.IntN(3) == 0 {
				ts = append(ts, t)
			}
		}
		state := "approved"
		if rng.IntN(5) == 0 {
			state = "draft"
		}
		return genProfile(fmt.Sprintf("Partnership %d.%d", i, step), partners[rng.IntN(len(partners))],
			fmt.Sprintf("2025-%02d-%02d", 1+rng.IntN(3), 1+rng.IntN(28)), state, ts, rng.IntN(5000))
	}
	files := map[string]string{
		"site.toml":              "title = \"Test\"\nbase_url = \"https://example.org/\"\nfiscal_year_start = \"07-01\"\n[open_data]\ngrant_prefix = \"360G-x\"\nfunder_id = \"XI-TEST-1\"\n",
		"content/_index.md":      "+++\ntitle = \"Home\"\n+++\nHello.\n",
		"content/pages/about.md": "+++\ntitle = \"About\"\nweight = 1\n+++\nAbout us.\n",
	}
	for i := range 130 {
		files[fmt.Sprintf("content/partnerships/p%03d.md", i)] = gen(i, 0)
	}
	dir := t.TempDir()
	sitetest.Write(t, dir, files)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	s, err := New(Options{Site: dir, Port: 0, Clock: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.ln.Close()
	defer s.stopSummaries()
	ctx := context.Background()
	s.build(ctx, nil)
	for step := 1; step <= 40; step++ {
		var touched []string
		for range 1 + rng.IntN(3) {
			i := rng.IntN(140)
			rel := fmt.Sprintf("content/partnerships/p%03d.md", i)
			p := filepath.Join(dir, rel)
			switch rng.IntN(8) {
			case 0:
				os.Remove(p)
			case 6:
				rel = "content/pages/about.md"
				os.WriteFile(filepath.Join(dir, rel), []byte(fmt.Sprintf("+++\ntitle = \"About\"\nweight = 1\n+++\nAbout us, %d.\n", step)), 0o644)
			case 1:
				b := filepath.Join(dir, fmt.Sprintf("content/partnerships/b%03d", i))
				os.MkdirAll(b, 0o755)
				os.WriteFile(filepath.Join(b, "index.md"), []byte(gen(i, step)), 0o644)
				os.WriteFile(filepath.Join(b, "photo.png"), []byte(fmt.Sprint("png", step)), 0o644)
				touched = append(touched, fmt.Sprintf("content/partnerships/b%03d", i))
			default:
				os.WriteFile(p, []byte(gen(i, step)), 0o644)
			}
			touched = append(touched, rel)
		}
		s.build(ctx, touched)
		if f := s.cur.Load().fail; f != nil {
			t.Fatalf("step %d: the build failed:\n%s", step, f.overlay)
		}
		compareWithFull(t, s, dir, now, fmt.Sprintf("step %d (%v)", step, touched))
	}
}

// compareWithFull renders the site in dir from scratch and compares.
func compareWithFull(t *testing.T, s *Server, dir string, now time.Time, what string) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site, probs := content.Load(root.FS())
	if len(probs.Errors()) > 0 {
		t.Fatal(probs)
	}
	r, err := render.New(root.FS(), site.Config.Theme)
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	opts := render.Options{BaseURL: s.origin() + site.Config.BasePath(), Unapproved: true, Now: now}
	if _, err := r.Render(context.Background(), site, root.FS(), opts, mem); err != nil {
		t.Fatal(err)
	}
	snap := s.Snapshot()
	want := map[string]bool{}
	for _, name := range mem.Names() {
		want[name] = true
		data, _ := mem.Get(name)
		f, ok := snap.Get(name)
		switch {
		case !ok:
			t.Errorf("%s: %s is missing", what, name)
		case !bytes.Equal(timestamp.ReplaceAll(f.Data, nil), timestamp.ReplaceAll(data, nil)):
			t.Errorf("%s: %s differs from a full build:\n%s", what, name, firstDiff(f.Data, data))
		}
	}
	for _, name := range snap.Names() {
		if !want[name] && !(snap.deferred != nil && snap.deferred.Owns(name)) {
			t.Errorf("%s: %s should not be there", what, name)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-200)
	return fmt.Sprintf("got:  …%s…\nwant: …%s…", got[lo:min(len(got), i+200)], want[lo:min(len(want), i+200)])
}
