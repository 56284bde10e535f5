package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/themes"
)

// builtinDir is where the built-in theme's catalogs are in themes.FS.
const builtinDir = "default/i18n"

// builtinPath is how problems name a file of the built-in theme.
const builtinPath = "(built-in) themes/default/i18n/"

// A source is one place catalogs are read from.
type source struct {
	fsys fs.FS
	dir  string // in fsys
	path string // how problems name the folder: "i18n/"
}

// A file is one catalog file, read and checked.
type file struct {
	path    string
	entries map[string]*entry
	keys    []string // in the order of the file
}

// Load reads the catalog of the language code (BCP 47: "es", "es-MX")
// for a site whose files are siteFS (nil: the built-in theme's only) and
// whose theme is theme ("" is "default"), as the package doc describes:
// its files in their order, English for every key they lack. The catalog
// is always usable, whatever the problems: every error of a file (its
// syntax, an unknown key, a value that is not text, a placeholder English
// does not have, a plural message without other) and every warning
// (plural forms the language does not use, or uses and the message
// lacks), sorted, with the file, line and key. A file that cannot be read
// for another reason than not being there is an error too. Missing keys
// are not problems here: see Missing and Check.
func Load(siteFS fs.FS, theme, code string) (*Catalog, content.Problems) {
	if theme == "" {
		theme = "default"
	}
	var sources []source
	if siteFS != nil {
		sources = append(sources,
			source{siteFS, "i18n", "i18n/"},
			source{siteFS, path.Join("themes", theme, "i18n"), "themes/" + theme + "/i18n/"})
	}
	sources = append(sources, source{themes.FS, builtinDir, builtinPath})

	l := &loader{files: map[string]*file{}, english: map[string]*entry{}}
	tag, err := language.Parse(code)
	lang := code
	if err == nil || tag != language.Und {
		lang = tag.String()
	}
	valid := tag != language.Und
	if !valid {
		tag = language.English // not a language tag: English in every way but Lang
	}

	// English first: its keys are what every other file is checked against.
	base := language.English
	l.read(builtinDir+"/en.toml", sources[len(sources)-1], "en", base)
	for i := len(sources) - 2; i >= 0; i-- {
		l.read(sources[i].dir+"/en.toml", sources[i], "en", base)
	}

	c := &Catalog{lang: lang, tag: tag, msgs: make(map[string]*entry, len(l.english))}
	b, _ := tag.Base()
	c.english = b.String() == "en"
	c.dir = direction(tag)
	c.printer = message.NewPrinter(tag)
	if c.english {
		c.num = english
	} else if n, ok := probe(tag, c.printer); ok {
		c.num = n
	} else {
		c.num = english
	}

	// The language's files, in their order; then English's.
	var codes []string // none for a code that is not a language tag: English only
	if valid {
		codes = append(codes, lang)
		if bs := b.String(); bs != lang && bs != "und" {
			codes = append(codes, bs)
		}
	}
	var own []*file
	for _, src := range sources {
		for _, cd := range codes {
			if f := l.read(src.dir+"/"+cd+".toml", src, cd, tagOf(cd)); f != nil {
				own = append(own, f)
			}
		}
	}
	var en []*file
	for _, src := range sources {
		if f := l.files[src.path+"en.toml"]; f != nil {
			en = append(en, f)
		}
	}
	for k := range l.english {
		c.keys = append(c.keys, k)
	}
	slices.Sort(c.keys)
	for _, k := range c.keys {
		if e := first(own, k); e != nil {
			c.msgs[k] = e
			continue
		}
		e := *first(en, k)
		e.own = c.english
		c.msgs[k] = &e
		if !c.english {
			c.missing = append(c.missing, k)
		}
	}
	c.labels = labels(c)
	c.langNames = map[string]string{}
	for _, k := range c.keys {
		if name, ok := strings.CutPrefix(k, "language_name."); ok && name != "regional" {
			c.langNames[name] = c.msgs[k].forms[plural.Other].s
		}
	}
	l.problems.Sort()
	return c, l.problems
}

// first is the entry of key in the first of files that has it, or nil.
func first(files []*file, key string) *entry {
	for _, f := range files {
		if e, ok := f.entries[key]; ok {
			return e
		}
	}
	return nil
}

func tagOf(code string) language.Tag {
	t, _ := language.Parse(code)
	return t
}

// A loader reads the files of one Load.
type loader struct {
	files    map[string]*file  // by problem path; nil for a file not there
	english  map[string]*entry // every key of English: the first definition read (the built-in's)
	enNames  map[string][]string
	problems content.Problems
}

