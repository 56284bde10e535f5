package render

import (
	"html/template"
	"strconv"
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
