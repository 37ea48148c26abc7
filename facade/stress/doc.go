// Package stress runs a test body the way the build's facade backend calls
// for, so that one test source serves every backend:
//
//	func TestTransfer(t *testing.T) {
//		stress.Run(t, func() {
//			// locks through the facade; plain go statements
//		})
//	}
//
// On the default backend (sync) the body runs once. Under -tags deadlock it
// runs once with the detector armed: a potential deadlock (lock-order
// inversion, recursive locking, a wait longer than the timeout) fails the
// test with the detector's report of both goroutines, instead of panicking
// the whole test binary.
//
// The body runs in its own goroutine, so it must report with t.Error, not
// t.Fatal (t.Fatal ends only the body's goroutine).
//
// # The explore backend
//
// Under -tags explore (Go 1.25 or later) Run runs the body under many
// schedules. One goroutine runs at a time, and at every facade operation
// (each Lock, Unlock, RLock, Wait, Signal, Once.Do, WaitGroup.Add and
// Wait, Map and Pool call, and every facade/atomic operation) a scheduler
// chooses which goroutine goes next. Goroutines the body starts with plain
// go statements come under the scheduler at their first facade operation.
// Each schedule runs in a testing/synctest bubble, so sleeps, timers and
// time.After run on virtual time: a test that sleeps an hour takes no time.
//
// The first failing schedule fails the test. The report's first line is
//
//	explore: <kind> in schedule N (<strategy>, seed S)
//
// where kind is deadlock (no goroutine can proceed), leak (goroutines the
// body started are still blocked when it has returned), panic (in the
// body, or a misuse sync reports as a fatal error: unlocking an unlocked
// mutex), test failure (t.Error or t.Fatal in the body), step bound (more
// than SYNCSWEEP_EXPLORE_MAX_STEPS steps in one schedule: a livelock),
// nondeterminism (a replay took another path) or unmodelled block (see
// below). Every goroutine follows, with what it waits for (which lock,
// held by which goroutine, locked where) and its stack; the last line is
//
//	SYNCSWEEP_EXPLORE_REPLAY=1.<run>.<choices>
//
// and running the test again with that variable set runs exactly that
// schedule, which fails the same way each time. The string records the
// choices, not the strategy, and starts with its encoding's version.
//
// The environment chooses the exploration, so CI changes it without code:
//
//   - SYNCSWEEP_EXPLORE=random|pct[:depth]|dfs[:preemptions]|portfolio:
//     random picks uniformly at each step; pct is probabilistic concurrency
//     testing (default depth 3): a bug of depth d among n steps and k
//     goroutines is found with probability at least 1/(n·k^(d-1)) per
//     schedule; dfs explores every schedule with at most the given number
//     of preemptions (default 2), depth first, and when it has seen them
//     all, Run logs "no failure in all N schedules with at most P
//     preemptions", a proof for that bound; portfolio (the default) takes
//     turns among dfs:2, random and pct:3.
//   - SYNCSWEEP_EXPLORE_SCHEDULES=N: the budget of each Run (default 1000).
//   - SYNCSWEEP_EXPLORE_SEED=S: the seed (default: a hash of the test's
//     name, so a run explores the same schedules until the seed changes).
//   - SYNCSWEEP_EXPLORE_SHARD=i/n: this process runs schedules i, i+n,
//     i+2n... of the budget (dfs: the subtrees of its share of the first
//     choice), so a CI matrix of n jobs splits one budget.
//   - SYNCSWEEP_EXPLORE_MAX_STEPS=N: the step bound of one schedule
//     (default 100000).
//   - SYNCSWEEP_EXPLORE_STALL=D: how long a schedule may go without a step,
//     in real time, before it is reported (default 10s).
//   - SYNCSWEEP_EXPLORE_REPLAY=S: run the one schedule S of the Run it
//     names (other Runs explore as usual).
//
// A value that cannot be read fails the test: a typo does not quietly
// explore something else.
//
// What is modelled: the facade's Mutex, RWMutex (with Go's writer
// preference: once a writer waits, new readers wait behind it), Cond (a
// Signal before the Wait is lost; no spurious wake-ups), Once (a Do inside
// its own f deadlocks), OnceFunc, OnceValue and OnceValues, WaitGroup
// (Add, Done, Wait, Go), Map (each call one atomic step; Range visits keys
// in the order first stored, a snapshot taken at the call), Pool (a stack
// that never drops an item, where sync.Pool may drop any) and every
// facade/atomic operation (sequentially consistent, one at a time). Each
// object's model is made at its first operation in a schedule: a Map
// holds what was stored in it before the exploration (in the order of its
// keys' printed form), a Once that already ran stays done; any other
// object starts unlocked, empty and zero in every schedule. Channel
// operations, select and sleeps inside the body are not scheduling points:
// the Go runtime orders them, inside the bubble, so a deadlock through them
// is still found (the bubble sees every goroutine block), but the
// scheduler does not choose among their interleavings. Virtual time only
// moves when every goroutine is blocked, so a sleep never ends before the
// other goroutines have done all they can. When no goroutine can proceed,
// virtual time may run one hour (the horizon) for a sleeper to wake; what
// is still blocked then is a deadlock, or a leak once the body has
// returned, and goroutines that kept waking on timers without a facade
// operation are a livelock (reported as a step bound). A schedule past
// half its step bound is presumed to spin: from then on, a goroutine that
// wins 32 choices in a row against another that could run sits out one
// choice, for the one that waited longest, so a loop that polls (an
// atomic, or a field under a lock) lets the goroutine it waits for run
// instead of ending in a step bound. (From the first step, the rule would
// keep DFS from running a goroutine on, which finds bugs that need it.)
// DFS's proof covers the schedules this rule allows.
//
// What is not: anything that blocks outside the body's world. A goroutine
// blocked on I/O, on a sync lock the sweep did not move (in a dependency,
// say), on a channel made outside the body, or spinning without a facade
// operation stops the schedule; after SYNCSWEEP_EXPLORE_STALL without a
// step, Run fails with "unmodelled block" and the stacks of the goroutines
// that are not blocked inside the bubble. Runs take turns (one exploration
// at a time in a process), and a goroutine belongs to the exploration when
// it runs in a synctest bubble while one runs: a facade lock shared with a
// goroutine outside the body is two locks, one inside and one outside,
// and a test of your own that runs synctest.Test in parallel with a
// stress.Run under this tag must not use facade types in its bubble. A
// goroutine that panics (other than the body's own) ends the test binary,
// as it would without the tag; a monitor process (the test binary run
// again, fed by runtime/debug.SetCrashOutput) then prints the schedule's
// report line and replay line after Go's message, where the platform can
// map a file (unix). The body's own nondeterminism (math/rand, the order
// of a map's iteration, select among ready channels) can make a replay
// take another path: it is reported as nondeterminism. Goroutines that
// reach their first facade operation at the same point are numbered by
// how they were created, which a replay repeats: a goroutine after the one
// that started it; the children of a numbered goroutine in the order of
// its number, before the children of one that ended before any facade
// operation; then by go statement. Only goroutines that one go statement
// started (in a loop) fall back on the order of their runtime ids, which
// follows creation unless the creator moved between processors mid-loop:
// a replay that took the other numbering says so. A single sleep
// longer than the horizon, with nothing else to run, is reported as a
// livelock.
//
// Under -race the scheduler's hand-offs add no happens-before edge between
// goroutines: the facade states the edges the real sync types make, so a
// data race between two goroutines is reported as it is without the tag.
//
// A test that a backend cannot serve (real I/O, wall-clock timing, a
// lock-free structure outside the model) says so with [NotUnder]: under
// that backend Run skips the test with the reason, and runs it everywhere
// else. [Backend] names the build's backend.
package stress
