package review

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The proof's copy of the page is rebuilt from an allow-list, not cleaned
// of what is known to be dangerous: the theme's page is parsed as a
// browser would parse it (golang.org/x/net/html), and only the elements
// and attributes below, with values that cannot make a request, are
// written out again. Everything else goes, whatever a theme override
// puts in its templates: <link>, <script>, <base>, <meta http-equiv>,
// <object>, <iframe>, SVG <image> and <use>, style attributes (which may
// hold url()), srcset, ping, event handlers, form controls.

// allowedHTML are the HTML elements a proof keeps from the page, with
// their allowed attributes beside the global ones (globalAttrs).
var allowedHTML = map[string][]string{
	"a": {"href", "hreflang"}, "abbr": nil, "address": nil, "article": nil, "aside": nil,
	"b": nil, "bdi": nil, "bdo": nil, "blockquote": nil, "br": nil, "caption": nil,
	"cite": nil, "code": nil, "col": {"span"}, "colgroup": {"span"}, "data": {"value"},
	"dd": nil, "del": {"datetime"}, "details": {"open"}, "dfn": nil, "div": nil, "dl": nil,
	"dt": nil, "em": nil, "figcaption": nil, "figure": nil, "footer": nil,
	"h1": nil, "h2": nil, "h3": nil, "h4": nil, "h5": nil, "h6": nil, "header": nil,
	"hgroup": nil, "hr": nil, "i": nil, "img": {"src", "alt", "width", "height"},
	"ins": {"datetime"}, "kbd": nil, "li": {"value"}, "main": nil, "mark": nil, "nav": nil,
	"ol": {"start", "reversed", "type"}, "p": nil, "pre": nil, "q": nil, "s": nil,
	"samp": nil, "section": nil, "small": nil, "span": nil, "strong": nil, "sub": nil,
	"summary": nil, "sup": nil, "table": nil, "tbody": nil,
	"td": {"colspan", "rowspan", "headers"}, "tfoot": nil,
	"th": {"colspan", "rowspan", "headers", "scope", "abbr"}, "thead": nil,
	"time": {"datetime"}, "tr": nil, "u": nil, "ul": nil, "var": nil, "wbr": nil,
}

// allowedSVG are the SVG elements a proof keeps (the theme's charts and
// icons), with their allowed attributes beside the global ones. None of
// them can refer to another resource: no <image>, <use>, <a>,
// <foreignObject>, <feImage>, and no href of any kind.
var allowedSVG = map[string][]string{
	"svg":      {"viewbox", "width", "height", "preserveaspectratio", "focusable", "fill", "stroke"},
	"g":        svgPaint,
	"rect":     append([]string{"x", "y", "width", "height", "rx", "ry"}, svgPaint...),
	"circle":   append([]string{"cx", "cy", "r"}, svgPaint...),
	"ellipse":  append([]string{"cx", "cy", "rx", "ry"}, svgPaint...),
	"line":     append([]string{"x1", "y1", "x2", "y2"}, svgPaint...),
	"polyline": append([]string{"points"}, svgPaint...),
	"polygon":  append([]string{"points"}, svgPaint...),
	"path":     append([]string{"d"}, svgPaint...),
	"text":     append([]string{"x", "y", "dx", "dy", "text-anchor", "dominant-baseline", "font-size", "font-weight", "font-family"}, svgPaint...),
	"tspan":    append([]string{"x", "y", "dx", "dy", "text-anchor", "font-size", "font-weight"}, svgPaint...),
	"title":    nil,
	"desc":     nil,
	"defs":     nil,
	"pattern":  {"x", "y", "width", "height", "patternunits", "patterntransform", "viewbox"},
}

var svgPaint = []string{"fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "stroke-opacity", "opacity", "transform"}

// globalAttrs are allowed on every kept element.
var globalAttrs = []string{"class", "id", "lang", "dir", "title", "role", "tabindex", "hidden", "translate"}

// ariaAttrs are the aria-* attributes kept: those that name or describe,
// none that can hold a URL.
var ariaAttrs = []string{"aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
	"aria-current", "aria-level", "aria-live", "aria-roledescription", "aria-sort", "aria-expanded", "aria-controls"}

// droppedWhole are the elements left out with everything in them; any
// other element outside the allow-list is replaced by its (cleaned)
// content, so the text of an unknown element, or the fallback of an
// <object>, <video> or <picture>, stays readable.
var droppedWhole = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true, "iframe": true,
	"frame": true, "frameset": true, "embed": true, "applet": true,
	"param": true, "link": true, "meta": true, "base": true, "title": true, "head": true,
	"form": true, "input": true, "button": true, "select": true, "textarea": true,
	"option": true, "datalist": true, "output": true,
	"source": true, "track": true, "map": true, "area": true,
	"math": true, "portal": true, "fencedframe": true, "noembed": true, "noframes": true,
	"xmp": true, "plaintext": true, "dialog": true, "slot": true,
}

// proofPage is what a proof keeps of the theme's page.
type proofPage struct {
	lang, dir string // of <html>
	title     string // the text of <title>
	body      []*html.Node
}

