package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/alongside-dev/alongside/generator"
	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/i18n"
	"github.com/alongside-dev/alongside/generator/render"
	"github.com/alongside-dev/alongside/generator/review"
)

func init() {
	register("answers", &command{
		usage: "answers [-s SITE] [FILE]",
		help:  "read a partner's answers to a proof (an email saved to FILE, or pasted) beside the profile as it is now",
		long: `The partner's "Send my answers" email holds the numbered answers to the
proof's checklist. Save the email to FILE, or paste it and end with Ctrl-D
(Ctrl-Z then Enter on Windows). answers prints, for each fact, the
partner's answer and, where they asked for a change, what the profile says
now beside what they want it to say; then their decision and comments.
When they approved the page as shown and the profile has not changed since
the proof, it prints the approve command to run. The answers may be in any
of the site's languages, as the proof was (proof --lang).`,
		run: runAnswers,
	})
}

func runAnswers(ctx context.Context, e *env, args []string) error {
	flags := newFlags("answers", e)
	site := siteFlag(flags)
	pos, err := parse(flags, args, 0, 1)
	if err != nil {
		return err
	}
	in, name := e.stdin, "the answers"
	if len(pos) == 1 && pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			return fmt.Errorf("%s: %w", pos[0], unwrapPath(err))
		}
		defer f.Close()
		in, name = f, pos[0]
	} else if f, ok := in.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			fmt.Fprintln(e.stderr, "Paste the partner's email, then press Ctrl-D (Ctrl-Z then Enter on Windows):")
		}
	}
	fsys, err := generator.OpenSite(*site)
	if err != nil {
		return err
	}
	codes, cats := siteCatalogs(fsys)
	a, err := review.ParseAnswers(in, cats...)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if a.Slug == "" {
		return fmt.Errorf("%s: no \"Profile:\" line, so the answers name no profile", name)
	}
	s, err := loadProfile(*site, a.Slug)
	if err != nil {
		return err
	}
	p := s.profile
	// The facts as the proof showed them: in the answers' language, when
	// it is one of the site's.
	lang, cat := "", cats[0]
	if i := slices.IndexFunc(codes, func(c string) bool { return strings.EqualFold(c, a.Lang) }); i > 0 && s.site.Config.HasLanguage(codes[i]) {
		lang, cat = codes[i], cats[i]
	}
	r, err := render.New(s.fsys, s.site.Config.Theme)
	if err != nil {
		return err
	}
	v, _, err := r.Profile(ctx, s.site, s.fsys, p, render.ProfileOptions{Options: render.Options{BaseURL: s.site.Config.BaseURL, Now: e.now}, Lang: lang})
	if err != nil {
		return err
	}
	printAnswers(e.stdout, a, p, review.Facts(v, cat), e.today())
	return nil
}

// siteCatalogs are the codes of the site's languages, the default first,
// and the UI strings of each, for reading answers in any of them.
// site.toml is read here, before the profile the answers name is known;
// its problems are for loading the profile to report.
func siteCatalogs(fsys fs.FS) (codes []string, cats []*i18n.Catalog) {
	cfg := content.Defaults()
	if data, err := fs.ReadFile(fsys, "site.toml"); err == nil {
		cfg, _ = content.ParseConfig("site.toml", data)
	}
	for _, l := range cfg.Languages {
		c, _ := i18n.Load(fsys, cfg.Theme, l.Code)
		codes, cats = append(codes, l.Code), append(cats, c)
	}
	if len(cats) == 0 { // never, from ParseConfig
		c, _ := i18n.Load(fsys, cfg.Theme, cfg.Language)
		codes, cats = append(codes, cfg.Language), append(cats, c)
	}
	return codes, cats
}

