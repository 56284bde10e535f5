package render

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/alongside-dev/alongside/themes"
)

// TestContrast checks every text colour of the built-in stylesheet
// against the backgrounds it is used on: WCAG 2.2 AA asks for 4.5:1.
func TestContrast(t *testing.T) {
	css, err := themes.FS.ReadFile("default/static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;`).FindAllStringSubmatch(string(css), -1) {
		vars[m[1]] = m[2]
	}
	pairs := [][2]string{ // text, background
		{"text", "bg"}, {"text-muted", "bg"}, {"text", "bg-soft"}, {"text-muted", "bg-soft"},
		{"accent", "bg"}, {"accent-dark", "bg"}, {"visited", "bg"}, {"accent", "bg-soft"}, {"visited", "bg-soft"},
		{"header-text", "header-bg"}, {"focus-text", "focus"},
		{"ok-text", "ok-bg"}, {"warn-text", "warn-bg"}, {"no-text", "no-bg"}, {"info-text", "info-bg"},
		{"text", "ok-bg"}, {"text", "warn-bg"}, {"text", "no-bg"}, {"text", "info-bg"},
		{"ok-text", "bg"}, {"warn-text", "bg"}, {"no-text", "bg"}, {"info-text", "bg"},
	}
	for _, p := range pairs {
		fg, bg := vars[p[0]], vars[p[1]]
		if fg == "" || bg == "" {
			t.Errorf("style.css has no --%s or --%s", p[0], p[1])
			continue
		}
		if r := contrast(fg, bg); r < 4.5 {
			t.Errorf("--%s %s on --%s %s: contrast %.2f:1, want at least 4.5:1", p[0], fg, p[1], bg, r)
		}
	}
	// The focus ring (3:1 against what it sits on, WCAG 2.4.13 / 1.4.11):
	// a dark outline inside a light halo, so one of them always contrasts.
	if r := contrast(vars["focus-text"], vars["bg"]); r < 3 {
		t.Errorf("focus outline on the page: %.2f:1", r)
	}
	if r := contrast(vars["focus"], vars["header-bg"]); r < 3 {
		t.Errorf("focus halo on the header: %.2f:1", r)
	}
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l
}

// TestStylesheetSelfContained: no web fonts, no imports, no requests to
// other hosts.
func TestStylesheetSelfContained(t *testing.T) {
	css, _ := themes.FS.ReadFile("default/static/style.css")
	for _, bad := range []string{"@import", "@font-face", "url(", "//"} {
		if bad == "//" {
			// comments are /* */; a "//" would be a protocol-relative URL
			if regexp.MustCompile(`[^*]//`).Match(css) {
				t.Errorf("style.css contains //")
			}
			continue
		}
		if strings.Contains(string(css), bad) {
			t.Errorf("style.css contains %s", bad)
		}
	}
}

// TestLayoutsListed: every layout of the built-in theme is in the lookup
// lists, so no file is dead and no override is silently ignored.
func TestLayoutsListed(t *testing.T) {
	ents, err := themes.FS.ReadDir("default/layouts")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, s := range shared {
		listed[s] = true
	}
	for _, k := range kinds {
		listed[k+".html"] = true
	}
	for _, e := range ents {
		if !listed[e.Name()] {
			t.Errorf("default/layouts/%s is not in shared or kinds", e.Name())
		}
		delete(listed, e.Name())
	}
	for name := range listed {
		t.Errorf("%s is listed but not in default/layouts", name)
	}
}
