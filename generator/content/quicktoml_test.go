package content_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/alongside-dev/alongside/generator/content"
)

// sameAsToml fails t when quickTOML decodes src (ok) to anything other
// than what the toml package decodes it to, or decodes what the toml
// package refuses. It returns whether quickTOML decoded src.
func sameAsToml(t *testing.T, src string) bool {
	t.Helper()
	got, ok := content.QuickTOML(src)
	if !ok {
		return false
	}
	var want map[string]any
	if _, err := toml.Decode(src, &want); err != nil {
		t.Fatalf("quickTOML decoded what the toml package refuses (%v):\n%q", err, src)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("quickTOML and the toml package differ on\n%q\nquick: %#v\ntoml:  %#v", src, got, want)
	}
	return true
}

// TestQuickTOMLReadsTheSampleSite holds quickTOML to decoding every front
// matter of the sample site itself, as the toml package does: it is the
// path that profiles take.
func TestQuickTOMLReadsTheSampleSite(t *testing.T) {
	files, _ := filepath.Glob("../../content/partnerships/*.md")
	more, _ := filepath.Glob("../../content/partnerships/*/index.md")
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("only %d sample profiles found", len(files))
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		front, _, _, _, _, err := content.Split(data)
		if err != nil {
			t.Fatal(name, err)
		}
		if !sameAsToml(t, string(front)) {
			t.Errorf("%s: quickTOML left it to the toml package", name)
		}
	}
}

// TestQuickTOML checks the plain TOML that quickTOML reads against the
// toml package, and that it leaves the rest to the toml package.
func TestQuickTOML(t *testing.T) {
	read := []string{
		"", "\n\n", "# only a comment\n", "a = 1", "a = 1\r\nb = 2\r\n",
		"a = \"x\" # c\n", "a = 'lit\\eral'\n", "a = \"tab\tin\"\n", "a = \"q \\\" \\\\ \\n \\t \\r \\b \\f \\u00e9 \\U0001F600\"\n",
		"a = -0\nb = +12\nc = 1.5\nd = -2e-3\ne = 1E5\nf = 0.25\ng = 9223372036854775807\n",
		"a = true\nb = false\n", "d = 2024-02-29\ne = 2024-02-29 # day\n",
		"a = []\nb = [1, 2,]\nc = [\n  \"x\", # one\n  'y',\n]\nd = [1, \"mixed\", 2024-01-01, true, 1.5]\n",
		"[partner]\nname = \"A\"\n[ review ]\nstate = \"draft\"\n",
		"[[resources]]\na = 1\n[[ resources ]]\na = 2\n[other]\nb = 3\n",
		"k-e_y9 = \"é ü 中\"\n", "a=1\nb\t=\t2\n",
	}
	for _, src := range read {
		if !sameAsToml(t, src) {
			t.Errorf("quickTOML left to the toml package:\n%q", src)
		}
	}
	left := []string{
		"a = 1\na = 2\n", "[p]\n[p]\n", "a = 1\n[a]\n", "[a]\n[[a]]\n", "[[a]]\n[a]\n", "a = []\n[[a]]\n",
		"a.b = 1\n", "\"a\" = 1\n", "[a.b]\n", "[\"a\"]\n", "a = {b = 1}\n", "a = [[1]]\n",
		"a = \"\"\"x\"\"\"\n", "a = '''x'''\n", "a = \"x\ny\"\n", "a = \"\\e\"\n", "a = \"\\x41\"\n", "a = \"\\uD800\"\n",
		"a = 1_000\n", "a = 0x1F\n", "a = 01\n", "a = 1.\n", "a = .5\n", "a = inf\n", "a = nan\n", "a = 99999999999999999999\n",
		"d = 2024-02-30\n", "d = 2024-2-01\n", "d = 2024-02-01T10:00:00\n", "d = 2024-02-01 10:00:00\n", "t = 10:00:00\n",
		"a = 1 2\n", "a = \"x\" y\n", "a = [1 2]\n", "a = [1,,2]\n", "a = [\n", "a =\n", "= 1\n", "a\n",
		"\uFEFFa = 1\n", "a = \"\x01\"\n", "a = 1\rb = 2\n", "a = \"\xff\"\n", "# \x7f\n",
	}
	for _, src := range left {
		if sameAsToml(t, src) {
			t.Errorf("quickTOML read what it should leave to the toml package:\n%q", src)
		}
	}
}

// FuzzQuickTOML holds quickTOML to the toml package on any input.
func FuzzQuickTOML(f *testing.F) {
	for _, data := range seeds(f) {
		f.Add(string(data))
		if front, _, _, _, _, err := content.Split(data); err == nil {
			f.Add(string(front))
		}
	}
	f.Add(strings.Repeat("a = [1, 'x', 2024-01-01]\n", 3))
	f.Fuzz(func(t *testing.T, src string) {
		sameAsToml(t, src)
	})
}
