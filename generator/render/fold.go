package render

import (
	"html/template"
	"io"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/alongside-dev/alongside/generator/i18n"
)

// foldT replaces, in every template of set, each call of t whose
// arguments are all written out ({{t "nav.main"}}, (t "a" "n" "1")) with
// the text it returns in cat, as a string constant: set runs in one
// language only, and a template function costs a reflective call each
// time a page runs it. The constant is escaped where it stands, as t's
// text was. set must not have run yet (html/template rewrites its trees
// on first use).
func foldT(set *template.Template, cat *i18n.Catalog) {
	for _, t := range set.Templates() {
		if t.Tree != nil {
			foldNode(t.Tree.Root, cat)
		}
	}
}

func foldNode(n parse.Node, cat *i18n.Catalog) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				foldNode(c, cat)
			}
		}
	case *parse.ActionNode:
		foldPipe(n.Pipe, cat)
	case *parse.TemplateNode:
		foldPipe(n.Pipe, cat)
	case *parse.IfNode:
		foldBranch(&n.BranchNode, cat)
	case *parse.RangeNode:
		foldBranch(&n.BranchNode, cat)
	case *parse.WithNode:
		foldBranch(&n.BranchNode, cat)
	}
}

func foldBranch(n *parse.BranchNode, cat *i18n.Catalog) {
	foldPipe(n.Pipe, cat)
	foldNode(n.List, cat)
	foldNode(n.ElseList, cat)
}

func foldPipe(p *parse.PipeNode, cat *i18n.Catalog) {
	if p == nil {
		return
	}
	for _, cmd := range p.Cmds {
		for _, arg := range cmd.Args {
			if sub, ok := arg.(*parse.PipeNode); ok {
				foldPipe(sub, cat)
			}
		}
		if id, ok := cmd.Args[0].(*parse.IdentifierNode); !ok || id.Ident != "t" || len(cmd.Args) < 2 {
			continue
		}
		key, ok := cmd.Args[1].(*parse.StringNode)
		if !ok {
			continue
		}
		args, written := make([]any, 0, len(cmd.Args)-2), true
		for _, a := range cmd.Args[2:] {
			s, ok := a.(*parse.StringNode)
			written = written && ok
			if ok {
				args = append(args, s.Text)
			}
		}
		if !written {
			continue // an argument is computed as the page runs
		}
		text := cat.T(key.Text, args...)
		key.Text, key.Quoted = text, strconv.Quote(text)
		cmd.Args = []parse.Node{key}
	}
}

// foldEscaped replaces, in the templates of set that entry runs, each
// action that writes a string constant through html/template's escaper
// for text or for a quoted attribute value ({{t "nav.main"}} once foldT
// has made it a constant) with the text the escaper writes there, which
// html/template itself makes (see escapedConstant): the page then writes
// it without a reflective call. It runs entry once, on no data, to have
// html/template escape it and what it calls, as its first page would;
// set must not have run yet, and is then ready for pages.
func foldEscaped(set *template.Template, entry string) {
	if set.Lookup(entry) == nil {
		return
	}
	set.ExecuteTemplate(io.Discard, entry, nil) // the error of running on no data does not matter
	for _, t := range set.Templates() {
		if t.Tree != nil {
			foldEscapedList(t.Tree.Root)
		}
	}
}

func foldEscapedList(l *parse.ListNode) {
	if l == nil {
		return
	}
	for i, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if text, ok := escapedConstant(n.Pipe); ok {
				l.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(text)}
			}
		case *parse.ListNode:
			foldEscapedList(n)
		case *parse.IfNode:
			foldEscapedList(n.List)
			foldEscapedList(n.ElseList)
		case *parse.RangeNode:
			foldEscapedList(n.List)
			foldEscapedList(n.ElseList)
		case *parse.WithNode:
			foldEscapedList(n.List)
			foldEscapedList(n.ElseList)
		}
	}
}

// escapers are, by the name html/template gives its escaping function
// in an escaped tree, a template that writes its data through that
// function, and the text around it.
var escapers = map[string]struct {
	t             *template.Template
	before, after string
}{
	"_html_template_htmlescaper": {template.Must(template.New("").Parse(`{{.}}`)), "", ""},
	"_html_template_attrescaper": {template.Must(template.New("").Parse(`<p title="{{.}}">`)), `<p title="`, `">`},
}

// escapedConstant returns what an escaped pipeline writes when it is a
// string constant followed by one of escapers, and whether it is.
func escapedConstant(p *parse.PipeNode) (string, bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 2 || len(p.Cmds[0].Args) != 1 || len(p.Cmds[1].Args) != 1 {
		return "", false
	}
	s, ok := p.Cmds[0].Args[0].(*parse.StringNode)
	id, isID := p.Cmds[1].Args[0].(*parse.IdentifierNode)
	if !ok || !isID {
		return "", false
	}
	e, ok := escapers[id.Ident]
	if !ok {
		return "", false
	}
	var b strings.Builder
	if err := e.t.Execute(&b, s.Text); err != nil {
		return "", false
	}
	out, ok := strings.CutPrefix(b.String(), e.before)
	if !ok {
		return "", false
	}
	return strings.CutSuffix(out, e.after)
}