// read reads and checks the catalog name of src, for the language code
// (tag), once per Load. It returns nil when there is no such file.
func (l *loader) read(name string, src source, code string, tag language.Tag) *file {
	p := src.path + path.Base(name)
	if f, ok := l.files[p]; ok {
		return f
	}
	l.files[p] = nil
	data, err := fs.ReadFile(src.fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		l.problems = append(l.problems, content.Problem{Path: p, Line: 1, Col: 1, Message: "cannot read the catalog: " + err.Error()})
		return nil
	}
	m, pos, probs := content.DecodeTOML(p, data)
	l.problems = append(l.problems, probs...)
	f := &file{path: p, entries: map[string]*entry{}}
	l.files[p] = f
	if m == nil {
		return f
	}
	ck := checker{l: l, f: f, pos: pos, code: code, tag: tag, isEnglish: code == "en", builtin: src.fsys == themes.FS}
	ck.forms = formsOf(tag)
	ck.walk(m, "")
	if ck.isEnglish {
		for _, k := range f.keys {
			if _, ok := l.english[k]; !ok {
				l.english[k] = f.entries[k]
			}
			if l.enNames == nil {
				l.enNames = map[string][]string{}
			}
			for _, t := range f.entries[k].forms {
				if t != nil {
					for _, n := range t.names() {
						if !contains(l.enNames[k], n) {
							l.enNames[k] = append(l.enNames[k], n)
						}
					}
				}
			}
		}
	}
	return f
}

// A checker turns one file's decoded TOML into entries, with a problem
// for everything that is wrong in it.
type checker struct {
	l         *loader
	f         *file
	pos       map[string]content.KeyPos
	code      string
	tag       language.Tag
	forms     [6]bool // the plural forms the language uses
	isEnglish bool
	builtin   bool // the built-in English, which defines the keys
	suggested int  // "did you mean" searches made
}

const maxSuggestions = 20

// problem records a problem of key: at its line, or at the first line of
// a key below it (a table written with dotted keys has no line of its own).
func (ck *checker) problem(key string, warning bool, format string, args ...any) {
	p, ok := ck.pos[key]
	if !ok {
		for k, q := range ck.pos {
			if strings.HasPrefix(k, key+".") && (p.Line == 0 || q.Line < p.Line) {
				p = q
			}
		}
	}
	ck.l.problems = append(ck.l.problems, content.Problem{Path: ck.f.path, Line: max(p.Line, 1), Col: max(p.Col, 1),
		Field: key, Message: fmt.Sprintf(format, args...), Warning: warning})
}

// walk reads the table m, whose dotted path is prefix ("" at the top).
func (ck *checker) walk(m map[string]any, prefix string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		key := k
		if prefix != "" {
			key = prefix + "." + k
		}
		switch v := m[k].(type) {
		case string:
			ck.add(key, &entry{forms: [6]*text{plural.Other: parse(v)}}, false)
		case map[string]any:
			if ck.pluralTable(key, v) {
				ck.plural(key, v)
			} else {
				ck.walk(v, key)
			}
		default:
			ck.problem(key, false, "%s, where text in quotes is needed (or a table of plural forms)", kindOf(v))
		}
	}
}

// pluralTable reports whether the table at key is a plural message:
// English's kind of key when English has it, else a table all of whose
// keys are plural categories.
func (ck *checker) pluralTable(key string, m map[string]any) bool {
	if e, ok := ck.l.english[key]; ok {
		return e.plural || allForms(m) // a table for a text: add reports it
	}
	if _, ok := ck.l.english[key+".other"]; ok {
		return false // a table with a key named other, like kind.other
	}
	return allForms(m)
}

// allForms reports whether m has keys, all plural categories.
func allForms(m map[string]any) bool {
	for k := range m {
		if _, ok := categories[k]; !ok {
			return false
		}
	}
	return len(m) > 0
}

// categories are CLDR's plural categories, as keys of a plural message.
var categories = map[string]plural.Form{"zero": plural.Zero, "one": plural.One, "two": plural.Two,
	"few": plural.Few, "many": plural.Many, "other": plural.Other}

var categoryNames = [6]string{plural.Other: "other", plural.Zero: "zero", plural.One: "one",
	plural.Two: "two", plural.Few: "few", plural.Many: "many"}

// plural reads the plural message at key.
func (ck *checker) plural(key string, m map[string]any) {
	e := &entry{plural: true}
	ok := true
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		form, isForm := categories[k]
		s, isText := m[k].(string)
		switch {
		case !isForm:
			ck.problem(key+"."+k, false, "%q is not a plural form: the forms are zero, one, two, few, many and other", k)
			ok = false
		case !isText:
			ck.problem(key+"."+k, false, "%s, where text in quotes is needed", kindOf(m[k]))
			ok = false
		default:
			e.forms[form] = parse(s)
		}
	}
	if !ok {
		return
	}
	if e.forms[plural.Other] == nil {
		ck.problem(key, false, "a plural message needs an other form, used for every count no other form fits")
		return
	}
	var unused, lacking []string
	for f := range e.forms {
		switch {
		case e.forms[f] != nil && !ck.forms[f]:
			unused = append(unused, categoryNames[f])
		case e.forms[f] == nil && ck.forms[f]:
			lacking = append(lacking, categoryNames[f])
		}
	}
	if len(unused) > 0 {
		ck.problem(key, true, "%s never chosen in %s, whose forms are %s", formList(unused, "is", "are"), ck.code, ck.formNames())
	}
	if len(lacking) > 0 {
		ck.problem(key, true, "no %s form: %s uses %s, and counts that need %s get the other form", strings.Join(lacking, " or "), ck.code, ck.formNames(), pronoun(lacking))
	}
	ck.add(key, e, true)
}