// cleanPage parses the page the theme rendered and returns what the proof
// keeps of it: the language and direction of <html>, the title, and the
// content of <body> rebuilt from the allow-list. image turns an <img>
// src that is not a data:image URI into one (a drawn note).
func cleanPage(page []byte, image func(src string) string) (*proofPage, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("proof: the theme's profile page: %w", err)
	}
	out := &proofPage{}
	var htmlEl, head, body *html.Node
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.DataAtom == atom.Html {
			htmlEl = n
		}
	}
	if htmlEl == nil {
		return nil, fmt.Errorf("proof: the theme's profile page has no <html>")
	}
	for n := htmlEl.FirstChild; n != nil; n = n.NextSibling {
		switch {
		case n.Type == html.ElementNode && n.DataAtom == atom.Head:
			head = n
		case n.Type == html.ElementNode && n.DataAtom == atom.Body:
			body = n
		}
	}
	for _, a := range htmlEl.Attr {
		switch a.Key {
		case "lang":
			out.lang = a.Val
		case "dir":
			out.dir = a.Val
		}
	}
	if head != nil {
		for n := head.FirstChild; n != nil; n = n.NextSibling {
			if n.Type == html.ElementNode && n.DataAtom == atom.Title {
				out.title = strings.TrimSpace(textOf(n))
			}
		}
	}
	if body == nil {
		return nil, fmt.Errorf("proof: the theme's profile page has no <body>")
	}
	c := cleaner{image: image}
	out.body = c.children(body)
	return out, nil
}

type cleaner struct {
	image func(src string) string
}

// children returns the cleaned copies of n's children.
func (c cleaner) children(n *html.Node) []*html.Node {
	var out []*html.Node
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		out = append(out, c.node(k)...)
	}
	return out
}

// node returns the cleaned copy of n: itself, its content, or nothing.
func (c cleaner) node(n *html.Node) []*html.Node {
	switch n.Type {
	case html.TextNode:
		return []*html.Node{{Type: html.TextNode, Data: n.Data}}
	case html.ElementNode:
	default: // comments, doctypes
		return nil
	}
	var attrs []string
	var ok bool
	switch n.Namespace {
	case "":
		attrs, ok = allowedHTML[n.Data]
	case "svg":
		attrs, ok = allowedSVG[strings.ToLower(n.Data)]
	}
	if !ok {
		if droppedWhole[n.Data] || n.Namespace != "" {
			return nil
		}
		return c.children(n)
	}
	el := &html.Node{Type: html.ElementNode, Data: n.Data, DataAtom: n.DataAtom, Namespace: n.Namespace}
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue // xlink:href and the like
		}
		key := strings.ToLower(a.Key)
		if !allowedAttr(key, attrs) {
			continue
		}
		val, keep := c.value(el, key, a.Val)
		if keep {
			el.Attr = append(el.Attr, html.Attribute{Key: a.Key, Val: val})
		}
	}
	if el.Namespace == "" && el.Data == "img" && !hasAttr(el, "src") {
		el.Attr = append(el.Attr, html.Attribute{Key: "src", Val: c.image("")})
	}
	for _, k := range c.children(n) {
		el.AppendChild(k)
	}
	return []*html.Node{el}
}

func allowedAttr(key string, own []string) bool {
	for _, list := range [][]string{own, globalAttrs, ariaAttrs} {
		for _, k := range list {
			if k == key {
				return true
			}
		}
	}
	return false
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// value returns the value an allowed attribute keeps, or false when it
// must go: a link that is not to a web page, an email address or a
// phone number, or that is within the page; an image that is not a
// data:image URI; a paint or transform that refers to anything but an
// element of the page (url(#id)).
func (c cleaner) value(el *html.Node, key, val string) (string, bool) {
	switch {
	case key == "href":
		return val, safeHref(val)
	case key == "src":
		if isDataImage(val) {
			return val, true
		}
		return c.image(val), true
	case el.Namespace == "svg":
		rest := strings.ToLower(val)
		for {
			i := strings.Index(rest, "url(")
			if i < 0 {
				return val, true
			}
			rest = strings.TrimLeft(rest[i+len("url("):], " \t\n\r\f'\"")
			if !strings.HasPrefix(rest, "#") {
				return "", false
			}
		}
	}
	return val, true
}

// safeHref reports whether a link may stay: following it is the reader's
// choice (a web page, an email, a phone call, a place in the page), and
// nothing loads it by itself.
func safeHref(val string) bool {
	v := strings.ToLower(strings.TrimSpace(val))
	for _, prefix := range []string{"https://", "http://", "mailto:", "tel:", "#"} {
		if strings.HasPrefix(v, prefix) {
			return true
		}
	}
	return false
}

// isDataImage reports whether src is an image inside the file itself.
func isDataImage(src string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(src)), "data:image/")
}

// textOf is the text inside n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// renderNodes serializes nodes as HTML.
func renderNodes(w *bytes.Buffer, nodes []*html.Node) error {
	for _, n := range nodes {
		if err := html.Render(w, n); err != nil {
			return err
		}
	}
	return nil
}
