package review

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
	"github.com/alongside-dev/alongside/generator/i18n"
)

// The partner's decisions, as ParseAnswers gives them (Answers.Decision),
// whatever the language of the answers: the words of the built-in
// English (proof.email.approve, approve_changes and not_yet).
const (
	DecisionApprove = "approve as shown"
	DecisionChanges = "approve with the changes"
	DecisionNotYet  = "not yet"
)

// The partner's answer about one fact, as ParseAnswers gives it
// (FactAnswer.Answer), whatever the language of the answers: the words
// of the built-in English (proof.email.correct, change and no_answer).
const (
	AnswerCorrect  = "correct"
	AnswerChange   = "needs a change"
	AnswerNoAnswer = "no answer"
)

// Answers are a partner's answers to a proof, as the proof's "Send my
// answers" and "Copy my answers" write them, in the words of the proof's
// language (the catalog's proof.email messages); in English:
//
//	Answers to the proof of "Homework Help in Spanish"
//	Profile: homework-help
//	Version: sha256:1ed00694…
//	Proof made: 2026-03-14
//	Answered: 2026-03-20
//
//	1. Title: correct
//	2. Summary: needs a change
//	   Should say: Homework help in Spanish and English,
//	   twice a week.
//	3. Partner: no answer
//
//	Decision: approve with the changes
//	Role: Board, Familias Unidas del Sur
//	Comments:
//	   Thank you!
//	End of answers
//
// and in Spanish "Respuestas a la prueba de «…»", "Perfil:", "1. Título:
// correcto", "Decisión: publicar con los cambios"…
//
// ParseAnswers reads them from an email as it arrives: quoted ("> "),
// wrapped by the mail program, with a greeting before and a signature or
// the quoted proof after.
type Answers struct {
	Title       string       // the profile's title, as the proof showed it
	Slug        string       // "Profile:"
	Fingerprint string       // "Version:": the profile's fingerprint when the proof was made
	Made        content.Date // "Proof made:"
	Answered    content.Date // "Answered:", the partner's day, or zero
	Facts       []FactAnswer // in the order of the answers
	Decision    string       // one of the Decision constants, or ""
	Role        string
	Comments    string
	// Lang is the language the answers are written in: the code of the
	// catalog whose first line ("Answers to the proof of …") they have,
	// "en" for the built-in English.
	Lang string
}

// A FactAnswer is the answer about fact N of the checklist.
type FactAnswer struct {
	N         int
	Label     string // the fact's label, as the proof showed it
	Answer    string // one of the Answer constants
	Change    string // what it should say, for AnswerChange; may be ""
	Line      int    // where it is in the text, from 1
	changeSet bool
}

// Changes reports whether the partner asked for a change to any fact.
func (a *Answers) Changes() bool {
	for _, f := range a.Facts {
		if f.Answer == AnswerChange {
			return true
		}
	}
	return false
}

var (
	numberedRE = regexp.MustCompile(`^\d{1,4}\.\s`)
	quoteRE    = regexp.MustCompile(`^\s*(>\s?)+`)
)

