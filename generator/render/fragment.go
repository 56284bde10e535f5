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
func resourceTable(sd *Side, currency string) template.HTML {
	var f frag
	f.Grow(600 + len(sd.Rows)*320)
	f.raw(`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="caption-`).raw(sd.Key).raw("\">\n<table>\n").
		raw(`<caption id="caption-`).raw(sd.Key).raw(`" class="visually-hidden">What <bdi>`).text(sd.Name).raw("</bdi> put in</caption>\n").
		raw(`<thead>
<tr><th scope="col">What</th><th scope="col">Kind</th><th scope="col" class="num">Amount</th><th scope="col">Date</th><th scope="col" class="num">Value (`).text(currency).raw(")</th></tr>\n</thead>\n<tbody>")
	for _, r := range sd.Rows {
		what := r.Description
		if what == "" {
			what = r.Kind
		}
		f.raw("\n<tr><th scope=\"row\">").text(what).raw(`</th><td data-label="Kind">`).text(r.Kind).
			raw(`</td><td class="num" data-label="Amount">`).text(r.Amount).raw(`</td><td data-label="Date">`).date(r.Date).
			raw(`</td><td class="num" data-label="Value (`).text(currency).raw(`)">`)
		switch {
		case r.Value == "":
			f.raw(`<span class="not-valued">not valued</span>`)
		case r.Estimated:
			f.text(r.Value).raw(` <span class="estimate">estimate</span>`)
		default:
			f.text(r.Value)
		}
		f.raw("</td></tr>")
	}
	f.raw("\n</tbody>\n</table>\n</div>")
	return f.html()
}

// askItems is the content of the asks list: one <li> per ask.
func askItems(asks []Ask) template.HTML {
	var f frag
	f.Grow(len(asks) * 400)
	for _, a := range asks {
		f.raw("\n<li class=\"ask ask-").text(a.Status.Key).raw("\">\n<p class=\"ask-head\">").status(a.Status)
		if a.Date.ISO != "" {
			f.raw(` <span class="ask-date">`).date(a.Date).raw("</span>")
		}
		f.raw("</p>\n<p class=\"ask-text\">").text(a.Ask).raw("</p>")
		if a.Where != nil {
			f.raw("\n<p class=\"ask-where\">In <a href=\"").text(a.Where.URL).raw(`">`).text(a.Where.Title).raw("</a></p>")
		}
		if a.Reason != "" {
			if a.Status.Key == "declined" {
				f.raw("\n<p class=\"reason\"><strong>Why the library said no:</strong> ")
			} else {
				f.raw("\n<p class=\"reason\"><strong>Note:</strong> ")
			}
			f.text(a.Reason).raw("</p>")
		}
		f.raw("\n</li>")
	}
	return f.html()
}

// outcomeTable is the outcomes table in its scrolling region.
func outcomeTable(outs []Outcome) template.HTML {
	var f frag
	f.Grow(500 + len(outs)*200)
	f.raw(`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="caption-outcomes">
<table>
<caption id="caption-outcomes" class="visually-hidden">Outcomes</caption>
<thead>
<tr><th scope="col">Measure</th><th scope="col" class="num">Result</th><th scope="col">Date</th><th scope="col">Note</th></tr>
</thead>
<tbody>`)
	for _, o := range outs {
		f.raw("\n<tr><th scope=\"row\">").text(o.Measure)
		if o.Counted {
			f.raw(` <span class="counted">added up in the totals</span>`)
		}
		f.raw(`</th><td class="num" data-label="Result">`).text(o.Value).
			raw(`</td><td data-label="Date">`).date(o.Date).raw(`</td><td data-label="Note">`).text(o.Note).raw("</td></tr>")
	}
	f.raw("\n</tbody>\n</table>\n</div>")
	return f.html()
}

