<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>nara::call::CallSidePanel</name>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Chat in the call</source>
        <translation>Chat in the call</translation>
    </message>
    <message>
        <source>Write in the chat</source>
        <translation>Write in the chat</translation>
    </message>
    <message>
        <source>Write to everyone in the call</source>
        <translation>Write to everyone in the call</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Send chat message</source>
        <translation>Send chat message</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>&amp;Participants</translation>
    </message>
    <message>
        <source>C&amp;hat</source>
        <translation>C&amp;hat</translation>
    </message>
</context>
<context>
    <name>nara::call::CallWindow</name>
    <message>
        <source>Video visit</source>
        <translation>Video visit</translation>
    </message>
    <message>
        <source>The camera could not be started.</source>
        <translation>The camera could not be started.</translation>
    </message>
    <message>
        <source>The microphone could not be started.</source>
        <translation>The microphone could not be started.</translation>
    </message>
    <message>
        <source>Video from the call</source>
        <translation>Video from the call</translation>
    </message>
    <message>
        <source>Call status</source>
        <translation>Call status</translation>
    </message>
    <message>
        <source>Mute the microphone</source>
        <translation>Mute the microphone</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Turn the camera off</source>
        <translation>Turn the camera off</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Choose camera</source>
        <translation>Choose camera</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Choose microphone</source>
        <translation>Choose microphone</translation>
    </message>
    <message>
        <source>Let the patient in</source>
        <translation>Let the patient in</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>Hang up (%1)</source>
        <translation>Hang up (%1)</translation>
    </message>
    <message>
        <source>Camera and microphone are blocked – the others can neither see nor hear you.</source>
        <translation>Camera and microphone are blocked – the others can neither see nor hear you.</translation>
    </message>
    <message>
        <source>No microphone found – the others cannot hear you.</source>
        <translation>No microphone found – the others cannot hear you.</translation>
    </message>
    <message>
        <source>The camera is blocked – the call is audio only.</source>
        <translation>The camera is blocked – the call is audio only.</translation>
    </message>
    <message>
        <source>No camera found – the call is audio only.</source>
        <translation>No camera found – the call is audio only.</translation>
    </message>
    <message>
        <source>You cannot join this visit (it has ended or is unknown).</source>
        <translation>You cannot join this visit (it has ended or is unknown).</translation>
    </message>
    <message>
        <source>The server rejected a message: %1</source>
        <translation>The server rejected a message: %1</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Camera %1</translation>
    </message>
    <message>
        <source>Microphone %1</source>
        <translation>Microphone %1</translation>
    </message>
    <message>
        <source>The visit has ended.</source>
        <translation>The visit has ended.</translation>
    </message>
    <message>
        <source>You have left the call.</source>
        <translation>You have left the call.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Connection lost – reconnecting…</source>
        <translation>Connection lost – reconnecting…</translation>
    </message>
    <message>
        <source>The patient is waiting in the waiting room</source>
        <translation>The patient is waiting in the waiting room</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Connecting to the others…</source>
        <translation>Connecting to the others…</translation>
    </message>
    <message>
        <source>Waiting for the other participants…</source>
        <translation>Waiting for the other participants…</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (you)</translation>
    </message>
    <message>
        <source>in the waiting room</source>
        <translation>in the waiting room</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrupted</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>no connection</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connecting</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Unmute the microphone</source>
        <translation>Unmute the microphone</translation>
    </message>
    <message>
        <source>Turn the camera on</source>
        <translation>Turn the camera on</translation>
    </message>
    <message>
        <source>The patient could not be let in: %1</source>
        <translation>The patient could not be let in: %1</translation>
    </message>
    <message>
        <source>Not sent – no connection right now.</source>
        <translation>Not sent – no connection right now.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
