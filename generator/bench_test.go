package generator

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/output"
	"github.com/alongside-dev/alongside/generator/render"
)

// corpus returns a site of n generated profiles made by
// ../shared/bench/gencorpus, cached under the temporary folder
// (TMPDIR=/dev/shm measures the generator rather than the disk).
func corpus(b *testing.B, n int) string {
	b.Helper()
	gen, err := filepath.Abs("../../shared/bench/gencorpus/main.go")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(gen); err != nil {
		b.Skip("gencorpus not found:", err)
	}
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("alongside-corpus-%d", n))
	if _, err := os.Stat(filepath.Join(dir, "site.toml")); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	if out, err := exec.Command("go", "run", gen, "-n", fmt.Sprint(n), "-o", dir, "-seed", "1").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		b.Fatalf("gencorpus: %v\n%s", err, out)
	}
	return dir
}

func benchmarkBuild(b *testing.B, n int) {
	site := corpus(b, n)
	dest := filepath.Join(b.TempDir(), "public")
	b.ResetTimer()
	for b.Loop() {
		os.RemoveAll(dest)
		if _, err := Build(context.Background(), Options{Site: site, Dest: dest}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuild1k(b *testing.B)  { benchmarkBuild(b, 1000) }
func BenchmarkBuild10k(b *testing.B) { benchmarkBuild(b, 10000) }

// BenchmarkRebuild10k builds again into an output folder that is up to date.
func BenchmarkRebuild10k(b *testing.B) {
	site := corpus(b, 10000)
	dest := filepath.Join(b.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Site: site, Dest: dest}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(context.Background(), Options{Site: site, Dest: dest}); err != nil {
			b.Fatal(err)
		}
	}
}

// The parts of a build, on 10,000 profiles.

func BenchmarkLoad10k(b *testing.B) {
	fsys, err := OpenSite(corpus(b, 10000))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, probs := content.Load(fsys); len(probs.Errors()) > 0 {
			b.Fatal(probs)
		}
	}
}

// BenchmarkLoadProfile10k reads what approve, proof and answers read of a
// site of 10,000 profiles: one profile, and every slug.
func BenchmarkLoadProfile10k(b *testing.B) {
	fsys, err := OpenSite(corpus(b, 10000))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if site, _, _ := content.LoadProfile(fsys, "homework-help-in-spanish-winter-2021"); len(site.Profiles) != 1 {
			b.Fatal("no homework-help-in-spanish-winter-2021")
		}
	}
}

func BenchmarkRender10k(b *testing.B) {
	fsys, err := OpenSite(corpus(b, 10000))
	if err != nil {
		b.Fatal(err)
	}
	site, _ := content.Load(fsys)
	r, err := render.New(fsys, site.Config.Theme)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := r.Render(context.Background(), site, fsys, render.Options{BaseURL: site.Config.BaseURL, Now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}, output.NewMemory()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrite10k(b *testing.B) {
	fsys, err := OpenSite(corpus(b, 10000))
	if err != nil {
		b.Fatal(err)
	}
	site, _ := content.Load(fsys)
	r, err := render.New(fsys, site.Config.Theme)
	if err != nil {
		b.Fatal(err)
	}
	mem := output.NewMemory()
	if _, err := r.Render(context.Background(), site, fsys, render.Options{BaseURL: site.Config.BaseURL, Now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}, mem); err != nil {
		b.Fatal(err)
	}
	dest := filepath.Join(b.TempDir(), "public")
	b.ResetTimer()
	for b.Loop() {
		os.RemoveAll(dest)
		dir, err := output.NewDir(dest)
		if err != nil {
			b.Fatal(err)
		}
		for _, name := range mem.Names() {
			data, _ := mem.Get(name)
			if err := dir.WriteFile(name, data); err != nil {
				b.Fatal(err)
			}
		}
		if err := dir.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild100k is the scale benchmark: its time should be about ten
// times BenchmarkBuild10k's.
func BenchmarkBuild100k(b *testing.B) { benchmarkBuild(b, 100000) }

// BenchmarkCheck10k is `alongside check` on 10,000 profiles: the load and
// the site-wide checks. It should take little more than BenchmarkLoad10k.
func BenchmarkCheck10k(b *testing.B) {
	site := corpus(b, 10000)
	today := content.DayOf(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	b.ResetTimer()
	for b.Loop() {
		if _, _, _, err := Load(site, today); err != nil {
			b.Fatal(err)
		}
	}
}
