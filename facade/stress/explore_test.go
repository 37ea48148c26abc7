//go:build explore && go1.25

//lint:file-ignore SA2001 some bodies take locks in orders; their critical sections are empty on purpose

package stress_test

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/syncsweep/syncsweep/facade"
	"github.com/syncsweep/syncsweep/facade/atomic"
	"github.com/syncsweep/syncsweep/facade/stress"
)

// childEnv marks a child process: its tests run the programs they name
// (a buggy one fails) instead of checking them from outside.
const childEnv = "SYNCSWEEP_TEST_CHILD"

func isChild() bool { return os.Getenv(childEnv) != "" }

func sleepVirtual() { time.Sleep(time.Minute) }

// TestPrograms: each program's fixed twin passes every schedule of the
// budget; its buggy version, run in a child process as a user would run
// it, fails with the program's kind of failure within the budget, and the
// replay line the report ends with fails the same way, twice. For the
// small programs, DFS explores the fixed twin's whole bound.
func TestPrograms(t *testing.T) {
	for _, p := range programs {
		p := p
		t.Run(p.name, func(t *testing.T) {
			t.Run("fixed", func(t *testing.T) {
				for _, e := range p.env {
					k, v, _ := strings.Cut(e, "=")
					t.Setenv(k, v)
				}
				stress.Run(t, p.fixed(t))
			})
			t.Run("buggy", func(t *testing.T) {
				if isChild() {
					stress.Run(t, p.buggy(t))
					return
				}
				checkFound(t, p)
			})
			if p.small && !isChild() {
				t.Run("dfs", func(t *testing.T) {
					out, failed := runChild(t, "^TestPrograms$/^"+p.name+"$/^fixed$", append(p.env, "SYNCSWEEP_EXPLORE=dfs"))
					if failed {
						t.Fatalf("the fixed twin failed under dfs:\n%s", out)
					}
					if !regexp.MustCompile(`explore: no failure in all \d+ schedules with at most 2 preemptions`).MatchString(out) {
						t.Fatalf("DFS did not report exhausting its bound:\n%s", out)
					}
				})
			}
		})
	}
}

var (
	firstLine  = regexp.MustCompile(`explore: (.+) in schedule (\d+) \(([^,]+), seed (\d+)\)`)
	replayLine = regexp.MustCompile(`(?m)^\s*SYNCSWEEP_EXPLORE_REPLAY=(\S+)$`)
)

// checkFound runs p's buggy version in a child and checks the report, then
// replays it twice.
func checkFound(t *testing.T, p program) {
	run := "^TestPrograms$/^" + p.name + "$/^buggy$"
	out, failed := runChild(t, run, p.env)
	if !failed {
		t.Fatalf("the bug was not found in the budget:\n%s", out)
	}
	m := firstLine.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no report line:\n%s", out)
	}
	if m[1] != p.kind {
		t.Fatalf("found a %s, want a %s:\n%s", m[1], p.kind, out)
	}
	if n, _ := strconv.Atoi(m[2]); n >= 1000 {
		t.Fatalf("found in schedule %d, not within 1,000", n)
	}
	r := replayLine.FindStringSubmatch(out)
	if r == nil {
		t.Fatalf("the report has no replay line:\n%s", out)
	}
	t.Logf("%s found in schedule %s (%s); replay %s", m[1], m[2], m[3], r[1])
	var first string
	for i := 0; i < 2; i++ {
		again, failed := runChild(t, run, append(p.env, "SYNCSWEEP_EXPLORE_REPLAY="+r[1]))
		if !failed || !strings.Contains(again, "explore: "+p.kind+" in the replayed schedule") {
			t.Fatalf("replay %d did not fail with a %s:\n%s", i+1, p.kind, again)
		}
		if rr := replayLine.FindStringSubmatch(again); rr == nil || rr[1] != r[1] {
			t.Fatalf("replay %d printed another replay line:\n%s", i+1, again)
		}
		norm := normalize(report(again))
		if i == 0 {
			first = norm
		} else if norm != first {
			t.Fatalf("the two replays failed differently:\n--- first\n%s\n--- second\n%s", first, norm)
		}
	}
}

