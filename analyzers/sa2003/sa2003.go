// Package sa2003 defines an Analyzer that reports a deferred Lock right
// after locking, on the facade's Mutex and RWMutex: the twin of
// staticcheck's SA2003, which recognizes sync's types alone.
//
// # Analyzer SA2003
//
// SA2003: deferred Lock right after locking, likely meant to defer Unlock instead
//
// As staticcheck's check, at the same position (the defer statement) and
// with the same words:
//
//	mu.Lock()
//	defer mu.Lock() // "deferring Lock right after having locked already; did you mean to defer Unlock?"
//
// and the same for RLock. The suggested fix defers Unlock (RUnlock). The
// check looks at statements, where staticcheck looks at its IR: it also
// finds the shape on a struct field (s.mu), whose address staticcheck's IR
// computes twice.
//
// staticcheck's directives hold for the twin: //lint:ignore on the line
// above, and //lint:file-ignore (package lintignore).
package sa2003

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
		Name:     "SA2003",
		Doc:      "deferred Lock right after locking, likely meant to defer Unlock instead",
		URL:      "https://pkg.go.dev/github.com/syncsweep/syncsweep/analyzers/sa2003",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run:      func(pass *analysis.Pass) (any, error) { return run(pass, facade) },
	}
}

// ForRules returns the analyzer for a policy's facade.
func ForRules(rules *policy.Rules) *analysis.Analyzer { return New(rules.Facade) }

var unlock = map[string]string{"Lock": "Unlock", "RLock": "RUnlock"}

func run(pass *analysis.Pass, facade string) (any, error) {
	if !facadeid.Imports(pass.Pkg, facade) {
		return nil, nil
	}
	// lockCall returns the receiver and method of x.Lock() on a facade
	// Mutex or x.RLock() on a facade RWMutex, as staticcheck's list has
	// them.
	lockCall := func(call *ast.CallExpr) (string, *ast.SelectorExpr) {
		obj := typeutil.Callee(pass.TypesInfo, call)
		if !facadeid.IsMethod(obj, facade, "Mutex", "Lock") && !facadeid.IsMethod(obj, facade, "RWMutex", "RLock") {
			return "", nil
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return "", nil
		}
		var b bytes.Buffer
		format.Node(&b, pass.Fset, sel.X)
		return b.String(), sel
	}
	report := lintignore.New(pass, "SA2003")
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	in.Preorder([]ast.Node{(*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)}, func(n ast.Node) {
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		for i := 0; i+1 < len(list); i++ {
			first, ok := list[i].(*ast.ExprStmt)
			if !ok {
				continue
			}
			call, ok := first.X.(*ast.CallExpr)
			if !ok {
				continue
			}
			recv, sel := lockCall(call)
			d, ok := list[i+1].(*ast.DeferStmt)
			if sel == nil || !ok {
				continue
			}
			drecv, dsel := lockCall(d.Call)
			if dsel == nil || drecv != recv {
				continue
			}
			name, alt := sel.Sel.Name, unlock[sel.Sel.Name]
			report.Report(analysis.Diagnostic{
				Pos:     d.Pos(),
				End:     d.End(),
				Message: "deferring " + name + " right after having locked already; did you mean to defer " + alt + "?",
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "Defer " + unlock[dsel.Sel.Name],
					TextEdits: []analysis.TextEdit{{Pos: dsel.Sel.Pos(), End: dsel.Sel.End(), NewText: []byte(unlock[dsel.Sel.Name])}},
				}},
			})
		}
	})
	return nil, nil
}
