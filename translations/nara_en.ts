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
    <name>nara::forms::FormAnswers</name>
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
    <name>nara::forms::FormRequests</name>
    <message>
        <source>The form was sent by the first attempt, but the answer with the link was lost on the way. The patient got an SMS if a mobile number is registered; otherwise invite them to the portal from the inbox.</source>
        <translation>The form was sent by the first attempt, but the answer with the link was lost on the way. The patient got an SMS if a mobile number is registered; otherwise invite them to the portal from the inbox.</translation>
    </message>
    <message>
        <source>The server cannot be reached: sending a form needs a connection. Nothing you entered is lost; send again when the connection is back.</source>
        <translation>The server cannot be reached: sending a form needs a connection. Nothing you entered is lost; send again when the connection is back.</translation>
    </message>
    <message>
        <source>The form was not sent: %1</source>
        <translation>The form was not sent: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer held no form request or no link.</source>
        <translation>The server&apos;s answer held no form request or no link.</translation>
    </message>
</context>
<context>
    <name>nara::forms::FormResponsePane</name>
    <message>
        <source>Form answer</source>
        <translation>Form answer</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>&amp;Close with note…</source>
        <translation>&amp;Close with note…</translation>
    </message>
    <message>
        <source>Escalate to a &amp;doctor…</source>
        <translation>Escalate to a &amp;doctor…</translation>
    </message>
    <message>
        <source>Contact the &amp;patient</source>
        <translation>Contact the &amp;patient</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>No item selected</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Sent %1</translation>
    </message>
    <message>
        <source>Sent by %1 on %2</source>
        <translation>Sent by %1 on %2</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>occasion %1 of %2</source>
        <translation>occasion %1 of %2</translation>
    </message>
    <message>
        <source>Answered %1</source>
        <translation>Answered %1</translation>
    </message>
    <message>
        <source>Not answered – was due %1</source>
        <translation>Not answered – was due %1</translation>
    </message>
    <message>
        <source>Not answered yet – due %1</source>
        <translation>Not answered yet – due %1</translation>
    </message>
    <message>
        <source>Cancelled before it was answered</source>
        <translation>Cancelled before it was answered</translation>
    </message>
    <message>
        <source>Answered %1; the answer has not reached this workstation yet.</source>
        <translation>Answered %1; the answer has not reached this workstation yet.</translation>
    </message>
    <message>
        <source>The form has not reached this workstation yet.</source>
        <translation>The form has not reached this workstation yet.</translation>
    </message>
    <message>
        <source>This answer is to a questionnaire this version of Nära does not know (%1). Update Nära to read it.</source>
        <translation>This answer is to a questionnaire this version of Nära does not know (%1). Update Nära to read it.</translation>
    </message>
    <message>
        <source>This answer does not match the questionnaire %1 and cannot be shown. Nothing of it is displayed, so that no answer is read wrongly. Details: %2</source>
        <translation>This answer does not match the questionnaire %1 and cannot be shown. Nothing of it is displayed, so that no answer is read wrongly. Details: %2</translation>
    </message>
    <message>
        <source>(wording not verified)</source>
        <translation>(wording not verified)</translation>
    </message>
    <message>
        <source>This wording awaits verification against the official translation.</source>
        <translation>This wording awaits verification against the official translation.</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>%1 of %2 points</source>
        <translation>%1 of %2 points</translation>
    </message>
    <message>
        <source>PSFS mean %1</source>
        <translation>PSFS mean %1</translation>
    </message>
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
        <source>Priority: %1</source>
        <translation>Priority: %1</translation>
    </message>
    <message>
        <source>The first answer to this questionnaire.</source>
        <translation>The first answer to this questionnaire.</translation>
    </message>
    <message numerus="yes">
        <source>Improved by %n point(s) since %1</source>
        <translation>
            <numerusform>Improved by %n point since %1</numerusform>
            <numerusform>Improved by %n points since %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Worse by %n point(s) since %1</source>
        <translation>
            <numerusform>Worse by %n point since %1</numerusform>
            <numerusform>Worse by %n points since %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Unchanged since %1</source>
        <translation>Unchanged since %1</translation>
    </message>
    <message>
        <source>No clinically relevant change since %1 (%2 points)</source>
        <translation>No clinically relevant change since %1 (%2 points)</translation>
    </message>
</context>
<context>
    <name>nara::forms::FormTrendChart</name>
    <message>
        <source>Score over time</source>
        <translation>Score over time</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This answer</source>
        <translation>This answer</translation>
    </message>
    <message>
        <source>Totals, oldest first: %1. The last one is this answer.</source>
        <translation>Totals, oldest first: %1. The last one is this answer.</translation>
    </message>
    <message>
        <source>Totals, oldest first: %1.</source>
        <translation>Totals, oldest first: %1.</translation>
    </message>
