// Package faultproxy is a TCP proxy on loopback for fault tests. Put
// between a client and a server, it passes bytes through until told to
// delay them, cut connections after a number of bytes in either
// direction, hold them at a point until released, or refuse new
// connections; Pass makes it a plain pipe again. It knows nothing of the
// protocol (TLS passes through untouched), so offsets count raw bytes.
package faultproxy

import (
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"time"
)

// Dir is a direction of traffic.
type Dir int

// The two directions.
const (
	// Up is from the client to the server (requests).
	Up Dir = iota
	// Down is from the server to the client (answers).
	Down
)

// String names the direction, for test output.
func (d Dir) String() string {
	if d == Up {
		return "up"
	}
	return "down"
}

// Stats counts what the proxy saw since it started.
type Stats struct {
	// Conns is the connections accepted and passed on.
	Conns int
	// Refused is the connections closed at once by Refuse or a failed dial.
	Refused int
	// Cut is the connections cut by Cut or CutAll.
	Cut int
	// Bytes is the bytes passed on in each direction (index Up, Down).
	Bytes [2]int64
}

// Proxy listens on 127.0.0.1 and forwards every connection to a target.
type Proxy struct {
	ln net.Listener
	wg sync.WaitGroup

	mu      sync.Mutex
	target  string
	delay   [2]time.Duration
	refuse  bool
	cutDir  Dir
	cutAt   int64 // bytes after which a new connection is cut; 0 never
	cutLeft int   // connections still to cut; negative: every one
	hold    *hold
	conns   map[*conn]struct{}
	stats   Stats
}

// hold stops one direction once limit bytes in all have passed it.
type hold struct {
	dir      Dir
	limit    int64 // in Stats.Bytes[dir] terms
	engaged  chan struct{}
	released chan struct{}
	once     sync.Once
}

// New starts a proxy to target (host:port) on a free loopback port.
func New(target string) (*Proxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("faultproxy: listen: %w", err)
	}
	p := &Proxy{ln: ln, target: target, conns: map[*conn]struct{}{}}
	p.wg.Add(1)
	go p.accept()
	return p, nil
}

// Addr is the proxy's host:port, for the client to dial.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Close stops listening, cuts every connection and waits for them to end.
func (p *Proxy) Close() error {
	err := p.ln.Close()
	p.Pass()
	p.CutAll()
	p.wg.Wait()
	return err
}

// SetTarget makes new connections go to target (a restarted server).
func (p *Proxy) SetTarget(target string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.target = target
}

// Delay waits before passing on each chunk read: up in the direction Up,
// down in the direction Down (0: no wait).
func (p *Proxy) Delay(up, down time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.delay = [2]time.Duration{up, down}
}

// Refuse closes new connections at once (the client sees a reset) while on.
func (p *Proxy) Refuse(on bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.refuse = on
}

// Cut makes each of the next n new connections (every one when n <= 0)
// break off once after bytes have passed in dir: the rest is dropped and
// both ends see a reset.
func (p *Proxy) Cut(dir Dir, after int64, n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cutDir, p.cutAt, p.cutLeft = dir, after, n
	if n <= 0 {
		p.cutLeft = -1
	}
}

// Hold stops traffic in dir, on every connection, once after more bytes
// have passed in that direction; the returned channel is closed when a
// connection has bytes held. Release lets them go; CutAll drops them.
func (p *Proxy) Hold(dir Dir, after int64) <-chan struct{} {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.releaseLocked()
	p.hold = &hold{dir: dir, limit: p.stats.Bytes[dir] + after, engaged: make(chan struct{}), released: make(chan struct{})}
	return p.hold.engaged
}

// Release lets held traffic go on.
func (p *Proxy) Release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.releaseLocked()
}

func (p *Proxy) releaseLocked() {
	if p.hold != nil {
		close(p.hold.released)
		p.hold = nil
	}
}

// CutAll resets every open connection now.
func (p *Proxy) CutAll() {
	p.mu.Lock()
	conns := make([]*conn, 0, len(p.conns))
	for c := range p.conns {
		conns = append(conns, c)
	}
	p.mu.Unlock()
	for _, c := range conns {
		c.cut(p.countCut)
	}
}

