package hugeheap

import (
	"bytes"
	"os"
	"runtime"

	"golang.org/x/sys/unix"
)

// onRequest reports whether the kernel gives transparent huge pages to
// the memory that asks for them, and only to it.
func onRequest() bool {
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

func mark(size int64) error {
	return unix.Madvise(make([]byte, size), unix.MADV_HUGEPAGE)
}
