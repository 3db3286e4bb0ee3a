package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/pomi-planner/pomi/server/auth"
)

// readPasswordHash reads a new password, never from a flag: at a terminal
// it prompts twice without echo, otherwise it reads the first line of
// standard input. It returns the password's argon2id hash.
func readPasswordHash(io stdio) (string, error) {
	pw, err := readPassword(io)
	if err != nil {
		return "", err
	}
	if err := auth.CheckPassword(pw); err != nil {
		return "", usageError{err.Error()}
	}
	hash, err := auth.HashPassword(pw, auth.DefaultParams)
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return hash, nil
}

func readPassword(io stdio) (string, error) {
	if f, ok := io.in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return promptPassword(io, int(f.Fd()))
	}
	line, err := bufio.NewReader(io.in).ReadString('\n')
	if err != nil && line == "" {
		return "", usagef("give the password on standard input (one line) or run at a terminal to be asked")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func promptPassword(io stdio, fd int) (string, error) {
	fmt.Fprint(io.err, "Password: ")
	first, err := term.ReadPassword(fd)
	fmt.Fprintln(io.err)
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	fmt.Fprint(io.err, "Password again: ")
	second, err := term.ReadPassword(fd)
	fmt.Fprintln(io.err)
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	if string(first) != string(second) {
		return "", errors.New("the two passwords differ")
	}
	return string(first), nil
}

// normEmail lower-cases an e-mail address the way sign-in does.
func normEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
