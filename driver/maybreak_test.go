package driver

import (
	"go/importer"
	"go/token"
	"go/types"
	"testing"
)

// TestHoldsLockType: which types carry a sync type that the facade wraps,
// so that handing them across the sweep's boundary could fail to compile.
func TestHoldsLockType(t *testing.T) {
	imp := importer.ForCompiler(token.NewFileSet(), "source", nil)
	sync, err := imp.Import("sync")
	if err != nil {
		t.Fatal(err)
	}
	atomic, err := imp.Import("sync/atomic")
	if err != nil {
		t.Fatal(err)
	}
	bytes, err := imp.Import("bytes")
	if err != nil {
		t.Fatal(err)
	}
	typ := func(p *types.Package, name string) types.Type { return p.Scope().Lookup(name).Type() }
	mutex := typ(sync, "Mutex")
	param := types.NewTuple(types.NewVar(token.NoPos, nil, "mu", types.NewPointer(mutex)))
	tests := []struct {
		name string
		t    types.Type
		want bool
	}{
		{"sync.Mutex", mutex, true},
		{"*sync.Mutex", types.NewPointer(mutex), true},
		{"[]atomic.Int64", types.NewSlice(typ(atomic, "Int64")), true},
		{"map[string]*sync.Once", types.NewMap(types.Typ[types.String], types.NewPointer(typ(sync, "Once"))), true},
		{"func(*sync.Mutex)", types.NewSignatureType(nil, nil, nil, param, nil, false), true},
		{"sync.Locker (an alias in the facade)", typ(sync, "Locker"), false},
		{"*sync.Cond (an alias in the facade)", types.NewPointer(typ(sync, "Cond")), false},
		{"bytes.Buffer (someone else's type)", typ(bytes, "Buffer"), false},
		{"int", types.Typ[types.Int], false},
	}
	for _, tt := range tests {
		if got := holdsLockType(tt.t, make(map[types.Type]bool)); got != tt.want {
			t.Errorf("%s: holdsLockType = %v, want %v", tt.name, got, tt.want)
		}
	}
}
