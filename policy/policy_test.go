package policy

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syncsweep/syncsweep/catalog"
)

// TestDecodeErrors checks that every bad configuration is an error that
// names the key, and that nothing unknown is silently ignored.
func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, json, want string
	}{
		{"unknown key", `{"facde": "x"}`, `unknown key "facde"`},
		{"unknown row key", `{"rows": [{"from": "a.b/c", "name": "M", "fascade": "Mutex"}]}`, `unknown key "fascade"`},
		{"wrong type", `{"allow": "a/..."}`, `key "allow": want []string`},
		{"wrong element type", `{"ban": [1]}`, `key "ban": want string`},
		{"bad facade path", `{"facade": "not a path"}`, `key "facade"`},
		{"bad atomic path", `{"atomic": "x//y"}`, `key "atomic"`},
		{"empty allow pattern", `{"allow": ["ok/...", ""]}`, `key "allow[1]": empty pattern`},
		{"directory allow pattern", `{"allow": ["./internal/..."]}`, `key "allow[0]"`},
		{"unknown ban", `{"ban": ["sync.Mutex", "sync.Mutx"]}`, `key "ban[1]": "sync.Mutx" is neither`},
		{"row of a built-in package", `{"rows": [{"from": "sync", "name": "Mutex"}]}`, `key "rows[0]": "from": sync is in the built-in catalog`},
		{"row with unexported name", `{"rows": [{"from": "a.b/c", "name": "mutex", "facade": "Mutex"}]}`, `key "rows[0]": "name"`},
		{"row to a name the facade lacks", `{"rows": [{"from": "a.b/c", "name": "SpinLock"}]}`, `key "rows[0]": "facade": the facade has no "SpinLock"`},
		{"duplicate row", `{"rows": [{"from": "a.b/c", "name": "Mutex"}, {"from": "a.b/c", "name": "Mutex"}]}`, `key "rows[1]": a.b/c.Mutex has a row already`},
		{"two values", `{} {}`, `more than one JSON value`},
		{"row of a third-party package in the catalog", `{"rows": [{"from": "github.com/sasha-s/go-deadlock", "name": "Mutex"}]}`, `is in the built-in catalog already`},
		{"method row without its type's row", `{"rows": [{"from": "a.b/c", "name": "Lock.Lock", "result": "nil"}]}`, `key "rows[0]": "name": a.b/c.Lock has no row of its own`},
		{"method row onto a method the facade lacks", `{"rows": [{"from": "a.b/c", "name": "Lock", "facade": "Mutex"}, {"from": "a.b/c", "name": "Lock.RLock"}]}`, `key "rows[1]": "facade": the facade's Mutex has no method "RLock"`},
		{"method row on a type that is no lock", `{"rows": [{"from": "a.b/c", "name": "Group", "facade": "WaitGroup"}, {"from": "a.b/c", "name": "Group.Wait"}]}`, `key "rows[1]": "name": method rows need a lock type`},
		{"bad result", `{"rows": [{"from": "a.b/c", "name": "Lock", "facade": "Mutex"}, {"from": "a.b/c", "name": "Lock.Lock", "result": "never"}]}`, `key "rows[1]": "result": "never" is not "nil"`},
		{"result on a type row", `{"rows": [{"from": "a.b/c", "name": "Lock", "facade": "Mutex", "result": "nil"}]}`, `key "rows[0]": "result": only a method row`},
		{"unexported method", `{"rows": [{"from": "a.b/c", "name": "Lock", "facade": "Mutex"}, {"from": "a.b/c", "name": "Lock.lock"}]}`, `key "rows[1]": "name": "Lock.lock" is not Type.Method`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Decode(strings.NewReader(tt.json))
			if err == nil {
				_, err = p.Compile()
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// TestMethodRows checks what a user's method rows compile to.
func TestMethodRows(t *testing.T) {
	p, err := Decode(strings.NewReader(`{"rows": [
		{"from": "example.com/lock", "name": "Lock", "facade": "Mutex"},
		{"from": "example.com/lock", "name": "Lock.Lock", "result": "nil"},
		{"from": "example.com/lock", "name": "Lock.LockWithTimeout", "facade": "Lock", "result": "true"},
		{"from": "example.com/lock", "name": "Plain", "facade": "Mutex"}
	]}`))
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Compile()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		as     string
		kind   catalog.Kind
		result catalog.Result
	}{
		{"Lock", "Mutex", catalog.Type, catalog.Same},
		{"Lock.Lock", "Lock", catalog.Method, catalog.Nil},
		{"Lock.LockWithTimeout", "Lock", catalog.Method, catalog.True},
	}
	for _, tt := range tests {
		row, ok := r.Lookup("example.com/lock", tt.name)
		if !ok || row.FacadeName() != tt.as || row.Kind != tt.kind || row.Result != tt.result {
			t.Errorf("Lookup(%q) = %+v, %v; want As %s, kind %v, result %v", tt.name, row, ok, tt.as, tt.kind, tt.result)
		}
	}
	if !r.Guarded("example.com/lock", "Lock") || r.Guarded("example.com/lock", "Plain") {
		t.Errorf("Guarded: Lock %v (want true), Plain %v (want false)", r.Guarded("example.com/lock", "Lock"), r.Guarded("example.com/lock", "Plain"))
	}
	if got := len(r.Methods("example.com/lock", "Lock")); got != 2 {
		t.Errorf("Methods(Lock): %d rows, want 2", got)
	}
	if !r.Guarded("golang.org/x/sync/semaphore", "Weighted") || r.Guarded("github.com/sasha-s/go-deadlock", "Mutex") {
		t.Error("Guarded: the semaphore is guarded, go-deadlock's Mutex is not")
	}
}

// TestRules checks what a valid policy means to the sweep.
func TestRules(t *testing.T) {
	p, err := Decode(strings.NewReader(`{
		"facade": "example.com/m/syncutil",
		"allow": ["example.com/m/lowlevel/...", "example.com/.../cgo"],
		"ban": ["sync.Mutex", "sync/atomic", "example.com/lock.Spin"],
		"rows": [{"from": "example.com/lock", "name": "Spin", "facade": "Mutex"}, {"from": "example.com/lock", "name": "Other", "facade": "Mutex"}]
	}`))
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Compile()
	if err != nil {
		t.Fatal(err)
	}
	for pkg, want := range map[string]bool{
		"example.com/m/lowlevel":        true,
		"example.com/m/lowlevel/x":      true,
		"example.com/m/lowlevel_test":   true, // external tests follow their package
		"example.com/m/lowlevelx":       false,
		"example.com/m/a/cgo":           true,
		"example.com/m/cgo/x":           false,
		"example.com/m/internal/thing":  false,
		"other.org/example.com/m/lowlv": false,
	} {
		if got := r.AllowedPackage(pkg); got != want {
			t.Errorf("AllowedPackage(%q) = %v, want %v", pkg, got, want)
		}
	}
	targets := []struct {
		from, name, target string
		ok                 bool
	}{
		{"sync", "Mutex", "example.com/m/syncutil", true},
		{"sync", "WaitGroup", "", false}, // not banned
		{"sync/atomic", "AddInt64", "example.com/m/syncutil/atomic", true},
		{"example.com/lock", "Spin", "example.com/m/syncutil", true},
		{"example.com/lock", "Other", "", false}, // a row, but not banned
	}
	for _, tt := range targets {
		row, ok := r.Lookup(tt.from, tt.name)
		if !ok {
			t.Fatalf("Lookup(%s, %s) failed", tt.from, tt.name)
		}
		target, ok := r.Target(row)
		if target != tt.target || ok != tt.ok {
			t.Errorf("Target(%s.%s) = %q, %v; want %q, %v", tt.from, tt.name, target, ok, tt.target, tt.ok)
		}
	}
	if row, _ := r.Lookup("example.com/lock", "Spin"); row.FacadeName() != "Mutex" || row.Kind != catalog.Type {
		t.Errorf("row Spin = %+v", row)
	}
	if !r.Covers("example.com/lock") || r.Covers("example.com/other") {
		t.Error("Covers disagrees with the rows")
	}
	if !r.IsFacade("example.com/m/syncutil/atomic") || r.IsFacade("example.com/m/syncutilx") {
		t.Error("IsFacade disagrees with the facade key")
	}
}

// TestDefaults checks the zero policy: our facade, everything banned.
func TestDefaults(t *testing.T) {
	r, err := Policy{}.Compile()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range catalog.Rows {
		if target, ok := r.Target(row); !ok || target != row.Target(catalog.DefaultFacade) {
			t.Errorf("%s.%s -> %q, %v", row.From, row.Name, target, ok)
		}
	}
	r, _ = Policy{Atomic: "off"}.Compile()
	if row, _ := r.Lookup("sync/atomic", "Int64"); func() bool { _, ok := r.Target(row); return ok }() {
		t.Error(`"atomic": "off" still moves sync/atomic`)
	}
}

// TestFlags checks that flags override the file key by key, and that
// errors name the flag or the file.
func TestFlags(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "syncsweep.json")
	if err := os.WriteFile(file, []byte(`{"facade": "example.com/f", "ban": ["sync.Mutex"], "allow": ["a/..."]}`), 0o666); err != nil {
		t.Fatal(err)
	}
	parse := func(args ...string) (Policy, *Flags) {
		t.Helper()
		var f Flags
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		f.Register(fs)
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		p, err := f.Policy()
		if err != nil {
			t.Fatal(err)
		}
		return p, &f
	}
	p, _ := parse("-config", file, "-ban", "sync.RWMutex, sync.Mutex")
	if p.Facade != "example.com/f" || strings.Join(p.Ban, ",") != "sync.RWMutex,sync.Mutex" || strings.Join(p.Allow, ",") != "a/..." {
		t.Errorf("file + flags = %+v", p)
	}
	// A flag given before -config still wins.
	p, _ = parse("-facade", "example.com/g", "-config", file)
	if p.Facade != "example.com/g" {
		t.Errorf("-facade before -config: %+v", p)
	}
	// reportNoEquivalent: from the file, from the flag alone (a boolean
	// flag), and the flag overrides the file.
	strict := filepath.Join(dir, "strict.json")
	if err := os.WriteFile(strict, []byte(`{"reportNoEquivalent": true}`), 0o666); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"-config", strict}, true},
		{[]string{"-report-no-equivalent"}, true},
		{[]string{"-config", strict, "-report-no-equivalent=false"}, false},
	} {
		p, f := parse(tt.args...)
		r, err := f.Rules()
		if err != nil {
			t.Fatal(err)
		}
		if p.ReportNoEquivalent != tt.want || r.ReportNoEquivalent != tt.want {
			t.Errorf("%v: reportNoEquivalent %v, rules %v, want %v", tt.args, p.ReportNoEquivalent, r.ReportNoEquivalent, tt.want)
		}
	}
	_, f := parse("-ban", "sync.Nope")
	if _, err := f.Rules(); err == nil || !strings.Contains(err.Error(), `flag "ban[0]"`) {
		t.Errorf("bad -ban: %v", err)
	}
	if err := os.WriteFile(file, []byte(`{"bann": []}`), 0o666); err != nil {
		t.Fatal(err)
	}
	var bad Flags
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	bad.Register(fs)
	_ = fs.Parse([]string{"-config", file})
	if _, err := bad.Rules(); err == nil || !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), `unknown key "bann"`) {
		t.Errorf("bad file: %v", err)
	}
}
