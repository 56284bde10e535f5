package content

import (
	"bytes"
	"testing"
	"testing/fstest"
)

func TestKeysLeaveOutPrivate(t *testing.T) {
	src := "+++\n" + // 1
		"title = \"T\"\n" + // 2
		"status = \"active\"\n" + // 3
		"start = 2025-09-02\n" + // 4
		"private.inline = \"PRIVATE-1\"\n" + // 5
		"[partner]\n" + // 6
		"name = \"P\"\n" + // 7
		"[private]\n" + // 8
		"contact = \"PRIVATE-2\"\n" + // 9
		"notes = \"\"\"\n" + // 10
		"PRIVATE-3 = \"x\"\n" + // 11
		"\"\"\"\n" + // 12
		"[review]\n" + // 13
		"state = \"approved\"\n" + // 14
		"date = 2025-10-14\n" + // 15
		"[[asks]]\n" + // 16
		"ask = \"A\"\n" + // 17
		"status = \"planned\"\n" + // 18
		"+++\nBody.\n"
	p, probs := ParseProfile("content/partnerships/x.md", []byte(src), &Config{Currency: "USD"})
	if p == nil || len(probs) > 0 {
		t.Fatalf("ParseProfile: %v", probs)
	}
	keys, err := p.Keys(fstest.MapFS{p.Path: {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"title": 2, "start": 4, "partner": 6, "partner.name": 7, "private": 8,
		"review": 13, "review.date": 15, "asks.0": 16, "asks.0.status": 18}
	for k, line := range want {
		if got, ok := keys[k]; !ok || got.Line != line {
			t.Errorf("Keys()[%q] = %+v, %v; want line %d", k, got, ok, line)
		}
	}
	for k := range keys {
		if len(k) > 8 && k[:8] == "private." {
			t.Errorf("Keys() has %q", k)
		}
	}
	if bytes.Contains(p.Body, []byte("PRIVATE-")) || cap(p.Body) > 2*len(p.Body)+8 {
		t.Errorf("the profile keeps more of its file than its body: %q (cap %d)", p.Body, cap(p.Body))
	}
	if _, err := p.Keys(fstest.MapFS{}); err == nil {
		t.Error("Keys of a file that is gone: no error")
	}
}
