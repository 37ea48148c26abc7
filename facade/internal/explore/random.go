//go:build go1.25

package explore

// random picks uniformly among the goroutines that can run, at every
// scheduling point (shuttle's RandomScheduler).
type random struct {
	seed uint64
	r    rng
}

func newRandom(seed uint64) *random { return &random{seed: seed} }

func (s *random) name() string { return "random" }

func (s *random) begin(i int) bool {
	s.r = newRNG(s.seed, i)
	return true
}

func (s *random) choose(ids []int, last int) int { return ids[s.r.intn(len(ids))] }

func (s *random) end() {}
