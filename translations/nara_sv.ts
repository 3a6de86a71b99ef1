<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en_US">
<context>
    <name>nara::workstation::ChatThreadModel</name>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Intern anteckning</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Skickas…</translation>
    </message>
</context>
<context>
    <name>nara::workstation::Dialogs</name>
    <message>
        <source>Search colleague</source>
        <translation>Sök kollega</translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation>Kollegor</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>nara::workstation::InboxModel</name>
    <message>
        <source>Stat</source>
        <translation>Omedelbart</translation>
    </message>
    <message>
        <source>ASAP</source>
        <translation>Snarast</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Brådskande</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Rutin</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chatt</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulär</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Larm</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Remiss</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Waiting for patient</source>
        <translation>Väntar på patient</translation>
    </message>
    <message>
        <source>Waiting for colleague</source>
        <translation>Väntar på kollega</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Enhetens kö</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>om %1</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>försenad %1</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Oläst</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Läst</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Senast</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausad</translation>
    </message>
</context>
<context>
    <name>nara::workstation::InvitationDialog</name>
    <message>
        <source>Invitation to the patient portal</source>
        <translation>Inbjudan till patientportalen</translation>
    </message>
    <message>
        <source>Give %1 this link. It works once, until %2.</source>
        <translation>Ge %1 den här länken. Den fungerar en gång, till och med %2.</translation>
    </message>
    <message>
        <source>Invitation link</source>
        <translation>Inbjudningslänk</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Kopiera länken</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>nara::workstation::ItemDetailPane</name>
    <message>
        <source>Messages</source>
        <translation>Meddelanden</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Write a reply… (Ctrl+Return sends)</source>
        <translation>Skriv ett svar… (Ctrl+Retur skickar)</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Intern anteckning</translation>
    </message>
    <message>
        <source>Internal note (staff only)</source>
        <translation>Intern anteckning (endast personal)</translation>
    </message>
    <message>
        <source>Visible to staff only; never sent to the patient</source>
        <translation>Syns bara för personal; skickas aldrig till patienten</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>Inget ärende valt</translation>
    </message>
    <message>
        <source>Patient: %1, %2</source>
        <translation>Patient: %1, %2</translation>
    </message>
    <message>
        <source>Priority reason: %1</source>
        <translation>Skäl till prioritet: %1</translation>
    </message>
    <message>
        <source>Owner: the unit&apos;s pool</source>
        <translation>Ansvarig: enhetens kö</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Ansvarig: %1</translation>
    </message>
</context>
<context>
    <name>nara::workstation::LoginDialog</name>
    <message>
        <source>Sign in to Nära</source>
        <translation>Logga in i Nära</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradress</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Inloggningsfel</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <source>Enter the server address, for example https://nara.example.se.</source>
        <translation>Ange serverns adress, till exempel https://nara.example.se.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Ange användarnamn och lösenord.</translation>
    </message>
    <message>
        <source>Signing in is not possible here.</source>
        <translation>Inloggning är inte möjlig här.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Fel användarnamn eller lösenord.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation>För många försök. Vänta en stund och försök igen.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and the network connection.</source>
        <translation>Servern går inte att nå. Kontrollera adressen och nätverksanslutningen.</translation>
    </message>
    <message>
        <source>Your account may not use the workstation.</source>
        <translation>Ditt konto får inte använda arbetsstationen.</translation>
    </message>
    <message>
        <source>Sign-in failed. Try again, or contact support if it keeps happening.</source>
        <translation>Inloggningen misslyckades. Försök igen, eller kontakta support om felet kvarstår.</translation>
    </message>
    <message>
        <source>Sign-in notice</source>
        <translation>Meddelande vid inloggning</translation>
    </message>
    <message>
        <source>The server cannot be reached. You are working offline: the inbox shows what is saved on this computer, and what you do is sent when the connection is back.</source>
        <translation>Servern går inte att nå. Du arbetar offline: inkorgen visar det som finns sparat på den här datorn, och det du gör skickas när anslutningen är tillbaka.</translation>
    </message>