</context>
<context>
    <name>nara::forms::SendFormDialog</name>
    <message>
        <source>Send a form</source>
        <translation>Send a form</translation>
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
        <source>Questionnaire</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <source>&amp;Once</source>
        <translation>&amp;Once</translation>
    </message>
    <message>
        <source>&amp;Every</source>
        <translation>&amp;Every</translation>
    </message>
    <message>
        <source>Every how many days</source>
        <translation>Every how many days</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>until</source>
        <translation>until</translation>
    </message>
    <message>
        <source>Due in days</source>
        <translation>Due in days</translation>
    </message>
    <message>
        <source> days after it is sent</source>
        <translation> days after it is sent</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The patient&apos;s link to the form</source>
        <translation>The patient&apos;s link to the form</translation>
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
        <source>The link is copied.</source>
        <translation>The link is copied.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>Send the form</source>
        <translation>Send the form</translation>
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
        <source>&amp;Questionnaire:</source>
        <translation>&amp;Questionnaire:</translation>
    </message>
    <message>
        <source>How often:</source>
        <translation>How often:</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>&amp;Due:</translation>
    </message>
    <message>
        <source>The end date is before the start: the first form goes out today, %1.</source>
        <translation>The end date is before the start: the first form goes out today, %1.</translation>
    </message>
    <message>
        <source>A schedule can run for at most a year.</source>
        <translation>A schedule can run for at most a year.</translation>
    </message>
    <message>
        <source>That makes %1 forms; at most %2 can be planned at once. Choose a longer interval or an earlier end date.</source>
        <translation>That makes %1 forms; at most %2 can be planned at once. Choose a longer interval or an earlier end date.</translation>
    </message>
    <message>
        <source>Choose the patient.</source>
        <translation>Choose the patient.</translation>
    </message>
    <message>
        <source>Choose the questionnaire.</source>
        <translation>Choose the questionnaire.</translation>
    </message>
    <message>
        <source>One form, sent now and due %1.</source>
        <translation>One form, sent now and due %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n form(s): the first now, then every %1 days until %2; each is due %3 days after it opens.</source>
        <translation>
            <numerusform>%n form: the first now, then every %1 days until %2; each is due %3 days after it opens.</numerusform>
            <numerusform>%n forms: the first now, then every %1 days until %2; each is due %3 days after it opens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending a form needs a connection to the server. Nothing you entered is lost.</source>
        <translation>Sending a form needs a connection to the server. Nothing you entered is lost.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message numerus="yes">
        <source>The form is sent (%n form(s)). The patient&apos;s link works until %1.</source>
        <translation>
            <numerusform>The form is sent (%n form). The patient&apos;s link works until %1.</numerusform>
            <numerusform>The form is sent (%n forms). The patient&apos;s link works until %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>An SMS with the link went to the patient&apos;s registered mobile number.</source>
        <translation>An SMS with the link went to the patient&apos;s registered mobile number.</translation>
    </message>
    <message>
        <source>No SMS went out (no mobile number is registered): give the patient the link.</source>
        <translation>No SMS went out (no mobile number is registered): give the patient the link.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>nara::monitoring::AlertPane</name>
    <message>
        <source>Monitoring alert</source>
        <translation>Monitoring alert</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>&amp;Handled…</source>
        <translation>&amp;Handled…</translation>
    </message>
    <message>
        <source>Escalate to a &amp;doctor…</source>
        <translation>Escalate to a &amp;doctor…</translation>
    </message>
    <message>
        <source>Contact the &amp;patient</source>
        <translation>Contact the &amp;patient</translation>
    </message>
    <message>
        <source>&amp;Monitoring plan…</source>
        <translation>&amp;Monitoring plan…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latest measurements</source>
        <translation>Latest measurements</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Measurement</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Last %1 days</source>
        <translation>Last %1 days</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Value beyond a limit</source>
        <translation>Value beyond a limit</translation>
    </message>
    <message>
        <source>Measurement overdue</source>
        <translation>Measurement overdue</translation>
    </message>
    <message>
        <source>The patient&apos;s remark</source>
        <translation>The patient&apos;s remark</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>No item selected</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient: %1</translation>
    </message>
    <message>
        <source>This alert concerns no measurement type: no history to show.</source>
        <translation>This alert concerns no measurement type: no history to show.</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>Severity: %1</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>The item shown changed while the dialog was open: nothing was done.</source>
        <translation>The item shown changed while the dialog was open: nothing was done.</translation>
    </message>
    <message>
        <source>The alert was closed meanwhile: nothing was done.</source>
        <translation>The alert was closed meanwhile: nothing was done.</translation>
    </message>
    <message>
        <source>Say what was done in a note: the alert is not marked as handled without one.</source>
        <translation>Say what was done in a note: the alert is not marked as handled without one.</translation>
    </message>
    <message>
        <source>There is no GP in the alert&apos;s care unit to escalate to.</source>
        <translation>There is no GP in the alert&apos;s care unit to escalate to.</translation>
    </message>
    <message>
        <source>Choose a GP of the alert&apos;s care unit: nothing was sent.</source>
        <translation>Choose a GP of the alert&apos;s care unit: nothing was sent.</translation>
    </message>
    <message>
        <source>Sending: the alert is marked as handled…</source>
        <translation>Sending: the alert is marked as handled…</translation>
    </message>
    <message>
        <source>Sending: the alert is escalated to %1…</source>
        <translation>Sending: the alert is escalated to %1…</translation>
    </message>
</context>
<context>
    <name>nara::monitoring::EscalateDialog</name>
    <message>
        <source>Escalate to a doctor</source>
        <translation>Escalate to a doctor</translation>
    </message>
    <message>
        <source>GP of the care unit:</source>
        <translation>GP of the care unit:</translation>
    </message>
    <message>
        <source>GPs of the care unit</source>
        <translation>GPs of the care unit</translation>
    </message>
    <message>
        <source>Note for the doctor (optional):</source>
        <translation>Note for the doctor (optional):</translation>
    </message>
    <message>
        <source>Note for the doctor</source>
        <translation>Note for the doctor</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>nara::monitoring::MeasurementHistoryChart</name>
    <message>
        <source>Red %1</source>
        <translation>Red %1</translation>
    </message>
    <message>
        <source>Orange %1</source>
        <translation>Orange %1</translation>
    </message>
    <message>
        <source>The alert&apos;s measurement</source>
        <translation>The alert&apos;s measurement</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>History of %1</translation>
    </message>
    <message>
        <source>%1: no measurements in the last %2 days.</source>
        <translation>%1: no measurements in the last %2 days.</translation>
    </message>
