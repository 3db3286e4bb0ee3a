package main

import (
	"fmt"
	"hash/maphash"
	"os"
)

// screen reads Xvfb's framebuffer file, which Xvfb keeps memory-mapped and
// current: reading it costs no X round trip and no screenshot tool.
type screen struct {
	f    *os.File
	buf  []byte
	seed maphash.Seed
}

func openScreen(path string) (*screen, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open framebuffer (start Xvfb with -fbdir): %w", err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	return &screen{f: f, buf: make([]byte, info.Size()), seed: maphash.MakeSeed()}, nil
}

// hash reads the whole screen and returns its hash; buf keeps the pixels.
func (s *screen) hash() uint64 {
	n, _ := s.f.ReadAt(s.buf, 0)
	return maphash.Bytes(s.seed, s.buf[:n])
}

func (s *screen) close() { s.f.Close() }
