package output

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"
)

// Memory is a Writer that keeps the site in memory, for serve and tests.
// The zero value is not ready; use NewMemory or NewMemoryOver.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
	base  func(name string) ([]byte, bool)
	sizes map[string]int // see NewMemoryLike
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory {
	return &Memory{files: make(map[string][]byte)}
}

// NewMemoryOver returns an empty Memory for a build that follows an
// earlier one, whose files base returns: a file written with the same
// bytes as base's keeps base's slice (Get returns it), not a copy, so
// what did not change is neither copied nor kept twice. base must be
// safe for concurrent use, and its slices must not change.
func NewMemoryOver(base func(name string) ([]byte, bool)) *Memory {
	return &Memory{files: make(map[string][]byte), base: base}
}

// NewMemoryLike returns an empty Memory whose streams are written into
// memory of the size of prev's file of the same name, or of the one prev
// was like when prev has none (see WriteStream). It keeps only those
// sizes, not prev. A nil prev is an empty Memory.
func NewMemoryLike(prev *Memory) *Memory {
	m := NewMemory()
	if prev != nil {
		prev.mu.RLock()
		m.sizes = maps.Clone(prev.sizes)
		if m.sizes == nil {
			m.sizes = make(map[string]int, len(prev.files))
		}
		for name, data := range prev.files {
			m.sizes[name] = len(data)
		}
		prev.mu.RUnlock()
	}
	return m
}

// WriteFile stores a copy of data as name.
func (m *Memory) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	if old, ok := m.same(name, data); ok {
		data = old
	} else {
		data = bytes.Clone(data)
	}
	m.put(name, data)
	return nil
}

// WriteStream stores what write writes as name. It is written into
// memory of the size of the earlier file name (base's, or the one of the
// Memory it is like) and a sixteenth more: a large data file made again
// after an edit is then written in one allocation, not grown into place
// by doubling (each new block of memory costs the system time to hand
// over).
func (m *Memory) WriteStream(name string, write func(io.Writer) error) error {
	if err := checkName(name); err != nil {
		return err
	}
	size := m.sizes[name]
	if old, ok := m.old(name); ok {
		size = len(old)
	}
	b := bytes.NewBuffer(make([]byte, 0, size+size/16))
	if err := write(b); err != nil {
		return fmt.Errorf("output: write %s: %w", name, err)
	}
	data := b.Bytes()
	if old, ok := m.same(name, data); ok {
		data = old
	}
	m.put(name, data)
	return nil
}

// same returns base's file name when it holds exactly data.
func (m *Memory) same(name string, data []byte) ([]byte, bool) {
	old, ok := m.old(name)
	return old, ok && bytes.Equal(old, data)
}

// old returns base's file name, if any.
func (m *Memory) old(name string) ([]byte, bool) {
	if m.base == nil {
		return nil, false
	}
	return m.base(name)
}

func (m *Memory) put(name string, data []byte) {
	m.mu.Lock()
	m.files[name] = data
	m.mu.Unlock()
}

// Get returns the content of name and whether it was written. The caller must
// not modify the returned slice.
func (m *Memory) Get(name string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	data, ok := m.files[name]
	return data, ok
}

// Names returns the names of all files written, sorted.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return slices.Sorted(maps.Keys(m.files))
}