</context>
<context>
    <name>nara::monitoring::PlanEditorDialog</name>
    <message>
        <source>Monitoring plan</source>
        <translation>Monitoring plan</translation>
    </message>
    <message>
        <source>Monitoring plan – %1</source>
        <translation>Monitoring plan – %1</translation>
    </message>
    <message>
        <source>End monitoring</source>
        <translation>End monitoring</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>No monitoring plan yet. Suggested: blood pressure once a day.</source>
        <translation>No monitoring plan yet. Suggested: blood pressure once a day.</translation>
    </message>
    <message>
        <source>The stored plan cannot be read by this version of Nära; saving replaces it.</source>
        <translation>The stored plan cannot be read by this version of Nära; saving replaces it.</translation>
    </message>
    <message>
        <source>Monitoring has ended. Saving a plan starts it again.</source>
        <translation>Monitoring has ended. Saving a plan starts it again.</translation>
    </message>
    <message>
        <source>Plan last changed %1.</source>
        <translation>Plan last changed %1.</translation>
    </message>
    <message>
        <source>Start of monitoring</source>
        <translation>Start of monitoring</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;End monitoring…</source>
        <translation>&amp;End monitoring…</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Measurements</translation>
    </message>
    <message>
        <source>Interval of %1</source>
        <translation>Interval of %1</translation>
    </message>
    <message>
        <source>every </source>
        <translation>every </translation>
    </message>
    <message>
        <source>Unit of the interval of %1</source>
        <translation>Unit of the interval of %1</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>days</source>
        <translation>days</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Thresholds</translation>
    </message>
    <message>
        <source>A value at or beyond a red limit raises a red alert, beyond an orange limit an orange one. The patient&apos;s own limits replace the default of that measure.</source>
        <translation>A value at or beyond a red limit raises a red alert, beyond an orange limit an orange one. The patient&apos;s own limits replace the default of that measure.</translation>
    </message>
    <message>
        <source>Some limits are not numbers: see the marked fields.</source>
        <translation>Some limits are not numbers: see the marked fields.</translation>
    </message>
    <message>
        <source>Choose at least one measurement.</source>
        <translation>Choose at least one measurement.</translation>
    </message>
    <message>
        <source>The interval must be 1 hour – %1 days.</source>
        <translation>The interval must be 1 hour – %1 days.</translation>
    </message>
    <message>
        <source>The plan is not saved: see the marked fields.</source>
        <translation>The plan is not saved: see the marked fields.</translation>
    </message>
    <message>
        <source>The plan is not saved: %1</source>
        <translation>The plan is not saved: %1</translation>
    </message>
    <message>
        <source>End the monitoring? The patient&apos;s measurements are then no longer expected and missing ones raise no alerts.</source>
        <translation>End the monitoring? The patient&apos;s measurements are then no longer expected and missing ones raise no alerts.</translation>
    </message>
    <message>
        <source>S&amp;tart:</source>
        <translation>S&amp;tart:</translation>
    </message>
</context>
<context>
    <name>nara::monitoring::ProcessAlertDialog</name>
    <message>
        <source>Alert handled</source>
        <translation>Alert handled</translation>
    </message>
    <message>
        <source>What was done (required, kept with the alert):</source>
        <translation>What was done (required, kept with the alert):</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Mark as handled</source>
        <translation>Mark as handled</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>nara::monitoring::QuantityThresholdsEditor</name>
    <message>
        <source>Red lower limit</source>
        <translation>Red lower limit</translation>
    </message>
    <message>
        <source>Red upper limit</source>
        <translation>Red upper limit</translation>
    </message>
    <message>
        <source>Orange lower limit</source>
        <translation>Orange lower limit</translation>
    </message>
    <message>
        <source>Orange upper limit</source>
        <translation>Orange upper limit</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Default: %1</translation>
    </message>
    <message>
        <source>Use the default</source>
        <translation>Use the default</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>&quot;%1&quot; is not a number.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> or </translation>
    </message>
    <message>
        <source>red %1</source>
        <translation>red %1</translation>
    </message>
    <message>
        <source>orange %1</source>
        <translation>orange %1</translation>
    </message>
    <message>
        <source>no limits</source>
        <translation>no limits</translation>
    </message>
    <message>
        <source>%1 is outside what can be measured (%2–%3 %4).</source>
        <translation>%1 is outside what can be measured (%2–%3 %4).</translation>
    </message>
    <message>
        <source>A low limit must be below every high limit.</source>
        <translation>A low limit must be below every high limit.</translation>
    </message>
    <message>
        <source>The orange upper limit must be below the red one.</source>
        <translation>The orange upper limit must be below the red one.</translation>
    </message>
    <message>
        <source>The orange lower limit must be above the red one.</source>
        <translation>The orange lower limit must be above the red one.</translation>
    </message>
