package chart

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text is laid out at build time, without the font the reader's browser
// will pick (system-ui). So every width here is an upper bound: the
// advance of each printable ASCII character, in hundredths of an em, is
// the largest of DejaVu Sans and Liberation Sans (the Linux defaults for
// system-ui and Arial), regular and bold, rounded up; Segoe UI, San
// Francisco, Roboto and Helvetica are narrower. Any other character
// counts as 1.1 em, and a wide one (CJK, emoji) as 1.3 em. The browser
// tests hold the rendered text to these bounds: no two labels of a chart
// overlap there either.
var asciiAdvance = [95]uint8{
	36, 47, 53, 85, 71, 101, 88, 32, 47, 47, 53, 85, 39, 43, 39, 38, // space to /
	71, 71, 71, 71, 71, 71, 71, 71, 71, 71, 41, 41, 85, 85, 85, 62, // 0 to ?
	103, 78, 77, 74, 84, 69, 69, 83, 85, 38, 57, 78, 65, 101, 85, 86, // @ to O
	74, 86, 78, 73, 69, 82, 78, 111, 78, 73, 74, 47, 38, 47, 85, 57, // P to _
	51, 68, 73, 60, 73, 69, 45, 73, 72, 35, 35, 68, 35, 105, 72, 70, // ` to o
	73, 73, 50, 61, 49, 72, 66, 93, 66, 66, 59, 72, 38, 72, 85, // p to ~
}

// Vertical bounds of a line of text around its baseline, in em: no
// common sans-serif font draws above ascent or below descent.
const (
	ascent  = 0.95
	descent = 0.3
)

// advance is an upper bound of the width of r, in em.
func advance(r rune) float64 {
	switch {
	case r >= ' ' && r <= '~':
		return float64(asciiAdvance[r-' ']) / 100
	case unicode.Is(unicode.Mn, r) || r == '\u200b' || r == '\u2060':
		return 0 // combining marks and zero-width spaces
	case wide(r):
		return 1.3
	}
	return 1.1
}

// wide reports whether r is drawn about one em wide or wider: CJK,
// Hangul, kana, fullwidth forms and emoji.
func wide(r rune) bool {
	return r >= 0x1100 && r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 ||
		r >= 0xFFE0 && r <= 0xFFE6 || r >= 0x1F000 && r <= 0x1FAFF || r >= 0x20000 && r <= 0x3FFFD
}

// textWidth is an upper bound of the width of s drawn at size.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += advance(r)
	}
	return w * size
}

// wrap breaks s into lines no wider than width at size: at spaces, and
// inside a word only when the word alone is wider than a line. Lines are
// trimmed; an empty s is one empty line.
func wrap(s string, size, width float64) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	line := ""
	for _, w := range words {
		switch {
		case line == "":
		case textWidth(line+" "+w, size) <= width:
			line += " " + w
			continue
		default:
			lines = append(lines, line)
		}
		// w starts a line; cut it while it is too wide for one.
		for textWidth(w, size) > width && utf8.RuneCountInString(w) > 1 {
			end := 0
			for end < len(w) {
				_, n := utf8.DecodeRuneInString(w[end:])
				if textWidth(w[:end+n], size) > width {
					break
				}
				end += n
			}
			if end == 0 { // narrower than one character: one a line
				_, end = utf8.DecodeRuneInString(w)
			}
			lines = append(lines, w[:end])
			w = w[end:]
		}
		line = w
	}
	return append(lines, line)
}
