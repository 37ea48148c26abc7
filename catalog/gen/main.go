// Command gen rewrites the catalog table in README.md from catalog.Rows.
//
//	go run ./catalog/gen
package main

import (
	"log"
	"os"
	"strings"

	"github.com/syncsweep/syncsweep/catalog"
)

func main() {
	const begin, end = "<!-- catalog:begin -->\n", "<!-- catalog:end -->"
	data, err := os.ReadFile("README.md")
	if err != nil {
		log.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		log.Fatalf("README.md lacks the %q ... %q markers", begin, end)
	}
	s = s[:i+len(begin)] + catalog.Markdown(catalog.DefaultFacade) + s[j:]
	if err := os.WriteFile("README.md", []byte(s), 0o644); err != nil {
		log.Fatal(err)
	}
}
