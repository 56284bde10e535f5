package content_test

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/generator/content"
)

const marker = "PRIVATE"

// privateSite writes the marker in every form [private] can take, and
// nowhere else.
const privateSite = `
-- content/partnerships/a.md --
+++
title = "Homework help"
status = "actve"
start = 2025-09-02
private.PRIVATE_dotted = "PRIVATE dotted"
[partner]
name = "Familias Unidas"
[review]
state = "draft"
[private]
contact = "PRIVATE Ana, 555-0100"
PRIVATE_key = "x"
"PRIVATE quoted key" = 1
notes = """
PRIVATE on a line of its own
[PRIVATE_fake_header]
PRIVATE_fake = "key"
"""
list = ["PRIVATE", { PRIVATE = "PRIVATE" }]
when = 2025-01-01
[private.PRIVATE_sub]
x = "PRIVATE"
[[private.PRIVATE_contacts]]
name = "PRIVATE"
+++
The story.
-- content/partnerships/b.md --
+++
title = "Conversation circle"
status = "active"
start = 2025-09-02
private = { PRIVATE = "PRIVATE", more = {
  PRIVATE_inline = "PRIVATE",
} }
[partner]
name = "Arabic Speakers' Circle"
[review]
state = "approved"
date = 2025-10-01
+++
`

// The parsed site holds no value, key or position of [private], and no
// problem quotes it.
func TestPrivateNeverKept(t *testing.T) {
	site, probs := load(t, privateSite)
	if len(site.Profiles) != 2 {
		t.Fatalf("got %d profiles, want 2; problems:\n%s", len(site.Profiles), strings.Join(probs, "\n"))
	}
	// The walk must be able to see a marker where there is one.
	if leaks := findMarker(reflect.ValueOf(site.Profiles[0].Title+marker), "Title"); len(leaks) != 1 {
		t.Fatalf("findMarker does not find the marker: %v", leaks)
	}
	for _, pr := range site.Profiles {
		for _, leak := range findMarker(reflect.ValueOf(pr), pr.Path) {
			t.Errorf("%s: the profile holds private content at %s", pr.Path, leak)
		}
	}
	for _, leak := range findMarker(reflect.ValueOf(site), "Site") {
		t.Errorf("the site holds private content at %s", leak)
	}
	if len(probs) != 1 || !strings.Contains(probs[0], "status") {
		t.Errorf("want only the status problem of a.md, got:\n%s", strings.Join(probs, "\n"))
	}
	for _, p := range probs {
		if strings.Contains(p, marker) {
			t.Errorf("a problem quotes [private]: %s", p)
		}
	}
}

// findMarker walks every string, byte slice and map key reachable from v
// and returns the paths of those that contain the marker.
func findMarker(v reflect.Value, path string) []string {
	seen := map[uintptr]bool{}
	var leaks []string
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.String:
			if strings.Contains(v.String(), marker) {
				leaks = append(leaks, path)
			}
		case reflect.Pointer, reflect.Interface:
			if v.IsNil() {
				return
			}
			if v.Kind() == reflect.Pointer {
				if seen[v.Pointer()] {
					return
				}
				seen[v.Pointer()] = true
			}
			walk(v.Elem(), path)
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		case reflect.Slice, reflect.Array:
			if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
				if strings.Contains(string(v.Bytes()), marker) {
					leaks = append(leaks, path)
				}
				return
			}
			for i := range v.Len() {
				walk(v.Index(i), path+"["+strconv.Itoa(i)+"]")
			}
		case reflect.Map:
			iter := v.MapRange()
			for iter.Next() {
				key := fmt.Sprint(iter.Key())
				walk(iter.Key(), path+" key "+strconv.Quote(key))
				walk(iter.Value(), path+"["+strconv.Quote(key)+"]")
			}
		}
	}
	walk(v, path)
	return leaks
}

// A TOML syntax error inside [private] does not quote it: problems are
// printed in the terminal and in serve's error overlay.
func TestPrivateNotInSyntaxErrors(t *testing.T) {
	for _, line := range []string{
		`phone = 555-PRIVATE`,
		`phone = PRIVATE`,
		`when = 2025-01-01T10:PRIVATE`,
		`list = [PRIVATE]`,
		`list = ["PRIVATE" "x"]`,
		`table = { PRIVATE = 1 PRIVATE = 2 }`,
		`note = "PRIVATE \q"`,
		`note = "PRIVATE`,
		`note = 'PRIVATE`,
		`note = """PRIVATE`,
		`PRIVATE name = "x"`,
		`"PRIVATE" = 1` + "\n" + `"PRIVATE" = 2`,
		`PRIVATE_a = 1` + "\n" + `PRIVATE_a = 2`,
		`n = 1PRIVATE`,
		`b = tPRIVATE`,
		`[PRIVATE`,
		`[private.PRIVATE]` + "\n" + `x = 1` + "\n" + `[private.PRIVATE]`,
	} {
		src := "+++\ntitle = \"Homework help\"\nstatus = \"active\"\nstart = 2025-09-02\n[partner]\nname = \"Familias Unidas\"\n[review]\nstate = \"draft\"\n[private]\n" + line + "\n+++\n"
		_, probs := content.ParseProfile("content/partnerships/a.md", []byte(src), &content.Config{Currency: "USD"})
		if len(probs) != 1 || !strings.Contains(probs[0].Message, "TOML syntax") || probs[0].Line < 10 {
			t.Errorf("%s: want one syntax error at line 10 or after, got %v", line, probs)
			continue
		}
		if s := probs[0].String(); strings.Contains(s, marker) {
			t.Errorf("%s: the problem quotes [private]: %s", line, s)
		}
	}
}

