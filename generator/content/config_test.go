package content_test

import (
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

// base_url is an absolute http(s) address that every address of the site
// can follow: no query, fragment, spaces or markup.
func TestBaseURL(t *testing.T) {
	for _, c := range []struct{ url, why string }{
		{"https://partners.example.org/", ""},
		{"http://x.example/reports", ""},
		{"https://x.example/?q=1#frag", "query"},
		{"https://x.example/#frag", "fragment"},
		{"https://x.example/?", "query"},
		{"https://x.example/a b/", `" "`},
		{"https://x.example/<i>", `"<"`},
		{"https://x.example/\"onload=", `"\""`},
		{"ftp://x.example/", "https://"},
		{"x.example", "https://"},
		{"https:///path", "https://"},
		{"https://user:pw@x.example/", "user name"},
	} {
		_, probs := content.ParseConfig("site.toml", []byte("title = \"T\"\n\nbase_url = "+strconvQuote(c.url)+"\n"))
		got := strings.Join(func() []string {
			var s []string
			for _, p := range probs {
				s = append(s, p.String())
			}
			return s
		}(), "\n")
		switch {
		case c.why == "" && got != "":
			t.Errorf("%q: %s", c.url, got)
		case c.why != "" && (!strings.HasPrefix(got, "site.toml:3:12: base_url: ") || !strings.Contains(got, c.why)):
			t.Errorf("%q: got %q, want an error at 3:12 saying %s", c.url, got, c.why)
		}
	}
}

func strconvQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// A content file with an upper-case extension is not read, and says so.
func TestUpperCaseExtensionWarns(t *testing.T) {
	_, got := load(t, `
-- content/partnerships/a.MD --
+++
title = "x"
+++
-- content/pages/About.Md --
+++
title = "About"
+++
`)
	matchProblems(t, got, []want{
		{"content/pages/About.Md:1:1: warning", "ignored: only files ending in \".md\" (lower-case) are read; rename it to About.md"},
		{"content/partnerships/a.MD:1:1: warning", "rename it to a.md"},
	})
}
