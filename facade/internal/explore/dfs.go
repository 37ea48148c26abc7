//go:build go1.25

package explore

import "strconv"

// dfs explores every schedule with at most bound preemptions, depth first
// (CHESS's iterative context bounding; loom's preemption bound). A
// preemption is a switch away from a goroutine that could have gone on.
// When the tree is exhausted, every schedule within the bound has run:
// "no failure in all N schedules with at most 2 preemptions" is a proof for
// that bound (for a program whose only nondeterminism is the schedule).
//
// Under SYNCSWEEP_EXPLORE_SHARD=i/n, shard i explores the subtrees whose
// alternative at the first choice with more than one is i modulo n.
type dfs struct {
	bound     int
	shard     int
	shards    int
	stack     []frame
	arena     []int // every frame's alternatives, one after another
	depth     int   // the next frame to use in this schedule
	exhausted bool
	count     int // schedules begun
}

// frame is one choice of the current path: the goroutines that could run,
// the order the alternatives are tried in, and the one now taken.
type frame struct {
	at, n int // the alternatives: arena[at:at+n], the default (no preemption) first, then the others ascending
	taken int // index into the alternatives
	last  int
	pre   int // preemptions before this choice
}

func newDFS(bound, shard, shards int) *dfs {
	return &dfs{bound: bound, shard: shard, shards: shards}
}

func (s *dfs) name() string { return "dfs:" + strconv.Itoa(s.bound) }

func (s *dfs) begin(int) bool {
	if s.exhausted {
		return false
	}
	s.depth = 0
	s.count++
	return true
}

func (s *dfs) choose(ids []int, last int) int {
	if len(ids) == 1 {
		return ids[0]
	}
	if s.depth < len(s.stack) {
		f := &s.stack[s.depth]
		s.depth++
		if alt := s.alt(f, f.taken); alt >= 0 && contains(ids, alt) {
			return alt
		}
		// The program chose differently on the same path: the replay of
		// this prefix diverged. Keep the default; the run reports it when
		// it was a replay, and exploration moves on.
		return defaultChoice(ids, last)
	}
	pre := 0
	if s.depth > 0 {
		p := &s.stack[s.depth-1]
		pre = p.pre
		if s.preempts(p, p.taken) {
			pre++
		}
	}
	d := defaultChoice(ids, last)
	f := frame{at: len(s.arena), n: len(ids), last: last, pre: pre}
	s.arena = append(s.arena, d)
	for _, id := range ids {
		if id != d {
			s.arena = append(s.arena, id)
		}
	}
	if s.shards > 1 && s.firstBranch() {
		// This shard's share of the first branching choice.
		f.taken = s.shard
		if f.taken >= f.n || !s.allowed(&f, f.taken) {
			s.exhausted = true
			f.taken = 0
		}
	}
	s.stack = append(s.stack, f)
	s.depth++
	return s.alt(&f, f.taken)
}

// alt returns f's alternative i, or -1.
func (s *dfs) alt(f *frame, i int) int {
	if i >= f.n {
		return -1
	}
	return s.arena[f.at+i]
}

// preempts reports whether taking f's alternative i switches away from a
// goroutine that could have gone on.
func (s *dfs) preempts(f *frame, i int) bool {
	alts := s.arena[f.at : f.at+f.n]
	return alts[i] != f.last && contains(alts, f.last)
}

// allowed reports whether taking alternative i stays within the bound.
func (s *dfs) allowed(f *frame, i int) bool {
	pre := f.pre
	if s.preempts(f, i) {
		pre++
	}
	return pre <= s.bound
}

// firstBranch reports whether the frame being pushed is the path's first.
func (s *dfs) firstBranch() bool { return len(s.stack) == 0 }

// end moves to the next path: the deepest choice with an untried
// alternative within the bound takes it, and the frames below it go.
func (s *dfs) end() {
	s.stack = s.stack[:min(s.depth, len(s.stack))]
	for len(s.stack) > 0 {
		i := len(s.stack) - 1
		f := &s.stack[i]
		s.arena = s.arena[:f.at+f.n]
		step := 1
		if s.shards > 1 && i == 0 {
			step = s.shards
		}
		for f.taken += step; f.taken < f.n; f.taken += step {
			if s.allowed(f, f.taken) {
				return
			}
		}
		s.stack = s.stack[:i]
		s.arena = s.arena[:f.at]
	}
	s.exhausted = true
}