func TestPrivateLines(t *testing.T) {
	// Each line ending in "!" must be hidden, and only those. When in
	// doubt, hide: a key called private in another table is hidden too.
	for _, src := range []string{
		`+++
title = "x"
[private]!
contact = "Ana"!
notes = """!
[partner]!
name = "not a table"!
"""!
# a comment in private!
!
[partner]
name = "P"
+++
[private]
body text is never TOML`,
		`+++
private.contact = "Ana"!
"private".notes = 'x'!
private = { a = 1 }!
title = "x"
[review]
private = "a key of review, hidden all the same"!
[ private . sub ]!
x = 1!
[[private.list]]!
y = [!
  "[partner]",!
]!
[partner]
name = "P"
+++`,
		// Broken: an unclosed public string swallows the [private] table,
		// which is still hidden.
		`+++
summary = """unclosed
[private]!
contact = "Ana"!
+++!`,
		// Broken: an unclosed private string hides what follows it.
		`+++
[private]!
notes = """unclosed!
[partner]!
name = "P"!
+++!`,
		// Broken: a string opened on a line that is not a key, or after
		// a header, still carries what follows into the table.
		`+++
[private]!
notes =!
"""!
[partner]!
name = "P"!
"""!
[partner]
name = "Q"
+++`,
		`+++
[private] x = """!
[partner]!
"""!
[partner]
+++`,
		// An escaped key is the same key.
		`+++
"pri\u0076ate".contact = "Ana"!
title = "x"
+++`,
		// An escaped header is the same table.
		`+++
title = "x"
["priv\u0061te"]!
contact = "Ana"!
[ "pri\U00000076ate" . sub ]!
x = 1!
[partner]
name = "P"
+++`,
		// A +++ line inside a multi-line string does not end the
		// front matter for redaction, though the parser stops there
		// and reports an unclosed string near the secret.
		`+++
title = "x"
[private]!
notes = """!
+++!
contact = "Ana, 555-0100"!
"""!
+++
The story.`,
		`+++
[private]!
list = [!
+++!
"Ana",!
]!
+++
The story.`,
		// A closing +++ with spaces before it is no closing line, as
		// the parser reads it: the TOML goes on.
		`+++
title = "x"
 +++
[private]!
a = 1!
+++
[private]
body`,
		// site.toml: the whole file is TOML.
		`title = "x"
[private]!
a = 1!`,
	} {
		lines := strings.Split(src, "\n")
		var clean []string
		for _, l := range lines {
			clean = append(clean, strings.TrimSuffix(l, "!"))
		}
		hide := content.PrivateLines([]byte(strings.Join(clean, "\n")))
		for i, l := range lines {
			if want := strings.HasSuffix(l, "!"); hide[i] != want {
				t.Errorf("line %d %q: hidden %v, want %v\n%s", i+1, clean[i], hide[i], want, src)
			}
		}
	}
}

func TestExcerpt(t *testing.T) {
	src := []byte("\xef\xbb\xbf+++\r\ntitle = \"x\"\r\nstatus = \"bad\"\r\n[private]\r\ncontact = \"PRIVATE-secret\"\r\n+++\r\n")
	e := content.Problem{Path: "a.md", Line: 3, Col: 10, Field: "status", Message: "bad"}.Excerpt(src)
	want := []content.ExcerptLine{
		{N: 1, Text: "+++"},
		{N: 2, Text: `title = "x"`},
		{N: 3, Text: `status = "bad"`, Current: true},
		{N: 4, Hidden: true},
		{N: 5, Hidden: true},
	}
	if !reflect.DeepEqual(e.Lines, want) || e.Problem.Message != "bad" {
		t.Errorf("Excerpt = %+v, want lines %+v", e, want)
	}
	e = content.Problem{Path: "a.md", Line: 5, Col: 12, Field: "private", Message: `near "PRIVATE-secret"`}.Excerpt(src)
	if got := fmt.Sprint(e); strings.Contains(got, marker) || !strings.Contains(e.Problem.String(), "a.md:5:12: private: an error in the [private] table") {
		t.Errorf("Excerpt on a private line = %s", got)
	}
	// A +++ line inside a private multi-line string ends the front
	// matter for the parser, whose error is next to the secret.
	src = []byte("+++\ntitle = \"x\"\n[private]\nnotes = \"\"\"\n+++\ncontact = \"PRIVATE-secret\"\n\"\"\"\n+++\nstory\n")
	_, probs := content.ParseProfile("a.md", src, &content.Config{Currency: "USD"})
	if len(probs) == 0 {
		t.Fatal("no problem in a file whose front matter ends inside a string")
	}
	for _, p := range probs {
		for _, line := range []int{p.Line, 5, 6, 7} {
			p.Line = line
			if got := fmt.Sprint(p.Excerpt(src)); strings.Contains(got, marker) {
				t.Errorf("Excerpt at line %d shows [private]: %s", line, got)
			}
		}
	}
	if e := (content.Problem{Path: "a.md", Line: 2}).Excerpt(nil); e.Lines != nil {
		t.Errorf("Excerpt without a source has lines: %+v", e.Lines)
	}
}
