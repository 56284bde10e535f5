// Package markdown turns the Markdown of alongside's content (profile
// stories, pages, the home page text) into HTML, with goldmark.
//
// The contract:
//
//   - CommonMark, plus GitHub tables, strikethrough, task lists and bare
//     URL autolinks, plus footnotes. No typographer, no heading IDs; a "#"
//     heading is made level 2, as the page title is the only <h1>.
//   - Raw HTML, inline or block, is never rendered: each piece becomes
//     the comment <!-- raw HTML omitted -->.
//   - A link, image or autolink whose destination has the javascript:,
//     vbscript:, data: or file: scheme is never emitted: a link or
//     autolink renders as its text alone, an image as its alt text. The
//     scheme is read as a browser reads it: after entities and backslash
//     escapes are decoded, ignoring case, whitespace and control
//     characters. The one data: URI that may reach an src attribute is
//     a data:image/… returned by [Options.Image].
//   - Root-relative destinations ("/methodology/") are prefixed with
//     [Options.BasePath]; relative ones ("photo.png", "#notes"),
//     protocol-relative ones ("//host/") and absolute URLs are left alone.
//   - External links are plain <a href> links: no target, no rel.
//   - Brackets that goldmark would take minutes to read (thousands of
//     unclosed links on one line, thousands of "[x]" in one paragraph)
//     are read as plain characters: see [Tame].
//
// A [Converter] holds one goldmark.Markdown, built once by [New], and is
// safe for concurrent use.
package markdown

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configures a Converter.
type Options struct {
	// BasePath is the path of the site's base URL ("/" or
	// "/reports-site/"); root-relative link and image destinations
	// ("/methodology/") are prefixed with it (without doubling slashes).
	BasePath string
	// Image, when non-nil, rewrites the destination of every image (used
	// by `proof` to inline bundle images as data:image/… URIs). It gets
	// the destination as written (decoded, without BasePath) and is not
	// called for an unsafe one. Its result is emitted as is, even a
	// data:image URI, only HTML-escaped; a result with another unsafe
	// scheme renders the alt text instead.
	Image func(dest string) string
}

// Converter renders Markdown to HTML. It is safe for concurrent use:
// goldmark's parser and renderer set themselves up once (sync.Once) and
// keep per-call state in a fresh parser.Context, and linkRenderer holds
// none.
type Converter struct {
	md goldmark.Markdown
}

// extensions is the Markdown dialect of alongside, shared by Convert and
// Links.
func extensions() goldmark.Option {
	return goldmark.WithExtensions(gfm, extension.Footnote)
}

// New returns a Converter for opts.
func New(opts Options) *Converter {
	lr := &linkRenderer{prefix: basePrefix(opts.BasePath), image: opts.Image}
	md := goldmark.New(
		extensions(),
		goldmark.WithParserOptions(parser.WithASTTransformers(
			util.Prioritized(headingLevels{}, 100), util.Prioritized(relativeTo{}, 200))),
		goldmark.WithRendererOptions(
			// A lower number wins: goldmark's own HTML renderer is 1000.
			renderer.WithNodeRenderers(util.Prioritized(lr, 100)),
		),
	)
	return &Converter{md: md}
}

// headingLevels makes every "# heading" a level-2 heading: the page's
// title is its only <h1>, so a story or page written with "#" keeps the
// heading order that screen readers navigate by.
type headingLevels struct{}

func (headingLevels) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level == 1 {
			h.Level = 2
		}
		return ast.WalkContinue, nil
	})
}

// basePrefix turns a base path into the string put before a root-relative
// destination: "" for "/", "/reports-site" for "/reports-site/".
func basePrefix(base string) string {
	base = strings.Trim(base, "/")
	if base == "" {
		return ""
	}
	return "/" + base
}

// Convert renders CommonMark source to HTML. Safe for concurrent use.
// On error w may hold part of the output.
func (c *Converter) Convert(src []byte, w io.Writer) error {
	return c.ConvertFrom(src, w, "")
}

// ConvertFrom is Convert for text shown on another page than the one its
// relative destinations were written for: each relative link or image
// destination ("photo.png", "notes/plan.pdf", not "#notes" or "?q") is
// read from dir, a root-relative folder ("/partnerships/x/"), and then
// gets BasePath like any root-relative one. A translated story, shown at
// /es/partnerships/x/, links that way to the files of its bundle, which
// are published once, beside the default language's page. dir "" is
// Convert. The Image hook gets the destination as written either way.
func (c *Converter) ConvertFrom(src []byte, w io.Writer, dir string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("markdown: internal error: %v", r)
		}
	}()
	src, _ = Tame(src)
	if b, ok := w.(*bytes.Buffer); ok {
		w = bufferWriter{b}
	}
	if dir == "" {
		return c.md.Convert(src, w)
	}
	pc := parser.NewContext()
	pc.Set(dirKey, dir)
	return c.md.Convert(src, w, parser.WithContext(pc))
}

