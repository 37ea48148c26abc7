package sa2003_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/syncsweep/syncsweep/analyzers/sa2003"
	"github.com/syncsweep/syncsweep/policy"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "..", "testdata"))

func TestFixtures(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, sa2003.Analyzer, "vetsa2003")
}

// The twin follows the policy's facade: an in-house one with the same
// names.
func TestInHouseFacade(t *testing.T) {
	rules, err := policy.Policy{Facade: "inhouse/syncutil"}.Compile()
	if err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, testdata, sa2003.ForRules(rules), "vetsa2003inhouse")
}
