//go:build go1.25

package explore

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync/atomic"
	"testing/synctest"
	"time"
	"unsafe"

	"github.com/petermattis/goid"
)

// horizon is how far virtual time may jump when no goroutine can proceed
// before the scheduler calls the state a deadlock (or, once the body has
// returned, a leak): a goroutine that sleeps longer than this, with every
// other goroutine blocked, counts as blocked forever.
const horizon = time.Hour

// fairLimit is how many choices in a row a goroutine may win against
// another that could run, before it must let the one that waited longest
// go first for one choice; but only in a schedule past half its step bound
// (SYNCSWEEP_EXPLORE_MAX_STEPS), which is presumed to spin. Without it a
// goroutine that polls (for !flag.Load() {}) would keep the turn forever
// under DFS's and PCT's choices, and a correct program would hit the step
// bound; with it from the first step, DFS's default of running a goroutine
// on stops finding the bugs that need exactly that (GoKer's
// Kubernetes58107: a helper's every Signal lost). The forced switch is not
// a preemption.
const fairLimit = 32

// active is the schedule being explored. Explorations run one at a time
// (Explore holds exploring), so one pointer serves every goroutine.
var active atomic.Pointer[sched]

// epoch is a real-clock reading. In a synctest bubble time.Now is the
// bubble's fake clock, which starts at 2000-01-01 and carries no monotonic
// reading, so time.Since(epoch) is negative there and never outside.
var epoch = time.Now()

// Current returns the scheduler of the schedule the calling goroutine runs
// in, or nil when it runs outside any exploration: then the facade behaves
// as sync does.
func Current() *Sched {
	s := active.Load()
	if s == nil || time.Since(epoch) >= 0 {
		return nil
	}
	return (*Sched)(s)
}

// Sched is one schedule's scheduler, as the facade sees it.
type Sched sched

// Call is one facade operation, as the facade describes it.
type Call struct {
	Op     Op
	Obj    unsafe.Pointer
	N      int64
	K, V   any
	Old    any
	Seed   []any // a Map's entries (key, value...), when the last call's Result asked for them
	Caller int   // frames between Do's caller and the user's call
}

// Result is what the operation returned.
type Result struct {
	OK       bool
	N        int64
	V        any
	KVs      []any
	NeedSeed bool // nothing ran: call again with Call.Seed set to the object's entries
}

// Do waits for the scheduler to choose the calling goroutine's operation,
// which the scheduler then runs on its model, and returns its result. If
// the schedule is over, the goroutine exits (runtime.Goexit); if sync would
// panic, Do panics with sync's message.
func (s *Sched) Do(c Call) Result {
	r := request{goid: goid.Get(), op: c.Op, obj: c.Obj, n: c.N, k: c.K, v: c.V, old: c.Old, seeded: c.Seed}
	if c.Op.acquires() {
		var pc [1]uintptr
		if runtime.Callers(3+c.Caller, pc[:]) == 1 {
			r.pc = pc[0]
		}
	}
	raceDisable()
	// A wake channel from the schedule's free list: made once per
	// goroutine in practice, not once per operation.
	select {
	case r.wake = <-s.free:
	default:
		r.wake = make(chan response, 1)
	}
	s.reqs <- r
	resp := <-r.wake
	select {
	case s.free <- r.wake:
	default:
	}
	raceEnable()
	if resp.abort {
		runtime.Goexit()
	}
	if len(resp.kvs) > 0 {
		Acquire(unsafe.Pointer(&resp.kvs[0]))
	}
	if resp.panicV != nil {
		panic(resp.panicV)
	}
	return Result{OK: resp.ok, N: resp.n, V: resp.v, KVs: resp.kvs, NeedSeed: resp.needSeed}
}

func (o Op) acquires() bool {
	switch o {
	case Lock, TryLock, RLock, TryRLock, WLock, TryWLock, OnceDo:
		return true
	}
	return false
}

// gstate is a goroutine the scheduler knows: one that reached a facade
// operation at least once in this schedule.
type gstate struct {
	id      int // in order of first arrival (ties by runtime id): stable across replays
	goid    int64
	req     request
	pending bool  // parked at req, waiting for its turn
	phase   uint8 // an RWMutex lock that waits in its second half
	granted bool  // an RLock granted by the writer's Unlock
	ran     int   // the step it last ran, -1 before its first
}

type rootResult struct {
	panicked bool
	value    any
	stack    []byte
}

