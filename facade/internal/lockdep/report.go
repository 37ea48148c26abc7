package lockdep

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// A report goes to the function ReportTo set, or else to the Log option
// (standard error), followed by a panic that ends the process.

var (
	reporterMu sync.Mutex
	reporter   unsafe.Pointer // *func(string)
)

// ReportTo sends every report to f until restore is called.
func ReportTo(f func(string)) (restore func()) {
	reporterMu.Lock()
	defer reporterMu.Unlock()
	old := atomic.LoadPointer(&reporter)
	var p unsafe.Pointer
	if f != nil {
		p = unsafe.Pointer(&f)
	}
	atomic.StorePointer(&reporter, p)
	return func() {
		reporterMu.Lock()
		defer reporterMu.Unlock()
		atomic.StorePointer(&reporter, old)
	}
}

// deliver hands a report on. It runs with no lock of the detector held.
func deliver(report string) {
	if f := (*func(string))(atomic.LoadPointer(&reporter)); f != nil {
		(*f)(report)
		return
	}
	reportAndPanic(report)
}

// reportAndPanic is the default reaction: write the report, then panic, so
// the run fails with the report and a panic. The panic is raised in a
// goroutine of its own, which nothing can recover or stall: a panic in the
// goroutine that locks would run its deferred Unlocks, and recover() in
// its callers could swallow the report's consequence.
//
//go:noinline
func reportAndPanic(report string) {
	w := load().Log
	if w == nil {
		w = os.Stderr
	}
	fmt.Fprint(w, report)
	done := make(chan struct{})
	go func() {
		defer close(done)
		panic("facade: potential deadlock (build tag deadlock); the report above names the goroutines")
	}()
	<-done // never: the panic ends the process first
}

func goroutineList(gs []int64) string {
	var parts []string
	for _, g := range gs {
		parts = append(parts, "goroutine "+strconv.FormatInt(g, 10))
	}
	return strings.Join(parts, " and ")
}

// stacks returns the stacks of the goroutines gs, in that order, from one
// dump of all goroutines.
func stacks(gs []int64) string {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	blocks := map[int64]string{}
	for _, block := range strings.Split(string(buf), "\n\n") {
		rest := strings.TrimPrefix(block, "goroutine ")
		num, _, _ := strings.Cut(rest, " ")
		if g, err := strconv.ParseInt(num, 10, 64); err == nil {
			blocks[g] = block
		}
	}
	var b strings.Builder
	for _, g := range gs {
		if s, ok := blocks[g]; ok {
			b.WriteString(trimStack(s))
			b.WriteString("\n")
		}
	}
	return b.String()
}
