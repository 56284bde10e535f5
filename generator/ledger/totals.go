package ledger

import (
	"slices"

	"github.com/alongside-dev/alongside/generator/content"
)

// Totals are the figures of SPEC §4 for a set of profiles. Its JSON
// encoding is the "totals" object of /data/partnerships.json, keys in the
// spec's order.
type Totals struct {
	Library      Side                  `json:"library"`
	Partner      Side                  `json:"partner"`
	Asks         AskCounts             `json:"asks"`
	Partnerships StatusCounts          `json:"partnerships"`
	Measures     map[string]MeasureSum `json:"measures"` // by measure id; never nil
	Surveys      SurveyTotals          `json:"surveys"`

	// Organizations is the number of partner organizations of the
	// partnerships counted, each once (by partner slug). Not in the JSON.
	Organizations int `json:"-"`
}

// Side is what one side put in.
type Side struct {
	Money          map[string]float64 `json:"money"`       // amount per currency; never nil
	StaffHours     float64            `json:"staff_hours"` // staff_time
	RoomHours      float64            `json:"room_hours"`  // space
	EstimatedValue float64            `json:"estimated_value"`
	// TotalValue is everything that has a value, in the site currency:
	// money in it, the stated value of money in another currency, and
	// valued in-kind support (EstimatedValue). It includes estimates.
	TotalValue float64 `json:"total_value"`

	// Kinds holds a Sum per kind of resource that occurs.
	Kinds map[string]Sum `json:"-"`
}

// A Sum is one kind of resource from one side.
type Sum struct {
	Items    int     // resources of the kind
	Value    float64 // the sum of the values, in the site currency, of those that have one
	Unvalued int     // resources without a value
}

// Unvalued is the number of the side's resources without a value: those
// that no figure in the site currency includes.
func (s *Side) Unvalued() int {
	n := 0
	for _, k := range s.Kinds {
		n += k.Unvalued
	}
	return n
}

// EstimatedItems is the number of the side's resources in EstimatedValue:
// in-kind support (every kind but money) with a value.
func (s *Side) EstimatedItems() int {
	n := 0
	for kind, k := range s.Kinds {
		if kind != "money" {
			n += k.Items - k.Unvalued
		}
	}
	return n
}

// Side returns the totals of "library" or "partner" (nil for anything else).
func (t *Totals) Side(from string) *Side {
	switch from {
	case "library":
		return &t.Library
	case "partner":
		return &t.Partner
	}
	return nil
}

// AskCounts is the number of asks per status, in the order of
// content.AskStatuses.
type AskCounts struct {
	Delivered  int `json:"delivered"`
	InProgress int `json:"in_progress"`
	Planned    int `json:"planned"`
	Declined   int `json:"declined"`
}

// Get returns the count of status ("delivered", …); 0 for anything else.
func (c AskCounts) Get(status string) int {
	if p := c.field(status); p != nil {
		return *p
	}
	return 0
}

// Total is the number of asks.
func (c AskCounts) Total() int { return c.Delivered + c.InProgress + c.Planned + c.Declined }

func (c *AskCounts) field(status string) *int {
	switch status {
	case "delivered":
		return &c.Delivered
	case "in_progress":
		return &c.InProgress
	case "planned":
		return &c.Planned
	case "declined":
		return &c.Declined
	}
	return nil
}

// StatusCounts is the number of partnerships per status, in the order of
// content.Statuses.
type StatusCounts struct {
	Planning  int `json:"planning"`
	Active    int `json:"active"`
	Paused    int `json:"paused"`
	Completed int `json:"completed"`
}

// Get returns the count of status ("planning", …); 0 for anything else.
func (c StatusCounts) Get(status string) int {
	if p := c.field(status); p != nil {
		return *p
	}
	return 0
}

// Total is the number of partnerships.
func (c StatusCounts) Total() int { return c.Planning + c.Active + c.Paused + c.Completed }

func (c *StatusCounts) field(status string) *int {
	switch status {
	case "planning":
		return &c.Planning
	case "active":
		return &c.Active
	case "paused":
		return &c.Paused
	case "completed":
		return &c.Completed
	}
	return nil
}

