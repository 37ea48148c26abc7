package driver

import (
	"fmt"
	"strings"
)

// unified returns a unified diff of old and new (as by diff -u) with
// three lines of context, or "" when they are equal.
func unified(oldName, newName, old, new string) string {
	a, b := splitLines(old), splitLines(new)
	ops := myers(a, b)
	if len(ops) == 0 {
		return ""
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	const context = 3
	// Walk the edit script, grouping changes that are at most
	// 2*context lines apart into one hunk.
	for i := 0; i < len(ops); {
		j := i
		for j+1 < len(ops) && ops[j+1].ai-ops[j].aEnd() <= 2*context {
			j++
		}
		first, last := ops[i], ops[j]
		aStart := max(0, first.ai-context)
		bStart := first.bi - (first.ai - aStart)
		aEnd := min(len(a), last.aEnd()+context)
		bEnd := last.bEnd() + (aEnd - last.aEnd())
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(aStart, aEnd-aStart), hunkRange(bStart, bEnd-bStart))
		pos := aStart
		for _, op := range ops[i : j+1] {
			for ; pos < op.ai; pos++ {
				writeLine(&out, ' ', a[pos])
			}
			for k := op.ai; k < op.aEnd(); k++ {
				writeLine(&out, '-', a[k])
			}
			for k := op.bi; k < op.bEnd(); k++ {
				writeLine(&out, '+', b[k])
			}
			pos = op.aEnd()
		}
		for ; pos < aEnd; pos++ {
			writeLine(&out, ' ', a[pos])
		}
		i = j + 1
	}
	return out.String()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func writeLine(out *strings.Builder, tag byte, line string) {
	out.WriteByte(tag)
	out.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}

func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// An op replaces a[ai:ai+na] with b[bi:bi+nb].
type op struct{ ai, na, bi, nb int }

func (o op) aEnd() int { return o.ai + o.na }
func (o op) bEnd() int { return o.bi + o.nb }

// myers computes a shortest edit script from a to b (Myers 1986) and
// returns it as a list of replacements in order.
func myers(a, b []string) []op {
	// Trim the common prefix and suffix: sweeps change few lines.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	a, b = a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(a), len(b)
	if n == 0 && m == 0 {
		return nil
	}
	maxD := n + m
	v := make([]int, 2*maxD+2)
	var trace [][]int
	off := maxD + 1
search:
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				break search
			}
		}
	}
	// Backtrack into single-line steps, then merge adjacent ones.
	type step struct {
		del    bool
		ai, bi int
	}
	var steps []step
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		vd := trace[d] // v as it stood before round d
		k := x - y
		var pk int
		if k == -d || k != d && vd[off+k-1] < vd[off+k+1] {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := vd[off+pk]
		py := px - pk
		for x > px && y > py {
			x, y = x-1, y-1
		}
		if x == px {
			steps = append(steps, step{false, x, py})
		} else {
			steps = append(steps, step{true, px, y})
		}
		x, y = px, py
	}
	var ops []op
	for i := len(steps) - 1; i >= 0; i-- {
		s := steps[i]
		cur := op{ai: s.ai + pre, bi: s.bi + pre}
		if s.del {
			cur.na = 1
		} else {
			cur.nb = 1
		}
		if len(ops) > 0 {
			last := &ops[len(ops)-1]
			if last.aEnd() == cur.ai && last.bEnd() == cur.bi {
				last.na += cur.na
				last.nb += cur.nb
				continue
			}
		}
		ops = append(ops, cur)
	}
	return ops
}
