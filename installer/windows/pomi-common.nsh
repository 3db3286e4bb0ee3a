; Names shared by the installer and the uninstaller (pomi.nsi).

!define APP_NAME "POMI Planner"
!define APP_ID "se.pomiplanner.app"          ; FyneApp.toml's ID
!define APP_EXE "POMI Planner.exe"
!define CLI_EXE "pomi-cli.exe"
!define UNINSTALL_EXE "Uninstall POMI Planner.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define PUBLISHER "POMI Planner contributors"
!define URL "https://github.com/pomi-planner/pomi"
; The data folder under %APPDATA%: Go's os.UserConfigDir() + "POMI Planner"
; (app/store/location.go). Neither installing nor upgrading touches it.
!define DATA_DIR "POMI Planner"

; The app holds this named mutex while it runs: cmd/pomi/running_windows.go
; (const runningMarker) creates it. Change both together.
!define RUNNING_MUTEX "Local\se.pomiplanner.app.running"

; Exit codes besides NSIS's own (0 done, 1 cancelled by the user, 2 aborted).
!define EXIT_APP_RUNNING 3   ; POMI Planner is open
!define EXIT_UNSUPPORTED 4   ; not a 64-bit Windows

; CheckNotRunning: $0 is "" when POMI Planner is not running. When it is,
; it asks to close it (Retry/Cancel) until it is closed; $0 is "running"
; when the user cancels, and at once in silent mode, which never waits.
!macro POMI_CHECK_NOT_RUNNING un
Function ${un}CheckNotRunning
  Push $1
  check_${un}:
  StrCpy $0 ""
  ; 0x00100000 SYNCHRONIZE: the least access OpenMutexW accepts; NULL when
  ; no such mutex exists, that is, the app is not running.
  System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${RUNNING_MUTEX}") p .r1'
  ${If} $1 P<> 0
    System::Call 'kernel32::CloseHandle(p r1)'
    StrCpy $0 "running"
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY check_${un}
  ${EndIf}
  Pop $1
FunctionEnd
!macroend
!insertmacro POMI_CHECK_NOT_RUNNING ""
!insertmacro POMI_CHECK_NOT_RUNNING "un."
