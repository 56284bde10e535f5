package content

import (
	"io/fs"
	"slices"
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

// FileKeys is a content file, read again to find where its keys are
// written (FileKeys.Find).
type FileKeys []byte

// Keys reads p's file from fsys again. A Profile does not keep where its
// keys are: its [private] table must not stay in memory, and an index of
// every profile would cost more than the rest of the site.
func (p *Profile) Keys(fsys fs.FS) (FileKeys, error) {
	data, _, err := readFile(fsys, p.Path)
	return data, err
}

// Writes reports whether key ("summary", "resources.0.amount") may be
// written in p's file: it is false when the file, as loaded, writes
// neither the top-level key nor the table key starts with, and Find would
// then find nothing. A warning about such a key needs no second read of
// the file to say where it is.
func (p *Profile) Writes(key string) bool {
	top, _, _ := strings.Cut(key, ".")
	i := slices.Index(profileKeys, top)
	return i < 0 || p.written&(1<<i) != 0
}

// Find returns where key is written, as KeysOf would give it, else where
// the nearest table above it is written ("resources.0" for
// "resources.0.amount"); ok is false when neither is, or the file has no
// front matter. Keys inside [private] are never found.
func (f FileKeys) Find(key string) (kp KeyPos, ok bool) {
	if len(f) == 0 {
		return KeyPos{}, false
	}
	src, err := split(f)
	if err != nil {
		return KeyPos{}, false
	}
	best := -1 // the length of the longest written key that is key or a table above it
	eachKey(src.front, src.frontLine, func(k string, p pos) bool {
		if strings.HasPrefix(k, "private.") {
			return true
		}
		if k == key || len(k) > best && strings.HasPrefix(key, k) && key[len(k)] == '.' {
			best, kp, ok = len(k), KeyPos{Line: p.line, Col: p.col, ValueCol: p.valCol}, true
		}
		return k != key
	})
	return kp, ok
}
