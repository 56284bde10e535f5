package review

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
)

// Approval is what `alongside approve` records.
type Approval struct {
	Date content.Date // the day the partner approved
	By   string       // who approved, as a role: "Board, Familias Unidas del Sur"
	// Bundle is the content.BundleDigest of the profile's bundle files,
	// which its fingerprint covers; "" without any.
	Bundle string
}

// approveKeys are the [review] keys Approve writes, in the order it adds
// missing ones.
var approveKeys = []string{"state", "date", "by", "fingerprint"}

// Approve returns data, the bytes of the profile file rel (a path relative
// to the site), with its review table recording a, and the profile as
// read from the result. See the package documentation for what it
// changes. The error is a content.Problems when the profile has errors;
// data is never changed in place.
func Approve(rel string, data []byte, cfg *content.Config, a Approval) ([]byte, *content.Profile, error) {
	if !a.Date.Set() {
		return nil, nil, errors.New("approve: the date of the approval is not set")
	}
	if strings.TrimSpace(a.By) == "" {
		return nil, nil, errors.New("approve: say who approved, as a role (for example \"Board, Familias Unidas del Sur\")")
	}
	if cs := findContacts(a.By); len(cs) > 0 {
		return nil, nil, fmt.Errorf("who approved is published: %q looks like %s; give a role instead, like \"Board, Familias Unidas del Sur\"", cs[0].text, cs[0].kind)
	}
	p, probs := content.ParseProfile(rel, data, cfg)
	if p == nil {
		return nil, nil, probs
	}
	if errs := blocking(probs.Errors()); len(errs) > 0 {
		return nil, nil, errs
	}
	values := map[string]string{
		"state":       tomlString("approved"),
		"date":        a.Date.String(),
		"by":          tomlString(a.By),
		"fingerprint": tomlString(content.WithBundle(p.Fingerprint, a.Bundle)),
	}
	edits, err := planApproval(data, p, values)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", rel, err)
	}
	out := apply(data, edits)

	// Read the result back as every other command will.
	q, probs := content.ParseProfile(rel, out, cfg)
	if q == nil || len(probs.Errors()) > 0 || q.Review.State != "approved" ||
		q.Review.Date.String() != a.Date.String() || q.Review.By != a.By ||
		q.Fingerprint != p.Fingerprint || q.Review.Fingerprint != content.WithBundle(q.Fingerprint, a.Bundle) {
		return nil, nil, fmt.Errorf("%s: could not record the approval without changing anything else; the file was left as it was (please report this as a bug)", rel)
	}
	q.Fingerprint = q.Review.Fingerprint
	return out, q, nil
}

