package serve

import (
	"bytes"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/render"
)

// A File is one file of a built site, ready to serve. It never changes.
type File struct {
	Data []byte
	Type string // the Content-Type header
	// For an HTML page, where serve inserts its own markup: head just
	// after the <head> tag (the live-reload script), body just after the
	// <body> tag (the error overlay); -1 when the page has no such tag.
	head, body int
	status     int // the HTTP status when not 200: a deferred page that failed
}

// newFile makes a File of data, which it keeps.
func newFile(name string, data []byte) *File {
	f := &File{Data: data, Type: contentType(name), head: -1, body: -1}
	if strings.HasPrefix(f.Type, "text/html") {
		f.head = afterTag(data, "head", 0)
		f.body = afterTag(data, "body", max(f.head, 0))
	}
	return f
}

// afterTag returns the offset just after the first <name ...> start tag in
// data at or after from, matching the name without regard to case, or -1.
func afterTag(data []byte, name string, from int) int {
	for i := from; i < len(data); i++ {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		rest := data[i+1:]
		if len(rest) > len(name) && bytes.EqualFold(rest[:len(name)], []byte(name)) {
			switch rest[len(name)] {
			case '>', ' ', '\t', '\n', '\r', '\f', '/':
				if k := bytes.IndexByte(rest, '>'); k >= 0 {
					return i + 1 + k + 1
				}
				return -1
			}
		}
	}
	return -1
}

// contentTypes are the types of the files a site holds, so that they do
// not depend on the machine's MIME database. Other extensions fall back
// to it, and then to application/octet-stream.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".json":  "application/json",
	".xml":   "application/xml; charset=utf-8",
	".csv":   "text/csv; charset=utf-8",
	".txt":   "text/plain; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".avif":  "image/avif",
	".ico":   "image/vnd.microsoft.icon",
	".pdf":   "application/pdf",
	".woff2": "font/woff2",
	".woff":  "font/woff",
	".md":    "text/markdown; charset=utf-8",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// A Snapshot is one complete build of the site, as served. It never
// changes: a rebuild makes a new Snapshot that shares the unchanged files
// with the old one.
type Snapshot struct {
	files tree
	// deferred, when not nil, holds the pages that sum up every profile,
	// rendered when first asked for; its files replace those of files.
	deferred *render.Deferred
}

// Get returns the file called name ("partnerships/x/index.html"). A
// deferred file is rendered now if it was not yet.
func (s *Snapshot) Get(name string) (*File, bool) {
	if s == nil {
		return nil, false
	}
	if s.deferred != nil && s.deferred.Owns(name) {
		data, ok, err := s.deferred.File(name)
		if err != nil {
			f := newFile("error.txt", []byte("alongside serve: "+err.Error()+"\n"))
			f.status = http.StatusInternalServerError
			return f, true
		}
		if !ok {
			return nil, false
		}
		return newFile(name, data), true
	}
	return s.files.get(name)
}

func (s *Snapshot) deferredOrNil() *render.Deferred {
	if s == nil {
		return nil
	}
	return s.deferred
}

// Len returns the number of files.
func (s *Snapshot) Len() int {
	if s == nil {
		return 0
	}
	return s.files.len()
}

// Names returns the names of every file, sorted.
func (s *Snapshot) Names() []string {
	if s == nil {
		return nil
	}
	names := make([]string, 0, s.files.len())
	s.files.walk(func(name string, _ *File) { names = append(names, name) })
	slices.Sort(names)
	return names
}

// A collector is the output.Writer of one build: an output.Memory over
// the previous snapshot, from which it makes the next snapshot. Files
// written with the same bytes as before keep the previous *File and are
// not counted as changed.
type collector struct {
	*output.Memory
	prev *Snapshot
}

var _ output.Writer = (*collector)(nil)

func newCollector(prev *Snapshot) *collector {
	c := &collector{prev: prev}
	c.Memory = output.NewMemoryOver(func(name string) ([]byte, bool) {
		f, ok := c.old(name)
		if !ok {
			return nil, false
		}
		return f.Data, true
	})
	return c
}

// old returns the previous snapshot's file name, not rendering a deferred one.
func (c *collector) old(name string) (*File, bool) {
	if c.prev == nil {
		return nil, false
	}
	return c.prev.files.get(name)
}

// snapshot returns the next snapshot: the previous one, minus the files
// in remove, with every file written. When full is true the build wrote
// the whole site, and every file of the previous snapshot not written
// again is removed. It also returns the names of the files that were
// added, removed or changed, sorted.
func (c *collector) snapshot(remove []string, full bool) (*Snapshot, []string) {
	written := func(name string) bool { _, ok := c.Get(name); return ok }

	var changed []string
	var t tree
	if c.prev != nil && !full {
		t = c.prev.files
	}
	b := t.batch()
	if full && c.prev != nil {
		c.prev.files.walk(func(name string, _ *File) {
			if !written(name) {
				changed = append(changed, name)
			}
		})
	}
	for _, name := range remove {
		if written(name) {
			continue
		}
		if _, ok := c.old(name); ok {
			b.del(name)
			changed = append(changed, name)
		}
	}
	for _, name := range c.Names() {
		data, _ := c.Get(name)
		old, ok := c.old(name)
		if ok && sameSlice(old.Data, data) { // the Memory kept old's bytes: unchanged
			if !full {
				continue // t holds it
			}
			b.put(name, old)
		} else {
			b.put(name, newFile(name, data))
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	return &Snapshot{files: b.done()}, slices.Compact(changed)
}

// sameSlice reports whether a and b are the same bytes in memory.
func sameSlice(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