// ParseAnswers reads a partner's answers to a proof from r. It is an
// error when the text holds no numbered answer and no decision.
//
// The answers are read by their words, in the languages of langs (the
// catalogs of the site's languages) and in the built-in English, which
// every proof made before proofs had other languages is written in: a
// line is read in whichever of those languages its words are, so answers
// written partly by hand in another of them are read too. The numbers,
// the profile's slug, the fingerprint and the dates are the same in
// every language. Answer words and decisions are read whatever their
// case.
func ParseAnswers(r io.Reader, langs ...*i18n.Catalog) (*Answers, error) {
	v := newVocabulary(langs)
	a := &Answers{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	var (
		started  bool
		into     *string // the text that continuation lines add to
		line     int
		comments []string
		inCmts   bool
		seen     = map[int]bool{}
		pending  string // the start of a numbered line that the mail program wrapped
	)
	for sc.Scan() {
		line++
		raw := strings.TrimRight(quoteRE.ReplaceAllString(sc.Text(), ""), " \t\r")
		text := strings.TrimSpace(raw)
		if !started {
			if title, lang, ok := v.head(text); ok {
				started = true
				a.Title, a.Lang = title, lang
			}
			continue
		}
		if v.isEnd(text) {
			break
		}
		indented := raw != strings.TrimLeft(raw, " \t")
		if pending != "" {
			if joined := pending + " " + text; v.factLine.MatchString(joined) {
				text, indented = joined, false
			}
			pending = ""
		}
		if numberedRE.MatchString(text) && !indented && !v.factLine.MatchString(text) {
			pending = text
			continue
		}
		if m := v.factLine.FindStringSubmatch(text); m != nil && !indented {
			n, _ := strconv.Atoi(m[1])
			inCmts, into = false, nil
			if seen[n] {
				continue
			}
			seen[n] = true
			a.Facts = append(a.Facts, FactAnswer{N: n, Label: m[2], Answer: v.answers[strings.ToLower(m[3])], Line: line})
			continue
		}
		if f, val, ok := v.field(text); ok && !indented {
			inCmts, into = false, nil
			switch f {
			case fieldProfile:
				a.Slug = val
			case fieldVersion:
				a.Fingerprint = val
			case fieldMade:
				a.Made, _ = content.ParseDate(val)
			case fieldAnswered:
				a.Answered, _ = content.ParseDate(val)
			case fieldDecision:
				if d, ok := v.decisions[strings.ToLower(val)]; ok {
					a.Decision = d
				}
			case fieldRole:
				a.Role = val
				into = &a.Role
			case fieldComments:
				inCmts = true
				if val != "" {
					comments = append(comments, val)
				}
			}
			continue
		}
		if inCmts {
			comments = append(comments, text)
			continue
		}
		if n := len(a.Facts); n > 0 && into == nil {
			f := &a.Facts[n-1]
			if t, ok := v.shouldSay(text); ok && !f.changeSet {
				f.changeSet = true
				f.Change = t
				into = &f.Change
				continue
			}
		}
		if into != nil {
			if text == "" && into != &a.Role {
				*into += "\n"
			} else if text != "" {
				*into = strings.TrimLeft(*into+"\n"+text, "\n")
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for i := range a.Facts {
		a.Facts[i].Change = tidy(a.Facts[i].Change)
	}
	a.Role = tidy(strings.ReplaceAll(a.Role, "\n", " "))
	a.Comments = tidy(strings.Join(comments, "\n"))
	if !started || (len(a.Facts) == 0 && a.Decision == "") {
		return nil, fmt.Errorf("no answers found: the text has no line \"Answers to the proof of …\" followed by numbered answers (paste the whole email, or save it to a file)")
	}
	return a, nil
}

// The fields of the answers, each a line "Label: value".
const (
	fieldProfile = iota
	fieldVersion
	fieldMade
	fieldAnswered
	fieldDecision
	fieldRole
	fieldComments
	nFields
)

// fieldKeys are the messages of the fields, in proof.email, and the
// placeholder each has for its value.
var fieldKeys = [nFields][2]string{
	{"profile", "slug"}, {"version", "version"}, {"made", "date"}, {"answered", "date"},
	{"decision", "decision"}, {"role", "role"}, {"comments", ""},
}

// answerKeys and decisionKeys are the messages of the answers about a
// fact and of the decisions, in proof.email, and what each means.
var (
	answerKeys   = [][2]string{{"correct", AnswerCorrect}, {"change", AnswerChange}, {"no_answer", AnswerNoAnswer}}
	decisionKeys = [][2]string{{"approve", DecisionApprove}, {"approve_changes", DecisionChanges}, {"not_yet", DecisionNotYet}}
)

// quotes are the quotation marks a language may put around the title in
// the answers' first line.
const quotes = `"'“”„‟«»‹›「」『』‘’‚`

// A language's words of the answers, from its catalog's proof.email.
type words struct {
	lang          string
	head, headEnd string // the first line: head, the title, headEnd
	fields        [nFields]string
	shouldSay     string
	end           string
}

// A vocabulary is the words of the answers in every language
// ParseAnswers reads.
type vocabulary struct {
	langs     []words
	answers   map[string]string // an answer, in lower case → its Answer constant
	decisions map[string]string // a decision, in lower case → its Decision constant
	factLine  *regexp.Regexp    // "12. Label: answer"
}

func newVocabulary(cats []*i18n.Catalog) *vocabulary {
	v := &vocabulary{answers: map[string]string{}, decisions: map[string]string{}}
	var answers []string
	for _, c := range append(slices.Clone(cats), english()) {
		if c == nil {
			continue
		}
		t := func(key string) string { return strings.TrimSpace(c.T("proof.email." + key)) }
		w := words{lang: c.Lang(), end: t("end")}
		w.head, w.headEnd = around(t("head"), "title")
		w.head = strings.TrimRight(w.head, quotes)
		w.headEnd = strings.TrimLeft(w.headEnd, quotes)
		for i, k := range fieldKeys {
			w.fields[i], _ = around(t(k[0]), k[1])
			w.fields[i] = strings.TrimSpace(w.fields[i])
		}
		w.shouldSay, _ = around(t("should_say"), "text")
		w.shouldSay = strings.TrimSpace(w.shouldSay)
		v.langs = append(v.langs, w)
		for _, k := range answerKeys {
			if word := strings.ToLower(t(k[0])); word != "" {
				if _, ok := v.answers[word]; !ok {
					v.answers[word] = k[1]
					answers = append(answers, regexp.QuoteMeta(t(k[0])))
				}
			}
		}
		for _, k := range decisionKeys {
			if word := strings.ToLower(t(k[0])); word != "" {
				if _, ok := v.decisions[word]; !ok {
					v.decisions[word] = k[1]
				}
			}
		}
	}
	slices.SortFunc(answers, func(a, b string) int { return len(b) - len(a) })
	v.factLine = regexp.MustCompile(`^(\d{1,4})\.\s+(.*?):\s*(?i:(` + strings.Join(answers, "|") + `))\s*$`)
	return v
}

// around splits msg at its placeholder {name}: the text before it and
// after it; all of msg before when it has none.
func around(msg, name string) (before, after string) {
	before, after, _ = strings.Cut(msg, "{"+name+"}")
	return before, after
}

// head reads the first line of the answers: the title it names and the
// language it is in.
func (v *vocabulary) head(text string) (title, lang string, ok bool) {
	for _, w := range v.langs {
		if w.head == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(text, w.head); ok {
			rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), w.headEnd))
			return strings.Trim(rest, quotes), w.lang, true
		}
	}
	return "", "", false
}

func (v *vocabulary) isEnd(text string) bool {
	for _, w := range v.langs {
		if w.end != "" && strings.EqualFold(text, w.end) {
			return true
		}
	}
	return false
}

// field reads a line "Label: value" of one of the fields.
func (v *vocabulary) field(text string) (field int, value string, ok bool) {
	for _, w := range v.langs {
		for f, label := range w.fields {
			if label != "" {
				if rest, ok := strings.CutPrefix(text, label); ok {
					return f, strings.TrimSpace(rest), true
				}
			}
		}
	}
	return 0, "", false
}

// shouldSay reads the line "Should say: …" of an answer.
func (v *vocabulary) shouldSay(text string) (string, bool) {
	for _, w := range v.langs {
		if w.shouldSay != "" {
			if rest, ok := strings.CutPrefix(text, w.shouldSay); ok {
				return strings.TrimSpace(rest), true
			}
		}
	}
	return "", false
}

// tidy trims s and keeps at most one blank line in a row.
func tidy(s string) string {
	s = strings.TrimSpace(s)
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}
