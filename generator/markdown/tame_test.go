package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The shapes of Markdown that goldmark reads in quadratic time are read
// in linear time, their brackets shown as written; Markdown that people
// write is left alone.
func TestTame(t *testing.T) {
	for _, c := range []struct {
		name  string
		src   string
		lines []int
	}{
		{"unclosed links on a line", "Intro\n\n" + strings.Repeat("[a](", 50_000) + "\n\nEnd [ok](/x/)\n", []int{3}},
		{"unclosed images", strings.Repeat("![a](", 40_000), []int{1}},
		{"angle destinations", strings.Repeat("[a](<", 40_000), []int{1}},
		{"a paragraph of labels", strings.Repeat("[a]\n", 50_000), nil},
		{"a quote of labels", strings.Repeat("> [a]\n", 20_000), nil},
	} {
		src := []byte(c.src)
		start := time.Now()
		tamed, lines := Tame(src)
		var out bytes.Buffer
		if err := New(Options{}).Convert(src, &out); err != nil {
			t.Fatal(err)
		}
		Links(src)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: %v to tame, convert and find links (want well under a second)", c.name, d)
		}
		if len(lines) == 0 || c.lines != nil && !slices.Equal(lines, c.lines) {
			t.Errorf("%s: tamed lines %v, want %v", c.name, lines[:min(len(lines), 5)], c.lines)
		}
		if bytes.Count(tamed, []byte("\n")) != bytes.Count(src, []byte("\n")) {
			t.Errorf("%s: taming changed the number of lines", c.name)
		}
		if strings.Contains(out.String(), "<a href") && !strings.Contains(c.src, "[ok]") {
			t.Errorf("%s: a link was made of the neutralized brackets", c.name)
		}
	}
	// The first case's good link, on another line, is still a link.
	var out bytes.Buffer
	New(Options{}).Convert([]byte(strings.Repeat("[a](", 50_000)+"\n\nEnd [ok](/x/)\n"), &out)
	if !strings.Contains(out.String(), `<a href="/x/">ok</a>`) || !strings.Contains(out.String(), `[a](`) {
		t.Errorf("the tamed story lost its good link or its text: …%s", out.String()[max(0, out.Len()-80):])
	}
}

func TestTameLeavesPeopleAlone(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	srcs := []string{
		"| a | b |\n|---|---|\n" + strings.Repeat("| [a] | [b](c) |\n", 20_000),
		strings.Repeat("- [item](/x/) and [another](https://example.org/a_(b))\n", 20_000),
		strings.Repeat("A line with [a link](/x/) and a [^1] note.\n\n", 20_000),
		"```\n" + strings.Repeat("[a](", 50_000) + "\n```\n",
		strings.Repeat("[a](b)", 20_000),
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(b))
	}
	for _, src := range srcs {
		if out, lines := Tame([]byte(src)); lines != nil || !bytes.Equal(out, []byte(src)) {
			t.Errorf("Tame changed lines %v of %.60q…", lines[:min(len(lines), 5)], src)
		}
	}
}

func TestTameEscapes(t *testing.T) {
	src := strings.Repeat(`[a](\[`, 20_000)
	out, _ := Tame([]byte(src))
	if want := strings.Repeat(`\[a\](\[`, 20_000); string(out) != want {
		t.Errorf("Tame(%.24q…) = %.40q…, want %.40q…", src, out, want)
	}
}

// surelyTame never passes text in which the full pass finds a line to
// tame: the shapes closest to its bounds (16 "]" in all, 4 "](" on a
// line) and random text made of brackets, parentheses, spaces and line
// ends.
func FuzzSurelyTame(f *testing.F) {
	for _, s := range []string{
		strings.Repeat("[a](", 4) + strings.Repeat("x", 300),
		strings.Repeat("[a](", 5) + strings.Repeat("x", 300),
		strings.Repeat("[a]\n", 16),
		strings.Repeat("](", 16),
		"| a |\n|---|\n| [a](" + strings.Repeat("(", 400) + " |\n",
		"See [the flyer](flyer.txt) and [our page](/about/).\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		if _, lines := tame(src); lines != nil && surelyTame(src) {
			t.Fatalf("surelyTame passed %q, whose lines %v the full pass tames", s, lines)
		}
	})
}

// surelyTame passes text within its bounds and refuses text beyond them,
// which Tame then reads in full.
func TestSurelyTameBounds(t *testing.T) {
	long := strings.Repeat("(", 2000)
	for _, c := range []struct {
		src  string
		sure bool
	}{
		{"plain text, no brackets\n", true},
		{strings.Repeat("[a](b) ", 4) + "\n", true},
		{strings.Repeat("[a]\n", 16), true},
		{strings.Repeat("[a]("+long, 5), false},
		{strings.Repeat("[a]\n", 17), false},
	} {
		if got := surelyTame([]byte(c.src)); got != c.sure {
			t.Errorf("surelyTame(%.40q…) = %v, want %v", c.src, got, c.sure)
		}
	}
	if _, lines := Tame([]byte(strings.Repeat("[a](", 50))); lines == nil {
		t.Error("a line of 50 unclosed destinations was not tamed")
	}
}
