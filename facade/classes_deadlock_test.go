//go:build deadlock

//lint:file-ignore SA2001 these tests exercise lock order; the sections are empty on purpose

package facade_test

import (
	"strings"
	"testing"

	"github.com/syncsweep/syncsweep/facade"
)

// node's locks all take their first Lock in lockNode, so they share one
// class (the call site's: no table names them), as the nodes of one
// declaration share theirs.
type node struct{ mu facade.Mutex }

func lockNode(n *node) { n.mu.Lock() }

// other's locks share another class.
type other struct{ mu facade.Mutex }

func lockOther(o *other) { o.mu.Lock() }

// Three classes taken in a cycle (A then B, B then C, C then A), each pair
// by a different goroutine at a different time: one report, with the
// stack where each of the three orders was first taken.
func TestThreeClassCycle(t *testing.T) {
	var a, b, c facade.Mutex
	// Their first Locks, each at a site of its own, give them three classes.
	a.Lock()
	a.Unlock()
	b.Lock()
	b.Unlock()
	c.Lock()
	c.Unlock()
	lock := func(x, y *facade.Mutex) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			x.Lock()
			y.Lock()
			y.Unlock()
			x.Unlock()
		}()
		<-done
	}
	reports := capture(func() {
		lock(&a, &b)
		lock(&b, &c)
		lock(&c, &a)
	})
	if len(reports) != 1 || !strings.Contains(reports[0], "lock-order inversion between lock classes") ||
		strings.Count(reports[0], "classes_deadlock_test.go:43") != 3 { // y.Lock(), in each order's stack
		t.Fatalf("reports: %q", reports)
	}
}

// Two locks of one class, always parent before child: no report.
func TestSameClassFixedOrder(t *testing.T) {
	reports := capture(func() {
		for i := 0; i < 3; i++ {
			parent, child := &node{}, &node{}
			lockNode(parent)
			lockNode(child)
			child.mu.Unlock()
			parent.mu.Unlock()
		}
	})
	if len(reports) != 0 {
		t.Fatalf("reports: %q", reports)
	}
}

// Two locks of one class taken in both orders (a transfer from x to y
// and one from y to x): reported, per object.
func TestSameClassBothOrders(t *testing.T) {
	x, y := &node{}, &node{}
	transfer := func(from, to *node) {
		lockNode(from)
		lockNode(to)
		to.mu.Unlock()
		from.mu.Unlock()
	}
	reports := capture(func() {
		transfer(x, y)
		transfer(y, x)
	})
	if len(reports) != 1 || !strings.Contains(reports[0], "lock-order inversion between two locks of class") {
		t.Fatalf("reports: %q", reports)
	}
}

// A hierarchy taken around another class: a parent node, then another
// lock, then a child node. Without LockNested the classes node and other
// are taken in both orders; with the child in subclass 1, they are not.
func TestLockNested(t *testing.T) {
	walk := func(nested bool) []string {
		return capture(func() {
			parent, child, o := &node{}, &node{}, &other{}
			lockNode(child) // child's class: node's
			child.mu.Unlock()
			lockNode(parent)
			lockOther(o)
			if nested {
				child.mu.LockNested(1)
			} else {
				child.mu.Lock()
			}
			child.mu.Unlock()
			o.mu.Unlock()
			parent.mu.Unlock()
		})
	}
	// Nested first: the orders the detector learns stay learned.
	if r := walk(true); len(r) != 0 {
		t.Errorf("with LockNested(1): reports %q", r)
	}
	if r := walk(false); len(r) != 1 || !strings.Contains(r[0], "lock-order inversion between lock classes") {
		t.Errorf("without LockNested: reports %q", r)
	}
}
