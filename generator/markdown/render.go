package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// linkRenderer renders links, images and autolinks in place of goldmark's
// own renderer, with alongside's URL rules. It holds no per-call state.
type linkRenderer struct {
	prefix string // BasePath without its trailing slash; "" for "/"
	image  func(string) string
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
}

// href is the attribute value for a safe, decoded destination of node
// n: read from the folder ConvertFrom gave when it is relative, then
// prefixed with the base path when it is root-relative.
func (r *linkRenderer) href(n ast.Node, dest []byte) []byte {
	if dir, ok := n.AttributeString(dirAttr); ok && relative(dest) {
		dest = append([]byte(dir.(string)), dest...)
	}
	if r.prefix != "" && rootRelative(dest) {
		dest = append([]byte(r.prefix), dest...)
	}
	return util.EscapeHTML(util.URLEscape(dest, false))
}

// rootRelative reports whether dest is a path on this host ("/about/"),
// not a protocol-relative URL ("//host/", or "/\host/" to a browser).
func rootRelative(dest []byte) bool {
	return len(dest) > 0 && dest[0] == '/' &&
		(len(dest) == 1 || (dest[1] != '/' && dest[1] != '\\'))
}

func (r *linkRenderer) renderLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	dest := decode(n.Destination)
	if unsafe(dest) {
		return ast.WalkContinue, nil // the text alone
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(r.href(n, dest))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (r *linkRenderer) renderImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	dest := decode(n.Destination)
	var attr []byte
	switch {
	case unsafe(dest):
	case r.image != nil:
		if d := r.image(string(dest)); !unsafe([]byte(d)) || hasScheme([]byte(d), "data:image/") {
			attr = util.EscapeHTML([]byte(d))
		}
	default:
		attr = r.href(n, dest)
	}
	if attr == nil {
		writeAlt(w, src, n)
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(attr)
	_, _ = w.WriteString(`" alt="`)
	writeAlt(w, src, n)
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkSkipChildren, nil
}

func (r *linkRenderer) renderAutoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	label := util.EscapeHTML(n.Label(src))
	url := autoLinkURL(n, src)
	if unsafe(url) {
		_, _ = w.Write(label)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(r.href(n, url))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(label)
	_, _ = w.WriteString(`</a>`)
	return ast.WalkContinue, nil
}

// writeAlt writes the plain text of n's children, HTML-escaped, as
// goldmark does for alt attributes (raw HTML inside is dropped).
func writeAlt(w util.BufWriter, src []byte, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if c.IsRaw() {
				html.DefaultWriter.RawWrite(w, v)
			} else {
				html.DefaultWriter.Write(w, v)
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				_ = w.WriteByte('\n')
			}
		case *ast.String:
			if c.IsRaw() || c.IsCode() {
				html.DefaultWriter.RawWrite(w, c.Value)
			} else {
				html.DefaultWriter.Write(w, c.Value)
			}
		case *ast.AutoLink:
			_, _ = w.Write(util.EscapeHTML(c.Label(src)))
		default:
			writeAlt(w, src, c)
		}
	}
}
