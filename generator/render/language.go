package render

import (
	"cmp"
	"html/template"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/i18n"
	"github.com/alongside-dev/alongside/generator/urls"
)

// A site in several languages is built once per language (see
// build.languages): every page kind again under /<code>/, each page's
// words from its translation where there is one and from the default
// language's text where there is none, that text marked with its lang.
// The figures come from the source profiles only and are computed once
// for all languages (common.ledgerSums, package ledger), so every
// language shows the same numbers.

// Alternate is one language of a page: the same page in that language.
type Alternate struct {
	Lang      string // BCP 47: the hreflang
	Name      string // the language's name in itself: "Español"
	URL       string // root-relative
	Canonical string // absolute
	Current   bool   // the page's own language
}

// alternates are the page at path (as package urls names it) in each
// language of the site, the default first; nil for a site of one
// language.
func (b *build) alternates(path string) []Alternate {
	langs := b.site.Config.Languages
	if len(langs) < 2 {
		return nil
	}
	out := make([]Alternate, len(langs))
	for i, l := range langs {
		code := l.Code
		if i == 0 {
			code = ""
		}
		in := urls.In(code, path)
		out[i] = Alternate{Lang: l.Code, Name: b.names[i], URL: b.base + in,
			Canonical: b.opts.BaseURL + in, Current: code == b.code}
	}
	return out
}

// languageNames are the names of the site's languages, each in itself:
// its name in site.toml, else its catalog's name for it (the default
// language may have no table of its own).
func (r *Renderer) languageNames(langs []content.Language) ([]string, error) {
	names := make([]string, len(langs))
	for i, l := range langs {
		names[i] = l.Name
		if l.Name == "" {
			own, err := r.lang(l.Code)
			if err != nil {
				return nil, err
			}
			names[i] = own.cat.LanguageName(l.Code)
		}
	}
	return names, nil
}

// defaultLang is the code of the site's default language.
func (b *build) defaultLang() string { return b.site.Config.Language }

// translation is p's translation into b's language, or nil: always nil in
// the default language.
func (b *build) translation(ts map[string]*content.Translation) *content.Translation {
	if b.code == "" {
		return nil
	}
	return ts[b.code]
}

// textOf is p's translation into b's language, or an empty one: its
// fields are what words takes as tr.
func (b *build) textOf(p *content.Profile) *content.Translation {
	if tr := b.translation(p.Translations); tr != nil {
		return tr
	}
	return &content.Translation{}
}

// words picks one field's text for b's language: the translation's when
// it has one (tr non-empty), else the source's (src), with the default
// language's code as its lang when that is not the page's language.
func (b *build) words(tr, src string) (text, lang string) {
	if b.code == "" || tr != "" {
		return cmp.Or(tr, src), ""
	}
	if src == "" {
		return "", ""
	}
	return src, b.defaultLang()
}

// text is the text words picks, without its lang.
func (b *build) text(tr, src string) string {
	t, _ := b.words(tr, src)
	return t
}

// indexOf is the position in s of the element e points to, or -1: where a
// resource, ask or outcome of a profile is among the profile's own, for
// its translation's words (matched by position).
func indexOf[T any](s []T, e *T) int {
	for i := range s {
		if &s[i] == e {
			return i
		}
	}
	return -1
}

// at is s[i], or the zero value when s has no element i.
func at[T any](s []T, i int) T {
	var zero T
	if i < 0 || i >= len(s) {
		return zero
	}
	return s[i]
}

// translated is a content page (or the home page's text) in b's
// language.
type translated struct {
	Title, Summary string
	Body           []byte
	Lang           string // the default language's code when it has no translation, else ""
	Stale          []string
}

// page is pg in b's language.
func (b *build) localPage(pg *content.Page) translated {
	tr := b.translation(pg.Translations)
	if b.code == "" || tr == nil {
		t := translated{Title: pg.Title, Summary: pg.Summary, Body: pg.Body}
		if b.code != "" {
			t.Lang = b.defaultLang()
		}
		return t
	}
	body := tr.Story
	if len(body) == 0 {
		body = pg.Body
	}
	return translated{Title: cmp.Or(tr.Title, pg.Title), Summary: cmp.Or(tr.Summary, pg.Summary), Body: body, Stale: tr.Stale}
}

// homePage is the home page's text in b's language.
func (b *build) homePage() translated { return b.localPage(b.site.Home) }

// translationNote is what a page in another language than the default
// says of its text: that it is shown in the default language (missing,
// when lang is set) or may be out of date (stale), with a link to the
// default language's page at path; "" otherwise.
func (b *build) translationNote(path, lang string, stale []string) template.HTML {
	if b.code == "" || (lang == "" && len(stale) == 0) {
		return ""
	}
	c := b.l.cat
	def := c.LanguageName(b.defaultLang())
	link := i18n.Link(b.base+path, c.T("translation.read_default", "language", def))
	if lang != "" {
		return c.HTML("translation.missing", "language", c.LanguageName(c.Lang()), "default", def)
	}
	return c.HTML("translation.stale", "link", link)
}

// partnerAbout is the translated about of the partner of profiles: that
// of the first profile whose about is the partner's (content.Partners)
// and whose translation into b's language gives it; "" when none does.
func (b *build) partnerAbout(profiles []*content.Profile) string {
	if b.code == "" || len(profiles) == 0 {
		return ""
	}
	about := content.Partners(profiles)[0].Partner.About
	for _, p := range profiles {
		if tr := b.translation(p.Translations); tr != nil && tr.About != "" && p.Partner.About == about {
			return tr.About
		}
	}
	return ""
}
