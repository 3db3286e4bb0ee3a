; POMI Planner's Windows installer: per user (no administrator rights),
; Swedish or English after the Windows display language, 64-bit only.
; Built by .ci/package.sh (make package-windows), which stages the files and
; runs:
;   makensis -DVERSION=0.1.0 -DBUILD=1 -DSTAGE=DIR -DOUTFILE=FILE [-DSIGN=PROGRAM] pomi.nsi
; STAGE holds POMI Planner.exe, pomi-cli.exe, LICENSE.txt, NOTICE.txt,
; THIRD_PARTY_NOTICES.txt, README.txt and pomi.ico (.ci/package.sh).
; SIGN names a program that signs the file given as its argument in place;
; makensis runs it on the uninstaller before packing it.
; Command line and behaviour: README.md beside this file.

Unicode true
Target amd64-unicode
RequestExecutionLevel user
ManifestDPIAware true
SetCompressor /SOLID lzma

!define /ifndef BUILD 0
!macro POMI_REQUIRE name
  !ifndef ${name}
    !error "${name} missing: makensis -DVERSION=X.Y.Z -DBUILD=N -DSTAGE=DIR -DOUTFILE=FILE pomi.nsi"
  !endif
!macroend
!insertmacro POMI_REQUIRE VERSION
!insertmacro POMI_REQUIRE STAGE
!insertmacro POMI_REQUIRE OUTFILE

!addincludedir "${__FILEDIR__}"
!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "nsDialogs.nsh"
!include "x64.nsh"
!include "pomi-common.nsh"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
; An earlier installation's folder, if the user chose another one then.
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
AllowSkipFiles off
ShowInstDetails show
ShowUninstDetails show

!ifdef SIGN
  ; %1 is the uninstaller makensis is about to pack; 0 means signed.
  !uninstfinalize '"${SIGN}" "%1"' = 0
!endif

; ---- Pages ------------------------------------------------------------------

!define MUI_ICON "${STAGE}/pomi.ico"
!define MUI_UNICON "${STAGE}/pomi.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC

!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"
!insertmacro MUI_PAGE_WELCOME
; Apache-2.0 asks nothing of someone who only uses the program: the page
; informs, its button is Next, not "I agree".
!define MUI_LICENSEPAGE_TEXT_TOP "$(LicenceTop)"
!define MUI_LICENSEPAGE_TEXT_BOTTOM "$(LicenceBottom)"
!define MUI_LICENSEPAGE_BUTTON "$(^NextBtn)"
!insertmacro MUI_PAGE_LICENSE "${STAGE}/LICENSE.txt"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(StartApp)"
!insertmacro MUI_PAGE_FINISH

UninstPage custom un.DataPage un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_UNPAGE_FINISH

; The first language is the fallback when Windows speaks neither.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Swedish"
!include "pomi-strings.nsh"

; ---- Version information (Properties > Details) -------------------------------

VIProductVersion "${VERSION}.${BUILD}"
VIFileVersion "${VERSION}.${BUILD}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}.${BUILD}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}.${BUILD}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} ${VERSION} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}, Apache License 2.0"

; ---- Installer ----------------------------------------------------------------

