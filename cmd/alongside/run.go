package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
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
	stdin          io.Reader
	stdout, stderr io.Writer
	now            time.Time // when the command started: every date it writes or compares is this one's day
}

// today is the day of e.now.
func (e *env) today() content.Date { return content.DayOf(e.now) }

// A command is one `alongside NAME` subcommand.
type command struct {
	usage string // the synopsis after "alongside "
	help  string // one line, for the list of commands
	long  string // what `alongside help NAME` says after the synopsis; help when empty
	run   func(ctx context.Context, e *env, args []string) error
}

var commands = map[string]*command{}

func register(name string, c *command) { commands[name] = c }

// order is the order of the commands in `alongside help`: the
// coordinator's workflow, then the rest.
var order = []string{"init", "new", "check", "proof", "answers", "approve", "review", "translate", "build", "serve", "help", "version"}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// helpRequest is returned by parse for -h or --help: the command's help
// goes to stdout, with exit status 0.
type helpRequest struct{ flags *flags }

func (*helpRequest) Error() string { return "help requested" }

// run executes the command line args and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now()}
	if len(args) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "--help", "-help":
		name = "help"
	case "--version", "-version":
		name = "version"
	}
	c, ok := commands[name]
	if !ok {
		msg := fmt.Sprintf("alongside: unknown command %q", name)
		if strings.HasPrefix(name, "-") {
			msg = fmt.Sprintf("alongside: %s before a command (flags come after it: alongside build --site SITE)", name)
		} else if close := closestName(name, commandNames()); close != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", close)
		}
		fmt.Fprintf(stderr, "%s\nRun 'alongside help' for the list of commands.\n", msg)
		return exitUsage
	}
	err := c.run(ctx, e, args[1:])
	var ue *usageError
	var hr *helpRequest
	var ce *generator.ContentError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &hr):
		printHelp(stdout, name, hr.flags)
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "alongside %s: %s\nusage: alongside %s\nRun 'alongside help %s' for more.\n", name, ue.msg, c.usage, name)
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

func init() {
	register("help", &command{
		usage: "help [COMMAND]",
		help:  "list the commands, or say what one does and its flags",
		run: func(ctx context.Context, e *env, args []string) error {
			pos, err := parse(newFlags("help", e), args, 0, 1)
			if err != nil {
				return err
			}
			if len(pos) == 0 {
				printUsage(e.stdout)
				return nil
			}
			name := pos[0]
			c, ok := commands[name]
			if !ok {
				if close := closestName(name, commandNames()); close != "" {
					return usagef("unknown command %q (did you mean %s?)", name, close)
				}
				return usagef("unknown command %q: alongside help lists them", name)
			}
			// Every command answers -h with its help, flags included,
			// before it does anything else.
			err = c.run(ctx, e, []string{"-h"})
			var hr *helpRequest
			if errors.As(err, &hr) {
				printHelp(e.stdout, name, hr.flags)
				return nil
			}
			return err
		},
	})
}

// commandNames lists the commands in the order of order.
func commandNames() []string {
	names := make([]string, 0, len(commands))
	for _, n := range order {
		if commands[n] != nil {
			names = append(names, n)
		}
	}
	for n := range commands {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, "alongside publishes partnership reports from Markdown profiles.\n\nUsage:\n  alongside COMMAND [ARGUMENTS]\n\nCommands:\n")
	names := commandNames()
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		fmt.Fprintf(w, "  %-*s  %s\n", width, n, commands[n].help)
	}
	fmt.Fprint(w, "\nRun 'alongside help COMMAND' for what a command does and its flags.\n"+
		"Exit status: 0 success, 1 the content has errors, 2 a mistake in the command line.\n")
}

// printHelp writes what `alongside help name` says: the synopsis, what
// the command does and its flags.
func printHelp(w io.Writer, name string, f *flags) {
	c := commands[name]
	fmt.Fprintf(w, "usage: alongside %s\n\n", c.usage)
	text := c.long
	if text == "" {
		text = strings.ToUpper(c.help[:1]) + c.help[1:] + "."
	}
	fmt.Fprintln(w, text)
	if f == nil {
		return
	}
	type row struct{ left, usage string }
	var rows []row
	width := 0
	f.VisitAll(func(fl *flag.Flag) {
		if _, isShort := f.long[fl.Name]; isShort {
			return // shown with its long name
		}
		name, usage := flag.UnquoteUsage(fl)
		left := "    --" + fl.Name
		if short := f.shortOf(fl.Name); short != "" {
			left = "-" + short + ", --" + fl.Name
		}
		if name != "" {
			left += " " + strings.ToUpper(name)
		}
		if fl.DefValue != "" && fl.DefValue != "false" && fl.DefValue != "0" && fl.DefValue != "0s" && !strings.Contains(usage, "default") {
			usage += fmt.Sprintf(" (default %s)", fl.DefValue)
		}
		rows = append(rows, row{left, usage})
		width = max(width, len(left))
	})
	if len(rows) == 0 {
		return
	}
	fmt.Fprint(w, "\nFlags:\n")
	for _, r := range rows {
		fmt.Fprintf(w, "  %-*s  %s\n", width, r.left, r.usage)
	}
	fmt.Fprint(w, "\nFlags may come before or after the other arguments.\n")
}

