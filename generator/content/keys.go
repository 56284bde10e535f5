package content

import (
	"strconv"
	"strings"
)

// A pos is where a key or table header stands in the front matter,
// as a line and column of the file.
type pos struct {
	line, col int  // the key, or the header's opening bracket
	valCol    int  // the value, for key = value lines
	implicit  bool // a table never written itself, at its first key or sub-table
}

// keyIndex maps dotted key paths to where they are written. Tables in an
// array get their index as a path element: "resources.0.kind",
// "resources.0" (the [[resources]] line), "review" (the [review] line).
//
// It is built by scanning TOML that the toml package has already parsed
// without error, so it only needs to follow the structure (headers,
// keys, strings and brackets that span lines), not to validate it.
type keyIndex map[string]pos

func indexKeys(front []byte, firstLine int) keyIndex {
	idx := keyIndex{}
	counts := map[string]int{}
	table := ""
	var st scanState
	for i, line := range strings.Split(string(front), "\n") {
		ln := firstLine + i
		if st.inString != "" || st.depth > 0 {
			st.scan(line)
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		col := len(line) - len(trimmed) + 1
		switch {
		case trimmed == "" || trimmed[0] == '#':
		case strings.HasPrefix(trimmed, "[["):
			name := joinKey(parseKey(strings.TrimPrefix(trimmed, "[[")))
			n := counts[name]
			counts[name] = n + 1
			table = name + "." + strconv.Itoa(n)
			idx.add(table, pos{line: ln, col: col, valCol: col})
		case trimmed[0] == '[':
			table = joinKey(parseKey(trimmed[1:]))
			idx.add(table, pos{line: ln, col: col, valCol: col})
		default:
			parts, rest := splitKey(trimmed)
			if parts == nil {
				continue
			}
			key := joinKey(parts)
			if table != "" {
				key = table + "." + key
			}
			valCol := col + len(trimmed) - len(rest)
			idx.add(key, pos{line: ln, col: col, valCol: valCol})
			st.scan(rest)
		}
	}
	return idx
}

// add records where key is written, and that each table above it not
// yet seen ("measures" of [measures.x]) is first written there too.
func (idx keyIndex) add(key string, p pos) {
	idx[key] = p
	for i := strings.LastIndexByte(key, '.'); i > 0; i = strings.LastIndexByte(key[:i], '.') {
		if _, ok := idx[key[:i]]; !ok {
			idx[key[:i]] = pos{line: p.line, col: p.col, valCol: p.col, implicit: true}
		}
	}
}

func joinKey(parts []string) string { return strings.Join(parts, ".") }

// parseKey reads a dotted key, bare or quoted, up to "]" or "=".
func parseKey(s string) []string {
	parts, _ := splitKey(s)
	return parts
}

// splitKey reads the key at the start of s and returns its parts and what
// follows the "=" (or the closing bracket).
func splitKey(s string) ([]string, string) {
	var parts []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return parts, ""
		}
		var part string
		switch s[0] {
		case '"', '\'':
			q := s[0]
			end := 1
			for end < len(s) && s[end] != q {
				if q == '"' && s[end] == '\\' {
					end++
				}
				end++
			}
			raw := s[:min(end+1, len(s))]
			if q == '"' {
				if u, err := strconv.Unquote(raw); err == nil {
					part = u
				} else {
					part = strings.Trim(raw, `"`)
				}
			} else {
				part = strings.Trim(raw, "'")
			}
			s = s[min(end+1, len(s)):]
		default:
			end := 0
			for end < len(s) && isBare(s[end]) {
				end++
			}
			part, s = s[:end], s[end:]
		}
		parts = append(parts, part)
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return parts, ""
		}
		switch s[0] {
		case '.':
			s = s[1:]
		case '=':
			return parts, strings.TrimLeft(s[1:], " \t")
		case ']':
			return parts, ""
		default:
			return nil, ""
		}
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// scanState follows strings and brackets that continue on later lines.
type scanState struct {
	inString string // `"`, `'`, `"""` or `'''` while inside a string
	depth    int    // open [ and { of a value
}

func (st *scanState) scan(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if st.inString != "" {
			q := st.inString
			if c == '\\' && q[0] == '"' {
				i++
				continue
			}
			if strings.HasPrefix(s[i:], q) {
				i += len(q) - 1
				st.inString = ""
			}
			continue
		}
		switch c {
		case '#':
			return
		case '"', '\'':
			q := string(c)
			if strings.HasPrefix(s[i:], q+q+q) {
				q = q + q + q
			}
			st.inString = q
			i += len(q) - 1
		case '[', '{':
			st.depth++
		case ']', '}':
			st.depth--
		}
	}
	if len(st.inString) == 1 { // single-line strings end with the line
		st.inString = ""
	}
}
