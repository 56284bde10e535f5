package content

import (
	"bytes"
	"strings"
)

// PrivateLines reports, for each line of a content file or of site.toml
// (index 0 is line 1; lines end at "\n"), whether it belongs to the
// [private] table and so must never be shown: the [private] header and
// every line up to the next table header, [private.sub] and
// [[private.sub]] tables, and top-level "private.x = …" or
// "private = {…}" keys, each with every line of its value.
//
// It reads the front matter as Load does (the whole file when it has
// none) with the TOML line scanner, which follows multi-line strings and
// arrays, so that a "[public]" inside a private string does not end the
// table. On a file too broken to follow it errs on the side of hiding:
// a line that would be private if no string or array were left open
// before it is hidden too, since the parser's error may point near it.
func PrivateLines(src []byte) []bool {
	lines := fileLines(src)
	hide := make([]bool, len(lines))
	start, end := 0, len(lines)
	if _, err := split(src); err == nil {
		start, end = 1, frontEnd(lines)
	}

	// Each line read as if nothing were left open before it.
	naive := false
	for i := start; i < end; i++ {
		var fresh tomlScanner
		switch l := fresh.next(lines[i]); l.kind {
		case headerLine, arrayHeaderLine:
			naive = isPrivate(l.key)
			hide[i] = naive
		default:
			hide[i] = naive || isPrivate(l.key)
		}
	}

	var (
		sc        tomlScanner
		inPrivate bool // in a [private…] table
		carry     bool // the value being continued began on a hidden line
		topLevel  = true
	)
	for i := start; i < end; i++ {
		careful := inPrivate
		switch l := sc.next(lines[i]); l.kind {
		case valueLine:
			hide[i] = hide[i] || carry || inPrivate
			continue
		case headerLine, arrayHeaderLine:
			inPrivate = isPrivate(l.key)
			topLevel = false
			careful = inPrivate
		case keyLine:
			careful = inPrivate || topLevel && isPrivate(l.key)
		}
		carry = careful
		hide[i] = hide[i] || careful
	}
	return hide
}

// frontEnd returns the index of the line that closes the front matter
// begun on lines[0], for redaction: the first "+++" line that is not
// inside a multi-line string or an open bracket. (The loader's split
// stops at the first "+++" line whatever it is in, then fails to parse
// the TOML; the lines after it, still in the string, must stay hidden.)
// Without one it is len(lines): everything is read as TOML.
func frontEnd(lines []string) int {
	var sc tomlScanner
	for i := 1; i < len(lines); i++ {
		if sc.multi == "" && sc.depth == 0 && strings.TrimRight(lines[i], " \t") == "+++" {
			return i
		}
		sc.next(lines[i])
	}
	return len(lines)
}

// isPrivate reports whether a key or table read by the scanner is in
// [private].
func isPrivate(key []string) bool { return len(key) > 0 && key[0] == "private" }

// fileLines splits a file into lines as problems count them: without a
// byte order mark, CRLF read as LF.
func fileLines(src []byte) []string {
	text := string(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")))
	return strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
}