// A bufferWriter is a bytes.Buffer as goldmark's util.BufWriter: goldmark
// then writes into it directly, not through a bufio.Writer of its own
// (4 KB more, and a copy, per conversion).
type bufferWriter struct{ *bytes.Buffer }

func (bufferWriter) Flush() error  { return nil }
func (bufferWriter) Buffered() int { return 0 }

// dirKey holds ConvertFrom's dir in a parser.Context.
var dirKey = parser.NewContextKey()

// relativeTo marks the relative destinations of a document converted by
// ConvertFrom with its dir (see linkRenderer.href).
type relativeTo struct{}

func (relativeTo) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	dir, _ := pc.Get(dirKey).(string)
	if dir == "" {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindLink || n.Kind() == ast.KindImage) {
			n.SetAttributeString(dirAttr, dir)
		}
		return ast.WalkContinue, nil
	})
}

// dirAttr is the node attribute where relativeTo puts dir. Attributes
// are never written by linkRenderer, so it never reaches the page.
const dirAttr = "alongside-dir"

// relative reports whether a decoded destination is relative to its
// page's folder: no scheme, not root- or protocol-relative, not only a
// fragment or a query.
func relative(dest []byte) bool {
	if len(dest) == 0 || dest[0] == '/' || dest[0] == '\\' || dest[0] == '#' || dest[0] == '?' {
		return false
	}
	for _, c := range dest {
		switch {
		case c == ':':
			return false // a scheme: "mailto:", "https:"
		case c == '/' || c == '?' || c == '#':
			return true
		}
	}
	return true
}

// Link is a link or image destination found in Markdown source.
type Link struct {
	// Dest is the destination as a browser reads it (backslash escapes
	// and entities decoded, BasePath not applied; "mailto:" added to an
	// email autolink, "http://" to a bare www. one).
	Dest string
	// Line is the 1-based line of the link within the source.
	Line int
	// Image tells an image from a link.
	Image bool
}

var linkParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(extensions()).Parser()
})

// Links returns every link and image destination in src, in source
// order, with its 1-based line number within src.
func Links(src []byte) []Link {
	src, _ = Tame(src)
	doc := linkParser().Parse(text.NewReader(src))
	type found struct {
		pos  int
		link Link
	}
	var all []found
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var l Link
		switch n := n.(type) {
		case *ast.Link:
			l.Dest = string(decode(n.Destination))
		case *ast.Image:
			l.Dest = string(decode(n.Destination))
			l.Image = true
		case *ast.AutoLink:
			l.Dest = string(autoLinkURL(n, src))
		default:
			return ast.WalkContinue, nil
		}
		all = append(all, found{position(n), l})
		return ast.WalkContinue, nil
	})
	if len(all) == 0 {
		return nil
	}
	// Footnote definitions are moved to the end of the document.
	sort.SliceStable(all, func(i, j int) bool { return all[i].pos < all[j].pos })
	links := make([]Link, len(all))
	line, at := 1, 0
	for i, f := range all {
		if f.pos > at {
			line += bytes.Count(src[at:min(f.pos, len(src))], []byte{'\n'})
			at = f.pos
		}
		links[i] = f.link
		links[i].Line = line
	}
	return links
}

// position is the offset of n in the source: its own when the parser set
// one, else the first line of the block that holds it.
func position(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for b := n.Parent(); b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			return b.Lines().At(0).Start
		}
	}
	return 0
}

// decode resolves backslash escapes and entity references in a link
// destination, as CommonMark (and goldmark's renderer) do.
func decode(dest []byte) []byte {
	dest = util.UnescapePunctuations(dest)
	dest = util.ResolveNumericReferences(dest)
	return util.ResolveEntityNames(dest)
}

// autoLinkURL is the href of an autolink.
func autoLinkURL(n *ast.AutoLink, src []byte) []byte {
	url := n.URL(src)
	if n.AutoLinkType == ast.AutoLinkEmail && !hasScheme(url, "mailto:") {
		return append([]byte("mailto:"), url...)
	}
	return url
}

// unsafe reports whether a decoded destination has a scheme that must
// never reach an href or src attribute. It replaces goldmark's
// html.IsDangerousURL, which lets data:image/png, gif, jpeg and webp
// through and does not skip spaces or control characters.
func unsafe(dest []byte) bool {
	return hasScheme(dest, "javascript:") || hasScheme(dest, "vbscript:") ||
		hasScheme(dest, "data:") || hasScheme(dest, "file:")
}

// hasScheme reports whether dest starts with prefix (lower-case ASCII),
// ignoring case and every space, control character and DEL, as a
// browser ignores leading ones and drops tabs and newlines anywhere.
func hasScheme(dest []byte, prefix string) bool {
	i := 0
	for _, c := range dest {
		if c <= ' ' || c == 0x7f {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
		i++
		if i == len(prefix) {
			return true
		}
	}
	return false
}
