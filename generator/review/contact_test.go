package review

import (
	"slices"
	"testing"
)

func TestFindContacts(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Ana, 555-0100", []string{"555-0100"}},
		{"call (555) 010-0100 today", []string{"(555) 010-0100"}},
		{"call (555)010-0100.", []string{"(555)010-0100"}},
		{"555.010.0100 or 555 010 0100", []string{"555.010.0100", "555 010 0100"}},
		{"1-800-555-0100", []string{"1-800-555-0100"}},
		{"+44 20 7946 0958", []string{"+44 20 7946 0958"}},
		{"+1 (555) 010-0100", []string{"+1 (555) 010-0100"}},
		{"tel:555-0100", []string{"555-0100"}},
		{"write to ana.b@example.org.", []string{"ana.b@example.org"}},
		{"<mailto:x@y.example> and 555-0101", []string{"x@y.example", "555-0101"}},
		// Not contacts.
		{"on 2025-09-02 and 2024-25", nil},
		{"1998-2024, 1,150 visitors, $2,400, 41.25 an hour", nil},
		{"4–6 pm, 120 room-hours, 3 features, room 101", nil},
		{"ISBN 978-0-06-112008-4, zip 98101-1234", nil},
		{"https://example.org/events/555-0100", nil},
		{"code A555-0100 and 12-555-0100", nil},
		{"@handle and user@localhost", nil},
		{"+1 2", nil},
		{"(see 2025-26)", nil},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range findContacts(tt.in) {
			got = append(got, c.text)
			if tt.in[c.off:c.off+len(c.text)] != c.text {
				t.Errorf("%q: offset %d of %q is wrong", tt.in, c.off, c.text)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("findContacts(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if b := findContacts([]byte(tt.in)); !slices.Equal(b, findContacts(tt.in)) {
			t.Errorf("findContacts of %q as bytes = %+v, as a string %+v", tt.in, b, findContacts(tt.in))
		}
	}
}

func FuzzFindContacts(f *testing.F) {
	for _, s := range []string{"Ana, 555-0100", "(555) 010-0100", "+44 20 7946 0958", "a@b.org", "2025-09-02", "(", "+", "1-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range findContacts(s) {
			if c.off < 0 || c.off+len(c.text) > len(s) || s[c.off:c.off+len(c.text)] != c.text {
				t.Fatalf("bad contact %+v in %q", c, s)
			}
		}
		if b := findContacts([]byte(s)); !slices.Equal(b, findContacts(s)) {
			t.Fatalf("findContacts of %q as bytes = %+v, as a string %+v", s, b, findContacts(s))
		}
	})
}
