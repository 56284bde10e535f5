package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

const draftProfile = "\xef\xbb\xbf+++\r\n# Staff notes: never published.\r\ntitle = \"Homework Help\"   # as the partner says it\r\nstatus = \"active\"\r\nstart = 2025-09-02\r\n\r\n[partner]\r\nname = \"Familias Unidas\"\r\n\r\n[review]\r\nstate = \"in_review\"   # waiting\r\ndate = 2025-10-01\r\n\r\n[[asks]]\r\nask = \"A room\"\r\nstatus = \"delivered\"\r\n+++\r\n\r\nThe story.\r\n"

func TestApproveCommand(t *testing.T) {
	site := writeSite(t, map[string]string{
		"content/partnerships/homework-help.md": draftProfile,
		"content/partnerships/broken.md":        badProfile,
	})
	file := filepath.Join(site, "content", "partnerships", "homework-help.md")
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"approve", "-s", site, "homework-help"}, 2, "--by is required"},
		{[]string{"approve", "-s", site, "homework-help", "--by", "Board", "--date", "14 March"}, 2, "--date"},
		{[]string{"approve", "-s", site, "homework-help", "--by", "Board", "--date", "2999-01-01"}, 2, "--date 2999-01-01 is in the future"},
		{[]string{"approve", "-s", site, "--by", "Board"}, 2, "missing argument"},
		{[]string{"approve", "-s", site, "homework", "--by", "Board"}, 1, `no profile has the slug "homework"; did you mean homework-help?`},
		{[]string{"approve", "-s", site, "broken", "--by", "Board"}, 1, `content/partnerships/broken.md:3:10: status: "actve" is not one of`},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.stderr)
		}
	}
	before, _ := os.ReadFile(file)
	if !bytes.Equal(before, []byte(draftProfile)) {
		t.Fatal("a refused approve changed the file")
	}

	code, stdout, stderr := runCLI(t, "approve", "homework-help", "-s", site, "--by", `Board, "Familias" Unidas`, "--date", "2026-03-14")
	if code != 0 || !strings.Contains(stdout, "Approved homework-help") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	after, _ := os.ReadFile(file)
	p, probs := content.ParseProfile("content/partnerships/homework-help.md", after, &cfgDefaults)
	if len(probs) > 0 || !p.Current() || p.Review.State != "approved" || p.Review.Date.String() != "2026-03-14" || p.Review.By != `Board, "Familias" Unidas` {
		t.Fatalf("after approve: %v %+v", probs, p.Review)
	}
	want := strings.Replace(draftProfile, "[review]\r\nstate = \"in_review\"   # waiting\r\ndate = 2025-10-01\r\n",
		"[review]\r\nby = \"Board, \\\"Familias\\\" Unidas\"\r\nfingerprint = \""+p.Fingerprint+"\"\r\nstate = \"approved\"   # waiting\r\ndate = 2026-03-14\r\n", 1)
	if string(after) != want {
		t.Errorf("the file is\n%q\nwant\n%q", after, want)
	}
	fi, _ := os.Stat(filepath.Join(site, "content", "partnerships"))
	ents, _ := os.ReadDir(filepath.Join(site, "content", "partnerships"))
	if len(ents) != 2 || !fi.IsDir() {
		t.Errorf("approve left files behind: %v", ents)
	}
}

// Approving again says what it replaces.
func TestApproveAgainSaysWhatItReplaces(t *testing.T) {
	site := writeSite(t, map[string]string{"content/partnerships/homework-help.md": draftProfile})
	runCLI(t, "approve", "-s", site, "homework-help", "--by", "Board", "--date", "2026-03-14")
	code, stdout, stderr := runCLI(t, "approve", "-s", site, "homework-help", "--by", "Coordinator", "--date", "2026-03-20")
	if want := `This replaces the earlier approval (approved by "Board" on 2026-03-14).`; code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("exit %d\n%s%s\nwant %q", code, stdout, stderr, want)
	}
}

