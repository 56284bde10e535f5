package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServePortInUse(t *testing.T) {
	site := writeSite(t, map[string]string{"content/partnerships/homework-help.md": goodProfile})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	code, stdout, stderr := runCLI(t, "serve", "-s", site, "--port", port)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, port) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("stderr is not one line naming port %s:\n%s", port, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout: %q", stdout)
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--port", "-1"},
		{"serve", "--port", "70000"},
		{"serve", "--poll", "1ms"},
		{"serve", "--poll", "soon"},
		{"serve", "extra"},
	} {
		if code, _, stderr := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr)
		}
	}
}

// syncBuffer is a bytes.Buffer that a server may write while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeAnyPortThenInterrupt(t *testing.T) {
	site := writeSite(t, map[string]string{
		"site.toml":                             `base_url = "https://example.org/reports/"`,
		"content/partnerships/homework-help.md": strings.Replace(goodProfile, `state = "approved"`, `state = "draft"`, 1),
	})
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "-s", site, "--port", "0"}, strings.NewReader(""), &stdout, &stderr)
	}()
	url := regexp.MustCompile(`http://127\.0\.0\.1:[1-9][0-9]*/reports/`)
	deadline := time.Now().Add(10 * time.Second)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for url.FindString(stdout.String()) == "" {
		if time.Now().After(deadline) {
			t.Fatalf("no address on stdout after 10 s:\n%s\n%s", stdout.String(), stderr.String())
		}
		<-tick.C
	}
	resp, err := http.Get(url.FindString(stdout.String()) + "partnerships/homework-help/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Not yet approved") {
		t.Errorf("the unapproved profile: %d, no banner:\n%.500s", resp.StatusCode, body)
	}
	if strings.Contains(string(body), "PRIVATE-marker") {
		t.Error("a [private] value is served")
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after the interrupt, want 0; stderr:\n%s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10 s of the interrupt")
	}
}
