package export

import (
	"bytes"
	"sync"

	"github.com/alongside-dev/alongside/generator/content"
)

// Records keeps what each profile adds to each data file, for the
// renders of one `serve` session: a profile that did not change (the same
// *content.Profile) is not encoded again, and the data files of a large
// site are written again within moments of an edit. A nil *Records keeps
// nothing. It is safe for concurrent use.
type Records struct {
	mu   sync.Mutex
	gen  int                       // the generation of the last Keep
	part map[recordKey]*recordPart // by file and profile
}

type recordKey struct {
	file, baseURL string
	p             *content.Profile
}

type recordPart struct {
	data []byte
	gen  int // the generation that last used it
}

// NewRecords returns an empty Records.
func NewRecords() *Records { return &Records{part: map[recordKey]*recordPart{}} }

// Keep forgets the parts that no file has used since the Keep before
// this one: those of profiles that changed or were removed. Call it
// after each render whose data files were all written.
func (r *Records) Keep() {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for k, v := range r.part {
		if v.gen < r.gen {
			delete(r.part, k)
		}
	}
	r.gen++
}

// get returns p's part of file for the site at baseURL, made by encode
// into buf the first time (every time for a nil r). The result is valid
// until buf is used again, and must not be changed.
func (r *Records) get(file, baseURL string, p *content.Profile, buf *bytes.Buffer, encode func(*bytes.Buffer) error) ([]byte, error) {
	key := recordKey{file, baseURL, p}
	if r != nil {
		r.mu.Lock()
		part, ok := r.part[key]
		if ok {
			part.gen = r.gen
		}
		r.mu.Unlock()
		if ok {
			return part.data, nil
		}
	}
	buf.Reset()
	if err := encode(buf); err != nil {
		return nil, err
	}
	if r == nil {
		return buf.Bytes(), nil
	}
	data := bytes.Clone(buf.Bytes())
	r.mu.Lock()
	r.part[key] = &recordPart{data, r.gen}
	r.mu.Unlock()
	return data, nil
}
