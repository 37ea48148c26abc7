package adhoctag

// Counter counts under whichever Mutex the build picked.
type Counter struct {
	mu Mutex
	n  int
}

// Inc adds one.
func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}
