package review

import (
	"strings"

	"github.com/alongside-dev/alongside/generator/render"
)

// A Fact is one thing a profile page states, for the partner to confirm
// or correct.
type Fact struct {
	Section string // "The partnership", "What each side put in", …
	Label   string // "Title", "From the library", "Ask"
	Text    string // the fact, worded and formatted as the page states it
	N       int    // its number in the checklist, from 1
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
func Facts(v *render.Profile) []Fact {
	var out []Fact
	add := func(section, label, text string) {
		if strings.TrimSpace(text) != "" {
			out = append(out, Fact{Section: section, Label: label, Text: text})
		}
	}
	const about = "The partnership"
	add(about, "Title", v.Title)
	add(about, "Summary", v.Summary)
	add(about, "Partner", v.Partner.Name)
	add(about, "Partner's website", v.Partner.Website)
	add(about, "About the partner (on the partner's own page)", v.Partner.About)
	add(about, "Status", v.Status.Text)
	add(about, "Dates", v.Dates)
	add(about, plural(len(v.Branches), "Branch", "Branches"), names(v.Branches))
	add(about, plural(len(v.Neighborhoods), "Neighborhood", "Neighborhoods"), names(v.Neighborhoods))
	add(about, plural(len(v.Audiences), "Audience", "Audiences"), names(v.Audiences))
	add(about, plural(len(v.Languages), "Language", "Languages"), strings.Join(v.Languages, ", "))
	add(about, plural(len(v.Tags), "Tag", "Tags"), names(v.Tags))

	if v.Voice != nil {
		add("In the partner's words", "Quote", "“"+v.Voice.Quote+"” — "+v.Voice.By)
		if v.Voice.Translation != "" {
			add("In the partner's words", "Translation", "“"+v.Voice.Translation+"”")
		}
	}
	if v.Photo != nil {
		add("Photo", "What the photo shows", v.Photo.Alt)
		add("Photo", "Photo credit", v.Photo.Credit)
	}

	for _, s := range v.Sides {
		label := "From the library (" + s.Name + ")"
		if s.Key == "partner" {
			label = "From the partner (" + s.Name + ")"
		}
		for _, r := range s.Rows {
			text := join(", ", r.Kind, r.Amount, r.Date.Text)
			if r.Description != "" {
				text = r.Description + ": " + text
			}
			switch {
			case r.Value != "" && r.Estimated:
				text += "; value " + r.Value + " (estimate)"
			case r.Value != "":
				text += "; value " + r.Value
			default:
				text += "; not valued"
			}
			add("What each side put in", label, text)
		}
	}

	for _, a := range v.Asks {
		text := "“" + a.Ask + "”: " + join(", ", a.Status.Text, a.Date.Text)
		switch {
		case a.Reason != "" && a.Status.Key == "declined":
			text += ". Why the library said no: " + a.Reason
		case a.Reason != "":
			text += ". Note: " + a.Reason
		}
		add("What the partner asked for", "Ask", text)
	}

	for _, o := range v.Outcomes {
		text := o.Measure + ": " + join(", ", o.Value, o.Date.Text)
		if o.Note != "" {
			text += ". " + o.Note
		}
		add("What came of it", "Outcome", text)
	}

	for _, s := range v.Surveys {
		text := s.Topic + ", " + join(", ", s.Date.Text, s.Respondents+" people surveyed")
		for i, statement := range surveyStatements {
			if i < len(s.Agreed) {
				text += "; " + statement + ": " + s.Agreed[i]
			}
		}
		add("What came of it", "Survey", text)
	}

	const review = "The review"
	if v.Review.Approved {
		add(review, "Approved", "By "+v.Review.Partner+" on "+v.Review.Date.Text)
		add(review, "Approved by", v.Review.By)
	}
	add(review, "Review note", v.Review.Note)
	add("The story", "The story", "Everything the story on the page says (mark any sentence to change on the page itself)")
	for i := range out {
		out[i].N = i + 1
	}
	return out
}

// surveyStatements are the Project Outcome statements, in the order of
// content.SurveyOutcomes, as a survey fact words them.
var surveyStatements = []string{"learned something helpful", "more confident", "intend to apply it", "more aware of the library's resources"}

func names(links []render.Link) string {
	s := make([]string, len(links))
	for i, l := range links {
		s[i] = l.Title
	}
	return strings.Join(s, ", ")
}

// join joins the non-empty parts with sep.
func join(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
