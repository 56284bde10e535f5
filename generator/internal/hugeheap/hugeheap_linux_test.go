package hugeheap

import (
	"bufio"
	"bytes"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestAdviseMarksTheNextAllocations holds advise to its contract: the
// heap's next allocations lie in memory marked for huge pages.
func TestAdviseMarksTheNextAllocations(t *testing.T) {
	if err := mark(64 << 20); err != nil {
		t.Skip("this kernel takes no huge-page advice:", err)
	}
	runtime.GC()
	ranges := advisedRanges(t)
	var blocks [16][]byte
	in := 0
	for i := range blocks {
		blocks[i] = make([]byte, 1<<20)
		addr := uintptr(unsafe.Pointer(unsafe.SliceData(blocks[i])))
		for _, r := range ranges {
			if r[0] <= addr && addr < r[1] {
				in++
				break
			}
		}
	}
	runtime.KeepAlive(blocks)
	if in < len(blocks)/2 {
		t.Errorf("%d of %d new blocks lie in memory marked for huge pages (%x), want most", in, len(blocks), ranges)
	}
}

// TestMarkTouchesLittle holds mark to touching little memory of its own
// on a heap that freed memory before: only the blocks that reuse it are
// zeroed, not all of them.
func TestMarkTouchesLittle(t *testing.T) {
	freed := make([]byte, 64<<20)
	for i := 0; i < len(freed); i += 4096 {
		freed[i] = 1
	}
	runtime.KeepAlive(freed)
	freed = nil
	runtime.GC()
	before := resident(t)
	if err := mark(256 << 20); err != nil {
		t.Skip("this kernel takes no huge-page advice:", err)
	}
	if grew := resident(t) - before; grew > 128<<20 {
		t.Errorf("marking 256 MB made %d MB more memory resident, want at most the 64 MB freed before and a block", grew>>20)
	}
}

// resident is how much memory of this process is resident, in bytes.
func resident(t *testing.T) int64 {
	t.Helper()
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Skip(err)
	}
	fields := strings.Fields(string(data))
	pages, err := strconv.ParseInt(fields[1], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return pages * int64(os.Getpagesize())
}

// advisedRanges returns the address ranges of this process that are
// marked for huge pages ("hg" in /proc/self/smaps).
func advisedRanges(t *testing.T) [][2]uintptr {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var out [][2]uintptr
	var cur [2]uintptr
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Bytes()
		if flags, ok := bytes.CutPrefix(line, []byte("VmFlags:")); ok {
			if strings.Contains(" "+string(flags)+" ", " hg ") {
				out = append(out, cur)
			}
			continue
		}
		span, _, _ := strings.Cut(string(line), " ")
		lo, hi, ok := strings.Cut(span, "-")
		if !ok {
			continue
		}
		a, err1 := strconv.ParseUint(lo, 16, 64)
		b, err2 := strconv.ParseUint(hi, 16, 64)
		if err1 == nil && err2 == nil {
			cur = [2]uintptr{uintptr(a), uintptr(b)}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
