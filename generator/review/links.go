package review

import (
	"bytes"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/markdown"
	"github.com/alongside-dev/alongside/generator/render"
	"github.com/alongside-dev/alongside/generator/urls"
)

// addresses is every path, below the site root, that the published site
// has: "/", "/about/", "/partnerships/x/", "/partnerships/x/photo.png"…,
// as render.Addresses lays them out.
type addresses struct {
	has         map[string]bool
	byDir       map[string][]string         // the addresses of has by parent folder, for suggestions
	unpublished map[string]*content.Profile // by slug: the profiles not approved
}

func siteAddresses(site *content.Site, today content.Date) *addresses {
	a := &addresses{has: map[string]bool{}, byDir: map[string][]string{}, unpublished: map[string]*content.Profile{}}
	for _, p := range render.Addresses(site, site.Published(false), today) {
		h := "/" + p
		a.has[h] = true
		a.byDir[parent(h)] = append(a.byDir[parent(h)], h)
	}
	for _, p := range site.Profiles {
		if !p.Approved() {
			a.unpublished[p.Slug] = p
		}
	}
	return a
}

// A target is where a link of the site leads: a path below the site root,
// and the unpublished profile it belongs to, if any.
type target struct {
	path        string
	unpublished *content.Profile
}

// broken reports whether dest, a link destination in the Markdown of the
// page at pageURL ("/partnerships/x/"), leads nowhere in the published
// site, and where it leads. self is the profile the page shows, or nil.
// Links to other sites, within the page, and to files that may be static
// files of the theme are never broken.
func (a *addresses) broken(dest, pageURL string, self *content.Profile) (target, bool) {
	p, ok := resolve(dest, pageURL)
	if !ok {
		return target{}, false
	}
	if a.has[p] || a.has[p+"/"] || strings.HasSuffix(p, "/index.html") && a.has[strings.TrimSuffix(p, "index.html")] {
		return target{}, false
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	if !section(first) && !strings.HasSuffix(p, "/") && strings.Contains(path.Base(p), ".") {
		return target{}, false // perhaps a static file of the theme
	}
	t := target{path: p}
	if rest, ok := strings.CutPrefix(p, "/partnerships/"); ok {
		slug, file, _ := strings.Cut(rest, "/")
		if self != nil && slug == self.Slug && (file == "" || slices.Contains(self.BundleFiles, file)) {
			return target{}, false // its own page or bundle file, published with it
		}
		t.unpublished = a.unpublished[slug]
	}
	return t, true
}

// resolve returns the path below the site root that dest leads to from
// the page at pageURL; ok is false when it leads to another site, to the
// page itself ("#notes", "?q=x"), or is not a web address at all.
func resolve(dest, pageURL string) (p string, ok bool) {
	if plainPath(dest) {
		return dest, true // most links: spared parsing
	}
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || strings.HasPrefix(dest, "//") || u.Path == "" {
		return "", false
	}
	base, _ := url.Parse(pageURL)
	p = base.ResolveReference(&url.URL{Path: u.Path}).Path
	if p == "" {
		p = "/"
	}
	return p, true
}

// plainPath reports whether dest is a path from the site root that
// resolves to itself: written with letters, digits and "-._~/" only, and
// no empty, "." or ".." segment.
func plainPath(dest string) bool {
	if !strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") {
		return false
	}
	for i := 0; i < len(dest); i++ {
		if c := dest[i]; !isLetter(c) && !isDigit(c) && strings.IndexByte("-._~/", c) < 0 {
			return false
		}
	}
	return path.Clean(dest) == strings.TrimSuffix(dest, "/") || dest == "/"
}

// section reports whether alongside makes the addresses that start with
// the segment first: a link there, or to an address that looks like a
// page (it ends in "/" or has no extension), must be one the site has; a
// link to another file ("/files/flyer.pdf") may be a static file of the
// theme, which the model does not know, and is not checked.
func section(first string) bool {
	return slices.Contains(urls.Sections, first) || content.IsTaxonomy(first)
}

// why says why a link to t is broken.
func (a *addresses) why(t target) string {
	if prof := t.unpublished; prof != nil {
		return "links to " + prof.Slug + ", which is not published (its review.state is " +
			strconv.Quote(prof.Review.State) + "): the link is broken until the partner approves it"
	}
	msg := t.path + " is not a page of this site"
	if s := a.closest(t.path); s != "" {
		msg += " (did you mean " + s + "?)"
	}
	return msg
}

