package i18n

import (
	"github.com/alongside-dev/alongside/generator/content"
)

// labelPrefixes are the keys of the values of content's enumerations:
// the value "in_progress" of AskStatuses is ask.status.in_progress.
var labelPrefixes = []struct {
	prefix string
	values []string
}{
	{"status.", content.Statuses},
	{"review.", content.ReviewStates},
	{"side.", content.Sides},
	{"kind.", content.Kinds},
	{"ask.status.", content.AskStatuses},
	{"survey.topic.", content.SurveyTopics},
	{"survey.outcome.", content.SurveyOutcomes},
}

// labels maps every value of content's enumerations to its text in c.
func labels(c *Catalog) map[string]string {
	m := map[string]string{}
	for _, p := range labelPrefixes {
		for _, v := range p.values {
			if e := c.msgs[p.prefix+v]; e != nil {
				m[v] = e.forms[0].s
			}
		}
	}
	return m
}