</context>
<context>
    <name>nara::workstation::MainWindow</name>
    <message>
        <source>Nära – inbox</source>
        <translation>Nära – inkorg</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Inkorg</translation>
    </message>
    <message>
        <source>The server refused a change: %1</source>
        <translation>Servern avvisade en ändring: %1</translation>
    </message>
    <message>
        <source>Nära</source>
        <translation>Nära</translation>
    </message>
    <message>
        <source>&amp;Claim</source>
        <translation>&amp;Ta ärendet</translation>
    </message>
    <message>
        <source>&amp;Release to pool</source>
        <translation>Släpp till &amp;kön</translation>
    </message>
    <message>
        <source>&amp;Assign to colleague…</source>
        <translation>&amp;Tilldela kollega…</translation>
    </message>
    <message>
        <source>Clos&amp;e</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>Åter&amp;öppna…</translation>
    </message>
    <message>
        <source>Close selected…</source>
        <translation>Avsluta markerade…</translation>
    </message>
    <message>
        <source>Assign selected…</source>
        <translation>Tilldela markerade…</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>Nästa ärende</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>Föregående ärende</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Markera som läst</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Skicka svar</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta programmet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alla typer</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chattar</translation>
    </message>
    <message>
        <source>Video visits</source>
        <translation>Videobesök</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Formulär</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Larm</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Remisser</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>Allas</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mina</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Enhetens kö</translation>
    </message>
    <message>
        <source>Mine and pool</source>
        <translation>Mina och kön</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Oläst</translation>
    </message>
    <message>
        <source>Only unread</source>
        <translation>Endast olästa</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenade</translation>
    </message>
    <message>
        <source>Only overdue</source>
        <translation>Endast försenade</translation>
    </message>
    <message>
        <source>Search title, patient or personnummer (Ctrl+F)</source>
        <translation>Sök ärende, patient eller personnummer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synkstatus</translation>
    </message>
    <message numerus="yes">
        <source>Online – %n to send</source>
        <translation>
            <numerusform>Online – %n att skicka</numerusform>
            <numerusform>Online – %n att skicka</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synkar…</translation>
    </message>
    <message numerus="yes">
        <source>Offline – %n to send</source>
        <translation>
            <numerusform>Offline – %n att skicka</numerusform>
            <numerusform>Offline – %n att skicka</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Utloggad</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n ärende</numerusform>
            <numerusform>%n ärenden</numerusform>
        </translation>
    </message>
    <message>
        <source>The reply could not be sent: it is empty or too long.</source>
        <translation>Svaret kunde inte skickas: det är tomt eller för långt.</translation>
    </message>
    <message numerus="yes">
        <source>Assign %n item(s) to</source>
        <translation>
            <numerusform>Tilldela %n ärende till</numerusform>
            <numerusform>Tilldela %n ärenden till</numerusform>
        </translation>
    </message>
    <message>
        <source>Close items</source>
        <translation>Avsluta ärenden</translation>
    </message>
    <message numerus="yes">
        <source>Close %n item(s)?</source>
        <translation>
            <numerusform>Avsluta %n ärende?</numerusform>
            <numerusform>Avsluta %n ärenden?</numerusform>
        </translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Återöppna</translation>
    </message>
    <message>
        <source>Why is the item reopened?</source>
        <translation>Varför återöppnas ärendet?</translation>
    </message>
    <message>
        <source>Urgent item</source>
        <translation>Brådskande ärende</translation>
    </message>
    <message>
        <source>Local cache problem: %1</source>
        <translation>Problem med den lokala cachen: %1</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again to continue.</source>
        <translation>Din session har upphört. Logga in igen för att fortsätta.</translation>
    </message>
    <message>
        <source>No invitation</source>
        <translation>Ingen inbjudan</translation>
    </message>
    <message>
        <source>Invite the patient to the portal…</source>
        <translation>Bjud in patienten till portalen…</translation>
    </message>
    <message>
        <source>Choose an item about a patient first.</source>
        <translation>Välj först ett ärende som gäller en patient.</translation>
    </message>
    <message>
        <source>Invitations need a connection to the server.</source>
        <translation>Inbjudningar kräver kontakt med servern.</translation>
    </message>
</context>
<context>
    <name>nara::workstation::PortalInvitation</name>
    <message>
        <source>The server cannot be reached: an invitation needs a connection.</source>
        <translation>Servern går inte att nå: en inbjudan kräver kontakt med servern.</translation>
    </message>
    <message>
        <source>The server&apos;s answer held no link.</source>
        <translation>Serverns svar innehöll ingen länk.</translation>
    </message>
</context>
<context>
    <name>nara::workstation::ShortcutHelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kortkommando</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
</TS>