</context>
<context>
    <name>nara::video::AfterCallDialog</name>
    <message>
        <source>End the visit</source>
        <translation>End the visit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>&amp;Done – nothing more is needed</source>
        <translation>&amp;Done – nothing more is needed</translation>
    </message>
    <message>
        <source>&amp;Follow-up needed</source>
        <translation>&amp;Follow-up needed</translation>
    </message>
    <message>
        <source>The patient needs a &amp;physical visit</source>
        <translation>The patient needs a &amp;physical visit</translation>
    </message>
    <message>
        <source>&amp;Note (for the record, not sent to the patient):</source>
        <translation>&amp;Note (for the record, not sent to the patient):</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>nara::video::BookVisitDialog</name>
    <message>
        <source>Book a video visit</source>
        <translation>Book a video visit</translation>
    </message>
    <message>
        <source>Search patient</source>
        <translation>Search patient</translation>
    </message>
    <message>
        <source>Name or personnummer</source>
        <translation>Name or personnummer</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>No patient – a consult call between staff</source>
        <translation>No patient – a consult call between staff</translation>
    </message>
    <message>
        <source>Search colleague</source>
        <translation>Search colleague</translation>
    </message>
    <message>
        <source>Colleague, role or unit</source>
        <translation>Colleague, role or unit</translation>
    </message>
    <message>
        <source>Other participants</source>
        <translation>Other participants</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>For example: return visit, knee training programme</source>
        <translation>For example: return visit, knee training programme</translation>
    </message>
    <message>
        <source>Booking status</source>
        <translation>Booking status</translation>
    </message>
    <message>
        <source>The patient&apos;s link to the visit</source>
        <translation>The patient&apos;s link to the visit</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Copy link</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <source>The link is copied. Send it to the patient by SMS or read it aloud.</source>
        <translation>The link is copied. Send it to the patient by SMS or read it aloud.</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Book</translation>
    </message>
    <message>
        <source>Book the visit</source>
        <translation>Book the visit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient:</translation>
    </message>
    <message>
        <source>&amp;Colleagues:</source>
        <translation>&amp;Colleagues:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Time:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>nurse</source>
        <translation>nurse</translation>
    </message>
    <message>
        <source>GP</source>
        <translation>GP</translation>
    </message>
    <message>
        <source>physiotherapist</source>
        <translation>physiotherapist</translation>
    </message>
    <message>
        <source>municipal nurse</source>
        <translation>municipal nurse</translation>
    </message>
    <message>
        <source>dermatologist</source>
        <translation>dermatologist</translation>
    </message>
    <message>
        <source>quality lead</source>
        <translation>quality lead</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>Write the reason for the visit.</source>
        <translation>Write the reason for the visit.</translation>
    </message>
    <message>
        <source>Choose a patient or at least one colleague.</source>
        <translation>Choose a patient or at least one colleague.</translation>
    </message>
    <message>
        <source>A video visit has at most %1 participants, you and the patient included.</source>
        <translation>A video visit has at most %1 participants, you and the patient included.</translation>
    </message>
    <message>
        <source>The time has already passed.</source>
        <translation>The time has already passed.</translation>
    </message>
    <message>
        <source>Booking a video visit needs a connection to the server. Nothing you entered is lost.</source>
        <translation>Booking a video visit needs a connection to the server. Nothing you entered is lost.</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Booking…</translation>
    </message>
    <message>
        <source>The consult call is booked for %1. It is in your colleagues&apos; inboxes.</source>
        <translation>The consult call is booked for %1. It is in your colleagues&apos; inboxes.</translation>
    </message>
    <message>
        <source>The visit is booked for %1. Give the patient this link; it works until %2.</source>
        <translation>The visit is booked for %1. Give the patient this link; it works until %2.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>nara::video::PreCallCheckDialog</name>
    <message>
        <source>Pre-call check</source>
        <translation>Pre-call check</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Camera preview</translation>
    </message>
    <message>
        <source>Audio only (no camera)</source>
        <translation>Audio only (no camera)</translation>
    </message>
    <message>
        <source>Audio only, without camera</source>
        <translation>Audio only, without camera</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Microphone level</translation>
    </message>
    <message>
        <source>Loudspeaker</source>
        <translation>Loudspeaker</translation>
    </message>
    <message>
        <source>&amp;Play test sound</source>
        <translation>&amp;Play test sound</translation>
    </message>
    <message>
        <source>Play test sound</source>
        <translation>Play test sound</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Continue with these devices</source>
        <translation>Continue with these devices</translation>
    </message>
    <message>
        <source>Call the patient by phone instead</source>
        <translation>Call the patient by phone instead</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Camera:</source>
        <translation>&amp;Camera:</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Microphone:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <source>&amp;Loudspeaker:</source>
        <translation>&amp;Loudspeaker:</translation>
    </message>
    <message>
        <source>No camera was found. Connect a camera, or hold the visit with audio only.</source>
        <translation>No camera was found. Connect a camera, or hold the visit with audio only.</translation>
    </message>
    <message>
        <source>The camera could not be used: access was denied. Allow camera access in the computer&apos;s settings or close other programs that use it, or hold the visit with audio only.</source>
        <translation>The camera could not be used: access was denied. Allow camera access in the computer&apos;s settings or close other programs that use it, or hold the visit with audio only.</translation>
    </message>
    <message>
        <source>No microphone was found. Connect a headset, or call the patient by phone instead.</source>
        <translation>No microphone was found. Connect a headset, or call the patient by phone instead.</translation>
    </message>
    <message>
        <source>The microphone could not be used: access was denied. Allow microphone access in the computer&apos;s settings, or call the patient by phone instead.</source>
        <translation>The microphone could not be used: access was denied. Allow microphone access in the computer&apos;s settings, or call the patient by phone instead.</translation>
    </message>
