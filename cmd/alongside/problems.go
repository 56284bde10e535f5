package main

import (
	"fmt"
	"io"

	"github.com/alongside-dev/alongside/generator/content"
)

// printProblems writes every problem, one per line, then the count.
func printProblems(w io.Writer, ps content.Problems) {
	if len(ps) == 0 {
		return
	}
	for _, p := range ps {
		fmt.Fprintln(w, p)
	}
	fmt.Fprintln(w, ps.Summary())
}
