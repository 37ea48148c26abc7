package syncsweep

import (
	"flag"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/policy"
	"github.com/syncsweep/syncsweep/rewrite"
)

// Analyzer reports every direct use of a banned lock API with the sweep's
// fix, and audits //syncsweep:allow directives. Its flags are the policy's:
// -config, -facade, -atomic, -allow and -ban. Its result is the sweep's
// [*rewrite.Result].
var Analyzer = &analysis.Analyzer{
	Name:       "syncsweep",
	Doc:        "forbid direct use of sync, sync/atomic and catalogued lock APIs outside the facade",
	URL:        "https://pkg.go.dev/github.com/syncsweep/syncsweep/analyzers/syncsweep",
	Run:        runFlags,
	ResultType: reflect.TypeFor[*rewrite.Result](),
}

var flags policy.Flags

func init() { flags.Register(&Analyzer.Flags) }

// flagRules compiles the flags' policy once (the config file is read once).
var flagRules = sync.OnceValues(flags.Rules)

// FlagRules returns the policy [Analyzer]'s flags give, for the analyzers
// that run beside it with the same policy (package suite).
func FlagRules() (*policy.Rules, error) { return flagRules() }

func runFlags(pass *analysis.Pass) (any, error) {
	rules, err := flagRules()
	if err != nil {
		return nil, err
	}
	return run(pass, rules)
}

// New returns an analyzer like [Analyzer] with fixed rules and no flags,
// for the CLI, the golangci-lint plugin and tests.
func New(rules *policy.Rules) *analysis.Analyzer {
	a := *Analyzer
	a.Flags = *flag.NewFlagSet(a.Name, flag.ContinueOnError)
	a.Run = func(pass *analysis.Pass) (any, error) { return run(pass, rules) }
	return &a
}

// Messages of the directive audit.
const (
	msgNoReason = "//syncsweep:allow needs a reason: say why this use must stay off the facade"
	msgUnused   = "//syncsweep:allow keeps nothing: no banned lock API is used on this line or in the declaration or statement below it"
)

func run(pass *analysis.Pass, rules *policy.Rules) (any, error) {
	res, err := rewrite.Sweep(pass, rules)
	if err != nil {
		return nil, err
	}
	for _, a := range res.Allows {
		if a.Nolint {
			continue // golangci-lint's nolintlint audits those
		}
		end := a.Pos + rewrite.DirectiveLen
		switch {
		case a.Reason == "":
			pass.Report(analysis.Diagnostic{Pos: a.Pos, End: end, Message: msgNoReason})
		case a.Used == 0:
			pass.Report(analysis.Diagnostic{Pos: a.Pos, End: end, Message: msgUnused})
		}
	}
	return res, nil
}
