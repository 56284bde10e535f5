package render

import (
	"html/template"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/i18n"
)

// Fragments are the repeated parts of a profile page (table rows, list
// items) written here rather than in a layout: html/template spends a
// reflective call on every action, and a page has hundreds of them in
// its rows. A theme that wants other markup for them ranges over the
// structured fields (Side.Rows, Profile.Asks, …) instead; the fragments
// are only a faster way to write what the built-in theme writes.

// frag builds an HTML fragment. Text goes through text (escaped as
// html/template escapes it); markup through raw.
type frag struct{ strings.Builder }

func (f *frag) raw(s string) *frag { f.WriteString(s); return f }

func (f *frag) text(s string) *frag {
	i18n.EscapeTo(&f.Builder, s)
	return f
}

func (f *frag) html() template.HTML { return template.HTML(f.String()) }

// date writes a <time> element, or nothing for an unset date.
func (f *frag) date(d Date) *frag {
	if d.ISO == "" {
		return f
	}
	return f.raw(`<time datetime="`).raw(d.ISO).raw(`">`).text(d.Text).raw("</time>")
}

// lang writes a lang attribute for text in the language code, shown on
// a page of another language (the fallback of a missing translation);
// nothing for "".
func (f *frag) lang(code string) *frag {
	if code == "" {
		return f
	}
	return f.raw(` lang="`).text(code).raw(`"`)
}

// status writes a status label as the "status" template does.
func (f *frag) status(l Label) *frag {
	f.raw(`<span class="status status-`).text(l.Key).raw(`">`)
	if l.Icon != "" {
		f.raw(`<span aria-hidden="true">`).text(l.Icon).raw("</span> ")
	}
	return f.text(l.Text).raw("</span>")
}

// links writes an inline list of links, as the "links" template does.
func (f *frag) links(ls []Link) *frag {
	f.raw(`<ul class="inline-list">`)
	for _, l := range ls {
		f.raw(`<li><a href="`).text(l.URL).raw(`">`).text(l.Title).raw("</a></li>")
	}
	return f.raw("</ul>")
}

// resourceTable is a side's table in its scrolling region.
func resourceTable(c *i18n.Catalog, sd *Side, currency string) template.HTML {
	var f frag
	f.Grow(600 + len(sd.Rows)*320)
	valueIn := c.T("table.value_in", "currency", currency)
	f.raw(`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="caption-`).raw(sd.Key).raw("\">\n<table>\n").
		raw(`<caption id="caption-`).raw(sd.Key).raw(`" class="visually-hidden">`).
		raw(string(c.HTML("table.resources_caption", "name", i18n.El("bdi", sd.Name)))).raw("</caption>\n").
		raw("<thead>\n<tr><th scope=\"col\">").text(c.T("table.what")).raw(`</th><th scope="col">`).text(c.T("table.kind")).
		raw(`</th><th scope="col" class="num">`).text(c.T("table.amount")).raw(`</th><th scope="col">`).text(c.T("table.date")).
		raw(`</th><th scope="col" class="num">`).text(valueIn).raw("</th></tr>\n</thead>\n<tbody>")
	for _, r := range sd.Rows {
		what := r.Description
		if what == "" {
			what = r.Kind
		}
		f.raw("\n<tr><th scope=\"row\"").lang(r.Lang).raw(">").text(what).raw(`</th><td data-label="`).text(c.T("table.kind")).raw(`">`).text(r.Kind).
			raw(`</td><td class="num" data-label="`).text(c.T("table.amount")).raw(`">`).text(r.Amount).
			raw(`</td><td data-label="`).text(c.T("table.date")).raw(`">`).date(r.Date).
			raw(`</td><td class="num" data-label="`).text(valueIn).raw(`">`)
		switch {
		case r.Value == "":
			f.raw(`<span class="not-valued">`).text(c.T("table.not_valued")).raw("</span>")
		case r.Estimated:
			f.text(r.Value).raw(` <span class="estimate">`).text(c.T("table.estimate")).raw("</span>")
		default:
			f.text(r.Value)
		}
		f.raw("</td></tr>")
	}
	f.raw("\n</tbody>\n</table>\n</div>")
	return f.html()
}

