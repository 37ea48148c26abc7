//go:build deadlock && !explore

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
	applyEnv()
}

// applyEnv applies SYNCSWEEP_DEADLOCK and SYNCSWEEP_DEADLOCK_TIMEOUT, at init
// and again after SetDetectorOptions: the environment has the last word, so
// CI can switch detection off (or stretch the timeout) in test binaries
// whose code sets options itself. A value it cannot read panics: a typo must
// not leave detection silently on.
func applyEnv() {
	switch v := os.Getenv("SYNCSWEEP_DEADLOCK"); v {
	case "":
	case "off", "0", "false":
		deadlock.Opts.Disable = true
	case "on", "1", "true":
		deadlock.Opts.Disable = false
	default:
		panic(fmt.Sprintf("facade: SYNCSWEEP_DEADLOCK=%q: want off or on", v))
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
	// The check and the writes under optionsMu, which the first lock call
	// takes too (firstUse): a lock call racing with this one either waits
	// for the writes or makes this call panic, never reads half of them.
	optionsMu.Lock()
	defer optionsMu.Unlock()
	if atomic.LoadInt32(&used) != 0 {
		panic("facade.SetDetectorOptions: a facade lock was used already; set the options first (in init or TestMain)")
	}
	if o.Timeout > 0 {
		deadlock.Opts.DeadlockTimeout = o.Timeout
	}
	deadlock.Opts.Disable = o.Disable
	applyEnv()
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

// markUsed records the first lock call. Every later call is one atomic load
// (no shared cache line written); only the first takes optionsMu, so the
// options SetDetectorOptions wrote happen before go-deadlock reads them.
func markUsed() {
	if atomic.LoadInt32(&used) == 0 {
		firstUse()
	}
}

func firstUse() {
	optionsMu.Lock()
	atomic.StoreInt32(&used, 1)
	optionsMu.Unlock()
}
