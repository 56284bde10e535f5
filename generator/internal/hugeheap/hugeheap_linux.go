package hugeheap

import (
	"bytes"
	"cmp"
	"os"
	"runtime"
	"strconv"

	"golang.org/x/sys/unix"
)

// onRequest reports whether the kernel gives transparent huge pages to
// the memory that asks for them, and only to it. A 32-bit process does
// not ask: its address space may have no room to spare.
func onRequest() bool {
	if strconv.IntSize < 64 {
		return false
	}
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && bytes.Contains(b, []byte("[madvise]"))
}

// advise marks size bytes of new heap memory for huge pages and frees
// them: the runtime hands out its lowest free pages first, so the heap's
// next allocations come from them. A kernel without huge pages refuses
// the advice, and nothing changes.
func advise(size int64) {
	mark(size)
	runtime.GC() // frees the blocks now, not after the heap has doubled
}

// mark allocates size bytes in blocks of 4 MiB and marks them for huge
// pages. A block this large is a span of its own, aligned to pages as
// madvise requires, and new memory, which the runtime neither zeroes nor
// touches, unless it reuses memory the heap freed before: then the
// runtime zeroes the whole block, touching each page, which is why the
// blocks are small (one of the whole size would all be touched).
func mark(size int64) error {
	const block = 4 << 20
	blocks := make([][]byte, 0, size/block+1)
	for n := int64(0); n < size; n += block {
		blocks = append(blocks, make([]byte, block))
	}
	var err error
	for _, b := range blocks {
		err = cmp.Or(err, unix.Madvise(b, unix.MADV_HUGEPAGE))
	}
	return err
}
