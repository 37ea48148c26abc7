//go:build deadlock

package facade

import (
	"bytes"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sasha-s/go-deadlock"
)

// used is set by the first Lock: options may no longer change.
var used int32

var (
	optionsMu sync.Mutex
	reporter  atomic.Value // of reportFunc
	log       reportBuffer
)

type reportFunc struct{ f func(string) }

// reportBuffer collects what go-deadlock writes for one report.
type reportBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *reportBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *reportBuffer) take() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.buf.String()
	b.buf.Reset()
	return s
}

func init() {
	deadlock.Opts.LogBuf = &log
	deadlock.Opts.OnPotentialDeadlock = onPotentialDeadlock
	switch os.Getenv("SYNCSWEEP_DEADLOCK") {
	case "off", "0", "false":
		deadlock.Opts.Disable = true
	}
	if v := os.Getenv("SYNCSWEEP_DEADLOCK_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			panic(fmt.Sprintf("facade: SYNCSWEEP_DEADLOCK_TIMEOUT=%q: %v", v, err))
		}
		deadlock.Opts.DeadlockTimeout = d
	}
}

func onPotentialDeadlock() {
	report := log.take()
	if r, ok := reporter.Load().(reportFunc); ok && r.f != nil {
		r.f(report)
		return
	}
	reportAndPanic(report)
}

// reportAndPanic is the one default reaction: print the report (both
// goroutines' stacks), then panic, so the run fails with a panic and the
// report instead of go-deadlock's silent os.Exit(2).
//
// The panic is raised in a goroutine of its own: go-deadlock calls us with
// its internal lock held, so a panic here would run the culprit's deferred
// Unlock calls, which wait for that lock forever, and the panic would never
// surface (seen on GoBench kernels). A panic in a fresh goroutine cannot
// be caught or stalled: it ends the process.
//
//go:noinline
func reportAndPanic(report string) {
	fmt.Fprint(os.Stderr, report)
	done := make(chan struct{})
	go func() {
		defer close(done)
		panic("facade: potential deadlock (build tag deadlock); the report above names the goroutines")
	}()
	<-done // never: the panic ends the process first
}

func setDetectorOptions(o DetectorOptions) {
	if atomic.LoadInt32(&used) != 0 {
		panic("facade.SetDetectorOptions: a facade lock was used already; set the options first (in init or TestMain)")
	}
	optionsMu.Lock()
	defer optionsMu.Unlock()
	if o.Timeout > 0 {
		deadlock.Opts.DeadlockTimeout = o.Timeout
	}
	deadlock.Opts.Disable = o.Disable
}

func reportTo(f func(string)) func() {
	optionsMu.Lock()
	old, _ := reporter.Load().(reportFunc)
	reporter.Store(reportFunc{f})
	optionsMu.Unlock()
	return func() {
		optionsMu.Lock()
		reporter.Store(old)
		optionsMu.Unlock()
	}
}

// markUsed records the first lock. It loads before it stores, so that the
// locks do not all write one shared cache line.
func markUsed() {
	if atomic.LoadInt32(&used) == 0 {
		atomic.StoreInt32(&used, 1)
	}
}
