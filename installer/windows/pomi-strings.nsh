; Our own texts in English and Swedish; NSIS shows the ones matching the
; Windows display language (English otherwise). MUI2 brings the rest.

LangString WelcomeText ${LANG_ENGLISH} "This installs ${APP_NAME} ${VERSION} for you, in your own user folder: no administrator rights are needed.$\r$\n$\r$\nYour companies, backups and settings are kept when you upgrade.$\r$\n$\r$\nClick Next to continue."
LangString WelcomeText ${LANG_SWEDISH} "Det här installerar ${APP_NAME} ${VERSION} för dig, i din egen användarmapp: du behöver inga administratörsrättigheter.$\r$\n$\r$\nDina företag, säkerhetskopior och inställningar finns kvar när du uppgraderar.$\r$\n$\r$\nKlicka på Nästa för att fortsätta."

LangString LicenceTop ${LANG_ENGLISH} "${APP_NAME} is free software under the Apache License 2.0."
LangString LicenceTop ${LANG_SWEDISH} "${APP_NAME} är fri programvara under Apache License 2.0."
LangString LicenceBottom ${LANG_ENGLISH} "You need not accept the licence to use ${APP_NAME}: it says what you may do when you copy, change or pass on the program. THIRD_PARTY_NOTICES.txt in the program folder lists the software it is built with."
LangString LicenceBottom ${LANG_SWEDISH} "Du behöver inte godkänna licensen för att använda ${APP_NAME}: den säger vad du får göra när du kopierar, ändrar eller sprider programmet. THIRD_PARTY_NOTICES.txt i programmappen listar programvaran det är byggt med."

LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktopName ${LANG_SWEDISH} "Genväg på skrivbordet"
LangString ShortcutComment ${LANG_ENGLISH} "Plan a company's internationalisation with the POMI model"
LangString ShortcutComment ${LANG_SWEDISH} "Planera ett företags internationalisering med POMI-modellen"
LangString StartApp ${LANG_ENGLISH} "Start ${APP_NAME}"
LangString StartApp ${LANG_SWEDISH} "Starta ${APP_NAME}"

LangString AppRunning ${LANG_ENGLISH} "Close ${APP_NAME} before you continue.$\r$\n$\r$\nSave your work, close the ${APP_NAME} window, then click Retry."
LangString AppRunning ${LANG_SWEDISH} "Stäng ${APP_NAME} innan du fortsätter.$\r$\n$\r$\nSpara ditt arbete, stäng fönstret ${APP_NAME} och klicka sedan på Försök igen."
LangString AppRunningShort ${LANG_ENGLISH} "${APP_NAME} is open: nothing was changed."
LangString AppRunningShort ${LANG_SWEDISH} "${APP_NAME} är öppet: ingenting har ändrats."
LangString Needs64Bit ${LANG_ENGLISH} "${APP_NAME} needs 64-bit Windows 10 or 11."
LangString Needs64Bit ${LANG_SWEDISH} "${APP_NAME} kräver 64-bitars Windows 10 eller 11."

LangString UnDataTitle ${LANG_ENGLISH} "Your data"
LangString UnDataTitle ${LANG_SWEDISH} "Dina data"
LangString UnDataSubtitle ${LANG_ENGLISH} "Keep your companies, backups and settings, or remove them too."
LangString UnDataSubtitle ${LANG_SWEDISH} "Behåll dina företag, säkerhetskopior och inställningar, eller ta bort dem också."
LangString UnDataText ${LANG_ENGLISH} "${APP_NAME} will be removed from $INSTDIR.$\r$\n$\r$\nYour companies, backups and settings are in $APPDATA\${DATA_DIR}. They stay there, and a new installation finds them again, unless you tick the box below."
LangString UnDataText ${LANG_SWEDISH} "${APP_NAME} tas bort från $INSTDIR.$\r$\n$\r$\nDina företag, säkerhetskopior och inställningar finns i $APPDATA\${DATA_DIR}. De ligger kvar där, och en ny installation hittar dem igen, om du inte kryssar i rutan nedan."
LangString UnRemoveData ${LANG_ENGLISH} "Also remove my data (companies, backups, settings)"
LangString UnRemoveData ${LANG_SWEDISH} "Ta också bort mina data (företag, säkerhetskopior, inställningar)"
LangString UnRemoveDataConfirm ${LANG_ENGLISH} "All your companies, backups and settings in $APPDATA\${DATA_DIR} will be deleted for good.$\r$\n$\r$\nDo you want to continue?"
LangString UnRemoveDataConfirm ${LANG_SWEDISH} "Alla dina företag, säkerhetskopior och inställningar i $APPDATA\${DATA_DIR} raderas permanent.$\r$\n$\r$\nVill du fortsätta?"
LangString UnRemovingData ${LANG_ENGLISH} "Removing your data: $APPDATA\${DATA_DIR}"
LangString UnRemovingData ${LANG_SWEDISH} "Tar bort dina data: $APPDATA\${DATA_DIR}"
LangString UnKeepingData ${LANG_ENGLISH} "Your data is kept in $APPDATA\${DATA_DIR}."
LangString UnKeepingData ${LANG_SWEDISH} "Dina data finns kvar i $APPDATA\${DATA_DIR}."
