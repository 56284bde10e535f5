package export

import (
	"bufio"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/urls"
)

// Feed writes /feed.xml, an Atom 1.0 feed with an entry per profile,
// newest review date first, in lang, one of the site's Languages: in a
// language other than the default it is /<code>/feed.xml, whose entries
// link to the pages in that language and have the titles and summaries
// of their translations where there are some. The feed's updated time
// is its newest entry's, or now when it has none.
func Feed(w io.Writer, site *content.Site, published []*content.Profile, baseURL string, now time.Time, lang content.Language) error {
	baseURL = base(site, baseURL)
	cfg := &site.Config
	code := lang.Code // "" in the default language: its addresses have no prefix
	if code == cfg.Language {
		code = ""
	}
	words := func(p *content.Profile) (title, summary string) {
		title, summary = p.Title, p.Summary
		if tr := p.Translations[code]; code != "" && tr != nil {
			title, summary = firstOf(tr.Title, title), firstOf(tr.Summary, summary)
		}
		return title, summary
	}
	ps := slices.Clone(published)
	slices.SortStableFunc(ps, func(a, b *content.Profile) int {
		if c := updated(b).Compare(updated(a).Time); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	feedUpdated := now
	if len(ps) > 0 {
		feedUpdated = updated(ps[0]).Time
	}
	x := xmlWriter{w: bufio.NewWriter(w)}
	x.raw(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	x.raw(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="`)
	x.text(firstOf(lang.Code, cfg.Language))
	x.raw("\">\n")
	x.elem("  ", "id", abs(baseURL, urls.In(code, urls.Home)))
	x.elem("  ", "title", firstOf(lang.Title, cfg.Title))
	x.elem("  ", "updated", feedUpdated.UTC().Format(time.RFC3339))
	x.link("  ", "self", "application/atom+xml", abs(baseURL, urls.In(code, urls.Feed)))
	x.link("  ", "alternate", "text/html", abs(baseURL, urls.In(code, urls.Home)))
	x.raw("  <author>\n")
	x.elem("    ", "name", cfg.Library)
	x.raw("  </author>\n")
	x.elem("  ", "generator", "alongside")
	for _, p := range ps {
		x.raw("  <entry>\n")
		title, summary := words(p)
		page := abs(baseURL, urls.In(code, p.URL()))
		x.elem("    ", "id", page)
		x.elem("    ", "title", title)
		x.elem("    ", "updated", updated(p).UTC().Format(time.RFC3339))
		x.link("    ", "alternate", "text/html", page)
		x.elem("    ", "summary", firstOf(summary, "A partnership between "+cfg.Library+" and "+p.Partner.Name+"."))
		for _, tag := range p.Tags {
			x.raw(`    <category term="`)
			x.text(tag)
			x.raw("\"/>\n")
		}
		x.raw("  </entry>\n")
	}
	x.raw("</feed>\n")
	return x.w.Flush()
}

// updated is when a profile last changed for its readers: the partner's
// approval, or its start when it was never approved.
func updated(p *content.Profile) content.Date {
	if p.Review.Date.Set() {
		return p.Review.Date
	}
	return p.Start
}

// xmlWriter writes XML by hand, escaping every value.
type xmlWriter struct{ w *bufio.Writer }

func (x xmlWriter) raw(s string) { x.w.WriteString(s) }

// text writes s escaped, for text or a double-quoted attribute value.
func (x xmlWriter) text(s string) { xml.EscapeText(x.w, []byte(s)) }

// elem writes <name>value</name> on a line of its own.
func (x xmlWriter) elem(indent, name, value string) {
	x.raw(indent + "<" + name + ">")
	x.text(value)
	x.raw("</" + name + ">\n")
}

func (x xmlWriter) link(indent, rel, typ, href string) {
	x.raw(indent + `<link rel="` + rel + `" type="` + typ + `" href="`)
	x.text(href)
	x.raw("\"/>\n")
}
