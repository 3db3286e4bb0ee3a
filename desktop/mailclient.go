package desktop

import (
	"path"
	"strings"
)

// regValue reads one string value from the registry: root is "HKCU" or
// "HKLM", name "" the key's default value. ok is false when the key or the
// value is missing.
type regValue func(root, key, name string) (value string, ok bool)

// mailClientsKey lists the mail programs; its default value names the
// user's choice.
const mailClientsKey = `Software\Clients\Mail`

// mailClientFrom finds the mail program that Simple MAPI would hand a
// message to, as mapi32 does: the one named by the default value of
// HKCU\Software\Clients\Mail, else of HKLM's, whose own key (under HKLM,
// or HKCU for a per-user install) has a DLLPathEx or DLLPath. ok is false
// without one, and for Wine's winemapi.dll, which opens a mailto: link
// without the attachment where the host has no xdg-email, yet reports
// success.
func mailClientFrom(get regValue) (name string, ok bool) {
	for _, root := range []string{"HKCU", "HKLM"} {
		if v, found := get(root, mailClientsKey, ""); found && strings.TrimSpace(v) != "" {
			name = strings.TrimSpace(v)
			break
		}
	}
	if name == "" {
		return "", false
	}
	for _, root := range []string{"HKLM", "HKCU"} {
		for _, value := range []string{"DLLPathEx", "DLLPath"} {
			dll, found := get(root, mailClientsKey+`\`+name, value)
			if dll = strings.TrimSpace(dll); found && dll != "" {
				return name, !strings.EqualFold(path.Base(strings.ReplaceAll(dll, `\`, "/")), "winemapi.dll")
			}
		}
	}
	return name, false
}
