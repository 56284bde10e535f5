package review

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/alongside-dev/alongside/generator/content"
)

// StaleDays is how long a review may wait in in_review or
// changes_requested before `check` warns.
const StaleDays = 60

// A Group is one part of the coordinator's worklist.
type Group struct {
	Key   string // "draft", "in_review", "changes_requested", "approved", "changed"
	Title string // "In review: waiting for the partner"
	Items []Item
}

// An Item is one profile in the worklist.
type Item struct {
	Profile *content.Profile
	// Days since review.date, when Known.
	Days  int
	Known bool
}

// groupTitles are the worklist's groups, in the order it prints them.
var groupTitles = []struct{ key, title string }{
	{"draft", "Draft: not yet sent to the partner"},
	{"in_review", "In review: waiting for the partner"},
	{"changes_requested", "Changes requested: the partner is waiting for us"},
	{"changed", "Approved, changed since approval: ask the partner again"},
	{"approved", "Approved and published"},
	{"invalid", "No valid review state: fix with alongside check"},
}

// Worklist sorts site's profiles into groups, in the order of
// groupTitles; "changed" holds approved profiles that are no longer
// Current, "invalid" those whose review.state is missing or wrong (it is
// left out when empty). In each group the longest waiting come first,
// those without a date last, then by slug.
func Worklist(site *content.Site, today content.Date) []Group {
	by := map[string]*Group{}
	groups := make([]Group, len(groupTitles))
	for i, g := range groupTitles {
		groups[i] = Group{Key: g.key, Title: g.title}
		by[g.key] = &groups[i]
	}
	for _, p := range site.Profiles {
		key := p.Review.State
		switch {
		case key == "approved" && !p.Current():
			key = "changed"
		case by[key] == nil || key == "changed":
			key = "invalid"
		}
		it := Item{Profile: p}
		if p.Review.Date.Set() {
			it.Days, it.Known = daysBetween(p.Review.Date, today), true
		}
		by[key].Items = append(by[key].Items, it)
	}
	for i := range groups {
		slices.SortStableFunc(groups[i].Items, func(a, b Item) int {
			switch {
			case a.Known != b.Known:
				if a.Known {
					return -1
				}
				return 1
			case a.Days != b.Days:
				return b.Days - a.Days
			}
			return strings.Compare(a.Profile.Slug, b.Profile.Slug)
		})
	}
	if last := groups[len(groups)-1]; len(last.Items) == 0 {
		groups = groups[:len(groups)-1]
	}
	return groups
}

// daysBetween counts whole days from a to b (negative when b is earlier).
func daysBetween(a, b content.Date) int {
	return int(b.Sub(a.Time).Hours() / 24)
}

// WriteWorklist prints groups as plain text for a terminal: a heading
// with a count for each group, then one line per profile in aligned
// columns: slug, partner, review date, days since that date, and what
// needs doing when anything does.
func WriteWorklist(w io.Writer, groups []Group) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	for i, g := range groups {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s (%d)\n", g.Title, len(g.Items))
		if len(g.Items) == 0 {
			fmt.Fprintln(tw, "  none")
			continue
		}
		fmt.Fprintln(tw, "  SLUG\tPARTNER\tSINCE\tDAYS\t")
		for _, it := range g.Items {
			p := it.Profile
			since, days := "date unknown", ""
			if it.Known {
				since, days = p.Review.Date.String(), strconv.Itoa(it.Days)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", p.Slug, p.Partner.Name, since, days, remark(g.Key, it))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// tabwriter pads the cell before an empty last column.
	for line := range bytes.Lines(buf.Bytes()) {
		if _, err := fmt.Fprintf(w, "%s\n", bytes.TrimRight(line, " \n")); err != nil {
			return err
		}
	}
	return nil
}

// remark is the last column: what needs doing, when anything does.
func remark(group string, it Item) string {
	switch group {
	case "in_review", "changes_requested":
		if it.Known && it.Days > StaleDays {
			return fmt.Sprintf("over %d days: follow up", StaleDays)
		}
	case "changed":
		return "send a new proof"
	case "invalid":
		return "see alongside check"
	}
	if !it.Known && group != "draft" {
		return "set review.date"
	}
	return ""
}
