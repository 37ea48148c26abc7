// Package suite lists the analyzers syncsweep runs together: the guard
// (package syncsweep) and the twins of go vet's and staticcheck's sync
// checks, which recognize sync and sync/atomic by identity and so go quiet
// on code moved onto the facade:
//
//	facadeatomic     go vet's atomic
//	facadewaitgroup  go vet's waitgroup
//	SA2000           staticcheck's SA2000
//	SA2003           staticcheck's SA2003
//	SA6002           staticcheck's SA6002
//	SA1027           staticcheck's SA1027 (on 32-bit platforms)
//
// As a go vet tool, syncsweep also runs go vet's own default suite, so
// that one -vettool line is the whole of go vet.
package suite

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/appends"
	"golang.org/x/tools/go/analysis/passes/asmdecl"
	"golang.org/x/tools/go/analysis/passes/assign"
	vetatomic "golang.org/x/tools/go/analysis/passes/atomic"
	"golang.org/x/tools/go/analysis/passes/bools"
	"golang.org/x/tools/go/analysis/passes/buildtag"
	"golang.org/x/tools/go/analysis/passes/cgocall"
	"golang.org/x/tools/go/analysis/passes/composite"
	"golang.org/x/tools/go/analysis/passes/copylock"
	"golang.org/x/tools/go/analysis/passes/defers"
	"golang.org/x/tools/go/analysis/passes/directive"
	"golang.org/x/tools/go/analysis/passes/errorsas"
	"golang.org/x/tools/go/analysis/passes/framepointer"
	"golang.org/x/tools/go/analysis/passes/hostport"
	"golang.org/x/tools/go/analysis/passes/httpresponse"
	"golang.org/x/tools/go/analysis/passes/ifaceassert"
	"golang.org/x/tools/go/analysis/passes/loopclosure"
	"golang.org/x/tools/go/analysis/passes/lostcancel"
	"golang.org/x/tools/go/analysis/passes/nilfunc"
	"golang.org/x/tools/go/analysis/passes/printf"
	"golang.org/x/tools/go/analysis/passes/shift"
	"golang.org/x/tools/go/analysis/passes/sigchanyzer"
	"golang.org/x/tools/go/analysis/passes/slog"
	"golang.org/x/tools/go/analysis/passes/stdmethods"
	"golang.org/x/tools/go/analysis/passes/stdversion"
	"golang.org/x/tools/go/analysis/passes/stringintconv"
	"golang.org/x/tools/go/analysis/passes/structtag"
	"golang.org/x/tools/go/analysis/passes/testinggoroutine"
	"golang.org/x/tools/go/analysis/passes/tests"
	"golang.org/x/tools/go/analysis/passes/timeformat"
	"golang.org/x/tools/go/analysis/passes/unmarshal"
	"golang.org/x/tools/go/analysis/passes/unreachable"
	"golang.org/x/tools/go/analysis/passes/unsafeptr"
	"golang.org/x/tools/go/analysis/passes/unusedresult"
	vetwaitgroup "golang.org/x/tools/go/analysis/passes/waitgroup"

	"github.com/syncsweep/syncsweep/analyzers/atomic"
	"github.com/syncsweep/syncsweep/analyzers/sa1027"
	"github.com/syncsweep/syncsweep/analyzers/sa2000"
	"github.com/syncsweep/syncsweep/analyzers/sa2003"
	"github.com/syncsweep/syncsweep/analyzers/sa6002"
	"github.com/syncsweep/syncsweep/analyzers/syncsweep"
	"github.com/syncsweep/syncsweep/analyzers/waitgroup"
	"github.com/syncsweep/syncsweep/policy"
)

// Twins returns the twins of go vet's and staticcheck's sync checks for
// the policy's facade (without the atomic ones when the policy leaves
// sync/atomic alone).
func Twins(rules *policy.Rules) []*analysis.Analyzer {
	out := []*analysis.Analyzer{waitgroup.ForRules(rules), sa2000.ForRules(rules), sa2003.ForRules(rules), sa6002.ForRules(rules)}
	if a := atomic.ForRules(rules); a != nil {
		out = append([]*analysis.Analyzer{a}, out...)
	}
	if a := sa1027.ForRules(rules); a != nil {
		out = append(out, a)
	}
	return out
}

// Vet is go vet's default suite, as cmd/vet of Go 1.26 lists it.
func Vet() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		appends.Analyzer, asmdecl.Analyzer, assign.Analyzer, vetatomic.Analyzer, bools.Analyzer,
		buildtag.Analyzer, cgocall.Analyzer, composite.Analyzer, copylock.Analyzer, defers.Analyzer,
		directive.Analyzer, errorsas.Analyzer, framepointer.Analyzer, httpresponse.Analyzer,
		hostport.Analyzer, ifaceassert.Analyzer, loopclosure.Analyzer, lostcancel.Analyzer,
		nilfunc.Analyzer, printf.Analyzer, shift.Analyzer, sigchanyzer.Analyzer, slog.Analyzer,
		stdmethods.Analyzer, stdversion.Analyzer, stringintconv.Analyzer, structtag.Analyzer,
		tests.Analyzer, testinggoroutine.Analyzer, timeformat.Analyzer, unmarshal.Analyzer,
		unreachable.Analyzer, unsafeptr.Analyzer, unusedresult.Analyzer, vetwaitgroup.Analyzer,
	}
}

// VetTool is what syncsweep runs as a go vet tool: go vet's default suite,
// the guard with its flags (-syncsweep.config, ...), and the twins, which
// take the facade from the guard's flags.
func VetTool() []*analysis.Analyzer {
	out := append(Vet(), syncsweep.Analyzer)
	probe, _ := policy.Policy{}.Compile() // the default policy: which twins exist, by name
	for _, t := range Twins(probe) {
		out = append(out, fromFlags(t.Name))
	}
	return out
}

// fromFlags returns the twin named name, built for the policy that the
// guard's flags give when it runs.
func fromFlags(name string) *analysis.Analyzer {
	probe, _ := policy.Policy{}.Compile()
	var proto *analysis.Analyzer
	for _, t := range Twins(probe) {
		if t.Name == name {
			proto = t
		}
	}
	a := *proto
	a.Run = func(pass *analysis.Pass) (any, error) {
		rules, err := syncsweep.FlagRules()
		if err != nil {
			return nil, err
		}
		for _, t := range Twins(rules) {
			if t.Name == name {
				return t.Run(pass)
			}
		}
		return nil, nil // the policy turns this twin off (sync/atomic left alone)
	}
	return &a
}