// flags is a command's flag set, in which a long flag may have a
// one-letter alias (-s for --site).
type flags struct {
	*flag.FlagSet
	long map[string]string // one-letter alias → long name
	site *string           // the site folder, when the command has one
}

// newFlags returns a flag set for a command that reports usage errors as
// errors instead of exiting.
func newFlags(name string, e *env) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flags{FlagSet: fs, long: map[string]string{}}
}

// alias makes -short another name of the flag --name.
func (f *flags) alias(short, name string) {
	fl := f.Lookup(name)
	f.Var(fl.Value, short, fl.Usage)
	f.long[short] = name
}

// shortOf is the one-letter alias of the flag name, or "".
func (f *flags) shortOf(name string) string {
	for s, l := range f.long {
		if l == name {
			return s
		}
	}
	return ""
}

// siteFlag adds -s, --site: the site folder, the current one by default.
// parse checks that it is a folder.
func siteFlag(f *flags) *string {
	f.site = f.String("site", ".", "the site folder `SITE`, which holds site.toml and content/ (default: the current folder)")
	f.alias("s", "site")
	return f.site
}

// parse reads flags and positional arguments in any order ("build -s x"
// and "proof slug -o f" alike) and checks the number of positionals and
// that the site folder exists.
func parse(f *flags, args []string, minPos, maxPos int) ([]string, error) {
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			return nil, f.flagError(err)
		}
		args = f.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			pos = append(pos, args[1:]...)
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
	if f.site != nil {
		switch fi, err := os.Stat(*f.site); {
		case err != nil:
			return nil, usagef("site folder %s: %v (give the folder that holds site.toml and content/ with --site)", *f.site, unwrapPath(err))
		case !fi.IsDir():
			return nil, usagef("site folder %s is not a folder", *f.site)
		}
	}
	return pos, nil
}

// flagError turns an error of the flag package into a usage error that
// spells flags as --flag and suggests the flag meant.
func (f *flags) flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return &helpRequest{f}
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		out := "unknown flag " + f.spell(name)
		if close := f.suggest(name); close != "" {
			out += " (did you mean " + f.spell(close) + "?)"
		}
		return usagef("%s", out)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return usagef("%s needs a value", f.spell(strings.TrimLeft(name, "-")))
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		// invalid value "x" for flag -port: parse error
		if val, flagName, ok := strings.Cut(rest, " for flag "); ok {
			name, why, _ := strings.Cut(flagName, ": ")
			if why == "parse error" {
				why = "not valid"
			}
			return usagef("%s %s: %s", f.spell(strings.TrimLeft(name, "-")), val, why)
		}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid boolean flag "); ok {
		return usagef("invalid boolean flag %s", rest)
	}
	return usagef("%s", msg)
}

// spell is a flag as help spells it: --site, or -x for a flag with only
// one letter.
func (f *flags) spell(name string) string {
	if l, ok := f.long[name]; ok {
		name = l
	}
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// synonyms are flag names of other tools, and the flags of alongside
// that do what they do.
var synonyms = map[string][]string{
	"outdir": {"dest", "output"}, "out": {"dest", "output"}, "output-dir": {"dest", "output"},
	"out-dir": {"dest", "output"}, "destination": {"dest"}, "dst": {"dest"}, "publishdir": {"dest"},
	"publish-dir": {"dest"}, "public": {"dest"}, "o": {"output", "dest"}, "d": {"dest"},
	"file": {"output"}, "source": {"site"}, "src": {"site"}, "dir": {"site"}, "root": {"site"},
	"path": {"site"}, "baseurl": {"base-url"}, "base": {"base-url"}, "url": {"base-url"},
	"draft": {"unapproved"}, "drafts": {"unapproved"}, "builddrafts": {"unapproved"}, "all": {"unapproved"},
	"addr": {"bind"}, "address": {"bind"}, "host": {"bind"}, "listen": {"bind"}, "p": {"port"},
	"watch": {"poll"}, "interval": {"poll"}, "author": {"by"}, "approver": {"by"}, "role": {"by"},
	"day": {"date"}, "on": {"date"}, "when": {"date"},
}

// suggest is the flag of f that name most likely meant, or "".
func (f *flags) suggest(name string) string {
	lower := strings.ToLower(name)
	for _, s := range synonyms[lower] {
		if f.Lookup(s) != nil {
			return s
		}
	}
	var names []string
	f.VisitAll(func(fl *flag.Flag) {
		if _, isShort := f.long[fl.Name]; !isShort {
			names = append(names, fl.Name)
		}
	})
	return closestName(lower, names)
}

// closestName is the name of names a few edits from name, or "".
func closestName(name string, names []string) string {
	best, bestD := "", max(2, len(name)/3)+1
	for _, n := range names {
		d := content.EditDistance(name, n)
		if strings.HasPrefix(n, name) && len(name) >= 3 {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// unwrapPath is the reason of a *fs.PathError, without its path.
func unwrapPath(err error) error {
	if u := errors.Unwrap(err); u != nil {
		return u
	}
	return err
}
