package content_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alongside-dev/alongside/generator/content"
)

// seeds are real-looking content files: the sample site's, and every file
// of the inline sites of these tests.
func seeds(f *testing.F) [][]byte {
	var out [][]byte
	for _, pattern := range []string{"../../content/*.md", "../../content/*/*.md", "../../content/*/*/index.md", "../../site.toml"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil {
				out = append(out, data)
			}
		}
	}
	sites := []string{privateSite, twoPartners}
	var edits []func(fstest.MapFS)
	for _, tc := range problemCases {
		sites = append(sites, tc.site)
		edits = append(edits, tc.edit)
	}
	for i, site := range sites {
		fsys := txtarFS(f, site)
		if i >= 2 && edits[i-2] != nil {
			edits[i-2](fsys)
		}
		_ = fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				out = append(out, fsys[path].Data)
			}
			return nil
		})
	}
	out = append(out, []byte(fpBase), []byte(strings.ReplaceAll(fpBase, "\n", "\r\n")),
		[]byte("+++"), []byte("+++\n+++"), []byte("+++\r\n+++\r\n"), []byte("\xef\xbb\xbf+++\n+++\nbody"),
		[]byte("+++ \t\ntitle = 1\n+++\t\n"), []byte("\n+++\n+++\n"), []byte("+++\n\xff\n+++\n"))
	for _, h := range hostile {
		out = append(out, []byte(h))
	}
	return out
}

// hostile are the payloads of the hardening issue (14), small enough to
// seed fuzzers: each once broke a rule (a leak, a hang, a crash, a build
// that check passed).
var hostile = []string{
	fpBase + "\n" + "x = " + strings.Repeat("{a=", 70) + "1" + strings.Repeat("}", 70) + "\n",         // nesting over the limit
	fpBase + "\n[private]\nx = " + strings.Repeat("[", 65) + strings.Repeat("]", 65) + "\n",           // the same, in [private]
	"+++\ntitle = \"x\"\n[private]\nnotes = \"\"\"\n+++\ncontact = \"PRIVATE\"\n\"\"\"\n+++\nstory\n", // +++ inside a private string
	"+++\ntitle = \"x\"\n[private]\nnotes = \"\"\"\n +++\ncontact = \"PRIVATE\"\n\"\"\"\n+++\n",
	"+++\n\"priv\\u0061te\".contact = \"PRIVATE\"\n[\"priv\\u0061te\"]\nx = 1\n[ 'private' . sub ]\ny = 2\n+++\n", // escaped keys
	"+++\ntitle = \"x\"\n+++\n" + strings.Repeat("[a](", 300) + "\n" + strings.Repeat("[a]\n", 300),               // goldmark's quadratic shapes
	"+++\ntitle = \"x\"\n+++\nA \x0b tab, an \x1b[2J escape, a \ufffe, a \u0085.\n",                               // control characters in the story
	"+++\ntitle = \"Evil\u202eelttit\"\nsummary = \"\\u001b[2J\\u000b\"\n+++\n![px](https://tracker.example/p.gif) ![x](//cdn.example/x.png)\n",
	strings.Replace(fpBase, "start = 2025-09-02", "start = 0001-01-01\nend = 0000-01-01", 1), // dates out of range
	fpBase + "\n[[resources]]\nfrom = \"library\"\nkind = \"money\"\namount = 1e308\n[[resources]]\nfrom = \"library\"\nkind = \"money\"\namount = 1e308\n",
	fpBase + "\ntags = [\"" + strings.Repeat("x", 260) + "\", \"C++\", \"C#\", \"c\"]\n", // long and colliding terms
	"+++\ntitle = \"x\"\n[partner]\nname = \"Cafe\u0301 \u200b\u0421afe\"\n+++\n",        // NFD, invisible, mixed scripts
	"base_url = \"https://x.example/?q=1#frag\"\n", "base_url = \"https://x.example/<i> a\"\n", "base_url = \"javascript:alert(1)\"\n",
	"title = \"x\"\nx = " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n", // a deep site.toml
}

// lines splits data into lines as split reads them: without a byte order
// mark, CRLF read as LF.
func lines(data []byte) []string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	return strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
}

func FuzzSplit(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		front, frontLine, body, bodyLine, errLine, err := content.Split(data)
		ls := lines(data)
		if err != nil {
			if errLine < 1 || errLine > len(ls) {
				t.Fatalf("error %q at line %d of a file of %d lines", err, errLine, len(ls))
			}
			return
		}
		if frontLine != 2 || bodyLine <= frontLine {
			t.Fatalf("frontLine %d, bodyLine %d: want 2 and more than 2", frontLine, bodyLine)
		}
		if bodyLine-2 >= len(ls) {
			t.Fatalf("bodyLine %d in a file of %d lines", bodyLine, len(ls))
		}
		if strings.TrimRight(ls[0], " \t") != "+++" || strings.TrimRight(ls[bodyLine-2], " \t") != "+++" {
			t.Fatalf("lines 1 and %d are %q and %q, want +++", bodyLine-1, ls[0], ls[bodyLine-2])
		}
		wantFront := ""
		if bodyLine-2 > 1 {
			wantFront = strings.Join(ls[1:bodyLine-2], "\n") + "\n"
		}
		if string(front) != wantFront {
			t.Fatalf("front %q, want lines 2 to %d: %q", front, bodyLine-2, wantFront)
		}
		for _, l := range ls[1 : bodyLine-2] {
			if strings.TrimRight(l, " \t") == "+++" {
				t.Fatalf("front %q holds a +++ line", front)
			}
		}
		if want := strings.Join(ls[bodyLine-1:], "\n"); string(body) != want {
			t.Fatalf("body %q, want the lines from %d: %q", body, bodyLine, want)
		}
	})
}

