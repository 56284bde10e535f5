package content

import (
	"io/fs"
	"strings"
)

// A KeyPos is where a front matter key or table header is written in a
// content file.
type KeyPos struct {
	Line     int // 1-based line of the file
	Col      int // column of the key, or of a header's "["
	ValueCol int // column where the value starts; Col for a header
}

// KeysOf returns where each front matter key and table header of the
// content file data is written, by dotted path: "title", "review" (the
// [review] line), "review.date", "resources.0" (the first [[resources]]
// line), "resources.0.amount". It lets later checks (review warnings) and
// in-place edits (alongside approve) point at a key's line. Keys inside
// [private] are left out; "private" is its header line. It returns nil
// when data has no front matter.
func KeysOf(data []byte) map[string]KeyPos {
	src, err := split(data)
	if err != nil {
		return nil
	}
	idx := indexKeys(src.front, src.frontLine)
	out := make(map[string]KeyPos, len(idx))
	for k, p := range idx {
		if strings.HasPrefix(k, "private.") || p.implicit {
			continue
		}
		out[k] = KeyPos{Line: p.line, Col: p.col, ValueCol: p.valCol}
	}
	return out
}

// Keys reads p's file from fsys again and returns KeysOf its bytes. A
// Profile does not keep them: its [private] table must not stay in
// memory, and an index of every profile would cost more than the rest of
// the site.
func (p *Profile) Keys(fsys fs.FS) (map[string]KeyPos, error) {
	data, err := fs.ReadFile(fsys, p.Path)
	if err != nil {
		return nil, err
	}
	return KeysOf(data), nil
}
