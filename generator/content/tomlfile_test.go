package content

import (
	"strings"
	"testing"
)

func TestDecodeTOML(t *testing.T) {
	src := "a = \"x\"\n[count.things]\none = \"1 thing\"\nother = oops\n[date]\nmonth.1 = \"January\"\n"
	m, keys, probs := DecodeTOML("i18n/en.toml", []byte(src))
	if len(probs) != 1 || probs[0].Line != 4 || !strings.Contains(probs[0].Message, "quotes") {
		t.Fatalf("problems = %v, want one at line 4 about quotes", probs)
	}
	if m == nil || m["a"] != "x" {
		t.Fatalf("m = %v, want the rest of the file", m)
	}
	for k, line := range map[string]int{"a": 1, "count.things": 2, "count.things.one": 3, "date.month.1": 6} {
		if keys[k].Line != line {
			t.Errorf("keys[%q].Line = %d, want %d", k, keys[k].Line, line)
		}
	}
	if _, _, probs := DecodeTOML("x.toml", []byte("[a\nb = 1\n")); len(probs) != 1 || probs[0].Line != 1 {
		t.Errorf("broken header: problems = %v, want one at line 1", probs)
	}
	if m, _, probs := DecodeTOML("x.toml", []byte("a = \"\xff\"\n")); m != nil || len(probs) != 1 || !strings.Contains(probs[0].Message, "UTF-8") {
		t.Errorf("not UTF-8: m = %v, problems = %v", m, probs)
	}
}
