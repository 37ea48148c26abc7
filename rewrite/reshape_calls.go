package rewrite

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/catalog"
)

// The calls of a guarded type: what each argument must be (checkArg), how
// a method call becomes the facade's (methodCall, callEdit), and the read
// tokens that RBMutex's RLock hands out.

// checkArg says why an argument is not what the row's Arg asks, or "".
func (pv *prover) checkArg(u *unit, a catalog.Arg, arg ast.Expr) string {
	switch a {
	case catalog.Keep:
		return ""
	case catalog.One:
		tv, ok := pv.info.Types[arg]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int || constant.Compare(tv.Value, token.NEQ, constant.MakeInt64(1)) {
			return fmt.Sprintf("weight %s is not the constant 1, so it is no mutex", pv.exprString(arg))
		}
	case catalog.Background:
		if !pv.neverCancelled(arg, 0) {
			return fmt.Sprintf("context %s may be cancelled, and then the call fails", pv.exprString(arg))
		}
	case catalog.Pure:
		if !pure(arg) {
			return fmt.Sprintf("argument %s may have side effects", pv.exprString(arg))
		}
	case catalog.Token:
		// Checked by the read lock's token (tokenOK).
	}
	return ""
}

// neverCancelled reports whether ctx is context.Background() or
// context.TODO(), or a local variable bound only to those.
func (pv *prover) neverCancelled(ctx ast.Expr, depth int) bool {
	switch e := ast.Unparen(ctx).(type) {
	case *ast.CallExpr:
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		fn, ok := pv.info.Uses[sel.Sel].(*types.Func)
		return ok && fn.Pkg() != nil && fn.Pkg().Path() == "context" && (fn.Name() == "Background" || fn.Name() == "TODO")
	case *ast.Ident:
		v := pv.localVar(e)
		if v == nil || pv.params[v] || depth > 4 {
			return false
		}
		values := pv.assigns[v]
		if len(values) == 0 {
			return false
		}
		for _, rhs := range values {
			if rhs == nil || !pv.neverCancelled(rhs, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// pure reports whether evaluating e has no side effects.
func pure(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return pure(e.X)
	case *ast.SelectorExpr:
		return pure(e.X)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && pure(e.X)
	case *ast.BinaryExpr:
		return pure(e.X) && pure(e.Y)
	}
	return false
}

// methodCall proves one call of a unit's method and plans its rewrite.
func (pv *prover) methodCall(u *unit, call *ast.CallExpr, sel *ast.SelectorExpr) {
	row, ok := pv.sw.rules.Lookup(u.tn.Pkg().Path(), u.tn.Name()+"."+sel.Sel.Name)
	if !ok {
		row, ok = pv.implicitRow(u, sel)
	}
	if !ok {
		u.fail(sel.Pos(), "it calls %s at %s, which has no catalog row", sel.Sel.Name, pv.position(sel.Pos()))
		return
	}
	if row.Missing != "" {
		u.fail(sel.Pos(), "it calls %s at %s: %s", sel.Sel.Name, pv.position(sel.Pos()), row.Missing)
		return
	}
	if call.Ellipsis.IsValid() {
		u.fail(sel.Pos(), "it calls %s with ... at %s", sel.Sel.Name, pv.position(sel.Pos()))
		return
	}
	var kept []ast.Expr
	for i, arg := range call.Args {
		a := catalog.Pure
		if i < len(row.Args) {
			a = row.Args[i]
		}
		if a == catalog.Keep {
			kept = append(kept, arg)
			continue
		}
		if a == catalog.Token {
			if why := pv.tokenArg(u, arg); why != "" {
				u.fail(arg.Pos(), "%s at %s: %s", sel.Sel.Name, pv.position(arg.Pos()), why)
				return
			}
			continue
		}
		if why := pv.checkArg(u, a, arg); why != "" {
			u.failArg(a, arg.Pos(), "%s at %s: %s", sel.Sel.Name, pv.position(arg.Pos()), why)
			return
		}
	}
	f := pv.file(call)
	fix := &callFix{call: call, row: row, file: f}
	switch row.Result {
	case catalog.Same:
		if len(kept) < len(call.Args) && pv.droppedComments(f, call, kept) {
			// The statement is rebuilt with the comment above it;
			// inside an expression there is no place for it.
			stmt, ok := pv.parents[call].(ast.Stmt)
			switch stmt.(type) {
			case *ast.ExprStmt, *ast.DeferStmt, *ast.GoStmt:
			default:
				ok = false
			}
			if !ok {
				u.fail(call.Pos(), "%s at %s: a comment inside the arguments it drops would be lost", sel.Sel.Name, pv.position(call.Pos()))
				return
			}
			if why := pv.replace(fix, []ast.Node{stmt}, call, row, kept, nil); why != "" {
				u.fail(call.Pos(), "%s at %s: %s", sel.Sel.Name, pv.position(call.Pos()), why)
				return
			}
			break
		}
		fix.edit = pv.callEdit(fix, sel, call, kept)
	case catalog.Tokens:
		why := pv.tokenResult(u, call, sel, fix)
		if why != "" {
			u.fail(call.Pos(), "%s at %s: %s", sel.Sel.Name, pv.position(call.Pos()), why)
			return
		}
	case catalog.Nil, catalog.True:
		why := pv.deadHandling(call, sel, row, fix, kept)
		if why != "" {
			u.fail(call.Pos(), "%s at %s: %s", sel.Sel.Name, pv.position(call.Pos()), why)
			return
		}
	default:
		u.fail(call.Pos(), "%s has a result syncsweep does not handle", sel.Sel.Name)
		return
	}
	how := map[catalog.Result]string{
		catalog.Nil:    ", which cannot fail, so its error handling goes",
		catalog.True:   ", which always succeeds, so the handling of failure goes",
		catalog.Tokens: ", with no token",
	}[row.Result]
	fix.msg = fmt.Sprintf("%s.%s.%s bypasses the lock facade; %s moves to %s, where this call is %s()%s",
		u.tn.Pkg().Path(), u.tn.Name(), sel.Sel.Name, u.v.Name(), pv.facadeType(u), row.FacadeName(), how)
	u.calls = append(u.calls, fix)
}

func (pv *prover) facadeType(u *unit) string {
	row, _ := pv.sw.rules.Lookup(u.tn.Pkg().Path(), u.tn.Name())
	return "facade." + row.FacadeName()
}

// callEdit renames the method and drops the arguments the facade's method
// does not take: from the selector's name to the closing parenthesis.
func (pv *prover) callEdit(fix *callFix, sel *ast.SelectorExpr, call *ast.CallExpr, kept []ast.Expr) analysis.TextEdit {
	var args []string
	for _, a := range kept {
		args = append(args, pv.source(a))
	}
	if len(kept) < len(call.Args) {
		fix.removed = append(fix.removed, span{call.Lparen + 1, call.Rparen})
	}
	return analysis.TextEdit{Pos: sel.Sel.Pos(), End: call.Rparen + 1, NewText: []byte(fix.row.FacadeName() + "(" + strings.Join(args, ", ") + ")")}
}

// source returns the source text of a node.
func (pv *prover) source(n ast.Node) string {
	tf := pv.sw.pass.Fset.File(n.Pos())
	src, err := pv.sw.readFile(tf.Name())
	if err != nil {
		return types.ExprString(n.(ast.Expr))
	}
	return string(src[tf.Offset(n.Pos()):tf.Offset(n.End())])
}

// tokenArg checks the token argument of a read unlock: a local variable
// that the same lock's read lock defined, used for nothing else.
func (pv *prover) tokenArg(u *unit, arg ast.Expr) string {
	id, ok := ast.Unparen(arg).(*ast.Ident)
	if !ok {
		return fmt.Sprintf("the token %s is not a local variable", pv.exprString(arg))
	}
	v := pv.localVar(id)
	if v == nil {
		return fmt.Sprintf("the token %s is not a local variable", id.Name)
	}
	values := pv.assigns[v]
	if len(values) != 1 {
		return fmt.Sprintf("the token %s is assigned more than once", id.Name)
	}
	return ""
}

// tokenResult checks the read lock's token: t := m.RLock() with t used
// only as the argument of m.RUnlock, or a discarded token.
func (pv *prover) tokenResult(u *unit, call *ast.CallExpr, sel *ast.SelectorExpr, fix *callFix) string {
	switch p := pv.parents[call].(type) {
	case *ast.ExprStmt:
		fix.edit = pv.callEdit(fix, sel, call, nil)
		return ""
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 || len(p.Rhs) != 1 || p.Tok != token.DEFINE {
			return "its token is not kept in a new local variable"
		}
		id, ok := p.Lhs[0].(*ast.Ident)
		if !ok {
			return "its token is not kept in a new local variable"
		}
		if id.Name == "_" {
			break
		}
		v, ok := pv.info.Defs[id].(*types.Var)
		if !ok {
			return "its token is not kept in a new local variable"
		}
		if why := pv.tokenUses(u, v, sel.X); why != "" {
			return why
		}
		// "t := m.RLock()" becomes "m.RLock()".
		fix.edit = analysis.TextEdit{Pos: p.Pos(), End: p.End(), NewText: []byte(pv.source(sel.X) + "." + fix.row.FacadeName() + "()")}
		fix.removed = append(fix.removed, span{p.Pos(), call.Pos()})
		return ""
	}
	return "its token is used, not kept in a local variable for RUnlock"
}

// tokenUses checks that every use of the token v is the argument of the
// read unlock of the same lock expression.
func (pv *prover) tokenUses(u *unit, v *types.Var, lock ast.Expr) string {
	for _, id := range pv.usesOf(v) {
		call, ok := pv.parents[id].(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || call.Args[0] != ast.Expr(id) {
			return fmt.Sprintf("its token %s is used at %s other than by RUnlock", v.Name(), pv.position(id.Pos()))
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || pv.unitOf(sel.X) != u || types.ExprString(sel.X) != types.ExprString(lock) {
			return fmt.Sprintf("its token %s is passed at %s to another call than this lock's RUnlock", v.Name(), pv.position(id.Pos()))
		}
		row, ok := pv.sw.rules.Lookup(u.tn.Pkg().Path(), u.tn.Name()+"."+sel.Sel.Name)
		if !ok || len(row.Args) != 1 || row.Args[0] != catalog.Token {
			return fmt.Sprintf("its token %s is passed to %s at %s", v.Name(), sel.Sel.Name, pv.position(id.Pos()))
		}
	}
	return ""
}

// implicitRow returns the row of a method that needs none: one the
// facade's type has, with the same signature (an in-house lock's plain
// Unlock()).
func (pv *prover) implicitRow(u *unit, sel *ast.SelectorExpr) (catalog.Row, bool) {
	fn, ok := pv.info.Uses[sel.Sel].(*types.Func)
	if !ok {
		return catalog.Row{}, false
	}
	typeRow, _ := pv.sw.rules.Lookup(u.tn.Pkg().Path(), u.tn.Name())
	name := sel.Sel.Name
	if !slices.Contains(catalog.FacadeMethods[typeRow.FacadeName()], name) || name == "RLocker" {
		return catalog.Row{}, false
	}
	sig := fn.Signature()
	res := sig.Results()
	want := 0
	if strings.HasPrefix(name, "Try") {
		want = 1
	}
	if sig.Params().Len() != 0 || res.Len() != want || want == 1 && !types.Identical(res.At(0).Type(), types.Typ[types.Bool]) {
		return catalog.Row{}, false
	}
	return catalog.Row{From: u.tn.Pkg().Path(), Name: u.tn.Name() + "." + name, Kind: catalog.Method, As: name}, true
}
