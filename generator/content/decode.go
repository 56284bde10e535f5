package content

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unique"

	"github.com/BurntSushi/toml"
)

// A decoder turns one file's decoded TOML into typed values, collecting a
// Problem for every key that is missing, unknown or wrong.
type decoder struct {
	path      string
	front     []byte // the TOML text, for the key index
	frontLine int    // the file line of its first line
	keys      keyIndex
	openLine  int // the opening +++ line (1 for site.toml)
	problems  Problems
	// blanked are the fields of lines emptied to read past syntax
	// errors: they are not also "missing".
	blanked map[string]bool
}

// pos returns where key is written. The key index is made on the first
// call: only files with problems need one.
func (d *decoder) pos(key string) (pos, bool) {
	if d.keys == nil {
		d.keys = indexKeys(d.front, d.frontLine)
	}
	p, ok := d.keys[key]
	return p, ok
}

// maxSyntaxErrors is how many syntax errors of one file decodeTOML
// reports before it stops reading the file.
const maxSyntaxErrors = 10

// decodeTOML parses front matter into a map. A syntax error becomes a
// Problem at the parser's position, shifted to the file's lines, in plain
// words for the common mistakes (see explain). When the error is on a
// "key = value" line, that line is emptied and the rest parsed again, so
// that one run lists the file's other problems too; ok is then still
// true, with the errors among d.problems.
func (d *decoder) decodeTOML(front []byte, firstLine int) (map[string]any, bool) {
	if len(front) <= MaxFrontMatter {
		if m, ok := quickTOML(string(front)); ok {
			d.front, d.frontLine = front, firstLine
			return m, true
		}
	}
	if !d.checkTOMLLimits(front, firstLine) {
		return nil, false
	}
	for range maxSyntaxErrors {
		var m map[string]any
		_, err := toml.Decode(string(front), &m)
		if err == nil {
			d.front, d.frontLine = front, firstLine
			return m, true
		}
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			d.problems = append(d.problems, Problem{Path: d.path, Line: firstLine, Col: 1, Message: "TOML: " + err.Error()})
			return nil, false
		}
		line, col := errPos(front, pe.Position)
		at := lineAt(front, line)
		msg, field := pe.Message, pe.LastKey
		if pe.Usage != "" {
			msg += " (" + strings.TrimSpace(strings.SplitN(pe.Usage, "\n", 2)[0]) + ")"
		}
		if at.ok {
			field = at.field
		}
		switch plain := explain(at); {
		case field == "private" || strings.HasPrefix(field, "private."):
			// Problems are shown in the terminal and in serve's error
			// overlay: name no key of [private] and quote none of its
			// text.
			field, msg = "private", "TOML syntax: "+hideQuoted(msg)
		case plain != "":
			msg, col = plain, at.valueCol
		default:
			msg = "TOML syntax: " + msg
		}
		d.problems = append(d.problems, Problem{Path: d.path, Line: line + firstLine - 1, Col: col, Field: field, Message: msg})
		if !at.ok {
			return nil, false // a broken header or bracket: reading on would mislead
		}
		if d.blanked == nil {
			d.blanked = map[string]bool{}
		}
		d.blanked[at.field] = true
		front = blankLineOf(front, line)
	}
	return nil, false
}

// errPos is the line and column of a syntax error in front. Both are
// counted from the error's byte offset: the toml package's line is the
// lexer's line when it gave up, one too many when the bad token ends with
// a newline, and its column for an error at the start of a line is one
// past the end of the line before.
func errPos(front []byte, p toml.Position) (line, col int) {
	if bytes.HasPrefix(front, []byte("\xef\xbb\xbf")) {
		p.Start += 3 // the toml package counts after a byte order mark
	}
	if p.Start < 0 || p.Start > len(front) {
		return max(p.Line, 1), max(p.Col, 1)
	}
	before := front[:p.Start]
	return 1 + bytes.Count(before, []byte("\n")), p.Start - bytes.LastIndexByte(before, '\n')
}

// The parts of the toml package's error messages that quote the file: a
// token (%q), a key ('%s' after "Key") or a number at the end ('%s').
var (
	quotedTokenRE  = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	quotedKeyRE    = regexp.MustCompile(`Key '.*' (has|was) `)
	quotedNumberRE = regexp.MustCompile(`: '[^']*'$`)
)

// hideQuoted replaces what a syntax error message quotes of the file with
// "…", keeping its one-character hints such as '='.
func hideQuoted(msg string) string {
	msg = quotedTokenRE.ReplaceAllString(msg, `"…"`)
	msg = quotedKeyRE.ReplaceAllString(msg, "Key '…' $1 ")
	return quotedNumberRE.ReplaceAllString(msg, ": '…'")
}

// A table is one TOML table being read: the top level, [partner], or the
// second [[resources]].
type table struct {
	d     *decoder
	m     map[string]any
	key   string // path in the key index: "", "review", "resources.1"
	field string // path as users read it: "", "review", "resources[2]"
}

