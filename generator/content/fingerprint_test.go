package content_test

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones of TestFingerprintTimeZone, on any machine

	"github.com/alongside-dev/alongside/generator/content"
)

// fpBase is an approved profile; fingerprint tests change it.
const fpBase = `+++
title = "Homework help"
summary = "Bilingual homework help."
status = "active"
start = 2025-09-02
tags = ["homework help", "families"]

[partner]
name = "Familias Unidas del Sur"
url = "https://familias.example.org"

[partner_voice]
quote = "A quiet place that speaks their language."

[review]
state = "approved"
date = 2025-10-14
by = "Coordinator"

[[resources]]
from = "library"
kind = "money"
amount = 2400
description = "Stipends"

[[resources]]
from = "partner"
kind = "staff_time"
amount = 180

[[asks]]
ask = "Laptops"
status = "declined"
reason = "No budget until July."

[[outcomes]]
measure = "Students"
value = 37
unit = "students"

[private]
contact = "Ana, 555-0100"
+++

The story, in *Markdown*.
`

const (
	resA = "[[resources]]\nfrom = \"library\"\nkind = \"money\"\namount = 2400\ndescription = \"Stipends\"\n"
	resB = "[[resources]]\nfrom = \"partner\"\nkind = \"staff_time\"\namount = 180\n"
)

func fingerprint(t *testing.T, src string) string {
	t.Helper()
	pr, _ := content.ParseProfile("content/partnerships/a.md", []byte(src), &content.Config{Currency: "USD"})
	if pr == nil {
		t.Fatalf("profile did not parse:\n%s", src)
	}
	return pr.Fingerprint
}

// edit replaces old (which must be in s) with new.
func edit(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("%q is not in the profile", old)
	}
	return strings.Replace(s, old, new, 1)
}

func TestFingerprintStable(t *testing.T) {
	base := fingerprint(t, fpBase)
	if !regexp.MustCompile(`^sha256:[0-9a-f]{64}$`).MatchString(base) {
		t.Fatalf("fingerprint %q does not look like sha256:<64 hex digits>", base)
	}
	for name, src := range map[string]string{
		"CRLF":               strings.ReplaceAll(fpBase, "\n", "\r\n"),
		"BOM":                "\xef\xbb\xbf" + fpBase,
		"key order":          edit(t, edit(t, fpBase, "title = \"Homework help\"\nsummary = \"Bilingual homework help.\"\n", "summary = \"Bilingual homework help.\"\ntitle = \"Homework help\"\n"), "from = \"partner\"\nkind = \"staff_time\"\n", "kind = \"staff_time\"\nfrom = \"partner\"\n"),
		"table order":        edit(t, edit(t, fpBase, "[partner_voice]\nquote = \"A quiet place that speaks their language.\"\n", ""), "[private]", "[partner_voice]\nquote = \"A quiet place that speaks their language.\"\n[private]"),
		"spacing":            edit(t, edit(t, fpBase, `title = "Homework help"`, "title=\t\"Homework help\"   "), "\n[partner]\n", "\n\n\n  [ partner ]\n"),
		"comments":           edit(t, fpBase, "status = \"active\"\n", "# who: the library\nstatus = \"active\" # for now\n"),
		"quoting":            edit(t, edit(t, fpBase, `"Homework help"`, `'Homework help'`), "start = 2025-09-02", `start = "2025-09-02"`),
		"inline table":       edit(t, fpBase, "[partner]\nname = \"Familias Unidas del Sur\"\nurl = \"https://familias.example.org\"\n", "partner = { url = \"https://familias.example.org\", name = \"Familias Unidas del Sur\" }\n"),
		"review changes":     edit(t, fpBase, "state = \"approved\"\ndate = 2025-10-14\nby = \"Coordinator\"\n", "state = \"in_review\"\nnote = \"New note.\"\nfingerprint = \"sha256:0000\"\n"),
		"no review":          edit(t, fpBase, "[review]\nstate = \"approved\"\ndate = 2025-10-14\nby = \"Coordinator\"\n", ""),
		"private changes":    edit(t, fpBase, "contact = \"Ana, 555-0100\"\n", "contact = \"Luis, 555-0199\"\nnotes = \"New board.\"\n[private.more]\nx = 1\n"),
		"no private":         edit(t, fpBase, "[private]\ncontact = \"Ana, 555-0100\"\n", ""),
		"trailing blank end": fpBase + "\n\n  \n",
	} {
		if got := fingerprint(t, src); got != base {
			t.Errorf("%s: fingerprint changed:\n%s", name, src)
		}
	}
}

