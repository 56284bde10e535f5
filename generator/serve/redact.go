package serve

import "bytes"

// privateLines reports, for each line of a content file (index 0 is line
// 1), whether it belongs to the [private] table, which must never be
// shown: the [private] header and every line up to the next table header,
// [private.sub] and [[private.sub]] tables, and top-level "private.x = …"
// or "private = {…}" keys with every line of their value. It reads the
// TOML front matter (between the +++ lines, or the whole file when it
// does not start with one) with a small scanner that knows strings,
// multi-line strings, comments and arrays, so that a "[public]" inside a
// private multi-line string does not end the table. On a file too broken
// to follow it errs on the side of hiding.
func privateLines(src []byte) []bool {
	lines := bytes.Split(src, []byte("\n"))
	hide := make([]bool, len(lines))
	start, end := 0, len(lines)
	if len(lines) > 0 && string(bytes.TrimSpace(bytes.TrimPrefix(lines[0], []byte("\xef\xbb\xbf")))) == "+++" {
		start = 1
		for i := 1; i < len(lines); i++ {
			if string(bytes.TrimSpace(lines[i])) == "+++" {
				end = i
				break
			}
		}
	}
	// Where a string or an array is left open, what follows is read as
	// part of it; a line that would be private if it were not is hidden
	// too, since the parser's error may point anywhere near it.
	naive := false
	for i := start; i < end; i++ {
		t := bytes.TrimLeft(lines[i], " \t")
		switch {
		case len(t) > 0 && t[0] == '[':
			naive = firstKey(bytes.TrimLeft(t[1:], "[ \t")) == "private"
			hide[i] = naive
		default:
			hide[i] = naive || firstKey(t) == "private"
		}
	}
	var (
		s         tomlScanner
		inPrivate bool // in a [private…] table
		carry     bool // the value being continued started on a hidden line
		topLevel  = true
	)
	for i := start; i < end; i++ {
		line := lines[i]
		if s.continuing() {
			hide[i] = hide[i] || carry || inPrivate
			s.scan(line)
			continue
		}
		t := bytes.TrimLeft(line, " \t")
		careful := inPrivate
		switch {
		case len(t) > 0 && t[0] == '[':
			inPrivate = firstKey(bytes.TrimLeft(t[1:], "[ \t")) == "private"
			topLevel = false
			careful = inPrivate
		case len(t) > 0 && t[0] != '#':
			careful = inPrivate || topLevel && firstKey(t) == "private"
		}
		carry = careful
		hide[i] = hide[i] || careful
		s.scan(line)
	}
	return hide
}

// firstKey returns the first part of a TOML key ("private" of
// `private.contact = 1` or `"private" . x`), unquoted, or "".
func firstKey(b []byte) string {
	b = bytes.TrimLeft(b, " \t")
	if len(b) == 0 {
		return ""
	}
	switch b[0] {
	case '"', '\'':
		if j := bytes.IndexByte(b[1:], b[0]); j >= 0 {
			return string(b[1 : 1+j])
		}
		return ""
	}
	j := 0
	for j < len(b) && (b[j] >= 'a' && b[j] <= 'z' || b[j] >= 'A' && b[j] <= 'Z' || b[j] >= '0' && b[j] <= '9' || b[j] == '_' || b[j] == '-') {
		j++
	}
	return string(b[:j])
}

// A tomlScanner follows the lexical state of TOML across lines: whether a
// multi-line string or an array is still open at the end of a line.
type tomlScanner struct {
	multi byte // '"' or '\'' inside a multi-line string, else 0
	depth int  // open [ and { of values
}

func (s *tomlScanner) continuing() bool { return s.multi != 0 || s.depth > 0 }

func (s *tomlScanner) scan(line []byte) {
	for i := 0; i < len(line); i++ {
		c := line[i]
		if s.multi != 0 {
			if c == '\\' && s.multi == '"' {
				i++
				continue
			}
			if c == s.multi && i+2 < len(line) && line[i+1] == c && line[i+2] == c {
				s.multi = 0
				i += 2
				for i+1 < len(line) && line[i+1] == c { // """" ends with a quote in the string
					i++
				}
			}
			continue
		}
		switch c {
		case '#':
			return
		case '"', '\'':
			if i+2 < len(line) && line[i+1] == c && line[i+2] == c {
				s.multi = c
				i += 2
				continue
			}
			// A one-line string: skip to its end.
			for i++; i < len(line); i++ {
				if line[i] == '\\' && c == '"' {
					i++
					continue
				}
				if line[i] == c {
					break
				}
			}
		case '[', '{':
			if s.depth > 0 || valueContext(line, i) {
				s.depth++
			}
		case ']', '}':
			if s.depth > 0 {
				s.depth--
			}
		}
	}
}

// valueContext reports whether the bracket at line[i] opens a value (it
// follows an '='), not a table header.
func valueContext(line []byte, i int) bool {
	return bytes.IndexByte(line[:i], '=') >= 0
}
