package desktop

import (
	"golang.org/x/sys/windows/registry"
)

// RegisteredMailClient names the mail program registered for Simple MAPI
// and says whether it can be handed a message with an attachment; see
// mailClientFrom.
func RegisteredMailClient() (string, bool) {
	return mailClientFrom(readRegistry)
}

// readRegistry reads a string value (REG_SZ or REG_EXPAND_SZ, expanded).
func readRegistry(root, key, name string) (string, bool) {
	r := registry.CURRENT_USER
	if root == "HKLM" {
		r = registry.LOCAL_MACHINE
	}
	k, err := registry.OpenKey(r, key, registry.QUERY_VALUE)
	if err != nil {
		return "", false
	}
	defer k.Close()
	v, typ, err := k.GetStringValue(name)
	if err != nil {
		return "", false
	}
	if typ == registry.EXPAND_SZ {
		if expanded, err := registry.ExpandString(v); err == nil {
			v = expanded
		}
	}
	return v, true
}