func (p *Proxy) countCut() { p.count(func(s *Stats) { s.Cut++ }) }

// Pass ends every fault: no delay, no cuts, nothing held or refused.
func (p *Proxy) Pass() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.delay, p.refuse, p.cutAt, p.cutLeft = [2]time.Duration{}, false, 0, 0
	p.releaseLocked()
}

// Stats returns the counts so far.
func (p *Proxy) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats
}

func (p *Proxy) count(f func(*Stats)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f(&p.stats)
}

func (p *Proxy) accept() {
	defer p.wg.Done()
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.serve(client)
		}()
	}
}

// serve connects one client to the target and pipes both ways.
func (p *Proxy) serve(client net.Conn) {
	p.mu.Lock()
	target, refuse := p.target, p.refuse
	p.mu.Unlock()
	if refuse {
		p.count(func(s *Stats) { s.Refused++ })
		reset(client)
		return
	}
	server, err := net.DialTimeout("tcp", target, 5*time.Second)
	if err != nil {
		// The server is down: the client sees its connection reset.
		p.count(func(s *Stats) { s.Refused++ })
		reset(client)
		return
	}
	c := p.register(client, server)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); p.pipe(c, Up) }()
	go func() { defer wg.Done(); p.pipe(c, Down) }()
	wg.Wait()
	c.close()
	p.mu.Lock()
	delete(p.conns, c)
	p.mu.Unlock()
}

// register records a new connection and arms its cut, if one is due.
func (p *Proxy) register(client, server net.Conn) *conn {
	c := &conn{ends: [2]net.Conn{client, server}, done: make(chan struct{})}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cutAt > 0 && p.cutLeft != 0 {
		c.cutDir, c.cutAt = p.cutDir, p.cutAt
		if p.cutLeft > 0 {
			p.cutLeft--
		}
	}
	p.conns[c] = struct{}{}
	p.stats.Conns++
	return c
}

// pipe copies one direction: Up reads the client and writes the server.
func (p *Proxy) pipe(c *conn, d Dir) {
	src, dst := c.ends[0], c.ends[1]
	if d == Down {
		src, dst = dst, src
	}
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 && !p.forward(c, d, dst, buf[:n]) {
			return
		}
		if errors.Is(err, io.EOF) {
			halfClose(dst)
			return
		}
		if err != nil {
			c.close()
			return
		}
	}
}

// forward writes chunk to dst, honouring delay, hold and cut; false when
// the connection is gone.
func (p *Proxy) forward(c *conn, d Dir, dst net.Conn, chunk []byte) bool {
	p.mu.Lock()
	delay := p.delay[d]
	p.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-c.done:
			return false
		}
	}
	for len(chunk) > 0 {
		n, wait, cut := p.admit(c, d, len(chunk))
		if n > 0 {
			if _, err := dst.Write(chunk[:n]); err != nil {
				c.close()
				return false
			}
			chunk = chunk[n:]
		}
		if cut || c.reachedCut(d) {
			c.cut(p.countCut)
			return false
		}
		if wait != nil {
			select {
			case <-wait:
			case <-c.done:
				return false
			}
		}
	}
	return true
}

// admit says how many of want bytes may go now; wait, when set, is what
// to wait for before asking again; cut that the connection must break.
func (p *Proxy) admit(c *conn, d Dir, want int) (n int, wait <-chan struct{}, cut bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	n = want
	if c.cutAt > 0 && c.cutDir == d {
		left := c.cutAt - c.bytes[d]
		if left <= 0 {
			return 0, nil, true
		}
		n = int(min(int64(n), left))
	}
	if h := p.hold; h != nil && h.dir == d {
		left := h.limit - p.stats.Bytes[d]
		if left <= 0 {
			h.once.Do(func() { close(h.engaged) })
			return 0, h.released, false
		}
		n = int(min(int64(n), left))
	}
	c.bytes[d] += int64(n)
	p.stats.Bytes[d] += int64(n)
	if c.cutAt > 0 && c.cutDir == d && c.bytes[d] >= c.cutAt {
		c.reached.Store(true)
	}
	return n, nil, false
}