// blocking drops the errors Approve repairs: those of the keys it writes.
func blocking(errs content.Problems) content.Problems {
	var out content.Problems
	for _, e := range errs {
		if f, ok := strings.CutPrefix(e.Field, "review."); ok && slices.Contains(approveKeys, f) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// An edit replaces data[start:end] with text.
type edit struct {
	start, end int
	text       string
}

func apply(data []byte, edits []edit) []byte {
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	out := make([]byte, 0, len(data)+256)
	at := 0
	for _, e := range edits {
		out = append(out, data[at:e.start]...)
		out = append(out, e.text...)
		at = e.end
	}
	return append(out, data[at:]...)
}

// lines indexes the lines of a file: starts[i] is the offset of line i+1.
type lines struct {
	data   []byte
	starts []int
}

func newLines(data []byte) lines {
	l := lines{data: data, starts: []int{0}}
	for i, c := range data {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// offset is the byte offset of a 1-based line and column.
func (l lines) offset(line, col int) int { return l.starts[line-1] + col - 1 }

// text is line n without its line ending.
func (l lines) text(n int) string {
	end := len(l.data)
	if n < len(l.starts) {
		end = l.starts[n]
	}
	return strings.TrimRight(string(l.data[l.starts[n-1]:end]), "\r\n")
}

// eol is the file's line ending: that of its first line.
func (l lines) eol() string {
	if len(l.starts) > 1 && l.starts[1] >= 2 && l.data[l.starts[1]-2] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// planApproval returns the edits that set the [review] keys to values.
func planApproval(data []byte, p *content.Profile, values map[string]string) ([]edit, error) {
	l := newLines(data)
	eol := l.eol()
	keys := content.KeysOf(data)
	hdr, hasHdr := keys["review"]
	if hasHdr && !strings.HasPrefix(strings.TrimSpace(l.text(hdr.Line)), "[") {
		return nil, fmt.Errorf("line %d: review is written as an inline table; approve edits a [review] table: write [review] on a line of its own, then one key per line", hdr.Line)
	}
	if !hasHdr {
		for k, kp := range keys {
			if strings.HasPrefix(k, "review.") {
				return nil, fmt.Errorf("line %d: %s is written as a dotted key; approve edits a [review] table: write [review] on a line of its own, then one key per line", kp.Line, k)
			}
		}
	}
	var edits []edit
	var add strings.Builder
	for _, k := range approveKeys {
		kp, ok := keys["review."+k]
		if !ok {
			fmt.Fprintf(&add, "%s = %s%s", k, values[k], eol)
			continue
		}
		start := l.offset(kp.Line, kp.ValueCol)
		end, ok := valueEnd(data, start)
		if !ok {
			return nil, fmt.Errorf("line %d: cannot replace the value of review.%s: write it as one string or date on the line of its key", kp.Line, k)
		}
		edits = append(edits, edit{start, end, values[k]})
	}
	if hasHdr {
		if add.Len() > 0 {
			at := l.starts[hdr.Line] // the line after the header
			edits = append(edits, edit{at, at, add.String()})
		}
		return edits, nil
	}
	line := tableInsertLine(l, p, keys)
	var b strings.Builder
	if prev := strings.TrimSpace(l.text(line - 1)); prev != "" && line-1 > 1 {
		b.WriteString(eol)
	}
	b.WriteString("[review]" + eol)
	b.WriteString(add.String())
	if line != p.BodyLine-1 { // a table or its comment follows
		b.WriteString(eol)
	}
	at := l.starts[line-1]
	return append(edits, edit{at, at, b.String()}), nil
}

// tableInsertLine is the line a new [review] table goes before: the first
// [[…]] or [private] header, or the comment lines right above it; else the
// closing +++ line.
func tableInsertLine(l lines, p *content.Profile, keys map[string]content.KeyPos) int {
	closing := p.BodyLine - 1
	line := closing
	for k, kp := range keys {
		t := strings.TrimSpace(l.text(kp.Line))
		if kp.Line < line && (strings.HasPrefix(t, "[[") || k == "private" && strings.HasPrefix(t, "[")) {
			line = kp.Line
		}
	}
	if line == closing {
		return line
	}
	for line-1 > 1 && strings.HasPrefix(strings.TrimSpace(l.text(line-1)), "#") {
		line--
	}
	return line
}

// valueEnd returns the offset just after the TOML value that starts at
// offset i: a string of any of the four kinds, or a bare value (a date,
// a number, true or false) up to a comment or the end of the line. It
// reports false for arrays and inline tables, which Approve never needs to
// replace, and for anything it cannot follow.
func valueEnd(data []byte, i int) (int, bool) {
	rest := data[i:]
	if len(rest) == 0 {
		return 0, false
	}
	switch q := rest[0]; {
	case bytes.HasPrefix(rest, []byte(`"""`)) || bytes.HasPrefix(rest, []byte(`'''`)):
		delim := rest[:3]
		for j := 3; j < len(rest); j++ {
			if q == '"' && rest[j] == '\\' {
				j++
				continue
			}
			if bytes.HasPrefix(rest[j:], delim) {
				j += 3
				for n := 0; n < 2 && j < len(rest) && rest[j] == q; n++ {
					j++ // up to two quotes may end the string's text
				}
				return i + j, true
			}
		}
	case q == '"' || q == '\'':
		for j := 1; j < len(rest) && rest[j] != '\n'; j++ {
			if q == '"' && rest[j] == '\\' {
				j++
				continue
			}
			if rest[j] == q {
				return i + j + 1, true
			}
		}
	case q == '[' || q == '{':
	default:
		end := bytes.IndexAny(rest, "#\n")
		if end < 0 {
			end = len(rest)
		}
		end = len(bytes.TrimRight(rest[:end], " \t\r"))
		if end > 0 {
			return i + end, true
		}
	}
	return 0, false
}