// closest is the address nearest to p, among those in the same folder,
// when it is likely a typo.
func (a *addresses) closest(p string) string {
	best, bestD := "", 4
	for _, h := range a.byDir[parent(p)] {
		if abs(len(h)-len(p)) >= bestD {
			continue
		}
		if d := content.EditDistance(p, h); d < bestD || d == bestD && h < best {
			best, bestD = h, d
		}
	}
	return best
}

// parent is the folder of an address: "/partners/x/" → "/partners/".
func parent(p string) string {
	i := strings.LastIndexByte(strings.TrimSuffix(p, "/"), '/')
	return p[:i+1]
}

func abs(n int) int { return max(n, -n) }

// brokenLinks warns about every link and image of a Markdown body that
// leads nowhere: body is the Markdown of the file rel, starting at file
// line bodyLine, shown at pageURL. self is the profile the body belongs
// to, or nil: its own page and bundle files are never broken for it.
func (a *addresses) brokenLinks(rel string, body []byte, bodyLine int, pageURL string, self *content.Profile) content.Problems {
	// allFine reads destinations as goldmark does, and would take as
	// long on the brackets that Tame neutralizes.
	tamed, fixed := markdown.Tame(body)
	if fixed == nil && a.allFine(body, pageURL, self) {
		return nil
	}
	var ps content.Problems
	for _, l := range markdown.Links(tamed) {
		t, broken := a.broken(l.Dest, pageURL, self)
		if !broken {
			continue
		}
		kind := "link"
		if l.Image {
			kind = "image"
		}
		ps = append(ps, content.Problem{
			Path: rel, Line: bodyLine + l.Line - 1, Col: column(body, l.Line, l.Dest),
			Field: "body", Message: kind + " " + strconv.Quote(l.Dest) + ": " + a.why(t), Warning: true,
		})
	}
	return ps
}

// allFine reports whether every link and image of body surely leads
// somewhere, found without parsing the Markdown. A relative destination
// is only ever written after "](" (an inline link or image) or "]:" (a
// link reference definition); autolinks and bare URLs are absolute. When
// each destination there is plainly written (no escapes, entities or
// angle brackets) and leads somewhere, so do the links goldmark would
// find; otherwise body is parsed. Most bodies link only to pages that
// exist, and are spared a second parse.
func (a *addresses) allFine(s []byte, pageURL string, self *content.Profile) bool {
	for i := 0; i+1 < len(s); i++ {
		n := bytes.IndexByte(s[i:], ']')
		if n < 0 {
			break
		}
		i += n
		if i+1 >= len(s) || s[i+1] != '(' && !(s[i+1] == ':' && isDefinition(s, i)) {
			continue
		}
		j := i + 2
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
			j++
		}
		k, depth := j, 0
		for ; k < len(s) && s[k] > ' '; k++ {
			if s[k] == '(' {
				depth++
			} else if s[k] == ')' {
				if depth == 0 {
					break
				}
				depth--
			}
		}
		dest := string(s[j:k]) // may hold another "](": the loop goes on from i+1
		switch {
		case dest == "" || dest[0] == '#' || hasScheme(dest):
		case strings.ContainsAny(dest, "\\&<"):
			return false // escapes, entities or <…>: let goldmark read it
		default:
			if _, broken := a.broken(dest, pageURL, self); broken {
				return false
			}
		}
	}
	return true
}

// isDefinition reports whether the "]:" at s[i] ends the label of a link
// reference definition: a line that starts, after up to three spaces,
// with "[" but not "[^" (a footnote).
func isDefinition(s []byte, i int) bool {
	line := s[bytes.LastIndexByte(s[:i], '\n')+1 : i]
	t := bytes.TrimLeft(line, " ")
	return len(line)-len(t) <= 3 && bytes.HasPrefix(t, []byte("[")) && !bytes.HasPrefix(t, []byte("[^"))
}

// hasScheme reports whether dest starts with a URL scheme ("https:",
// "mailto:"): it is absolute whatever follows.
func hasScheme(dest string) bool {
	for i := 0; i < len(dest); i++ {
		c := dest[i]
		switch {
		case c == ':':
			return i > 0
		case isLetter(c), i > 0 && (isDigit(c) || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}

// column is the 1-based byte column of dest on line n of body, or 1 when
// it is not written there as is.
func column(s []byte, n int, dest string) int {
	for range n - 1 {
		i := bytes.IndexByte(s, '\n')
		if i < 0 {
			return 1
		}
		s = s[i+1:]
	}
	line, _, _ := bytes.Cut(s, newline)
	if i := bytes.Index(line, []byte("("+dest)); i >= 0 {
		return i + 2
	}
	if i := bytes.Index(line, []byte(dest)); i >= 0 {
		return i + 1
	}
	return 1
}

var newline = []byte("\n")