// report returns the failure report in a child's output: from its first
// line to its replay line.
func report(out string) string {
	i := strings.Index(out, "explore: ")
	j := strings.LastIndex(out, "SYNCSWEEP_EXPLORE_REPLAY=")
	if i < 0 || j < i {
		return out
	}
	return out[i:j]
}

// normalize drops what differs between two runs of the same schedule:
// addresses and runtime goroutine ids.
var unstable = regexp.MustCompile(`0x[0-9a-f]+|runtime goroutine \d+|goroutine \d+ \[|in goroutine \d+|\+0x[0-9a-f]+`)

func normalize(out string) string { return unstable.ReplaceAllString(out, "_") }

// runChild runs the tests that match run in a child process of this test
// binary, with extra environment, and reports its output and whether it
// failed.
func runChild(t *testing.T, run string, env []string) (string, bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run="+run, "-test.count=1", "-test.v")
	cmd.Env = append(append(os.Environ(), childEnv+"=1"), env...)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("the child did not finish:\n%s", out)
	}
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatal(err)
		}
	}
	if !strings.Contains(string(out), "=== RUN") {
		t.Fatalf("the child ran no test %s:\n%s", run, out)
	}
	return string(out), err != nil
}

// TestReplayThatDiverges: a replay string whose choices the program cannot
// take is reported as nondeterminism, not run as something else.
func TestReplayThatDiverges(t *testing.T) {
	if isChild() {
		stress.Run(t, inversion(false))
		return
	}
	run := "^TestReplayThatDiverges$"
	out, failed := runChild(t, run, nil)
	r := replayLine.FindStringSubmatch(out)
	if !failed || r == nil {
		t.Fatalf("the inversion was not found:\n%s", out)
	}
	key := r[1][:strings.LastIndex(r[1], ".")]
	// Goroutine 9 never exists in this program.
	bogus := key + ".CQE"
	out, failed = runChild(t, run, []string{"SYNCSWEEP_EXPLORE_REPLAY=" + bogus})
	if !failed || !strings.Contains(out, "explore: nondeterminism in the replayed schedule") ||
		!strings.Contains(out, "chose goroutine 9") {
		t.Fatalf("want a nondeterminism report naming goroutine 9:\n%s", out)
	}
	out, failed = runChild(t, run, []string{"SYNCSWEEP_EXPLORE_REPLAY=2.00000000.AQE"})
	if !failed || !strings.Contains(out, `encoding version "2"`) {
		t.Fatalf("want the version refused:\n%s", out)
	}
}

// outside is a channel made outside every body: a goroutine blocked on it
// is not durably blocked, and the scheduler cannot see it.
var outside = make(chan int)

// TestUnmodelledBlock: a body that blocks on a channel made outside it is
// reported with where it blocked, after the stall time, instead of
// hanging.
func TestUnmodelledBlock(t *testing.T) {
	if isChild() {
		stress.Run(t, func() {
			var mu facade.Mutex
			mu.Lock()
			<-outside
			mu.Unlock()
		})
		return
	}
	out, failed := runChild(t, "^TestUnmodelledBlock$", []string{"SYNCSWEEP_EXPLORE_STALL=300ms"})
	if !failed || !strings.Contains(out, "explore: unmodelled block in schedule 0") ||
		!strings.Contains(out, "[chan receive]") || !strings.Contains(out, "TestUnmodelledBlock.func1") {
		t.Fatalf("want an unmodelled block naming the receive in the body:\n%s", out)
	}
}

// TestBadEnvironment: a value the backend cannot read fails the test with
// the variable's name, instead of exploring something else.
func TestBadEnvironment(t *testing.T) {
	if isChild() {
		stress.Run(t, func() {})
		return
	}
	for _, env := range []string{"SYNCSWEEP_EXPLORE=pcr:3", "SYNCSWEEP_EXPLORE_SCHEDULES=0",
		"SYNCSWEEP_EXPLORE_SHARD=2/2", "SYNCSWEEP_EXPLORE_SEED=x", "SYNCSWEEP_EXPLORE_REPLAY=garbage"} {
		out, failed := runChild(t, "^TestBadEnvironment$", []string{env})
		name, _, _ := strings.Cut(env, "=")
		if !failed || !strings.Contains(out, "stress.Run: "+name) {
			t.Errorf("%s: want the test failed naming %s:\n%s", env, name, out)
		}
	}
}