// askItems is the content of the asks list: one <li> per ask.
func askItems(c *i18n.Catalog, asks []Ask) template.HTML {
	var f frag
	f.Grow(len(asks) * 400)
	for _, a := range asks {
		f.raw("\n<li class=\"ask ask-").text(a.Status.Key).raw("\">\n<p class=\"ask-head\">").status(a.Status)
		if a.Date.ISO != "" {
			f.raw(` <span class="ask-date">`).date(a.Date).raw("</span>")
		}
		f.raw("</p>\n<p class=\"ask-text\"").lang(a.Lang).raw(">").text(a.Ask).raw("</p>")
		if a.Where != nil {
			f.raw("\n<p class=\"ask-where\">").raw(string(c.HTML("ask.where", "link", i18n.Link(a.Where.URL, a.Where.Title)))).raw("</p>")
		}
		if a.Reason != "" {
			key := "ask.note"
			if a.Status.Key == "declined" {
				key = "ask.why_no"
			}
			f.raw("\n<p class=\"reason\"").lang(a.Lang).raw("><strong>").text(c.T(key)).raw("</strong> ").text(a.Reason).raw("</p>")
		}
		f.raw("\n</li>")
	}
	return f.html()
}

// outcomeTable is the outcomes table in its scrolling region.
func outcomeTable(c *i18n.Catalog, outs []Outcome) template.HTML {
	var f frag
	f.Grow(500 + len(outs)*200)
	f.raw("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"caption-outcomes\">\n<table>\n<caption id=\"caption-outcomes\" class=\"visually-hidden\">").
		text(c.T("table.outcomes_caption")).raw("</caption>\n<thead>\n<tr><th scope=\"col\">").text(c.T("table.measure")).
		raw(`</th><th scope="col" class="num">`).text(c.T("table.result")).raw(`</th><th scope="col">`).text(c.T("table.date")).
		raw(`</th><th scope="col">`).text(c.T("table.note")).raw("</th></tr>\n</thead>\n<tbody>")
	for _, o := range outs {
		f.raw("\n<tr><th scope=\"row\"").lang(o.Lang).raw(">").text(o.Measure)
		if o.Counted {
			f.raw(` <span class="counted">`).text(c.T("table.counted")).raw("</span>")
		}
		f.raw(`</th><td class="num" data-label="`).text(c.T("table.result")).raw(`">`).text(o.Value).
			raw(`</td><td data-label="`).text(c.T("table.date")).raw(`">`).date(o.Date).
			raw(`</td><td data-label="`).text(c.T("table.note")).raw(`"`).lang(o.Lang).raw(">").text(o.Note).raw("</td></tr>")
	}
	f.raw("\n</tbody>\n</table>\n</div>")
	return f.html()
}

// surveyTable is a table of surveys in its scrolling region; id is the
// stem of its ids.
func surveyTable(c *i18n.Catalog, id string, svs []Survey) template.HTML {
	var f frag
	f.Grow(700 + len(svs)*300)
	f.raw(`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="caption-`).raw(id).raw("\">\n<table>\n").
		raw(`<caption id="caption-`).raw(id).raw(`">`).text(c.T("table.surveys_caption")).raw("</caption>\n").
		raw(`<thead><tr><th scope="col">`).text(c.T("table.topic")).raw(`</th><th scope="col">`).text(c.T("table.date")).
		raw(`</th><th scope="col" class="num">`).text(c.T("table.surveyed")).raw("</th>")
	for _, o := range content.SurveyOutcomes {
		f.raw(`<th scope="col" class="num">`).text(c.Label(o)).raw("</th>")
	}
	f.raw("</tr></thead>\n<tbody>")
	for _, s := range svs {
		f.raw("\n<tr><th scope=\"row\">").text(s.Topic).raw(`</th><td data-label="`).text(c.T("table.date")).raw(`">`).date(s.Date).
			raw(`</td><td class="num" data-label="`).text(c.T("table.surveyed")).raw(`">`).text(s.Respondents).raw("</td>")
		for i, a := range s.Agreed {
			f.raw(`<td class="num"`)
			if i < len(content.SurveyOutcomes) {
				f.raw(` data-label="`).text(c.Label(content.SurveyOutcomes[i])).raw(`"`)
			}
			f.raw(">").text(a).raw("</td>")
		}
		f.raw("</tr>")
	}
	f.raw("\n</tbody>\n</table>\n</div>")
	return f.html()
}

