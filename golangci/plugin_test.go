package golangci

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/syncsweep/syncsweep/internal/fixturetest"
)

// TestSettings checks what golangci-lint hands the plugin: the settings
// map from .golangci.yml, decoded strictly into a policy.
func TestSettings(t *testing.T) {
	tests := []struct {
		name     string
		settings any
		wantErr  string
	}{
		{name: "none", settings: nil},
		{name: "empty", settings: map[string]any{}},
		{name: "policy", settings: map[string]any{
			"allow": []any{"example.com/m/lowlevel/..."},
			"ban":   []any{"sync.Mutex", "sync.RWMutex"},
			"rows":  []any{map[string]any{"from": "example.com/lock", "name": "Spin", "facade": "Mutex"}},
		}},
		{name: "method rows", settings: map[string]any{
			"rows": []any{
				map[string]any{"from": "example.com/lock", "name": "Lock", "facade": "Mutex"},
				map[string]any{"from": "example.com/lock", "name": "Lock.Lock", "result": "nil"},
			},
		}},
		{name: "bad result", settings: map[string]any{
			"rows": []any{
				map[string]any{"from": "example.com/lock", "name": "Lock", "facade": "Mutex"},
				map[string]any{"from": "example.com/lock", "name": "Lock.Lock", "result": "never"},
			},
		}, wantErr: `key "rows[1]": "result"`},
		{name: "unknown key", settings: map[string]any{"alow": []any{"x"}}, wantErr: `unknown field "alow"`},
		{name: "bad value", settings: map[string]any{"ban": []any{"sync.Mutx"}}, wantErr: `key "ban[0]"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New(tt.settings)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			as, err := p.BuildAnalyzers()
			var names []string
			for _, a := range as {
				names = append(names, a.Name)
			}
			// The guard, then the twins of vet's and staticcheck's checks.
			if want := "syncsweep facadeatomic facadewaitgroup SA2000 SA2003 SA6002 SA1027"; err != nil || strings.Join(names, " ") != want {
				t.Fatalf("BuildAnalyzers = %v, %v; want %s", names, err, want)
			}
			if p.GetLoadMode() != register.LoadModeTypesInfo {
				t.Errorf("load mode %q", p.GetLoadMode())
			}
		})
	}
	if _, err := register.GetPlugin("syncsweep"); err != nil {
		t.Errorf("not registered: %v", err)
	}
}

// TestSettingsReachTheAnalyzer: the settings are the analyzer's policy,
// not only decoded: fixtures whose findings need a policy (only sync.Mutex
// and sync.RWMutex banned; the locks with no facade equivalent reported)
// get exactly those findings, and their fixes, from the plugin's analyzer.
func TestSettingsReachTheAnalyzer(t *testing.T) {
	testdata, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		pkg      string
		settings map[string]any
	}{
		{"banonly", map[string]any{"ban": []any{"sync.Mutex", "sync.RWMutex"}}},
		{"semaphorestrict", map[string]any{"reportNoEquivalent": true}},
	} {
		t.Run(tt.pkg, func(t *testing.T) {
			p, err := New(tt.settings)
			if err != nil {
				t.Fatal(err)
			}
			as, err := p.BuildAnalyzers()
			if err != nil {
				t.Fatal(err)
			}
			fixturetest.Run(t, testdata, as[0], tt.pkg)
		})
	}
}