// surveyTable is a table of surveys in its scrolling region; id is the
// stem of its ids, caption its caption.
func surveyTable(id, caption string, svs []Survey) template.HTML {
	var f frag
	f.Grow(700 + len(svs)*300)
	f.raw(`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="caption-`).raw(id).raw("\">\n<table>\n").
		raw(`<caption id="caption-`).raw(id).raw(`">`).text(caption).raw(" (Project Outcome): how many agreed</caption>\n").
		raw(`<thead><tr><th scope="col">Topic</th><th scope="col">Date</th><th scope="col" class="num">Surveyed</th>`)
	for _, o := range content.SurveyOutcomes {
		f.raw(`<th scope="col" class="num">`).text(label(o).Text).raw("</th>")
	}
	f.raw("</tr></thead>\n<tbody>")
	for _, s := range svs {
		f.raw("\n<tr><th scope=\"row\">").text(s.Topic).raw(`</th><td data-label="Date">`).date(s.Date).
			raw(`</td><td class="num" data-label="Surveyed">`).text(s.Respondents).raw("</td>")
		for i, a := range s.Agreed {
			f.raw(`<td class="num"`)
			if i < len(content.SurveyOutcomes) {
				f.raw(` data-label="`).text(label(content.SurveyOutcomes[i]).Text).raw(`"`)
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
func factItems(v *Profile) template.HTML {
	var f frag
	f.Grow(1024)
	f.raw(`<div><dt>Partner</dt><dd><a href="`).text(v.Partner.URL).raw(`">`).text(v.Partner.Name).raw("</a>")
	if v.Partner.Website != "" {
		f.raw(` <span class="website">(website: <a href="`).text(v.Partner.Website).raw(`">`).text(v.Partner.WebsiteHost).raw("</a>)</span>")
	}
	f.raw("</dd></div>\n<div><dt>Status</dt><dd>").status(v.Status).raw("</dd></div>\n<div><dt>Dates</dt><dd>").text(v.Dates).raw("</dd></div>")
	line := func(one, many string, n int) bool {
		if n == 0 {
			return false
		}
		l := one
		if n > 1 {
			l = many
		}
		f.raw("\n<div><dt>").raw(l).raw("</dt><dd>")
		return true
	}
	for _, t := range []struct {
		one, many string
		links     []Link
	}{
		{"Branch", "Branches", v.Branches},
		{"Neighborhood", "Neighborhoods", v.Neighborhoods},
		{"Audience", "Audiences", v.Audiences},
		{"Language", "Languages", nil},
		{"Tag", "Tags", v.Tags},
	} {
		if t.one == "Language" {
			if line(t.one, t.many, len(v.Languages)) {
				f.text(strings.Join(v.Languages, ", ")).raw("</dd></div>")
			}
			continue
		}
		if line(t.one, t.many, len(t.links)) {
			f.links(t.links).raw("</dd></div>")
		}
	}
	return f.html()
}

// reportRowItems are the rows of an annual report's table.
func reportRowItems(rows []ReportRow) template.HTML {
	var f frag
	f.Grow(len(rows) * 700)
	for _, r := range rows {
		f.raw("\n<tr><th scope=\"row\"><a href=\"").text(r.URL).raw(`">`).text(r.Title).
			raw(`</a><br><span class="report-partner">`).text(r.Partner).raw("</span>")
		if r.HasDetails {
			f.raw(`<br><a class="report-more" href="#`).text(r.DetailID).raw(`">Details<span class="visually-hidden"> of `).text(r.Title).raw("</span></a>")
		}
		f.raw("</th>\n<td data-label=\"Status\">").status(r.Status).raw(`</td><td data-label="The library gave">`).text(r.Library).
			raw(`</td><td data-label="The partner gave">`).text(r.PartnerGave).
			raw(`</td><td data-label="Asks">`).text(r.Asks).raw(`</td><td data-label="Key outcomes">`).text(r.Outcomes).raw("</td></tr>")
	}
	return f.html()
}

// reportDetailItems are the itemized details of an annual report's
// partnerships: an <article> each.
func reportDetailItems(ds []ReportDetail) template.HTML {
	var f frag
	f.Grow(len(ds) * 2500)
	for _, d := range ds {
		f.raw("\n<article class=\"report-detail\" id=\"").text(d.ID).raw(`" aria-labelledby="`).text(d.ID).raw("-h\">\n").
			raw(`<h3 id="`).text(d.ID).raw(`-h"><a href="`).text(d.URL).raw(`">`).text(d.Title).raw("</a></h3>\n").
			raw(`<p class="report-partner">With `).text(d.Partner).raw("</p>")
		if len(d.Resources) > 0 {
			f.raw("\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"").text(d.ID).raw("-res\">\n<table>\n").
				raw(`<caption id="`).text(d.ID).raw("-res\">What each side put in</caption>\n").
				raw(`<thead><tr><th scope="col">From</th><th scope="col">Kind</th><th scope="col" class="num">Amount</th><th scope="col">What</th><th scope="col">Date</th><th scope="col" class="num">Value</th></tr></thead>` + "\n<tbody>")
			for _, r := range d.Resources {
				f.raw(`
<tr><td data-label="From">`).text(r.Side).raw(`</td><td data-label="Kind">`).text(r.Kind).
					raw(`</td><td class="num" data-label="Amount">`).text(r.Amount).
					raw(`</td><td data-label="What">`).text(r.Description).raw(`</td><td data-label="Date">`).text(r.Date).
					raw(`</td><td class="num" data-label="Value">`).text(r.Value)
				if r.Estimate {
					f.raw(` <span class="estimate">estimate</span>`)
				}
				f.raw("</td></tr>")
			}
			f.raw("\n</tbody>\n</table>\n</div>")
		}
		if len(d.Declined) > 0 {
			f.raw("\n<h4>Asks the library declined, and why</h4>\n<ul class=\"declined\">")
			for _, a := range d.Declined {
				f.raw("\n<li><p><strong>").text(a.Ask).raw("</strong> ").date(a.Date).raw(`</p><p class="reason">`).text(a.Reason).raw("</p></li>")
			}
			f.raw("\n</ul>")
		}
		if len(d.Surveys) > 0 {
			f.raw("\n").raw(string(surveyTable(d.ID+"-surveys", "Patron surveys", d.Surveys)))
		}
		if len(d.Outcomes) > 0 {
			f.raw("\n<h4>What came of it</h4>\n<ul class=\"report-outcomes\">")
			for _, o := range d.Outcomes {
				f.raw("\n<li><strong>").text(o.Value).raw("</strong>: ").text(o.Measure)
				if o.Counted {
					f.raw(` <span class="counted">added up in the totals</span>`)
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
func subtotalItems(subs []Subtotal) template.HTML {
	var f frag
	for _, s := range subs {
		f.raw("\n<div><dt>").text(s.Label).raw("</dt><dd>").text(s.Value)
		if s.Estimated {
			f.raw(` <span class="estimate">estimate</span>`)
		}
		f.raw("</dd></div>")
	}
	return f.html()
}
