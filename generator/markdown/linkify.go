package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// gfm is goldmark's extension.GFM with its bare-URL autolinks found by
// quickLinkify: the same tables, strikethrough, task lists and links.
var gfm = goldmark.Extender(gfmExtender{})

type gfmExtender struct{}

func (gfmExtender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(quickLinkify{extension.NewLinkifyParser()}, 999)))
	extension.Table.Extend(m)
	extension.Strikethrough.Extend(m)
	extension.TaskList.Extend(m)
}

// quickLinkify is goldmark's linkify parser (v1.8.7), which is called at
// every space of the text, asked only where it can find a link: where
// the text after the space starts with "http", "ftp:" or "www." (the
// URLs it links), or has an "@" within the 65 bytes that an email
// address's local part (at most 64 bytes) and its "@" span. Elsewhere it
// returns nil without reading anything, as the parser would.
type quickLinkify struct{ parser.InlineParser }

func (q quickLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	switch line[0] {
	case ' ', '*', '_', '~', '(':
		line = line[1:] // the parser steps over the character that called it
		if len(line) == 0 {
			return nil
		}
	}
	switch line[0] {
	case 'h':
		if bytes.HasPrefix(line, []byte("http")) {
			return q.InlineParser.Parse(parent, block, pc)
		}
	case 'f':
		if bytes.HasPrefix(line, []byte("ftp:")) {
			return q.InlineParser.Parse(parent, block, pc)
		}
	case 'w':
		if bytes.HasPrefix(line, []byte("www.")) {
			return q.InlineParser.Parse(parent, block, pc)
		}
	}
	if bytes.IndexByte(line[:min(len(line), 65)], '@') < 0 {
		return nil
	}
	return q.InlineParser.Parse(parent, block, pc)
}
