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
	eachKey(front, firstLine, func(key string, p pos) bool {
		idx.add(key, p)
		return true
	})
	return idx
}

// eachKey calls yield with the dotted path and place of each key and
// table header of front, in order, until yield returns false.
func eachKey(front []byte, firstLine int, yield func(key string, p pos) bool) {
	var counts map[string]int // of the arrays of tables
	table := ""
	var sc tomlScanner
	text := string(front)
	for i := 0; text != ""; i++ {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		l := sc.next(line)
		if !l.ok {
			continue
		}
		p := pos{line: firstLine + i, col: l.col, valCol: l.valueCol}
		var key string
		switch l.kind {
		case arrayHeaderLine:
			name := joinKey(l.key)
			if counts == nil {
				counts = map[string]int{}
			}
			n := counts[name]
			counts[name] = n + 1
			table = name + "." + strconv.Itoa(n)
			key = table
		case headerLine:
			table = joinKey(l.key)
			key = table
		case keyLine:
			key = joinKey(l.key)
			if table != "" {
				key = table + "." + key
			}
		default:
			continue
		}
		if !yield(key, p) {
			return
		}
	}
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

// A tomlScanner reads TOML one line at a time, following the strings and
// brackets that carry a value over to later lines. It is the one reader
// of TOML lines: the key index uses it to place keys, PrivateLines to
// find the [private] table. It never fails: on text that is not TOML it
// reads as much as it can.
type tomlScanner struct {
	multi string // `"""` or `'''` while inside a multi-line string
	depth int    // open [ and { of a value
	// deepCol is the column of the first bracket that opened more than
	// MaxDepth of them, or 0.
	deepCol int
	off     int // the column before the text being scanned
}

// A tomlLine is one line as a tomlScanner reads it.
type tomlLine struct {
	kind     lineKind
	key      []string // the header's table or the key, in unquoted parts; as far as it could be read
	ok       bool     // key was read to its end
	col      int      // of the key, or of the header's first "["
	valueCol int      // of the value; col for a header
}

type lineKind uint8

const (
	blankLine       lineKind = iota // empty, or a comment
	valueLine                       // the rest of a value begun on an earlier line
	headerLine                      // [table]
	arrayHeaderLine                 // [[table]]
	keyLine                         // key = value, or anything else
)

// next reads the next line.
func (s *tomlScanner) next(line string) tomlLine {
	s.off = 0
	if s.multi != "" || s.depth > 0 {
		s.scan(line, true)
		return tomlLine{kind: valueLine}
	}
	t := strings.TrimLeft(line, " \t")
	col := len(line) - len(t) + 1
	switch {
	case t == "" || t[0] == '#':
		return tomlLine{kind: blankLine}
	case t[0] == '[':
		kind := headerLine
		if strings.HasPrefix(t, "[[") {
			kind = arrayHeaderLine
		}
		key, _, ok := splitKey(strings.TrimLeft(t, "[ \t"))
		s.off = col - 1
		s.scan(t, false) // for what may follow the header
		return tomlLine{kind: kind, key: key, ok: ok, col: col, valueCol: col}
	}
	key, rest, ok := splitKey(t)
	if ok {
		s.off = len(line) - len(rest)
		s.scan(rest, true)
	} else {
		s.off = col - 1
		s.scan(t, false) // not a key: follow its strings all the same
	}
	return tomlLine{kind: keyLine, key: key, ok: ok, col: col, valueCol: col + len(t) - len(rest)}
}

// scan follows the strings and brackets of a value's text. Brackets
// count from the start when value is true, else only after an "=".
func (s *tomlScanner) scan(text string, value bool) {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if s.multi != "" {
			switch {
			case c == '\\' && s.multi[0] == '"':
				i++
			case strings.HasPrefix(text[i:], s.multi):
				i += len(s.multi) - 1
				for i+1 < len(text) && text[i+1] == c { // """" ends with a quote in the string
					i++
				}
				s.multi = ""
			}
			continue
		}
		switch c {
		case '#':
			return
		case '"', '\'':
			if q := strings.Repeat(string(c), 3); strings.HasPrefix(text[i:], q) {
				s.multi = q
				i += 2
				continue
			}
			for i++; i < len(text) && text[i] != c; i++ { // a one-line string
				if text[i] == '\\' && c == '"' {
					i++
				}
			}
		case '=':
			value = true
		case '[', '{':
			if value || s.depth > 0 {
				s.depth++
				if s.depth > MaxDepth && s.deepCol == 0 {
					s.deepCol = s.off + i + 1
				}
			}
		case ']', '}':
			if s.depth > 0 {
				s.depth--
			}
		}
	}
}

// splitKey reads the dotted key, bare or quoted, at the start of s, and
// returns its parts and what follows the "=" (or the closing bracket).
// ok is false when something else follows a part: then rest is the text
// from there.
func splitKey(s string) (parts []string, rest string, ok bool) {
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return parts, "", true
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
			return parts, "", true
		}
		switch s[0] {
		case '.':
			s = s[1:]
		case '=':
			return parts, strings.TrimLeft(s[1:], " \t"), true
		case ']':
			return parts, "", true
		default:
			return parts, s, false
		}
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}
