package markdown

import "bytes"

// goldmark (v1.8.7) reads two shapes of brackets in time that grows with
// the square of their number, so that 200 KB of Markdown can take a
// minute to read:
//
//   - At each "](" it reads the link destination to the end of the line
//     (to a space or an unmatched ")"; after "<", to a ">") before it
//     gives up (parser/link.go parseLinkDestination). A line of
//     "[a](" × 50,000 is read 50,000 times over.
//   - At each "]" that closes a "[" but is no inline link, it looks for a
//     shortcut reference, and text.blockReader.Value finds the label's
//     line by walking back from the paragraph's last line. A paragraph
//     of "[a]" lines is walked once per line.
//
// Tame finds both in one linear pass, estimating goldmark's work the way
// goldmark does it, and escapes the brackets of the lines where that
// work outgrows the text ("\[", "\]"): goldmark then reads them as plain
// characters, and they show as written. Text written by people is far
// below the thresholds: a link's destination ends at its ")", so a line's
// work is about its length, and a paragraph needs thousands of lines and
// thousands of brackets to matter.

// Tame returns src with the brackets of its pathological lines escaped,
// and the 1-based numbers of those lines (none: src itself, unchanged).
// Convert and Links tame what they read; a loader calls Tame to warn.
func Tame(src []byte) ([]byte, []int) {
	if surelyTame(src) {
		return src, nil
	}
	return tame(src)
}

// tame is Tame without its shortcut.
func tame(src []byte) ([]byte, []int) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	bad := make([]bool, len(lines))
	var (
		found              bool
		fence              []byte // the fence of an open code block
		table              bool   // in a table: each cell is read on its own
		para               int    // first line of the paragraph being read; -1 outside one
		paraBytes, closers int
	)
	endPara := func(end int) {
		if para >= 0 && closers*(end-para) > 16*paraBytes+4096 {
			for i := para; i < end; i++ {
				bad[i] = true
			}
			found = true
		}
		para, paraBytes, closers = -1, 0, 0
	}
	para = -1
	for i, line := range lines {
		t := bytes.TrimLeft(line, " ")
		indent := len(line) - len(t)
		if fence != nil {
			if indent <= 3 && bytes.HasPrefix(t, fence) && len(bytes.TrimSpace(bytes.TrimLeft(t, string(fence[:1])))) == 0 {
				fence = nil
			}
			continue
		}
		if indent <= 3 && (bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~"))) {
			endPara(i)
			n := 3
			for n < len(t) && t[n] == t[0] {
				n++
			}
			fence = t[:n]
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 || indent <= 3 && startsBlock(t) {
			endPara(i)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			table = false
			continue
		}
		if !table && bytes.IndexByte(line, '|') >= 0 && i+1 < len(lines) && delimiterRow(lines[i+1]) {
			endPara(i)
			table = true
		}
		if table {
			if destinationWork(line) > 4*len(line)+256 {
				bad[i], found = true, true
			}
			continue
		}
		if para < 0 {
			para = i
		}
		paraBytes += len(line)
		closers += bytes.Count(line, []byte("]"))
		if destinationWork(line) > 4*len(line)+256 {
			bad[i] = true
			found = true
		}
	}
	endPara(len(lines))
	if !found {
		return src, nil
	}
	out := make([]byte, 0, len(src)+len(src)/8)
	var which []int
	for i, line := range lines {
		if !bad[i] {
			out = append(out, line...)
			continue
		}
		which = append(which, i+1)
		escaped := false
		for _, c := range line {
			if (c == '[' || c == ']') && !escaped {
				out = append(out, '\\')
			}
			escaped = c == '\\' && !escaped
			out = append(out, c)
		}
	}
	return out, which
}

// surelyTame reports, in a pass that allocates nothing, that no line of
// src can be pathological, as most text is: it has at most 16 "]" in
// all, so that no paragraph's closers × lines (each line at least a
// byte) outgrows 16 × its bytes, and no line has more than 4 "](", each
// of whose destinations is read at most to the line's end, so that no
// line's work outgrows 4 × its length.
func surelyTame(src []byte) bool {
	if bytes.Count(src, []byte("]")) > 16 {
		return false
	}
	if bytes.Count(src, []byte("](")) <= 4 {
		return true
	}
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i+1], src[i+1:]
		} else {
			src = nil
		}
		if bytes.Count(line, []byte("](")) > 4 {
			return false
		}
	}
	return true
}

// startsBlock reports whether a line, without its indent, begins a block
// that ends the paragraph before it: a heading, a list item, a thematic
// break. (A quote's lines go on with its paragraph; when unsure, the
// paragraph goes on, which only makes Tame stricter.)
func startsBlock(t []byte) bool {
	t = bytes.TrimRight(t, " \t\r\n")
	if len(t) == 0 {
		return false
	}
	spaceAfter := func(n int) bool { return n == len(t) || t[n] == ' ' || t[n] == '\t' }
	switch c := t[0]; c {
	case '#':
		n := 1
		for n < len(t) && t[n] == '#' {
			n++
		}
		return n <= 6 && spaceAfter(n)
	case '-', '*', '+', '_', '=':
		if len(bytes.Trim(t, string(c)+" \t")) == 0 {
			return true // a thematic break or a heading's underline
		}
		return c != '_' && c != '=' && spaceAfter(1)
	}
	n := 0
	for n < len(t) && n < 9 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	return n > 0 && n < len(t) && (t[n] == '.' || t[n] == ')') && spaceAfter(n+1)
}

// delimiterRow reports whether line is the second line of a table:
// "|---|:--:|".
func delimiterRow(line []byte) bool {
	t := bytes.TrimSpace(line)
	return bytes.IndexByte(t, '-') >= 0 && len(bytes.Trim(t, "|-: \t")) == 0
}

// destinationWork is about how many bytes goldmark reads of line to find
// the destinations of its "](" (see Tame), never much more than twice
// the line's length plus its limit.
func destinationWork(line []byte) int {
	limit := 4*len(line) + 257
	work := 0
	for i := 0; i+1 < len(line) && work < limit; i++ {
		if line[i] != ']' || line[i+1] != '(' {
			continue
		}
		j := i + 2
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		start := j
		if j < len(line) && line[j] == '<' {
			for j++; j < len(line) && line[j] != '>' && line[j] != '\n'; j++ {
				if line[j] == '\\' {
					j++
				}
			}
		} else {
			opened := 0
		scan:
			for ; j < len(line); j++ {
				switch c := line[j]; {
				case c == '\\':
					j++
				case c == '(':
					opened++
				case c == ')':
					if opened--; opened < 0 {
						break scan
					}
				case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
					break scan
				}
			}
		}
		work += j - start + 1
	}
	return work
}
