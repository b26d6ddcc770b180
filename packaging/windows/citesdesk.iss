; Inno Setup script: a per-user installer for CitésDesk (no administrator rights).
; Built by `python packaging/build.py` on Windows when Inno Setup 6 (iscc) is installed:
;   iscc /DSourceDir=dist\citesdesk /Odist packaging\windows\citesdesk.iss

#define AppName "CitésDesk"
#define AppVersion "0.1.0"
#define AppId "org.citesdesk.CitesDesk"
#ifndef SourceDir
  #define SourceDir "..\..\dist\citesdesk"
#endif

[Setup]
AppId={{6B0F6E4A-2C53-4E0C-9D55-5C1E0E9C7D11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=CitésDesk
DefaultDirName={autopf}\CitesDesk
DefaultGroupName={#AppName}
; Per-user install: no UAC prompt, everything under the user's profile and HKCU.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DisableProgramGroupPage=yes
OutputBaseFilename=CitesDesk-{#AppVersion}-setup
SetupIconFile=..\icons\citesdesk.ico
UninstallDisplayIcon={app}\CitesDeskW.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\CitesDeskW.exe"
Name: "{autoprograms}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\CitesDeskW.exe"; Tasks: desktopicon

[Registry]
; The .citesbundle file type opens the bundle inspector in the window (HKA = HKCU here).
Root: HKA; Subkey: "Software\Classes\.citesbundle"; ValueType: string; ValueName: ""; ValueData: "CitesDesk.Bundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\CitesDesk.Bundle"; ValueType: string; ValueName: ""; ValueData: "Lot CitésDesk pour l'évaluation nationale"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\CitesDesk.Bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\CitesDeskW.exe,0"
Root: HKA; Subkey: "Software\Classes\CitesDesk.Bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\CitesDeskW.exe"" ""%1"""
; The .citesequipe file type (a colleague's team file) opens the window on the site's
; database, which offers to merge it.
Root: HKA; Subkey: "Software\Classes\.citesequipe"; ValueType: string; ValueName: ""; ValueData: "CitesDesk.Equipe"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\CitesDesk.Equipe"; ValueType: string; ValueName: ""; ValueData: "Fichier d'échange de l'équipe CitésDesk"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\CitesDesk.Equipe\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\CitesDeskW.exe,0"
Root: HKA; Subkey: "Software\Classes\CitesDesk.Equipe\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\CitesDeskW.exe"" ""%1"""

[Run]
Filename: "{app}\CitesDeskW.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
