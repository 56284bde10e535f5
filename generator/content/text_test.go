package content

import (
	"bytes"
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
	for _, s := range cases {
		if got, want := indexBadControl([]byte(s)), bytes.IndexFunc([]byte(s), badControl); got != want {
			t.Errorf("indexBadControl(%q) = %d, want %d", s, got, want)
		}
	}
}
