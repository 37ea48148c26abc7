//go:build go1.25

package explore

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

var (
	// exploring runs explorations one at a time: the facade finds the
	// schedule through one pointer (active). Parallel tests that call
	// stress.Run take turns.
	exploring sync.Mutex
	calls     = map[string]int{} // test name -> stress.Run calls so far, for run keys
	// abandoned, once set, says which exploration left a bubble whose
	// goroutines still run: they would make their facade calls to the
	// next exploration's scheduler, so none runs after it.
	abandoned string
)

// exploration is one stress.Run call.
type exploration struct {
	cfg     Config
	rec     recorder // the running schedule, for the crash monitor (crash.go)
	choices []int    // a passed schedule's choice buffer, for the next
}

// Outcome is what an exploration found.
type Outcome struct {
	Failure   *Failure // the first failing schedule, if any
	Schedules int      // how many ran
	Strategy  string
	Seed      uint64
	// Exhausted, when DFS explored its whole bound: "all N schedules with
	// at most P preemptions".
	Exhausted string
	Replayed  bool // the run replayed SYNCSWEEP_EXPLORE_REPLAY
}

// Explore runs body under many schedules, as the environment configures
// (see Config), and stops at the first that fails.
func Explore(t *testing.T, body func()) (Outcome, error) {
	cfg, err := ConfigFromEnv()
	if err != nil {
		return Outcome{}, err
	}
	exploring.Lock()
	defer exploring.Unlock()
	if abandoned != "" {
		return Outcome{}, fmt.Errorf("no exploration can run in this test binary after %s: its goroutines still run where the scheduler cannot stop them; run this test on its own", abandoned)
	}
	name := t.Name()
	key := runKey(name, calls[name])
	calls[name]++
	x := &exploration{cfg: cfg, rec: crashRecorder()}
	seed := cfg.seedFor(name)
	if cfg.Replay != "" {
		if rkey, choices, _ := decodeSchedule(cfg.Replay); rkey == key {
			out := x.replay(t, body, key, choices)
			out.Failure.Test = name
			return out, nil
		}
	}
	st := cfg.strategy(seed)
	out := Outcome{Strategy: st.name(), Seed: seed}
	for i := cfg.Shard; i < cfg.Schedules; i += cfg.Shards {
		if !st.begin(i) {
			break
		}
		s := newSched(x, i, st, nil)
		x.rec.begin(key, i, st.name(), seed, name)
		f := x.runSchedule(t, body, s)
		x.rec.end()
		st.end()
		out.Schedules++
		x.choices = s.choices
		if f != nil {
			f.Schedule, f.Strategy, f.Seed, f.Test = i, st.name(), seed, name
			f.Replay = encodeSchedule(key, s.choices)
			out.Failure = f
			return out, nil
		}
	}
	out.Exhausted = exhaustion(st)
	return out, nil
}

// exhaustion says what a DFS that finished proved.
func exhaustion(st strategy) string {
	var d *dfs
	switch st := st.(type) {
	case *dfs:
		d = st
	case *portfolio:
		d = st.exhaustedDFS()
	}
	if d == nil || !d.exhausted {
		return ""
	}
	what := fmt.Sprintf("all %d schedules with at most %d preemptions", d.count, d.bound)
	if d.shards > 1 {
		what += fmt.Sprintf(" in shard %d/%d", d.shard, d.shards)
	}
	return what
}

// replay runs the one schedule a replay string names.
func (x *exploration) replay(t *testing.T, body func(), key string, choices []int) Outcome {
	st := newDFS(0, 0, 1) // only counts: the replayed choices decide
	st.begin(0)
	s := newSched(x, 0, st, choices)
	x.rec.begin(key, 0, "replay", 0, t.Name())
	f := x.runSchedule(t, body, s)
	x.rec.end()
	out := Outcome{Schedules: 1, Strategy: "replay", Replayed: true}
	if f == nil && len(s.choices) < len(choices) {
		f = &Failure{Kind: KindNondeterminism, Msg: fmt.Sprintf(
			"the schedule ended after %d of its %d recorded choices without failing: the program took another path (a different test, build or version?)",
			len(s.choices), len(choices))}
	}
	if f == nil {
		f = &Failure{Kind: KindNondeterminism, Msg: "the replayed schedule ran to the end without failing: the failure depends on something the scheduler does not control (wall-clock time, I/O, map order, a goroutine outside the model)"}
	}
	f.Strategy, f.Replay = "replay", encodeSchedule(key, choices)
	out.Failure = f
	return out
}

