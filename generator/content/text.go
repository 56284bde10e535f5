package content

import (
	"encoding/binary"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// cleanText removes the control characters of s that no text of a
// profile should hold: C0 and C1 controls but tab and line breaks, and
// the non-characters U+FFFE and U+FFFF. removed is the first one found,
// or -1. A terminal or a browser would act on them (\x1b[2J clears a
// screen) or show garbage.
func cleanText(s string) (clean string, removed rune) {
	removed = -1
	bad := badControl
	if strings.IndexFunc(s, bad) < 0 {
		return s, removed
	}
	var b strings.Builder
	for _, r := range s {
		if bad(r) {
			if removed < 0 {
				removed = r
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String(), removed
}

// badControl reports whether r is a control character that cleanText
// removes.
func badControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f || r == 0xfffe || r == 0xffff
}

// indexBadControl is bytes.IndexFunc(b, badControl) without decoding
// runes: the index of the first control character that cleanText removes,
// or -1. U+0080…U+009F are C2 80…C2 9F in UTF-8, U+FFFE and U+FFFF are
// EF BF BE and EF BF BF, and neither C2 nor EF is ever inside another
// character's bytes. Eight bytes of printable ASCII are passed over at
// once.
func indexBadControl(b []byte) int {
	for i := 0; i < len(b); {
		for i+8 <= len(b) && printableASCII(binary.LittleEndian.Uint64(b[i:])) {
			i += 8
		}
		for end := min(i+8, len(b)); i < end; i++ {
			switch c := b[i]; {
			case c < 0x20:
				if c != '\t' && c != '\n' && c != '\r' {
					return i
				}
			case c == 0x7f:
				return i
			case c == 0xc2:
				if i+1 < len(b) && b[i+1] >= 0x80 && b[i+1] <= 0x9f {
					return i
				}
			case c == 0xef:
				if i+2 < len(b) && b[i+1] == 0xbf && (b[i+2] == 0xbe || b[i+2] == 0xbf) {
					return i
				}
			}
		}
	}
	return -1
}

// printableASCII reports whether each byte of x is in 0x20…0x7e (the
// tests for a byte under n and for a zero byte of "Bit Twiddling Hacks").
func printableASCII(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	under20 := (x - 0x20*ones) &^ x & highs
	del := x ^ 0x7f*ones // a zero byte where x has 0x7f
	is7f := (del - ones) &^ del & highs
	return under20|is7f|x&highs == 0
}

// invisible reports the first character of name that shows nothing but
// changes what the name is: zero-width spaces and joiners between words,
// soft hyphens, bidi controls, fillers. ZWJ and ZWNJ are allowed: some
// scripts (Persian, the Indic scripts) need them inside words.
func invisible(name string) (rune, bool) {
	for _, r := range name {
		switch {
		case r == 0x200c || r == 0x200d:
		case r == 0xad, r == 0x180e, r == 0x115f, r == 0x1160, r == 0x3164, r == 0xffa0, r == 0xfeff,
			r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2060 && r <= 0x206f:
			return r, true
		}
	}
	return 0, false
}

// mixedWord returns the first word of name that mixes Latin letters with
// Cyrillic or Greek ones, which look alike ("Сafe" with a Cyrillic С): a
// name that reads the same as another but is not.
func mixedWord(name string) string {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }) {
		var latin, other bool
		for _, r := range w {
			latin = latin || unicode.Is(unicode.Latin, r)
			other = other || unicode.Is(unicode.Cyrillic, r) || unicode.Is(unicode.Greek, r)
		}
		if latin && other {
			return w
		}
	}
	return ""
}

// NormalizeName is a name as it is kept and compared: NFC, without
// spaces around it.
func NormalizeName(name string) string { return strings.TrimSpace(norm.NFC.String(name)) }

// checkName records the problems of a name at key k of t: an invisible
// character is an error, a word mixing scripts a warning.
func (t table) checkName(k, name string) {
	if r, ok := invisible(name); ok {
		t.errf(k, "%q holds an invisible character (%U): delete it, or the name is not the one people read", name, r)
	}
	if w := mixedWord(name); w != "" {
		t.warnf(k, "the word %q mixes Latin letters with Cyrillic or Greek ones that look alike: retype it in one alphabet", w)
	}
}

// warnf records a warning about key k.
func (t table) warnf(k, format string, args ...any) {
	line, col := t.where(k)
	t.d.problems = append(t.d.problems, Problem{
		Path: t.d.path, Line: line, Col: col, Field: t.fieldName(k), Message: fmt.Sprintf(format, args...), Warning: true,
	})
}