// An edit saved while approve runs is never lost: replaceInSite writes
// only over the bytes approve read.
func TestReplaceInSiteKeepsAnEditMadeMeanwhile(t *testing.T) {
	site := writeSite(t, map[string]string{"content/partnerships/x.md": "as read"})
	file := filepath.Join(site, "content", "partnerships", "x.md")
	if err := os.WriteFile(file, []byte("saved meanwhile"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := replaceInSite(site, "content/partnerships/x.md", []byte("as read"), []byte("approved"))
	if err == nil || !strings.Contains(err.Error(), "changed while approve was running") {
		t.Errorf("replaceInSite over a changed file: %v", err)
	}
	if data, _ := os.ReadFile(file); string(data) != "saved meanwhile" {
		t.Errorf("the file holds %q", data)
	}
	if ents, _ := os.ReadDir(filepath.Dir(file)); len(ents) != 1 {
		t.Errorf("replaceInSite left files behind: %v", ents)
	}
	if err := replaceInSite(site, "content/partnerships/x.md", []byte("saved meanwhile"), []byte("approved")); err != nil {
		t.Error(err)
	}
}

var cfgDefaults = content.Defaults()

// The coordinator's workflow of the README, from a new site to the
// approval stamp, and back to "Updated since" after an edit.
func TestPartnerReviewWorkflow(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	out := filepath.Join(t.TempDir(), "public")
	must := func(wantStdout string, args ...string) string {
		t.Helper()
		code, stdout, stderr := runCLI(t, args...)
		if code != 0 || !strings.Contains(stdout, wantStdout) {
			t.Fatalf("alongside %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout, stderr)
		}
		return stderr
	}
	must("Created a site", "init", dir)
	must("Created content/partnerships/homework-help-in-spanish.md", "new", "-s", dir, "Homework Help in Spanish")
	file := filepath.Join(dir, "content", "partnerships", "homework-help-in-spanish.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), `summary = ""`, `summary = "Bilingual homework help, twice a week."`, 1)
	edited = strings.Replace(edited, `status = "planning"`, `status = "active"`, 1)
	edited = strings.Replace(edited, "[private]", "[[resources]]\nfrom = \"library\"\nkind = \"space\"\namount = 120\n\n[private]", 1)
	edited = strings.Replace(edited, "Tell the story of the partnership here", "Twice a week, tutors", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if stderr := must("2 profiles checked", "check", "-s", dir); strings.Contains(stderr, "homework-help-in-spanish") {
		t.Errorf("check warns about the new profile:\n%s", stderr)
	}
	proof := filepath.Join(t.TempDir(), "proof.html")
	must("Wrote "+proof, "proof", "-s", dir, "homework-help-in-spanish", "-o", proof)
	if doc, _ := os.ReadFile(proof); !bytes.Contains(doc, []byte("Proof — not yet published")) || !bytes.Contains(doc, []byte("120 room-hours")) {
		t.Error("the proof lacks its banner or a fact")
	}
	must("Approved homework-help-in-spanish", "approve", "-s", dir, "homework-help-in-spanish", "--by", "Board, Familias Unidas")
	must("Built", "build", "-s", dir, "-d", out)
	page := filepath.Join(out, "partnerships", "homework-help-in-spanish", "index.html")
	if html, _ := os.ReadFile(page); !bytes.Contains(html, []byte("Reviewed and approved by")) {
		t.Errorf("the built page has no approval stamp")
	}

	// An edit after approval: check warns at the fingerprint, the page says so.
	data, _ = os.ReadFile(file)
	if err := os.WriteFile(file, append(data, "\nOne more sentence.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	line := 1 + bytes.Count(data[:bytes.Index(data, []byte("fingerprint = \"sha256:"))], []byte("\n"))
	stderr := must("2 profiles checked", "check", "-s", dir)
	if want := "content/partnerships/homework-help-in-spanish.md:" + strconv.Itoa(line) + ":15: warning: review.fingerprint: the profile changed since"; !strings.Contains(stderr, want) {
		t.Errorf("check says\n%s\nwant %s", stderr, want)
	}
	must("Built", "build", "-s", dir, "-d", out)
	if html, _ := os.ReadFile(page); !bytes.Contains(html, []byte("Updated since")) {
		t.Errorf("the built page does not say it was updated since approval")
	}
	code, stdout, _ := runCLI(t, "review", "-s", dir)
	changed := stdout[strings.Index(stdout, "Approved, changed since approval"):]
	if code != 0 || !strings.Contains(changed[:strings.Index(changed, "Approved and published")], "homework-help-in-spanish") {
		t.Errorf("review does not list the profile as changed since approval:\n%s", stdout)
	}
}

// The approval covers a bundle's files: swap a photo and the profile is
// "changed since approval" until approved again.
func TestApproveCoversBundleFiles(t *testing.T) {
	profile := strings.ReplaceAll(strings.TrimPrefix(draftProfile, "\xef\xbb\xbf"), "\r\n", "\n")
	site := writeSite(t, map[string]string{
		"content/partnerships/homework-help/index.md":  profile,
		"content/partnerships/homework-help/photo.png": "\x89PNG first photo",
	})
	changed := func() bool {
		t.Helper()
		code, _, stderr := runCLI(t, "check", "-s", site)
		if code != 0 {
			t.Fatalf("check: exit %d\n%s", code, stderr)
		}
		return strings.Contains(stderr, "changed since")
	}
	if code, stdout, stderr := runCLI(t, "approve", "homework-help", "-s", site, "--by", "Board"); code != 0 {
		t.Fatalf("approve: exit %d\n%s%s", code, stdout, stderr)
	}
	if changed() {
		t.Fatal("changed since approval right after approve")
	}
	photo := filepath.Join(site, "content/partnerships/homework-help/photo.png")
	if err := os.WriteFile(photo, []byte("\x89PNG another photo"), 0o644); err != nil {
		t.Fatal(err)
	}
	if !changed() {
		t.Error("a swapped photo keeps the approval")
	}
	if code, _, stderr := runCLI(t, "approve", "homework-help", "-s", site, "--by", "Board"); code != 0 || changed() {
		t.Errorf("approved again: exit %d, still changed\n%s", code, stderr)
	}
	// A renamed file changes it too.
	if err := os.Rename(photo, filepath.Join(filepath.Dir(photo), "photo2.png")); err != nil {
		t.Fatal(err)
	}
	if !changed() {
		t.Error("a renamed photo keeps the approval")
	}
}
