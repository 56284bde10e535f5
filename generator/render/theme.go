package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"

	"github.com/alongside-dev/alongside/generator/i18n"
	"github.com/alongside-dev/alongside/themes"
)

// Shared layouts are parsed into the template set of every page. base.html
// is the page shell: it is what runs, and it calls the "main" template
// (and the "head" block) that each page layout defines. partials.html
// holds the pieces several pages use ("card", "cards", "items",
// "pagination", "status"); ledger.html the totals and charts that the
// home page and the annual reports share ("totals").
var shared = []string{"base.html", "partials.html", "ledger.html"}

// Page layouts: one per page kind, each parsed on top of the shared ones.
// A new page kind adds its name here, a file in themes/default/layouts/,
// and the code that makes its Pages.
var kinds = []string{"home", "profile", "partners", "partner", "taxonomy", "term", "page", "404", "reports", "report", "data"}

// themeFile reads a theme file (a path below the theme folder, like
// "layouts/base.html"). The lookup order is the whole of it:
//
//  1. the site's themes/<theme>/<name>, when siteFS is not nil;
//  2. the built-in themes.FS default/<name>.
//
// It returns the file and where it came from, for error messages.
func themeFile(siteFS fs.FS, theme, name string) ([]byte, string, error) {
	if siteFS != nil {
		where := path.Join("themes", theme, name)
		data, err := fs.ReadFile(siteFS, where)
		if err == nil {
			return data, where, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, where, err
		}
	}
	where := path.Join("default", name)
	data, err := fs.ReadFile(themes.FS, where)
	return data, "built-in theme " + where, err
}

// parseLayouts builds one template set per page kind.
func parseLayouts(siteFS fs.FS, theme string) (base *template.Template, sets map[string]*template.Template, err error) {
	base = template.New("").Funcs(funcs).Funcs(unbound)
	for _, name := range shared {
		if err := parseFile(base, siteFS, theme, name); err != nil {
			return nil, nil, err
		}
	}
	sets = make(map[string]*template.Template, len(kinds))
	for _, kind := range kinds {
		t, err := base.Clone()
		if err != nil {
			return nil, nil, err
		}
		if err := parseFile(t, siteFS, theme, kind+".html"); err != nil {
			return nil, nil, err
		}
		if t.Lookup("main") == nil {
			return nil, nil, fmt.Errorf("layout %s.html does not define \"main\"", kind)
		}
		sets[kind] = t
	}
	if base.Lookup("card") == nil {
		return nil, nil, errors.New(`layout partials.html does not define "card"`)
	}
	return base, sets, nil
}

func parseFile(t *template.Template, siteFS fs.FS, theme, name string) error {
	data, where, err := themeFile(siteFS, theme, "layouts/"+name)
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	if _, err := t.New(name).Parse(string(data)); err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	return nil
}

// funcs are the functions layouts may call besides html/template's: the
// catalog's (t, tn, th, link, el, time: see i18n.Catalog.Funcs), bound
// to each language's catalog when its layouts are made (Renderer.lang),
// and these.
var funcs = template.FuncMap{
	// dirAuto: <h1{{dirAuto .Title}}> isolates a name or title that
	// holds right-to-left text or bidi controls (see dirAuto).
	"dirAuto": dirAuto,
}

// unbound stands for a catalog's functions while layouts are parsed: a
// language's layouts replace them with its catalog's (Renderer.lang)
// before they run.
var unbound = new(i18n.Catalog).Funcs()

// A language is a Renderer's layouts bound to the UI strings of one
// language: its catalog, and clones of the Renderer's template sets whose
// catalog functions are the catalog's.
type language struct {
	cat  *i18n.Catalog
	base *template.Template            // "card" runs here
	sets map[string]*template.Template // page kind → its template set
}

// lang returns the layouts of the language code, made on first use: the
// catalog is loaded from the site, the theme and the built-in catalogs
// (its problems are check's to report) and the Renderer's template sets,
// which never run themselves, are cloned and bound to it.
func (r *Renderer) lang(code string) (*language, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if l, ok := r.langs[code]; ok {
		return l, nil
	}
	cat, _ := i18n.Load(r.fsys, r.theme, code)
	fm := cat.Funcs()
	l := &language{cat: cat, sets: make(map[string]*template.Template, len(r.sets))}
	var err error
	if l.base, err = r.base.Clone(); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	l.base.Funcs(fm)
	foldT(l.base, cat)
	foldEscaped(l.base, "card")
	for kind, t := range r.sets {
		if l.sets[kind], err = t.Clone(); err != nil {
			return nil, fmt.Errorf("render: %w", err)
		}
		l.sets[kind].Funcs(fm)
		foldT(l.sets[kind], cat)
		foldEscaped(l.sets[kind], "base.html")
	}
	if r.langs == nil {
		r.langs = map[string]*language{}
	}
	r.langs[code] = l
	return l, nil
}
