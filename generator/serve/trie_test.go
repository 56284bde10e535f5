package serve

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTree checks the persistent map against a Go map through random
// batches of puts and deletes, and that older versions never change.
func TestTree(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var tr tree
	want := map[string]*File{}
	type version struct {
		t    tree
		want map[string]*File
	}
	var versions []version
	for round := 0; round < 200; round++ {
		b := tr.batch()
		for i := 0; i < 1+rng.IntN(200); i++ {
			name := fmt.Sprintf("f%d", rng.IntN(3000))
			if rng.IntN(3) == 0 {
				b.del(name)
				delete(want, name)
			} else {
				f := &File{Type: name}
				b.put(name, f)
				want[name] = f
			}
		}
		tr = b.done()
		versions = append(versions, version{tr, maps.Clone(want)})
	}
	for i, v := range versions {
		if v.t.len() != len(v.want) {
			t.Fatalf("version %d: len %d, want %d", i, v.t.len(), len(v.want))
		}
		for name, f := range v.want {
			if got, ok := v.t.get(name); !ok || got != f {
				t.Fatalf("version %d: get(%q) = %v, %v", i, name, got, ok)
			}
		}
		var names []string
		v.t.walk(func(name string, _ *File) { names = append(names, name) })
		slices.Sort(names)
		if !slices.Equal(names, slices.Sorted(maps.Keys(v.want))) {
			t.Fatalf("version %d: walk gives other names", i)
		}
		if _, ok := v.t.get("missing"); ok {
			t.Fatalf("version %d: found a missing name", i)
		}
	}
}

// TestTreeCollisions forces equal hashes by using one leaf chain.
func TestTreeCollisions(t *testing.T) {
	a := &leaf{hash: 7, name: "a"}
	c, added := chainPut(nil, a)
	if !added {
		t.Fatal("chainPut into an empty chain did not add")
	}
	c, _ = chainPut(c, &leaf{hash: 7, name: "b"})
	c, added = chainPut(c, &leaf{hash: 7, name: "a", file: &File{}})
	if added || c.file == nil || c.next.name != "b" {
		t.Fatalf("chainPut did not replace a: %+v", c)
	}
	if c = chainDel(c, "a"); c.name != "b" || c.next != nil {
		t.Fatalf("chainDel: %+v", c)
	}
}

func TestSnapshotUpdateAllocatesForWhatChanged(t *testing.T) {
	for _, n := range []int{1000, 30000} {
		b := tree{}.batch()
		for i := range n {
			name := fmt.Sprintf("partnerships/p%d/index.html", i)
			b.put(name, &File{})
		}
		s := &Snapshot{files: b.done()}
		allocs := testing.AllocsPerRun(20, func() {
			c := newCollector(s)
			for i := range 10 {
				c.WriteFile(fmt.Sprintf("partnerships/p%d/index.html", i*7), []byte("<html>changed</html>"))
			}
			c.snapshot(nil, false)
		})
		t.Logf("%d files: %.0f allocations to change 10", n, allocs)
		if allocs > 250 {
			t.Errorf("%d files: %.0f allocations to change 10 files", n, allocs)
		}
	}
}