// Compute adds up every resource, ask, outcome and partnership of profiles.
func Compute(profiles []*content.Profile) Totals {
	var t tally
	for _, p := range profiles {
		t.profile(p, nil)
	}
	return t.totals()
}

// Of is the totals of one profile: its subtotals per side, its asks by
// status, its site measures and its surveys.
func Of(p *content.Profile) Totals { return Compute([]*content.Profile{p}) }

// ForYear adds up what belongs to fy (see the package documentation): the
// resources, asks, outcomes and surveys dated in it, and the partnerships involved
// in it. today ends the span of partnerships without an end.
func ForYear(profiles []*content.Profile, fy FiscalYear, today content.Date) Totals {
	var t tally
	for _, p := range profiles {
		if Involved(p, fy, today) {
			t.profile(p, fy.Contains)
		}
	}
	return t.totals()
}

// tally accumulates Totals exactly.
type tally struct {
	sides    [2]sideTally
	asks     AskCounts
	statuses StatusCounts
	measures map[string]*measureTally
	surveys  surveyTally
	orgs     map[string]struct{} // partner slugs
}

type sideTally struct {
	money                   accs
	staff, room, est, value acc
	kinds                   [7]kindTally // in the order of content.Kinds
}

type kindTally struct {
	items, unvalued int
	value           acc
}

// profile counts p, and of its resources, asks, outcomes and surveys
// those whose date satisfies in (all of them when in is nil).
func (t *tally) profile(p *content.Profile, in func(content.Date) bool) {
	ok := func(d content.Date) bool { return in == nil || in(d) }
	if n := t.statuses.field(p.Status); n != nil {
		*n++
	}
	if t.orgs == nil {
		t.orgs = map[string]struct{}{}
	}
	t.orgs[p.Partner.Slug] = struct{}{}
	for i := range p.Resources {
		if r := &p.Resources[i]; ok(r.Date) {
			t.resource(r)
		}
	}
	for i := range p.Asks {
		if a := &p.Asks[i]; ok(askDate(p, a)) {
			if n := t.asks.field(a.Status); n != nil {
				*n++
			}
		}
	}
	for i := range p.Outcomes {
		if o := &p.Outcomes[i]; o.MeasureID != "" && ok(o.Date) {
			t.measure(p, o)
		}
	}
	for i := range p.Surveys {
		if s := &p.Surveys[i]; ok(s.Date) {
			t.surveys.add(p, s)
		}
	}
}

func (t *tally) resource(r *content.Resource) {
	var s *sideTally
	switch r.From {
	case "library":
		s = &t.sides[0]
	case "partner":
		s = &t.sides[1]
	default:
		return
	}
	switch r.Kind {
	case "money":
		if s.money == nil {
			s.money = accs{}
		}
		s.money.add(r.Currency, r.Amount)
	case "staff_time":
		s.staff.add(r.Amount)
	case "space":
		s.room.add(r.Amount)
	}
	i := slices.Index(content.Kinds, r.Kind)
	if i < 0 || i >= len(s.kinds) {
		return
	}
	k := &s.kinds[i]
	k.items++
	if !r.Valued {
		k.unvalued++
		return
	}
	k.value.add(r.Value)
	s.value.add(r.Value)
	if r.Kind != "money" {
		s.est.add(r.Value)
	}
}

func (t *tally) totals() Totals {
	return Totals{
		Library:      t.sides[0].side(),
		Partner:      t.sides[1].side(),
		Asks:         t.asks,
		Partnerships: t.statuses,
		Measures:     t.measureSums(),
		Surveys:      t.surveys.totals(),

		Organizations: len(t.orgs),
	}
}

func (s *sideTally) side() Side {
	out := Side{
		Money:          s.money.values(),
		StaffHours:     s.staff.value(),
		RoomHours:      s.room.value(),
		EstimatedValue: s.est.value(),
		TotalValue:     s.value.value(),
		Kinds:          map[string]Sum{},
	}
	for i, k := range s.kinds {
		if k.items > 0 {
			out.Kinds[content.Kinds[i]] = Sum{Items: k.items, Value: k.value.value(), Unvalued: k.unvalued}
		}
	}
	return out
}