</context>
<context>
    <name>nara::referrals::AddImagesDialog</name>
    <message>
        <source>Add images to the referral</source>
        <translation>Add images to the referral</translation>
    </message>
    <message>
        <source>The dermatologist asks for more information.</source>
        <translation>The dermatologist asks for more information.</translation>
    </message>
    <message>
        <source>The dermatologist asks: %1</source>
        <translation>The dermatologist asks: %1</translation>
    </message>
    <message>
        <source>Reply to the dermatologist</source>
        <translation>Reply to the dermatologist</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Your reply</translation>
    </message>
    <message>
        <source>&amp;Reply:</source>
        <translation>&amp;Reply:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>Send the images and the reply</source>
        <translation>Send the images and the reply</translation>
    </message>
    <message>
        <source>Send &amp;anyway</source>
        <translation>Send &amp;anyway</translation>
    </message>
    <message>
        <source>Send anyway, with the blurred images</source>
        <translation>Send anyway, with the blurred images</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The referral has %1 images already; no more can be added.</source>
        <translation>The referral has %1 images already; no more can be added.</translation>
    </message>
    <message>
        <source>The images were not sent: %1</source>
        <translation>The images were not sent: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
</context>
<context>
    <name>nara::referrals::BodyMapWidget</name>
    <message>
        <source>Body map</source>
        <translation>Body map</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>Front</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>R</source>
        <comment>the patient&apos;s right side</comment>
        <translation>R</translation>
    </message>
    <message>
        <source>L</source>
        <comment>the patient&apos;s left side</comment>
        <translation>L</translation>
    </message>
    <message>
        <source>Body site</source>
        <translation>Body site</translation>
    </message>
    <message>
        <source>Choose a body site…</source>
        <translation>Choose a body site…</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Chosen: %1</translation>
    </message>
    <message>
        <source>No body site chosen</source>
        <translation>No body site chosen</translation>
    </message>