func formList(forms []string, one, many string) string {
	if len(forms) == 1 {
		return "the form " + forms[0] + " " + one
	}
	return "the forms " + strings.Join(forms, ", ") + " " + many
}

func pronoun(forms []string) string {
	if len(forms) == 1 {
		return "it"
	}
	return "them"
}

func (ck *checker) formNames() string {
	var out []string
	for _, f := range []plural.Form{plural.Zero, plural.One, plural.Two, plural.Few, plural.Many, plural.Other} {
		if ck.forms[f] {
			out = append(out, categoryNames[f])
		}
	}
	return strings.Join(out, ", ")
}

// add records the message e of key, after checking key and its
// placeholders against English.
func (ck *checker) add(key string, e *entry, isPlural bool) {
	en, known := ck.l.english[key]
	switch {
	case !known && !ck.isEnglish:
		ck.problem(key, false, "not a key of the English catalog%s (a site's own key is added to its i18n/en.toml first)", ck.suggest(key))
		return
	case !known && !ck.builtin:
		if s := ck.suggest(key); s != "" {
			ck.problem(key, true, "a new key, not one of the built-in theme's%s", s)
		}
	case known && isPlural && !en.plural:
		ck.problem(key, false, "a table of plural forms, where English has one text: write one text, key = \"…\"")
		return
	}
	if known {
		allowed := ck.l.enNames[key]
		for _, t := range e.forms {
			if t == nil {
				continue
			}
			for _, n := range t.names() {
				if !contains(allowed, n) && !(en.plural && n == "count") {
					ck.problem(key, false, "{%s} is not filled in on the page: this message has %s", n, placeholderList(allowed))
					return
				}
			}
		}
	}
	e.own = true
	ck.f.entries[key] = e
	ck.f.keys = append(ck.f.keys, key)
}

func placeholderList(names []string) string {
	if len(names) == 0 {
		return "no placeholder"
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{" + n + "}"
	}
	return strings.Join(out, ", ")
}

// suggest is ` (did you mean "x"?)` for the key of English closest to
// key, when one is close enough to be a typo of it, else "".
// A file gets at most maxSuggestions: one whose keys are all unknown
// (renamed, or another program's) needs no suggestion per key, and each
// costs an edit distance to every key of English.
func (ck *checker) suggest(key string) string {
	if ck.suggested >= maxSuggestions {
		return ""
	}
	ck.suggested++
	best, bestD := "", 0
	for k := range ck.l.english {
		if k == key || len(k) > len(key)+3 || len(key) > len(k)+3 {
			continue // the distance is at least the difference in length
		}
		d := content.EditDistance(key, k)
		if best == "" || d < bestD || d == bestD && k < best {
			best, bestD = k, d
		}
	}
	if best == "" || bestD > 3 || bestD*3 > len(key) {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

func kindOf(v any) string {
	switch v.(type) {
	case int64:
		return "a whole number"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	case []any, []map[string]any:
		return "a list"
	}
	return "a date or time"
}

// formsOf are the plural forms the CLDR rules of tag choose for some
// count: whole numbers to 1000 and a million, and decimals with one and
// two digits.
func formsOf(tag language.Tag) (forms [6]bool) {
	forms[plural.Other] = true
	for i := 0; i <= 1000; i++ {
		forms[plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0)] = true
	}
	forms[plural.Cardinal.MatchPlural(tag, 1000000, 0, 0, 0, 0)] = true
	for i := 0; i <= 20; i++ {
		for f := 1; f <= 99; f++ {
			if f < 10 {
				forms[plural.Cardinal.MatchPlural(tag, i, 1, 1, f, f)] = true
			}
			w, t := 2, f
			if f%10 == 0 {
				w, t = 1, f/10
			}
			forms[plural.Cardinal.MatchPlural(tag, i, 2, w, f, t)] = true
		}
	}
	return forms
}

// direction is the writing direction of tag: see Catalog.Dir.
func direction(tag language.Tag) string {
	script, conf := tag.Script()
	if conf == language.Exact {
		return scriptDir(script)
	}
	b, _ := tag.Base()
	switch b.String() {
	case "ar", "fa", "he", "ur", "ps", "ckb", "dv", "yi", "sd", "prs":
		return "rtl"
	}
	if conf == language.No {
		return "ltr"
	}
	return scriptDir(script)
}

func scriptDir(s language.Script) string {
	switch s.String() {
	case "Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Samr", "Mand":
		return "rtl"
	}
	return "ltr"
}
