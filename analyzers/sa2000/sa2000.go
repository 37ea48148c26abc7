// Package sa2000 defines an Analyzer that reports the facade's
// WaitGroup.Add called inside the goroutine it should count: the twin of
// staticcheck's SA2000, which recognizes sync.WaitGroup alone.
//
// # Analyzer SA2000
//
// SA2000: (*WaitGroup).Add called inside the goroutine, leading to a race condition
//
// As staticcheck's check, at the same position (the call) and with the
// same words:
//
//	go func() {
//		wg.Add(1) // "should call wg.Add(1) before starting the goroutine to avoid a race"
//		...
//	}()
//
// The WaitGroup is the policy's facade's; staticcheck keeps checking
// sync's. go vet's waitgroup check finds the same shape (package
// waitgroup is its twin).
//
// staticcheck's directives hold for the twin: //lint:ignore on the line
// above, and //lint:file-ignore (package lintignore).
package sa2000

import (
	"bytes"
	"go/ast"
	"go/format"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/syncsweep/syncsweep/analyzers/internal/facadeid"
	"github.com/syncsweep/syncsweep/analyzers/internal/lintignore"
	"github.com/syncsweep/syncsweep/catalog"
	"github.com/syncsweep/syncsweep/policy"
)

// Analyzer checks syncsweep's facade.
var Analyzer = New(catalog.DefaultFacade)

// New returns the analyzer for the facade rooted at facade.
func New(facade string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "SA2000",
		Doc:      "(*WaitGroup).Add called inside the goroutine, leading to a race condition",
		URL:      "https://pkg.go.dev/github.com/syncsweep/syncsweep/analyzers/sa2000",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run:      func(pass *analysis.Pass) (any, error) { return run(pass, facade) },
	}
}

// ForRules returns the analyzer for a policy's facade.
func ForRules(rules *policy.Rules) *analysis.Analyzer { return New(rules.Facade) }

func run(pass *analysis.Pass, facade string) (any, error) {
	if !facadeid.Imports(pass.Pkg, facade) {
		return nil, nil
	}
	report := lintignore.New(pass, "SA2000")
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	in.Preorder([]ast.Node{(*ast.GoStmt)(nil)}, func(n ast.Node) {
		lit, ok := n.(*ast.GoStmt).Call.Fun.(*ast.FuncLit)
		if !ok || len(lit.Body.List) == 0 {
			return
		}
		stmt, ok := lit.Body.List[0].(*ast.ExprStmt)
		if !ok {
			return
		}
		call, ok := stmt.X.(*ast.CallExpr)
		if !ok || !facadeid.IsMethod(typeutil.Callee(pass.TypesInfo, call), facade, "WaitGroup", "Add") {
			return
		}
		var b bytes.Buffer
		format.Node(&b, pass.Fset, call)
		report.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: "should call " + b.String() + " before starting the goroutine to avoid a race"})
	})
	return nil, nil
}
