package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
)

// BenchmarkServeEdit measures the time from saving a profile to the
// server holding the updated page, on generated sites of 1,000 and 10,000
// profiles: append a word to a profile's story, then wait for the new
// snapshot. It goes through fsnotify and the debounce timer (50 ms), as
// an editor's save does; rebuild-ns/op is the rebuild alone. Allocations
// are those of the whole process during the loop: a rebuild should
// allocate as much at 10,000 profiles as at 1,000.
//
// The sites are made by /work/shared/bench/gencorpus (or $ALONGSIDE_GENCORPUS)
// once, and kept in os.TempDir() for the next run.
func BenchmarkServeEdit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("profiles=%d", n), func(b *testing.B) { benchmarkEdit(b, n) })
	}
}

func benchmarkEdit(b *testing.B, n int) {
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS(benchCorpus(b, n))); err != nil {
		b.Fatal(err)
	}
	s, err := New(Options{Site: dir, Port: 0})
	if err != nil {
		b.Fatal(err)
	}
	built := make(chan struct{}, 1)
	s.onBuild = func() {
		select {
		case built <- struct{}{}:
		default:
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()
	<-built
	if s.cur.Load().fail != nil {
		b.Fatalf("the first build failed:\n%s", s.cur.Load().fail.overlay)
	}
	<-s.warned // they are printed in the background
	// The same approved profile at every size: the middle one of the
	// smallest site, which the larger ones start with.
	rel := benchTarget(b)
	page := "partnerships/" + strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(rel, "content/partnerships/"), ".md"), "/index") + "/index.html"
	path := filepath.Join(dir, filepath.FromSlash(rel))
	var rebuild time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		word := fmt.Appendf(nil, "benchword%dx", i)
		appendFile(b, path, append(append([]byte("\n\n"), word...), '\n'))
		for {
			<-built
			if f, ok := s.Snapshot().Get(page); ok && bytes.Contains(f.Data, word) {
				break
			}
		}
		rebuild += time.Duration(s.lastBuild.Load())
	}
	b.StopTimer()
	b.ReportMetric(float64(rebuild.Nanoseconds())/float64(b.N), "rebuild-ns/op")
}

func appendFile(b *testing.B, path string, data []byte) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}

// benchCorpus returns a folder holding a generated site of n profiles,
// making it the first time.
func benchCorpus(b *testing.B, n int) string {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("alongside-serve-bench-%d", n))
	if _, err := os.Stat(filepath.Join(dir, "site.toml")); err == nil {
		return dir
	}
	gen := os.Getenv("ALONGSIDE_GENCORPUS")
	if gen == "" {
		gen = "/work/shared/bench/gencorpus/main.go"
	}
	if _, err := os.Stat(gen); err != nil {
		b.Skipf("no corpus generator at %s (set ALONGSIDE_GENCORPUS)", gen)
	}
	tmp, err := os.MkdirTemp(os.TempDir(), "alongside-serve-bench-tmp-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "site")
	cmd := exec.Command("go", "run", gen, "-n", fmt.Sprint(n), "-o", out, "-seed", "1")
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("gencorpus: %v", err)
	}
	if err := os.Rename(out, dir); err != nil && !errors.Is(err, fs.ErrExist) {
		if _, statErr := os.Stat(filepath.Join(dir, "site.toml")); statErr != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// benchTarget is the profile every size edits: the middle approved one
// of the 1,000-profile site, which the larger sites hold too.
func benchTarget(b *testing.B) string {
	root, err := os.OpenRoot(benchCorpus(b, 1000))
	if err != nil {
		b.Fatal(err)
	}
	defer root.Close()
	site, _ := content.Load(root.FS())
	ps := site.Profiles
	for _, p := range ps[len(ps)/2:] {
		if p.Approved() {
			return p.Path
		}
	}
	b.Fatal("no approved profile")
	return ""
}

// BenchmarkServeFirstPage measures how long `alongside serve` takes from
// its start to the first answer of the home page (first-ns/op: the site
// read, then the page made alone while the rest renders) and to the end
// of its first build (built-ns/op), on generated sites of 1,000 and
// 10,000 profiles. Each round starts a new server on the same folder.
func BenchmarkServeFirstPage(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("profiles=%d", n), func(b *testing.B) { benchmarkFirstPage(b, n) })
	}
}

func benchmarkFirstPage(b *testing.B, n int) {
	dir := b.TempDir()
	if err := os.CopyFS(dir, os.DirFS(benchCorpus(b, n))); err != nil {
		b.Fatal(err)
	}
	var first, built time.Duration
	client := &http.Client{Timeout: time.Minute}
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		s, err := New(Options{Site: dir, Port: 0})
		if err != nil {
			b.Fatal(err)
		}
		done := make(chan struct{})
		s.onBuild = sync.OnceFunc(func() { close(done) })
		ctx, cancel := context.WithCancel(context.Background())
		ran := make(chan error, 1)
		go func() { ran <- s.Run(ctx) }()
		for {
			resp, err := client.Get("http://" + s.Addr().String() + "/")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					break
				}
			}
			time.Sleep(time.Millisecond)
		}
		first += time.Since(start)
		<-done
		built += time.Since(start)
		cancel()
		<-ran
	}
	b.StopTimer()
	b.ReportMetric(float64(first.Nanoseconds())/float64(b.N), "first-ns/op")
	b.ReportMetric(float64(built.Nanoseconds())/float64(b.N), "built-ns/op")
}
