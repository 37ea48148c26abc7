package atomic

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/syncsweep/syncsweep/analyzers/internal/facadeid"
	"github.com/syncsweep/syncsweep/catalog"
	"github.com/syncsweep/syncsweep/policy"
)

// Analyzer checks syncsweep's facade/atomic.
var Analyzer = New(catalog.DefaultFacade + "/atomic")

// New returns the analyzer for the atomic package at path (a policy's
// atomic replacement).
func New(path string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:             "facadeatomic",
		Doc:              "check for common mistakes using the facade's atomic package",
		URL:              "https://pkg.go.dev/github.com/syncsweep/syncsweep/analyzers/atomic",
		Requires:         []*analysis.Analyzer{inspect.Analyzer},
		RunDespiteErrors: true,
		Run:              func(pass *analysis.Pass) (any, error) { return run(pass, path) },
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

var adds = map[string]bool{"AddInt32": true, "AddInt64": true, "AddUint32": true, "AddUint64": true, "AddUintptr": true}

func run(pass *analysis.Pass, path string) (any, error) {
	if !facadeid.Imports(pass.Pkg, path) {
		return nil, nil
	}
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	in.Preorder([]ast.Node{(*ast.AssignStmt)(nil)}, func(node ast.Node) {
		n := node.(*ast.AssignStmt)
		if len(n.Lhs) != len(n.Rhs) || len(n.Lhs) == 1 && n.Tok == token.DEFINE {
			return
		}
		for i, right := range n.Rhs {
			call, ok := right.(*ast.CallExpr)
			if !ok {
				continue
			}
			fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
			if ok && fn.Pkg() != nil && fn.Pkg().Path() == path && adds[fn.Name()] {
				check(pass, n, n.Lhs[i], call)
			}
		}
	})
	return nil, nil
}

// check reports left = atomic.AddT(&left, d) (or *p = atomic.AddT(p, d)).
func check(pass *analysis.Pass, stmt *ast.AssignStmt, left ast.Expr, call *ast.CallExpr) {
	if len(call.Args) != 2 {
		return
	}
	arg := call.Args[0]
	broken := false
	if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
		broken = gofmt(pass, left) == gofmt(pass, u.X)
	} else if star, ok := left.(*ast.StarExpr); ok {
		broken = gofmt(pass, star.X) == gofmt(pass, arg)
	}
	if !broken {
		return
	}
	d := analysis.Diagnostic{Pos: left.Pos(), End: left.End(), Message: "direct assignment to atomic value"}
	if len(stmt.Lhs) == 1 && stmt.Tok == token.ASSIGN {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Drop the assignment: the add updates the value",
			TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: call.Pos()}},
		}}
	}
	pass.Report(d)
}

func gofmt(pass *analysis.Pass, e ast.Expr) string {
	var b bytes.Buffer
	format.Node(&b, pass.Fset, e)
	return b.String()
}