// runSchedule runs one schedule in a synctest bubble of its own and
// returns its failure, if any. It watches the schedule for a stall: no
// scheduling step for cfg.Stall of real time means a goroutine is blocked
// where the scheduler cannot see (I/O, a lock outside the facade) or spins
// without a facade operation.
func (x *exploration) runSchedule(t *testing.T, body func(), s *sched) *Failure {
	failedBefore := t.Failed()
	active.Store(s)
	defer active.Store(nil)
	done := make(chan struct{})
	var bubblePanic any
	var leak *Failure
	go func() {
		defer close(done)
		defer func() {
			// Goroutines left blocked when the schedule ends make synctest
			// panic with its deadlock error: after a failure that is
			// expected; after a schedule that ended well, they are the
			// body's leak, still in memory to describe.
			if p := recover(); p != nil {
				e, ok := p.(error)
				switch {
				case !ok || !strings.HasPrefix(e.Error(), "deadlock:"):
					bubblePanic = p
				case s.failure == nil:
					leak = &Failure{Kind: KindLeak, Msg: "the body returned, and goroutines it started are still blocked",
						Goroutines: describeLeftovers(s.bubble.Load())}
				}
			}
		}()
		synctest.Test(t, func(*testing.T) { s.run(body) })
	}()
	if stall := x.watch(s, done); stall != nil {
		abandoned = fmt.Sprintf("%s (schedule %d stalled)", t.Name(), s.index)
		return stall // the bubble is abandoned: s belongs to it still
	}
	select {
	case <-done:
	case <-time.After(min(time.Second, x.cfg.Stall)):
		// The scheduler returned with a failure, and a goroutine still
		// runs without a facade operation: the bubble cannot end.
		abandoned = fmt.Sprintf("%s (schedule %d failed with goroutines still running)", t.Name(), s.index)
		return s.failure
	}
	f := s.failure
	if f == nil {
		f = leak
	}
	if e, ok := bubblePanic.(error); ok && strings.Contains(e.Error(), "asynctimerchan") {
		// synctest refuses the pre-Go 1.23 timer channels, which a go.mod
		// line below go 1.23 keeps by default.
		f = &Failure{Kind: KindUnmodelled, Msg: "the explore backend runs schedules in testing/synctest bubbles, which need GODEBUG asynctimerchan=0 (the default when go.mod says go 1.23 or later): add //go:debug asynctimerchan=0 to a _test.go file of the package, or set GODEBUG=asynctimerchan=0"}
	}
	if f == nil && bubblePanic != nil {
		f = &Failure{Kind: KindPanic, Msg: fmt.Sprintf("explore: the schedule's bubble panicked: %v", bubblePanic)}
	}
	if f == nil && !failedBefore && t.Failed() {
		f = &Failure{Kind: KindTestFailed, Msg: "the body failed the test (t.Error or t.Fatal; its messages are above)"}
	}
	return f
}

// watch waits for the schedule to end; it returns a failure if no step
// happened for cfg.Stall.
func (x *exploration) watch(s *sched, done <-chan struct{}) *Failure {
	tick := time.NewTicker(x.cfg.Stall / 8)
	defer tick.Stop()
	last, since := s.progress.Load(), time.Now()
	for {
		select {
		case <-done:
			return nil
		case now := <-tick.C:
			if s.ended.Load() && s.failure != nil {
				return nil // failed; what still runs keeps the bubble from ending
			}
			if p := s.progress.Load(); p != last {
				last, since = p, now
				continue
			}
			if now.Sub(since) < x.cfg.Stall {
				continue
			}
			// Those not durably blocked first: the ones the scheduler
			// waits for. The others, for what they wait on.
			var running, blocked strings.Builder
			for _, d := range dumpBubble(s.bubble.Load()) {
				if d.synctestRoot {
					continue
				}
				b := &running
				if d.durable {
					b = &blocked
				}
				fmt.Fprintf(b, "goroutine (runtime goroutine %d) [%s]:\n%s\n", d.goid, d.status, d.stack)
			}
			return &Failure{Kind: KindUnmodelled, Msg: fmt.Sprintf(
				"no scheduling step for %v (SYNCSWEEP_EXPLORE_STALL): the goroutines listed first are blocked where the scheduler cannot see (I/O, a lock or channel made outside the body) or run without a facade operation (goroutines that only trade channel messages, forever); the schedule is abandoned",
				x.cfg.Stall), Goroutines: running.String() + blocked.String()}
		}
	}
}
