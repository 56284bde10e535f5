package content

import (
	"regexp"
	"strconv"
	"strings"
)

// The TOML mistakes people who are not programmers make, recognized in
// the value of the line where the parser gave up.
var (
	curlyQuotes    = "“”„‟‘’‚‛«»"
	numberWithUnit = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*[^\d\s.,#][^#]*$`)
	thousands      = regexp.MustCompile(`^\d{1,3}(?:,\d{3})+(?:\.\d+)?$`)
	otherDate      = regexp.MustCompile(`^(?:\d{4}[/.]\d{1,2}[/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})$`)
	dateKeys       = map[string]bool{"start": true, "end": true, "date": true}
)

// syntaxAt is where a syntax error stands: the field its line sets, as
// problems name fields ("resources[2].amount"), the column of its value,
// and the value as written up to a comment.
type syntaxAt struct {
	field, key, value string
	valueCol          int
	ok                bool // the line is "key = value"
}

// lineAt reads line n (from 1) of front, following tables and strings
// from the start with the one TOML line scanner.
func lineAt(front []byte, n int) syntaxAt {
	var sc tomlScanner
	table, counts := "", map[string]int{}
	for i, line := range strings.Split(string(front), "\n") {
		l := sc.next(line)
		switch l.kind {
		case arrayHeaderLine:
			name := joinKey(l.key)
			counts[name]++
			table = name + "[" + strconv.Itoa(counts[name]) + "]"
		case headerLine:
			table = joinKey(l.key)
		}
		if i+1 < n {
			continue
		}
		if l.kind != keyLine || !l.ok || len(l.key) == 0 || !strings.Contains(line[:min(len(line), l.valueCol-1)], "=") {
			return syntaxAt{} // not "key = value"
		}
		at := syntaxAt{key: l.key[len(l.key)-1], valueCol: l.valueCol, ok: true}
		at.field = joinKey(l.key)
		if table != "" {
			at.field = table + "." + at.field
		}
		v := line[min(len(line), l.valueCol-1):]
		if i := strings.Index(v, " #"); i >= 0 && !strings.ContainsAny(v[:i], `"'`) {
			v = v[:i]
		}
		at.value = strings.TrimSpace(v)
		return at
	}
	return syntaxAt{}
}

// explain says in plain words what is wrong with the value of a line the
// parser could not read, and what to write instead; "" when it is not
// one of the common mistakes.
func explain(at syntaxAt) string {
	v := at.value
	switch {
	case !at.ok || v == "":
		return ""
	case strings.ContainsAny(v, curlyQuotes):
		return "the text is in curly quotes (“…”), which word processors make: type straight quotes instead, as in " + at.key + ` = "` + strings.Trim(v, curlyQuotes+` "'`) + `"`
	case thousands.MatchString(v):
		return "write the number without commas: " + strings.ReplaceAll(v, ",", "")
	case otherDate.MatchString(v) || dateKeys[at.key] && v[0] != '"' && v[0] != '\'':
		return "write the date as year-month-day, like 2025-09-02"
	case numberWithUnit.MatchString(v):
		n := numberWithUnit.FindStringSubmatch(v)[1]
		return "write the number alone (" + n + "); the unit comes from the kind or from unit = \"…\""
	case v[0] == '"' && strings.Count(strings.ReplaceAll(v, `\"`, ""), `"`)%2 == 1:
		return `the text has no closing quote: end it with " on the same line`
	case v[0] == '\'' && strings.Count(v, "'") > 2:
		return `the text holds an apostrophe inside single quotes: put it in double quotes, as in ` + at.key + ` = "` + strings.Trim(v, "'") + `"`
	case isLetterStart(v) && v != "true" && v != "false":
		return `text must be in quotes: ` + at.key + ` = "` + v + `"`
	}
	return ""
}

func isLetterStart(v string) bool {
	c := v[0]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// blankLine returns front with line n (from 1) emptied, so that parsing
// can go on past a syntax error there.
func blankLineOf(front []byte, n int) []byte {
	lines := strings.Split(string(front), "\n")
	if n < 1 || n > len(lines) {
		return front
	}
	lines[n-1] = ""
	return []byte(strings.Join(lines, "\n"))
}
