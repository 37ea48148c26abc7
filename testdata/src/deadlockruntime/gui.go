// Package deadlockruntime tunes go-deadlock as lazygit's Gui.Run does: in
// a method that runs after locks are in use, with a computed Disable and a
// LogBuf writer, comments between them.
package deadlockruntime

import (
	"io"
	"os"

	"github.com/sasha-s/go-deadlock"
)

type onceWriter struct {
	w     io.Writer
	first func()
}

func (o *onceWriter) Write(p []byte) (int, error) {
	if o.first != nil {
		o.first()
		o.first = nil
	}
	return o.w.Write(p)
}

// Gui has a lock and a debug switch.
type Gui struct {
	mu    deadlock.Mutex // want `github.com/sasha-s/go-deadlock.Mutex bypasses the lock facade`
	Debug bool
}

func (g *Gui) close() {}

// Run starts the interface.
func (g *Gui) Run(o string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	// if the deadlock package wants to report a deadlock, we first need to
	// close the gui so that we can actually read what it prints.
	deadlock.Opts.LogBuf = &onceWriter{w: os.Stderr, first: func() { // want `github.com/sasha-s/go-deadlock.Opts.LogBuf bypasses the lock facade`
		g.close()
	}}
	// disable deadlock reporting if we're not running in debug mode.
	deadlock.Opts.Disable = !g.Debug || os.Getenv(o) != "" // the parameter o: the function's is named opts
}
