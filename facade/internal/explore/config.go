//go:build go1.25

package explore

import (
	"fmt"
	"hash/fnv"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is an exploration's settings, read from the environment so that
// CI changes them without code.
type Config struct {
	Strategy string // random, pct:D, dfs:P or portfolio
	Depth    int    // pct's depth
	Bound    int    // dfs's preemption bound
	// Schedules is the budget of one stress.Run, across every shard.
	Schedules int
	Seed      uint64
	SeedSet   bool // SYNCSWEEP_EXPLORE_SEED was given; else the seed hashes the test's name
	Shard     int
	Shards    int
	MaxSteps  int
	Stall     time.Duration
	Replay    string
}

// The defaults. A GoKer-sized body runs a schedule in tens of
// microseconds, so the default budget costs a small test about a tenth of
// a second (see the README's cost table).
const (
	DefaultSchedules = 1000
	DefaultMaxSteps  = 100000
	DefaultStall     = 10 * time.Second
)

// ConfigFromEnv reads SYNCSWEEP_EXPLORE, SYNCSWEEP_EXPLORE_SCHEDULES,
// SYNCSWEEP_EXPLORE_SEED, SYNCSWEEP_EXPLORE_SHARD,
// SYNCSWEEP_EXPLORE_MAX_STEPS, SYNCSWEEP_EXPLORE_STALL and
// SYNCSWEEP_EXPLORE_REPLAY. A value it cannot read is an error: a typo must
// not quietly explore something else.
func ConfigFromEnv() (Config, error) {
	c := Config{Strategy: "portfolio", Depth: 3, Bound: 2, Schedules: DefaultSchedules,
		Shard: 0, Shards: 1, MaxSteps: DefaultMaxSteps, Stall: DefaultStall}
	if v := os.Getenv("SYNCSWEEP_EXPLORE"); v != "" {
		name, arg, hasArg := strings.Cut(v, ":")
		n := 0
		if hasArg {
			var err error
			if n, err = strconv.Atoi(arg); err != nil || n < 0 {
				return c, fmt.Errorf("SYNCSWEEP_EXPLORE=%q: %q is not a count", v, arg)
			}
		}
		switch name {
		case "random", "portfolio":
			if hasArg {
				return c, fmt.Errorf("SYNCSWEEP_EXPLORE=%q: %s takes no parameter", v, name)
			}
		case "pct":
			if hasArg {
				if n < 1 {
					return c, fmt.Errorf("SYNCSWEEP_EXPLORE=%q: the depth is at least 1", v)
				}
				c.Depth = n
			}
		case "dfs":
			if hasArg {
				c.Bound = n
			}
		default:
			return c, fmt.Errorf("SYNCSWEEP_EXPLORE=%q: want random, pct[:depth], dfs[:preemptions] or portfolio", v)
		}
		c.Strategy = name
	}
	var err error
	if c.Schedules, err = positive("SYNCSWEEP_EXPLORE_SCHEDULES", c.Schedules); err != nil {
		return c, err
	}
	if c.MaxSteps, err = positive("SYNCSWEEP_EXPLORE_MAX_STEPS", c.MaxSteps); err != nil {
		return c, err
	}
	if v := os.Getenv("SYNCSWEEP_EXPLORE_SEED"); v != "" {
		if c.Seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			return c, fmt.Errorf("SYNCSWEEP_EXPLORE_SEED=%q: want an unsigned integer", v)
		}
		c.SeedSet = true
	}
	if v := os.Getenv("SYNCSWEEP_EXPLORE_SHARD"); v != "" {
		i, n, ok := strings.Cut(v, "/")
		c.Shard, err = strconv.Atoi(i)
		if err == nil {
			c.Shards, err = strconv.Atoi(n)
		}
		if !ok || err != nil || c.Shards < 1 || c.Shard < 0 || c.Shard >= c.Shards {
			return c, fmt.Errorf("SYNCSWEEP_EXPLORE_SHARD=%q: want i/n with 0 <= i < n", v)
		}
	}
	if v := os.Getenv("SYNCSWEEP_EXPLORE_STALL"); v != "" {
		if c.Stall, err = time.ParseDuration(v); err != nil || c.Stall <= 0 {
			return c, fmt.Errorf("SYNCSWEEP_EXPLORE_STALL=%q: want a positive duration", v)
		}
	}
	c.Replay = os.Getenv("SYNCSWEEP_EXPLORE_REPLAY")
	if c.Replay != "" {
		if _, _, err := decodeSchedule(c.Replay); err != nil {
			return c, fmt.Errorf("SYNCSWEEP_EXPLORE_REPLAY=%q: %v", c.Replay, err)
		}
	}
	return c, nil
}

func positive(name string, def int) (int, error) {
	v := os.Getenv(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%s=%q: want a positive integer", name, v)
	}
	return n, nil
}

// seedFor is the seed of a test's exploration: the configured one, or a
// hash of the test's name, so that a run explores the same schedules
// every time until the seed is set.
func (c Config) seedFor(test string) uint64 {
	if c.SeedSet {
		return c.Seed
	}
	h := fnv.New64a()
	h.Write([]byte(test))
	return h.Sum64()
}

func (c Config) strategy(seed uint64) strategy {
	switch c.Strategy {
	case "random":
		return newRandom(seed)
	case "pct":
		return newPCT(seed, c.Depth)
	case "dfs":
		return newDFS(c.Bound, c.Shard, c.Shards)
	}
	return newPortfolio(seed, c.Shard, c.Shards)
}
