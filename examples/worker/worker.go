// Package worker runs jobs on a pool of goroutines.
package worker

import (
	"bytes"
	"sync"
)

// Pool runs submitted jobs and records their results.
type Pool struct {
	sync.Mutex // guards done
	done       []string
	results    sync.Map
	bufs       sync.Pool
}

// NewPool returns a ready pool.
func NewPool() *Pool {
	return &Pool{bufs: sync.Pool{New: func() any { return new(bytes.Buffer) }}}
}

// Run runs every job concurrently and waits for all of them.
func (p *Pool) Run(jobs map[string]func(*bytes.Buffer)) {
	var wg sync.WaitGroup
	for name, job := range jobs {
		name, job := name, job
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := p.bufs.Get().(*bytes.Buffer)
			buf.Reset()
			job(buf)
			p.results.Store(name, buf.String())
			p.bufs.Put(buf)
			p.Lock()
			p.done = append(p.done, name)
			p.Unlock()
		}()
	}
	wg.Wait()
}

// Result returns the output of the named job.
func (p *Pool) Result(name string) (string, bool) {
	v, ok := p.results.Load(name)
	if !ok {
		return "", false
	}
	return v.(string), true
}

// Done returns how many jobs have finished.
func (p *Pool) Done() int {
	p.Lock()
	defer p.Unlock()
	return len(p.done)
}

// Ready is closed over a condition variable guarded by a mutex.
type Ready struct {
	mu    sync.Mutex
	cond  *sync.Cond
	ready bool
}

// NewReady returns a Ready that is not ready yet.
func NewReady() *Ready {
	r := &Ready{}
	r.cond = sync.NewCond(&r.mu)
	return r
}

// Set marks it ready and wakes every waiter.
func (r *Ready) Set() {
	r.mu.Lock()
	r.ready = true
	r.mu.Unlock()
	r.cond.Broadcast()
}

// Wait blocks until Set has been called.
func (r *Ready) Wait() {
	r.mu.Lock()
	for !r.ready {
		r.cond.Wait()
	}
	r.mu.Unlock()
}
