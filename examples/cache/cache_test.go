package cache

import (
	"strconv"
	"sync"
	"testing"
)

func TestConcurrentUse(t *testing.T) {
	var c Cache
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			k := strconv.Itoa(i)
			c.Put(k, k)
			if v, ok := c.Get(k); !ok || v != k {
				t.Errorf("Get(%q) = %q, %v", k, v, ok)
			}
			c.Get("missing")
		}(i)
	}
	wg.Wait()
	if hits, misses := c.Stats(); hits != 8 || misses != 8 {
		t.Errorf("Stats() = %d, %d; want 8, 8", hits, misses)
	}
}
