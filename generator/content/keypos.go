package content

import (
	"bytes"
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

// Keys returns where each front matter key and table header is written,
// by dotted path: "title", "review" (the [review] line), "review.date",
// "resources.0" (the first [[resources]] line), "resources.0.amount". It
// lets later checks (review warnings) and in-place edits (alongside
// approve) point at a key's line. Keys inside [private] are left out;
// "private" is its header line.
//
// A Profile does not keep this map, which would cost more memory than the
// rest of the profile: Keys scans the front matter again, from pieces of
// it that leave out the [private] lines, on each call.
func (p *Profile) Keys() map[string]KeyPos {
	var b bytes.Buffer
	for _, s := range p.keySrc {
		b.Write(s.text)
		for range s.blank {
			b.WriteByte('\n')
		}
	}
	return indexKeys(b.Bytes(), p.keyLine).export()
}

// A keySegment is front matter text followed by blank lines that stand
// for private ones.
type keySegment struct {
	text  []byte
	blank int
}

// keySegments cuts the lines of front (whose first line is file line
// first) that belong to [private] out of it: each key of idx under
// "private", and the lines after it up to the next key that is not. The
// "[private]" header line itself stays.
func keySegments(front []byte, first int, idx keyIndex) []keySegment {
	type mark struct {
		line    int
		private bool
		header  bool
	}
	var marks []mark
	for k, p := range idx {
		priv := k == "private" || strings.HasPrefix(k, "private.")
		marks = append(marks, mark{p.line, priv, k == "private" && p.col == p.valCol})
	}
	slices.SortFunc(marks, func(a, b mark) int { return a.line - b.line })
	lines := bytes.SplitAfter(front, []byte("\n"))
	skip := make([]bool, len(lines))
	any := false
	for i, m := range marks {
		if !m.private {
			continue
		}
		from := m.line - first
		if m.header {
			from++
		}
		to := len(lines)
		for _, n := range marks[i+1:] {
			if n.line > m.line && !n.private {
				to = n.line - first
				break
			}
		}
		for l := max(from, 0); l < min(to, len(lines)); l++ {
			skip[l] = true
			any = true
		}
	}
	if !any {
		return []keySegment{{text: front}}
	}
	var segs []keySegment
	start, off := 0, 0
	for i, l := range lines {
		if skip[i] {
			if n := len(segs); start == off && n > 0 {
				segs[n-1].blank++
			} else {
				segs = append(segs, keySegment{text: front[start:off], blank: 1})
			}
			start = off + len(l)
		}
		off += len(l)
	}
	if start < len(front) {
		segs = append(segs, keySegment{text: front[start:]})
	}
	return segs
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
