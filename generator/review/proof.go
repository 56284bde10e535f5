package review

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/i18n"
	"github.com/alongside-dev/alongside/generator/render"
)

// MaxImage is the size of the largest bundle image a proof carries: a
// larger one is left out, with a note, to keep the file small enough to
// email.
const MaxImage = 2 << 20

// ProofFileName is the default name of a proof file:
// proof-<slug>-<YYYY-MM-DD>.html, or proof-<slug>-<code>-<YYYY-MM-DD>.html
// for a proof in lang, a language other than the site's default ("" is
// the default).
func ProofFileName(slug, lang string, today content.Date) string {
	if lang != "" {
		slug += "-" + lang
	}
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
// The proof is in the site language lang ("" is the default language;
// another must be one of site.toml's [languages.<code>]): the page is
// rendered in it, with the words of its translation where the profile has
// one (render.ProfileOptions.Lang), and every word of the proof's own
// parts, in the banner, the checklist, the facts, the notes on what is
// left out, the email and the script, is its catalog's (the [proof]
// messages), as are <html lang> and, for a language written right to
// left, dir="rtl".
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
func Proof(ctx context.Context, r *render.Renderer, site *content.Site, siteFS fs.FS, p *content.Profile, now time.Time, lang string) ([]byte, error) {
	if lang == site.Config.Language {
		lang = ""
	}
	if lang != "" && !site.Config.HasLanguage(lang) {
		return nil, fmt.Errorf("proof: the site has no language %q", lang)
	}
	c, _ := i18n.Load(siteFS, site.Config.Theme, cmp.Or(lang, site.Config.Language)) // its problems are check's to report
	today := content.DayOf(now)
	var left []string // what the proof leaves out, for the checklist
	image := func(dest string) string {
		uri, note := inlineImage(c, siteFS, p, dest)
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
		Lang:     lang,
	})
	if err != nil {
		return nil, err
	}
	css, err := r.Stylesheet(siteFS)
	if err != nil {
		return nil, err
	}
	kept, err := cleanPage(page, func(string) string { return placeholder(c.T("proof.not_included"), "") })
	if err != nil {
		return nil, err
	}
	js, err := script(c)
	if err != nil {
		return nil, err
	}
	subject := c.T("proof.subject", "title", v.Title)
	mailTo, link := replyLink(site.Config.Corrections, subject)
	data := proofData{
		Profile: v, Slug: p.Slug, Library: site.Config.Library, Title: inLang("strong", v.Title, v.TitleLang),
		Today: c.Date(today.Date()), Made: today.String(),
		Fingerprint: p.Fingerprint, Version: version(p.Fingerprint), URL: site.Config.BaseURL + p.URL(), Sections: groupFacts(Facts(v, c)),
		Files: list(c, p.BundleFiles), Left: left, ReturnTo: returnTo(site.Config.Corrections), ReturnLink: link,
		MailTo: mailTo, Subject: subject, Decisions: decisions(c),
	}
	tmpl, err := proofTemplates.Clone()
	if err != nil {
		return nil, fmt.Errorf("proof: %w", err)
	}
	tmpl.Funcs(c.Funcs())
	var reply, banner, checklist bytes.Buffer
	if err := tmpl.ExecuteTemplate(&reply, "reply", data); err != nil {
		return nil, fmt.Errorf("proof: %w", err)
	}
	data.Reply = template.HTML(reply.String())
	if err := tmpl.ExecuteTemplate(&banner, "banner", data); err != nil {
		return nil, fmt.Errorf("proof: %w", err)
	}
	if err := tmpl.ExecuteTemplate(&checklist, "checklist", data); err != nil {
		return nil, fmt.Errorf("proof: %w", err)
	}
	themeCSS := safeCSS(string(css))
	dir := kept.dir
	if c.Dir() == "rtl" {
		dir = "rtl"
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html")
	for _, a := range [][2]string{{"lang", c.Lang()}, {"dir", dir}} {
		if a[1] != "" {
			b.WriteString(" " + a[0] + `="` + template.HTMLEscapeString(a[1]) + `"`)
		}
	}
	b.WriteString(">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString(`<meta http-equiv="Content-Security-Policy" content="` + proofCSP(themeCSS, proofCSS, js) + "\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n")
	b.WriteString("<title>" + template.HTMLEscapeString(c.T("proof.page.title", "title", kept.title)) + "</title>\n")
	b.WriteString("<style>" + themeCSS + "</style>\n<style>" + proofCSS + "</style>\n</head>\n<body>\n")
	b.Write(banner.Bytes())
	if err := renderNodes(&b, kept.body); err != nil {
		return nil, fmt.Errorf("proof: %w", err)
	}
	b.Write(checklist.Bytes())
	b.WriteString("<script>" + js + "</script>\n</body>\n</html>\n")
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
// drawn note and the reason it is not included, in the words of c.
func inlineImage(c *i18n.Catalog, siteFS fs.FS, p *content.Profile, dest string) (uri, note string) {
	notIncluded, imageNotIncluded := c.T("proof.not_included"), c.T("proof.image_not_included")
	name, ok := bundleFile(p, dest)
	if !ok {
		note = c.T("proof.not_in_folder", "file", dest)
		return placeholder(imageNotIncluded, note), note
	}
	typ := imageTypes[strings.ToLower(path.Ext(name))]
	if typ == "" {
		note = c.T("proof.not_image", "file", name)
		return placeholder(notIncluded, note), note
	}
	fi, err := fs.Stat(siteFS, p.BundlePath(name))
	if err == nil && fi.Size() > MaxImage {
		note = c.T("proof.too_large", "file", name, "size", size(c, fi.Size()), "limit", size(c, MaxImage))
		return placeholder(imageNotIncluded, note), note
	}
	data, err := fs.ReadFile(siteFS, p.BundlePath(name))
	if err == nil && len(data) > MaxImage {
		err = fmt.Errorf("larger than %d bytes", MaxImage)
	}
	if err != nil {
		note = c.T("proof.unreadable", "file", name)
		return placeholder(imageNotIncluded, note), note
	}
	if sniffed := http.DetectContentType(data); typ != "image/svg+xml" && !strings.HasPrefix(sniffed, "image/") {
		note = c.T("proof.not_image_type", "file", name, "type", sniffed)
		return placeholder(notIncluded, note), note
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

// size is n bytes in megabytes with one decimal, as c writes numbers:
// "2.0 MB", "2,0 MB". (Rate writes two decimals; the second, after
// rounding to tenths, is a zero to drop.)
func size(c *i18n.Catalog, n int64) string {
	mb := c.Rate(math.Round(float64(n)/(1<<20)*10) / 10)
	_, last := utf8.DecodeLastRuneInString(mb)
	return c.T("proof.page.megabytes", "size", mb[:len(mb)-last])
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
func replyLink(corrections, subject string) (mailTo, link string) {
	addr, ok := strings.CutPrefix(corrections, "mailto:")
	if !ok {
		return "", corrections
	}
	addr, _, _ = strings.Cut(addr, "?")
	return addr, "mailto:" + addr + "?subject=" + strings.ReplaceAll(url.QueryEscape(subject), "+", "%20")
}

// version is a fingerprint as the proof shows it: "4892c759942e".
func version(fp string) string {
	v := strings.TrimPrefix(fp, "sha256:")
	if len(v) > 12 {
		v = v[:12]
	}
	return v
}
