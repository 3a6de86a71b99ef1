<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>nara::workstation::ChatThreadModel</name>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
</context>
<context>
    <name>nara::workstation::Dialogs</name>
    <message>
        <source>Search colleague</source>
        <translation>Search colleague</translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation>Colleagues</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>nara::workstation::InboxModel</name>
    <message>
        <source>Stat</source>
        <translation>Stat</translation>
    </message>
    <message>
        <source>ASAP</source>
        <translation>ASAP</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Waiting for patient</source>
        <translation>Waiting for patient</translation>
    </message>
    <message>
        <source>Waiting for colleague</source>
        <translation>Waiting for colleague</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
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
        <translation>in %1</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>overdue %1</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Unread</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
</context>
<context>
    <name>nara::workstation::InvitationDialog</name>
    <message>
        <source>Invitation to the patient portal</source>
        <translation>Invitation to the patient portal</translation>
    </message>
    <message>
        <source>Give %1 this link. It works once, until %2.</source>
        <translation>Give %1 this link. It works once, until %2.</translation>
    </message>
    <message>
        <source>Invitation link</source>
        <translation>Invitation link</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>nara::workstation::ItemDetailPane</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Write a reply… (Ctrl+Return sends)</source>
        <translation>Write a reply… (Ctrl+Return sends)</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <source>Internal note (staff only)</source>
        <translation>Internal note (staff only)</translation>
    </message>
    <message>
        <source>Visible to staff only; never sent to the patient</source>
        <translation>Visible to staff only; never sent to the patient</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>No item selected</translation>
    </message>
    <message>
        <source>Patient: %1, %2</source>
        <translation>Patient: %1, %2</translation>
    </message>
    <message>
        <source>Priority reason: %1</source>
        <translation>Priority reason: %1</translation>
    </message>
    <message>
        <source>Owner: the unit&apos;s pool</source>
        <translation>Owner: the unit&apos;s pool</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Owner: %1</translation>
    </message>
</context>
<context>
    <name>nara::workstation::LoginDialog</name>
    <message>
        <source>Sign in to Nära</source>
        <translation>Sign in to Nära</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Sign-in error</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Enter the server address, for example https://nara.example.se.</source>
        <translation>Enter the server address, for example https://nara.example.se.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <source>Signing in is not possible here.</source>
        <translation>Signing in is not possible here.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation>Too many attempts. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and the network connection.</source>
        <translation>The server cannot be reached. Check the address and the network connection.</translation>
    </message>
    <message>
        <source>Your account may not use the workstation.</source>
        <translation>Your account may not use the workstation.</translation>
    </message>
    <message>
        <source>Sign-in failed. Try again, or contact support if it keeps happening.</source>
        <translation>Sign-in failed. Try again, or contact support if it keeps happening.</translation>
    </message>
    <message>
        <source>Sign-in notice</source>
        <translation>Sign-in notice</translation>
    </message>
    <message>
        <source>The server cannot be reached. You are working offline: the inbox shows what is saved on this computer, and what you do is sent when the connection is back.</source>
        <translation>The server cannot be reached. You are working offline: the inbox shows what is saved on this computer, and what you do is sent when the connection is back.</translation>
    </message>
</context>
<context>
    <name>nara::workstation::MainWindow</name>
    <message>
        <source>Nära – inbox</source>
        <translation>Nära – inbox</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>The server refused a change: %1</source>
        <translation>The server refused a change: %1</translation>
    </message>
    <message>
        <source>Nära</source>
        <translation>Nära</translation>
    </message>
    <message>
        <source>&amp;Claim</source>
        <translation>&amp;Claim</translation>
    </message>
    <message>
        <source>&amp;Release to pool</source>
        <translation>&amp;Release to pool</translation>
    </message>
    <message>
        <source>&amp;Assign to colleague…</source>
        <translation>&amp;Assign to colleague…</translation>
    </message>
    <message>
        <source>Clos&amp;e</source>
        <translation>Clos&amp;e</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>Re&amp;open…</translation>
    </message>
    <message>
        <source>Close selected…</source>
        <translation>Close selected…</translation>
    </message>
    <message>
        <source>Assign selected…</source>
        <translation>Assign selected…</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>Next item</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>Previous item</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Mark as read</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Send reply</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>Video visits</source>
        <translation>Video visits</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>Everyone&apos;s</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Mine and pool</source>
        <translation>Mine and pool</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Unread</translation>
    </message>
    <message>
        <source>Only unread</source>
        <translation>Only unread</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Only overdue</source>
        <translation>Only overdue</translation>
    </message>
    <message>
        <source>Search title, patient or personnummer (Ctrl+F)</source>
        <translation>Search title, patient or personnummer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Sync status</translation>
    </message>
    <message numerus="yes">
        <source>Online – %n to send</source>
        <translation>
            <numerusform>Online – %n to send</numerusform>
            <numerusform>Online – %n to send</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message numerus="yes">
        <source>Offline – %n to send</source>
        <translation>
            <numerusform>Offline – %n to send</numerusform>
            <numerusform>Offline – %n to send</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>The reply could not be sent: it is empty or too long.</source>
        <translation>The reply could not be sent: it is empty or too long.</translation>
    </message>
    <message numerus="yes">
        <source>Assign %n item(s) to</source>
        <translation>
            <numerusform>Assign %n item to</numerusform>
            <numerusform>Assign %n items to</numerusform>
        </translation>
    </message>
    <message>
        <source>Close items</source>
        <translation>Close items</translation>
    </message>
    <message numerus="yes">
        <source>Close %n item(s)?</source>
        <translation>
            <numerusform>Close %n item?</numerusform>
            <numerusform>Close %n items?</numerusform>
        </translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Why is the item reopened?</source>
        <translation>Why is the item reopened?</translation>
    </message>
    <message>
        <source>Urgent item</source>
        <translation>Urgent item</translation>
    </message>
    <message>
        <source>Local cache problem: %1</source>
        <translation>Local cache problem: %1</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again to continue.</source>
        <translation>Your session has ended. Sign in again to continue.</translation>
    </message>
    <message>
        <source>No invitation</source>
        <translation>No invitation</translation>
    </message>
    <message>
        <source>Invite the patient to the portal…</source>
        <translation>Invite the patient to the portal…</translation>
    </message>
    <message>
        <source>Choose an item about a patient first.</source>
        <translation>Choose an item about a patient first.</translation>
    </message>
    <message>
        <source>Invitations need a connection to the server.</source>
        <translation>Invitations need a connection to the server.</translation>
    </message>
</context>
<context>
    <name>nara::workstation::PortalInvitation</name>
    <message>
        <source>The server cannot be reached: an invitation needs a connection.</source>
        <translation>The server cannot be reached: an invitation needs a connection.</translation>
    </message>
    <message>
        <source>The server&apos;s answer held no link.</source>
        <translation>The server&apos;s answer held no link.</translation>
    </message>
</context>
<context>
    <name>nara::workstation::ShortcutHelpDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
</TS>
