package chart

import (
	"html"
	"strconv"
	"strings"
)

// A style is how one series is drawn. Every colour has a contrast of at
// least 3:1 against white; the patterns tell the series apart without
// colour, and in black and white.
type style struct {
	color   string
	pattern string // the pattern's content, on a white 8×8 tile; "" for solid
}

var styles = []style{
	{"#1d5b94", ""}, // blue, solid (7.1:1)
	{"#a04a00", `<rect width="8" height="8" fill="#fff"/><rect width="4" height="8" fill="#a04a00"/>`},                                                // orange, hatched (6.0:1)
	{"#2e6b30", `<rect width="8" height="8" fill="#fff"/><circle cx="4" cy="4" r="2.2" fill="#2e6b30"/>`},                                             // green, dotted (6.4:1)
	{"#6a3d9a", `<rect width="8" height="8" fill="#fff"/><rect width="2.5" height="8" fill="#6a3d9a"/><rect width="8" height="2.5" fill="#6a3d9a"/>`}, // purple, cross-hatched (7.6:1)
}

func styleOf(series int) style { return styles[series%len(styles)] }

// writePattern defines the fill of series s, when it is a pattern.
func writePattern(b *strings.Builder, id string, s int) {
	st := styleOf(s)
	if st.pattern == "" {
		return
	}
	rot := ""
	if s%len(styles) == 1 {
		rot = ` patternTransform="rotate(45)"`
	}
	b.WriteString(`<pattern id="` + id + `-s` + strconv.Itoa(s) + `" width="8" height="8" patternUnits="userSpaceOnUse"` + rot + ">" + st.pattern + "</pattern>")
}

// fill is the fill and outline attributes of a bar of series s.
func fill(id string, s int) string {
	st := styleOf(s)
	if st.pattern == "" {
		return ` fill="` + st.color + `"`
	}
	return ` fill="url(#` + id + `-s` + strconv.Itoa(s) + `)" stroke="` + st.color + `" stroke-width="1.5"`
}

// esc escapes s for text and attribute values, in HTML and XML alike.
func esc(s string) string { return html.EscapeString(s) }

// num writes a coordinate with at most one decimal.
func num(x float64) string { return strconv.FormatFloat(float64(int64(x*10+0.5))/10, 'f', -1, 64) }

// cleanID keeps the letters, digits, "-" and "_" of id, so that it is a
// valid id and safe in url(#…); "chart" when nothing is left.
func cleanID(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if out == "" || out[0] < 'A' || out[0] > 'z' || out[0] > 'Z' && out[0] < 'a' {
		return "chart-" + out
	}
	return out
}