// printAnswers writes the answers a about profile p, whose facts are now
// facts, and what to do next.
func printAnswers(w io.Writer, a *review.Answers, p *content.Profile, facts []review.Fact, today content.Date) {
	head := fmt.Sprintf("Answers to the proof of %s", p.Slug)
	if a.Made.Set() {
		head += " made on " + a.Made.String()
	}
	if a.Answered.Set() {
		head += ", answered on " + a.Answered.String()
	}
	fmt.Fprintln(w, head)
	if a.Role != "" {
		fmt.Fprintf(w, "From: %s\n", a.Role)
	}
	current := a.Fingerprint == p.Fingerprint
	byN := map[int]review.Fact{}
	width := len("FACT")
	for _, f := range facts {
		byN[f.N] = f
	}
	for _, f := range a.Facts {
		width = max(width, len([]rune(f.Label)))
	}
	width = min(width, 40)
	fmt.Fprintf(w, "\n  %3s  %-*s  %s\n", "#", width, "FACT", "ANSWER")
	changes := 0
	for _, f := range a.Facts {
		fmt.Fprintf(w, "  %3d  %-*s  %s\n", f.N, width, f.Label, f.Answer)
		if f.Answer != review.AnswerChange {
			continue
		}
		changes++
		indent := strings.Repeat(" ", 7)
		now, ok := byN[f.N]
		switch {
		case ok && now.Label == f.Label:
			fmt.Fprintf(w, "%snow:        %s\n", indent, indentLines(now.Text, indent+"            "))
		case ok:
			fmt.Fprintf(w, "%s(fact %d of the page is now %q: %s)\n", indent, f.N, now.Label, now.Text)
		default:
			fmt.Fprintf(w, "%s(the page has no fact %d now)\n", indent, f.N)
		}
		should := f.Change
		if should == "" {
			should = "(they did not say)"
		}
		fmt.Fprintf(w, "%sshould say: %s\n", indent, indentLines(should, indent+"            "))
	}
	decision := a.Decision
	if decision == "" {
		decision = "no answer"
	}
	fmt.Fprintf(w, "\nDecision: %s\n", decision)
	if a.Comments != "" {
		fmt.Fprintf(w, "Comments:\n  %s\n", indentLines(a.Comments, "  "))
	}
	fmt.Fprintln(w)
	if !current {
		fmt.Fprintf(w, "The profile changed since this proof (proof version %s, now %s): read the answers against the page as it is now, and send a new proof before recording an approval.\n",
			shortVersion(a.Fingerprint), shortVersion(p.Fingerprint))
		return
	}
	switch {
	case a.Decision == review.DecisionApprove && changes == 0:
		cmd := "alongside approve " + p.Slug + " --by " + shellQuote(orDefault(a.Role, "ROLE"))
		if a.Answered.Set() && !a.Answered.After(today.Time) {
			cmd += " --date " + a.Answered.String()
		}
		fmt.Fprintf(w, "%s approved the page as shown, and the profile is unchanged since the proof. To record the approval, run:\n  %s\n", orDefault(p.Partner.Name, "The partner"), cmd)
	case a.Decision == review.DecisionApprove:
		fmt.Fprintf(w, "The partner approved the page as shown but marked %d %s as needing a change: ask which they meant before recording an approval.\n", changes, plural(changes, "fact", "facts"))
	case a.Decision == review.DecisionChanges:
		fmt.Fprintln(w, "The partner approves once the changes are made: make them, then send a new proof for the approval of the page as it will be published (set review.state = \"changes_requested\" meanwhile).")
	case a.Decision == review.DecisionNotYet:
		fmt.Fprintln(w, "The partner does not want the page published yet: set review.state = \"changes_requested\", and talk with them.")
	default:
		fmt.Fprintln(w, "The partner gave no decision: ask for one before recording an approval.")
	}
}

// indentLines indents every line of s but the first with indent.
func indentLines(s, indent string) string {
	return strings.ReplaceAll(s, "\n", "\n"+indent)
}

// shortVersion is a fingerprint as the proof shows it.
func shortVersion(fp string) string {
	v := strings.TrimPrefix(fp, "sha256:")
	if len(v) > 12 {
		v = v[:12]
	}
	if v == "" {
		return "unknown"
	}
	return v
}

// shellQuote quotes s for a POSIX shell: in double quotes when nothing
// in it is special there, else in single quotes.
func shellQuote(s string) string {
	if !strings.ContainsAny(s, "\"$`\\!") {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
