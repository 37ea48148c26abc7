//go:build go1.25

package explore

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestScheduleRoundTrip(t *testing.T) {
	for _, choices := range [][]int{
		nil, {0}, {1, 1, 1, 0, 0, 2}, {300, 5, 5, 70000}, slices.Repeat([]int{3}, 1000),
	} {
		s := encodeSchedule("0123abcd", choices)
		key, got, err := decodeSchedule(s)
		if err != nil || key != "0123abcd" || !slices.Equal(got, choices) {
			t.Errorf("%v -> %q -> %v %q %v", choices, s, got, key, err)
		}
	}
	// Runs make it short: a thousand choices of one goroutine is 3 bytes.
	if s := encodeSchedule("0123abcd", slices.Repeat([]int{3}, 1000)); len(s) > 20 {
		t.Errorf("a run of 1000 encodes as %q", s)
	}
}

func TestScheduleRefusesMalformed(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "version.run.choices",
		"1.0123abcd":         "version.run.choices",
		"2.0123abcd.AAE":     `encoding version "2"`,
		"1.0123.AAE":         "8 hex digits",
		"1.0123abcd.!!":      "choices",
		"1.0123abcd.AA":      "malformed",
		"1.0123abcd.gICAgAE": "malformed",
	} {
		_, _, err := decodeSchedule(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("decode(%q) = %v, want an error with %q", in, err, want)
		}
	}
}

func TestConfigFromEnv(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string // the strategy it makes, or the error's start
	}{
		{nil, "portfolio"},
		{map[string]string{"SYNCSWEEP_EXPLORE": "random"}, "random"},
		{map[string]string{"SYNCSWEEP_EXPLORE": "pct"}, "pct:3"},
		{map[string]string{"SYNCSWEEP_EXPLORE": "pct:5"}, "pct:5"},
		{map[string]string{"SYNCSWEEP_EXPLORE": "dfs"}, "dfs:2"},
		{map[string]string{"SYNCSWEEP_EXPLORE": "dfs:0"}, "dfs:0"},
		{map[string]string{"SYNCSWEEP_EXPLORE": "pct:0"}, "SYNCSWEEP_EXPLORE="},
		{map[string]string{"SYNCSWEEP_EXPLORE": "random:2"}, "SYNCSWEEP_EXPLORE="},
		{map[string]string{"SYNCSWEEP_EXPLORE": "bfs"}, "SYNCSWEEP_EXPLORE="},
		{map[string]string{"SYNCSWEEP_EXPLORE_SCHEDULES": "-1"}, "SYNCSWEEP_EXPLORE_SCHEDULES="},
		{map[string]string{"SYNCSWEEP_EXPLORE_SHARD": "1"}, "SYNCSWEEP_EXPLORE_SHARD="},
		{map[string]string{"SYNCSWEEP_EXPLORE_SHARD": "3/3"}, "SYNCSWEEP_EXPLORE_SHARD="},
		{map[string]string{"SYNCSWEEP_EXPLORE_STALL": "soon"}, "SYNCSWEEP_EXPLORE_STALL="},
		{map[string]string{"SYNCSWEEP_EXPLORE_MAX_STEPS": "0"}, "SYNCSWEEP_EXPLORE_MAX_STEPS="},
		{map[string]string{"SYNCSWEEP_EXPLORE_REPLAY": "1.x.y"}, "SYNCSWEEP_EXPLORE_REPLAY="},
	} {
		for _, name := range []string{"SYNCSWEEP_EXPLORE", "SYNCSWEEP_EXPLORE_SCHEDULES", "SYNCSWEEP_EXPLORE_SHARD",
			"SYNCSWEEP_EXPLORE_STALL", "SYNCSWEEP_EXPLORE_MAX_STEPS", "SYNCSWEEP_EXPLORE_REPLAY", "SYNCSWEEP_EXPLORE_SEED"} {
			t.Setenv(name, tc.env[name])
		}
		c, err := ConfigFromEnv()
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = c.strategy(1).name()
		}
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%v: got %q, want %q", tc.env, got, tc.want)
		}
	}
}

// TestOnceDone: OnceRan reads sync.Once's layout right on this
// toolchain.
func TestOnceDone(t *testing.T) {
	var o sync.Once
	if OnceRan(&o) {
		t.Fatal("a new Once reads as done")
	}
	o.Do(func() {})
	if !OnceRan(&o) {
		t.Fatal("a Once that ran reads as not done")
	}
}
