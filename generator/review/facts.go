package review

import (
	"strings"
	"sync"
	"unicode"

	"github.com/alongside-dev/alongside/generator/i18n"
	"github.com/alongside-dev/alongside/generator/render"
)

// A Fact is one thing a profile page states, for the partner to confirm
// or correct.
type Fact struct {
	Section string // "The partnership", "What each side put in", …
	Label   string // "Title", "From the library", "Ask"
	Text    string // the fact, worded and formatted as the page states it
	// Lang is the language of Text when it is not the proof's: the
	// default language's words where the profile has no translation of
	// its title, summary or the partner's description. "" otherwise.
	Lang string
	N    int // its number in the checklist, from 1
}

// Facts lists every fact the page of a profile states, from its view
// (render.Profile), in the order of the page: the partnership (title,
// summary, partner, website, the partner's description from its own
// page, status, dates, branches, neighborhoods, audiences, languages,
// tags); the partner's quote; each resource with its amount, unit, date
// and value; each ask with its status, date and reason; each outcome with
// its value, unit, date and note; each survey with its counts; the
// photo's description and credit; and the review note. The story is one
// last item: it is read on the page itself.
//
// The sections, labels and the words around each fact are those of c,
// the catalog of the view's language (nil: the built-in English); the
// facts themselves are the view's, already in that language.
func Facts(v *render.Profile, c *i18n.Catalog) []Fact {
	if c == nil {
		c = english()
	}
	var out []Fact
	add := func(section, label, text string) *Fact {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		out = append(out, Fact{Section: c.T("proof.section." + section), Label: label, Text: text})
		return &out[len(out)-1]
	}
	fact := func(key string) string { return c.T("proof.fact." + key) }
	count := func(key string, n int) string { return c.N(key, float64(n)) }
	inLang := func(f *Fact, lang string) {
		if f != nil {
			f.Lang = lang
		}
	}

	inLang(add("partnership", fact("title"), v.Title), v.TitleLang)
	inLang(add("partnership", fact("summary"), v.Summary), v.SummaryLang)
	add("partnership", fact("partner"), v.Partner.Name)
	add("partnership", fact("website"), v.Partner.Website)
	inLang(add("partnership", fact("about"), v.Partner.About), v.Partner.AboutLang)
	add("partnership", fact("status"), v.Status.Text)
	add("partnership", fact("dates"), v.Dates)
	add("partnership", count("taxonomy.branches.label", len(v.Branches)), names(c, v.Branches))
	add("partnership", count("taxonomy.neighborhoods.label", len(v.Neighborhoods)), names(c, v.Neighborhoods))
	add("partnership", count("taxonomy.audiences.label", len(v.Audiences)), names(c, v.Audiences))
	add("partnership", count("profile.fact.languages", len(v.Languages)), list(c, v.Languages))
	add("partnership", count("taxonomy.tags.label", len(v.Tags)), names(c, v.Tags))

	if v.Voice != nil {
		add("voice", fact("quote"), c.T("proof.marks.quote", "quote", v.Voice.Quote, "by", v.Voice.By))
		if v.Voice.Translation != "" {
			add("voice", fact("translation"), c.T("proof.marks.quoted", "text", v.Voice.Translation))
		}
	}
	if v.Photo != nil {
		add("photo", fact("photo_alt"), v.Photo.Alt)
		add("photo", fact("photo_credit"), v.Photo.Credit)
	}

	for _, s := range v.Sides {
		label := c.T("proof.fact.from_library", "name", s.Name)
		if s.Key == "partner" {
			label = c.T("proof.fact.from_partner", "name", s.Name)
		}
		for _, r := range s.Rows {
			text := list(c, []string{r.Kind, r.Amount, r.Date.Text})
			if r.Description != "" {
				text = r.Description + ": " + text
			}
			switch {
			case r.Value != "" && r.Estimated:
				text = c.T("proof.text.value_estimate", "text", text, "value", r.Value)
			case r.Value != "":
				text = c.T("proof.text.value", "text", text, "value", r.Value)
			default:
				text = c.T("proof.text.not_valued", "text", text)
			}
			add("resources", label, text)
		}
	}

	for _, a := range v.Asks {
		text := c.T("proof.marks.quoted", "text", a.Ask) + ": " + list(c, []string{a.Status.Text, a.Date.Text})
		switch {
		case a.Reason != "" && a.Status.Key == "declined":
			text = c.T("proof.text.declined", "text", text, "reason", a.Reason)
		case a.Reason != "":
			text = c.T("proof.text.note", "text", text, "reason", a.Reason)
		}
		add("asks", fact("ask"), text)
	}

	for _, o := range v.Outcomes {
		text := o.Measure + ": " + list(c, []string{o.Value, o.Date.Text})
		if o.Note != "" {
			text += ". " + o.Note
		}
		add("outcomes", fact("outcome"), text)
	}

	for _, s := range v.Surveys {
		surveyed := c.N("count.people_surveyed", digits(s.Respondents), "count", s.Respondents)
		text := s.Topic + ", " + list(c, []string{s.Date.Text, surveyed})
		for i, statement := range surveyStatements {
			if i < len(s.Agreed) {
				text += "; " + c.T("proof.text."+statement) + ": " + s.Agreed[i]
			}
		}
		add("outcomes", fact("survey"), text)
	}

	if v.Review.Approved {
		add("review", fact("approved"), c.T("proof.text.approved", "partner", v.Review.Partner, "date", v.Review.Date.Text))
		add("review", fact("approved_by"), v.Review.By)
	}
	add("review", fact("review_note"), v.Review.Note)
	add("story", fact("story"), c.T("proof.text.story"))
	for i := range out {
		out[i].N = i + 1
	}
	return out
}

// surveyStatements are the keys of the Project Outcome statements in
// proof.text, in the order of content.SurveyOutcomes, as a survey fact
// words them.
var surveyStatements = []string{"knowledge", "confidence", "application", "awareness"}

// english is the built-in English catalog, for Facts without one.
var english = sync.OnceValue(func() *i18n.Catalog {
	c, _ := i18n.Load(nil, "", "en")
	return c
})

func names(c *i18n.Catalog, links []render.Link) string {
	s := make([]string, len(links))
	for i, l := range links {
		s[i] = l.Title
	}
	return list(c, s)
}

// list joins the non-empty items as c writes a list's first items
// (list.middle): "a, b, c" in English.
func list(c *i18n.Catalog, items []string) string {
	s := ""
	for i := len(items) - 1; i >= 0; i-- {
		switch {
		case items[i] == "":
		case s == "":
			s = items[i]
		default:
			s = c.T("list.middle", "first", items[i], "rest", s)
		}
	}
	return s
}

// digits is the whole number that a count written by a catalog shows, in
// any script's digits ("1,234", "١٢"), for choosing its plural form. In
// Unicode every decimal digit is in a run of ten, zero to nine, and runs
// follow one another: a digit's value is how many digits come before it
// in its run of runs, modulo ten.
func digits(s string) float64 {
	n := 0.0
	for _, r := range s {
		if !unicode.IsDigit(r) {
			continue
		}
		d := 0
		for z := r - 1; unicode.IsDigit(z); z-- {
			d++
		}
		n = n*10 + float64(d%10)
	}
	return n
}
