// The facade module's go line is 1.18, which keeps pre-Go 1.23 timer
// channels; testing/synctest, which the explore backend runs schedules in,
// needs the new ones.

//go:debug asynctimerchan=0

package stress_test
