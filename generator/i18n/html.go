package i18n

import (
	"html/template"
	"strings"
)

// Funcs are the catalog's functions for html/template:
//
//	{{t "nav.partners"}}                              T: plain text, escaped by the template
//	{{t "partners.caption" "currency" .Site.Currency}}
//	{{tn "count.partnerships" .Count}}                N, the count any integer or float
//	{{th "profile.banner_title" "partner" (el "bdi" .Review.Partner)}}
//	                                                  HTML: text escaped, markup arguments kept
//	{{link .URL .Title}}, {{link .URL .Title "license"}}   Link
//	{{el "strong" .Title}}                            El
//	{{time .Date.ISO .Date.Text}}                     Time
//
// t and tn give strings, which html/template escapes in whatever context
// they are (text, attribute, URL); th gives template.HTML, for text only.
func (c *Catalog) Funcs() template.FuncMap {
	return template.FuncMap{
		"t": c.T,
		"tn": func(key string, n any, args ...any) string {
			f, _ := toFloat(n)
			return c.N(key, f, args...)
		},
		"th":   c.HTML,
		"link": Link,
		"el":   El,
		"time": Time,
	}
}

// Link is an <a> element to href with text, escaped, and rel when given
// ("license"). As html/template writes an href, an href with a scheme
// other than http, https or mailto (javascript:, data:) becomes
// "#ZgotmplZ", and the bytes a URL may not hold as they are (spaces,
// non-ASCII letters) are %-escaped: "https://café.example/a b" is
// "https://caf%c3%a9.example/a%20b".
func Link(href, text string, rel ...string) template.HTML {
	var b strings.Builder
	b.WriteString(`<a href="`)
	EscapeTo(&b, normalizeURL(safeURL(href)))
	b.WriteString(`"`)
	if len(rel) > 0 {
		b.WriteString(` rel="`)
		EscapeTo(&b, strings.Join(rel, " "))
		b.WriteString(`"`)
	}
	b.WriteString(">")
	EscapeTo(&b, text)
	b.WriteString("</a>")
	return template.HTML(b.String())
}

func safeURL(u string) string {
	scheme, _, ok := strings.Cut(u, ":")
	if !ok || strings.ContainsAny(scheme, "/?#") {
		return u // relative: no scheme before the first / ? or #
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto":
		return u
	}
	return "#ZgotmplZ"
}

// normalizeURL %-escapes the bytes of u that are neither letters, digits
// nor one of the characters URLs use as they are, as html/template's URL
// normalizer does; a % that starts an escape ("%20") is kept.
func normalizeURL(u string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("!#$&*+,-./:;=?@[]_~", c) >= 0,
			c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]):
			if b.Len() > 0 {
				b.WriteByte(c)
			}
			continue
		}
		if b.Len() == 0 {
			b.WriteString(u[:i])
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	if b.Len() == 0 {
		return u
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// inline are the elements El makes.
var inline = map[string]bool{"bdi": true, "code": true, "strong": true, "em": true, "cite": true, "span": true}

// El is the element name (bdi, code, strong, em, cite or span) around
// text, escaped: El("bdi", partner) isolates a name that may be written
// right to left. Any other name gives the escaped text alone.
func El(name, text string) template.HTML {
	if !inline[name] {
		return template.HTML(escape(text))
	}
	return template.HTML("<" + name + ">" + escape(text) + "</" + name + ">")
}

// Time is a <time> element: datetime iso (2025-09-02), text as people
// read it; both escaped. An empty iso gives nothing, as the theme's
// "date" template does for an unset date.
func Time(iso, text string) template.HTML {
	if iso == "" {
		return ""
	}
	return template.HTML(`<time datetime="` + escape(iso) + `">` + escape(text) + "</time>")
}
