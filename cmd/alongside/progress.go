package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/alongside-dev/alongside/generator"
)

// showProgress prints one self-overwriting progress line on w while a
// build runs longer than a second, when w is a terminal. The returned
// function stops it and clears the line.
func showProgress(w io.Writer, p *generator.Progress) (stop func()) {
	f, ok := w.(*os.File)
	if !ok {
		return func() {}
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		shown := false
		delay := time.NewTimer(time.Second)
		defer delay.Stop()
		select {
		case <-done:
			return
		case <-delay.C:
		}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			fmt.Fprintf(f, "\r\x1b[K%d profiles read, %d files written", p.Read(), p.Written())
			shown = true
			select {
			case <-done:
				if shown {
					fmt.Fprint(f, "\r\x1b[K")
				}
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
