package review

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

var (
	cfg      = content.Defaults()
	approval = Approval{Date: content.DateOf(2026, 3, 14), By: "Board, Familias Unidas"}
)

func approve(t *testing.T, in string) string {
	t.Helper()
	out, p, err := Approve("content/partnerships/x.md", []byte(in), &cfg, approval)
	if err != nil {
		t.Fatalf("Approve: %v", err)
	}
	if !p.Current() || p.Review.State != "approved" {
		t.Fatalf("after Approve: state %q, current %v", p.Review.State, p.Current())
	}
	return string(out)
}

// fp is the fingerprint content computes for a profile file.
func fp(t *testing.T, data string) string {
	t.Helper()
	p, probs := content.ParseProfile("content/partnerships/x.md", []byte(data), &cfg)
	if p == nil {
		t.Fatalf("cannot parse: %v", probs)
	}
	return p.Fingerprint
}

const front = `+++
# Notes for staff: never published.
title   =   "Homework Help"   # the name
status = "active"
start = 2025-09-02

[partner]
name = "Familias Unidas"
`

const story = `+++

The story, with a [link](#top).
`

func TestApproveEditsInPlace(t *testing.T) {
	in := front + `
[review]   # consent
state = "in_review"        # draft | in_review | changes_requested | approved
date = "2025-10-01"
note = "Asked us to remove a photo."
by = """
Someone,
somewhere"""   # multi-line

[[resources]]
from = "library"
kind = "money"
amount = 10
` + story
	got := approve(t, in)
	fingerprint := fp(t, in)
	want := front + `
[review]   # consent
fingerprint = "` + fingerprint + `"
state = "approved"        # draft | in_review | changes_requested | approved
date = 2026-03-14
note = "Asked us to remove a photo."
by = "Board, Familias Unidas"   # multi-line

[[resources]]
from = "library"
kind = "money"
amount = 10
` + story
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestApproveAddsTable(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{
			"before the first array of tables and its comments",
			front + "\n# what each side put in\n[[resources]]\nfrom = \"partner\"\nkind = \"space\"\namount = 1\n" + story,
			front + "\n[review]\nstate = \"approved\"\ndate = 2026-03-14\nby = \"Board, Familias Unidas\"\nfingerprint = \"FP\"\n\n# what each side put in\n[[resources]]\nfrom = \"partner\"\nkind = \"space\"\namount = 1\n" + story,
		},
		{
			"before [private]",
			front + "[private]\ncontact = \"Ana, 555-0100\"\n" + story,
			front + "\n[review]\nstate = \"approved\"\ndate = 2026-03-14\nby = \"Board, Familias Unidas\"\nfingerprint = \"FP\"\n\n[private]\ncontact = \"Ana, 555-0100\"\n" + story,
		},
		{
			"at the end of the front matter",
			front + story,
			front + "\n[review]\nstate = \"approved\"\ndate = 2026-03-14\nby = \"Board, Familias Unidas\"\nfingerprint = \"FP\"\n" + story,
		},
		{
			"missing keys after the header",
			front + "[review]\nnote = \"n\"\n" + story,
			front + "[review]\nstate = \"approved\"\ndate = 2026-03-14\nby = \"Board, Familias Unidas\"\nfingerprint = \"FP\"\nnote = \"n\"\n" + story,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := approve(t, tt.in)
			want := strings.Replace(tt.want, "FP", fp(t, tt.in), 1)
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestApproveKeepsEveryOtherByte approves every profile of the sample
// site, as is, with CRLF line endings and with a byte order mark, and
// checks that only the lines of the four [review] keys changed.
func TestApproveKeepsEveryOtherByte(t *testing.T) {
	files, _ := filepath.Glob("../../content/partnerships/*.md")
	more, _ := filepath.Glob("../../content/partnerships/*/index.md")
	files = append(files, more...)
	files = slices.DeleteFunc(files, func(f string) bool { _, _, tr := content.TranslationOf(filepath.Base(f)); return tr })
	if len(files) < 10 {
		t.Fatalf("found %d sample profiles", len(files))
	}
	toml, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, probs := content.ParseConfig("site.toml", toml) // the sample's measures
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel := "content/partnerships/x.md"
		if filepath.Base(f) == "index.md" {
			rel = "content/partnerships/x/index.md" // a bundle's, which may show photos
		}
		variants := map[string][]byte{
			"lf":       data,
			"crlf":     bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")),
			"bom+crlf": append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...),
		}
		for name, in := range variants {
			out, p, err := Approve(rel, in, &cfg, approval)
			if err != nil {
				t.Errorf("%s (%s): %v", f, name, err)
				continue
			}
			if !p.Current() || p.Review.By != approval.By {
				t.Errorf("%s (%s): not current after approve", f, name)
			}
			if a, b := withoutReviewKeys(in), withoutReviewKeys(out); !bytes.Equal(a, b) {
				t.Errorf("%s (%s): bytes outside the [review] keys changed:\n%q\n%q", f, name, a, b)
			}
			if name != "lf" && bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
				t.Errorf("%s (%s): a line lost its CRLF ending", f, name)
			}
		}
	}
}

