package review

import (
	"bytes"
	"context"
	"crypto/sha256"
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
//   - the profile page as the theme renders it (r), rebuilt from an
//     allow-list of elements and attributes (see cleanPage), with the
//     theme's stylesheet inlined in <style>, bundle images inlined as
//     data:image/… URIs (or, when larger than MaxImage or not images,
//     replaced by a drawn note), and links to other pages of the site
//     made absolute from base_url;
//   - a "Proof — not yet published" banner at the top;
//   - a numbered checklist of every fact the page states (see Facts),
//     each with a choice of "Correct" or "Needs a change" and a field for
//     what it should say, a field for comments, the partner's decision
//     and the role of who answers; a short script turns the answers into
//     an email to the site's corrections address (see ParseAnswers), or
//     copies them. Without the script, the checklist prints and the
//     address is a link.
//
// The file makes no request of any kind when it is opened. The page is
// serialized from the allow-list, so no <link>, <script>, <base>, <meta>,
// <object>, style attribute, srcset or SVG reference survives, every src
// that is not a data:image URI is a drawn note, and CSS @import and url()
// other than data: are dropped from the stylesheet. Behind that, a
// Content-Security-Policy forbids every request (default-src 'none'),
// allows images only as data: URIs, and allows only the proof's own two
// style elements and its script, by their hashes. It works for a profile
// in any review state. now is when the proof is made; its day is printed
// on it.
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
	kept, err := cleanPage(page, func(string) string { return placeholder("Not included in this proof", "") })
	if err != nil {
		return nil, err
	}
	mailTo, link := replyLink(site.Config.Corrections, v.Title)
	data := proofData{
		Profile: v, Slug: p.Slug, Library: site.Config.Library, Today: dateText(today), Made: today.String(),
		Fingerprint: p.Fingerprint, Version: version(p.Fingerprint), URL: site.Config.BaseURL + p.URL(), Sections: groupFacts(Facts(v)),
		Files: p.BundleFiles, Left: left, ReturnTo: returnTo(site.Config.Corrections), ReturnLink: link,
		MailTo: mailTo, Subject: answersSubject(v.Title), Decisions: decisions,
	}
	var banner, checklist bytes.Buffer
	if err := proofTemplates.ExecuteTemplate(&banner, "banner", data); err != nil {
		return nil, fmt.Errorf("proof: %w", err)
	}
	if err := proofTemplates.ExecuteTemplate(&checklist, "checklist", data); err != nil {
		return nil, fmt.Errorf("proof: %w", err)
	}
	themeCSS := safeCSS(string(css))
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html")
	for _, a := range [][2]string{{"lang", kept.lang}, {"dir", kept.dir}} {
		if a[1] != "" {
			b.WriteString(" " + a[0] + `="` + template.HTMLEscapeString(a[1]) + `"`)
		}
	}
	b.WriteString(">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString(`<meta http-equiv="Content-Security-Policy" content="` + proofCSP(themeCSS, proofCSS, proofScript) + "\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n")
	b.WriteString("<title>" + template.HTMLEscapeString("Proof — "+kept.title) + "</title>\n")
	b.WriteString("<style>" + themeCSS + "</style>\n<style>" + proofCSS + "</style>\n</head>\n<body>\n")
	b.Write(banner.Bytes())
	if err := renderNodes(&b, kept.body); err != nil {
		return nil, fmt.Errorf("proof: %w", err)
	}
	b.Write(checklist.Bytes())
	b.WriteString("<script>" + proofScript + "</script>\n</body>\n</html>\n")
	return b.Bytes(), nil
}

// proofCSP is the Content-Security-Policy of a proof: no request of any
// kind, images only from data: URIs, and no style or script but the
// proof's own, each allowed by the hash of its text.
func proofCSP(themeCSS, ownCSS, script string) string {
	h := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return "default-src 'none'; img-src data:; style-src " + h(themeCSS) + " " + h(ownCSS) +
		"; script-src " + h(script) + "; base-uri 'none'; form-action 'none'"
}

// safeCSS drops what would make a stylesheet load anything: @import rules
// and url() other than data:. It also keeps the CSS from closing the
// <style> element around it, or from looking like markup. (The proof's
// Content-Security-Policy stops whatever a CSS escape might hide from
// these expressions.)
func safeCSS(css string) string {
	css = importRE.ReplaceAllString(css, "")
	css = urlRE.ReplaceAllStringFunc(css, func(m string) string {
		if strings.HasPrefix(strings.ToLower(urlRE.FindStringSubmatch(m)[2]), "data:") {
			return m
		}
		return "none"
	})
	css = strings.ReplaceAll(css, "<", `\3c `) // a CSS escape; "<" has no other use in CSS
	if !strings.HasPrefix(css, "\n") {
		css = "\n" + css
	}
	if !strings.HasSuffix(css, "\n") {
		css += "\n"
	}
	return css
}

var (
	importRE = regexp.MustCompile(`(?i)@import[^;]*;`)
	urlRE    = regexp.MustCompile(`(?i)url\(\s*(['"]?)([^)'"]*)['"]?\s*\)`)
)

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

// replyLink returns, for the site's corrections address, the mailto:
// address the answers go to (without its query; "" when corrections is
// not an email address) and the link the proof gives for replies: a
// mailto: with the answers' subject, or the web address as it is.
func replyLink(corrections, title string) (mailTo, link string) {
	addr, ok := strings.CutPrefix(corrections, "mailto:")
	if !ok {
		return "", corrections
	}
	addr, _, _ = strings.Cut(addr, "?")
	return addr, "mailto:" + addr + "?subject=" + strings.ReplaceAll(url.QueryEscape(answersSubject(title)), "+", "%20")
}

// version is a fingerprint as the proof shows it: "4892c759942e".
func version(fp string) string {
	v := strings.TrimPrefix(fp, "sha256:")
	if len(v) > 12 {
		v = v[:12]
	}
	return v
}

// answersSubject is the subject of the email that carries the answers.
func answersSubject(title string) string { return "Answers to the proof: " + title }

// dateText is a date as pages write it: "March 14, 2026".
func dateText(d content.Date) string { return d.Format("January 2, 2006") }