</context>
<context>
    <name>nara::referrals::CameraCaptureDialog</name>
    <message>
        <source>Take a photo</source>
        <translation>Take a photo</translation>
    </message>
    <message>
        <source>Camera or dermatoscope</source>
        <translation>Camera or dermatoscope</translation>
    </message>
    <message>
        <source>The camera&apos;s picture</source>
        <translation>The camera&apos;s picture</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Take photo</source>
        <translation>&amp;Take photo</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <source>T&amp;ry again</source>
        <translation>T&amp;ry again</translation>
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
        <source>The camera gave no picture. Try again.</source>
        <translation>The camera gave no picture. Try again.</translation>
    </message>
    <message>
        <source>The camera reported a problem: %1. Check that it is connected and not used by another program, then try again.</source>
        <translation>The camera reported a problem: %1. Check that it is connected and not used by another program, then try again.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>No camera was found. Connect a camera or dermatoscope, or import the pictures from files.</source>
        <translation>No camera was found. Connect a camera or dermatoscope, or import the pictures from files.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Starting the camera…</translation>
    </message>
    <message>
        <source>The camera is ready.</source>
        <translation>The camera is ready.</translation>
    </message>
    <message numerus="yes">
        <source>The camera did not respond within %n second(s). Check that it is connected and not used by another program, then try again.</source>
        <translation>
            <numerusform>The camera did not respond within %n second. Check that it is connected and not used by another program, then try again.</numerusform>
            <numerusform>The camera did not respond within %n seconds. Check that it is connected and not used by another program, then try again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Taking the photo…</source>
        <translation>Taking the photo…</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ImageCompareView</name>
    <message>
        <source>Compare images</source>
        <translation>Compare images</translation>
    </message>
    <message>
        <source>This image</source>
        <translation>This image</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>Compared with</translation>
    </message>
    <message>
        <source>Earlier image to compare with</source>
        <translation>Earlier image to compare with</translation>
    </message>
    <message>
        <source>&amp;Lock zoom</source>
        <translation>&amp;Lock zoom</translation>
    </message>
    <message>
        <source>Lock zoom</source>
        <translation>Lock zoom</translation>
    </message>
    <message>
        <source>This image: %1</source>
        <translation>This image: %1</translation>
    </message>
    <message>
        <source>No earlier image to compare with.</source>
        <translation>No earlier image to compare with.</translation>
    </message>
    <message>
        <source>Compared with: %1</source>
        <translation>Compared with: %1</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralAnswerForm</name>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>What you see in the images, and your assessment</source>
        <translation>What you see in the images, and your assessment</translation>
    </message>
    <message>
        <source>Preliminary diagnosis</source>
        <translation>Preliminary diagnosis</translation>
    </message>
    <message>
        <source>Type a code or a word, e.g. C43 or melanom</source>
        <translation>Type a code or a word, e.g. C43 or melanom</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>Management</translation>
    </message>
    <message>
        <source>Months to follow-up</source>
        <translation>Months to follow-up</translation>
    </message>
    <message>
        <source> months</source>
        <translation> months</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Preliminary &amp;diagnosis</source>
        <translation>Preliminary &amp;diagnosis</translation>
    </message>
    <message>
        <source>a description</source>
        <translation>a description</translation>
    </message>
    <message>
        <source>a preliminary diagnosis from the list</source>
        <translation>a preliminary diagnosis from the list</translation>
    </message>
    <message>
        <source>the management</source>
        <translation>the management</translation>
    </message>
    <message>
        <source>the months to follow-up (%1–%2)</source>
        <translation>the months to follow-up (%1–%2)</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>Missing: %1</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralDraft</name>
    <message>
        <source>Choose the dermatology unit to send to.</source>
        <translation>Choose the dermatology unit to send to.</translation>
    </message>
    <message>
        <source>Write the clinical question.</source>
        <translation>Write the clinical question.</translation>
    </message>
    <message>
        <source>Choose the body site, on the map or in the list.</source>
        <translation>Choose the body site, on the map or in the list.</translation>
    </message>
    <message>
        <source>Add at least one image.</source>
        <translation>Add at least one image.</translation>
    </message>
    <message>
        <source>Mark at least one image as an overview.</source>
        <translation>Mark at least one image as an overview.</translation>
    </message>
    <message>
        <source>Mark at least one image as a close-up or dermoscopy.</source>
        <translation>Mark at least one image as a close-up or dermoscopy.</translation>
    </message>
    <message>
        <source>Wait until every image is processed.</source>
        <translation>Wait until every image is processed.</translation>
    </message>
    <message>
        <source>Write your reply to the dermatologist&apos;s question.</source>
        <translation>Write your reply to the dermatologist&apos;s question.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) look blurred: the dermatologist may not be able to judge them. Take them again, or send anyway.</source>
        <translation>
            <numerusform>%n image looks blurred: the dermatologist may not be able to judge it. Take it again, or send anyway.</numerusform>
            <numerusform>%n images look blurred: the dermatologist may not be able to judge them. Take them again, or send anyway.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralImageList</name>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>&amp;Import images…</source>
        <translation>&amp;Import images…</translation>
    </message>
    <message>
        <source>Import images from files</source>
        <translation>Import images from files</translation>
    </message>
    <message>
        <source>Take &amp;photo…</source>
        <translation>Take &amp;photo…</translation>
    </message>
    <message>
        <source>Take a photo with a camera or dermatoscope</source>
        <translation>Take a photo with a camera or dermatoscope</translation>
    </message>
    <message>
        <source>Refused images</source>
        <translation>Refused images</translation>
    </message>
    <message numerus="yes">
        <source>%1: not added, at most %n image(s) can be sent.</source>
        <translation>
            <numerusform>%1: not added, at most %n image can be sent.</numerusform>
            <numerusform>%1: not added, at most %n images can be sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Processing…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <source>%1: not a JPEG or PNG image.</source>
        <translation>%1: not a JPEG or PNG image.</translation>
    </message>
    <message>
        <source>%1: too large (at most %2 MB and %3 megapixels).</source>
        <translation>%1: too large (at most %2 MB and %3 megapixels).</translation>
    </message>
    <message>
        <source>%1: damaged or incomplete, it cannot be opened as an image.</source>
        <translation>%1: damaged or incomplete, it cannot be opened as an image.</translation>
    </message>
    <message>
        <source>%1: the file cannot be read.</source>
        <translation>%1: the file cannot be read.</translation>
    </message>
    <message>
        <source>%1: this image is added already.</source>
        <translation>%1: this image is added already.</translation>
    </message>
    <message>
        <source>Thumbnail of %1</source>
        <translation>Thumbnail of %1</translation>
    </message>
    <message>
        <source>Kind of image: %1</source>
        <translation>Kind of image: %1</translation>
    </message>
    <message>
        <source>⚠ Looks blurred</source>
        <translation>⚠ Looks blurred</translation>
    </message>
    <message>
        <source>The image looks blurred (sharpness %1; below %2 is flagged). Take it again if you can; it may still be sent.</source>
        <translation>The image looks blurred (sharpness %1; below %2 is flagged). Take it again if you can; it may still be sent.</translation>
    </message>
    <message numerus="yes">
        <source>Import JPEG or PNG pictures, drop them here or take a photo: %n image(s) at most, at least one overview and one close-up.</source>
        <translation>
            <numerusform>Import JPEG or PNG pictures, drop them here or take a photo: %n image at most, at least one overview and one close-up.</numerusform>
            <numerusform>Import JPEG or PNG pictures, drop them here or take a photo: %n images at most, at least one overview and one close-up.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n image(s).</source>
        <translation>
            <numerusform>%1 of %n image.</numerusform>
            <numerusform>%1 of %n images.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import images</source>
        <translation>Import images</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Images (*.jpg *.jpeg *.png);;All files (*)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralPane</name>
    <message>
        <source>Skin referral</source>
        <translation>Skin referral</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>Patient and sender</source>
        <translation>Patient and sender</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Compare</translation>
    </message>
    <message>
        <source>Compare with earlier images</source>
        <translation>Compare with earlier images</translation>
    </message>
    <message>
        <source>Side by side with an earlier image (C in the viewer)</source>
        <translation>Side by side with an earlier image (C in the viewer)</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Your answer</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>&amp;Send the answer</source>
        <translation>&amp;Send the answer</translation>
    </message>
    <message>
        <source>Request more &amp;information…</source>
        <translation>Request more &amp;information…</translation>
    </message>
    <message>
        <source>Add &amp;images…</source>
        <translation>Add &amp;images…</translation>
    </message>
    <message>
        <source>&amp;Patient informed</source>
        <translation>&amp;Patient informed</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>What is missing</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>No item selected</translation>
    </message>
    <message>
        <source>Skin referral: %1</source>
        <translation>Skin referral: %1</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient: %1</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Sent %1</translation>
    </message>
    <message>
        <source>Sent by %1, %2</source>
        <translation>Sent by %1, %2</translation>
    </message>
    <message>
        <source>The referral has not reached this workstation yet.</source>
        <translation>The referral has not reached this workstation yet.</translation>
    </message>
    <message>
        <source>The referral has no images.</source>
        <translation>The referral has no images.</translation>
    </message>
    <message>
        <source>the server sent no image</source>
        <translation>the server sent no image</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>The referral shown changed while the dialog was open: nothing was sent.</source>
        <translation>The referral shown changed while the dialog was open: nothing was sent.</translation>
    </message>
    <message>
        <source>Write what you need from the sender: nothing was sent.</source>
        <translation>Write what you need from the sender: nothing was sent.</translation>
    </message>
    <message>
        <source>The server refused the change.</source>
        <translation>The server refused the change.</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralSummary</name>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Requests for more information</source>
        <translation>Requests for more information</translation>
    </message>
    <message>
        <source>Earlier referrals of this site</source>
        <translation>Earlier referrals of this site</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Earlier referrals of this site:
%1</source>
        <translation>Earlier referrals of this site:
%1</translation>
    </message>
    <message>
        <source>The sender informed the patient %1.</source>
        <translation>The sender informed the patient %1.</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralTexts</name>
    <message>
        <source>not stated</source>
        <translation>not stated</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Urgent (cancer pathway)</source>
        <translation>Urgent (cancer pathway)</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Awaiting the dermatologist&apos;s answer</source>
        <translation>Awaiting the dermatologist&apos;s answer</translation>
    </message>
    <message>
        <source>More information requested from the sender</source>
        <translation>More information requested from the sender</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Answered – the patient has been informed</source>
        <translation>Answered – the patient has been informed</translation>
    </message>
    <message>
        <source>Answer due %1</source>
        <translation>Answer due %1</translation>
    </message>
    <message>
        <source>%1 – overdue</source>
        <translation>%1 – overdue</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Duration: %1</translation>
    </message>
    <message>
        <source>Changed recently: %1</source>
        <translation>Changed recently: %1</translation>
    </message>
    <message>
        <source>Itch or bleeding: %1</source>
        <translation>Itch or bleeding: %1</translation>
    </message>
    <message>
        <source>Earlier skin cancer: %1</source>
        <translation>Earlier skin cancer: %1</translation>
    </message>
    <message>
        <source>%1 · added %2</source>
        <translation>%1 · added %2</translation>
    </message>
    <message>
        <source>%1 · taken %2</source>
        <translation>%1 · taken %2</translation>
    </message>
    <message>
        <source>%1 · %2 · this referral</source>
        <translation>%1 · %2 · this referral</translation>
    </message>
    <message>
        <source>%1 · %2 · referral of %3</source>
        <translation>%1 · %2 · referral of %3</translation>
    </message>
    <message>
        <source>Question from the dermatologist (%1):
%2</source>
        <translation>Question from the dermatologist (%1):
%2</translation>
    </message>
    <message>
        <source>Question from %1 (%2):
%3</source>
        <translation>Question from %1 (%2):
%3</translation>
    </message>
    <message>
        <source>Reply from the sender (%1):
%2</source>
        <translation>Reply from the sender (%1):
%2</translation>
    </message>
    <message>
        <source>Reply from %1 (%2):
%3</source>
        <translation>Reply from %1 (%2):
%3</translation>
    </message>
    <message>
        <source>No reply yet.</source>
        <translation>No reply yet.</translation>
    </message>
    <message>
        <source>Answered %1</source>
        <translation>Answered %1</translation>
    </message>
    <message>
        <source>Answered by %1, %2</source>
        <translation>Answered by %1, %2</translation>
    </message>
    <message>
        <source>Preliminary diagnosis: %1 %2</source>
        <translation>Preliminary diagnosis: %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, in %n month(s)</source>
        <translation>
            <numerusform>%1, in %n month</numerusform>
            <numerusform>%1, in %n months</numerusform>
        </translation>
    </message>
    <message>
        <source>Management: %1</source>
        <translation>Management: %1</translation>
    </message>
    <message>
        <source>Referral of %1: %2</source>
        <translation>Referral of %1: %2</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralThumbnailStrip</name>
    <message>
        <source>Images of the referral</source>
        <translation>Images of the referral</translation>
    </message>
    <message>
        <source>%1 – the thumbnail could not be fetched</source>
        <translation>%1 – the thumbnail could not be fetched</translation>
    </message>
</context>
<context>
    <name>nara::referrals::RequestInfoDialog</name>
    <message>
        <source>Request more information</source>
        <translation>Request more information</translation>
    </message>
    <message>
        <source>What do you need from the sender (more images, details of the history)?</source>
        <translation>What do you need from the sender (more images, details of the history)?</translation>
    </message>
    <message>
        <source>Question to the sender</source>
        <translation>Question to the sender</translation>
    </message>
    <message>
        <source>Send the request</source>
        <translation>Send the request</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>nara::referrals::SendReferralDialog</name>
    <message>
        <source>New dermatology referral</source>
        <translation>New dermatology referral</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Dermatology unit</source>
        <translation>Dermatology unit</translation>
    </message>
    <message>
        <source>Choose a unit…</source>
        <translation>Choose a unit…</translation>
    </message>
    <message>
        <source>Clinical question</source>
        <translation>Clinical question</translation>
    </message>
    <message>
        <source>What would you like the dermatologist to answer?</source>
        <translation>What would you like the dermatologist to answer?</translation>
    </message>
    <message>
        <source>How long has it been there</source>
        <translation>How long has it been there</translation>
    </message>
    <message>
        <source>e.g. 6 months</source>
        <translation>e.g. 6 months</translation>
    </message>
    <message>
        <source>&amp;Changed recently</source>
        <translation>&amp;Changed recently</translation>
    </message>
    <message>
        <source>Itches or &amp;bleeds</source>
        <translation>Itches or &amp;bleeds</translation>
    </message>
    <message>
        <source>&amp;Earlier skin cancer</source>
        <translation>&amp;Earlier skin cancer</translation>
    </message>
    <message>
        <source>&amp;Routine</source>
        <translation>&amp;Routine</translation>
    </message>
    <message>
        <source>Suspected melanoma or skin cancer – &amp;urgent (SVF)</source>
        <translation>Suspected melanoma or skin cancer – &amp;urgent (SVF)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Send referral</source>
        <translation>&amp;Send referral</translation>
    </message>
    <message>
        <source>Send the referral</source>
        <translation>Send the referral</translation>
    </message>
    <message>
        <source>Send &amp;anyway</source>
        <translation>Send &amp;anyway</translation>
    </message>
    <message>
        <source>Send anyway, with the blurred images</source>
        <translation>Send anyway, with the blurred images</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Patient:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Question:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Duration:</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>History:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Priority:</translation>
    </message>
    <message>
        <source>Body site</source>
        <translation>Body site</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>The referral was not sent: %1</source>
        <translation>The referral was not sent: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
