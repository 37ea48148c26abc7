// Package explore is the explore backend's runtime: the scheduler that
// package stress runs each body under, many times, one schedule at a time.
//
// A schedule runs in a testing/synctest bubble of its own. Its scheduler
// is the bubble's main goroutine (sched.go); the body runs in another, and
// every goroutine it starts joins the bubble. At each facade operation a
// goroutine sends the scheduler a request (a value, over a channel) and
// waits on a channel of its own; the scheduler waits (synctest.Wait) until
// every goroutine of the bubble is blocked, takes the requests, asks its
// strategy which goroutine whose operation can proceed goes next, runs that
// operation on its model of the facade's objects (model.go) and wakes that
// goroutine alone. So one goroutine runs at a time, including those that
// the body started with plain go statements, which arrive at their first
// operation. A goroutine blocked on a channel or asleep is blocked inside
// the bubble; when none can proceed, the scheduler lets virtual time run,
// and what is still blocked an hour of it later is a deadlock (or, once the
// body has returned, a leak).
//
// The strategies (strategy.go) are one file each: random.go, pct.go
// (probabilistic concurrency testing), dfs.go (every schedule within a
// preemption bound) and portfolio.go. A failing schedule is recorded as the
// choices it made (schedule.go: versioned, run-length encoded, base64), so
// a replay does not depend on the strategy. report.go describes a failure;
// crash.go names the schedule when a goroutine's panic ends the process;
// race.go keeps the scheduler's hand-offs from hiding data races.
//
// Everything here needs Go 1.25 (testing/synctest's Test), as the backend
// does.
package explore
