//go:build !explore

//lint:file-ignore SA2001 the paths take locks in orders; their critical sections are short on purpose

package stress_test

import (
	"strings"
	"testing"

	"github.com/syncsweep/syncsweep/facade"
	"github.com/syncsweep/syncsweep/facade/lockclass"
	"github.com/syncsweep/syncsweep/facade/stress"
)

// A cache that locks itself then its store, and a store that locks itself
// then its cache: the two paths deadlock as soon as they meet on one pair.

type cache struct {
	mu    facade.Mutex
	store *store
	n     int
}

type store struct {
	mu    facade.Mutex
	cache *cache
	n     int
}

func (c *cache) Refresh() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.store.mu.Lock()
	c.n = c.store.n
	c.store.mu.Unlock()
}

func (s *store) Evict() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cache.mu.Lock()
	s.n = s.cache.n
	s.cache.mu.Unlock()
}

func pair() *cache {
	c := &cache{store: &store{}}
	c.store.cache = c
	return c
}

// The table syncsweep -fix generates for this file (its test,
// TestGeneratedTableForCacheStore in package classtable, checks this
// copy).
func init() {
	lockclass.Declare(map[string][]lockclass.Site{
		"github.com/syncsweep/syncsweep/facade/stress_test.(*cache).Refresh": {{Receiver: "c.mu", Class: "github.com/syncsweep/syncsweep/facade/stress_test.cache.mu"}, {Receiver: "c.store.mu", Class: "github.com/syncsweep/syncsweep/facade/stress_test.store.mu"}},
		"github.com/syncsweep/syncsweep/facade/stress_test.(*store).Evict":   {{Receiver: "s.cache.mu", Class: "github.com/syncsweep/syncsweep/facade/stress_test.cache.mu"}, {Receiver: "s.mu", Class: "github.com/syncsweep/syncsweep/facade/stress_test.store.mu"}},
	})
}

// One run of each path, on different objects, never deadlocks, and no two
// objects are ever locked in both orders; the classes are. The deadlock
// backend fails the test with a report naming both classes and the stack
// where each order was first taken; without the tag it passes.
func TestClassInversion(t *testing.T) {
	rec := &recorder{TB: t}
	stress.Run(rec, func() {
		pair().Refresh()
		pair().store.Evict()
	})
	if stress.Backend() != "deadlock" {
		if rec.msg != "" {
			t.Errorf("backend %s reported:\n%s", stress.Backend(), rec.msg)
		}
		return
	}
	for _, want := range []string{
		"lock-order inversion between lock classes",
		"stress_test.store.mu -> github.com/syncsweep/syncsweep/facade/stress_test.cache.mu -> github.com/syncsweep/syncsweep/facade/stress_test.store.mu",
		"classes_test.go:34", // Refresh takes the store
		"classes_test.go:42", // Evict takes the cache
	} {
		if !strings.Contains(rec.msg, want) {
			t.Errorf("report lacks %q:\n%s", want, rec.msg)
		}
	}
}

// Each path alone, or both in one order, is no inversion.
func TestClassOrderKept(t *testing.T) {
	rec := &recorder{TB: t}
	stress.Run(rec, func() {
		pair().Refresh()
		pair().Refresh()
	})
	if rec.msg != "" {
		t.Errorf("reported:\n%s", rec.msg)
	}
}
