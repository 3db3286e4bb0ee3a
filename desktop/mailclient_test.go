package desktop

import "testing"

func TestMailClientFromTheRegistry(t *testing.T) {
	const outlook = `Software\Clients\Mail\Microsoft Outlook`
	for _, tc := range []struct {
		name     string
		reg      map[string]string // root\key|value → data
		want     string
		attaches bool
	}{
		{"nothing registered", nil, "", false},
		{"Outlook for the machine", map[string]string{
			`HKLM\Software\Clients\Mail|`:    "Microsoft Outlook",
			`HKLM\` + outlook + `|DLLPathEx`: `C:\Program Files\Microsoft Office\root\Office16\OLMAPI32.DLL`,
		}, "Microsoft Outlook", true},
		{"the user's choice first, installed per user", map[string]string{
			`HKLM\Software\Clients\Mail|`:                            "Microsoft Outlook",
			`HKCU\Software\Clients\Mail|`:                            "Mozilla Thunderbird",
			`HKCU\Software\Clients\Mail\Mozilla Thunderbird|DLLPath`: `C:\Users\a\AppData\Local\Thunderbird\mozMapi32.dll`,
		}, "Mozilla Thunderbird", true},
		{"a name without its DLL", map[string]string{`HKLM\Software\Clients\Mail|`: "Hotmail"}, "Hotmail", false},
		{"an empty default", map[string]string{`HKCU\Software\Clients\Mail|`: " ", `HKLM\Software\Clients\Mail|`: ""}, "", false},
		{"Wine's bridge", map[string]string{
			`HKLM\Software\Clients\Mail|`:                                  "Native Mail Client",
			`HKLM\Software\Clients\Mail\Native Mail Client|DLLPath`:        `C:\windows\system32\WINEMAPI.dll`,
			`HKLM\Software\Clients\Mail\Native Mail Client|DLLPathEx`:      "",
			`HKCU\Software\Clients\Mail\Native Mail Client|DLLPathEx`:      "",
			`HKCU\Software\Clients\Mail\Native Mail Client|DLLPathUnknown`: "x",
		}, "Native Mail Client", false},
	} {
		get := func(root, key, name string) (string, bool) {
			v, ok := tc.reg[root+`\`+key+"|"+name]
			return v, ok
		}
		name, ok := mailClientFrom(get)
		if name != tc.want || ok != tc.attaches {
			t.Errorf("%s: %q, %v; want %q, %v", tc.name, name, ok, tc.want, tc.attaches)
		}
	}
}
