package output

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"testing"
)

func TestMemory(t *testing.T) {
	m := NewMemory()
	data := []byte("<h1>Home</h1>")
	if err := m.WriteFile("index.html", data); err != nil {
		t.Fatal(err)
	}
	data[1] = 'X' // the Memory keeps its own copy
	if err := m.WriteFile("b/index.html", []byte("old")); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteFile("b/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteStream("a/photo.jpg", func(w io.Writer) error { _, err := io.WriteString(w, "JPEG"); return err }); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteStream("a/failed.jpg", func(io.Writer) error { return errors.New("no") }); err == nil {
		t.Error("a failed WriteStream succeeded")
	}
	for name, want := range map[string]string{
		"index.html":   "<h1>Home</h1>",
		"b/index.html": "new",
		"a/photo.jpg":  "JPEG",
	} {
		if got, ok := m.Get(name); !ok || string(got) != want {
			t.Errorf("Get(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	if got, ok := m.Get("nope.html"); ok {
		t.Errorf("Get(nope.html) = %q, true", got)
	}
	if got, want := m.Names(), []string{"a/photo.jpg", "b/index.html", "index.html"}; !slices.Equal(got, want) {
		t.Errorf("Names() = %q, want %q", got, want)
	}
	for _, name := range []string{"", ".", "../x", "/abs", "a//b"} {
		if err := m.WriteFile(name, nil); err == nil {
			t.Errorf("WriteFile(%q) succeeded", name)
		}
	}
}

func TestMemoryConcurrent(t *testing.T) {
	m := NewMemory()
	var wg sync.WaitGroup
	for g := range 50 {
		wg.Go(func() {
			for i := range 20 {
				name := fmt.Sprintf("g%d/%d.html", g, i)
				if err := m.WriteFile(name, []byte(name)); err != nil {
					t.Error(err)
				}
				if got, ok := m.Get(name); !ok || string(got) != name {
					t.Errorf("Get(%q) = %q, %v", name, got, ok)
				}
				m.Names()
			}
		})
	}
	wg.Wait()
	if n := len(m.Names()); n != 1000 {
		t.Errorf("%d names, want 1000", n)
	}
}

func TestMemoryOver(t *testing.T) {
	prev := map[string][]byte{"same.html": []byte("same"), "changed.html": []byte("old"), "streamed.csv": []byte("a,b\n")}
	m := NewMemoryOver(func(name string) ([]byte, bool) { data, ok := prev[name]; return data, ok })
	for name, data := range map[string]string{"same.html": "same", "changed.html": "new", "added.html": "added"} {
		if err := m.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.WriteStream("streamed.csv", func(w io.Writer) error { _, err := io.WriteString(w, "a,b\n"); return err }); err != nil {
		t.Fatal(err)
	}
	for name, kept := range map[string]bool{"same.html": true, "streamed.csv": true, "changed.html": false, "added.html": false} {
		got, _ := m.Get(name)
		old, ok := prev[name]
		if same := ok && &got[0] == &old[0]; same != kept {
			t.Errorf("%s: kept the earlier slice %v, want %v", name, same, kept)
		}
	}
	if got, _ := m.Get("changed.html"); string(got) != "new" {
		t.Errorf("changed.html = %q", got)
	}
}

// A stream written again in a Memory like the one that holds it is
// written into one block of memory of its size, not grown into place.
func TestMemoryLikeSizes(t *testing.T) {
	const size = 8 << 20
	write := func(w io.Writer) error {
		chunk := make([]byte, 4096)
		for range size / len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return err
			}
		}
		return nil
	}
	prev := NewMemory()
	if err := prev.WriteStream("data/x.json", write); err != nil {
		t.Fatal(err)
	}
	grown := testing.AllocsPerRun(3, func() { NewMemory().WriteStream("data/x.json", write) })
	like := testing.AllocsPerRun(3, func() { NewMemoryLike(prev).WriteStream("data/x.json", write) })
	t.Logf("allocations: %v grown, %v in a Memory like prev", grown, like)
	if like > grown/2 {
		t.Errorf("a stream of %d bytes took %v allocations in a Memory like one that holds it, %v in a new one: want far fewer", size, like, grown)
	}
	// A Memory like one like prev, which did not write the stream, has
	// prev's size for it.
	m := NewMemoryLike(NewMemoryLike(prev))
	m.WriteStream("data/x.json", write)
	if data, _ := m.Get("data/x.json"); len(data) != size || cap(data) > size+size/16 {
		t.Errorf("got %d bytes in a block of %d, want %d in at most %d", len(data), cap(data), size, size+size/16)
	}
}