// TestVirtualTime: sleeps in the body take no real time, and time.After
// works inside it.
func TestVirtualTime(t *testing.T) {
	t.Setenv("SYNCSWEEP_EXPLORE_SCHEDULES", "20")
	start := time.Now()
	stress.Run(t, func() {
		var wg facade.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Hour)
		}()
		<-time.After(30 * time.Minute)
		wg.Wait()
	})
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("20 schedules of an hour's sleep took %v of real time", d)
	}
}

// TestNotUnder: a test that declares the explore backend cannot serve it
// is skipped there, with the reason, and its body does not run.
func TestNotUnder(t *testing.T) {
	if isChild() {
		stress.Run(t, func() { panic("ran") }, stress.NotUnder("explore", "reads a real socket"))
		return
	}
	out, failed := runChild(t, "^TestNotUnder$", nil)
	if failed || !strings.Contains(out, "stress: not run under the explore backend: reads a real socket") ||
		!strings.Contains(out, "--- SKIP: TestNotUnder") {
		t.Fatalf("want a skip that says why:\n%s", out)
	}
	if stress.Backend() != "explore" {
		t.Fatalf("Backend() = %q under -tags explore", stress.Backend())
	}
}

// TestFairness: a goroutine that polls until another sets a flag is a
// correct program under any fair scheduler, whether it polls an atomic or
// a field under a lock (then, while it holds the lock, it is the only one
// that can run), and whether one goroutine polls or two do (then the turn
// a poller sits out must not go to the other poller for ever); every
// strategy must let the setter run, instead of reporting a step bound.
func TestFairness(t *testing.T) {
	polls := map[string]func() func(){
		"atomic": func() func() {
			return func() {
				var flag atomic.Bool
				var wg facade.WaitGroup
				wg.Go(func() {
					for !flag.Load() {
					}
				})
				wg.Go(func() { flag.Store(true) })
				wg.Wait()
			}
		},
		"locked": func() func() {
			return func() {
				var mu facade.Mutex
				set := false
				var wg facade.WaitGroup
				wg.Go(func() {
					for {
						mu.Lock()
						if set {
							mu.Unlock()
							return
						}
						mu.Unlock()
					}
				})
				wg.Go(func() { mu.Lock(); set = true; mu.Unlock() })
				wg.Wait()
			}
		},
		"twoPollers": func() func() {
			return func() {
				var flag atomic.Bool
				var wg facade.WaitGroup
				wg.Go(func() {
					for !flag.Load() {
					}
				})
				wg.Go(func() {
					for !flag.Load() {
					}
				})
				wg.Go(func() { flag.Store(true) })
				wg.Wait()
			}
		},
	}
	for _, strategy := range []string{"portfolio", "dfs", "pct", "random"} {
		for name, poll := range polls {
			t.Run(strategy+"/"+name, func(t *testing.T) {
				t.Setenv("SYNCSWEEP_EXPLORE", strategy)
				t.Setenv("SYNCSWEEP_EXPLORE_SCHEDULES", "200")
				// Fairness starts half-way to the bound: a small one
				// keeps each polling schedule short.
				t.Setenv("SYNCSWEEP_EXPLORE_MAX_STEPS", "2000")
				stress.Run(t, poll())
			})
		}
	}
}

// TestLivelockOnTimers: goroutines that trade messages forever, sleeping
// between them, never reach a facade operation; after the horizon of
// virtual time the schedule is a livelock, not a deadlock.
func TestLivelockOnTimers(t *testing.T) {
	if isChild() {
		stress.Run(t, func() {
			ch := make(chan int)
			go func() {
				for {
					ch <- 1
					time.Sleep(time.Second)
				}
			}()
			for {
				<-ch
			}
		})
		return
	}
	out, failed := runChild(t, "^TestLivelockOnTimers$", nil)
	if !failed || !strings.Contains(out, "explore: step bound in schedule 0") || !strings.Contains(out, "kept sleeping and waking") {
		t.Fatalf("want a livelock reported as a step bound:\n%s", out)
	}
}