func FuzzParseProfile(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	cfg := content.Defaults()
	cfg.Valuation = content.Valuation{StaffTime: 40, Space: 25}
	f.Fuzz(func(t *testing.T, data []byte) {
		const rel = "content/partnerships/a.md"
		pr, probs := content.ParseProfile(rel, data, &cfg)
		checkProblems(t, data, rel, probs)
		if pr == nil {
			if len(probs.Errors()) == 0 {
				t.Fatal("no profile and no error")
			}
			return
		}
		if !strings.HasPrefix(pr.Fingerprint, "sha256:") {
			t.Fatalf("fingerprint %q", pr.Fingerprint)
		}
		if pr.Partner.Slug == "" || !content.ValidSlug(pr.Partner.Slug) {
			t.Fatalf("partner slug %q of %q", pr.Partner.Slug, pr.Partner.Name)
		}
		for _, r := range pr.Resources {
			if r.Amount < 0 || r.Value < 0 || r.Value != r.Value || r.Estimated && (!r.Valued || r.Kind == "money") {
				t.Fatalf("resource %+v", r)
			}
		}
	})
}

func FuzzParseConfig(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, probs := content.ParseConfig("site.toml", data)
		checkProblems(t, data, "site.toml", probs)
		if !strings.HasSuffix(cfg.BaseURL, "/") || cfg.Currency == "" || cfg.Theme == "" {
			t.Fatalf("config %+v", cfg)
		}
	})
}

// checkProblems fails unless every problem is in the file: at a line from
// 1 to one past the last, at a column from 1 to one past the end of it.
func checkProblems(t *testing.T, data []byte, rel string, probs content.Problems) {
	t.Helper()
	ls := lines(data)
	for _, p := range probs {
		if p.Path != rel || p.Line < 1 || p.Col < 1 || p.Line > len(ls)+1 || p.Message == "" {
			t.Fatalf("problem %q (line %d, col %d) in a file of %d lines", p, p.Line, p.Col, len(ls))
		}
		if p.Line <= len(ls) && p.Col > len(ls[p.Line-1])+1 {
			t.Fatalf("problem %q at col %d of line %d, %q", p, p.Col, p.Line, ls[p.Line-1])
		}
	}
}

// FuzzExcerpt puts a [private] table after any TOML and checks that no
// excerpt, at any line, shows a line of it or the message of a problem
// on one: from its header to the first line that could start another
// table, whatever came before (an unclosed string, a broken key).
func FuzzExcerpt(f *testing.F) {
	f.Add("title = \"x\"", "contact = \"Ana\"\nnotes = \"\"\"\n[partner]\n\"\"\"")
	f.Add("summary = \"\"\"unclosed", "contact = \"Ana\"")
	f.Add("[partner]\nname = 'P'", "a = [\n  1,\n]\n[partner]\nb = 1")
	f.Add("private.a = 1\r\n", "x = 1\r\n")
	f.Add("title = \"x\"", "notes = \"\"\"\n+++\ncontact = \"Ana\"\n\"\"\"")
	f.Add("title = \"x\"", "list = [\n+++\n\"Ana\",\n]")
	f.Add("\"priv\\u0061te\".contact = \"Ana\"\n[\"priv\\u0061te\"]\nb = 1", "x = 1")
	f.Add("x = "+strings.Repeat("{a=", 70)+"1"+strings.Repeat("}", 70), "contact = \"Ana\"")
	f.Fuzz(func(t *testing.T, public, private string) {
		data := []byte("+++\n" + public + "\n[private]\n" + private + "\n+++\nThe story.\n")
		ls := lines(data)
		header := 2 + len(lines([]byte(public))) // the [private] line
		if ls[header-1] != "[private]" {
			return // a CR or a byte order mark in public moved it
		}
		_, _, _, bodyLine, _, err := content.Split(data)
		if err == nil && bodyLine-1 < header {
			return // the front matter ended before it: it is story text
		}
		last := header
		for n := header + 1; n <= len(ls); n++ {
			if strings.HasPrefix(strings.TrimLeft(ls[n-1], " \t"), "[") || err == nil && n == bodyLine-1 {
				break
			}
			last = n
		}
		for line := 1; line <= len(ls)+1; line++ {
			e := content.Problem{Path: "a.md", Line: line, Col: 1, Message: "MESSAGE"}.Excerpt(data)
			if line >= header && line <= last && strings.Contains(e.Problem.String(), "MESSAGE") {
				t.Fatalf("line %d is private, its message is shown: %q", line, e.Problem)
			}
			for _, l := range e.Lines {
				if l.N >= header && l.N <= last && (!l.Hidden || l.Text != "") {
					t.Fatalf("excerpt at line %d shows private line %d %q of\n%s", line, l.N, l.Text, data)
				}
			}
		}
	})
}
