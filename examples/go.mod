module example.com/legacy

go 1.21

require (
	github.com/sasha-s/go-deadlock v0.3.9
	github.com/syncsweep/syncsweep/facade v0.0.0
)

require github.com/petermattis/goid v0.0.0-20250813065127-a731cc31b4fe // indirect

// The facade lives in this repository; a real workspace gets it with
// `go get github.com/syncsweep/syncsweep/facade@latest` instead.
replace github.com/syncsweep/syncsweep/facade => ../facade