// factItems are the lines of a profile's facts list: partner, status,
// dates, then taxonomies and languages.
func factItems(c *i18n.Catalog, v *Profile) template.HTML {
	var f frag
	f.Grow(1024)
	f.raw(`<div><dt>`).text(c.T("profile.fact.partner")).raw(`</dt><dd><a href="`).text(v.Partner.URL).raw(`">`).text(v.Partner.Name).raw("</a>")
	if v.Partner.Website != "" {
		f.raw(` <span class="website">`).raw(string(c.HTML("profile.fact.website", "link", i18n.Link(v.Partner.Website, v.Partner.WebsiteHost)))).raw("</span>")
	}
	f.raw("</dd></div>\n<div><dt>").text(c.T("profile.fact.status")).raw("</dt><dd>").status(v.Status).
		raw("</dd></div>\n<div><dt>").text(c.T("profile.fact.dates")).raw("</dt><dd>").text(v.Dates).raw("</dd></div>")
	line := func(key string, n int) bool {
		if n == 0 {
			return false
		}
		f.raw("\n<div><dt>").text(c.N(key, float64(n))).raw("</dt><dd>")
		return true
	}
	for _, t := range []struct {
		key   string
		links []Link
	}{
		{"taxonomy.branches.label", v.Branches},
		{"taxonomy.neighborhoods.label", v.Neighborhoods},
		{"taxonomy.audiences.label", v.Audiences},
		{"profile.fact.languages", nil},
		{"taxonomy.tags.label", v.Tags},
	} {
		if t.key == "profile.fact.languages" {
			if line(t.key, len(v.Languages)) {
				f.text(strings.Join(v.Languages, ", ")).raw("</dd></div>")
			}
			continue
		}
		if line(t.key, len(t.links)) {
			f.links(t.links).raw("</dd></div>")
		}
	}
	return f.html()
}

// reportRowItems are the rows of an annual report's table.
func reportRowItems(c *i18n.Catalog, rows []ReportRow) template.HTML {
	var f frag
	f.Grow(len(rows) * 700)
	for _, r := range rows {
		f.raw("\n<tr><th scope=\"row\"><a href=\"").text(r.URL).raw(`"`).lang(r.Lang).raw(`>`).text(r.Title).
			raw(`</a><br><span class="report-partner">`).text(r.Partner).raw("</span>")
		if r.HasDetails {
			f.raw(`<br><a class="report-more" href="#`).text(r.DetailID).raw(`">`).text(c.T("report.details")).
				raw(`<span class="visually-hidden"> `).text(c.T("report.details_of", "title", r.Title)).raw("</span></a>")
		}
		f.raw("</th>\n<td data-label=\"").text(c.T("report.status")).raw(`">`).status(r.Status).
			raw(`</td><td data-label="`).text(c.T("report.library_gave")).raw(`">`).text(r.Library).
			raw(`</td><td data-label="`).text(c.T("report.partner_gave")).raw(`">`).text(r.PartnerGave).
			raw(`</td><td data-label="`).text(c.T("report.asks")).raw(`">`).text(r.Asks).
			raw(`</td><td data-label="`).text(c.T("report.outcomes")).raw(`"`).lang(r.Lang).raw(`>`).text(r.Outcomes).raw("</td></tr>")
	}
	return f.html()
}

