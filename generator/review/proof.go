package review

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/render"
)

// MaxImage is the size of the largest bundle image a proof carries: a
// larger one is left out, with a note, to keep the file small enough to
// email.
const MaxImage = 2 << 20

// ProofFileName is the default name of a proof file:
// proof-<slug>-<YYYY-MM-DD>.html.
func ProofFileName(slug string, today content.Date) string {
	return "proof-" + slug + "-" + today.String() + ".html"
}

// Proof returns the proof of p: one self-contained HTML file that the
// library can email or print for the partner. It holds
//
//   - the profile page exactly as the theme renders it (r), with the
//     theme's stylesheet inlined in <style>, bundle images inlined as
//     data:image/… URIs (or, when larger than MaxImage or not images,
//     replaced by a drawn note), and links to other pages of the site
//     made absolute from base_url;
//   - a "Proof — not yet published" banner at the top;
//   - a numbered checklist of every fact the page states (see Facts),
//     each with boxes to mark it correct or write what it should say, and
//     a box for the partner's decision.
//
// Whatever the theme does, the file makes no request of any kind when it
// is opened: every <link> and <script> element is removed, every src that
// is not a data: URI is replaced by a note, and CSS @import and url()
// other than data: are dropped. It works for a profile in any review
// state. now is when the proof is made; its day is printed on it.
func Proof(ctx context.Context, r *render.Renderer, site *content.Site, siteFS fs.FS, p *content.Profile, now time.Time) ([]byte, error) {
	today := content.DayOf(now)
	var left []string // what the proof leaves out, for the checklist
	image := func(dest string) string {
		uri, note := inlineImage(siteFS, p, dest)
		if note != "" && !slices.Contains(left, note) {
			left = append(left, note)
		}
		return uri
	}
	v, page, err := r.Profile(ctx, site, siteFS, p, render.ProfileOptions{
		Options:  render.Options{BaseURL: site.Config.BaseURL, Now: now},
		Image:    image,
		Absolute: true,
		NoBanner: true,
	})
	if err != nil {
		return nil, err
	}
	css, err := r.Stylesheet(siteFS)
	if err != nil {
		return nil, err
	}
	var banner, checklist bytes.Buffer
	data := proofData{
		Profile: v, Library: site.Config.Library, Today: dateText(today),
		URL: site.Config.BaseURL + p.URL(), Sections: groupFacts(Facts(v)),
		Files: p.BundleFiles, Left: left, ReturnTo: returnTo(site.Config.Corrections),
	}
	if err := proofTemplates.ExecuteTemplate(&banner, "banner", data); err != nil {
		return nil, fmt.Errorf("proof: %w", err)
	}
	if err := proofTemplates.ExecuteTemplate(&checklist, "checklist", data); err != nil {
		return nil, fmt.Errorf("proof: %w", err)
	}
	doc := string(page)
	doc = linkRE.ReplaceAllString(doc, "")
	doc = scriptRE.ReplaceAllString(doc, "")
	doc = titleRE.ReplaceAllString(doc, "${1}Proof — ")
	head := "<meta name=\"robots\" content=\"noindex\">\n<style>\n" + safeCSS(string(css)) + "</style>\n<style>\n" + proofCSS + "</style>\n"
	var ok1, ok2, ok3 bool
	doc, ok1 = insert(doc, "</head>", head, false)
	doc, ok2 = insert(doc, "<body", banner.String(), true)
	doc, ok3 = insert(doc, "</body>", checklist.String(), false)
	if !ok1 || !ok2 || !ok3 {
		return nil, fmt.Errorf("proof: the theme's profile page has no <head> or <body>")
	}
	return []byte(srcRE.ReplaceAllStringFunc(doc, keepDataSrc)), nil
}

var (
	linkRE   = regexp.MustCompile(`(?i)<link\b[^>]*>\n?`)
	scriptRE = regexp.MustCompile(`(?is)<script\b.*?</script\s*>\n?`)
	titleRE  = regexp.MustCompile(`(?i)(<title>)`)
	srcRE    = regexp.MustCompile(`(?i)\s(src|srcset|poster)\s*=\s*("[^"]*"|'[^']*')`)
	importRE = regexp.MustCompile(`(?i)@import[^;]*;`)
	urlRE    = regexp.MustCompile(`(?i)url\(\s*(['"]?)([^)'"]*)['"]?\s*\)`)
)

// insert puts text before the first marker in doc, or, when after is
// true, right after the end of the tag that starts with marker.
func insert(doc, marker, text string, after bool) (string, bool) {
	i := strings.Index(strings.ToLower(doc), marker)
	if i < 0 {
		return doc, false
	}
	if after {
		end := strings.IndexByte(doc[i:], '>')
		if end < 0 {
			return doc, false
		}
		i += end + 1
	}
	return doc[:i] + text + doc[i:], true
}

