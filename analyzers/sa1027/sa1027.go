// Package sa1027 defines an Analyzer that reports a 64-bit atomic access,
// through the facade's atomic package, to a struct field that is not
// 64-bit aligned on a 32-bit platform: the twin of staticcheck's SA1027,
// which recognizes sync/atomic alone.
//
// # Analyzer SA1027
//
// SA1027: atomic access to 64-bit variable must be 64-bit aligned
//
// As staticcheck's check, at the same position (the call) and with the
// same words, naming the function called:
//
//	type T struct {
//		flag bool
//		n    int64
//	}
//	atomic.AddInt64(&t.n, 1) // on 386, arm, mips: "address of non 64-bit aligned field n passed to .../atomic.AddInt64"
//
// On those platforms the caller must arrange 64-bit alignment; the first
// word of an allocated struct is aligned, and the facade's typed atomics
// (atomic.Int64) align themselves. The check runs only when the pass's
// sizes are 32-bit (GOARCH=386, arm, mips...).
//
// staticcheck's directives hold for the twin: //lint:ignore on the line
// above, and //lint:file-ignore (package lintignore).
package sa1027

import (
	"fmt"
	"go/ast"
	"go/token"
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

// Analyzer checks syncsweep's facade/atomic.
var Analyzer = New(catalog.DefaultFacade + "/atomic")

// New returns the analyzer for the atomic package at path.
func New(path string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "SA1027",
		Doc:      "atomic access to 64-bit variable must be 64-bit aligned",
		URL:      "https://pkg.go.dev/github.com/syncsweep/syncsweep/analyzers/sa1027",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run:      func(pass *analysis.Pass) (any, error) { return run(pass, path) },
	}
}

// ForRules returns the analyzer for a policy's atomic package, or nil if
// the policy leaves sync/atomic alone.
func ForRules(rules *policy.Rules) *analysis.Analyzer {
	if rules.AtomicPath() == "" {
		return nil
	}
	return New(rules.AtomicPath())
}

var funcs = []string{
	"AddInt64", "AddUint64", "CompareAndSwapInt64", "CompareAndSwapUint64", "LoadInt64", "LoadUint64",
	"StoreInt64", "StoreUint64", "SwapInt64", "SwapUint64",
}

func run(pass *analysis.Pass, path string) (any, error) {
	if pass.TypesSizes.Sizeof(types.Typ[types.Uintptr]) != 4 || !facadeid.Imports(pass.Pkg, path) {
		return nil, nil
	}
	report := lintignore.New(pass, "SA1027")
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	in.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		fn := typeutil.Callee(pass.TypesInfo, call)
		if len(call.Args) == 0 || !facadeid.IsFunc(fn, path, funcs...) {
			return
		}
		addr, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr)
		if !ok || addr.Op != token.AND {
			return
		}
		sel, ok := ast.Unparen(addr.X).(*ast.SelectorExpr)
		if !ok {
			return
		}
		s, ok := pass.TypesInfo.Selections[sel]
		if !ok || s.Kind() != types.FieldVal {
			return
		}
		// The struct that declares the field: the receiver, through the
		// embedded fields of the path.
		t := s.Recv()
		index := s.Index()
		for _, i := range index[:len(index)-1] {
			st := structOf(t)
			if st == nil {
				return
			}
			t = st.Field(i).Type()
		}
		st := structOf(t)
		field := index[len(index)-1]
		if st == nil {
			return
		}
		fields := make([]*types.Var, 0, field+1)
		for i := 0; i <= field; i++ {
			fields = append(fields, st.Field(i))
		}
		if off := pass.TypesSizes.Offsetsof(fields)[field]; off%8 != 0 {
			report.Report(analysis.Diagnostic{Pos: call.Pos(), Message: fmt.Sprintf("address of non 64-bit aligned field %s passed to %s.%s", st.Field(field).Name(), path, fn.Name())})
		}
	})
	return nil, nil
}

func structOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}
