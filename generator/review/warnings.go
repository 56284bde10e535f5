package review

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/alongside-dev/alongside/generator/content"
)

// Warnings returns the review warnings of `check` for site, counting days
// up to today. See the package documentation for what they are.
func Warnings(site *content.Site, today content.Date) content.Problems {
	addrs := siteAddresses(site, today)
	var ps content.Problems
	ps = append(ps, addrs.brokenLinks(site.Home.Path, site.Home.Body, site.Home.BodyLine, "/")...)
	for _, pg := range site.Pages {
		ps = append(ps, addrs.brokenLinks(pg.Path, pg.Body, pg.BodyLine, "/"+pg.Name+"/")...)
	}
	// Profiles on every core: bodies are scanned and some are parsed.
	per := make([]content.Problems, len(site.Profiles))
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(site.Profiles)) {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(per) {
					return
				}
				per[i] = profileWarnings(site.Profiles[i], addrs, today)
			}
		})
	}
	wg.Wait()
	for _, w := range per {
		ps = append(ps, w...)
	}
	ps.Sort()
	return ps
}

func profileWarnings(p *content.Profile, addrs *addresses, today content.Date) content.Problems {
	var ps content.Problems
	warn := func(key, field, format string, args ...any) {
		line, col := keyAt(p, key)
		ps = append(ps, content.Problem{Path: p.Path, Line: line, Col: col, Field: field,
			Message: fmt.Sprintf(format, args...), Warning: true})
	}
	switch st := p.Review.State; {
	case (st == "in_review" || st == "changes_requested") && p.Review.Date.Set():
		if days := daysBetween(p.Review.Date, today); days > StaleDays {
			next := "follow up with the partner"
			if st == "changes_requested" {
				next = "the partner is waiting for the changes it asked for"
			}
			warn("review.date", "review.date", "%s for %d days, since %s (over %d): %s",
				st, days, p.Review.Date, StaleDays, next)
		}
	case st == "approved" && !p.Current():
		warn("review.fingerprint", "review.fingerprint",
			"the profile changed since %s approved it on %s: send a new proof, then run alongside approve %s --by \"…\" again",
			approver(p), p.Review.Date, p.Slug)
	}
	for _, s := range publicStrings(p) {
		for _, c := range findContacts(s.text) {
			warn(s.key, field(s.key), "%s looks like %s: private contact details belong in [private]", strconv.Quote(c.text), c.kind)
		}
	}
	for i, line := range strings.Split(string(p.Body), "\n") {
		for _, c := range findContacts(line) {
			ps = append(ps, content.Problem{Path: p.Path, Line: p.BodyLine + i, Col: c.off + 1, Field: "body",
				Message: strconv.Quote(c.text) + " looks like " + c.kind + ": private contact details belong in [private]", Warning: true})
		}
	}
	return append(ps, addrs.brokenLinks(p.Path, p.Body, p.BodyLine, "/"+p.URL())...)
}

// approver is who approved p, as pages name them: the partner.
func approver(p *content.Profile) string {
	if p.Partner.Name != "" {
		return p.Partner.Name
	}
	return "the partner"
}

// keyAt is where the value of key is written, else where its table is,
// else line 1.
func keyAt(p *content.Profile, key string) (line, col int) {
	for k := key; k != ""; {
		if kp, ok := p.Keys[k]; ok {
			return kp.Line, kp.ValueCol
		}
		i := strings.LastIndexByte(k, '.')
		if i < 0 {
			break
		}
		k = k[:i]
	}
	return 1, 1
}

// field turns a key path into a field as problems name it:
// "resources.1.description" → "resources[2].description".
func field(key string) string {
	parts := strings.Split(key, ".")
	var b strings.Builder
	for i, part := range parts {
		if n, err := strconv.Atoi(part); err == nil && i > 0 {
			fmt.Fprintf(&b, "[%d]", n+1)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(part)
	}
	return b.String()
}

// A keyText is one public string of a profile and the key it is written at.
type keyText struct{ key, text string }

// publicStrings lists every front matter string a profile publishes,
// except addresses (partner.url) and the fingerprint, with its key path.
func publicStrings(p *content.Profile) []keyText {
	out := []keyText{
		{"title", p.Title}, {"summary", p.Summary},
		{"partner.name", p.Partner.Name}, {"partner.about", p.Partner.About},
		{"review.by", p.Review.By}, {"review.note", p.Review.Note},
	}
	lists := []struct {
		key  string
		list []string
	}{{"branches", p.Branches}, {"neighborhoods", p.Neighborhoods}, {"audiences", p.Audiences}, {"languages", p.Languages}, {"tags", p.Tags}}
	for _, l := range lists {
		for _, s := range l.list {
			out = append(out, keyText{l.key, s})
		}
	}
	if p.Voice != nil {
		out = append(out, keyText{"partner_voice.quote", p.Voice.Quote}, keyText{"partner_voice.by", p.Voice.By})
	}
	for i, r := range p.Resources {
		k := "resources." + strconv.Itoa(i) + "."
		out = append(out, keyText{k + "description", r.Description}, keyText{k + "unit", r.Unit})
	}
	for i, a := range p.Asks {
		k := "asks." + strconv.Itoa(i) + "."
		out = append(out, keyText{k + "ask", a.Ask}, keyText{k + "reason", a.Reason})
	}
	for i, o := range p.Outcomes {
		k := "outcomes." + strconv.Itoa(i) + "."
		out = append(out, keyText{k + "measure", o.Measure}, keyText{k + "unit", o.Unit}, keyText{k + "note", o.Note})
	}
	return out
}
