package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A Problem is one error or warning about one place in one file.
// It prints as "path:line:col: field: message", with "warning: " before the
// field for a warning. Path is slash-separated and relative to the site.
type Problem struct {
	Path    string
	Line    int
	Col     int
	Field   string // the key, e.g. "resources[2].kind"; "" for the whole file
	Message string
	Warning bool
}

func (p Problem) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: ", p.Path, max(p.Line, 1), max(p.Col, 1))
	if p.Warning {
		b.WriteString("warning: ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems is every problem found in a run, errors and warnings together.
type Problems []Problem

// Sort orders problems by path, line, column and message.
func (ps Problems) Sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			strings.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			strings.Compare(a.Field, b.Field),
			strings.Compare(a.Message, b.Message),
		)
	})
}

// Errors returns the problems that are not warnings.
func (ps Problems) Errors() Problems {
	var out Problems
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Warnings returns the problems that are warnings.
func (ps Problems) Warnings() Problems {
	var out Problems
	for _, p := range ps {
		if p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Summary counts the problems and the files they are in, for the last line
// of the report: "3 errors in 2 files", "1 warning in 1 file".
func (ps Problems) Summary() string {
	files := map[string]bool{}
	errs, warns := 0, 0
	for _, p := range ps {
		files[p.Path] = true
		if p.Warning {
			warns++
		} else {
			errs++
		}
	}
	var parts []string
	if errs > 0 {
		parts = append(parts, plural(errs, "error"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning"))
	}
	if len(parts) == 0 {
		return "no problems"
	}
	return strings.Join(parts, " and ") + " in " + plural(len(files), "file")
}

// Error makes Problems usable as an error; it lists every problem.
func (ps Problems) Error() string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	b.WriteString(ps.Summary())
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// An Excerpt is a problem with the lines of its file around it, to show
// where it is (serve's error overlay). No line of the [private] table is
// ever in it (see PrivateLines): such a line has no text, and a problem
// on one keeps its position but not its message, which may quote it.
type Excerpt struct {
	Problem Problem
	Lines   []ExcerptLine // up to two lines before the problem's, it, and two after
}

// An ExcerptLine is one line of an Excerpt.
type ExcerptLine struct {
	N       int    // 1-based
	Text    string // "" when Hidden
	Hidden  bool   // a [private] line, never shown
	Current bool   // the problem's line
}

// Excerpt returns p with the lines of src, its file, around it; without
// lines when src is nil or p has no line in it.
func (p Problem) Excerpt(src []byte) Excerpt {
	if src == nil {
		return Excerpt{Problem: p}
	}
	hidden := PrivateLines(src)
	if p.Line >= 1 && p.Line <= len(hidden) && hidden[p.Line-1] {
		p.Message = "an error in the [private] table (its text is shown in the terminal only)"
	}
	e := Excerpt{Problem: p}
	if p.Line < 1 {
		return e
	}
	lines := fileLines(src)
	for n := max(1, p.Line-2); n <= min(len(lines), p.Line+2); n++ {
		l := ExcerptLine{N: n, Hidden: hidden[n-1], Current: n == p.Line}
		if !l.Hidden {
			l.Text = strings.TrimRight(lines[n-1], "\r")
		}
		e.Lines = append(e.Lines, l)
	}
	return e
}
