package content

import (
	"bytes"
	"strings"
	"testing"
)

// indexBadControl finds what bytes.IndexFunc(b, badControl) finds, in
// valid and invalid UTF-8 alike.
func TestIndexBadControl(t *testing.T) {
	cases := []string{"", "plain text\twith\r\nlines", "bell\a", "del\x7f", "c1 \u0085 here", "c2 alone \xc2", "\xc2\x7f", "\xc2\xa0nbsp",
		"\ufffe", "\uffff", "\ufffd", "\xef\xbf", "\xe0\xc2\x80", "\xf0\x9f\x98\x80 emoji", "a\xef\xbf\xbe", "é\u009f", "\x80\x85"}
	for r := rune(0); r < 0x110000; r += 7 {
		cases = append(cases, "x"+string(r)+"y")
	}
	cases = append(cases, "\u0080", "\u009f", "\u00a0")
	// Each bad character at each place of a long line, where whole
	// words of eight bytes are passed over.
	for _, bad := range []string{"\a", "\x7f", "\u0085", "\uffff", "\x00", "\x1f", "\u009f"} {
		for at := range 20 {
			cases = append(cases, strings.Repeat("a", at)+bad+strings.Repeat("b ~", 7))
		}
	}
	for _, ok := range []string{"\u00a0", "é", "\ufffd", "\n", "\t", "\r\n", "~", " "} {
		cases = append(cases, strings.Repeat("x", 5)+ok+strings.Repeat("y", 17))
	}
	for _, s := range cases {
		if got, want := indexBadControl([]byte(s)), bytes.IndexFunc([]byte(s), badControl); got != want {
			t.Errorf("indexBadControl(%q) = %d, want %d", s, got, want)
		}
	}
}
