package faultproxy

import (
	"bytes"
	"io"
	"net"
	"testing"
	"time"
)

// sink is a server that writes greeting to each connection, then reads
// it to the end and reports how many bytes it got.
type sink struct {
	ln       net.Listener
	greeting []byte
	got      chan int
}

func newSink(t *testing.T, greeting int) *sink {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &sink{ln: ln, greeting: bytes.Repeat([]byte("g"), greeting), got: make(chan int, 16)}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_, _ = c.Write(s.greeting)
				n, _ := io.Copy(io.Discard, c)
				s.got <- int(n)
			}()
		}
	}()
	return s
}

// received waits for the sink's count of the next connection to end.
func (s *sink) received(t *testing.T) int {
	t.Helper()
	select {
	case n := <-s.got:
		return n
	case <-time.After(5 * time.Second):
		t.Fatal("the server saw no connection end")
		return 0
	}
}

func newProxy(t *testing.T, target string) *Proxy {
	t.Helper()
	p, err := New(target)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// exchange dials the proxy, sends up bytes, closes its sending side and
// reads what comes back until the end or an error.
func exchange(t *testing.T, p *Proxy, up int) (int, error) {
	t.Helper()
	c, err := net.Dial("tcp", p.Addr())
	if err != nil {
		// A connection reset at once can fail the dial itself.
		return 0, err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	_, werr := c.Write(bytes.Repeat([]byte("u"), up))
	if werr == nil {
		_ = c.(*net.TCPConn).CloseWrite()
	}
	n, err := io.Copy(io.Discard, c)
	if err == nil {
		err = werr
	}
	return int(n), err
}

func TestPassesThrough(t *testing.T) {
	s := newSink(t, 3000)
	p := newProxy(t, s.ln.Addr().String())
	n, err := exchange(t, p, 5000)
	if err != nil || n != 3000 {
		t.Fatalf("got %d bytes back, %v", n, err)
	}
	if got := s.received(t); got != 5000 {
		t.Errorf("server got %d", got)
	}
	if st := p.Stats(); st.Conns != 1 || st.Bytes != [2]int64{5000, 3000} || st.Cut != 0 {
		t.Errorf("stats %+v", st)
	}
}

func TestCutUpOnlyTheNextConnection(t *testing.T) {
	s := newSink(t, 0)
	p := newProxy(t, s.ln.Addr().String())
	p.Cut(Up, 100, 1)
	if _, err := exchange(t, p, 5000); err == nil {
		t.Error("the client saw no break")
	}
	if got := s.received(t); got != 100 {
		t.Errorf("server got %d bytes, want 100", got)
	}
	if _, err := exchange(t, p, 5000); err != nil {
		t.Errorf("second connection: %v", err)
	}
	if got := s.received(t); got != 5000 {
		t.Errorf("second connection: server got %d", got)
	}
	if st := p.Stats(); st.Cut != 1 || st.Conns != 2 {
		t.Errorf("stats %+v", st)
	}
}

func TestCutDownEveryConnection(t *testing.T) {
	s := newSink(t, 4000)
	p := newProxy(t, s.ln.Addr().String())
	p.Cut(Down, 1500, 0)
	for i := range 2 {
		n, err := exchange(t, p, 10)
		if err == nil || n > 1500 {
			t.Errorf("connection %d: %d bytes back, %v", i, n, err)
		}
	}
	p.Pass()
	if n, err := exchange(t, p, 10); err != nil || n != 4000 {
		t.Errorf("after Pass: %d, %v", n, err)
	}
}

func TestDelay(t *testing.T) {
	s := newSink(t, 10)
	p := newProxy(t, s.ln.Addr().String())
	for _, delay := range [][2]time.Duration{{150 * time.Millisecond, 0}, {0, 150 * time.Millisecond}} {
		p.Delay(delay[0], delay[1])
		start := time.Now()
		if n, err := exchange(t, p, 10); err != nil || n != 10 {
			t.Fatalf("%d, %v", n, err)
		}
		if d := time.Since(start); d < 150*time.Millisecond {
			t.Errorf("delay %v: answered after %v", delay, d)
		}
	}
}

func TestRefuseThenPass(t *testing.T) {
	s := newSink(t, 10)
	p := newProxy(t, s.ln.Addr().String())
	p.Refuse(true)
	if n, err := exchange(t, p, 10); n != 0 || err == nil {
		t.Errorf("refused connection answered %d, %v", n, err)
	}
	p.Pass()
	if n, err := exchange(t, p, 10); err != nil || n != 10 {
		t.Errorf("after Pass: %d, %v", n, err)
	}
	if st := p.Stats(); st.Refused != 1 || st.Conns != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestHoldThenRelease(t *testing.T) {
	s := newSink(t, 0)
	p := newProxy(t, s.ln.Addr().String())
	held := p.Hold(Up, 300)
	done := make(chan error, 1)
	go func() { _, err := exchange(t, p, 1000); done <- err }()
	select {
	case <-held:
	case <-time.After(5 * time.Second):
		t.Fatal("nothing held")
	}
	if st := p.Stats(); st.Bytes[Up] != 300 {
		t.Errorf("passed %d bytes before the hold", st.Bytes[Up])
	}
	p.Release()
	if err := <-done; err != nil {
		t.Error(err)
	}
	if got := s.received(t); got != 1000 {
		t.Errorf("server got %d", got)
	}
}

func TestHoldThenCutAll(t *testing.T) {
	s := newSink(t, 0)
	p := newProxy(t, s.ln.Addr().String())
	held := p.Hold(Up, 10)
	done := make(chan error, 1)
	go func() { _, err := exchange(t, p, 1000); done <- err }()
	<-held
	p.CutAll()
	if err := <-done; err == nil {
		t.Error("the client saw no break")
	}
	if got := s.received(t); got != 10 {
		t.Errorf("server got %d", got)
	}
}

func TestTargetDownAndRetarget(t *testing.T) {
	s := newSink(t, 10)
	down, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := down.Addr().String()
	down.Close()
	p := newProxy(t, addr)
	if n, err := exchange(t, p, 10); n != 0 || err == nil {
		t.Errorf("dead target answered %d, %v", n, err)
	}
	p.SetTarget(s.ln.Addr().String())
	if n, err := exchange(t, p, 10); err != nil || n != 10 {
		t.Errorf("new target: %d, %v", n, err)
	}
	if st := p.Stats(); st.Refused != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestDirString(t *testing.T) {
	if Up.String() != "up" || Down.String() != "down" {
		t.Error(Up, Down)
	}
}
