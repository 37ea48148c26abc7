//go:build go1.25

package explore

import (
	"bytes"
	"fmt"
	"regexp"
	"runtime"
	"strconv"
	"strings"
)

// Kind names what went wrong in a schedule.
type Kind string

// The kinds of failure, as reports name them.
const (
	KindDeadlock       Kind = "deadlock"         // no goroutine can proceed
	KindLeak           Kind = "leak"             // goroutines still blocked when the body has returned
	KindPanic          Kind = "panic"            // a panic, or a misuse sync reports as a fatal error
	KindTestFailed     Kind = "test failure"     // t.Error or t.Fatal inside the body
	KindStepBound      Kind = "step bound"       // too many scheduling steps: a livelock
	KindNondeterminism Kind = "nondeterminism"   // a replay diverged from its schedule
	KindUnmodelled     Kind = "unmodelled block" // blocked where the scheduler cannot see
)

// Failure is a failed schedule.
type Failure struct {
	Kind       Kind
	Msg        string
	Goroutines string // every goroutine of the bubble: its state, what it waits for, its stack
	Schedule   int
	Strategy   string
	Seed       uint64
	Replay     string // the value of SYNCSWEEP_EXPLORE_REPLAY that runs this schedule again
	Test       string // the test's name, t.Name()
}

// Report is the failure as stress.Run prints it: the first line names the
// kind and the schedule, the last sets the replay variable.
func (f *Failure) Report() string {
	var b strings.Builder
	if f.Strategy == "replay" {
		fmt.Fprintf(&b, "explore: %s in the replayed schedule (SYNCSWEEP_EXPLORE_REPLAY)\n", f.Kind)
	} else {
		fmt.Fprintf(&b, "explore: %s in schedule %d (%s, seed %d)\n", f.Kind, f.Schedule, f.Strategy, f.Seed)
	}
	if f.Msg != "" {
		b.WriteString(strings.TrimRight(f.Msg, "\n"))
		b.WriteString("\n")
	}
	if f.Goroutines != "" {
		b.WriteString("\n")
		b.WriteString(f.Goroutines)
	}
	if f.Test != "" {
		fmt.Fprintf(&b, "\nto run this schedule again, set the line below in the environment of: go test -tags explore -run '%s'", runPattern(f.Test))
	}
	fmt.Fprintf(&b, "\nSYNCSWEEP_EXPLORE_REPLAY=%s", f.Replay)
	return b.String()
}

