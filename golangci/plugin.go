// Package golangci registers syncsweep as a golangci-lint v2 module plugin
// named "syncsweep". It runs the syncsweep analyzer (with the sweep's
// fixes, so `golangci-lint run --fix` rewrites), and the twins of go vet's
// and staticcheck's sync checks for the facade (package suite), under the
// policy given in the linter's settings: the same keys as syncsweep's
// -config file.
//
// .custom-gcl.yml:
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/syncsweep/syncsweep
//	    import: github.com/syncsweep/syncsweep/golangci
//	    version: latest
//
// .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [syncsweep]
//	  settings:
//	    custom:
//	      syncsweep:
//	        type: module
//	        settings:
//	          allow: ["example.com/m/internal/lowlevel/..."]
package golangci

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/analyzers/suite"
	"github.com/syncsweep/syncsweep/analyzers/syncsweep"
	"github.com/syncsweep/syncsweep/policy"
)

func init() { register.Plugin("syncsweep", New) }

// New decodes the linter's settings (a policy; unknown keys are errors)
// and returns the plugin.
func New(settings any) (register.LinterPlugin, error) {
	p, err := register.DecodeSettings[policy.Policy](settings)
	if err != nil {
		return nil, fmt.Errorf("syncsweep settings: %w", err)
	}
	rules, err := p.Compile()
	if err != nil {
		return nil, fmt.Errorf("syncsweep settings: %w", err)
	}
	return &plugin{rules: rules}, nil
}

type plugin struct{ rules *policy.Rules }

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return append([]*analysis.Analyzer{syncsweep.New(p.rules)}, suite.Twins(p.rules)...), nil
}

// GetLoadMode asks for type information: the analyzer finds uses by type
// identity.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