// reportDetailItems are the itemized details of an annual report's
// partnerships: an <article> each.
func reportDetailItems(c *i18n.Catalog, ds []ReportDetail) template.HTML {
	var f frag
	f.Grow(len(ds) * 2500)
	for _, d := range ds {
		f.raw("\n<article class=\"report-detail\" id=\"").text(d.ID).raw(`" aria-labelledby="`).text(d.ID).raw("-h\"").lang(d.Lang).raw(">\n").
			raw(`<h3 id="`).text(d.ID).raw(`-h"><a href="`).text(d.URL).raw(`">`).text(d.Title).raw("</a></h3>\n").
			raw(`<p class="report-partner">`).text(c.T("report.with", "partner", d.Partner)).raw("</p>")
		if len(d.Resources) > 0 {
			f.raw("\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"").text(d.ID).raw("-res\">\n<table>\n").
				raw(`<caption id="`).text(d.ID).raw(`-res">`).text(c.T("report.resources_caption")).raw("</caption>\n").
				raw(`<thead><tr><th scope="col">`).text(c.T("table.from")).raw(`</th><th scope="col">`).text(c.T("table.kind")).
				raw(`</th><th scope="col" class="num">`).text(c.T("table.amount")).raw(`</th><th scope="col">`).text(c.T("table.what")).
				raw(`</th><th scope="col">`).text(c.T("table.date")).raw(`</th><th scope="col" class="num">`).text(c.T("table.value")).
				raw("</th></tr></thead>\n<tbody>")
			for _, r := range d.Resources {
				f.raw("\n<tr><td data-label=\"").text(c.T("table.from")).raw(`">`).text(r.Side).
					raw(`</td><td data-label="`).text(c.T("table.kind")).raw(`">`).text(r.Kind).
					raw(`</td><td class="num" data-label="`).text(c.T("table.amount")).raw(`">`).text(r.Amount).
					raw(`</td><td data-label="`).text(c.T("table.what")).raw(`">`).text(r.Description).
					raw(`</td><td data-label="`).text(c.T("table.date")).raw(`">`).text(r.Date).
					raw(`</td><td class="num" data-label="`).text(c.T("table.value")).raw(`">`).text(r.Value)
				if r.Estimate {
					f.raw(` <span class="estimate">`).text(c.T("table.estimate")).raw("</span>")
				}
				f.raw("</td></tr>")
			}
			f.raw("\n</tbody>\n</table>\n</div>")
		}
		if len(d.Declined) > 0 {
			f.raw("\n<h4>").text(c.T("report.declined_heading")).raw("</h4>\n<ul class=\"declined\">")
			for _, a := range d.Declined {
				f.raw("\n<li><p><strong>").text(a.Ask).raw("</strong> ").date(a.Date).raw(`</p><p class="reason">`).text(a.Reason).raw("</p></li>")
			}
			f.raw("\n</ul>")
		}
		if len(d.Surveys) > 0 {
			f.raw("\n").raw(string(surveyTable(c, d.ID+"-surveys", d.Surveys)))
		}
		if len(d.Outcomes) > 0 {
			f.raw("\n<h4>").text(c.T("report.outcomes_heading")).raw("</h4>\n<ul class=\"report-outcomes\">")
			for _, o := range d.Outcomes {
				f.raw("\n<li><strong>").text(o.Value).raw("</strong>: ").text(o.Measure)
				if o.Counted {
					f.raw(` <span class="counted">`).text(c.T("table.counted")).raw("</span>")
				}
				if o.Note != "" {
					f.raw(` <span class="note">(`).text(o.Note).raw(")</span>")
				}
				f.raw("</li>")
			}
			f.raw("\n</ul>")
		}
		f.raw("\n</article>")
	}
	return f.html()
}

// subtotalItems are the lines of a side's subtotals.
func subtotalItems(c *i18n.Catalog, subs []Subtotal) template.HTML {
	var f frag
	for _, s := range subs {
		f.raw("\n<div><dt>").text(s.Label).raw("</dt><dd>").text(s.Value)
		if s.Estimated {
			f.raw(` <span class="estimate">`).text(c.T("table.estimate")).raw("</span>")
		}
		f.raw("</dd></div>")
	}
	return f.html()
}
