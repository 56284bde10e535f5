package serve

import (
	"fmt"
	"testing"
)

func TestHubCatchUp(t *testing.T) {
	h := newHub()
	v0 := h.version()
	h.publish(reload{Paths: []string{"/a/index.html"}})
	v1 := h.version()
	h.publish(reload{Paths: []string{"/b/index.html"}})
	for _, c := range []struct {
		since string
		want  string // the pending reload, printed
	}{
		{h.version(), "{ false [] []}"},
		{h.next(), "{ false [] []}"},
		{v1, fmt.Sprintf("{%s false [/b/index.html] []}", h.version())},
		{v0, fmt.Sprintf("{%s false [/a/index.html /b/index.html] []}", h.version())},
		{"other-1", fmt.Sprintf("{%s true [] []}", h.version())},
		{"", fmt.Sprintf("{%s true [] []}", h.version())},
	} {
		cl, ok := h.subscribe(c.since)
		if !ok {
			t.Fatal("subscribe refused")
		}
		if got := fmt.Sprint(cl.take()); got != c.want {
			t.Errorf("since %q: %s, want %s", c.since, got, c.want)
		}
		h.unsubscribe(cl)
	}
	// A tab older than the history reloads.
	for range history + 1 {
		h.publish(reload{Paths: []string{"/c/index.html"}})
	}
	cl, _ := h.subscribe(v1)
	if r := cl.take(); !r.All {
		t.Errorf("a tab older than the history does not reload: %+v", r)
	}
	h.close()
	if _, ok := h.subscribe(h.version()); ok {
		t.Error("subscribe after close")
	}
}

func TestReloadMerge(t *testing.T) {
	var r reload
	r.merge(reload{Version: "1", Paths: []string{"/a"}})
	r.merge(reload{Version: "2", Paths: []string{"/a", "/b"}})
	if r.Version != "2" || len(r.Paths) != 2 || r.All {
		t.Errorf("merge: %+v", r)
	}
	r.merge(reload{Version: "3", All: true})
	r.merge(reload{Version: "4", Paths: []string{"/c"}})
	if !r.All || r.Paths != nil || r.Version != "4" {
		t.Errorf("merge after all: %+v", r)
	}
}
