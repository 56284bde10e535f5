package content

import "strings"

// A Label is how pages, charts and data name a value of one of the
// enumerations Statuses, ReviewStates, Sides, Kinds, AskStatuses,
// SurveyTopics and SurveyOutcomes.
type Label struct {
	Text string // "In progress"
	Icon string // a symbol shown beside Text, never alone; "" when none
}

// labels holds the Label of every value of every enumeration. No value
// belongs to two of them.
var labels = map[string]Label{
	"planning":  {"Planning", "○"},
	"active":    {"Active", "●"},
	"paused":    {"Paused", "‖"},
	"completed": {"Completed", "✓"},

	"draft":             {Text: "Draft"},
	"in_review":         {Text: "In review"},
	"changes_requested": {Text: "Changes requested"},
	"approved":          {Text: "Approved"},

	"library": {Text: "Library"},
	"partner": {Text: "Partner"},

	"money":      {Text: "Money"},
	"staff_time": {Text: "Staff time"},
	"space":      {Text: "Space"},
	"marketing":  {Text: "Marketing"},
	"equipment":  {Text: "Equipment"},
	"materials":  {Text: "Materials"},
	"other":      {Text: "Other"},

	"delivered":   {"Delivered", "✓"},
	"in_progress": {"In progress", "◐"},
	"planned":     {"Planned", "○"},
	"declined":    {"Declined", "✕"},

	// Project Outcome's service areas and the statements its patron
	// surveys ask about, as its reports word them.
	"civic-community-engagement":  {Text: "Civic/community engagement"},
	"digital-learning":            {Text: "Digital learning"},
	"early-childhood-literacy":    {Text: "Early childhood literacy"},
	"economic-development":        {Text: "Economic development"},
	"education-lifelong-learning": {Text: "Education/lifelong learning"},
	"health":                      {Text: "Health"},
	"job-skills":                  {Text: "Job skills"},
	"summer-reading":              {Text: "Summer reading"},

	"knowledge":   {Text: "Learned something helpful"},
	"confidence":  {Text: "Feel more confident about what they learned"},
	"application": {Text: "Intend to apply what they learned"},
	"awareness":   {Text: "More aware of the library's resources and services"},
}

// LabelOf returns the label of v, a value of one of the enumerations:
// "in_progress" → "In progress" with "◐", "staff_time" → "Staff time".
// Any other value is its own text, underscores as spaces ("" for "").
func LabelOf(v string) Label {
	if l, ok := labels[v]; ok {
		return l
	}
	return Label{Text: strings.ReplaceAll(v, "_", " ")}
}
