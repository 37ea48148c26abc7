//go:build syncsweep_testhooks

package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// testWriteHook, in a binary built with -tags syncsweep_testhooks (as the
// kill and interrupt tests build it; releases never are), stops the writes
// where the environment says, so that a test's kill or signal lands
// mid-run every time:
//
//	SYNCSWEEP_TEST_AT=step:n   the n-th time a write reaches step (driver.StepHalf, ...)
//	SYNCSWEEP_TEST_DO=stop     block there until killed
//	SYNCSWEEP_TEST_DO=INT|TERM send the signal to this process, and go on
//	SYNCSWEEP_TEST_READY=file  created when the point is reached
func testWriteHook() func(step, name string) error {
	at := os.Getenv("SYNCSWEEP_TEST_AT")
	if at == "" {
		return nil
	}
	step, count, ok := strings.Cut(at, ":")
	n, err := strconv.Atoi(count)
	if !ok || err != nil {
		panic(fmt.Sprintf("SYNCSWEEP_TEST_AT=%q: want step:n", at))
	}
	var mu sync.Mutex
	seen := 0
	return func(s, name string) error {
		if s != step {
			return nil
		}
		mu.Lock()
		seen++
		hit := seen == n
		mu.Unlock()
		if !hit {
			return nil
		}
		do := os.Getenv("SYNCSWEEP_TEST_DO")
		switch do {
		case "INT", "TERM":
			sig := syscall.SIGINT
			if do == "TERM" {
				sig = syscall.SIGTERM
			}
			syscall.Kill(os.Getpid(), sig)
			// os/signal hands the signal to the driver on a goroutine of
			// its own: give it time to arrive before the next file.
			time.Sleep(500 * time.Millisecond)
		}
		if ready := os.Getenv("SYNCSWEEP_TEST_READY"); ready != "" {
			os.WriteFile(ready, []byte(name), 0o644)
		}
		if do == "stop" {
			select {} // until the test kills the process
		}
		return nil
	}
}
