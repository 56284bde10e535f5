package review

import (
	"strings"
	"testing"
)

// sampleAnswers are answers as the proof's script writes them.
const sampleAnswers = `Answers to the proof of "Homework Help in Spanish"
Profile: homework-help
Version: sha256:4892c759942e255d062074931fba4ca7b5d7d15c96d595126ae1b028c723bb95
Proof made: 2026-03-14
Answered: 2026-03-20

1. Title: correct
2. Summary: needs a change
   Should say: Homework help in Spanish and English,
   twice a week.
3. Partner: no answer
4. From the library (Rainier Public Library): needs a change
   Should say: Stipends for three tutors: $3,600

Decision: approve with the changes
Role: Board, Familias Unidas del Sur
Comments:
   Thank you!

   The photo is fine now.
End of answers`

func TestParseAnswers(t *testing.T) {
	a, err := ParseAnswers(strings.NewReader(sampleAnswers))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Homework Help in Spanish" || a.Slug != "homework-help" || a.Made.String() != "2026-03-14" || a.Answered.String() != "2026-03-20" ||
		a.Fingerprint != "sha256:4892c759942e255d062074931fba4ca7b5d7d15c96d595126ae1b028c723bb95" {
		t.Errorf("header: %+v", a)
	}
	want := []FactAnswer{
		{N: 1, Label: "Title", Answer: AnswerCorrect},
		{N: 2, Label: "Summary", Answer: AnswerChange, Change: "Homework help in Spanish and English,\ntwice a week."},
		{N: 3, Label: "Partner", Answer: AnswerNoAnswer},
		{N: 4, Label: "From the library (Rainier Public Library)", Answer: AnswerChange, Change: "Stipends for three tutors: $3,600"},
	}
	if len(a.Facts) != len(want) {
		t.Fatalf("%d facts, want %d: %+v", len(a.Facts), len(want), a.Facts)
	}
	for i, w := range want {
		g := a.Facts[i]
		if g.N != w.N || g.Label != w.Label || g.Answer != w.Answer || g.Change != w.Change {
			t.Errorf("fact %d = %+v, want %+v", i, g, w)
		}
	}
	if a.Decision != DecisionChanges || a.Role != "Board, Familias Unidas del Sur" || a.Comments != "Thank you!\n\nThe photo is fine now." {
		t.Errorf("decision %q, role %q, comments %q", a.Decision, a.Role, a.Comments)
	}
	if !a.Changes() {
		t.Error("Changes() = false")
	}
}

// Answers arrive quoted, wrapped by a mail program, after a greeting and
// before a signature and the quoted proof.
func TestParseAnswersFromAnEmail(t *testing.T) {
	email := "Hello Ana,\r\nhere are our answers.\r\n\r\n" +
		"> Answers to the proof of \"Homework Help in Spanish\"\r\n> Profile: homework-help\r\n" +
		"> Version: sha256:abc\r\n> Proof made: 2026-03-14\r\n>\r\n" +
		"> 1. Title: correct\r\n> 12. From the library (Rainier Public\r\n> Library): needs a change\r\n>    Should say: 3 tutors\r\n" +
		">\r\n> Decision: approve as shown\r\n> Role:\r\n> Comments:\r\n> End of answers\r\n-- \r\nMarisol\r\n5. Ignored: correct\r\n"
	a, err := ParseAnswers(strings.NewReader(email))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Facts) != 2 || a.Facts[1].N != 12 || a.Facts[1].Label != "From the library (Rainier Public Library)" || a.Facts[1].Change != "3 tutors" {
		t.Errorf("facts %+v", a.Facts)
	}
	if a.Decision != DecisionApprove || a.Role != "" || a.Comments != "" || a.Answered.Set() {
		t.Errorf("%+v", a)
	}
}

func TestParseAnswersRefusesOtherText(t *testing.T) {
	for _, text := range []string{"", "Hello, we approve!", "Answers to the proof of \"X\"\nProfile: x\n"} {
		if _, err := ParseAnswers(strings.NewReader(text)); err == nil || !strings.Contains(err.Error(), "no answers found") {
			t.Errorf("%q: err = %v", text, err)
		}
	}
}

func FuzzParseAnswers(f *testing.F) {
	f.Add(sampleAnswers)
	f.Add("Answers to the proof of x\n1. a: correct\n2.\n3. b: needs a change\nShould say:\n")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAnswers(strings.NewReader(s))
		if err == nil && len(a.Facts) == 0 && a.Decision == "" {
			t.Error("answers without a fact or a decision")
		}
	})
}
