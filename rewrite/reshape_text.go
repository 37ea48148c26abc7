package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// How the proofs say things: positions, expressions and types as the user
// wrote them, for the reasons a unit cannot move.

func (pv *prover) position(pos token.Pos) string {
	p := pv.sw.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", shortName(p.Filename), p.Line)
}

func shortName(filename string) string {
	if i := strings.LastIndexAny(filename, `/\`); i >= 0 {
		return filename[i+1:]
	}
	return filename
}

func (pv *prover) refString(ref *ast.SelectorExpr) string {
	if obj := pv.info.Uses[ref.Sel]; obj != nil && obj.Pkg() != nil {
		return obj.Pkg().Path() + "." + obj.Name()
	}
	return pv.exprString(ref)
}

// context names what an expression feeds, for messages.
func (pv *prover) context(e ast.Expr) string {
	switch p := pv.parents[e].(type) {
	case *ast.CallExpr:
		return "passed to " + pv.exprString(p.Fun)
	case *ast.ReturnStmt:
		return "returned"
	case *ast.AssignStmt, *ast.ValueSpec:
		return "stored"
	case *ast.CompositeLit, *ast.KeyValueExpr:
		return "stored in a composite literal"
	case *ast.BinaryExpr:
		return "compared"
	case *ast.UnaryExpr:
		return "its address is taken"
	}
	return pv.exprString(e)
}

func (pv *prover) exprString(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

func (pv *prover) typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}
