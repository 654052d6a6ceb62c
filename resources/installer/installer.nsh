; 点对点专列规划: what the Windows uninstaller adds to electron-builder's own script (issue 21).
;
; The app keeps its database, backups and installation key in Electron's data folder, which is named
; after "productName" in package.json (not the installer's Chinese product name): %APPDATA%\Point-to-Point Planner.
; electron-builder's assisted installer never deletes it (deleteAppDataOnUninstall is for one-click
; installers only, and looks for other folder names), so the uninstaller asks, and deletes it only
; on Yes. An upgrade runs the old uninstaller with --updated, and a silent uninstall (/S) has nobody
; to ask: both keep the data folder. tests/build/installer.test.ts checks the folder name.

!define PTP_DATA_FOLDER "Point-to-Point Planner"

; 2052: Chinese (Simplified), 1033: English (United States), the installer's two languages.
LangString ptpDeleteDataQuestion 2052 "是否同时删除本软件的数据文件夹？$\r$\n$\r$\n$APPDATA\${PTP_DATA_FOLDER}$\r$\n$\r$\n其中有全部记录和自动备份，删除后无法恢复。选“否”则保留数据，重新安装后可继续使用。"
LangString ptpDeleteDataQuestion 1033 "Delete the app's data folder as well?$\r$\n$\r$\n$APPDATA\${PTP_DATA_FOLDER}$\r$\n$\r$\nIt holds every record and the automatic backups; once deleted they cannot be recovered. Choose No to keep the data for a later installation."

!macro customUnInstall
  ${IfNot} ${isUpdated}
  ${AndIfNot} ${Silent}
    ; Electron keeps data per user, also when the app was installed for all users.
    ${If} $installMode == "all"
      SetShellVarContext current
    ${EndIf}
    ${If} ${Cmd} `MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(ptpDeleteDataQuestion)" IDYES`
      RMDir /r "$APPDATA\${PTP_DATA_FOLDER}"
    ${EndIf}
    ${If} $installMode == "all"
      SetShellVarContext all
    ${EndIf}
  ${EndIf}
!macroend
