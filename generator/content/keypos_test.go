package content

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestKeysLeaveOutPrivate(t *testing.T) {
	src := "+++\n" + // 1
		"title = \"T\"\n" + // 2
		"status = \"active\"\n" + // 3
		"start = 2025-09-02\n" + // 4
		"private.inline = \"PRIVATE-1\"\n" + // 5
		"[partner]\n" + // 6
		"name = \"P\"\n" + // 7
		"[private]\n" + // 8
		"contact = \"PRIVATE-2\"\n" + // 9
		"notes = \"\"\"\n" + // 10
		"PRIVATE-3 = \"x\"\n" + // 11
		"\"\"\"\n" + // 12
		"[review]\n" + // 13
		"state = \"approved\"\n" + // 14
		"date = 2025-10-14\n" + // 15
		"[[asks]]\n" + // 16
		"ask = \"A\"\n" + // 17
		"status = \"planned\"\n" + // 18
		"+++\nBody.\n"
	p, probs := ParseProfile("content/partnerships/x.md", []byte(src), &Config{Currency: "USD"})
	if p == nil || len(probs) > 0 {
		t.Fatalf("ParseProfile: %v", probs)
	}
	keys, err := p.Keys(fstest.MapFS{p.Path: {Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"title": 2, "start": 4, "partner": 6, "partner.name": 7, "private": 8,
		"review": 13, "review.date": 15, "asks.0": 16, "asks.0.status": 18,
		// Not written: the nearest table above.
		"review.by": 13, "asks.0.reason": 16, "private.inline": 8, "private.contact": 8, "private.notes": 8}
	for k, line := range want {
		if got, ok := keys.Find(k); !ok || got.Line != line {
			t.Errorf("Find(%q) = %+v, %v; want line %d", k, got, ok, line)
		}
	}
	for _, k := range []string{"summary", "asks", "asks.1.ask", "resources.0"} {
		if got, ok := keys.Find(k); ok {
			t.Errorf("Find(%q) = %+v, want nothing: neither it nor a table above it is written", k, got)
		}
	}
	for k := range KeysOf([]byte(src)) {
		if strings.HasPrefix(k, "private.") {
			t.Errorf("KeysOf has %q", k)
		}
	}
	if _, err := p.Keys(fstest.MapFS{}); err == nil {
		t.Error("Keys of a file that is gone: no error")
	}
}

// FileKeys.Find places every key as KeysOf does, and a key not written
// at the nearest table above it that is, on every profile of the sample
// site.
func TestFindMatchesKeysOf(t *testing.T) {
	files, err := filepath.Glob("../../content/partnerships/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample profiles: %v", err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		keys := KeysOf(data)
		p, _ := ParseProfile("content/partnerships/"+filepath.Base(name), data, &Config{Currency: "USD"})
		if p == nil {
			t.Fatalf("%s does not parse", name)
		}
		for _, k := range profileKeys {
			if _, ok := FileKeys(data).Find(k); ok && !p.Writes(k) {
				t.Errorf("%s: Writes(%q) is false, but Find finds it", name, k)
			}
		}
		for k, want := range keys {
			if !p.Writes(k) || !p.Writes(k+".nope") {
				t.Errorf("%s: Writes(%q) is false, but the file writes it", name, k)
			}
			if got, ok := FileKeys(data).Find(k); !ok || got != want {
				t.Errorf("%s: Find(%q) = %+v, %v; KeysOf has %+v", name, k, got, ok, want)
			}
			if got, ok := FileKeys(data).Find(k + ".nope"); !ok || got != want {
				t.Errorf("%s: Find(%q) = %+v, %v; want %q's %+v", name, k+".nope", got, ok, k, want)
			}
		}
	}
}

// A key the file does not write, nor a table above it, is not written;
// one whose top-level key or table is written may be.
func TestWrites(t *testing.T) {
	src := "+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-09-02\n[partner]\nname = \"P\"\n[review]\nstate = \"draft\"\n+++\nStory.\n"
	p, probs := ParseProfile("content/partnerships/x.md", []byte(src), &Config{Currency: "USD"})
	if p == nil || len(probs) > 0 {
		t.Fatalf("ParseProfile: %v", probs)
	}
	if len(profileKeys) > 32 {
		t.Fatalf("%d profile keys: Profile.written holds 32", len(profileKeys))
	}
	for key, want := range map[string]bool{
		"title": true, "partner.name": true, "partner.org_id": true, "review.date": true, "a.b": true,
		"summary": false, "resources.0.amount": false, "partner_voice": false, "photos.0.alt": false,
	} {
		if got := p.Writes(key); got != want {
			t.Errorf("Writes(%q) = %v, want %v", key, got, want)
		}
		if _, found := FileKeys(src).Find(key); found && !p.Writes(key) {
			t.Errorf("Find finds %q, which Writes says is not written", key)
		}
	}
}

// ReadBody reads the story again, and refuses one that is not the story
// loaded: a page must not pair one version's facts with another's story.
func TestReadBody(t *testing.T) {
	src := "\xef\xbb\xbf+++\r\ntitle = \"T\"\r\nstatus = \"active\"\r\nstart = 2025-09-02\r\n[partner]\r\nname = \"P\"\r\n[review]\r\nstate = \"draft\"\r\n+++\r\nThe *story*.\r\n"
	const path = "content/partnerships/x.md"
	p, probs := ParseProfile(path, []byte(src), &Config{Currency: "USD"})
	if p == nil || len(probs) > 0 {
		t.Fatalf("ParseProfile: %v", probs)
	}
	body, err := p.ReadBody(fstest.MapFS{path: {Data: []byte(src)}})
	if err != nil || string(body) != "The *story*.\n" {
		t.Errorf("ReadBody = %q, %v", body, err)
	}
	for name, data := range map[string]string{
		"edited story":       strings.Replace(src, "story", "stories", 1),
		"same length":        strings.Replace(src, "story", "glory", 1),
		"front matter broke": strings.Replace(src, "+++\r\nThe", "The", 1),
	} {
		if _, err := p.ReadBody(fstest.MapFS{path: {Data: []byte(data)}}); err == nil || !strings.Contains(err.Error(), path+" changed") {
			t.Errorf("%s: ReadBody error %v, want one saying the file changed", name, err)
		}
	}
	if _, err := p.ReadBody(fstest.MapFS{}); err == nil {
		t.Error("ReadBody of a file that is gone: no error")
	}
}

// Load keeps the stories of a site that fits StoryBudget: ReadBody does
// not read them again.
func TestLoadKeepsStories(t *testing.T) {
	src := "+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-09-02\n[partner]\nname = \"P\"\n[review]\nstate = \"draft\"\n[private]\nnote = \"PRIVATE-1\"\n+++\nThe story.\n"
	site, probs := Load(fstest.MapFS{"content/partnerships/x.md": {Data: []byte(src)}})
	if len(site.Profiles) != 1 || len(probs.Errors()) > 0 {
		t.Fatalf("Load: %v", probs)
	}
	body, err := site.Profiles[0].ReadBody(fstest.MapFS{}) // the file is gone
	if err != nil || string(body) != "The story.\n" || cap(body) >= len(src) {
		t.Errorf("ReadBody = %q (cap %d), %v; want the story kept, and only it", body, cap(body), err)
	}
}

// Load keeps the stories of a site all or none: those of a site larger
// than StoryBudget are read again, every one.
func TestLoadKeepsNoStoriesBeyondBudget(t *testing.T) {
	story := strings.Repeat("A sentence of the story, written out in full.\n", (MaxStory-1<<10)/47)
	fsys := fstest.MapFS{}
	n := StoryBudget/len(story) + 1
	for i := range n {
		fsys[fmt.Sprintf("content/partnerships/p%d.md", i)] = &fstest.MapFile{Data: []byte("+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-09-02\n[partner]\nname = \"P\"\n[review]\nstate = \"draft\"\n+++\n" + story)}
	}
	site, probs := Load(fsys)
	if len(site.Profiles) != n || len(probs.Errors()) > 0 {
		t.Fatalf("Load: %d profiles, %v", len(site.Profiles), probs.Errors())
	}
	kept := 0
	for _, p := range site.Profiles {
		if _, err := p.ReadBody(fstest.MapFS{}); err == nil { // the files are gone
			kept++
		}
	}
	if kept > 0 {
		t.Errorf("%d of %d stories kept (%d MB in all), want none", kept, n, n*len(story)>>20)
	}
}

// A profile's file replaced after loading by one far larger (or one that
// grows as it is read, like a log) is read again no further than Load
// reads a file: ReadBody and Keys stop past maxFile and fail.
func TestReadAgainIsLimited(t *testing.T) {
	src := "+++\ntitle = \"T\"\nstatus = \"active\"\nstart = 2025-09-02\n[partner]\nname = \"P\"\n[review]\nstate = \"draft\"\n+++\nThe story.\n"
	const path = "content/partnerships/x.md"
	p, probs := ParseProfile(path, []byte(src), &Config{Currency: "USD"})
	if p == nil || len(probs) > 0 {
		t.Fatalf("ParseProfile: %v", probs)
	}
	for _, size := range []int64{int64(len(src)), 1 << 40} { // the size it says it has
		fsys := &endlessFS{path: path, head: src, size: size}
		if body, err := p.ReadBody(fsys); err == nil || !strings.Contains(err.Error(), path+" changed") {
			t.Errorf("size %d: ReadBody = %d bytes, %v; want an error saying the file changed", size, len(body), err)
		}
		if keys, err := p.Keys(fsys); err == nil {
			t.Errorf("size %d: Keys = %d bytes, no error", size, len(keys))
		}
		if fsys.most > maxFile+64<<10 {
			t.Errorf("size %d: read %d bytes of it again, want no more than about %d", size, fsys.most, maxFile)
		}
	}
}

// endlessFS holds one file that starts with head, says it is size bytes
// long, and never ends (it stops at 64 MB); most is the most bytes read
// from it through one Open.
type endlessFS struct {
	path, head string
	size       int64
	most       int64
}

func (f *endlessFS) Open(name string) (fs.File, error) {
	if name != f.path {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &endlessFile{fsys: f}, nil
}

type endlessFile struct {
	fsys *endlessFS
	off  int64
}

func (e *endlessFile) Read(b []byte) (int, error) {
	if e.off >= 64<<20 {
		return 0, io.EOF
	}
	n := copy(b, e.fsys.head[min(e.off, int64(len(e.fsys.head))):])
	for i := n; i < len(b); i++ {
		b[i] = 'a'
	}
	e.off += int64(len(b))
	e.fsys.most = max(e.fsys.most, e.off)
	return len(b), nil
}

func (e *endlessFile) Close() error               { return nil }
func (e *endlessFile) Stat() (fs.FileInfo, error) { return e, nil }
func (e *endlessFile) Name() string               { return path.Base(e.fsys.path) }
func (e *endlessFile) Size() int64                { return e.fsys.size }
func (e *endlessFile) Mode() fs.FileMode          { return 0o644 }
func (e *endlessFile) ModTime() time.Time         { return time.Time{} }
func (e *endlessFile) IsDir() bool                { return false }
func (e *endlessFile) Sys() any                   { return nil }
