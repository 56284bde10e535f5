package content

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/alongside-dev/alongside/generator/markdown"
)

// Limits on what one file may hold, checked before it is parsed: the TOML
// and Markdown parsers take time and memory that grow faster than the
// text on some inputs (a value nested 8,000 deep in 32 KB took 14 s and
// 2.7 GB to decode), and no profile needs more.
const (
	MaxFrontMatter = 1 << 20 // bytes of front matter, or of site.toml
	MaxDepth       = 64      // arrays and inline tables inside one another
	MaxStory       = 5 << 20 // bytes of Markdown after the front matter
	// maxFile is the largest content file read at all.
	maxFile = MaxFrontMatter + MaxStory + 1<<10
)

var errTooLarge = fmt.Errorf("the file is larger than %s: a profile holds at most %s of front matter and %s of story",
	mb(maxFile), mb(MaxFrontMatter), mb(MaxStory))

// mb writes a size in megabytes for people: "1 MB", "5.2 MB".
func mb(n int) string {
	s := fmt.Sprintf("%.1f", float64(n)/(1<<20))
	return strings.TrimSuffix(s, ".0") + " MB"
}

// checkTOMLLimits reports, before parsing, a front matter (or site.toml)
// over MaxFrontMatter, or a value nested deeper than MaxDepth, at the
// position of the bracket that goes too deep. front starts at file line
// firstLine.
func (d *decoder) checkTOMLLimits(front []byte, firstLine int) bool {
	if len(front) > MaxFrontMatter {
		d.problems = append(d.problems, Problem{Path: d.path, Line: max(firstLine-1, 1), Col: 1,
			Message: "the front matter is " + mb(len(front)) + ": at most " + mb(MaxFrontMatter) + " is read (move long text into the story)"})
		return false
	}
	var sc tomlScanner
	line := firstLine
	for rest := string(front); rest != ""; line++ {
		l, after, _ := strings.Cut(rest, "\n")
		rest = after
		sc.next(l)
		if sc.deepCol > 0 {
			d.problems = append(d.problems, Problem{Path: d.path, Line: line, Col: sc.deepCol,
				Message: fmt.Sprintf("a value nested more than %d deep (arrays and inline tables inside one another): write it flatter", MaxDepth)})
			return false
		}
	}
	return true
}

// checkStory reports a story over MaxStory.
func checkStory(rel string, src source) Problems {
	if len(src.body) <= MaxStory {
		return nil
	}
	return Problems{{Path: rel, Line: src.bodyLine, Col: 1, Field: "body",
		Message: "the story is " + mb(len(src.body)) + ": at most " + mb(MaxStory) + " is read (split it, or link to a document in the bundle)"}}
}

// cleanStory is a story as it is rendered: without the control
// characters that cleanText removes from front matter text. body itself
// is returned when it has none.
func cleanStory(body []byte) []byte {
	return withoutControls(body, indexBadControl(body))
}

// story returns the story body of the file rel, at file line bodyLine, as
// cleanStory does, and the warnings of storyProblems, looking for control
// characters once.
func story(rel string, body []byte, bodyLine int) ([]byte, Problems) {
	i := indexBadControl(body)
	return withoutControls(body, i), storyProblems(rel, body, bodyLine, i)
}

// withoutControls is body without the characters of badControl, the
// first of which is at i; body itself when i < 0.
func withoutControls(body []byte, i int) []byte {
	if i < 0 {
		return body
	}
	return bytes.Map(func(r rune) rune {
		if badControl(r) {
			return -1
		}
		return r
	}, body)
}

// storyProblems warns about what the story body, at file line bodyLine,
// holds that is not shown as written: control characters (at the first,
// i, with their count) and brackets that Markdown reads as plain text
// because they would take it minutes to read (at the first such line).
func storyProblems(rel string, body []byte, bodyLine, i int) Problems {
	var probs Problems
	if i >= 0 {
		r, _ := utf8.DecodeRune(body[i:])
		n := 0
		for _, c := range string(body) {
			if badControl(c) {
				n++
			}
		}
		line := bytes.Count(body[:i], []byte("\n"))
		col := i - bytes.LastIndexByte(body[:i], '\n')
		probs = append(probs, Problem{Path: rel, Line: bodyLine + line, Col: col, Field: "body", Warning: true,
			Message: fmt.Sprintf("%d control character(s) removed from the story, the first (%U) here: they would garble pages and terminals", n, r)})
	}
	if _, lines := markdown.Tame(body); lines != nil {
		probs = append(probs, Problem{Path: rel, Line: bodyLine + lines[0] - 1, Col: 1, Field: "body", Warning: true,
			Message: fmt.Sprintf("%d line(s) hold so many brackets that never close (like \"[a](\" over and over) that Markdown would take minutes to read them: their brackets are shown as written, not as links", len(lines))})
	}
	return probs
}
