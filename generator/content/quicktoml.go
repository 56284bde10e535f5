package content

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// quickTOML decodes src as toml.Decode would decode it into a
// map[string]any, when src keeps to the plain TOML that profiles are
// written in: bare keys, [table] and [[array]] headers with one bare key,
// one-line strings, decimal numbers, booleans, dates and arrays of those,
// comments. For anything else (dotted or quoted keys, inline tables,
// multi-line strings, times, hex or underscored numbers, a key written
// twice, a control character, …) it returns ok false and the caller
// decodes with the toml package, which also words the errors. It is
// several times faster and allocates a fraction of what the toml package
// does; FuzzQuickTOML holds the two to the same result.
func quickTOML(src string) (m map[string]any, ok bool) {
	if !plainText(src) {
		return nil, false
	}
	q := quick{src: src, root: map[string]any{}}
	q.table = q.root
	for q.i < len(q.src) {
		if !q.line() {
			return nil, false
		}
	}
	return q.root, true
}

// plainText reports whether s is valid UTF-8 without a byte order mark
// and without control characters other than tab, and CR before LF.
func plainText(s string) bool {
	if strings.HasPrefix(s, "\uFEFF") {
		return false
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80:
			ascii = false
		case c == 0x7f:
			return false
		case c >= 0x20 || c == '\t' || c == '\n':
		case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
		default:
			return false
		}
	}
	return ascii || utf8.ValidString(s)
}

// A quick is one run of quickTOML.
type quick struct {
	src   string
	i     int
	root  map[string]any
	table map[string]any // the table that key = value lines go into
	// arrays are the keys of root made by [[key]] headers.
	arrays map[string]bool
}

// line reads one line: blank, a comment, a header or key = value.
func (q *quick) line() bool {
	q.space()
	if q.i >= len(q.src) {
		return true
	}
	switch c := q.src[q.i]; {
	case c == '[':
		if !q.header() {
			return false
		}
	case isBare(c):
		if !q.keyValue() {
			return false
		}
	}
	return q.endOfLine()
}

// endOfLine reads spaces, a comment, and the end of the line.
func (q *quick) endOfLine() bool {
	q.space()
	if q.i < len(q.src) && q.src[q.i] == '#' {
		q.skipComment()
	}
	return q.newline() || q.i >= len(q.src)
}

// skipComment reads a comment up to its line end.
func (q *quick) skipComment() {
	if j := strings.IndexByte(q.src[q.i:], '\n'); j >= 0 {
		q.i += j
		if q.src[q.i-1] == '\r' {
			q.i--
		}
		return
	}
	q.i = len(q.src)
}

// newline reads one line end, LF or CRLF.
func (q *quick) newline() bool {
	switch {
	case strings.HasPrefix(q.src[q.i:], "\n"):
		q.i++
	case strings.HasPrefix(q.src[q.i:], "\r\n"):
		q.i += 2
	default:
		return false
	}
	return true
}

// space reads spaces and tabs.
func (q *quick) space() {
	for q.i < len(q.src) && (q.src[q.i] == ' ' || q.src[q.i] == '\t') {
		q.i++
	}
}

// header reads [name] or [[name]] and makes its table the current one.
func (q *quick) header() bool {
	q.i++
	array := q.i < len(q.src) && q.src[q.i] == '['
	if array {
		q.i++
	}
	q.space()
	name := q.bareKey()
	q.space()
	closing := "]"
	if array {
		closing = "]]"
	}
	if name == "" || !strings.HasPrefix(q.src[q.i:], closing) {
		return false
	}
	q.i += len(closing)
	t := map[string]any{}
	old, exists := q.root[name]
	switch {
	case !array && !exists:
		q.root[name] = t
	case array && !exists:
		q.root[name] = []map[string]any{t}
		if q.arrays == nil {
			q.arrays = map[string]bool{}
		}
		q.arrays[name] = true
	case array && q.arrays[name]:
		q.root[name] = append(old.([]map[string]any), t)
	default:
		return false // a table written twice, or over a key: the toml package words it
	}
	q.table = t
	return true
}

// bareKey reads a key of letters, digits, _ and -.
func (q *quick) bareKey() string {
	j := q.i
	for j < len(q.src) && isBare(q.src[j]) {
		j++
	}
	k := q.src[q.i:j]
	q.i = j
	return k
}

// keyValue reads key = value into the current table.
func (q *quick) keyValue() bool {
	k := q.bareKey()
	q.space()
	if q.i >= len(q.src) || q.src[q.i] != '=' {
		return false
	}
	q.i++
	q.space()
	if _, dup := q.table[k]; dup {
		return false
	}
	v, ok := q.value(false)
	if !ok {
		return false
	}
	q.table[k] = v
	return true
}

// value reads one value. Arrays in arrays are left to the toml package
// (and the depth limit of checkTOMLLimits).
func (q *quick) value(inArray bool) (any, bool) {
	if q.i >= len(q.src) {
		return nil, false
	}
	switch q.src[q.i] {
	case '"':
		return q.basicString()
	case '\'':
		return q.literalString()
	case '[':
		if inArray {
			return nil, false
		}
		return q.array()
	}
	j := q.i
	for j < len(q.src) && !isValueEnd(q.src[j]) {
		j++
	}
	tok := q.src[q.i:j]
	q.i = j
	switch {
	case tok == "true":
		return true, true
	case tok == "false":
		return false, true
	case isDate(tok):
		return q.date(tok)
	}
	return number(tok)
}

