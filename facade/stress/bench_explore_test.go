//go:build explore && go1.25

package stress_test

import (
	"flag"
	"os"
	"strconv"
	"testing"

	"github.com/syncsweep/syncsweep/facade"
	"github.com/syncsweep/syncsweep/facade/atomic"
	"github.com/syncsweep/syncsweep/facade/stress"
)

// The explore backend's cost, against the floor measured in the same run
// (scripts/bench-explore.sh runs them together):
//
//   - BenchmarkHandoffFloor: one goroutine hand-off, the least a
//     scheduler that runs one goroutine at a time can pay per step: two
//     goroutines ping-pong on unbuffered channels, and an op is one
//     message (half a round trip);
//   - BenchmarkExploreStep: one scheduling step, an op being one facade
//     operation of two goroutines that take turns under one schedule
//     (random, DFS and PCT choosing);
//   - BenchmarkExploreSchedule: one whole schedule of a GoKer-sized
//     program (three goroutines, a cycle of three locks taken in order,
//     a WaitGroup: about 20 steps).

func BenchmarkHandoffFloor(b *testing.B) {
	ping, pong := make(chan struct{}), make(chan struct{})
	go func() {
		for range ping {
			pong <- struct{}{}
		}
	}()
	b.ResetTimer()
	for i := 0; i < b.N; i += 2 {
		ping <- struct{}{}
		<-pong
	}
	close(ping)
}

func BenchmarkExploreStep(b *testing.B) {
	for _, strategy := range []string{"random", "dfs", "pct"} {
		b.Run(strategy, func(b *testing.B) {
			setenv(b, "SYNCSWEEP_EXPLORE", strategy)
			setenv(b, "SYNCSWEEP_EXPLORE_MAX_STEPS", strconv.Itoa(2*b.N+100))
			withSchedules(b, 1, turns(b.N))
		})
	}
}

// turns: two goroutines, b.N atomic operations between them, each one
// scheduling point.
func turns(n int) func() {
	return func() {
		var turn atomic.Int64
		var wg facade.WaitGroup
		for g := 0; g < 2; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < n/2; i++ {
					turn.Add(1) // one scheduling point each
				}
			}()
		}
		wg.Wait()
	}
}

// BenchmarkExploreSchedule: random and PCT, whose schedules never run out
// (a DFS of this program exhausts its bound after a few dozen).
func BenchmarkExploreSchedule(b *testing.B) {
	for _, strategy := range []string{"random", "pct"} {
		b.Run(strategy, func(b *testing.B) {
			setenv(b, "SYNCSWEEP_EXPLORE", strategy)
			withSchedules(b, b.N, cycle(true))
		})
	}
}

// withSchedules runs body under stress.Run with a budget of n schedules,
// in a test of its own: the explore backend runs schedules in
// testing/synctest bubbles, which need a *testing.T. testing.RunTests
// runs a test -test.count times (and once per -test.cpu value: run these
// benchmarks with one), so the count is 1 while it runs.
func withSchedules(b *testing.B, n int, body func()) {
	b.Helper()
	setenv(b, "SYNCSWEEP_EXPLORE_SCHEDULES", strconv.Itoa(n))
	if count := flag.Lookup("test.count"); count != nil {
		old := count.Value.String()
		count.Value.Set("1")
		defer count.Value.Set(old)
	}
	b.ResetTimer()
	ok := testing.RunTests(func(string, string) (bool, error) { return true, nil },
		[]testing.InternalTest{{Name: b.Name(), F: func(t *testing.T) { stress.Run(t, body) }}})
	b.StopTimer()
	if !ok {
		b.Fatal("the measured body failed under the explore backend")
	}
}

// setenv sets an environment variable for the rest of the benchmark (the
// test that withSchedules makes reads it).
func setenv(b *testing.B, name, value string) {
	old, had := os.LookupEnv(name)
	os.Setenv(name, value)
	b.Cleanup(func() {
		if had {
			os.Setenv(name, old)
		} else {
			os.Unsetenv(name)
		}
	})
}