// withoutReviewKeys drops the lines of [review]'s state, date, by and
// fingerprint keys, keeping every other byte (line endings included).
func withoutReviewKeys(data []byte) []byte {
	var out []byte
	in := false
	for line := range bytes.Lines(data) {
		t := strings.TrimSpace(string(line))
		if strings.HasPrefix(t, "[") {
			in = strings.HasPrefix(t, "[review]")
		}
		if in {
			key, _, _ := strings.Cut(t, "=")
			switch strings.TrimSpace(key) {
			case "state", "date", "by", "fingerprint":
				continue
			}
		}
		out = append(out, line...)
	}
	return out
}

func TestApproveThenEdit(t *testing.T) {
	in := front + "[review]\nstate = \"draft\"\n" + story
	out := approve(t, in)
	current := func(data string) bool {
		p, probs := content.ParseProfile("content/partnerships/x.md", []byte(data), &cfg)
		if p == nil || len(probs.Errors()) > 0 {
			t.Fatalf("cannot parse: %v", probs)
		}
		return p.Current()
	}
	same := map[string]string{
		"CRLF":              strings.ReplaceAll(out, "\n", "\r\n"),
		"a byte order mark": "\xef\xbb\xbf" + out,
		"a comment":         strings.Replace(out, "[partner]", "[partner] # who", 1),
		"review.note":       strings.Replace(out, "[review]", "[review]\nnote = \"public note\"", 1),
		"[private]":         strings.Replace(out, "+++\n\n", "[private]\nx = 1\n+++\n\n", 1),
		"trailing newlines": out + "\n\n",
	}
	for what, data := range same {
		if !current(data) {
			t.Errorf("changing %s broke the approval", what)
		}
	}
	changed := map[string]string{
		"the title":     strings.Replace(out, `"Homework Help"`, `"Homework help"`, 1),
		"the body":      strings.Replace(out, "The story", "The stories", 1),
		"a date":        strings.Replace(out, "2025-09-02", "2025-09-03", 1),
		"a new key":     strings.Replace(out, "[partner]\n", "[partner]\nabout = \"x\"\n", 1),
		"the partner":   strings.Replace(out, `"Familias Unidas"`, `"Familias Unidas "`, 1),
		"a body space":  strings.Replace(out, "a [link]", "a  [link]", 1),
		"a new section": out + "\n## More\n",
	}
	for what, data := range changed {
		if data == out {
			t.Fatalf("test edit of %s changed nothing", what)
		}
		if current(data) {
			t.Errorf("changing %s kept the approval current", what)
		}
	}
}

func TestApproveRefuses(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a profile with errors", front + "[[asks]]\nask = \"x\"\nstatus = \"declined\"\n" + story, "asks[1].reason"},
		{"an inline review table", front[:strings.Index(front, "[partner]")] + "review = { state = \"draft\" }\n[partner]\nname = \"P\"\n" + story, "inline table"},
		{"dotted review keys", strings.Replace(front, "status =", "review.state = \"draft\"\nstatus =", 1) + story, "dotted key"},
		{"not a profile", "no front matter", "+++"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := Approve("content/partnerships/x.md", []byte(tt.in), &cfg, approval)
			if err == nil || out != nil {
				t.Fatalf("Approve succeeded:\n%s", out)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
		})
	}
	if _, _, err := Approve("content/partnerships/x.md", []byte(front+story), &cfg, Approval{Date: approval.Date, By: "Ana, ana@example.org"}); err == nil || !strings.Contains(err.Error(), "looks like an email address") {
		t.Errorf("approve by a contact: %v", err)
	}
	var ps content.Problems
	_, _, err := Approve("content/partnerships/x.md", []byte(tests[0].in), &cfg, approval)
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Line != 9 {
		t.Errorf("errors of the profile: %#v", err)
	}
}

func TestApproveRepairsReviewErrors(t *testing.T) {
	in := front + "[review]\nstate = \"aproved\"\ndate = \"14 March\"\n" + story
	got := approve(t, in)
	if !strings.HasSuffix(got, "fingerprint = \""+fp(t, in)+"\"\nstate = \"approved\"\ndate = 2026-03-14\n"+story) {
		t.Errorf("got\n%s", got)
	}
}

func TestApproveEscapes(t *testing.T) {
	a := Approval{Date: approval.Date, By: "Junta \"directiva\", Hội \\ Việt\ttab"}
	_, p, err := Approve("content/partnerships/x.md", []byte(front+story), &cfg, a)
	if err != nil {
		t.Fatal(err)
	}
	if p.Review.By != a.By {
		t.Errorf("by = %q, want %q", p.Review.By, a.By)
	}
}

func FuzzApprove(f *testing.F) {
	f.Add([]byte(front + "[review]\nstate = \"draft\"\n" + story))
	f.Add([]byte(front + "[[resources]]\nfrom = \"library\"\nkind = \"space\"\namount = 1\n" + story))
	f.Add([]byte(strings.ReplaceAll(front+"[review]\nby = '''x'''\n"+story, "\n", "\r\n")))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, p, err := Approve("content/partnerships/x.md", data, &cfg, approval)
		if err != nil {
			if strings.Contains(err.Error(), "bug") {
				t.Fatalf("%v:\n%q", err, data)
			}
			return
		}
		if !p.Current() {
			t.Fatalf("not current:\n%s", out)
		}
	})
}