// TestBodyIsGoroutineZero: the body is goroutine 0 in every report, even
// when another goroutine reaches a facade operation first.
func TestBodyIsGoroutineZero(t *testing.T) {
	if isChild() {
		stress.Run(t, func() {
			var mu facade.Mutex
			go func() {
				mu.Lock()
				mu.Lock() // blocks for good
			}()
			time.Sleep(time.Second)
			panic("the body gives up")
		})
		return
	}
	out, failed := runChild(t, "^TestBodyIsGoroutineZero$", nil)
	if !failed || !strings.Contains(out, "panic in goroutine 0 (the body): the body gives up") ||
		!regexp.MustCompile(`goroutine 1 \(runtime goroutine \d+\) \[waits to lock Mutex 0x[0-9a-f]+, held by goroutine 1 `).MatchString(out) {
		t.Fatalf("want the body as goroutine 0 and the locker as goroutine 1:\n%s", out)
	}
}

// TestNestedRun: a stress.Run inside a body fails the test at once,
// instead of waiting forever for the exploration that runs it.
func TestNestedRun(t *testing.T) {
	if isChild() {
		stress.Run(t, func() { stress.Run(t, func() {}) })
		return
	}
	out, failed := runChild(t, "^TestNestedRun$", []string{"SYNCSWEEP_EXPLORE_SCHEDULES=3", "SYNCSWEEP_EXPLORE_STALL=5s"})
	if !failed || !strings.Contains(out, "explorations do not nest") {
		t.Fatalf("want the nested Run refused:\n%s", out)
	}
}

// TestShards: each shard of SYNCSWEEP_EXPLORE_SHARD runs its own share of
// the schedules: the schedule a shard names is one of its share, and the
// shards together find the bug.
func TestShards(t *testing.T) {
	run := "^TestPrograms$/^LostWakeup$/^buggy$"
	for shard := 0; shard < 3; shard++ {
		out, failed := runChild(t, run, []string{"SYNCSWEEP_EXPLORE=random", "SYNCSWEEP_EXPLORE_SHARD=" + strconv.Itoa(shard) + "/3"})
		m := firstLine.FindStringSubmatch(out)
		if !failed || m == nil {
			t.Fatalf("shard %d/3 did not find the lost wake-up:\n%s", shard, out)
		}
		if n, _ := strconv.Atoi(m[2]); n%3 != shard {
			t.Errorf("shard %d/3 reports schedule %d, not one of its share", shard, n)
		}
	}
}

// TestFailureLeavesGoroutinesParked: when a schedule fails, its goroutines
// stay where they wait; none is made to exit through deferred calls that
// sync would never run (here, one that would panic on state the deadlock
// never let it set).
func TestFailureLeavesGoroutinesParked(t *testing.T) {
	if isChild() {
		stress.Run(t, func() {
			var a, b facade.Mutex
			var wg facade.WaitGroup
			wg.Add(2)
			go func() {
				var r *struct{ v int }
				defer func() { _ = r.v }() // nil unless the locks were taken
				defer wg.Done()
				a.Lock()
				b.Lock()
				r = &struct{ v int }{1}
				b.Unlock()
				a.Unlock()
			}()
			go func() { defer wg.Done(); b.Lock(); a.Lock(); a.Unlock(); b.Unlock() }()
			wg.Wait()
		})
		return
	}
	out, failed := runChild(t, "^TestFailureLeavesGoroutinesParked$", nil)
	if !failed || !strings.Contains(out, "explore: deadlock in schedule") || strings.Contains(out, "nil pointer") {
		t.Fatalf("want the deadlock reported, and no deferred call run:\n%s", out)
	}
}

// TestAbandonedBubbleStopsLaterRuns: a schedule that stalls leaves its
// bubble running; the next stress.Run in the binary refuses to explore,
// saying why, instead of taking the stalled goroutines' calls.
func TestAbandonedBubbleStopsLaterRuns(t *testing.T) {
	if isChild() {
		t.Run("stalls", func(t *testing.T) { stress.Run(t, func() { <-outside }) })
		t.Run("after", func(t *testing.T) { stress.Run(t, func() {}) })
		return
	}
	out, failed := runChild(t, "^TestAbandonedBubbleStopsLaterRuns$", []string{"SYNCSWEEP_EXPLORE_STALL=300ms"})
	if !failed || !strings.Contains(out, "explore: unmodelled block") ||
		!strings.Contains(out, "no exploration can run in this test binary after TestAbandonedBubbleStopsLaterRuns/stalls (schedule 0 stalled)") {
		t.Fatalf("want the stall, then the later run refused:\n%s", out)
	}
}
