// Package sa6002 defines an Analyzer that reports a value that is not
// pointer-like stored in the facade's Pool: the twin of staticcheck's
// SA6002, which recognizes sync.Pool alone.
//
// # Analyzer SA6002
//
// SA6002: storing non-pointer values in Pool allocates memory
//
// As staticcheck's check, at the same position (the argument) and with
// the same words:
//
//	pool.Put(buf) // buf []byte: "argument should be pointer-like to avoid allocations"
//
// A value converted to the interface Put takes is copied to the heap
// unless it is a pointer (or a map, a channel, a function); a slice is
// three words, so storing one allocates: store a pointer to it.
//
// staticcheck's directives hold for the twin: //lint:ignore on the line
// above, and //lint:file-ignore (package lintignore).
package sa6002

import (
	"go/ast"
	"go/types"

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
		Name:     "SA6002",
		Doc:      "storing non-pointer values in Pool allocates memory",
		URL:      "https://pkg.go.dev/github.com/syncsweep/syncsweep/analyzers/sa6002",
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
	report := lintignore.New(pass, "SA6002")
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	in.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		if len(call.Args) != 1 || !facadeid.IsMethod(typeutil.Callee(pass.TypesInfo, call), facade, "Pool", "Put") {
			return
		}
		t := pass.TypesInfo.TypeOf(call.Args[0])
		if t == nil {
			return
		}
		if _, isSlice := t.Underlying().(*types.Slice); isSlice || !pointerLike(t) {
			report.Report(analysis.Diagnostic{Pos: call.Args[0].Pos(), End: call.Args[0].End(), Message: "argument should be pointer-like to avoid allocations"})
		}
	})
	return nil, nil
}

// pointerLike is staticcheck's MaybePointerLike: a value of T fits in an
// interface without an allocation (or may, for a type parameter).
func pointerLike(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Interface:
		if t.IsMethodSet() {
			return true
		}
		for i := 0; i < t.NumEmbeddeds(); i++ {
			if u, ok := t.EmbeddedType(i).(*types.Union); ok {
				for j := 0; j < u.Len(); j++ {
					if pointerLike(u.Term(j).Type()) {
						return true
					}
				}
				return false
			}
		}
		return true
	case *types.Chan, *types.Map, *types.Signature, *types.Pointer, *types.Slice:
		return true
	case *types.Basic:
		return t.Kind() == types.UnsafePointer
	}
	return false
}
