package review

import (
	"bytes"
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
)

// A Source is the text of what is translated: a profile (P set) or a page
// (P nil), with its story.
type Source struct {
	P       *content.Profile
	Path    string // its file, relative to the site
	Title   string
	Summary string
	Story   []byte
}

// Print is the fingerprint of the source's translatable text now.
func (s Source) Print() string { return content.TextPrint(s.P, s.Title, s.Summary, s.Story) }

// NewTranslation is the text of a new translation of s into the language
// lang (whose name is name): every translatable text of s, to be
// replaced by its translation, and the fingerprint of that text.
func NewTranslation(s Source, lang, name string) []byte {
	var b bytes.Buffer
	kv := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s = %s\n", k, tomlString(v))
		}
	}
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "# The %s translation of %s.\n", cmp.Or(name, lang), s.Path)
	b.WriteString("# Replace each text below with its translation, and the story under the\n")
	b.WriteString("# closing +++. Numbers, dates and statuses come from the source file only.\n")
	b.WriteString("# Leave out what you do not translate: the page shows the source's words there.\n")
	fmt.Fprintf(&b, "source = %s   # the source's text this translates: written by alongside translate\n", tomlString(s.Print()))
	kv("title", s.Title)
	kv("summary", s.Summary)
	if p := s.P; p != nil {
		if p.Partner.About != "" {
			b.WriteString("\n[partner]\n")
			kv("about", p.Partner.About)
		}
		if p.Voice != nil && p.Voice.Quote != "" {
			b.WriteString("\n[partner_voice]   # the partner's own words: ask the partner for them\n")
			kv("quote", p.Voice.Quote)
		}
		for i, r := range p.Resources {
			fmt.Fprintf(&b, "\n[[resources]]   # %d of %d, in the order of the source\n", i+1, len(p.Resources))
			kv("description", r.Description)
		}
		for i, a := range p.Asks {
			fmt.Fprintf(&b, "\n[[asks]]   # %d of %d (%s)\n", i+1, len(p.Asks), a.Status)
			kv("ask", a.Ask)
			kv("reason", a.Reason)
		}
		for i, o := range p.Outcomes {
			fmt.Fprintf(&b, "\n[[outcomes]]   # %d of %d\n", i+1, len(p.Outcomes))
			if o.MeasureID == "" {
				kv("measure", o.Measure)
			}
			kv("note", o.Note)
		}
	}
	b.WriteString("+++\n")
	b.Write(s.Story)
	return b.Bytes()
}

// sourceLine finds the source key of a translation's front matter.
var sourceLine = regexp.MustCompile(`(?m)^[ \t]*source[ \t]*=[ \t]*("[^"\r\n]*"|'[^'\r\n]*')`)

// Refresh records in the translation data (the bytes of its file) that it
// translates the source's text whose fingerprint is print: it rewrites
// the value of its source key, or adds the key after the opening +++
// line, and changes no other byte.
func Refresh(data []byte, print string) ([]byte, error) {
	end := frontEnd(data)
	if end < 0 {
		return nil, fmt.Errorf("the file does not start with a +++ line: it is not a translation alongside can read")
	}
	value := tomlString(print)
	if m := sourceLine.FindSubmatchIndex(data[:end]); m != nil {
		return slices.Concat(data[:m[2]], []byte(value), data[m[3]:]), nil
	}
	nl := bytes.IndexByte(data, '\n')
	eol := "\n"
	if nl > 0 && data[nl-1] == '\r' {
		eol = "\r\n"
	}
	return slices.Concat(data[:nl+1], []byte("source = "+value+eol), data[nl+1:]), nil
}

// frontEnd is the offset of the closing +++ line of data's front matter,
// or -1 when data has none.
func frontEnd(data []byte) int {
	rest := bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !bytes.HasPrefix(rest, []byte("+++")) {
		return -1
	}
	off := len(data) - len(rest)
	for i := bytes.IndexByte(data[off:], '\n') + off + 1; i > off && i < len(data); {
		line := data[i:]
		if j := bytes.IndexByte(line, '\n'); j >= 0 {
			line = line[:j]
		}
		if strings.TrimRight(string(line), " \t\r") == "+++" {
			return i
		}
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return -1
}
