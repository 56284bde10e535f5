package ledger

import (
	"math"

	"github.com/alongside-dev/alongside/generator/content"
)

// A MeasureSum is the sum of one site measure (site.toml's [measures]):
// the values of the outcomes that name it. Outcomes with a free-text
// measure are never summed, and two measures are never added together,
// whatever their units.
type MeasureSum struct {
	Label string  `json:"label"`
	Unit  string  `json:"unit"`
	Value float64 `json:"value"`
	// Partnerships is the number of partnerships whose outcomes are in
	// Value. Not in the JSON.
	Partnerships int `json:"-"`
}

type measureTally struct {
	label, unit string
	value       acc
	profiles    map[*content.Profile]struct{}
}

func (t *tally) measure(p *content.Profile, o *content.Outcome) {
	if t.measures == nil {
		t.measures = map[string]*measureTally{}
	}
	m := t.measures[o.MeasureID]
	if m == nil {
		m = &measureTally{label: o.Measure, unit: o.Unit, profiles: map[*content.Profile]struct{}{}}
		t.measures[o.MeasureID] = m
	}
	m.value.add(o.Value)
	m.profiles[p] = struct{}{}
}

func (t *tally) measureSums() map[string]MeasureSum {
	out := make(map[string]MeasureSum, len(t.measures))
	for id, m := range t.measures {
		out[id] = MeasureSum{Label: m.label, Unit: m.unit, Value: m.value.value(), Partnerships: len(m.profiles)}
	}
	return out
}

// MeasureIDs returns the ids of the measures in t in the order of the
// site's [measures] (cfg.Measures).
func (t Totals) MeasureIDs(cfg *content.Config) []string {
	var out []string
	for _, m := range cfg.Measures {
		if _, ok := t.Measures[m.ID]; ok {
			out = append(out, m.ID)
		}
	}
	return out
}

// SurveyTotals are the Project Outcome surveys of a set of profiles,
// added up: overall, and per topic (content.SurveyTopics). Its JSON is
// the "surveys" object of the totals.
type SurveyTotals struct {
	All    SurveySum            `json:"all"`
	Topics map[string]SurveySum `json:"topics"` // the topics that occur; never nil
}

// A SurveySum is surveys added up: the respondents, and per outcome the
// respondents who agreed. A share is always a sum of counts over a sum of
// respondents (see Share), never an average of each survey's percentage.
type SurveySum struct {
	Respondents int `json:"respondents"`
	Knowledge   int `json:"knowledge"`
	Confidence  int `json:"confidence"`
	Application int `json:"application"`
	Awareness   int `json:"awareness"`
	// Surveys and Partnerships count the surveys in the sum and the
	// partnerships that held them. Not in the JSON.
	Surveys      int `json:"-"`
	Partnerships int `json:"-"`
}

// Agreed is the number of respondents who agreed on outcome (one of
// content.SurveyOutcomes); 0 for anything else.
func (s SurveySum) Agreed(outcome string) int {
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

// Share is the share of respondents who agreed on outcome, from 0 to 1:
// Σagreed / Σrespondents. It is 0 without respondents.
func (s SurveySum) Share(outcome string) float64 {
	if s.Respondents == 0 {
		return 0
	}
	return float64(s.Agreed(outcome)) / float64(s.Respondents)
}

// Percent is Share as a whole percentage, rounded half up: 0.875 → 88.
func (s SurveySum) Percent(outcome string) int {
	if s.Respondents == 0 {
		return 0
	}
	if s.Respondents >= 1<<50 { // beyond any real survey: 200 × a count could overflow
		return int(math.Round(100 * s.Share(outcome)))
	}
	// In integers, so that 7/8 is 88 and never 87 by a float's error.
	return (200*s.Agreed(outcome) + s.Respondents) / (2 * s.Respondents)
}

func (s *SurveySum) add(v *content.Survey) {
	s.Respondents += v.Respondents
	s.Knowledge += v.Knowledge
	s.Confidence += v.Confidence
	s.Application += v.Application
	s.Awareness += v.Awareness
	s.Surveys++
}

type surveyTally struct {
	all      SurveySum
	topics   map[string]*SurveySum
	profiles map[string]map[*content.Profile]struct{} // by topic; "" for all
}

func (t *surveyTally) add(p *content.Profile, v *content.Survey) {
	if t.topics == nil {
		t.topics = map[string]*SurveySum{}
		t.profiles = map[string]map[*content.Profile]struct{}{}
	}
	s := t.topics[v.Topic]
	if s == nil {
		s = &SurveySum{}
		t.topics[v.Topic] = s
	}
	s.add(v)
	t.all.add(v)
	for _, k := range []string{"", v.Topic} {
		if t.profiles[k] == nil {
			t.profiles[k] = map[*content.Profile]struct{}{}
		}
		t.profiles[k][p] = struct{}{}
	}
}

func (t *surveyTally) totals() SurveyTotals {
	out := SurveyTotals{All: t.all, Topics: make(map[string]SurveySum, len(t.topics))}
	out.All.Partnerships = len(t.profiles[""])
	for k, s := range t.topics {
		sum := *s
		sum.Partnerships = len(t.profiles[k])
		out.Topics[k] = sum
	}
	return out
}

// TopicIDs returns the topics in t in the order of content.SurveyTopics.
func (t SurveyTotals) TopicIDs() []string {
	var out []string
	for _, k := range content.SurveyTopics {
		if _, ok := t.Topics[k]; ok {
			out = append(out, k)
		}
	}
	return out
}
