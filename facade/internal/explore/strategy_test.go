//go:build go1.25

package explore

import (
	"fmt"
	"strings"
	"testing"
)

// simulate runs strategy st over a model program: k goroutines of m steps
// each, every unfinished goroutine able to run at every point. It returns
// each schedule as the sequence of goroutines that ran.
func simulate(st strategy, k, m, budget int) []string {
	var out []string
	for i := 0; i < budget && st.begin(i); i++ {
		left := make([]int, k)
		for g := range left {
			left[g] = m
		}
		last := -1
		var b strings.Builder
		for {
			var ids []int
			for g, n := range left {
				if n > 0 {
					ids = append(ids, g)
				}
			}
			if len(ids) == 0 {
				break
			}
			g := st.choose(ids, last)
			left[g]--
			last = g
			b.WriteByte(byte('0' + g))
		}
		st.end()
		out = append(out, b.String())
	}
	return out
}

// interleavings lists every schedule of the model with at most bound
// preemptions (a switch away from a goroutine that could go on).
func interleavings(k, m, bound int) map[string]bool {
	all := map[string]bool{}
	var walk func(left []int, last, pre int, path string)
	walk = func(left []int, last, pre int, path string) {
		done := true
		for g, n := range left {
			if n == 0 {
				continue
			}
			done = false
			p := pre
			if last >= 0 && g != last && left[last] > 0 {
				p++
			}
			if p > bound {
				continue
			}
			left[g]--
			walk(left, g, p, path+string(rune('0'+g)))
			left[g]++
		}
		if done {
			all[path] = true
		}
	}
	left := make([]int, k)
	for g := range left {
		left[g] = m
	}
	walk(left, -1, 0, "")
	return all
}

// TestDFSExploresTheBoundExactly: DFS runs every schedule within its
// preemption bound once, and no other, then says it is exhausted.
func TestDFSExploresTheBoundExactly(t *testing.T) {
	for _, tc := range []struct{ k, m, bound int }{
		{2, 2, 0}, {2, 3, 1}, {2, 3, 2}, {3, 2, 1}, {3, 3, 2}, {2, 4, 3},
	} {
		t.Run(fmt.Sprintf("k%d_m%d_p%d", tc.k, tc.m, tc.bound), func(t *testing.T) {
			d := newDFS(tc.bound, 0, 1)
			got := simulate(d, tc.k, tc.m, 1<<20)
			want := interleavings(tc.k, tc.m, tc.bound)
			seen := map[string]bool{}
			for _, s := range got {
				if seen[s] {
					t.Errorf("schedule %s ran twice", s)
				}
				seen[s] = true
				if !want[s] {
					t.Errorf("schedule %s is outside the bound", s)
				}
			}
			for s := range want {
				if !seen[s] {
					t.Errorf("schedule %s was never run", s)
				}
			}
			if !d.exhausted || d.count != len(want) {
				t.Errorf("exhausted=%v after %d schedules, want true after %d", d.exhausted, d.count, len(want))
			}
		})
	}
}

// TestDFSShardsPartition: the shards of a DFS run, together, every
// schedule of the bound, and no two shards run the same one.
func TestDFSShardsPartition(t *testing.T) {
	want := interleavings(3, 2, 2)
	seen := map[string]int{}
	for shard := 0; shard < 3; shard++ {
		d := newDFS(2, shard, 3)
		for _, s := range simulate(d, 3, 2, 1<<20) {
			seen[s]++
		}
	}
	for s := range want {
		if seen[s] == 0 {
			t.Errorf("no shard ran %s", s)
		}
	}
	for s, n := range seen {
		if !want[s] {
			t.Errorf("%s is outside the bound", s)
		}
		// A shard whose first choice has no alternative of its own runs
		// the default path once before it knows: that one may repeat.
		if n > 1 && s != simulate(newDFS(2, 0, 1), 3, 2, 1)[0] {
			t.Errorf("%s ran in %d shards", s, n)
		}
	}
}

// TestRandomAndPCTAreSeeded: the same seed and index make the same
// schedule, another seed another; PCT's schedules stay within the model.
func TestRandomAndPCTAreSeeded(t *testing.T) {
	for _, mk := range []func(seed uint64) strategy{
		func(seed uint64) strategy { return newRandom(seed) },
		func(seed uint64) strategy { return newPCT(seed, 3) },
	} {
		a := simulate(mk(1), 3, 4, 50)
		b := simulate(mk(1), 3, 4, 50)
		c := simulate(mk(2), 3, 4, 50)
		if strings.Join(a, ",") != strings.Join(b, ",") {
			t.Errorf("%s: one seed made two different runs", mk(1).name())
		}
		if strings.Join(a, ",") == strings.Join(c, ",") {
			t.Errorf("%s: two seeds made the same 50 schedules", mk(1).name())
		}
		distinct := map[string]bool{}
		for _, s := range a {
			distinct[s] = true
			if len(s) != 12 {
				t.Errorf("%s: schedule %s is not 12 steps", mk(1).name(), s)
			}
		}
		if len(distinct) < 10 {
			t.Errorf("%s: only %d distinct schedules in 50", mk(1).name(), len(distinct))
		}
	}
}

// TestPCTDepthOneRunsByPriority: with depth 1 there is no change point,
// so each schedule runs one goroutine to its end before the next.
func TestPCTDepthOneRunsByPriority(t *testing.T) {
	for _, s := range simulate(newPCT(7, 1), 3, 3, 20) {
		for i := 1; i < len(s); i++ {
			if s[i] != s[i-1] && strings.Contains(s[:i], s[i:i+1]) {
				t.Fatalf("schedule %s returns to a goroutine it left", s)
			}
		}
	}
}