func (d *decoder) top(m map[string]any) table { return table{d: d, m: m} }

func (t table) keyPath(k string) string {
	if t.key == "" {
		return k
	}
	return t.key + "." + k
}

func (t table) fieldName(k string) string {
	if t.field == "" {
		return k
	}
	return t.field + "." + k
}

// where returns the position of key k, or of the table when k is missing.
func (t table) where(k string) (line, col int) {
	if p, ok := t.d.pos(t.keyPath(k)); ok {
		return p.line, p.valCol
	}
	return t.d.lineOf(t.key)
}

// errf records an error about key k.
func (t table) errf(k, format string, args ...any) {
	line, col := t.where(k)
	t.d.problems = append(t.d.problems, Problem{
		Path: t.d.path, Line: line, Col: col, Field: t.fieldName(k), Message: fmt.Sprintf(format, args...),
	})
}

// known reports every key of t that is not in names, suggesting the
// closest known name.
func (t table) known(names ...string) {
	var unknown []string
	for k := range t.m {
		if !slices.Contains(names, k) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		line, col := t.d.lineOf(t.keyPath(k))
		msg := "unknown key"
		if s := suggest(k, names); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		} else {
			msg += " (known keys: " + strings.Join(names, ", ") + ")"
		}
		t.d.problems = append(t.d.problems, Problem{Path: t.d.path, Line: line, Col: col, Field: t.fieldName(k), Message: msg})
	}
}

// lineOf returns the position of key, or of the nearest table or key
// around it that has one: a key of an inline table, which the index does
// not hold, is where the inline table is.
func (d *decoder) lineOf(key string) (int, int) {
	for key != "" {
		if p, ok := d.pos(key); ok {
			return p.line, p.col
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			break
		}
		key = key[:i]
	}
	return d.openLine, 1
}

func (t table) missing(k string) {
	if !t.d.blanked[t.fieldName(k)] {
		t.errf(k, "missing (this key is required)")
	}
}

// str reads an optional or required string. It is a copy: the toml
// package's strings are parts of the whole front matter, [private]
// included, which a kept one would keep in memory.
func (t table) str(k string, required bool) string {
	return strings.Clone(t.raw(k, required))
}

// raw is str without the copy, for a string that is not kept.
func (t table) raw(k string, required bool) string {
	v, ok := t.m[k]
	if !ok {
		if required {
			t.missing(k)
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.errf(k, "must be a string in quotes, not %s", tomlKind(v))
		return ""
	}
	s = t.clean(k, s)
	if required && strings.TrimSpace(s) == "" {
		t.errf(k, "must not be empty")
	}
	return s
}

// enum reads a string that must be one of allowed.
func (t table) enum(k string, required bool, allowed ...string) string {
	s := t.raw(k, required)
	if s == "" {
		return s
	}
	if i := slices.Index(allowed, s); i >= 0 {
		return allowed[i] // not the decoded copy, which can then be freed
	}
	msg := fmt.Sprintf("%q is not one of %s", s, strings.Join(allowed, ", "))
	if sug := suggest(s, allowed); sug != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", sug)
	}
	t.errf(k, "%s", msg)
	return ""
}

// clean returns s without control characters, warning about key k when
// it had some.
func (t table) clean(k, s string) string {
	s, removed := cleanText(s)
	if removed >= 0 {
		t.warnf(k, "held a control character (%U), which was removed: it shows nothing, or garbles a terminal", removed)
	}
	return s
}

// name reads a name: a string kept as NormalizeName makes it, whose
// invisible characters are errors (see checkName).
func (t table) name(k string, required bool) string {
	s := NormalizeName(t.raw(k, required))
	if s != "" {
		t.checkName(k, s)
	}
	return s
}

// strs reads an optional list of non-empty names (see name).
func (t table) strs(k string) []string {
	v, ok := t.m[k]
	if !ok {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		if s, isStr := v.(string); isStr {
			t.errf(k, "must be a list: write [%q]", s)
		} else {
			t.errf(k, "must be a list of strings, not %s", tomlKind(v))
		}
		return nil
	}
	out := make([]string, 0, len(list))
	for i, e := range list {
		s, ok := e.(string)
		if !ok {
			t.errf(k, "item %d must be a string, not %s", i+1, tomlKind(e))
			continue
		}
		s = NormalizeName(t.clean(k, s))
		if s == "" {
			t.errf(k, "item %d is empty", i+1)
			continue
		}
		t.checkName(k, s)
		if !slices.Contains(out, s) {
			out = append(out, intern(s))
		}
	}
	return out
}

// intern returns the one copy of s that every profile shares: branch,
// tag and partner names repeat across thousands of profiles of a large
// site, which then keeps each once.
func intern(s string) string { return unique.Make(s).Value() }

// date reads a TOML date or a quoted "YYYY-MM-DD".
func (t table) date(k string, required bool) Date {
	v, ok := t.m[k]
	if !ok {
		if required {
			t.missing(k)
		}
		return Date{}
	}
	switch v := v.(type) {
	case time.Time:
		if v.Location().String() != "date-local" {
			t.errf(k, "must be a date without a time, like 2025-09-02")
			return Date{}
		}
		d, err := checkYear(DateOf(v.Date()))
		if err != nil {
			t.errf(k, "%v", err)
		}
		return d
	case string:
		d, err := ParseDate(v)
		if err != nil {
			t.errf(k, "%v", err)
		}
		return d
	}
	t.errf(k, "must be a date like 2025-09-02, not %s", tomlKind(v))
	return Date{}
}

// num reads a number that must be zero or more.
func (t table) num(k string, required bool) (float64, bool) {
	v, ok := t.m[k]
	if !ok {
		if required {
			t.missing(k)
		}
		return 0, false
	}
	var f float64
	switch v := v.(type) {
	case int64:
		f = float64(v)
	case float64:
		f = v
	case string:
		t.errf(k, "must be a number without quotes, not the string %q", v)
		return 0, false
	default:
		t.errf(k, "must be a number, not %s", tomlKind(v))
		return 0, false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
		t.errf(k, "must be a number of 0 or more, not %v", v)
		return 0, false
	}
	if f > MaxNumber {
		t.errf(k, "%v is more than a trillion (1,000,000,000,000): is a digit too many?", v)
		return 0, false
	}
	return f, true
}

// MaxNumber is the largest amount, value or count a profile may give: a
// trillion. No library's partnership is larger, and no sum of such
// numbers can overflow to infinity, which JSON cannot write.
const MaxNumber = 1e12

// integer reads an optional whole number.
func (t table) integer(k string) (int, bool) {
	v, ok := t.m[k]
	if !ok {
		return 0, false
	}
	n, ok := v.(int64)
	if !ok || n < math.MinInt32 || n > math.MaxInt32 {
		t.errf(k, "must be a whole number, not %s", tomlKind(v))
		return 0, false
	}
	return int(n), true
}

// webURL reads an optional http or https URL.
func (t table) webURL(k string) string {
	s := t.str(k, false)
	if s == "" {
		return ""
	}
	if u, err := url.Parse(s); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		t.errf(k, "%q is not a web address (it must start with https:// or http://)", s)
		return ""
	}
	return s
}

// sub returns the sub-table k; ok is false when it is absent or not a table.
func (t table) sub(k string) (table, bool) {
	v, ok := t.m[k]
	if !ok {
		return table{d: t.d, m: map[string]any{}, key: t.keyPath(k), field: t.fieldName(k)}, false
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.errf(k, "must be a table, written [%s] on a line of its own", t.fieldName(k))
		return table{d: t.d, m: map[string]any{}, key: t.keyPath(k), field: t.fieldName(k)}, false
	}
	return table{d: t.d, m: m, key: t.keyPath(k), field: t.fieldName(k)}, true
}

// subs returns the tables of the array of tables k ([[k]]).
func (t table) subs(k string) []table {
	v, ok := t.m[k]
	if !ok {
		return nil
	}
	list, ok := v.([]map[string]any)
	if !ok {
		if anys, isList := v.([]any); isList {
			for _, e := range anys {
				m, isMap := e.(map[string]any)
				if !isMap {
					t.errf(k, "must be tables, each written [[%s]]", k)
					return nil
				}
				list = append(list, m)
			}
		} else {
			t.errf(k, "must be tables, each written [[%s]]", k)
			return nil
		}
	}
	out := make([]table, len(list))
	for i, m := range list {
		out[i] = table{
			d: t.d, m: m,
			key:   t.keyPath(k) + "." + strconv.Itoa(i),
			field: fmt.Sprintf("%s[%d]", t.fieldName(k), i+1),
		}
	}
	return out
}

func tomlKind(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "a whole number"
	case float64:
		return "a number"
	case bool:
		return "true/false"
	case time.Time:
		return "a date"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// suggest returns the name in names closest to s, when it is close enough
// to be a likely typo.
func suggest(s string, names []string) string {
	best, bestD := "", math.MaxInt
	for _, n := range names {
		d := typoDistance(strings.ToLower(s), strings.ToLower(n))
		if d < bestD && d <= max(1, min(3, len(n)/3)) {
			best, bestD = n, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// typoDistance is editDistance where swapping two neighbouring letters
// counts as one typo, not two (the optimal string alignment distance), so
// that "titel" is as close to "title" as "titl" is.
func typoDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

var (
	slugRE     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)
	langRE     = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

// ValidSlug reports whether s is lower-case ASCII letters and digits
// joined by single hyphens, at most MaxSlug bytes long.
func ValidSlug(s string) bool { return len(s) <= MaxSlug && slugRE.MatchString(s) }
