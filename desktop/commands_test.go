package desktop

import (
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func TestCommandsForEachSystem(t *testing.T) {
	const pdf = "/home/anna/Dokument/POMI Planner/Möllevången plan.pdf"
	const win = `C:\Users\Anna\Documents\POMI Planner\Möllevången plan.pdf`
	d := Draft{To: "agneta@mollevangen.se", Subject: "Handlingsplan för Möllevången", Body: "Hej!\nHär är planen.", Attachment: pdf}
	wd := d
	wd.Attachment = win
	for _, tc := range []struct {
		name string
		got  []Command
		want []Command
	}{
		{"windows open", openCommands("windows", win), []Command{{Native: "ShellExecuteW", Args: []string{"open", win}}}},
		{"windows show", showCommands("windows", win), []Command{{Args: []string{"explorer.exe", "/select," + win}, AnyExit: true}}},
		{"windows print", printCommands("windows", win), []Command{{Native: "ShellExecuteW", Args: []string{"print", win}}}},
		{"windows email", emailCommands("windows", wd, true), []Command{{Native: "MAPISendMailW", Args: []string{wd.To, wd.Subject, wd.Body, win}}}},
		{"windows email without a MAPI program", emailCommands("windows", wd, false), nil},
		{"windows mail link", mailLinkCommands("windows", wd), []Command{{Native: "ShellExecuteW", Args: []string{"open", mailtoURL(wd)}}}},
		{"darwin open", openCommands("darwin", pdf), []Command{{Args: []string{"open", pdf}}}},
		{"darwin show", showCommands("darwin", pdf), []Command{{Args: []string{"open", "-R", pdf}}}},
		{"darwin print", printCommands("darwin", pdf), []Command{{Args: []string{"lp", pdf}}}},
		{"darwin email", emailCommands("darwin", d, false), []Command{{Args: []string{"osascript", "-e", mailScript, d.Subject, d.Body, pdf, d.To}}}},
		{"linux open", openCommands("linux", pdf), []Command{{Args: []string{"xdg-open", pdf}}}},
		{"linux show", showCommands("linux", pdf), []Command{
			{Args: []string{
				"dbus-send", "--session", "--print-reply", "--reply-timeout=5000", "--dest=org.freedesktop.FileManager1",
				"--type=method_call", "/org/freedesktop/FileManager1", "org.freedesktop.FileManager1.ShowItems",
				"array:string:file:///home/anna/Dokument/POMI%20Planner/M%C3%B6llev%C3%A5ngen%20plan.pdf", "string:",
			}},
			{Args: []string{"xdg-open", "/home/anna/Dokument/POMI Planner"}},
		}},
		{"linux print", printCommands("linux", pdf), []Command{{Args: []string{"lp", pdf}}}},
		{"darwin mail link", mailLinkCommands("darwin", d), []Command{{Args: []string{"open", mailtoURL(d)}}}},
		{"linux email", emailCommands("linux", d, true), []Command{{Args: []string{
			"xdg-email", "--utf8", "--subject", d.Subject, "--body", d.Body, "--attach", pdf, d.To,
		}}}},
		{"linux has no mail link but xdg-email", mailLinkCommands("linux", d), nil},
		{"freebsd is a freedesktop", openCommands("freebsd", pdf), []Command{{Args: []string{"xdg-open", pdf}}}},
	} {
		if tc.name == "linux show" && runtime.GOOS == "windows" {
			continue // the file: URL is made from a Unix path with the host's path rules
		}
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestEmailWithoutRecipientLeavesItOut(t *testing.T) {
	d := Draft{Subject: "S", Body: "B", Attachment: "/tmp/p.pdf"}
	if got := emailCommands("linux", d, false)[0].Args; got[len(got)-1] != "/tmp/p.pdf" {
		t.Errorf("xdg-email without a recipient ends with %q", got[len(got)-1])
	}
	if got := emailCommands("darwin", d, false)[0].Args; got[len(got)-1] != "" {
		t.Errorf("the Mail script's last argument is %q, want an empty recipient", got[len(got)-1])
	}
}

// The Mail script reads its values from argv, so nothing of the draft is
// ever part of the script's text.
func TestMailScriptTakesTheDraftAsArguments(t *testing.T) {
	for _, want := range []string{"on run argv", "item 1 of argv", "item 3 of argv", `tell application "Mail"`,
		"make new outgoing message", "visible:true", "make new attachment", "to recipient"} {
		if !strings.Contains(mailScript, want) {
			t.Errorf("the Mail script lacks %q", want)
		}
	}
}

func TestWindowsCommandLines(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"explorer.exe", `/select,C:\Users\Anna Berg\plan.pdf`}, `explorer.exe /select,"C:\Users\Anna Berg\plan.pdf"`},
		{[]string{"explorer.exe", `/select,C:\plan.pdf`}, `explorer.exe /select,"C:\plan.pdf"`},
		{[]string{`C:\Program Files\x.exe`, "plain", ""}, `"C:\Program Files\x.exe" plain ""`},
		{[]string{"x", `say "hi"`, `C:\dir with space\`}, `x "say \"hi\"" "C:\dir with space\\"`},
		{[]string{"x", `a\\"b`}, `x "a\\\\\"b"`},
	} {
		if got := windowsCommandLine(tc.args); got != tc.want {
			t.Errorf("windowsCommandLine(%q)\n got %s\nwant %s", tc.args, got, tc.want)
		}
	}
}

func TestCommandStringQuotesForTheLog(t *testing.T) {
	c := Command{Args: []string{"lp", "/tmp/a plan.pdf"}}
	if got := c.String(); got != `lp "/tmp/a plan.pdf"` {
		t.Errorf("String() = %s", got)
	}
	mail := Command{Args: []string{"xdg-email", "--body", "Hej!\n\n" + strings.Repeat("Här är planen. ", 20)}}
	if got := mail.String(); strings.Contains(got, "\n") || got != `xdg-email --body Hej!…` {
		t.Errorf("String() = %s, want one short line", got)
	}
	if got := (Command{Native: "ShellExecuteW", Args: []string{"print", `C:\p.pdf`}}).String(); got != `ShellExecuteW print C:\p.pdf` {
		t.Errorf("String() = %s", got)
	}
}
