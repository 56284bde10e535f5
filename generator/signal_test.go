package generator

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/alongside-dev/alongside/generator/internal/sitetest"
)

// An interrupt or a termination ends build, check and serve within a
// second, whatever they are doing, and leaves no temporary folder.
func TestSignalStops(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc to see the command at work")
	}
	if testing.Short() {
		t.Skip("builds the binary and a site of 3,000 profiles")
	}
	bin := filepath.Join(t.TempDir(), "alongside")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/alongside").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	site := t.TempDir()
	for name, f := range sitetest.Corpus(3000) {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	dest := filepath.Join(out, "public")
	// reading reports whether pid has a file of the site open: it is
	// loading it.
	reading := func(pid int) bool {
		fds, _ := os.ReadDir("/proc/" + itoa(pid) + "/fd")
		for _, fd := range fds {
			if l, err := os.Readlink("/proc/" + itoa(pid) + "/fd/" + fd.Name()); err == nil && strings.HasPrefix(l, site+"/content/") {
				return true
			}
		}
		return false
	}
	// rendering reports whether the build's temporary folder exists.
	rendering := func(int) bool {
		ents, _ := os.ReadDir(out)
		for _, e := range ents {
			if strings.Contains(e.Name(), ".alongside-tmp-") {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		name  string
		args  []string
		when  func(pid int) bool
		sig   syscall.Signal
		exit  int
		quiet bool // nothing but "interrupted" on stderr
	}{
		{"build, loading", []string{"build", "-s", site, "-d", dest}, reading, syscall.SIGINT, 1, true},
		{"build, writing", []string{"build", "-s", site, "-d", dest}, rendering, syscall.SIGTERM, 1, true},
		{"check, loading", []string{"check", "-s", site}, reading, syscall.SIGINT, 1, true},
		{"serve, loading", []string{"serve", "-s", site, "--port", "0"}, reading, syscall.SIGTERM, 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(bin, c.args...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(30 * time.Second)
			tick := time.NewTicker(time.Millisecond)
			defer tick.Stop()
			for !c.when(cmd.Process.Pid) {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("not at work after 30 s; stderr:\n%s", stderr.String())
				}
				<-tick.C
			}
			sent := time.Now()
			if err := cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			took := time.Since(sent)
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			}
			if code != c.exit {
				t.Errorf("exit %d (%v), want %d; stderr:\n%.2000s", code, err, c.exit, stderr.String())
			}
			if took > time.Second {
				t.Errorf("ended %v after the signal, want within a second", took)
			}
			if c.exit != 0 && !strings.Contains(stderr.String(), "interrupted") || strings.Contains(stderr.String(), "error") {
				t.Errorf("stderr:\n%.2000s", stderr.String())
			}
			if ents, _ := os.ReadDir(out); len(ents) != 0 {
				t.Errorf("left beside the output: %v", ents)
			}
			t.Logf("%s ended %v after the signal", c.name, took)
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
