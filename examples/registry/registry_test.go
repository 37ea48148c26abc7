package registry

import "testing"

func TestSetGet(t *testing.T) {
	r := New()
	r.Set("db", "10.0.0.1:5432")
	if got, ok := r.Get("db"); !ok || got != "10.0.0.1:5432" {
		t.Errorf("Get(db) = %q, %v", got, ok)
	}
	if _, ok := r.Get("cache"); ok {
		t.Error("Get(cache) found an address never set")
	}
}