</context>
<context>
    <name>nara::video::VideoPane</name>
    <message>
        <source>Video visit</source>
        <translation>Video visit</translation>
    </message>
    <message>
        <source>Visit details</source>
        <translation>Visit details</translation>
    </message>
    <message>
        <source>Waiting patient</source>
        <translation>Waiting patient</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Pre-call check…</source>
        <translation>&amp;Pre-call check…</translation>
    </message>
    <message>
        <source>&amp;Join the call</source>
        <translation>&amp;Join the call</translation>
    </message>
    <message>
        <source>&amp;Let the patient in</source>
        <translation>&amp;Let the patient in</translation>
    </message>
    <message>
        <source>Call the patient by &amp;phone instead</source>
        <translation>Call the patient by &amp;phone instead</translation>
    </message>
    <message>
        <source>&amp;End the visit…</source>
        <translation>&amp;End the visit…</translation>
    </message>
    <message>
        <source>&amp;New link for the patient</source>
        <translation>&amp;New link for the patient</translation>
    </message>
    <message>
        <source>The patient&apos;s link to the visit</source>
        <translation>The patient&apos;s link to the visit</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Copy link</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <source>The link is copied. Send it to the patient by SMS or read it aloud.</source>
        <translation>The link is copied. Send it to the patient by SMS or read it aloud.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>follow-up needed</source>
        <translation>follow-up needed</translation>
    </message>
    <message>
        <source>physical visit needed</source>
        <translation>physical visit needed</translation>
    </message>
    <message>
        <source>phoned instead</source>
        <translation>phoned instead</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>No item selected</translation>
    </message>
    <message>
        <source>The visit&apos;s details have not arrived yet.</source>
        <translation>The visit&apos;s details have not arrived yet.</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>Time: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient: %1</translation>
    </message>
    <message>
        <source>Consult call between staff (no patient)</source>
        <translation>Consult call between staff (no patient)</translation>
    </message>
    <message>
        <source>Participants: %1</source>
        <translation>Participants: %1</translation>
    </message>
    <message>
        <source>Status: ended %1</source>
        <translation>Status: ended %1</translation>
    </message>
    <message>
        <source>Status: ended %1 (%2)</source>
        <translation>Status: ended %1 (%2)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <source>Status: in the call since %1</source>
        <translation>Status: in the call since %1</translation>
    </message>
    <message>
        <source>Status: the patient is in the waiting room</source>
        <translation>Status: the patient is in the waiting room</translation>
    </message>
    <message>
        <source>Status: booked</source>
        <translation>Status: booked</translation>
    </message>
    <message>
        <source>Patient waiting since %1</source>
        <translation>Patient waiting since %1</translation>
    </message>
    <message>
        <source>camera ✓</source>
        <translation>camera ✓</translation>
    </message>
    <message>
        <source>camera ✗</source>
        <translation>camera ✗</translation>
    </message>
    <message>
        <source>microphone ✓</source>
        <translation>microphone ✓</translation>
    </message>
    <message>
        <source>microphone ✗</source>
        <translation>microphone ✗</translation>
    </message>
    <message>
        <source>A new link for the patient; it works until %1.</source>
        <translation>A new link for the patient; it works until %1.</translation>
    </message>
    <message>
        <source>The server refused the change: %1</source>
        <translation>The server refused the change: %1</translation>
    </message>
    <message>
        <source>Asking the server for a new link…</source>
        <translation>Asking the server for a new link…</translation>
    </message>
    <message>
        <source>Only staff of the visit&apos;s care unit can end it; ask them to phone the patient.</source>
        <translation>Only staff of the visit&apos;s care unit can end it; ask them to phone the patient.</translation>
    </message>
    <message>
        <source>Devices checked: audio only.</source>
        <translation>Devices checked: audio only.</translation>
    </message>
    <message>
        <source>Devices checked.</source>
        <translation>Devices checked.</translation>
    </message>
    <message>
        <source>The patient is being let in…</source>
        <translation>The patient is being let in…</translation>
    </message>
    <message>
        <source>The visit is ended: you phone the patient instead.</source>
        <translation>The visit is ended: you phone the patient instead.</translation>
    </message>
    <message>
        <source>The visit is being ended…</source>
        <translation>The visit is being ended…</translation>
    </message>
    <message>
        <source>The patient is let in.</source>
        <translation>The patient is let in.</translation>
    </message>
    <message>
        <source>The visit shown changed while the dialog was open: nothing was done.</source>
        <translation>The visit shown changed while the dialog was open: nothing was done.</translation>
    </message>
    <message>
        <source>The visit has ended meanwhile: nothing was done.</source>
        <translation>The visit has ended meanwhile: nothing was done.</translation>
    </message>
    <message>
        <source>Letting the patient in needs a connection to the server.</source>
        <translation>Letting the patient in needs a connection to the server.</translation>
    </message>
    <message>
        <source>Only staff of the visit&apos;s care unit can end it.</source>
        <translation>Only staff of the visit&apos;s care unit can end it.</translation>
    </message>
