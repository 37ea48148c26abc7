//go:build go1.25

package explore

import "strconv"

// pct is probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi
// and Nagarakatte, ASPLOS 2010): every goroutine gets a random priority,
// the highest-priority goroutine that can run always runs, and at d-1
// random steps the running goroutine drops below every other. A bug of
// depth d (d ordering constraints) among n steps and k goroutines is found
// with probability at least 1/(n·k^(d-1)) per schedule.
type pct struct {
	depth    int
	seed     uint64
	r        rng
	prio     map[int]int // goroutine id -> priority; 1..depth-1 are the lowered ones
	changes  []int       // the steps at which the running goroutine is lowered
	step     int
	maxSteps int // the longest schedule so far: n, for choosing change points
}

func newPCT(seed uint64, depth int) *pct {
	return &pct{depth: depth, seed: seed, prio: map[int]int{}, maxSteps: 64}
}

func (s *pct) name() string { return "pct:" + strconv.Itoa(s.depth) }

func (s *pct) begin(i int) bool {
	s.r = newRNG(s.seed, i)
	for k := range s.prio {
		delete(s.prio, k)
	}
	s.changes = s.changes[:0]
	for len(s.changes) < s.depth-1 {
		c := 1 + s.r.intn(s.maxSteps)
		if !contains(s.changes, c) {
			s.changes = append(s.changes, c)
		}
	}
	s.step = 0
	return true
}

func (s *pct) choose(ids []int, last int) int {
	s.step++
	for _, id := range ids {
		if _, ok := s.prio[id]; !ok {
			// Above every lowered priority; ties are all but impossible.
			s.prio[id] = s.depth + s.r.intn(1<<30)
		}
	}
	best := s.highest(ids)
	for i, c := range s.changes {
		if c == s.step {
			s.prio[best] = i + 1
			best = s.highest(ids)
		}
	}
	return best
}

func (s *pct) highest(ids []int) int {
	best := ids[0]
	for _, id := range ids[1:] {
		if s.prio[id] > s.prio[best] {
			best = id
		}
	}
	return best
}

func (s *pct) end() {
	if s.step > s.maxSteps {
		s.maxSteps = s.step
	}
}
