package hugeheap

import (
	"bytes"
	"os"
	"runtime"
	"strconv"

	"golang.org/x/sys/unix"
)

// onRequest reports whether the kernel gives transparent huge pages to
// the memory that asks for them, and only to it. A 32-bit process does
// not ask: its address space may hold no free block of the size.
func onRequest() bool {
	if strconv.IntSize < 64 {
		return false
	}
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && bytes.Contains(b, []byte("[madvise]"))
}

// advise marks a block of size bytes for huge pages and frees it. The
// block is new memory, which the runtime neither zeroes nor touches (a
// heap that has grown before may have to zero it: hence once, early), and
// the runtime hands out its lowest free pages first, so the heap's next
// allocations come from the block. A kernel without huge pages refuses
// the advice, and nothing changes.
func advise(size int64) {
	mark(size)
	runtime.GC() // frees the block now, not after the heap has doubled
}

// mark allocates a block of size bytes and marks it for huge pages. A
// block this large is a span of its own, aligned to pages as madvise
// requires.
func mark(size int64) error {
	return unix.Madvise(make([]byte, size), unix.MADV_HUGEPAGE)
}
