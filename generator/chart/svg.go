package chart

import (
	"cmp"
	"html"
	"strconv"
	"strings"
)

// A look is how a bar is drawn. Its colour has a contrast of at least
// 3:1 against white; its pattern (solid, hatched, dotted, cross-hatched,
// or a dashed outline) tells it apart without colour, and in black and
// white.
type look struct {
	key     string // the pattern's id is the chart's ID, "-" and key
	color   string // the fill, the stripes, or the outline
	ground  string // the pattern's background, or the fill of a dashed outline; "" is white
	pattern string // the stripes on an 8×8 tile, in color; "" for none
	rotate  bool   // stripes at 45°
	dashed  bool   // no pattern: a fill of ground and a dashed outline
}

const (
	stripes = `<rect width="4" height="8"/>`
	dots    = `<circle cx="4" cy="4" r="2.2"/>`
	cross   = `<rect width="2.5" height="8"/><rect width="8" height="2.5"/>`
)

// seriesLooks are the looks of the series of a chart, in turn.
var seriesLooks = []look{
	{key: "s0", color: "#1d5b94"},                                 // blue, solid (7.1:1)
	{key: "s1", color: "#a04a00", pattern: stripes, rotate: true}, // orange, hatched (6.0:1)
	{key: "s2", color: "#2e6b30", pattern: dots},                  // green, dotted (6.4:1)
	{key: "s3", color: "#6a3d9a", pattern: cross},                 // purple, cross-hatched (7.6:1)
}

// The colours of the status labels of the default theme (style.css:
// --ok-text and --ok-bg, and so on), which a status chart repeats.
// TestStatusLooks holds them equal to the stylesheet.
const (
	okText   = "#1d5c2e"
	okBg     = "#e9f4ec"
	warnText = "#6a4100"
	warnBg   = "#fdf2dc"
	noText   = "#9b1c1c"
	noBg     = "#fcecec"
	infoText = "#173e6e"
	infoBg   = "#e8f0fa"
)

// statusLooks draw a status as its label is shown on pages: its colour
// and, for a cue that is not colour, a pattern (besides the label's
// symbol, content.LabelOf(status).Icon): solid for delivered and active,
// dotted for completed, hatched for in progress and paused, a dashed
// outline for planned and planning (the label's dashed border),
// cross-hatched for declined.
var statusLooks = map[string]look{
	"delivered":   {key: "delivered", color: okText},
	"active":      {key: "active", color: okText},
	"completed":   {key: "completed", color: infoText, ground: infoBg, pattern: dots},
	"in_progress": {key: "in_progress", color: warnText, ground: warnBg, pattern: stripes, rotate: true},
	"paused":      {key: "paused", color: warnText, ground: warnBg, pattern: stripes, rotate: true},
	"planned":     {key: "planned", color: infoText, ground: infoBg, dashed: true},
	"planning":    {key: "planning", color: infoText, ground: infoBg, dashed: true},
	"declined":    {key: "declined", color: noText, ground: noBg, pattern: cross},
}

// lookOf is the look of series s of group g.
func lookOf(g Group, s int) look {
	if l, ok := statusLooks[g.Status]; ok {
		return l
	}
	return seriesLooks[s%len(seriesLooks)]
}

// writePattern defines the fill of l, when it is a pattern.
func writePattern(b *strings.Builder, id string, l look) {
	if l.pattern == "" {
		return
	}
	rot := ""
	if l.rotate {
		rot = ` patternTransform="rotate(45)"`
	}
	b.WriteString(`<pattern id="` + id + `-` + l.key + `" width="8" height="8" patternUnits="userSpaceOnUse"` + rot + ">")
	b.WriteString(`<rect width="8" height="8" fill="` + cmp.Or(l.ground, "#ffffff") + `"/>`)
	b.WriteString(`<g fill="` + l.color + `">` + l.pattern + "</g></pattern>")
}

// fill is the fill and outline attributes of a bar of look l.
func fill(id string, l look) string {
	switch {
	case l.dashed:
		return ` fill="` + cmp.Or(l.ground, "#ffffff") + `" stroke="` + l.color + `" stroke-width="1.5" stroke-dasharray="4 2"`
	case l.pattern == "":
		return ` fill="` + l.color + `"`
	}
	return ` fill="url(#` + id + `-` + l.key + `)" stroke="` + l.color + `" stroke-width="1.5"`
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
