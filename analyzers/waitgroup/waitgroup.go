package waitgroup

import (
	"go/ast"
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

// Analyzer checks syncsweep's facade.
var Analyzer = New(catalog.DefaultFacade)

// New returns the analyzer for the facade rooted at facade (a policy's
// [policy.Rules.Facade]).
func New(facade string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "facadewaitgroup",
		Doc:      "check for misuses of the facade's WaitGroup",
		URL:      "https://pkg.go.dev/github.com/syncsweep/syncsweep/analyzers/waitgroup",
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
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	in.WithStack([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		call := n.(*ast.CallExpr)
		if facadeid.IsMethod(typeutil.Callee(pass.TypesInfo, call), facade, "WaitGroup", "Add") && firstInGoroutine(stack) {
			d := analysis.Diagnostic{Pos: call.Lparen, Message: "WaitGroup.Add called from inside new goroutine"}
			if fix, ok := moveBefore(pass, stack); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
			pass.Report(d)
		}
		return true
	})
	return nil, nil
}

// moveBefore returns the fix that moves the Add (the statement at the top
// of stack) before the go statement, where it counts the goroutine before
// Wait can look; none when its arguments use the literal's parameters,
// which do not exist outside it.
func moveBefore(pass *analysis.Pass, stack []ast.Node) (analysis.SuggestedFix, bool) {
	n := len(stack)
	goStmt := stack[n-6].(*ast.GoStmt)
	lit := stack[n-4].(*ast.FuncLit)
	block := stack[n-3].(*ast.BlockStmt)
	stmt := stack[n-2].(*ast.ExprStmt)
	params := map[types.Object]bool{}
	for _, f := range lit.Type.Params.List {
		for _, name := range f.Names {
			params[pass.TypesInfo.Defs[name]] = true
		}
	}
	usesParam := false
	ast.Inspect(stmt, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && params[pass.TypesInfo.Uses[id]] {
			usesParam = true
		}
		return !usesParam
	})
	if usesParam || len(pass.Fset.File(stmt.Pos()).Lines()) == 0 {
		return analysis.SuggestedFix{}, false
	}
	src := pass.Fset.File(stmt.Pos())
	// A comment that ends the Add's line moves with it.
	stmtEnd := stmt.End()
	for _, f := range pass.Files {
		if f.FileStart <= stmt.Pos() && stmt.Pos() < f.FileEnd {
			for _, cg := range f.Comments {
				if cg.Pos() >= stmtEnd && src.Line(cg.Pos()) == src.Line(stmtEnd) {
					stmtEnd = cg.End()
					break
				}
			}
		}
	}
	text := string(readRange(pass, stmt.Pos(), stmtEnd))
	if text == "" {
		return analysis.SuggestedFix{}, false
	}
	// Up to the next statement (or the closing brace), so that the line
	// the Add stood on goes too.
	end := block.Rbrace
	if len(block.List) > 1 {
		end = block.List[1].Pos()
	}
	line := src.LineStart(src.Line(goStmt.Pos()))
	indent := string(readRange(pass, line, goStmt.Pos()))
	return analysis.SuggestedFix{
		Message: "Call Add before the go statement",
		TextEdits: []analysis.TextEdit{
			{Pos: goStmt.Pos(), End: goStmt.Pos(), NewText: []byte(text + "\n" + indent)},
			{Pos: stmt.Pos(), End: end},
		},
	}, true
}

// readRange returns the source text between two positions of one file.
func readRange(pass *analysis.Pass, from, to token.Pos) []byte {
	f := pass.Fset.File(from)
	content, err := pass.ReadFile(f.Name())
	if err != nil {
		return nil
	}
	start, end := f.Offset(from), f.Offset(to)
	if start < 0 || end > len(content) || start > end {
		return nil
	}
	return content[start:end]
}

// firstInGoroutine reports whether the call at the top of stack is the
// first statement of a function literal that a go statement calls:
// GoStmt, CallExpr, FuncLit, BlockStmt, ExprStmt, CallExpr.
func firstInGoroutine(stack []ast.Node) bool {
	n := len(stack)
	if n < 6 {
		return false
	}
	_, isGo := stack[n-6].(*ast.GoStmt)
	goCall, isCall := stack[n-5].(*ast.CallExpr)
	lit, isLit := stack[n-4].(*ast.FuncLit)
	block, isBlock := stack[n-3].(*ast.BlockStmt)
	stmt, isStmt := stack[n-2].(*ast.ExprStmt)
	return isGo && isCall && isLit && goCall.Fun == ast.Expr(lit) && isBlock && isStmt &&
		len(block.List) > 0 && block.List[0] == ast.Stmt(stmt)
}
