package serve

import (
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

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
