package content

import "testing"

// TestLabels: every value of every enumeration has its own label, and
// the table holds nothing else.
func TestLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, enum := range [][]string{Statuses, ReviewStates, Sides, Kinds, AskStatuses, SurveyTopics, SurveyOutcomes} {
		for _, v := range enum {
			if seen[v] {
				t.Errorf("%q is in two enumerations: LabelOf cannot tell them apart", v)
			}
			seen[v] = true
			if _, ok := labels[v]; !ok {
				t.Errorf("%q has no label", v)
			}
		}
	}
	for v := range labels {
		if !seen[v] {
			t.Errorf("label of %q, which no enumeration holds", v)
		}
	}
	for v, want := range map[string]Label{
		"in_progress": {"In progress", "◐"}, "staff_time": {Text: "Staff time"},
		"library": {Text: "Library"}, "not_a_value": {Text: "not a value"}, "": {},
	} {
		if got := LabelOf(v); got != want {
			t.Errorf("LabelOf(%q) = %+v, want %+v", v, got, want)
		}
	}
}