</context>
<context>
    <name>nara::video::VisitBooking</name>
    <message>
        <source>The visit was booked by the first attempt, but its answer was lost on the way. The visit is in the inbox: give the patient a new link from there.</source>
        <translation>The visit was booked by the first attempt, but its answer was lost on the way. The visit is in the inbox: give the patient a new link from there.</translation>
    </message>
    <message>
        <source>The server cannot be reached: booking a video visit needs a connection. Nothing you entered is lost; book again when the connection is back.</source>
        <translation>The server cannot be reached: booking a video visit needs a connection. Nothing you entered is lost; book again when the connection is back.</translation>
    </message>
    <message>
        <source>The visit was not booked: %1</source>
        <translation>The visit was not booked: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer held no visit.</source>
        <translation>The server&apos;s answer held no visit.</translation>
    </message>
    <message>
        <source>The server cannot be reached: a new link needs a connection.</source>
        <translation>The server cannot be reached: a new link needs a connection.</translation>
    </message>
    <message>
        <source>No new link: %1</source>
        <translation>No new link: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer held no link.</source>
        <translation>The server&apos;s answer held no link.</translation>
    </message>
    <message>
        <source>The server cannot be reached: letting the patient in needs a connection.</source>
        <translation>The server cannot be reached: letting the patient in needs a connection.</translation>
    </message>
    <message>
        <source>The patient was not let in: %1</source>
        <translation>The patient was not let in: %1</translation>
    </message>
</context>
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
    <message>
        <source>waiting since %1</source>
        <translation>waiting since %1</translation>
    </message>
    <message>
        <source>Video visit at %1</source>
        <translation>Video visit at %1</translation>
    </message>
    <message>
        <source>%1; the patient is waiting since %2</source>
        <translation>%1; the patient is waiting since %2</translation>
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
    <message>
        <source>Video visit</source>
        <translation>Video visit</translation>
    </message>
    <message>
        <source>&amp;Book a video visit…</source>
        <translation>&amp;Book a video visit…</translation>
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
<context>
    <name>nara::workstation::VideoVisitHost</name>
    <message>
        <source>The visit is ended.</source>
        <translation>The visit is ended.</translation>
    </message>
    <message>
        <source>The video visit is booked.</source>
        <translation>The video visit is booked.</translation>
    </message>
    <message>
        <source>Someone is waiting: %1</source>
        <translation>Someone is waiting: %1</translation>
    </message>
    <message>
        <source>%1 is waiting: %2</source>
        <translation>%1 is waiting: %2</translation>
    </message>
    <message>
        <source>Video calls need a connection to the server.</source>
        <translation>Video calls need a connection to the server.</translation>
    </message>
</context>
</TS>
