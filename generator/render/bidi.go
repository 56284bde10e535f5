package render

import (
	"html/template"
	"strings"

	"golang.org/x/text/unicode/bidi"
)

// needsIsolation reports whether s holds a right-to-left letter or a
// bidi control (U+202E and the like), which could reorder the text
// around s unless s is isolated. Text without any cannot, so pages and
// titles of left-to-right text stay byte for byte as they were.
func needsIsolation(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		if r < 0x590 {
			return false
		}
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.R, bidi.AL, bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
			return true
		}
		return r == 0x200f || r == 0x200e || r == 0x061c
	}) >= 0
}

// isolate wraps s in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE when
// it needs it: plain text, as in <title>, where <bdi> cannot go. A
// U+202E in a profile's title then reverses that title, not the site's
// name after it.
func isolate(s string) string {
	if !needsIsolation(s) {
		return s
	}
	return "\u2068" + s + "\u2069"
}

// dirAuto is the attribute that isolates an element's text, dir="auto",
// for text that needs it: {{dirAuto .Title}} in <h1{{dirAuto .Title}}>.
func dirAuto(s string) template.HTMLAttr {
	if !needsIsolation(s) {
		return ""
	}
	return ` dir="auto"`
}
