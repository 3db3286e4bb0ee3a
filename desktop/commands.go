package desktop

import (
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
)

// Command is one way of doing an action: a program with its arguments, or,
// when Native is set, a call into the system's own API (Windows only) named
// by Native with Args as its parameters.
type Command struct {
	Native string
	Args   []string
	// AnyExit accepts every exit status: explorer.exe exits with 1 also
	// when it did what it was asked.
	AnyExit bool
}

// Native calls run in-process on Windows.
const (
	nativeShellExecute = "ShellExecuteW"
	nativeMAPISendMail = "MAPISendMailW"
)

// String is the command on one line for the log, roughly as a person
// would type it; an argument of several lines (a mail's body, a script)
// shows only the start of its first.
func (c Command) String() string {
	parts := make([]string, 0, len(c.Args)+1)
	if c.Native != "" {
		parts = append(parts, c.Native)
	}
	for _, a := range c.Args {
		if line, _, multi := strings.Cut(a, "\n"); multi || len(a) > 400 {
			a = string([]rune(line)[:min(60, len([]rune(line)))]) + "…"
		}
		if a == "" || strings.ContainsAny(a, " \t\n\r\"'") {
			a = strconv.Quote(a)
		}
		parts = append(parts, a)
	}
	return strings.Join(parts, " ")
}

func program(args ...string) Command { return Command{Args: args} }

// openCommands opens path in the program the system uses for it.
func openCommands(goos, path string) []Command {
	switch goos {
	case "windows":
		return []Command{{Native: nativeShellExecute, Args: []string{"open", path}}}
	case "darwin":
		return []Command{program("open", path)}
	}
	return []Command{program("xdg-open", path)}
}

// showCommands opens the folder of path in the file manager with the file
// selected; on Linux the freedesktop FileManager1 interface does that, and
// where no file manager offers it the folder is opened without a selection.
func showCommands(goos, path string) []Command {
	switch goos {
	case "windows":
		return []Command{{Args: []string{"explorer.exe", "/select," + path}, AnyExit: true}}
	case "darwin":
		return []Command{program("open", "-R", path)}
	}
	return []Command{
		program("dbus-send", "--session", "--print-reply", "--reply-timeout=5000",
			"--dest=org.freedesktop.FileManager1", "--type=method_call", "/org/freedesktop/FileManager1",
			"org.freedesktop.FileManager1.ShowItems", "array:string:"+fileURI(path), "string:"),
		program("xdg-open", filepath.Dir(path)),
	}
}

// printCommands sends path to the default printer: Windows asks the PDF
// program through the shell's "print" verb, the others use CUPS' lp.
func printCommands(goos, path string) []Command {
	if goos == "windows" {
		return []Command{{Native: nativeShellExecute, Args: []string{"print", path}}}
	}
	return []Command{program("lp", path)}
}

// emailCommands opens a new message in the user's mail program with the
// draft's recipient, subject, body and attachment. On Windows only a mail
// program registered for Simple MAPI (mapiClient) takes the attachment:
// without one, mapi32 may open a mailto: link without it and still report
// success, so there is nothing to try.
func emailCommands(goos string, d Draft, mapiClient bool) []Command {
	switch goos {
	case "windows":
		if !mapiClient {
			return nil
		}
		return []Command{{Native: nativeMAPISendMail, Args: []string{d.To, d.Subject, d.Body, d.Attachment}}}
	case "darwin":
		// The values go in as arguments, never into the script's text, so
		// no quote in a subject can change what the script does.
		return []Command{program("osascript", "-e", mailScript, d.Subject, d.Body, d.Attachment, d.To)}
	}
	args := []string{"xdg-email", "--utf8", "--subject", d.Subject, "--body", d.Body, "--attach", d.Attachment}
	if d.To != "" {
		args = append(args, d.To)
	}
	return []Command{program(args...)}
}

// mailLinkCommands opens a new message without the attachment through a
// mailto: link, for when no mail program took the attachment. On Linux
// xdg-email is already that link's handler, so there is nothing more.
func mailLinkCommands(goos string, d Draft) []Command {
	switch goos {
	case "windows":
		return []Command{{Native: nativeShellExecute, Args: []string{"open", mailtoURL(d)}}}
	case "darwin":
		return []Command{program("open", mailtoURL(d))}
	}
	return nil
}

// mailScript makes a visible outgoing message in Apple Mail. osascript
// passes the arguments after the script to "on run": subject, body,
// attachment, recipient.
const mailScript = `on run argv
	set theSubject to item 1 of argv
	set theBody to item 2 of argv
	set theFile to POSIX file (item 3 of argv)
	set theAddress to item 4 of argv
	tell application "Mail"
		set theMessage to make new outgoing message with properties {subject:theSubject, content:theBody & return & return, visible:true}
		tell theMessage
			if theAddress is not "" then
				make new to recipient at end of to recipients with properties {address:theAddress}
			end if
			make new attachment with properties {file name:(theFile as alias)} at after the last paragraph
		end tell
		activate
	end tell
end run`

// fileURI is path as a file:// URI with its bytes percent-encoded, as the
// FileManager1 interface expects.
func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// windowsCommandLine joins args into one Windows command line. Arguments
// are quoted the way the C runtime reads them back, except explorer's
// "/select,<path>", which explorer only understands with the quotes around
// the path alone: /select,"C:\My plans\plan.pdf".
func windowsCommandLine(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if rest, ok := strings.CutPrefix(a, "/select,"); ok && i > 0 {
			out[i] = "/select," + `"` + rest + `"`
			continue
		}
		out[i] = windowsQuote(a)
	}
	return strings.Join(out, " ")
}

// windowsQuote quotes one argument for CommandLineToArgvW: backslashes are
// doubled only before a quote, and quotes are escaped.
func windowsQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\"") {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	slashes := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			slashes++
		case '"':
			b.WriteString(strings.Repeat(`\`, slashes+1))
			slashes = 0
		default:
			slashes = 0
		}
		b.WriteByte(s[i])
	}
	b.WriteString(strings.Repeat(`\`, slashes)) // before the closing quote
	b.WriteByte('"')
	return b.String()
}
