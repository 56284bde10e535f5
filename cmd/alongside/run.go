package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/alongside-dev/alongside/generator"
	"github.com/alongside-dev/alongside/generator/content"
)

// Exit codes of SPEC §3.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

// env is what a command may use of the outside world.
type env struct {
	stdout, stderr io.Writer
	now            time.Time // when the command started: every date it writes or compares is this one's day
}

// today is the day of e.now.
func (e *env) today() content.Date { return content.DayOf(e.now) }

// A command is one `alongside NAME` subcommand.
type command struct {
	usage string // the synopsis after "alongside "
	help  string // one line
	run   func(ctx context.Context, e *env, args []string) error
}

var commands = map[string]*command{}

func register(name string, c *command) { commands[name] = c }

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// run executes the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr, now: time.Now()}
	if len(args) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		printUsage(stdout)
		return exitOK
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "alongside: unknown command %q\n", name)
		printUsage(stderr)
		return exitUsage
	}
	err := c.run(ctx, e, args[1:])
	var ue *usageError
	var ce *generator.ContentError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "alongside %s: %s\nusage: alongside %s\n", name, ue.msg, c.usage)
		return exitUsage
	case errors.As(err, &ce):
		printProblems(stderr, ce.Problems)
		return exitContent
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "alongside %s: interrupted\n", name)
		return exitContent
	default:
		fmt.Fprintf(stderr, "alongside %s: %v\n", name, err)
		return exitContent
	}
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "alongside publishes partnership reports from Markdown profiles.\n\nUsage:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  alongside %-52s %s\n", commands[n].usage, commands[n].help)
	}
	fmt.Fprintln(w, "\nExit status: 0 success, 1 the content has errors, 2 usage error.")
}

// newFlags returns a flag set for a command that reports usage errors as
// errors instead of exiting.
func newFlags(name string, e *env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse reads flags and positional arguments in any order ("build -s x"
// and "proof slug -o f" alike) and checks the number of positionals.
func parse(fs *flag.FlagSet, args []string, minPos, maxPos int) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, usagef("flags:\n%s", flagDefaults(fs))
			}
			return nil, usagef("%s", strings.TrimPrefix(err.Error(), "flag provided but not defined: "))
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	switch {
	case len(pos) < minPos:
		return nil, usagef("missing argument")
	case len(pos) > maxPos:
		return nil, usagef("unexpected argument %q", pos[maxPos])
	}
	return pos, nil
}

func flagDefaults(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	return b.String()
}
