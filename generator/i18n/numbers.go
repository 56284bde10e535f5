package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// numbers is how a language writes numbers: CLDR's symbols and grouping,
// as x/text writes them (see probe).
type numbers struct {
	digits             [10]string // "" where the digit is the ASCII one
	group, decimal     string
	minus, minusEnd    string // around a negative number
	primary, secondary int    // digits in the first group (from the right) and in the others
	minGroup           int    // CLDR minimumGroupingDigits: 2 leaves "1234" ungrouped
	pctStart, pctEnd   string // around a percentage
}

// english are the numbers of English pages: render's.
var english = numbers{group: ",", decimal: ".", minus: "-", primary: 3, secondary: 3, minGroup: 1, pctEnd: " %"}

// format rewrites s, a number as strconv writes it in 'f' format
// ("-1234.5"), in the language's digits and separators. NaN and
// infinities are returned as they are.
func (n *numbers) format(s string) string {
	if s == "" || s == "NaN" || strings.HasSuffix(s, "Inf") {
		return s
	}
	orig := s
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	grouped := n.primary > 0 && len(whole) >= n.primary+n.minGroup
	if !grouped && n.digits[0] == "" && (!hasFrac || n.decimal == ".") && (!neg || n.minus == "-" && n.minusEnd == "") {
		return orig // written as strconv writes it: most numbers of a page
	}
	var b strings.Builder
	b.Grow(3*len(s) + 8)
	if neg {
		b.WriteString(n.minus)
	}
	for i := 0; i < len(whole); i++ {
		if right := len(whole) - i; grouped && i > 0 && (right == n.primary || right > n.primary && n.secondary > 0 && (right-n.primary)%n.secondary == 0) {
			b.WriteString(n.group)
		}
		n.digit(&b, whole[i])
	}
	if hasFrac {
		b.WriteString(n.decimal)
		for i := 0; i < len(frac); i++ {
			n.digit(&b, frac[i])
		}
	}
	if neg {
		b.WriteString(n.minusEnd)
	}
	return b.String()
}

func (n *numbers) digit(b *strings.Builder, c byte) {
	if c >= '0' && c <= '9' && n.digits[c-'0'] != "" {
		b.WriteString(n.digits[c-'0'])
		return
	}
	b.WriteByte(c)
}

// writeDigits writes the ASCII digits ds in the language's digits,
// without grouping (a day, a year).
func (n *numbers) writeDigits(b *strings.Builder, ds []byte) {
	if n.digits[0] == "" {
		b.Write(ds)
		return
	}
	for _, d := range ds {
		n.digit(b, d)
	}
}

// probe reads how tag writes numbers from x/text's own formatting of a
// few (its digits, 1234567.25, -1 and 50 %), then corrects what x/text's
// CLDR 32 tables have out of date (see the package doc). ok is false when
// x/text's output has a shape probe does not know; the caller then uses
// English's.
func probe(tag language.Tag, p *message.Printer) (n numbers, ok bool) {
	for d := range 10 {
		segs := segments(p.Sprint(number.Decimal(d)))
		if len(segs) != 1 || !segs[0].digits || utf8.RuneCountInString(segs[0].s) != 1 {
			return n, false
		}
		if r, _ := utf8.DecodeRuneInString(segs[0].s); r != rune('0'+d) {
			n.digits[d] = segs[0].s
		}
	}
	// "1,234,567.25", "12,34,567.25": digit runs 1 234 567 25.
	segs := segments(p.Sprint(number.Decimal(1234567.25)))
	if len(segs) != 7 || !segs[0].digits || segs[1].s != segs[3].s || segs[3].s == segs[5].s {
		return n, false
	}
	n.group, n.decimal = segs[3].s, segs[5].s
	n.primary = utf8.RuneCountInString(segs[4].s)
	n.secondary = utf8.RuneCountInString(segs[2].s)
	n.minGroup = 1
	n.minus, n.minusEnd, ok = around(p.Sprint(number.Decimal(-1)))
	if !ok {
		return n, false
	}
	if n.pctStart, n.pctEnd, ok = around(p.Sprint(number.Percent(0.5))); !ok {
		return n, false
	}

	chain := ancestors(tag)
	switch {
	case contains(chain, "es-419"):
	case contains(chain, "es"), contains(chain, "pl"), contains(chain, "pt-PT"):
		n.minGroup = 2
	}
	if contains(chain, "fr") && !contains(chain, "fr-CA") {
		nnbsp := func(s string) string { return strings.ReplaceAll(s, "\u00a0", "\u202f") }
		n.group, n.pctStart, n.pctEnd = nnbsp(n.group), nnbsp(n.pctStart), nnbsp(n.pctEnd)
	}
	return n, true
}

// around is what comes before and after the one run of digits of s.
func around(s string) (before, after string, ok bool) {
	segs := segments(s)
	k := -1
	for i, sg := range segs {
		if sg.digits {
			if k >= 0 {
				return "", "", false
			}
			k = i
		}
	}
	if k < 0 {
		return "", "", false
	}
	for _, sg := range segs[:k] {
		before += sg.s
	}
	for _, sg := range segs[k+1:] {
		after += sg.s
	}
	return before, after, true
}

type segment struct {
	s      string
	digits bool
}

// segments splits s into runs of decimal digits and of anything else.
func segments(s string) []segment {
	var out []segment
	for _, r := range s {
		d := unicode.IsDigit(r)
		if n := len(out); n > 0 && out[n-1].digits == d {
			out[n-1].s += string(r)
			continue
		}
		out = append(out, segment{string(r), d})
	}
	return out
}

// ancestors are tag and the tags it inherits from in CLDR, as x/text
// knows them: es-AR, es-419, es.
func ancestors(tag language.Tag) []string {
	var out []string
	for range 8 {
		if tag == language.Und {
			break
		}
		out = append(out, tag.String())
		tag = tag.Parent()
	}
	return out
}