// runPattern is the -run pattern that selects exactly the test name.
func runPattern(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// dumped is one goroutine of a stack dump.
type dumped struct {
	goid         int64
	status       string // "chan receive (durable)", "sleep"...
	durable      bool   // blocked on something only the bubble can undo
	stack        string // the frames, ours left out
	synctestRoot bool   // the bubble's own root goroutine (synctest's)
	parent       int64  // the goroutine that started it (0: unknown)
	site         string // where it was started: "created by" and the line below
}

// dump returns the stacks of every goroutine in bubble id (0: all).
func dumpBubble(id int64) []dumped {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	var out []dumped
	for _, block := range bytes.Split(buf, []byte("\n\n")) {
		d, bubble, ok := parseGoroutine(string(block))
		if ok && (id == 0 || bubble == id) {
			out = append(out, d)
		}
	}
	return out
}

// parseGoroutine reads "goroutine 7 [chan receive (durable), synctest bubble 3]:"
// and the frames below it.
func parseGoroutine(block string) (d dumped, bubble int64, ok bool) {
	header, frames, _ := strings.Cut(block, "\n")
	rest, found := strings.CutPrefix(header, "goroutine ")
	if !found {
		return d, 0, false
	}
	num, rest, _ := strings.Cut(rest, " ")
	d.goid, _ = strconv.ParseInt(num, 10, 64)
	status := strings.TrimSuffix(strings.TrimPrefix(rest, "["), "]:")
	if i := strings.Index(status, ", synctest bubble "); i >= 0 {
		bubble, _ = strconv.ParseInt(strings.TrimSpace(status[i+len(", synctest bubble "):]), 10, 64)
		status = status[:i]
	}
	d.durable = strings.Contains(status, "(durable)")
	d.status = status
	// synctest's own two: the caller of synctest.Run (the bubble's root)
	// and the goroutine that waits for the test function.
	d.synctestRoot = strings.HasPrefix(status, "synctest.Run") || strings.Contains(frames, "testingSynctestTest(")
	d.stack = userFrames(frames)
	d.parent, d.site = creation(frames)
	return d, bubble, true
}

// creation reads the trailer "created by F in goroutine P": it returns P,
// and the go statement as "created by F" and the line below it (file, line
// and pc offset).
func creation(frames string) (parent int64, site string) {
	i := strings.LastIndex(frames, "\ncreated by ")
	if i < 0 {
		if !strings.HasPrefix(frames, "created by ") {
			return 0, ""
		}
		i = -1
	}
	line, below, _ := strings.Cut(frames[i+1:], "\n")
	if j := strings.LastIndex(line, " in goroutine "); j >= 0 {
		parent, _ = strconv.ParseInt(line[j+len(" in goroutine "):], 10, 64)
		line = line[:j] // the site alone: parents' runtime ids differ between runs
	}
	below, _, _ = strings.Cut(below, "\n")
	return parent, line + "\n" + strings.TrimSpace(below)
}

const ourPkg = "github.com/syncsweep/syncsweep/facade/internal/explore."

// userFrames drops the frames of this package and of synctest's plumbing:
// what is left starts at the facade call the goroutine made.
func userFrames(frames string) string {
	lines := strings.Split(frames, "\n")
	var b strings.Builder
	for i := 0; i+1 < len(lines); i += 2 {
		fn, file := lines[i], lines[i+1]
		if strings.HasPrefix(fn, "created by "+ourPkg) {
			b.WriteString("\tcreated by stress.Run\n")
			continue
		}
		if strings.HasPrefix(fn, ourPkg) || strings.HasPrefix(fn, "testing/synctest.") ||
			strings.HasPrefix(fn, "internal/synctest.") || strings.HasPrefix(fn, "runtime.") {
			continue
		}
		b.WriteString("\t")
		b.WriteString(fn)
		b.WriteString("\n")
		b.WriteString(file)
		b.WriteString("\n")
	}
	return b.String()
}

// bubbleID returns the synctest bubble of the calling goroutine.
func bubbleID() int64 {
	var buf [128]byte
	n := runtime.Stack(buf[:], false)
	_, bubble, _ := parseGoroutine(string(buf[:n]))
	return bubble
}

// describe lists every goroutine of the schedule's bubble: those the
// scheduler knows with what they wait for, then any other (blocked on a
// channel before their first facade operation, say).
func (s *sched) describe() string {
	stacks := map[int64]dumped{}
	for _, d := range dumpBubble(s.bubble.Load()) {
		stacks[d.goid] = d
	}
	self := s.selfGoid()
	var b strings.Builder
	for _, g := range s.order {
		d, alive := stacks[g.goid]
		delete(stacks, g.goid)
		if !alive {
			continue // exited
		}
		fmt.Fprintf(&b, "goroutine %d (runtime goroutine %d) %s:\n%s\n", g.id, g.goid, s.state(g, d), d.stack)
	}
	for _, d := range stacks {
		if d.goid == self || d.synctestRoot {
			continue
		}
		fmt.Fprintf(&b, "goroutine (runtime goroutine %d, no facade operation yet) [%s]:\n%s\n", d.goid, d.status, d.stack)
	}
	return b.String()
}

// describeLeftovers lists the goroutines of a bubble whose schedule has
// ended: those still blocked, which synctest would not leave behind.
func describeLeftovers(bubble int64) string {
	var b strings.Builder
	for _, d := range dumpBubble(bubble) {
		if d.synctestRoot {
			continue
		}
		fmt.Fprintf(&b, "goroutine (runtime goroutine %d) [%s]:\n%s\n", d.goid, d.status, d.stack)
	}
	return b.String()
}

// state says what g is doing: the operation it waits at and why it cannot
// proceed, or where it is blocked outside the facade.
func (s *sched) state(g *gstate, d dumped) string {
	if !g.pending {
		return "[" + d.status + "]"
	}
	r := &g.req
	if s.enabled(g) {
		return fmt.Sprintf("[runnable: %s]", r.op)
	}
	switch r.op {
	case Lock:
		m := get(s.m.mutexes, r.obj)
		return fmt.Sprintf("[waits to lock Mutex %p, held by %s]", r.obj, holder(m.holder, m.pc))
	case RLock:
		rw := get(s.m.rws, r.obj)
		return fmt.Sprintf("[waits to read-lock RWMutex %p: a writer, %s, %s]", r.obj, holder(rw.wg, rw.wpc), writerState(rw))
	case WLock:
		rw := get(s.m.rws, r.obj)
		if g.phase == 0 {
			return fmt.Sprintf("[waits to lock RWMutex %p: another writer holds or waits for it]", r.obj)
		}
		var hs []string
		for _, h := range rw.readers {
			hs = append(hs, holder(h.g, h.pc))
		}
		return fmt.Sprintf("[waits to lock RWMutex %p for readers to leave: read-locked by %s]", r.obj, strings.Join(hs, ", "))
	case CondWait:
		return fmt.Sprintf("[waits in Cond.Wait on Cond %p: no Signal or Broadcast came after it]", r.obj)
	case OnceDo:
		o := get(s.m.onces, r.obj)
		return fmt.Sprintf("[waits in Once.Do on Once %p: its f runs in goroutine %d]", r.obj, o.running.id)
	case WGWait:
		return fmt.Sprintf("[waits in WaitGroup.Wait on WaitGroup %p: counter %d]", r.obj, get(s.m.wgs, r.obj).n)
	}
	return fmt.Sprintf("[waits at %s]", r.op)
}

func writerState(rw *rwState) string {
	if rw.writer {
		return "holds it"
	}
	return "waits for the readers to leave"
}

func holder(g *gstate, pc uintptr) string {
	if g == nil {
		return "nobody"
	}
	s := fmt.Sprintf("goroutine %d", g.id)
	if pc != 0 {
		f := runtime.FuncForPC(pc)
		if f != nil {
			file, line := f.FileLine(pc - 1)
			s += fmt.Sprintf(" (locked at %s:%d)", file, line)
		}
	}
	return s
}