Section "!${APP_NAME}" SecProgram
  SectionIn RO
  SetShellVarContext current
  ; Again: the app may have been started while the pages were showing.
  Call CheckNotRunning
  ${If} $0 != ""
    SetErrorLevel ${EXIT_APP_RUNNING}
    Abort "$(AppRunningShort)"
  ${EndIf}
  ; An upgrade overwrites these; the data folder ($APPDATA\POMI Planner) is
  ; never touched by the installer.
  SetOutPath "$INSTDIR"
  SetOverwrite on
  File "${STAGE}/${APP_EXE}"
  File "${STAGE}/${CLI_EXE}"
  File "${STAGE}/LICENSE.txt"
  File "${STAGE}/THIRD_PARTY_NOTICES.txt"
  File "${STAGE}/NOTICE.txt"
  File "${STAGE}/README.txt"
  WriteUninstaller "$INSTDIR\${UNINSTALL_EXE}"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "$(ShortcutComment)"

  ; Apps & features (Settings > Apps).
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALL_EXE}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALL_EXE}" /S'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "URLInfoAbout" "${URL}"
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "$(ShortcutComment)"
SectionEnd

Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(Needs64Bit)" /SD IDOK
    SetErrorLevel ${EXIT_UNSUPPORTED}
    Quit
  ${EndIf}
  Call CheckNotRunning
  ${If} $0 != ""
    SetErrorLevel ${EXIT_APP_RUNNING}
    Quit
  ${EndIf}
  ; /NODESKTOP: no desktop shortcut (for silent installs; the page has the box).
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/NODESKTOP" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecDesktop} 0
  ${EndIf}
FunctionEnd

Function .onInstSuccess
  ; A shortcut left from an earlier installation that had one, now unticked.
  ${IfNot} ${SectionIsSelected} ${SecDesktop}
    Delete "$DESKTOP\${APP_NAME}.lnk"
  ${EndIf}
FunctionEnd

; ---- Uninstaller --------------------------------------------------------------

Var RemoveData      ; 1: delete the data folder too
Var RemoveDataBox   ; the checkbox on un.DataPage

Function un.onInit
  SetShellVarContext current
  Call un.CheckNotRunning
  ${If} $0 != ""
    SetErrorLevel ${EXIT_APP_RUNNING}
    Quit
  ${EndIf}
  ; /REMOVEDATA: delete the data folder too (silent mode has no checkbox);
  ; without it the data stays.
  StrCpy $RemoveData 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
    StrCpy $RemoveData 1
  ${EndIf}
FunctionEnd

; What goes, what stays, and the box that lets the data go too (unticked).
Function un.DataPage
  !insertmacro MUI_HEADER_TEXT "$(UnDataTitle)" "$(UnDataSubtitle)"
  nsDialogs::Create 1018
  Pop $R0
  ${If} $R0 == error
    Abort
  ${EndIf}
  ${NSD_CreateLabel} 0 0 100% 84u "$(UnDataText)"
  Pop $R0
  ${NSD_CreateCheckbox} 0 92u 100% 14u "$(UnRemoveData)"
  Pop $RemoveDataBox
  ${If} $RemoveData == 1
    ${NSD_Check} $RemoveDataBox
  ${EndIf}
  GetDlgItem $R0 $HWNDPARENT 1
  SendMessage $R0 ${WM_SETTEXT} 0 "STR:$(^UninstallBtn)"
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $RemoveDataBox $R0
  ${If} $R0 == ${BST_CHECKED}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnRemoveDataConfirm)" IDYES +2
      Abort ; stay on the page
    StrCpy $RemoveData 1
  ${Else}
    StrCpy $RemoveData 0
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  Call un.CheckNotRunning
  ${If} $0 != ""
    SetErrorLevel ${EXIT_APP_RUNNING}
    Abort "$(AppRunningShort)"
  ${EndIf}
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ; Only our files, then the folder if that left it empty: someone may have
  ; chosen a folder that holds other things too. Run in place (_?=), the
  ; uninstaller cannot delete itself, so it and the folder stay.
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\THIRD_PARTY_NOTICES.txt"
  Delete "$INSTDIR\NOTICE.txt"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\${UNINSTALL_EXE}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  ${If} $RemoveData == 1
    DetailPrint "$(UnRemovingData)"
    RMDir /r "$APPDATA\${DATA_DIR}"
    ; Fyne's own preferences (window size): %APPDATA%\fyne\<app id>.
    RMDir /r "$APPDATA\fyne\${APP_ID}"
    RMDir "$APPDATA\fyne"
  ${Else}
    DetailPrint "$(UnKeepingData)"
  ${EndIf}
SectionEnd
