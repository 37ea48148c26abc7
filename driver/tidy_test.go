package driver

import (
	"slices"
	"testing"
)

func TestTidyChanges(t *testing.T) {
	reqs := []string{"github.com/sasha-s/go-deadlock", "golang.org/x/sync"}
	tests := []struct {
		name              string
		diff              string
		dropped, indirect []string
	}{
		{
			name: "dropped and made indirect",
			diff: "--- current/go.mod\n+++ tidy/go.mod\n@@ -3,7 +3,7 @@\n require (\n-\tgithub.com/sasha-s/go-deadlock v0.3.9\n-\tgolang.org/x/sync v0.6.0\n+\tgithub.com/sasha-s/go-deadlock v0.3.9 // indirect\n )\n" +
				"--- current/go.sum\n+++ tidy/go.sum\n-golang.org/x/sync v0.6.0 h1:abc=\n",
			dropped:  []string{"golang.org/x/sync"},
			indirect: []string{"github.com/sasha-s/go-deadlock"},
		},
		{
			name: "a new version, still direct: still in use",
			diff: "--- current/go.mod\n+++ tidy/go.mod\n-\tgithub.com/sasha-s/go-deadlock v0.3.1\n+\tgithub.com/sasha-s/go-deadlock v0.3.9\n",
		},
		{
			name: "only go.sum lines",
			diff: "--- current/go.sum\n+++ tidy/go.sum\n-golang.org/x/sync v0.6.0/go.mod h1:abc=\n",
		},
		{name: "no diff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dropped, indirect := tidyChanges(tt.diff, reqs)
			if !slices.Equal(dropped, tt.dropped) || !slices.Equal(indirect, tt.indirect) {
				t.Errorf("tidyChanges = dropped %v, indirect %v; want %v, %v", dropped, indirect, tt.dropped, tt.indirect)
			}
		})
	}
}
