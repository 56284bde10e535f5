package content

import "strings"

// A KeyPos is where a front matter key or table header is written in a
// content file.
type KeyPos struct {
	Line     int // 1-based line of the file
	Col      int // column of the key, or of a header's "["
	ValueCol int // column where the value starts; Col for a header
}

// export turns the index into Profile.Keys, leaving out the keys inside
// [private] (the "private" header itself stays).
func (idx keyIndex) export() map[string]KeyPos {
	out := make(map[string]KeyPos, len(idx))
	for k, p := range idx {
		if strings.HasPrefix(k, "private.") {
			continue
		}
		out[k] = KeyPos{Line: p.line, Col: p.col, ValueCol: p.valCol}
	}
	return out
}
