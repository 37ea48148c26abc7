//go:build go1.25

package explore

// strategy chooses, at each scheduling point, which goroutine runs next.
// One file per strategy: random.go, pct.go, dfs.go, portfolio.go.
type strategy interface {
	// name says what the strategy is, with its parameter ("pct:3").
	name() string
	// begin prepares schedule i (its index among all schedules, so that a
	// shard's schedules are the ones the whole run would have made). It
	// returns false when the strategy has nothing left to try.
	begin(i int) bool
	// choose returns one of ids (the goroutines that can run, ascending,
	// at least one); last is the goroutine that ran the previous
	// operation, or -1. It is called at every scheduling point, even one
	// with a single choice.
	choose(ids []int, last int) int
	// end closes the schedule.
	end()
}

// rng is splitmix64: small, fast, and the same on every platform and Go
// version, so a seed means the same schedules everywhere.
type rng struct{ s uint64 }

func newRNG(seed uint64, i int) rng {
	r := rng{seed ^ (uint64(i)+1)*0x9e3779b97f4a7c15}
	r.next()
	return r
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }
