// Package hugeheap asks the kernel to back the memory a large build is
// about to fill with huge pages.
//
// The first touch of each 4 KiB page of new memory is a page fault, and on
// a virtual machine a fault costs several microseconds: a build of 10,000
// profiles grows its heap to about 280 MB, 68,000 faults, about a seventh
// of its time. With transparent huge pages one fault maps 2 MiB. Linux
// gives them to the Go heap only when asked where it is set to do so on
// request (its "madvise" setting, the default of many distributions), and
// the Go runtime does not ask: Advise does, for the heap's next bytes.
package hugeheap

import "sync"

var once sync.Once

// Advise makes about the next size bytes of memory the Go heap takes from
// the system eligible for huge pages, where the kernel gives them on
// request only. It acts once per process, on its first call with size > 0,
// and helps most before the heap grows. Elsewhere (huge pages always or
// never used, other systems) it does nothing.
func Advise(size int64) {
	if size > 0 && onRequest() {
		once.Do(func() { advise(size) })
	}
}
