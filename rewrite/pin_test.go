package rewrite_test

import (
	"go/parser"
	"go/token"
	"testing"

	"github.com/syncsweep/syncsweep/policy"
	"github.com/syncsweep/syncsweep/rewrite"
)

func TestMoves(t *testing.T) {
	const src = `package p

import (
	"sync"
	"sync/atomic"

	"github.com/sasha-s/go-deadlock"
	"golang.org/x/sync/semaphore"
)

type User struct{ mu sync.Mutex }

type List[T any] struct{ v []T }

type Alias = sync.Mutex

var (
	mutex     sync.Mutex
	ptr       *sync.Mutex
	counters  []atomic.Int64
	onces     map[string]*sync.Once
	callback  func(*sync.Mutex)
	results   func() (int, *sync.WaitGroup)
	ch        chan sync.Map
	array     [2]sync.RWMutex
	anon      struct{ p sync.Pool }
	iface     interface{ Lock() *sync.Mutex }
	instance  List[sync.Mutex]
	alias     Alias
	pointer   atomic.Pointer[int]
	value     atomic.Value
	dlMutex   deadlock.Mutex
	dlCond    deadlock.Cond
	locker    sync.Locker
	cond      *sync.Cond
	newCond   func(sync.Locker) *sync.Cond
	user      User
	plain     List[int]
	integer   int
	plainFunc func(int) string
	weighted  *semaphore.Weighted
)
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := check(fset, newImporter(t, fset), f)
	if err != nil {
		t.Fatal(err)
	}
	defaults, err := policy.Policy{}.Compile()
	if err != nil {
		t.Fatal(err)
	}
	atomicOff, err := policy.Policy{Atomic: "off"}.Compile()
	if err != nil {
		t.Fatal(err)
	}
	mutexOnly, err := policy.Policy{Ban: []string{"sync.Mutex"}}.Compile()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		rules *policy.Rules
		want  bool
	}{
		{"mutex", defaults, true},
		{"ptr", defaults, true},
		{"counters", defaults, true},
		{"onces", defaults, true},
		{"callback", defaults, true},
		{"results", defaults, true},
		{"ch", defaults, true},
		{"array", defaults, true},
		{"anon", defaults, true},
		{"iface", defaults, true},
		{"instance", defaults, true},
		{"alias", defaults, true},
		{"pointer", defaults, true},
		{"value", defaults, true},
		{"dlMutex", defaults, true},
		{"dlCond", defaults, true},
		// facade.Cond is a wrapper, not sync.Cond: a *sync.Cond moves,
		// and so does what holds sync.NewCond.
		{"cond", defaults, true},
		{"newCond", defaults, true},
		// The facade's Locker is sync's, aliased.
		{"locker", defaults, false},
		// A named type keeps its identity when its fields change.
		{"user", defaults, false},
		{"plain", defaults, false},
		{"integer", defaults, false},
		{"plainFunc", defaults, false},
		// Guarded types move one variable at a time (reshape.go).
		{"weighted", defaults, false},
		// What the policy does not ban stays.
		{"counters", atomicOff, false},
		{"value", atomicOff, false},
		{"mutex", atomicOff, true},
		{"mutex", mutexOnly, true},
		{"onces", mutexOnly, false},
	}
	for _, tt := range tests {
		obj := pkg.Scope().Lookup(tt.name)
		if obj == nil {
			t.Fatalf("no %s", tt.name)
		}
		if got := rewrite.Moves(tt.rules, obj.Type()); got != tt.want {
			t.Errorf("Moves(%s) = %v, want %v", obj.Type(), got, tt.want)
		}
	}
}