// keepDataSrc keeps an src that is a data:image URI and turns any other
// into a note, so that the proof never loads anything.
func keepDataSrc(attr string) string {
	m := srcRE.FindStringSubmatch(attr)
	val := strings.Trim(m[2], `"'`)
	if strings.EqualFold(m[1], "src") && strings.HasPrefix(strings.ToLower(val), "data:image/") {
		return attr
	}
	if strings.EqualFold(m[1], "src") {
		return ` src="` + placeholder("Not included in this proof", "") + `"`
	}
	return ""
}

// safeCSS drops what would make a stylesheet load anything: @import rules
// and url() other than data:. It also keeps the CSS from closing the
// <style> element around it, or from looking like markup.
func safeCSS(css string) string {
	css = importRE.ReplaceAllString(css, "")
	css = urlRE.ReplaceAllStringFunc(css, func(m string) string {
		if strings.HasPrefix(strings.ToLower(urlRE.FindStringSubmatch(m)[2]), "data:") {
			return m
		}
		return "none"
	})
	css = strings.ReplaceAll(css, "<", `\3c `) // a CSS escape; "<" has no other use in CSS
	if !strings.HasSuffix(css, "\n") {
		css += "\n"
	}
	return css
}

// imageTypes are the image formats a proof inlines, by extension.
var imageTypes = map[string]string{
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
	".webp": "image/webp", ".avif": "image/avif", ".svg": "image/svg+xml",
}

// inlineImage returns the data: URI of the image dest of p's story, or a
// drawn note and the reason it is not included.
func inlineImage(siteFS fs.FS, p *content.Profile, dest string) (uri, note string) {
	name, ok := bundleFile(p, dest)
	if !ok {
		note = dest + ": not a file of this partnership's folder"
		return placeholder("Image not included in this proof", note), note
	}
	typ := imageTypes[strings.ToLower(path.Ext(name))]
	if typ == "" {
		note = name + ": not an image"
		return placeholder("Not included in this proof", note), note
	}
	fi, err := fs.Stat(siteFS, p.BundlePath(name))
	if err == nil && fi.Size() > MaxImage {
		note = fmt.Sprintf("%s: too large to email (%s; the limit is %s)", name, size(fi.Size()), size(MaxImage))
		return placeholder("Image not included in this proof", note), note
	}
	data, err := fs.ReadFile(siteFS, p.BundlePath(name))
	if err == nil && len(data) > MaxImage {
		err = fmt.Errorf("larger than %s", size(MaxImage))
	}
	if err != nil {
		note = name + ": could not be read"
		return placeholder("Image not included in this proof", note), note
	}
	if sniffed := http.DetectContentType(data); typ != "image/svg+xml" && !strings.HasPrefix(sniffed, "image/") {
		note = name + ": not an image (" + sniffed + ")"
		return placeholder("Not included in this proof", note), note
	}
	return "data:" + typ + ";base64," + base64.StdEncoding.EncodeToString(data), ""
}

// bundleFile returns the bundle file of p that dest, as written in the
// story, names.
func bundleFile(p *content.Profile, dest string) (string, bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/") || u.Path == "" {
		return "", false
	}
	name := path.Clean(u.Path)
	return name, p.BundleDir != "" && slices.Contains(p.BundleFiles, name)
}

// placeholder is an image that says what is missing: an SVG as a
// base64 data URI (so no "http" of the SVG namespace shows in an src).
func placeholder(title, note string) string {
	esc := template.HTMLEscapeString
	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="120" viewBox="0 0 640 120">` +
		`<rect x="1.5" y="1.5" width="637" height="117" fill="#f3f4f6" stroke="#1b1b1b" stroke-width="2" stroke-dasharray="8 6"/>` +
		`<text x="320" y="52" text-anchor="middle" font-family="sans-serif" font-size="20" font-weight="bold" fill="#1b1b1b">` + esc(title) + `</text>` +
		`<text x="320" y="84" text-anchor="middle" font-family="sans-serif" font-size="16" fill="#1b1b1b">` + esc(note) + `</text></svg>`
	return "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString([]byte(svg))
}

func size(n int64) string {
	return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
}

// returnTo is where the partner sends the proof back: the site's
// corrections address, without "mailto:".
func returnTo(corrections string) string {
	if s, ok := strings.CutPrefix(corrections, "mailto:"); ok {
		s, _, _ = strings.Cut(s, "?")
		if u, err := url.PathUnescape(s); err == nil {
			return u
		}
		return s
	}
	return corrections
}

// dateText is a date as pages write it: "March 14, 2026".
func dateText(d content.Date) string { return d.Format("January 2, 2006") }
