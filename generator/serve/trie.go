package serve

import (
	"hash/maphash"
	"math/bits"
	"slices"
)

// tree is a persistent map from file name to *File, a hash array mapped
// trie: an update returns a new tree and leaves the old one as it was,
// copying only the nodes on the way to what changed. A rebuild that
// changes ten files of a 30,000-file site therefore allocates a few dozen
// small nodes, and every reader of the old tree keeps a complete site.
//
// The zero tree is empty; its seed is set by the first update.
type tree struct {
	root *node
	n    int
	seed maphash.Seed
}

const (
	fanBits = 5
	fan     = 1 << fanBits
)

// A node has one kid for every set bit of bitmap: a *node or a *leaf.
// owner marks the nodes made during the current batch of updates, which
// the batch may change in place.
type node struct {
	owner  *batch
	bitmap uint32
	kids   []any
}

// A leaf is one entry; next chains entries whose 64-bit hashes are equal.
type leaf struct {
	hash uint64
	name string
	file *File
	next *leaf
}

// get returns the file called name.
func (t tree) get(name string) (*File, bool) {
	if t.root == nil {
		return nil, false
	}
	h := maphash.String(t.seed, name)
	n := t.root
	for shift := uint(0); ; shift += fanBits {
		bit := uint32(1) << ((h >> shift) & (fan - 1))
		if n.bitmap&bit == 0 {
			return nil, false
		}
		switch k := n.kids[bits.OnesCount32(n.bitmap&(bit-1))].(type) {
		case *node:
			n = k
		case *leaf:
			for l := k; l != nil; l = l.next {
				if l.hash == h && l.name == name {
					return l.file, true
				}
			}
			return nil, false
		}
	}
}

// len returns the number of files.
func (t tree) len() int { return t.n }

// walk calls f for every file, in no particular order.
func (t tree) walk(f func(name string, file *File)) {
	var rec func(n *node)
	rec = func(n *node) {
		for _, k := range n.kids {
			switch k := k.(type) {
			case *node:
				rec(k)
			case *leaf:
				for l := k; l != nil; l = l.next {
					f(l.name, l.file)
				}
			}
		}
	}
	if t.root != nil {
		rec(t.root)
	}
}

// A batch applies several updates to a tree, copying each node of the
// old tree at most once.
type batch struct {
	t tree
}

func (t tree) batch() *batch {
	if t.root == nil {
		t.seed = maphash.MakeSeed()
	}
	return &batch{t: t}
}

// done returns the updated tree. The batch must not be used again.
func (b *batch) done() tree {
	t := b.t
	b.t = tree{}
	return t
}

// own returns n itself if this batch made it, else a copy the batch may change.
func (b *batch) own(n *node) *node {
	if n == nil {
		return &node{owner: b}
	}
	if n.owner == b {
		return n
	}
	return &node{owner: b, bitmap: n.bitmap, kids: slices.Clone(n.kids)}
}

// put sets name to file.
func (b *batch) put(name string, file *File) {
	l := &leaf{hash: maphash.String(b.t.seed, name), name: name, file: file}
	var added bool
	b.t.root, added = b.put1(b.t.root, 0, l)
	if added {
		b.t.n++
	}
}

func (b *batch) put1(n *node, shift uint, l *leaf) (*node, bool) {
	n = b.own(n)
	bit := uint32(1) << ((l.hash >> shift) & (fan - 1))
	i := bits.OnesCount32(n.bitmap & (bit - 1))
	if n.bitmap&bit == 0 {
		n.bitmap |= bit
		n.kids = slices.Insert(n.kids, i, any(l))
		return n, true
	}
	var added bool
	switch k := n.kids[i].(type) {
	case *node:
		n.kids[i], added = b.put1(k, shift+fanBits, l)
	case *leaf:
		if k.hash == l.hash {
			n.kids[i], added = chainPut(k, l)
		} else {
			n.kids[i], added = b.pair(shift+fanBits, k, l), true
		}
	}
	return n, added
}

// pair returns a node holding two leaves whose hashes differ.
func (b *batch) pair(shift uint, x, y *leaf) *node {
	n := &node{owner: b}
	bx, by := uint32(1)<<((x.hash>>shift)&(fan-1)), uint32(1)<<((y.hash>>shift)&(fan-1))
	switch {
	case bx == by:
		n.bitmap = bx
		n.kids = []any{b.pair(shift+fanBits, x, y)}
	case bx < by:
		n.bitmap = bx | by
		n.kids = []any{x, y}
	default:
		n.bitmap = bx | by
		n.kids = []any{y, x}
	}
	return n
}

// chainPut returns the chain c with l in it, replacing an entry of the
// same name.
func chainPut(c, l *leaf) (*leaf, bool) {
	if c == nil {
		return l, true
	}
	if c.name == l.name {
		return &leaf{hash: l.hash, name: l.name, file: l.file, next: c.next}, false
	}
	next, added := chainPut(c.next, l)
	return &leaf{hash: c.hash, name: c.name, file: c.file, next: next}, added
}

// del removes name, if present.
func (b *batch) del(name string) {
	if b.t.root == nil {
		return
	}
	h := maphash.String(b.t.seed, name)
	if _, ok := b.t.get(name); !ok {
		return
	}
	b.t.root = b.del1(b.t.root, 0, h, name)
	b.t.n--
}

// del1 removes a name known to be in n and returns what replaces n (nil
// when nothing is left).
func (b *batch) del1(n *node, shift uint, h uint64, name string) *node {
	n = b.own(n)
	bit := uint32(1) << ((h >> shift) & (fan - 1))
	i := bits.OnesCount32(n.bitmap & (bit - 1))
	var kid any
	switch k := n.kids[i].(type) {
	case *node:
		if c := b.del1(k, shift+fanBits, h, name); c != nil {
			kid = c
		}
	case *leaf:
		if c := chainDel(k, name); c != nil {
			kid = c
		}
	}
	if kid != nil {
		n.kids[i] = kid
		return n
	}
	n.bitmap &^= bit
	n.kids = slices.Delete(n.kids, i, i+1)
	if n.bitmap == 0 {
		return nil
	}
	return n
}

func chainDel(c *leaf, name string) *leaf {
	if c.name == name {
		return c.next
	}
	return &leaf{hash: c.hash, name: c.name, file: c.file, next: chainDel(c.next, name)}
}
