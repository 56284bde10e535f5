package review

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
)

// The text that `alongside new` and `alongside init` write for staff to
// replace: when it is still there, check says so.
var (
	// templateStory are the first words of each template's story.
	templateStory = []string{
		"Tell the story of the partnership here",                // alongside new
		"parents from Vecinos de Riverside asked the Riverside", // alongside init's example
	}
	// templateSummary are the summaries of the templates.
	templateSummary = []string{
		"Homework help in Spanish and English for middle schoolers, every Saturday morning at the Riverside Branch.",
	}
	// placeholderNames are init's names of the library and the site.
	placeholderNames = []string{"Example Public Library", "Partnerships at Example Public Library"}
	// placeholderIDRE matches init's funder identifier (all zeros) and
	// grant prefix (with "example" in it).
	placeholderIDRE = regexp.MustCompile(`(?i)^[A-Z]{2}-[A-Z]+-[0-]+$|example`)
)

// templateWarnings are the warnings about text of p left from the
// templates, and about an approved profile without a summary.
func (c *Checker) templateWarnings(p *content.Profile, warn func(key, field, format string, args ...any)) {
	for _, s := range templateSummary {
		if p.Summary == s {
			warn("summary", "summary", "still the example's summary from alongside init: write one sentence about this partnership")
		}
	}
	if p.Approved() && strings.TrimSpace(p.Summary) == "" {
		warn("summary", "summary", "empty, on an approved profile: lists, search results and the feed show nothing for it (write one sentence about the partnership)")
	}
}

// storyTemplate returns the warning about a story still holding a
// template's text, at its line.
func storyTemplate(p *content.Profile, body []byte) content.Problems {
	for _, t := range templateStory {
		i := bytes.Index(body, []byte(t))
		if i < 0 {
			continue
		}
		line := p.BodyLine + bytes.Count(body[:i], newline)
		col := i - bytes.LastIndexByte(body[:i], '\n')
		return content.Problems{{Path: p.Path, Line: line, Col: col, Field: "body", Warning: true,
			Message: "the story is still the template's text (" + strconv.Quote(t+"…") + "): tell the story of this partnership before it is published"}}
	}
	return nil
}

// Placeholders returns the warnings about placeholders left in
// site.toml: the names of the library and the site that alongside init
// writes, a base_url or corrections address at a domain reserved for
// examples (example.org, example.com, example.net and their subdomains,
// and names ending in .example, .test, .invalid or .localhost), whose
// pages or email can never reach anyone, and init's 360Giving grant
// prefix and funder identifier. fsys is the site folder, read again for
// the lines of the keys; with a nil fsys they are at line 1.
func Placeholders(fsys fs.FS, cfg *content.Config) content.Problems {
	var ps content.Problems
	var lines map[string][2]int
	warn := func(key, format string, args ...any) {
		if lines == nil {
			lines = keyLines(fsys, "site.toml")
		}
		at, ok := lines[key]
		if !ok {
			at = [2]int{1, 1}
		}
		ps = append(ps, content.Problem{Path: "site.toml", Line: at[0], Col: at[1], Field: key, Warning: true,
			Message: fmt.Sprintf(format, args...)})
	}
	for _, n := range placeholderNames {
		if cfg.Title == n {
			warn("title", "%q is the placeholder from alongside init: write your site's name", cfg.Title)
		}
		if cfg.Library == n {
			warn("library", "%q is the placeholder from alongside init: write your library's name", cfg.Library)
		}
	}
	if host := hostOf(cfg.BaseURL); reservedDomain(host) {
		warn("base_url", "%q is a placeholder (%s is reserved for examples): write the address where the site will be published, or build with --base-url", cfg.BaseURL, host)
	}
	if addr, ok := strings.CutPrefix(cfg.Corrections, "mailto:"); ok {
		addr, _, _ = strings.Cut(addr, "?")
		if _, domain, _ := strings.Cut(addr, "@"); reservedDomain(domain) {
			warn("corrections", "%q is a placeholder (%s is reserved for examples): partners' corrections and their answers to proofs would go nowhere; write your library's address", cfg.Corrections, domain)
		}
	} else if host := hostOf(cfg.Corrections); reservedDomain(host) {
		warn("corrections", "%q is a placeholder (%s is reserved for examples): write the address of your corrections form", cfg.Corrections, host)
	}
	if cfg.OpenData.GrantPrefix != "" && placeholderIDRE.MatchString(cfg.OpenData.GrantPrefix) {
		warn("open_data.grant_prefix", "%q is a placeholder: write the prefix 360Giving gave your library", cfg.OpenData.GrantPrefix)
	}
	if cfg.OpenData.FunderID != "" && placeholderIDRE.MatchString(cfg.OpenData.FunderID) {
		warn("open_data.funder_id", "%q is a placeholder: write your library's identifier from org-id.guide", cfg.OpenData.FunderID)
	}
	return ps
}

func hostOf(addr string) string {
	u, err := url.Parse(addr)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// reservedDomain reports whether host is a name reserved for examples
// and tests (RFC 2606, RFC 6761): no one can be reached there.
func reservedDomain(host string) bool {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	for _, d := range []string{"example.org", "example.com", "example.net"} {
		if h == d || strings.HasSuffix(h, "."+d) {
			return true
		}
	}
	for _, tld := range []string{".example", ".test", ".invalid", ".localhost"} {
		if strings.HasSuffix(h, tld) {
			return true
		}
	}
	return false
}

// keyLine matches a key and its value on a line of TOML: key = value.
var keyLineRE = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+)\s*=\s*`)
var tableRE = regexp.MustCompile(`^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]`)

// keyLines returns the line and the column of the value of each key of
// the simple TOML file name ("open_data.funder_id" for a key of a table).
func keyLines(fsys fs.FS, name string) map[string][2]int {
	out := map[string][2]int{}
	if fsys == nil {
		return out
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return out
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	table, n := "", 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if m := tableRE.FindStringSubmatch(line); m != nil {
			table = m[1] + "."
			continue
		}
		if m := keyLineRE.FindStringSubmatchIndex(line); m != nil {
			key := table + line[m[2]:m[3]]
			if _, seen := out[key]; !seen {
				out[key] = [2]int{n, len([]rune(line[:m[1]])) + 1}
			}
		}
	}
	return out
}