// sched runs one schedule. Its fields belong to its own goroutine (the
// bubble's main goroutine), except reqs and rootDone, which carry values.
type sched struct {
	x        *exploration
	index    int
	strat    strategy
	replay   []int        // the choices to replay, if this schedule replays one
	reqs     chan request // facade operations, and the body's return (op rootReturn)
	free     chan chan response
	progress atomic.Int64 // steps, read by the stall watchdog
	bubble   atomic.Int64 // the synctest bubble's id, for stack dumps

	gs       map[int64]*gstate
	order    []*gstate
	fresh    []*gstate
	enabledB []*gstate
	idsB     []int
	m        *model
	choices  []int
	steps    int
	last     *gstate
	streak   int // operations s.last ran in a row while another could run
	root     *rootResult
	rootGoid int64
	failure  *Failure
	aborting bool
	ended    atomic.Bool // run has returned: the bubble has nothing left to schedule
}

func newSched(x *exploration, index int, strat strategy, replay []int) *sched {
	return &sched{
		x: x, index: index, strat: strat, replay: replay,
		gs:      map[int64]*gstate{},
		m:       newModel(),
		choices: x.choices[:0], // the last schedule's buffer: it passed
	}
}

// run is the bubble's main goroutine: it starts body and schedules until
// every goroutine is done or the schedule fails.
func (s *sched) run(body func()) {
	defer s.ended.Store(true)
	// Made here, inside the bubble: a goroutine blocked on them is durably
	// blocked, so virtual time moves on while the scheduler waits.
	s.reqs = make(chan request, 64)
	s.free = make(chan chan response, 64)
	s.bubble.Store(bubbleID())
	started := make(chan int64, 1)
	go s.runRoot(body, started)
	s.rootGoid = <-started
	// The body's goroutine is goroutine 0, even if another reaches a
	// facade operation first.
	root := &gstate{id: 0, goid: s.rootGoid, ran: -1}
	s.gs[s.rootGoid] = root
	s.order = append(s.order, root)
	for s.failure == nil {
		s.collect()
		if s.failure != nil {
			break
		}
		g := s.decide()
		if s.failure != nil {
			break
		}
		if g != nil {
			s.step(g)
			continue
		}
		if s.idle() {
			continue
		}
		// The horizon passed. Goroutines whose timers fell due at the
		// same instant have woken: let them run until they block, then
		// judge (one may even have reached a facade operation).
		s.collect()
		if s.anyEnabled() {
			continue
		}
		if s.root != nil && !s.anyPending() {
			// The body returned and nothing waits at the facade: any
			// goroutine still here is blocked for good, and synctest's
			// refusal to end the bubble names the leak (runSchedule).
			// With nothing left, the horizon cost nothing.
			return
		}
		s.failStuck()
	}
	s.abort()
}

func (s *sched) runRoot(body func(), started chan<- int64) {
	started <- goid.Get()
	res := rootResult{panicked: true}
	defer func() {
		if res.panicked {
			res.value = recover()
			if res.value != nil {
				res.stack = debug.Stack()
			} else {
				res.panicked = false // runtime.Goexit: t.FailNow in body
			}
		}
		raceDisable()
		s.reqs <- request{op: rootReturn, v: res}
		raceEnable()
	}()
	body()
	res.panicked = false
}

// collect waits until every goroutine of the bubble is blocked (parked at
// a facade operation, or blocked on something else), then takes the
// requests that arrived.
func (s *sched) collect() {
	for {
		s.wait()
		n := s.drain()
		if n < cap(s.reqs) { // no sender can be blocked on a full channel
			break
		}
	}
	s.name()
}

func (s *sched) drain() int {
	raceDisable()
	defer raceEnable()
	n := 0
	for {
		select {
		case r := <-s.reqs:
			s.arrive(r)
			n++
		default:
			return n
		}
	}
}

func (s *sched) arrive(r request) {
	if r.op == rootReturn {
		s.rootFinished(r.v.(rootResult))
		return
	}
	g := s.gs[r.goid]
	if g == nil {
		g = &gstate{id: -1, goid: r.goid, ran: -1}
		s.gs[r.goid] = g
		s.fresh = append(s.fresh, g)
	}
	g.req, g.pending, g.phase, g.granted = r, true, 0, false
}

func (s *sched) rootFinished(res rootResult) {
	s.root = &res
	if res.panicked {
		s.fail(KindPanic, fmt.Sprintf("panic in goroutine 0 (the body): %v\n\n%s", res.value, res.stack))
	}
}

