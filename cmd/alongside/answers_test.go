package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// answersFor writes the proof of homework-help and returns answers to it
// with the given fact lines and decision, as the proof's script would.
func answersFor(t *testing.T, site, facts, decision string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "proof.html")
	if code, _, stderr := runCLI(t, "proof", "homework-help", "-s", site, "-o", out); code != 0 {
		t.Fatalf("proof: %s", stderr)
	}
	doc, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	fp := regexp.MustCompile(`data-fingerprint="([^"]+)"`).FindSubmatch(doc)
	if fp == nil {
		t.Fatal("the proof has no data-fingerprint")
	}
	return "Answers to the proof of \"Homework Help\"\nProfile: homework-help\nVersion: " + string(fp[1]) +
		"\nProof made: 2026-03-14\nAnswered: 2025-11-20\n\n" + facts + "\nDecision: " + decision +
		"\nRole: Board, Familias Unidas\nComments:\n   Thanks!\nEnd of answers\n"
}

func runWithStdin(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestAnswersApprovedAsShown(t *testing.T) {
	site := writeSite(t, map[string]string{"content/partnerships/homework-help.md": strings.Replace(goodProfile, `state = "approved"`, `state = "in_review"`, 1)})
	text := answersFor(t, site, "1. Title: correct\n2. Partner: correct\n", "approve as shown")
	code, stdout, stderr := runWithStdin(t, text, "answers", "-s", site)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Answers to the proof of homework-help made on 2026-03-14, answered on 2025-11-20",
		"From: Board, Familias Unidas",
		"    1  Title    correct\n",
		"Decision: approve as shown",
		"Comments:\n  Thanks!",
		"the profile is unchanged since the proof. To record the approval, run:\n  alongside approve homework-help --by \"Board, Familias Unidas\" --date 2025-11-20\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	// The same from a file.
	file := filepath.Join(t.TempDir(), "reply.txt")
	if err := os.WriteFile(file, []byte("> "+strings.ReplaceAll(text, "\n", "\n> ")), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout2, stderr := runCLI(t, "answers", "--site", site, file); code != 0 || stdout2 != stdout {
		t.Errorf("answers FILE: exit %d, %s\n%s", code, stderr, stdout2)
	}
	// Once the profile changes, no approve command.
	p := filepath.Join(site, "content/partnerships/homework-help.md")
	data, _ := os.ReadFile(p)
	if err := os.WriteFile(p, bytes.Replace(data, []byte("A story."), []byte("A longer story."), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stdout, _ = runWithStdin(t, text, "answers", "-s", site)
	if strings.Contains(stdout, "alongside approve") || !strings.Contains(stdout, "The profile changed since this proof") {
		t.Errorf("after a change:\n%s", stdout)
	}
}

func TestAnswersWithChanges(t *testing.T) {
	site := writeSite(t, map[string]string{"content/partnerships/homework-help.md": goodProfile})
	text := answersFor(t, site, "1. Title: needs a change\n   Should say: Homework Help in Spanish\n2. Partner: correct\n", "approve with the changes")
	code, stdout, stderr := runWithStdin(t, text, "answers", "-s", site)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"    1  Title    needs a change\n       now:        Homework Help\n       should say: Homework Help in Spanish\n",
		"make them, then send a new proof",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "alongside approve") {
		t.Errorf("an approve command for answers with changes:\n%s", stdout)
	}
	// Approved as shown, yet a change: ask which.
	text = answersFor(t, site, "1. Title: needs a change\n", "approve as shown")
	if _, stdout, _ := runWithStdin(t, text, "answers", "-s", site); !strings.Contains(stdout, "ask which they meant") || strings.Contains(stdout, "alongside approve") {
		t.Errorf("contradictory answers:\n%s", stdout)
	}
}

func TestAnswersMistakes(t *testing.T) {
	site := writeSite(t, map[string]string{"content/partnerships/homework-help.md": goodProfile})
	for _, tt := range []struct {
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"Thanks, looks good!", []string{"answers", "-s", site}, 1, "no answers found"},
		{"Answers to the proof of \"X\"\nProfile: nope\n1. Title: correct\n", []string{"answers", "-s", site}, 1, `no profile has the slug "nope"`},
		{"", []string{"answers", "-s", site, filepath.Join(site, "missing.txt")}, 1, "missing.txt: no such file"},
		{"", []string{"answers", "-s", site, "a", "b"}, 2, `unexpected argument "b"`},
	} {
		code, _, stderr := runWithStdin(t, tt.stdin, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}
