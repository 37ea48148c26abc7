package lockdep

import (
	"reflect"
	"testing"
)

func TestOutermost(t *testing.T) {
	tests := map[string]string{
		"example.com/p.F":                     "example.com/p.F",
		"example.com/p.F.func1":               "example.com/p.F",
		"example.com/p.F.func1.2":             "example.com/p.F",
		"example.com/p.(*T).M.gowrap1":        "example.com/p.(*T).M",
		"example.com/p.(*T).M.deferwrap2":     "example.com/p.(*T).M",
		"main.init.0":                         "main.init",
		"main.init.func1":                     "main.init",
		"example.com/p.(*Box[...]).Set.func3": "example.com/p.(*Box[...]).Set",
		"example.com/v2.F":                    "example.com/v2.F",
		"example.com/p.func2x":                "example.com/p.func2x",
	}
	for in, want := range tests {
		if got := outermost(in); got != want {
			t.Errorf("outermost(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReceivers(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"\tc.mu.Lock()", []string{"c.mu"}},
		{"\tdefer c.store.mu.RUnlock(); c.store.mu.RLock()", []string{"c.store.mu"}},
		{"\tif !s.locks[ i % 4 ].TryLock() {", []string{"s.locks[i%4]"}},
		{"\tc.get(1, 2).mu.Lock()", []string{"c.get(1,2).mu"}},
		{"\ta.mu.Lock(); b.mu.Lock()", []string{"a.mu", "b.mu"}},
		{"\tn.LockNested(1)", []string{"n"}},
		{"\tmu.Unlock()", nil},
	}
	for _, tt := range tests {
		if got := receivers(tt.line); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("receivers(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}
