package content

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// A Measure is one of site.toml's [measures.<id>]: an outcome that adds
// up across partnerships. Outcomes are summed by measure, never by unit:
// two measures in "people" are two quantities.
type Measure struct {
	ID          string // the table's name: "library_cards"
	Label       string // "New library cards"
	Unit        string // "cards"
	Description string // optional
}

// Measure returns the site measure id, if it is one.
func (c *Config) Measure(id string) (Measure, bool) {
	for _, m := range c.Measures {
		if m.ID == id {
			return m, true
		}
	}
	return Measure{}, false
}

// measureIDRE is the form of a measure id, and what an outcome's measure
// must look like to be taken for one: lower-case letters, digits and
// underscores, no spaces.
var measureIDRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// parseMeasures reads site.toml's [measures], in the order they are
// written.
func parseMeasures(t table) []Measure {
	mt, ok := t.sub("measures")
	if !ok {
		return nil
	}
	var out []Measure
	for id := range mt.m {
		sub, ok := mt.sub(id)
		if !ok {
			continue
		}
		if !measureIDRE.MatchString(id) {
			mt.errf(id, "%q is not a measure id: use lower-case letters, digits and underscores, like library_cards", id)
			continue
		}
		sub.known("label", "unit", "description")
		out = append(out, Measure{ID: id, Label: sub.str("label", true), Unit: sub.str("unit", true), Description: sub.str("description", false)})
	}
	line := func(id string) int { l, _ := mt.where(id); return l }
	slices.SortFunc(out, func(a, b Measure) int {
		return cmp.Or(cmp.Compare(line(a.ID), line(b.ID)), strings.Compare(a.ID, b.ID))
	})
	return out
}

// parseOutcome reads one [[outcomes]]. An outcome whose measure is a site
// measure's id takes the measure's label and unit, and its MeasureID; a
// measure that looks like an id but is none is an error.
func parseOutcome(o table, p *Profile, cfg *Config) Outcome {
	o.known(outcomeKeys...)
	out := Outcome{Measure: o.str("measure", true), Unit: o.str("unit", false), Note: o.str("note", false), Date: o.date("date", false)}
	out.Value, _ = o.num("value", true)
	out.DateSet = out.Date.Set()
	if !out.DateSet {
		out.Date = p.Start
	}
	if m, ok := cfg.Measure(out.Measure); ok {
		if _, has := o.m["unit"]; has {
			o.errf("unit", "%s is counted in %s, as site.toml [measures.%s] says; remove unit", m.ID, m.Unit, m.ID)
		}
		out.MeasureID, out.Measure, out.Unit = m.ID, m.Label, m.Unit
	} else if measureIDRE.MatchString(out.Measure) {
		ids := make([]string, len(cfg.Measures))
		for i, m := range cfg.Measures {
			ids[i] = m.ID
		}
		msg := fmt.Sprintf("%q is not a measure of site.toml", out.Measure)
		switch s := suggest(out.Measure, ids); {
		case s != "":
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		case len(ids) > 0:
			msg += " (its measures: " + strings.Join(ids, ", ") + ")"
		}
		o.errf("measure", "%s: define it as [measures.%s] in site.toml to add it up across partnerships, or write the measure in words to show it without adding it up", msg, out.Measure)
	}
	return out
}

// SurveyTopics are the service areas of PLA's Project Outcome, in the
// order pages list them.
var SurveyTopics = []string{
	"civic-community-engagement", "digital-learning", "early-childhood-literacy", "economic-development",
	"education-lifelong-learning", "health", "job-skills", "summer-reading",
}

// SurveyOutcomes are the four outcomes every Project Outcome patron
// survey asks about, in the order pages list them.
var SurveyOutcomes = []string{"knowledge", "confidence", "application", "awareness"}

// A Survey is one [[surveys]]: the results of a Project Outcome patron
// survey. Each count is the number of respondents who agreed or strongly
// agreed with the outcome's statement.
type Survey struct {
	Topic       string // one of SurveyTopics
	Date        Date   // as written, else the profile's start
	DateSet     bool
	Respondents int
	Knowledge   int // "I learned something helpful"
	Confidence  int // "I feel more confident about what I learned"
	Application int // "I intend to apply what I just learned"
	Awareness   int // "I am more aware of resources and services provided by the library"
}

// Agreed returns the count of outcome (one of SurveyOutcomes); 0 for
// anything else.
func (s *Survey) Agreed(outcome string) int {
	switch outcome {
	case "knowledge":
		return s.Knowledge
	case "confidence":
		return s.Confidence
	case "application":
		return s.Application
	case "awareness":
		return s.Awareness
	}
	return 0
}

var surveyKeys = []string{"topic", "date", "respondents", "knowledge", "confidence", "application", "awareness"}

// parseSurvey reads one [[surveys]].
func parseSurvey(t table, p *Profile) Survey {
	t.known(surveyKeys...)
	s := Survey{Topic: t.enum("topic", true, SurveyTopics...), Date: t.date("date", false)}
	s.DateSet = s.Date.Set()
	if !s.DateSet {
		s.Date = p.Start
	}
	most := -1 // the counts are not checked against respondents it cannot read
	if n, ok := t.count("respondents", 1, -1); ok {
		s.Respondents, most = n, n
	}
	for _, k := range SurveyOutcomes {
		n, _ := t.count(k, 0, most)
		switch k {
		case "knowledge":
			s.Knowledge = n
		case "confidence":
			s.Confidence = n
		case "application":
			s.Application = n
		case "awareness":
			s.Awareness = n
		}
	}
	return s
}

// count reads a required whole number of at least least and, when most
// is not negative, at most most (the respondents of a survey).
func (t table) count(k string, least, most int) (int, bool) {
	v, ok := t.m[k]
	if !ok {
		if k == "respondents" {
			t.missing(k)
		} else {
			t.errf(k, "missing: the number of respondents who agreed or strongly agreed (0 if none)")
		}
		return 0, false
	}
	n, isInt := v.(int64)
	switch {
	case !isInt:
		t.errf(k, "must be a whole number of people, not %s", tomlKind(v))
	case n < int64(least):
		t.errf(k, "must be at least %d, not %d", least, n)
	case n > MaxNumber:
		t.errf(k, "%d is more than a trillion: is a digit too many?", n)
	case most >= 0 && n > int64(most):
		t.errf(k, "%d is more than the %d respondents", n, most)
	default:
		return int(n), true
	}
	return 0, false
}
