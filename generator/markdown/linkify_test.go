package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Markdown rendered with quickLinkify is what goldmark's own GFM makes of
// it: the same links, at the same places, and the same text around them.
func FuzzQuickLinkify(f *testing.F) {
	for _, s := range []string{
		"See https://example.org/a_b and www.example.org, or write to ana@example.org.",
		"(http://x.example/) *www.x.example* _ftp://files.example/_ ~mailto:ana@x.example~",
		"a@b.c x@y hello@world.example. joe_@example.org-x",
		"\thttps://tab.example\nline https://two.example\n\n> quoted www.q.example\n",
		"| a | https://cell.example |\n|---|---|\n| b@c.example | www.d.example |\n",
		"[label https://in.label.example](https://dest.example) ![alt www.x.example](p.png)",
		"averyveryveryveryveryveryveryveryveryveryveryveryveryveryverylongname@example.org",
		"HTTPS://upper.example WWW.UPPER.EXAMPLE http:// www. @",
		"write to partnerships.coordinator.riverside@library.example today",
		"a ~https://tilde.example b _www.under.example c *ftp://star.example d",
	} {
		f.Add(s)
	}
	ours := goldmark.New(goldmark.WithExtensions(gfm, extension.Footnote))
	theirs := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	f.Fuzz(func(t *testing.T, s string) {
		var a, b bytes.Buffer
		errA := ours.Convert([]byte(s), &a)
		errB := theirs.Convert([]byte(s), &b)
		if (errA == nil) != (errB == nil) || a.String() != b.String() {
			t.Fatalf("%q:\nquickLinkify: %s (%v)\ngoldmark:     %s (%v)", s, a.String(), errA, b.String(), errB)
		}
	})
}
