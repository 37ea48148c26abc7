package rewrite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/dave/dst"
	"github.com/dave/dst/decorator"
	"golang.org/x/tools/go/analysis"

	"github.com/syncsweep/syncsweep/catalog"
)

// deadHandling proves that the handling of a call's always-nil error (or
// always-true bool) is dead, and plans the statement edit that removes
// it. It returns why it cannot, or "".
//
// The forms: the call alone, "_ = call", "if err := call; err != nil
// {...}", "err := call" or "err = call" followed by "if err != nil {...}"
// (err read nowhere else), "if call != nil {...}", "if !call {...}" for a
// bool, and "return call". An if with an else, a condition that tests
// anything more, and a result that feeds anything else are not proven.
func (pv *prover) deadHandling(call *ast.CallExpr, sel *ast.SelectorExpr, row catalog.Row, fix *callFix, kept []ast.Expr) string {
	parent := pv.parents[call]
	switch p := parent.(type) {
	case *ast.ExprStmt, *ast.DeferStmt, *ast.GoStmt:
		if pv.droppedComments(fix.file, call, kept) {
			return pv.replace(fix, []ast.Node{p}, call, row, kept, nil)
		}
		fix.edit = pv.callEdit(fix, sel, call, kept)
		return ""
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 || len(p.Rhs) != 1 {
			return "its result is assigned with others"
		}
		id, ok := p.Lhs[0].(*ast.Ident)
		if !ok {
			return fmt.Sprintf("its result is stored in %s", pv.exprString(p.Lhs[0]))
		}
		if id.Name == "_" {
			return pv.replace(fix, []ast.Node{p}, call, row, kept, nil)
		}
		v, ok := pv.info.ObjectOf(id).(*types.Var)
		if !ok {
			return "its result is stored"
		}
		if ifs, ok := pv.parents[p].(*ast.IfStmt); ok && ifs.Init == p {
			if why := pv.deadIf(ifs, v, row); why != "" {
				return why
			}
			return pv.replace(fix, []ast.Node{ifs}, call, row, kept, nil)
		}
		next := pv.nextStmt(p)
		ifs, ok := next.(*ast.IfStmt)
		if !ok || ifs.Init != nil {
			return fmt.Sprintf("its result %s is not checked by the next statement", id.Name)
		}
		if why := pv.deadIf(ifs, v, row); why != "" {
			return why
		}
		if why := pv.onlyHere(v, p, ifs); why != "" {
			return why
		}
		return pv.replace(fix, []ast.Node{p, ifs}, call, row, kept, nil)
	case *ast.BinaryExpr:
		// if call != nil {...}
		ifs, ok := pv.parents[p].(*ast.IfStmt)
		if !ok || ifs.Cond != ast.Expr(p) || row.Result != catalog.Nil || p.Op != token.NEQ || !isNil(pv.info, otherSide(p, call)) {
			return "its error feeds an expression"
		}
		if why := pv.deadBranch(ifs); why != "" {
			return why
		}
		return pv.replace(fix, []ast.Node{ifs}, call, row, kept, nil)
	case *ast.UnaryExpr:
		// if !call {...}
		ifs, ok := pv.parents[p].(*ast.IfStmt)
		if !ok || ifs.Cond != ast.Expr(p) || row.Result != catalog.True || p.Op != token.NOT {
			return "its result feeds an expression"
		}
		if why := pv.deadBranch(ifs); why != "" {
			return why
		}
		return pv.replace(fix, []ast.Node{ifs}, call, row, kept, nil)
	case *ast.ReturnStmt:
		if len(p.Results) != 1 {
			return "it is returned with other results"
		}
		sig := pv.enclosingSig(p)
		want := map[catalog.Result]string{catalog.Nil: "error", catalog.True: "bool"}[row.Result]
		if sig == nil || sig.Results().Len() != 1 || types.TypeString(sig.Results().At(0).Type(), nil) != want {
			return "it is returned as another type"
		}
		ret := map[catalog.Result]string{catalog.Nil: "nil", catalog.True: "true"}[row.Result]
		return pv.replace(fix, []ast.Node{p}, call, row, kept, &dst.ReturnStmt{Results: []dst.Expr{dst.NewIdent(ret)}})
	}
	return fmt.Sprintf("its result feeds %s", pv.context(call))
}

func otherSide(b *ast.BinaryExpr, call *ast.CallExpr) ast.Expr {
	if b.X == ast.Expr(call) {
		return b.Y
	}
	return b.X
}

func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}

// deadIf checks that ifs tests exactly the failure of v (err != nil, or
// !ok) and has no else.
func (pv *prover) deadIf(ifs *ast.IfStmt, v *types.Var, row catalog.Row) string {
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && pv.info.Uses[id] == v
	}
	ok := false
	switch c := ast.Unparen(ifs.Cond).(type) {
	case *ast.BinaryExpr:
		ok = row.Result == catalog.Nil && c.Op == token.NEQ &&
			(isV(c.X) && isNil(pv.info, c.Y) || isV(c.Y) && isNil(pv.info, c.X))
	case *ast.UnaryExpr:
		ok = row.Result == catalog.True && c.Op == token.NOT && isV(c.X)
	}
	if !ok {
		return fmt.Sprintf("the if at %s tests more than the failure of %s", pv.position(ifs.Pos()), v.Name())
	}
	return pv.deadBranch(ifs)
}

