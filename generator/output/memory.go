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
// The zero value is not ready; use NewMemory.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory {
	return &Memory{files: make(map[string][]byte)}
}

// WriteFile stores a copy of data as name.
func (m *Memory) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.put(name, bytes.Clone(data))
	return nil
}

// WriteStream stores what write writes as name.
func (m *Memory) WriteStream(name string, write func(io.Writer) error) error {
	if err := checkName(name); err != nil {
		return err
	}
	data, err := Buffer(write)
	if err != nil {
		return fmt.Errorf("output: write %s: %w", name, err)
	}
	m.put(name, data)
	return nil
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