// isValueEnd reports whether c ends a number, a date or a boolean.
func isValueEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', ']', '}', '#':
		return true
	}
	return false
}

// isDate reports whether s is written as YYYY-MM-DD.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := range len(s) {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// localDate is the time zone that the toml package gives dates, so that
// quickTOML's dates are equal to its.
var localDate = sync.OnceValue(func() *time.Location {
	var m map[string]any
	if _, err := toml.Decode("d = 2000-01-01", &m); err != nil {
		panic(err)
	}
	return m["d"].(time.Time).Location()
})

// date turns tok, written as YYYY-MM-DD, into a date, unless a time of
// day follows ("2024-05-01 10:00" is a date and time).
func (q *quick) date(tok string) (any, bool) {
	j := q.i
	for j < len(q.src) && q.src[j] == ' ' {
		j++
	}
	if j < len(q.src) && '0' <= q.src[j] && q.src[j] <= '9' {
		return nil, false
	}
	t, err := time.ParseInLocation(time.DateOnly, tok, localDate())
	return t, err == nil
}

// number reads a decimal integer or float without underscores, leading
// zeros, inf or nan.
func number(tok string) (any, bool) {
	s := tok
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	digits := func() int {
		n := 0
		for n < len(s) && '0' <= s[n] && s[n] <= '9' {
			n++
		}
		return n
	}
	n := digits()
	if n == 0 || n > 1 && s[0] == '0' {
		return nil, false
	}
	s = s[n:]
	float := false
	if s != "" && s[0] == '.' {
		s = s[1:]
		if n = digits(); n == 0 {
			return nil, false
		}
		s, float = s[n:], true
	}
	if s != "" && (s[0] == 'e' || s[0] == 'E') {
		s = s[1:]
		if s != "" && (s[0] == '+' || s[0] == '-') {
			s = s[1:]
		}
		if n = digits(); n == 0 {
			return nil, false
		}
		s, float = s[n:], true
	}
	if s != "" {
		return nil, false
	}
	if float {
		f, err := strconv.ParseFloat(tok, 64)
		return f, err == nil
	}
	i, err := strconv.ParseInt(tok, 10, 64)
	return i, err == nil
}

// basicString reads "…" on one line, with the escapes \" \\ \b \t \n \f
// \r \uXXXX and \UXXXXXXXX.
func (q *quick) basicString() (any, bool) {
	if strings.HasPrefix(q.src[q.i:], `"""`) {
		return nil, false
	}
	q.i++
	start := q.i
	for q.i < len(q.src) {
		switch q.src[q.i] {
		case '"':
			s := q.src[start:q.i]
			q.i++
			return s, true
		case '\\':
			return q.escapedString(start)
		case '\n', '\r':
			return nil, false
		}
		q.i++
	}
	return nil, false
}

// escapedString reads on a basic string that started at start and has an
// escape at q.i.
func (q *quick) escapedString(start int) (any, bool) {
	var b strings.Builder
	b.WriteString(q.src[start:q.i])
	for q.i < len(q.src) {
		c := q.src[q.i]
		switch c {
		case '"':
			q.i++
			return b.String(), true
		case '\n', '\r':
			return nil, false
		case '\\':
			if q.i+1 >= len(q.src) {
				return nil, false
			}
			e := q.src[q.i+1]
			q.i += 2
			switch e {
			case '"', '\\':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 't':
				b.WriteByte('\t')
			case 'n':
				b.WriteByte('\n')
			case 'f':
				b.WriteByte('\f')
			case 'r':
				b.WriteByte('\r')
			case 'u', 'U':
				n := 4
				if e == 'U' {
					n = 8
				}
				if q.i+n > len(q.src) {
					return nil, false
				}
				r, err := strconv.ParseUint(q.src[q.i:q.i+n], 16, 32)
				if err != nil || !utf8.ValidRune(rune(r)) {
					return nil, false
				}
				b.WriteRune(rune(r))
				q.i += n
			default:
				return nil, false
			}
			continue
		}
		b.WriteByte(c)
		q.i++
	}
	return nil, false
}

// literalString reads '…' on one line.
func (q *quick) literalString() (any, bool) {
	if strings.HasPrefix(q.src[q.i:], "'''") {
		return nil, false
	}
	rest := q.src[q.i+1:]
	j := strings.IndexAny(rest, "'\n\r")
	if j < 0 || rest[j] != '\'' {
		return nil, false
	}
	q.i += j + 2
	return rest[:j], true
}

// array reads [v, v, …], over lines and with comments between values.
func (q *quick) array() (any, bool) {
	q.i++
	a := make([]any, 0, 2)
	for {
		q.gap()
		if q.i >= len(q.src) {
			return nil, false
		}
		if q.src[q.i] == ']' {
			q.i++
			return a, true
		}
		v, ok := q.value(true)
		if !ok {
			return nil, false
		}
		a = append(a, v)
		q.gap()
		if q.i >= len(q.src) {
			return nil, false
		}
		switch q.src[q.i] {
		case ',':
			q.i++
		case ']':
			q.i++
			return a, true
		default:
			return nil, false
		}
	}
}

// gap reads spaces, line ends and comments between the values of an
// array.
func (q *quick) gap() {
	for {
		q.space()
		if q.i < len(q.src) && q.src[q.i] == '#' {
			q.skipComment()
		}
		if q.i >= len(q.src) || !q.newline() {
			return
		}
	}
}
