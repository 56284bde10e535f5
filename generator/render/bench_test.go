package render

import (
	"context"
	iofs "io/fs"
	"os"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
	"github.com/alongside-dev/alongside/generator/output"
)

// BenchmarkRender renders a generated site of 1,000 profiles (about 90%
// approved, every 10th a bundle) into memory. ALONGSIDE_CORPUS=DIR renders
// a site folder instead, e.g. one made by /work/shared/bench/gencorpus.
func BenchmarkRender(b *testing.B) {
	var fsys iofs.FS
	if dir := os.Getenv("ALONGSIDE_CORPUS"); dir != "" {
		root, err := os.OpenRoot(dir)
		if err != nil {
			b.Fatal(err)
		}
		fsys = root.FS()
	} else {
		fsys = sitetest.Corpus(1000)
	}
	site, r := loadSite(b, fsys)
	var (
		st  Stats
		err error
	)
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		st, err = r.Render(context.Background(), site, fsys, Options{Now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}, output.NewMemory())
		if err != nil {
			b.Fatal(err)
		}
	}
	// CPU time, unlike wall time, does not depend on what else the
	// machine is running.
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(st.Pages), "pages")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(st.Pages), "ns/page")
}