// deadBranch checks the branch that removal deletes.
func (pv *prover) deadBranch(ifs *ast.IfStmt) string {
	if ifs.Else != nil {
		return fmt.Sprintf("the if at %s has an else branch", pv.position(ifs.Pos()))
	}
	var why string
	ast.Inspect(ifs.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.LabeledStmt:
			why = fmt.Sprintf("the dead branch declares label %s", n.Label.Name)
		case *ast.BranchStmt:
			if n.Label != nil {
				// Its label may have no other use, which would not compile.
				why = fmt.Sprintf("the dead branch jumps to label %s", n.Label.Name)
			}
		}
		return why == ""
	})
	return why
}

// onlyHere checks that v (assigned by as, tested by ifs) is read nowhere
// else: removing both must not change what any other code sees.
func (pv *prover) onlyHere(v *types.Var, as *ast.AssignStmt, ifs *ast.IfStmt) string {
	if pv.params[v] {
		return fmt.Sprintf("%s is a parameter or named result, which return reads", v.Name())
	}
	fn := pv.enclosingFunc(as)
	for _, id := range pv.usesOf(v) {
		if as.Pos() <= id.Pos() && id.Pos() < ifs.End() {
			continue
		}
		if as.Tok == token.DEFINE || id.Pos() > ifs.End() {
			return fmt.Sprintf("%s is used again at %s", v.Name(), pv.position(id.Pos()))
		}
		if pv.enclosingFunc(id) != fn {
			return fmt.Sprintf("%s is used by a closure at %s", v.Name(), pv.position(id.Pos()))
		}
		if loop := pv.enclosingLoop(as, v); loop != nil && loop.Pos() <= id.Pos() && id.Pos() < loop.End() {
			return fmt.Sprintf("%s is read at %s in the same loop", v.Name(), pv.position(id.Pos()))
		}
	}
	return ""
}

// enclosingLoop returns the innermost loop around n that v's declaration
// is outside of.
func (pv *prover) enclosingLoop(n ast.Node, v *types.Var) ast.Node {
	for p := pv.parents[n]; p != nil; p = pv.parents[p] {
		switch p.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if v.Pos() < p.Pos() || v.Pos() >= p.End() {
				return p
			}
			return nil
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		}
	}
	return nil
}

func (pv *prover) enclosingFunc(n ast.Node) ast.Node {
	for p := pv.parents[n]; p != nil; p = pv.parents[p] {
		switch p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return p
		}
	}
	return nil
}

func (pv *prover) enclosingSig(n ast.Node) *types.Signature {
	switch fn := pv.enclosingFunc(n).(type) {
	case *ast.FuncDecl:
		if obj, ok := pv.info.Defs[fn.Name].(*types.Func); ok {
			return obj.Signature()
		}
	case *ast.FuncLit:
		if sig, ok := pv.info.TypeOf(fn).(*types.Signature); ok {
			return sig
		}
	}
	return nil
}

// nextStmt returns the statement after s in its statement list.
func (pv *prover) nextStmt(s ast.Stmt) ast.Stmt {
	var list []ast.Stmt
	switch p := pv.parents[s].(type) {
	case *ast.BlockStmt:
		list = p.List
	case *ast.CaseClause:
		list = p.Body
	case *ast.CommClause:
		list = p.Body
	}
	for i, x := range list {
		if x == s && i+1 < len(list) {
			return list[i+1]
		}
	}
	return nil
}

