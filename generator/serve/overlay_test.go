package serve

import (
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

func TestPrivateLines(t *testing.T) {
	// Each line ending in "!" must be hidden, and only those. When in
	// doubt, hide: a key called private in another table is hidden too.
	for _, src := range []string{
		`+++
title = "x"
[private]!
contact = "Ana"!
notes = """!
[partner]!
name = "not a table"!
"""!
# a comment in private!
!
[partner]
name = "P"
+++
[private]
body text is never TOML`,
		`+++
private.contact = "Ana"!
"private".notes = 'x'!
private = { a = 1 }!
title = "x"
[review]
private = "a key of review, hidden all the same"!
[ private . sub ]!
x = 1!
[[private.list]]!
y = [!
  "[partner]",!
]!
[partner]
name = "P"
+++`,
		// Broken: an unclosed public string swallows the [private] table,
		// which is still hidden.
		`+++
summary = """unclosed
[private]!
contact = "Ana"!
+++`,
		// Broken: an unclosed private string hides what follows it.
		`+++
[private]!
notes = """unclosed!
[partner]!
name = "P"!
+++`,
		// site.toml: the whole file is TOML.
		`title = "x"
[private]!
a = 1!`,
	} {
		lines := strings.Split(src, "\n")
		var clean []string
		for _, l := range lines {
			clean = append(clean, strings.TrimSuffix(l, "!"))
		}
		hide := privateLines([]byte(strings.Join(clean, "\n")))
		for i, l := range lines {
			if want := strings.HasSuffix(l, "!"); hide[i] != want {
				t.Errorf("line %d %q: hidden %v, want %v\n%s", i+1, clean[i], hide[i], want, src)
			}
		}
	}
}

func TestOverlayHidesPrivate(t *testing.T) {
	src := []byte(`+++
title = "<b>x</b>"
status = "bad"
[private]
contact = "PRIVATE-secret"
+++
`)
	probs := content.Problems{
		{Path: "content/partnerships/x.md", Line: 3, Col: 10, Field: "status", Message: `"bad" is not a status`},
		{Path: "content/partnerships/x.md", Line: 5, Col: 11, Field: "private.contact", Message: `TOML syntax near "PRIVATE-secret"`},
		{Path: "content/partnerships/x.md", Line: 1, Col: 1, Message: "a warning", Warning: true},
	}
	f := newFailure(probs, nil, func(string) []byte { return src })
	html := string(f.overlay)
	for _, want := range []string{
		"content/partnerships/x.md:3:10: status: &#34;bad&#34; is not a status",
		"&lt;b&gt;x&lt;/b&gt;",
		"‹[private] line not shown›",
		"content/partnerships/x.md:5:11: private.contact: an error in the [private] table",
		"2 errors in 1 file",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the overlay lacks %q:\n%s", want, html)
		}
	}
	for _, bad := range []string{"PRIVATE-secret", "<b>x", "a warning"} {
		if strings.Contains(html, bad) {
			t.Errorf("the overlay shows %q:\n%s", bad, html)
		}
	}
}

func TestOverlayLimitsProblems(t *testing.T) {
	var probs content.Problems
	for i := range 30 {
		probs = append(probs, content.Problem{Path: "a.md", Line: i + 1, Col: 1, Message: "bad"})
	}
	f := newFailure(probs, nil, func(string) []byte { return nil })
	if got := strings.Count(string(f.overlay), "a.md:"); got != maxShown {
		t.Errorf("%d problems shown, want %d", got, maxShown)
	}
	if !strings.Contains(string(f.overlay), "and 10 more") {
		t.Errorf("the overlay does not say how many more")
	}
}
