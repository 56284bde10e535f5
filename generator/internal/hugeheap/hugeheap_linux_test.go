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