// replace plans the edit that replaces the statements stmts (consecutive)
// with the facade's call, and after it the statement tail, if any. The
// comments in the removed code move above the call; the code removed
// must leave no local variable unused.
func (pv *prover) replace(fix *callFix, stmts []ast.Node, call *ast.CallExpr, row catalog.Row, kept []ast.Expr, tail dst.Stmt) string {
	pos, end := stmts[0].Pos(), stmts[len(stmts)-1].End()
	f := fix.file
	dec, err := pv.decorate(f)
	if err != nil {
		return "its file cannot be decorated: " + err.Error()
	}
	dcall, ok := dec.Dst.Nodes[call].(*dst.CallExpr)
	if !ok {
		return "its call cannot be decorated"
	}
	clone := dst.Clone(dcall).(*dst.CallExpr)
	clone.Decs = dst.CallExprDecorations{}
	if sel, ok := clone.Fun.(*dst.SelectorExpr); ok {
		sel.Sel.Name = row.FacadeName()
	}
	clone.Args = nil
	for _, a := range kept {
		clone.Args = append(clone.Args, dst.Clone(dec.Dst.Nodes[a]).(dst.Expr))
	}
	var stmt dst.Stmt
	var decs *dst.NodeDecs
	switch stmts[0].(type) {
	case *ast.DeferStmt:
		d := &dst.DeferStmt{Call: clone}
		stmt, decs = d, &d.Decs.NodeDecs
	case *ast.GoStmt:
		g := &dst.GoStmt{Call: clone}
		stmt, decs = g, &g.Decs.NodeDecs
	default:
		e := &dst.ExprStmt{X: clone}
		stmt, decs = e, &e.Decs.NodeDecs
	}
	// Every comment in the replaced code moves, except those inside what
	// the clone keeps (the receiver and method, the kept arguments).
	keptPart := func(p token.Pos) bool {
		if call.Fun.Pos() <= p && p < call.Fun.End() {
			return true
		}
		for _, a := range kept {
			if a.Pos() <= p && p < a.End() {
				return true
			}
		}
		return false
	}
	tf := pv.sw.pass.Fset.File(pos)
	for _, c := range f.Comments {
		for _, com := range c.List {
			if pos <= com.Pos() && com.Pos() < end && !keptPart(com.Pos()) {
				onCallLine := tf.Line(com.Pos()) == tf.Line(call.Pos())
				if onCallLine && tail == nil && (com.Pos() > call.End() || tf.Line(pos) == tf.Line(end)) {
					decs.End.Append(com.Text) // it was on the acquire's line: it still is
				} else {
					decs.Start.Append(com.Text)
				}
			}
		}
	}
	list := []dst.Stmt{stmt}
	if tail != nil {
		list = append(list, tail)
	}
	text, err := pv.printStmts(pos, list)
	if err != nil {
		return "its replacement does not print: " + err.Error()
	}
	fix.edit = analysis.TextEdit{Pos: pos, End: end, NewText: []byte(text)}
	fix.removed = append(fix.removed, span{pos, end})
	return ""
}

// isWrite reports whether id is only written where it appears (x = ...,
// x++), which does not count as a use for the compiler.
func (pv *prover) isWrite(id *ast.Ident) bool {
	switch p := pv.parents[id].(type) {
	case *ast.AssignStmt:
		if p.Tok == token.DEFINE || p.Tok == token.ASSIGN {
			for _, l := range p.Lhs {
				if l == ast.Expr(id) {
					return true
				}
			}
		}
	case *ast.IncDecStmt:
		return true
	}
	return false
}

// decorate returns the dst form of f, made once per file.
func (pv *prover) decorate(f *ast.File) (*decorator.Decorator, error) {
	if pv.decorators == nil {
		pv.decorators = make(map[*ast.File]*decorator.Decorator)
	}
	if d, ok := pv.decorators[f]; ok {
		return d, nil
	}
	d := decorator.NewDecorator(pv.sw.pass.Fset)
	if _, err := d.DecorateFile(f); err != nil {
		return nil, err
	}
	pv.decorators[f] = d
	return d, nil
}

// printStmts prints statements through dst (comments as decorations),
// indented as the line at pos; the first line carries no indentation,
// since the edit starts at pos.
func (pv *prover) printStmts(pos token.Pos, list []dst.Stmt) (string, error) {
	list[0].Decorations().Before = dst.NewLine
	file := &dst.File{
		Name: dst.NewIdent("p"),
		Decls: []dst.Decl{&dst.FuncDecl{
			Name: dst.NewIdent("_"),
			Type: &dst.FuncType{},
			Body: &dst.BlockStmt{List: list},
		}},
	}
	var buf bytes.Buffer
	if err := decorator.Fprint(&buf, file); err != nil {
		return "", err
	}
	out := buf.String()
	i, j := strings.Index(out, "{\n"), strings.LastIndex(out, "\n}")
	if i < 0 || j < i {
		return "", fmt.Errorf("unexpected output %q", out)
	}
	lines := strings.Split(out[i+2:j], "\n")
	indent := pv.indentAt(pos)
	for k, l := range lines {
		l = strings.TrimPrefix(l, "\t")
		if k > 0 && l != "" {
			l = indent + l
		}
		lines[k] = l
	}
	return strings.Join(lines, "\n"), nil
}

// indentAt returns the whitespace that starts pos's line.
func (pv *prover) indentAt(pos token.Pos) string {
	tf := pv.sw.pass.Fset.File(pos)
	src, err := pv.sw.readFile(tf.Name())
	if err != nil {
		return "\t"
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}

// droppedComments reports whether a comment lies inside the arguments
// that a call's rewrite drops, which a plain edit of the call would lose.
func (pv *prover) droppedComments(f *ast.File, call *ast.CallExpr, kept []ast.Expr) bool {
	for _, c := range f.Comments {
		for _, com := range c.List {
			if com.Pos() <= call.Lparen || com.Pos() >= call.Rparen {
				continue
			}
			inKept := false
			for _, a := range kept {
				inKept = inKept || a.Pos() <= com.Pos() && com.Pos() < a.End()
			}
			if !inKept {
				return true
			}
		}
	}
	return false
}