// name gives goroutines that arrived for the first time their ids (the
// body's goroutine is 0 from the start), in order of arrival. Goroutines
// that arrived at the same point are ordered by how they were created,
// which a replay repeats, and not by their runtime ids alone, which it
// does not: a goroutine started by one created earlier in the same round
// follows its parent; the children of a known goroutine come in the order
// of its id, before those of a goroutine the scheduler never saw (one that
// ended before any facade operation); then by the go statement; and only
// siblings started by the same statement fall back on runtime ids, which
// one goroutine allocates in order unless it moves between Ps mid-loop.
func (s *sched) name() {
	if len(s.fresh) == 0 {
		return
	}
	sort.Slice(s.fresh, func(i, j int) bool { return s.fresh[i].goid < s.fresh[j].goid })
	if len(s.fresh) > 1 {
		s.orderByCreation()
	}
	for _, g := range s.fresh {
		g.id = len(s.order)
		s.order = append(s.order, g)
	}
	s.fresh = s.fresh[:0]
}

// orderByCreation sorts s.fresh as name describes, from one stack dump.
func (s *sched) orderByCreation() {
	births := make(map[int64]birth, len(s.fresh))
	for _, d := range dumpBubble(s.bubble.Load()) {
		births[d.goid] = birth{d.parent, d.site}
	}
	named := func(goid int64) (int, bool) {
		if g := s.gs[goid]; g != nil && g.id >= 0 {
			return g.id, true
		}
		return 0, false
	}
	creationOrder(s.fresh, births, named, len(s.order))
}

// birth is where a goroutine was started, and by which goroutine.
type birth struct {
	parent int64  // runtime id; 0 if unknown
	site   string // the go statement, as a stack dump shows it
}

// creationOrder orders fresh (sorted by runtime id) in place, as name
// describes, and gives each its id from next on. named says the id of a
// goroutine named before this round.
func creationOrder(fresh []*gstate, births map[int64]birth, named func(goid int64) (int, bool), next int) {
	left := append([]*gstate(nil), fresh...)
	ids := make(map[int64]int, len(fresh))
	waiting := func(goid int64) bool {
		for _, g := range left {
			if g.goid == goid {
				return true
			}
		}
		return false
	}
	// rank orders a goroutine's parent: a named one by its id, any other
	// after all named ones.
	rank := func(parent int64) int {
		if id, ok := ids[parent]; ok {
			return id
		}
		if id, ok := named(parent); ok {
			return id
		}
		return 1 << 30
	}
	out := fresh[:0]
	for len(left) > 0 {
		best := -1
		for i, g := range left {
			b := births[g.goid]
			if waiting(b.parent) {
				continue
			}
			if best < 0 {
				best = i
				continue
			}
			c := births[left[best].goid]
			if rb, rc := rank(b.parent), rank(c.parent); rb != rc {
				if rb < rc {
					best = i
				}
				continue
			}
			if b.site < c.site {
				best = i
			}
			// Same parent and site: left is in runtime-id order, and the
			// first stays best.
		}
		if best < 0 { // no dump of it: cannot happen to a goroutine parked in the bubble
			best = 0
		}
		g := left[best]
		left = append(left[:best], left[best+1:]...)
		ids[g.goid] = next + len(out)
		g.id = ids[g.goid]
		out = append(out, g)
	}
}

// decide returns the goroutine to run next, or nil if none can.
func (s *sched) decide() *gstate {
	en := s.enabledB[:0]
	for _, g := range s.order {
		if g.pending && s.enabled(g) {
			en = append(en, g)
		}
	}
	if len(en) > 1 && s.streak >= fairLimit && s.steps > s.x.cfg.MaxSteps/2 {
		// The goroutine on a streak sits out, and the one that has waited
		// longest goes: not the strategy's pick among the others, which
		// could hand the turn to another poller and never to the goroutine
		// they wait for.
		var next *gstate
		for _, g := range en {
			if g != s.last && (next == nil || g.ran < next.ran) {
				next = g
			}
		}
		en = append(en[:0], next)
	}
	s.enabledB = en
	if len(en) == 0 {
		return nil
	}
	last := -1
	if s.last != nil {
		last = s.last.id
	}
	ids := s.idsB[:0]
	for _, g := range en {
		ids = append(ids, g.id)
	}
	s.idsB = ids
	var id int
	switch {
	case len(en) == 1:
		id = ids[0]
		if s.replay == nil {
			s.strat.choose(ids, last) // the strategy counts steps
		}
	case s.replay != nil:
		k := len(s.choices)
		if k >= len(s.replay) {
			id = defaultChoice(ids, last)
		} else {
			id = s.replay[k]
			if !contains(ids, id) {
				s.fail(KindNondeterminism, fmt.Sprintf("the replayed schedule chose goroutine %d at choice %d, but only goroutines %v could run", id, k, ids))
				return nil
			}
		}
		s.choices = append(s.choices, id)
		s.x.rec.choose(id)
	default:
		id = s.strat.choose(ids, last)
		s.choices = append(s.choices, id)
		s.x.rec.choose(id)
	}
	for _, g := range en {
		if g.id == id {
			// A choice with no alternative (the others wait for a lock
			// g holds) does not end g's streak: only another goroutine
			// running does.
			switch {
			case g != s.last:
				s.streak = 0
			case len(en) > 1:
				s.streak++
			}
			return g
		}
	}
	panic("explore: the strategy chose a goroutine that cannot run")
}