func TestFingerprintChanges(t *testing.T) {
	base := fingerprint(t, fpBase)
	seen := map[string]string{"base": base}
	for name, src := range map[string]string{
		"title":          edit(t, fpBase, `"Homework help"`, `"Homework Help"`),
		"summary gone":   edit(t, fpBase, "summary = \"Bilingual homework help.\"\n", ""),
		"status":         edit(t, fpBase, `status = "active"`, `status = "paused"`),
		"start":          edit(t, fpBase, "start = 2025-09-02", "start = 2025-09-03"),
		"end added":      edit(t, fpBase, "start = 2025-09-02\n", "start = 2025-09-02\nend = 2026-06-12\n"),
		"tag order":      edit(t, fpBase, `["homework help", "families"]`, `["families", "homework help"]`),
		"tag added":      edit(t, fpBase, `"families"]`, `"families", "teens"]`),
		"partner url":    edit(t, fpBase, "https://familias.example.org", "https://familias.example.com"),
		"voice":          edit(t, fpBase, "speaks their language.", "speaks our language."),
		"amount":         edit(t, fpBase, "amount = 2400", "amount = 2401"),
		"amount type":    edit(t, fpBase, "amount = 180", `amount = "180"`),
		"resource order": edit(t, fpBase, resA+"\n"+resB, resB+"\n"+resA),
		"ask reason":     edit(t, fpBase, "No budget until July.", "No budget until June."),
		"outcome value":  edit(t, fpBase, "value = 37", "value = 38"),
		"outcome unit":   edit(t, fpBase, "unit = \"students\"\n", ""),
		"slug":           edit(t, fpBase, "start = 2025-09-02\n", "start = 2025-09-02\nslug = \"homework\"\n"),
		"body":           edit(t, fpBase, "*Markdown*", "_Markdown_"),
		"body inside":    edit(t, fpBase, "The story, in", "The story,  in"),
		"unknown key":    edit(t, fpBase, "[private]", "colour = \"green\"\n[private]"),
	} {
		got := fingerprint(t, src)
		if other, dup := seen[got]; dup {
			t.Errorf("%s: same fingerprint as %s", name, other)
		}
		seen[got] = name
	}
}

// A profile approved with the fingerprint of what it publishes is current
// until a published value changes.
func TestCurrent(t *testing.T) {
	fp := fingerprint(t, fpBase)
	approved := edit(t, fpBase, "by = \"Coordinator\"\n", "by = \"Coordinator\"\nfingerprint = \""+fp+"\"\n")
	parse := func(src string) *content.Profile {
		pr, probs := content.ParseProfile("content/partnerships/a.md", []byte(src), &content.Config{Currency: "USD"})
		if len(probs) > 0 || pr == nil {
			t.Fatalf("problems: %v", probs)
		}
		return pr
	}
	if pr := parse(approved); !pr.Current() || !pr.Approved() || pr.Review.Fingerprint != fp {
		t.Errorf("approved with its own fingerprint: Current %v, Approved %v", pr.Current(), pr.Approved())
	}
	if pr := parse(edit(t, approved, "contact = \"Ana", "contact = \"Bo")); !pr.Current() {
		t.Error("a change in [private] made the approval stale")
	}
	if pr := parse(edit(t, approved, "The story", "A story")); pr.Current() {
		t.Error("a change in the body left the approval current")
	}
	if pr := parse(fpBase); !pr.Current() {
		t.Error("an approval without a fingerprint is not current")
	}
}

// tzProfiles hold dates and times that a time zone could shift: a valid
// profile, and one that writes local date-times and times (errors, but a
// fingerprint all the same).
func tzProfiles(t *testing.T) []string {
	return []string{
		fpBase,
		edit(t, fpBase, "[[outcomes]]\n", "[[outcomes]]\ndate = 2026-01-31T23:30:00\nnote = 1979-05-27T07:32:00-08:00\n[[asks]]\nask = \"x\"\nstatus = \"planned\"\ndate = 23:30:00\n[[outcomes]]\n"),
	}
}

// The fingerprint does not depend on the machine's time zone. The toml
// package reads the zone once, when the program starts, so each zone runs
// this test again in a process of its own.
func TestFingerprintTimeZone(t *testing.T) {
	if os.Getenv("ALONGSIDE_TEST_FINGERPRINT_TZ") == "1" {
		for _, src := range tzProfiles(t) {
			fmt.Println("fingerprint", fingerprint(t, src))
		}
		_, off := time.Now().Zone()
		fmt.Println("offset", off)
		return
	}
	results := map[string]string{}
	offsets := map[string]bool{}
	for _, tz := range []string{"UTC", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFingerprintTimeZone$", "-test.count=1", "-test.v=false")
		cmd.Env = append(os.Environ(), "TZ="+tz, "ALONGSIDE_TEST_FINGERPRINT_TZ=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("TZ=%s: %v\n%s", tz, err, out)
		}
		var fps []string
		for line := range strings.Lines(string(out)) {
			if f, ok := strings.CutPrefix(line, "fingerprint "); ok {
				fps = append(fps, strings.TrimSpace(f))
			}
			if f, ok := strings.CutPrefix(line, "offset "); ok {
				offsets[strings.TrimSpace(f)] = true
			}
		}
		if len(fps) != len(tzProfiles(t)) {
			t.Fatalf("TZ=%s: got %d fingerprints, want %d:\n%s", tz, len(fps), len(tzProfiles(t)), out)
		}
		results[tz] = strings.Join(fps, "\n")
	}
	if len(offsets) < 4 {
		t.Fatalf("the sub-processes ran in only %d distinct UTC offsets: TZ had no effect", len(offsets))
	}
	for tz, fps := range results {
		if fps != results["UTC"] {
			t.Errorf("TZ=%s gives fingerprints\n%s\nTZ=UTC gives\n%s", tz, fps, results["UTC"])
		}
	}
	if here := fingerprint(t, fpBase); !strings.HasPrefix(results["UTC"], here+"\n") {
		t.Errorf("in this process: %s; with TZ=UTC: %s", here, results["UTC"])
	}
}