</context>
<context>
    <name>nara::referrals::SkinImageCanvas</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Zoom with + and -, 0 fits the image, 1 shows it 1:1, the arrow keys pan, C compares side by side.</source>
        <translation>Zoom with + and -, 0 fits the image, 1 shows it 1:1, the arrow keys pan, C compares side by side.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>nara::referrals::SkinImageViewer</name>
    <message>
        <source>Image viewer</source>
        <translation>Image viewer</translation>
    </message>
    <message>
        <source>Image status</source>
        <translation>Image status</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <source>Fetch the image again</source>
        <translation>Fetch the image again</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Zoom out (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Show the whole image (0)</source>
        <translation>Show the whole image (0)</translation>
    </message>
    <message>
        <source>Actual size (1)</source>
        <translation>Actual size (1)</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>Zoom level</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Brightness</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Contrast</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Reset brightness and contrast</source>
        <translation>Reset brightness and contrast</translation>
    </message>
    <message>
        <source>Fetching the image…</source>
        <translation>Fetching the image…</translation>
    </message>
    <message>
        <source>The image could not be fetched – %1</source>
        <translation>The image could not be fetched – %1</translation>
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
    <name>nara::workstation::FormsHost</name>
    <message>
        <source>Close with note</source>
        <translation>Close with note</translation>
    </message>
    <message>
        <source>What was done about the answer? The note is kept with the item.</source>
        <translation>What was done about the answer? The note is kept with the item.</translation>
    </message>
    <message>
        <source>Another item was opened meanwhile: nothing was closed.</source>
        <translation>Another item was opened meanwhile: nothing was closed.</translation>
    </message>
    <message>
        <source>The form is closed.</source>
        <translation>The form is closed.</translation>
    </message>
    <message>
        <source>There is no GP in the form&apos;s care unit to escalate to.</source>
        <translation>There is no GP in the form&apos;s care unit to escalate to.</translation>
    </message>
    <message>
        <source>Nothing was escalated: choose a GP for the item shown.</source>
        <translation>Nothing was escalated: choose a GP for the item shown.</translation>
    </message>
    <message>
        <source>Escalated to %1.</source>
        <translation>Escalated to %1.</translation>
    </message>
    <message>
        <source>The escalation was refused: %1</source>
        <translation>The escalation was refused: %1</translation>
    </message>
    <message>
        <source>The form is sent.</source>
        <translation>The form is sent.</translation>
    </message>
    <message>
        <source>Sending: the escalation to %1…</source>
        <translation>Sending: the escalation to %1…</translation>
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
    <name>nara::workstation::ItemCommands</name>
    <message>
        <source>The chat was not started: %1</source>
        <translation>The chat was not started: %1</translation>
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
    <message>
        <source>Send a &amp;form…</source>
        <translation>Send a &amp;form…</translation>
    </message>
    <message>
        <source>&amp;Monitoring plan…</source>
        <translation>&amp;Monitoring plan…</translation>
    </message>
    <message>
        <source>New chat with %1</source>
        <translation>New chat with %1</translation>
    </message>
    <message>
        <source>There is no open chat with %1. Your first message to the patient (they read and answer it in the portal):</source>
        <translation>There is no open chat with %1. Your first message to the patient (they read and answer it in the portal):</translation>
    </message>
    <message>
        <source>Contact from the care centre</source>
        <translation>Contact from the care centre</translation>
    </message>
    <message>
        <source>The chat with %1 is being started…</source>
        <translation>The chat with %1 is being started…</translation>
    </message>
    <message>
        <source>Dermatology &amp;referral…</source>
        <translation>Dermatology &amp;referral…</translation>
    </message>
</context>
<context>
    <name>nara::workstation::MonitoringHost</name>
    <message>
        <source>The alert is marked as handled.</source>
        <translation>The alert is marked as handled.</translation>
    </message>
    <message>
        <source>The alert is escalated to %1.</source>
        <translation>The alert is escalated to %1.</translation>
    </message>
    <message>
        <source>The monitoring plan is saved.</source>
        <translation>The monitoring plan is saved.</translation>
    </message>
    <message>
        <source>The monitoring is ended.</source>
        <translation>The monitoring is ended.</translation>
    </message>
    <message>
        <source>Sending: the alert is marked as handled…</source>
        <translation>Sending: the alert is marked as handled…</translation>
    </message>
    <message>
        <source>Sending: the alert is escalated to %1…</source>
        <translation>Sending: the alert is escalated to %1…</translation>
    </message>
    <message>
        <source>Sending: the monitoring plan is saved…</source>
        <translation>Sending: the monitoring plan is saved…</translation>
    </message>
    <message>
        <source>Sending: the monitoring is ended…</source>
        <translation>Sending: the monitoring is ended…</translation>
    </message>
    <message>
        <source>The alert was not marked as handled</source>
        <translation>The alert was not marked as handled</translation>
    </message>
    <message>
        <source>The alert was not escalated to %1</source>
        <translation>The alert was not escalated to %1</translation>
    </message>
    <message>
        <source>The monitoring plan was not saved</source>
        <translation>The monitoring plan was not saved</translation>
    </message>
    <message>
        <source>The monitoring was not ended</source>
        <translation>The monitoring was not ended</translation>
    </message>
    <message>
        <source>a colleague has changed the plan meanwhile – open it again</source>
        <translation>a colleague has changed the plan meanwhile – open it again</translation>
    </message>
    <message>
        <source>a colleague is handling the item</source>
        <translation>a colleague is handling the item</translation>
    </message>
    <message>
        <source>%1 is handling the item</source>
        <translation>%1 is handling the item</translation>
    </message>
    <message>
        <source>the item was changed or closed meanwhile</source>
        <translation>the item was changed or closed meanwhile</translation>
    </message>
    <message>
        <source>%1 is no longer a GP of the alert&apos;s care unit</source>
        <translation>%1 is no longer a GP of the alert&apos;s care unit</translation>
    </message>
    <message>
        <source>the patient is no longer in your care units</source>
        <translation>the patient is no longer in your care units</translation>
    </message>
    <message>
        <source>the alert is no longer in your care units</source>
        <translation>the alert is no longer in your care units</translation>
    </message>
    <message>
        <source>you may not do this</source>
        <translation>you may not do this</translation>
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
    <name>nara::workstation::ReferralImageLoader</name>
    <message>
        <source>the workstation is not connected to a server.</source>
        <translation>the workstation is not connected to a server.</translation>
    </message>
    <message>
        <source>the server cannot be reached.</source>
        <translation>the server cannot be reached.</translation>
    </message>
    <message>
        <source>the image is not there or not yours to see.</source>
        <translation>the image is not there or not yours to see.</translation>
    </message>
    <message>
        <source>the server answered %1.</source>
        <translation>the server answered %1.</translation>
    </message>
    <message>
        <source>the image arrived damaged.</source>
        <translation>the image arrived damaged.</translation>
    </message>
</context>
<context>
    <name>nara::workstation::ReferralsHost</name>
    <message>
        <source>Open an item of the patient first: the referral is about the patient shown.</source>
        <translation>Open an item of the patient first: the referral is about the patient shown.</translation>
    </message>
    <message>
        <source>the referral</source>
        <translation>the referral</translation>
    </message>
    <message numerus="yes">
        <source>Sending the referral with %n image(s)…</source>
        <translation>
            <numerusform>Sending the referral with %n image…</numerusform>
            <numerusform>Sending the referral with %n images…</numerusform>
        </translation>
    </message>
    <message>
        <source>the images</source>
        <translation>the images</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n image(s) and the reply to the dermatologist…</source>
        <translation>
            <numerusform>Sending %n image and the reply to the dermatologist…</numerusform>
            <numerusform>Sending %n images and the reply to the dermatologist…</numerusform>
        </translation>
    </message>
    <message>
        <source>Uploading %1: image %2 of %3 is sent.</source>
        <translation>Uploading %1: image %2 of %3 is sent.</translation>
    </message>
    <message>
        <source>Sent: %1.</source>
        <translation>Sent: %1.</translation>
    </message>
    <message>
        <source>the referral was changed meanwhile (answered, asked about or closed by someone else) – look at it again</source>
        <translation>the referral was changed meanwhile (answered, asked about or closed by someone else) – look at it again</translation>
    </message>
    <message>
        <source>the referral or one of its images is not on the server, or not yours to change</source>
        <translation>the referral or one of its images is not on the server, or not yours to change</translation>
    </message>
    <message>
        <source>the image is larger than the server takes (20 MB)</source>
        <translation>the image is larger than the server takes (20 MB)</translation>
    </message>
    <message>
        <source>the server found something wrong in it (%1)</source>
        <translation>the server found something wrong in it (%1)</translation>
    </message>
    <message>
        <source>your role may not do this</source>
        <translation>your role may not do this</translation>
    </message>
    <message>
        <source>Image %1 of %2 was refused by the server: %3</source>
        <translation>Image %1 of %2 was refused by the server: %3</translation>
    </message>
    <message>
        <source>The server did not accept %1: %2</source>
        <translation>The server did not accept %1: %2</translation>
    </message>
    <message>
        <source>An image of %1 was missing on the server: sending the images again.</source>
        <translation>An image of %1 was missing on the server: sending the images again.</translation>
    </message>
    <message>
        <source>The server did not accept the referral: %1. Nothing is lost: Hudremiss (Shift+R) on the patient opens it again.</source>
        <translation>The server did not accept the referral: %1. Nothing is lost: Hudremiss (Shift+R) on the patient opens it again.</translation>
    </message>
    <message>
        <source>The server did not accept the images: %1. Nothing is lost: Add images on the referral opens them again.</source>
        <translation>The server did not accept the images: %1. Nothing is lost: Add images on the referral opens them again.</translation>
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
