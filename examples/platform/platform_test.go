package platform

import (
	"runtime"
	"testing"
)

func TestName(t *testing.T) {
	want := "unix"
	if runtime.GOOS == "windows" {
		want = "windows"
	}
	if got := Name(); got != want {
		t.Errorf("Name() = %q, want %q", got, want)
	}
}
