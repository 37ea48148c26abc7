package worker

import (
	"bytes"
	"testing"
)

func TestRun(t *testing.T) {
	p := NewPool()
	p.Run(map[string]func(*bytes.Buffer){
		"a": func(b *bytes.Buffer) { b.WriteString("A") },
		"b": func(b *bytes.Buffer) { b.WriteString("B") },
	})
	if p.Done() != 2 {
		t.Fatalf("Done() = %d, want 2", p.Done())
	}
	if v, ok := p.Result("a"); !ok || v != "A" {
		t.Errorf("Result(a) = %q, %v", v, ok)
	}
}

func TestReady(t *testing.T) {
	r := NewReady()
	go r.Set()
	r.Wait()
}
