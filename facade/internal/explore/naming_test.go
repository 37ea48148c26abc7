//go:build go1.25

package explore

import (
	"fmt"
	"testing"
)

func TestCreationOrder(t *testing.T) {
	// Named before the round: the body (runtime id 10) is 0, and 11 is 1.
	named := func(goid int64) (int, bool) {
		switch goid {
		case 10:
			return 0, true
		case 11:
			return 1, true
		}
		return 0, false
	}
	const a, b = "created by main.a\nx.go:1 +0x10", "created by main.b\nx.go:2 +0x20"
	tests := []struct {
		name   string
		births map[int64]birth // by runtime id; fresh is its keys
		want   []int64         // runtime ids in the order named
	}{
		{"runtime ids when nothing else differs",
			map[int64]birth{30: {10, a}, 20: {10, a}, 25: {10, a}},
			[]int64{20, 25, 30}},
		{"a named parent's id before runtime ids",
			map[int64]birth{20: {11, a}, 30: {10, a}},
			[]int64{30, 20}},
		{"a child after its parent, even with a smaller runtime id",
			map[int64]birth{15: {40, a}, 40: {10, b}},
			[]int64{40, 15}},
		{"a child of a fresh parent by that parent's new id",
			// 50 (started by 11) is named after 40 (started by 10), so the
			// children of 40 come before those of 50 whatever their ids.
			map[int64]birth{50: {11, a}, 40: {10, a}, 12: {50, b}, 13: {40, b}},
			[]int64{40, 50, 13, 12}},
		{"children of a goroutine never seen after those of named ones, then by go statement",
			// 60 and 61 were started by 99, which ended before any facade
			// operation; 70 by the body. Their runtime ids say nothing of
			// which was created first, across two creators.
			map[int64]birth{60: {99, b}, 61: {99, a}, 70: {11, b}},
			[]int64{70, 61, 60}},
	}
	for _, tt := range tests {
		var fresh []*gstate
		for goid := int64(0); goid < 100; goid++ {
			if _, ok := tt.births[goid]; ok {
				fresh = append(fresh, &gstate{goid: goid, id: -1})
			}
		}
		creationOrder(fresh, tt.births, named, 2)
		var got []int64
		for i, g := range fresh {
			got = append(got, g.goid)
			if g.id != 2+i {
				t.Errorf("%s: goroutine %d named %d at position %d", tt.name, g.goid, g.id, i)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: named in order %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCreation(t *testing.T) {
	frames := "main.f()\n\t/x/f.go:3 +0x1\ncreated by main.g in goroutine 7\n\t/x/g.go:9 +0x25"
	p, site := creation(frames)
	if p != 7 || site != "created by main.g\n/x/g.go:9 +0x25" {
		t.Errorf("creation = %d, %q", p, site)
	}
	if p, site := creation("main.main()\n\t/x/m.go:1 +0x1"); p != 0 || site != "" {
		t.Errorf("no trailer: creation = %d, %q", p, site)
	}
}
