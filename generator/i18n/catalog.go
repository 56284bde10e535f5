package i18n

import (
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// A Catalog is the UI strings of one language and its ways of writing
// numbers, money and dates. It is made by Load, never changes after, and
// is safe for concurrent use.
type Catalog struct {
	lang    string // the code, canonical where x/text knows it: "es-MX"
	tag     language.Tag
	dir     string
	english bool // English: the generator's own formats (see the package doc)

	msgs    map[string]*entry // every key of English
	keys    []string          // sorted
	missing []string

	labels    map[string]string // a value of content's enumerations → its text
	langNames map[string]string // a language code → its name

	num     numbers
	printer *message.Printer
	symbols sync.Map // currency code → its symbol in this language, or ""
}

// An entry is one message: a text, or the forms of a plural message.
type entry struct {
	forms [6]*text // by plural.Form; forms[plural.Other] is never nil
	own   bool     // from a file of the catalog's language, not English
	// plural is false for a plain string (forms[plural.Other] only).
	plural bool
}

// Lang is the catalog's language code, in its canonical form ("es-MX"),
// for <html lang>.
func (c *Catalog) Lang() string { return c.lang }

// Dir is "rtl" when the language is written right to left, else "ltr". A
// script in the code decides ("pa-Arab" is rtl, "sd-Deva" ltr); else the
// language: ar, fa, he, ur, ps, ckb, dv, yi, sd and prs are rtl, and so is
// any other whose usual script (CLDR likely subtags, through x/text) is
// Arabic, Hebrew, Thaana, Syriac, N'Ko or Adlam.
func (c *Catalog) Dir() string { return c.dir }

// Keys are every key the catalog has a message for (those of English),
// sorted.
func (c *Catalog) Keys() []string { return slices.Clone(c.keys) }

// Missing are the keys of English that no catalog of the language has,
// sorted: their text is English. It is empty for English.
func (c *Catalog) Missing() []string { return slices.Clone(c.missing) }

// T is the text of key with its placeholders filled from args, which are
// name/value pairs: T("partners.caption", "currency", "USD"). A value is
// written as Number writes a number, as the text of a string, a
// template.HTML or a fmt.Stringer, else as fmt.Sprint writes it; a
// trailing name without a value is ignored, and a placeholder without a
// value stays as written. The text is plain: the caller escapes it. A
// plural message gives its other form. A key missing in the language
// gives English; a key English does not have gives the key.
//
// T does not allocate for a message without placeholders.
func (c *Catalog) T(key string, args ...any) string {
	e := c.msgs[key]
	if e == nil {
		return key
	}
	return c.fill(e.forms[plural.Other], args, nil, false)
}

// N is the form of the plural message key for the count n, with {count}
// written as Number writes n (unless args give "count") and the other
// placeholders filled from args as T fills them. The form is chosen by the
// CLDR rules of the language from n as Number writes it (see the package
// doc); a form the message lacks falls back to other. An int converts to
// n exactly. Other keys behave as in T.
func (c *Catalog) N(key string, n float64, args ...any) string {
	e := c.msgs[key]
	if e == nil {
		return key
	}
	t := e.forms[plural.Other]
	if e.plural {
		if f := e.forms[c.form(e, n)]; f != nil {
			t = f
		}
	}
	return c.fill(t, args, &n, false)
}

// HTML is T, or N when args hold "count" with a number and key is a
// plural message, escaped for HTML text and attributes: every character of
// the catalog's text and of each argument is escaped as html/template
// escapes it, except template.HTML arguments, which are written as they
// are (make them with Link, El and Time). A catalog can therefore never
// put markup on a page.
func (c *Catalog) HTML(key string, args ...any) template.HTML {
	e := c.msgs[key]
	if e == nil {
		return template.HTML(escape(key))
	}
	t := e.forms[plural.Other]
	var count *float64
	if e.plural {
		if v, ok := arg(args, "count"); ok {
			if n, ok := toFloat(v); ok {
				count = &n
				if f := e.forms[c.form(e, n)]; f != nil {
					t = f
				}
			}
		}
	}
	return template.HTML(c.fill(t, args, count, true))
}

// form is the CLDR plural category of n as Number writes it, by the rules
// of the language of e's text: the catalog's, or English for English
// text shown for want of the language's.
func (c *Catalog) form(e *entry, n float64) plural.Form {
	if math.IsNaN(n) || math.IsInf(n, 0) || math.Abs(n) >= 1e15 {
		return plural.Other
	}
	var buf [40]byte
	s := strconv.AppendFloat(buf[:0], math.Abs(round2(n)), 'f', -1, 64)
	i, v, f := 0, 0, 0
	frac := false
	for _, ch := range s {
		switch {
		case ch == '.':
			frac = true
		case frac:
			v++
			f = f*10 + int(ch-'0')
		default:
			i = i*10 + int(ch-'0')
		}
	}
	// The shortest form has no trailing zeros: w = v and t = f.
	tag := c.tag
	if !e.own {
		tag = language.English
	}
	return plural.Cardinal.MatchPlural(tag, i, v, v, f, f)
}

// toFloat is v as a count, for tn and HTML.
func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case int:
		return float64(v), true
	case int64:
		return float64(v), true
	case int32:
		return float64(v), true
	case uint:
		return float64(v), true
	case uint64:
		return float64(v), true
	case uint32:
		return float64(v), true
	case float64:
		return v, true
	case float32:
		return float64(v), true
	}
	return math.NaN(), false
}

// Label is the text of a value of one of content's enumerations (a
// status, review state, side, kind, ask status, survey topic or survey
// outcome): "in_progress" → "In progress" in English. Any other value is
// its own text, underscores as spaces, as content.LabelOf has it.
func (c *Catalog) Label(value string) string {
	if s, ok := c.labels[value]; ok {
		return s
	}
	return strings.ReplaceAll(value, "_", " ")
}

// LanguageName is the name of the language code in the catalog's
// language, as language_name.<code> has it: "es" → "Spanish" in English;
// a code with a region or script whose language has a name is
// language_name.regional ("Spanish (es-MX)"); any other code is returned
// as is.
func (c *Catalog) LanguageName(code string) string {
	if n, ok := c.langNames[code]; ok {
		return n
	}
	if base, _, ok := strings.Cut(code, "-"); ok {
		if n, ok := c.langNames[strings.ToLower(base)]; ok {
			return c.T("language_name.regional", "name", n, "code", code)
		}
	}
	return code
}

// List joins items as the language lists things: "a", "a and b", "a, b
// and c" in English (list.pair, and list.middle before it).
func (c *Catalog) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	n := len(items)
	s := c.T("list.pair", "first", items[n-2], "second", items[n-1])
	for i := n - 3; i >= 0; i-- {
		s = c.T("list.middle", "first", items[i], "rest", s)
	}
	return s
}
