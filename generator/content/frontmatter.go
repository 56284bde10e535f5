package content

import (
	"bytes"
	"errors"
	"unicode/utf8"
)

// A source is one content file split into its TOML front matter and its
// Markdown body. Line numbers are 1-based and count lines of the file.
type source struct {
	front     []byte // the TOML between the +++ lines, with LF line endings
	frontLine int    // file line of the first TOML line (the line after the opening +++)
	body      []byte // the Markdown after the closing +++, with LF line endings
	bodyLine  int    // file line where the body starts
}

var errNoFrontMatter = errors.New("the file must start with a +++ line, then TOML front matter, then a closing +++ line")

// splitErr is a problem found while splitting, at a line of the file.
type splitErr struct {
	line int
	msg  string
}

func (e *splitErr) Error() string { return e.msg }

// split separates front matter from body. It accepts a UTF-8 byte order
// mark and CRLF line endings, and rejects invalid UTF-8, empty files and
// unclosed front matter.
func split(data []byte) (source, error) {
	data, err := utf8Text(data)
	if err != nil {
		return source{}, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return source{}, &splitErr{1, "the file is empty"}
	}
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if string(bytes.TrimRight(first, " \t")) != "+++" {
		return source{}, &splitErr{1, errNoFrontMatter.Error()}
	}
	// Find the closing +++ line.
	line := 2
	off := 0
	for off <= len(rest) {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		next := len(rest) + 1
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
			next = off + end + 1
		}
		if string(bytes.TrimRight(l, " \t")) == "+++" {
			src := source{front: rest[:off], frontLine: 2, bodyLine: line + 1}
			if next <= len(rest) {
				src.body = rest[next:]
			}
			return src, nil
		}
		off = next
		line++
	}
	return source{}, &splitErr{1, "the front matter is not closed: add a +++ line after it"}
}

// utf8Text drops a UTF-8 byte order mark and turns CRLF line endings into
// LF; it rejects invalid UTF-8 with a *splitErr at the line of the first
// bad byte.
func utf8Text(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, &splitErr{line, "the file is not valid UTF-8 text (save it as UTF-8)"}
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	return data, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}
