package faultproxy

import (
	"net"
	"sync"
	"sync/atomic"
)

// conn is one proxied connection: the client's end and the server's.
type conn struct {
	ends [2]net.Conn // client, server
	// cutDir and cutAt: break off after cutAt bytes in cutDir (0: never).
	cutDir Dir
	cutAt  int64
	// bytes passed in each direction; guarded by the Proxy's mutex.
	bytes [2]int64
	// reached is set once cutAt bytes have passed, read without the lock.
	reached atomic.Bool

	done      chan struct{}
	closeOnce sync.Once
}

// reachedCut reports whether the connection carried all it may in d.
func (c *conn) reachedCut(d Dir) bool {
	if c.cutAt <= 0 || c.cutDir != d {
		return false
	}
	return c.reached.Load()
}

// cut resets both ends, unless the connection is down already; counted
// runs first, so the count is right by the time either end notices.
func (c *conn) cut(counted func()) {
	c.closeOnce.Do(func() {
		counted()
		for _, e := range c.ends {
			reset(e)
		}
		close(c.done)
	})
}

// close closes both ends normally.
func (c *conn) close() {
	c.closeOnce.Do(func() {
		for _, e := range c.ends {
			_ = e.Close()
		}
		close(c.done)
	})
}

// reset closes a connection so the peer sees a reset rather than an end
// of stream, as when a cable is pulled or a middlebox drops the flow.
func reset(c net.Conn) {
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = c.Close()
}

// halfClose tells the peer no more bytes come, keeping the other way open.
func halfClose(c net.Conn) {
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.CloseWrite()
		return
	}
	_ = c.Close()
}
