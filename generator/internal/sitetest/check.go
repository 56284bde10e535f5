package sitetest

import (
	"strings"
	"testing"
)

// Files is a built site's output: an output.Memory, or anything that
// gets a file by name.
type Files interface {
	Get(name string) ([]byte, bool)
}

// Check asserts that the file name of out holds each of wants, or does
// not hold it when it starts with "!". With -v, it shows the file when a
// want is missing.
func Check(t testing.TB, out Files, name string, wants ...string) {
	t.Helper()
	data, ok := out.Get(name)
	if !ok {
		t.Errorf("%s: not written", name)
		return
	}
	shown := false
	for _, w := range wants {
		if not, ok := strings.CutPrefix(w, "!"); ok {
			if strings.Contains(string(data), not) {
				t.Errorf("%s: contains %q", name, not)
			}
		} else if !strings.Contains(string(data), w) {
			t.Errorf("%s: does not contain %q", name, w)
			shown = true
		}
	}
	if shown && testing.Verbose() {
		t.Logf("%s:\n%s", name, data)
	}
}

// Absent asserts that out has none of the files names.
func Absent(t testing.TB, out Files, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, ok := out.Get(n); ok {
			t.Errorf("%s: written, want absent", n)
		}
	}
}
