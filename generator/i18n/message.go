package i18n

import (
	"fmt"
	"html/template"
	"strings"
)

// A text is one text of a catalog, its placeholders found once.
type text struct {
	s     string // as written
	parts []part // nil when s has no placeholder
}

// A part is a run of literal text or a placeholder's name.
type part struct {
	s    string
	name bool
}

// parse finds the placeholders of s: {name}, where name is a letter or
// underscore followed by letters, digits and underscores. Any other brace
// is text.
func parse(s string) *text {
	t := &text{s: s}
	var parts []part
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		j := i + 1
		for j < len(s) && nameByte(s[j], j == i+1) {
			j++
		}
		if j == i+1 || j >= len(s) || s[j] != '}' {
			continue
		}
		if last < i {
			parts = append(parts, part{s: s[last:i]})
		}
		parts = append(parts, part{s: s[i+1 : j], name: true})
		last = j + 1
		i = j
	}
	if parts == nil {
		return t
	}
	if last < len(s) {
		parts = append(parts, part{s: s[last:]})
	}
	t.parts = parts
	return t
}

func nameByte(c byte, first bool) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || !first && c >= '0' && c <= '9'
}

// names are the placeholders of t, in order, each once.
func (t *text) names() []string {
	var out []string
	for _, p := range t.parts {
		if p.name && !contains(out, p.s) {
			out = append(out, p.s)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// arg is the value of placeholder name among args, name/value pairs.
func arg(args []any, name string) (any, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if k, ok := args[i].(string); ok && k == name {
			return args[i+1], true
		}
	}
	return nil, false
}

// fill writes t with its placeholders filled from args. count, when not
// nil, is the value of {count} unless args give one. With html, text and
// plain values are escaped and template.HTML values written as they are;
// without, everything is written as it is.
func (c *Catalog) fill(t *text, args []any, count *float64, html bool) string {
	if t.parts == nil {
		if html {
			return escape(t.s)
		}
		return t.s
	}
	var b strings.Builder
	b.Grow(len(t.s) + 16*len(t.parts))
	for _, p := range t.parts {
		if !p.name {
			write(&b, p.s, html)
			continue
		}
		v, ok := arg(args, p.s)
		switch {
		case ok:
			c.value(&b, v, html)
		case p.s == "count" && count != nil:
			b.WriteString(c.Number(*count)) // digits and separators: never escaped
		default:
			write(&b, "{"+p.s+"}", html)
		}
	}
	return b.String()
}

// value writes v: a string as it is, a number as Number writes it,
// template.HTML as markup (in HTML) or as its text.
func (c *Catalog) value(b *strings.Builder, v any, html bool) {
	var s string
	switch v := v.(type) {
	case template.HTML:
		if html {
			b.WriteString(string(v))
			return
		}
		s = string(v)
	case string:
		s = v
	case int:
		s = c.Number(float64(v))
	case int64:
		s = c.Number(float64(v))
	case int32:
		s = c.Number(float64(v))
	case uint:
		s = c.Number(float64(v))
	case uint64:
		s = c.Number(float64(v))
	case uint32:
		s = c.Number(float64(v))
	case float64:
		s = c.Number(v)
	case float32:
		s = c.Number(float64(v))
	case fmt.Stringer:
		s = v.String()
	default:
		s = fmt.Sprint(v)
	}
	write(b, s, html)
}

func write(b *strings.Builder, s string, html bool) {
	if html {
		EscapeTo(b, s)
	} else {
		b.WriteString(s)
	}
}

// escape is s with the characters html/template escapes in text escaped,
// as it escapes them.
func escape(s string) string {
	for i := 0; i < len(s); i++ {
		if special[s[i]] {
			var b strings.Builder
			b.Grow(len(s) + 16)
			EscapeTo(&b, s)
			return b.String()
		}
	}
	return s
}

// EscapeTo writes s to b as HTML text and attribute values are escaped
// (as html/template escapes them; NUL becomes U+FFFD).
func EscapeTo(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		if !special[s[i]] {
			continue
		}
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&#34;"
		case '\'':
			rep = "&#39;"
		case '+':
			rep = "&#43;"
		default: // NUL
			rep = "\uFFFD"
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// special are the bytes escape escapes.
var special = [256]bool{'&': true, '<': true, '>': true, '"': true, '\'': true, '+': true, 0: true}
