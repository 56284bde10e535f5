package review

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/alongside-dev/alongside/generator/content"
)

// The partner's decisions, as the answers write them.
const (
	DecisionApprove = "approve as shown"
	DecisionChanges = "approve with the changes"
	DecisionNotYet  = "not yet"
)

// The partner's answer about one fact, as the answers write it.
const (
	AnswerCorrect  = "correct"
	AnswerChange   = "needs a change"
	AnswerNoAnswer = "no answer"
)

// Answers are a partner's answers to a proof, as the proof's "Send my
// answers" and "Copy my answers" write them:
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
	factLineRE = regexp.MustCompile(`^(\d{1,4})\.\s+(.*?):\s*(correct|needs a change|no answer)\s*$`)
	fieldRE    = regexp.MustCompile(`^(Profile|Version|Proof made|Answered|Decision|Role|Comments):\s*(.*)$`)
	numberedRE = regexp.MustCompile(`^\d{1,4}\.\s`)
	quoteRE    = regexp.MustCompile(`^\s*(>\s?)+`)
)

// ParseAnswers reads a partner's answers to a proof from r. It is an
// error when the text holds no numbered answer and no decision.
func ParseAnswers(r io.Reader) (*Answers, error) {
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
			if t, ok := strings.CutPrefix(text, "Answers to the proof of "); ok {
				started = true
				a.Title = strings.Trim(t, `"“”`)
			}
			continue
		}
		if strings.EqualFold(text, "End of answers") {
			break
		}
		indented := raw != strings.TrimLeft(raw, " \t")
		if pending != "" {
			if joined := pending + " " + text; factLineRE.MatchString(joined) {
				text, indented = joined, false
			}
			pending = ""
		}
		if numberedRE.MatchString(text) && !indented && !factLineRE.MatchString(text) {
			pending = text
			continue
		}
		if m := factLineRE.FindStringSubmatch(text); m != nil && !indented {
			n, _ := strconv.Atoi(m[1])
			inCmts, into = false, nil
			if seen[n] {
				continue
			}
			seen[n] = true
			a.Facts = append(a.Facts, FactAnswer{N: n, Label: m[2], Answer: strings.ToLower(m[3]), Line: line})
			continue
		}
		if m := fieldRE.FindStringSubmatch(text); m != nil && !indented {
			inCmts, into = false, nil
			switch v := strings.TrimSpace(m[2]); m[1] {
			case "Profile":
				a.Slug = v
			case "Version":
				a.Fingerprint = v
			case "Proof made":
				a.Made, _ = content.ParseDate(v)
			case "Answered":
				a.Answered, _ = content.ParseDate(v)
			case "Decision":
				switch strings.ToLower(v) {
				case DecisionApprove, DecisionChanges, DecisionNotYet:
					a.Decision = strings.ToLower(v)
				}
			case "Role":
				a.Role = v
				into = &a.Role
			case "Comments":
				inCmts = true
				if v != "" {
					comments = append(comments, v)
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
			if t, ok := strings.CutPrefix(text, "Should say:"); ok && !f.changeSet {
				f.changeSet = true
				f.Change = strings.TrimSpace(t)
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

// tidy trims s and keeps at most one blank line in a row.
func tidy(s string) string {
	s = strings.TrimSpace(s)
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return s
}