// defaultChoice is the choice without a preemption: the goroutine that ran
// last if it can go on, else the lowest id.
func defaultChoice(ids []int, last int) int {
	if contains(ids, last) {
		return last
	}
	return ids[0]
}

func contains(ids []int, id int) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// step runs g's operation and lets g go on.
func (s *sched) step(g *gstate) {
	s.steps++
	s.progress.Add(1)
	if s.steps > s.x.cfg.MaxSteps {
		s.fail(KindStepBound, fmt.Sprintf("more than %d scheduling steps in one schedule (SYNCSWEEP_EXPLORE_MAX_STEPS): a livelock; a body too long to explore at this bound; or a loop that polls for something only time brings (virtual time moves only when every goroutine is blocked: a polling loop needs a time.Sleep)", s.x.cfg.MaxSteps))
		return
	}
	resp, goOn := s.execChecked(g)
	if s.failure != nil {
		return
	}
	s.last, g.ran = g, s.steps
	if goOn {
		g.pending = false
		s.wake(g, resp)
	}
}

func (s *sched) execChecked(g *gstate) (resp response, goOn bool) {
	defer func() {
		if p := recover(); p != nil {
			msg, ok := p.(misuse)
			if !ok {
				panic(p)
			}
			s.fail(KindPanic, fmt.Sprintf("fatal error in goroutine %d: %s (%s)", g.id, msg, g.req.op))
		}
	}()
	return s.exec(g)
}

// wait waits until every other goroutine of the bubble is durably blocked.
// It ignores sync events (race.go): synctest would tell the race detector
// that every goroutine's past happens before the scheduler's present.
func (s *sched) wait() {
	raceDisable()
	synctest.Wait()
	raceEnable()
}

// wake ends g's wait with resp. The send ignores sync events, so the
// hand-off orders nothing between goroutines; a Range snapshot, which the
// scheduler wrote, is released to g explicitly (Do acquires it), and the
// scheduler's own past holds nothing of another goroutine's to leak.
func (s *sched) wake(g *gstate, resp response) {
	if len(resp.kvs) > 0 {
		Release(unsafe.Pointer(&resp.kvs[0]))
	}
	raceDisable()
	g.req.wake <- resp
	raceEnable()
}

func (s *sched) anyEnabled() bool {
	for _, g := range s.order {
		if g.pending && s.enabled(g) {
			return true
		}
	}
	return false
}

func (s *sched) anyPending() bool {
	for _, g := range s.order {
		if g.pending {
			return true
		}
	}
	return false
}

func (s *sched) selfGoid() int64 { return goid.Get() }

// idle waits, with no goroutine able to run, for one to arrive at a facade
// operation: one blocked on a channel or asleep may still wake (virtual
// time moves on while the scheduler waits here). It returns false when
// nothing arrived within the horizon.
func (s *sched) idle() bool {
	t := time.NewTimer(horizon)
	defer t.Stop()
	raceDisable()
	defer raceEnable()
	select {
	case r := <-s.reqs:
		s.arrive(r)
		return true
	case <-t.C:
		return false
	}
}

// failStuck names why nothing can run: a deadlock while the body runs, a
// leak once it has returned.
func (s *sched) failStuck() {
	for _, d := range dumpBubble(s.bubble.Load()) {
		if strings.HasPrefix(d.status, "sleep") {
			// Someone still has a timer: the goroutines kept running,
			// on virtual time, without a facade operation.
			s.fail(KindStepBound, fmt.Sprintf("no facade operation for %v of virtual time while goroutines kept sleeping and waking: a loop that never ends (a livelock outside the facade, on channels and timers)", horizon))
			return
		}
	}
	if s.root == nil {
		s.fail(KindDeadlock, "no goroutine can proceed")
		return
	}
	s.fail(KindLeak, "the body returned, and goroutines it started are still blocked")
}

func (s *sched) fail(k Kind, msg string) {
	if s.failure != nil {
		return
	}
	s.failure = &Failure{Kind: k, Msg: msg}
	s.failure.Goroutines = s.describe()
}

// abort ends a failed schedule: its goroutines stay where they are,
// parked or blocked, and the bubble ends with synctest's deadlock panic,
// which runSchedule expects. Waking them to exit would run their deferred
// calls in states sync never reaches.
func (s *sched) abort() {
	s.aborting = true
}
