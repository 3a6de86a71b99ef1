<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en_US">
<context>
    <name>nara::call::CallSidePanel</name>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Chat in the call</source>
        <translation>Chatt i samtalet</translation>
    </message>
    <message>
        <source>Write in the chat</source>
        <translation>Skriv i chatten</translation>
    </message>
    <message>
        <source>Write to everyone in the call</source>
        <translation>Skriv till alla i samtalet</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <source>Send chat message</source>
        <translation>Skicka chattmeddelande</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>&amp;Deltagare</translation>
    </message>
    <message>
        <source>C&amp;hat</source>
        <translation>C&amp;hatt</translation>
    </message>
</context>
<context>
    <name>nara::call::CallWindow</name>
    <message>
        <source>Video visit</source>
        <translation>Videobesök</translation>
    </message>
    <message>
        <source>The camera could not be started.</source>
        <translation>Kameran kunde inte startas.</translation>
    </message>
    <message>
        <source>The microphone could not be started.</source>
        <translation>Mikrofonen kunde inte startas.</translation>
    </message>
    <message>
        <source>Video from the call</source>
        <translation>Video från samtalet</translation>
    </message>
    <message>
        <source>Call status</source>
        <translation>Samtalets status</translation>
    </message>
    <message>
        <source>Mute the microphone</source>
        <translation>Stäng av mikrofonen</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Turn the camera off</source>
        <translation>Stäng av kameran</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Choose camera</source>
        <translation>Välj kamera</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Choose microphone</source>
        <translation>Välj mikrofon</translation>
    </message>
    <message>
        <source>Let the patient in</source>
        <translation>Släpp in patienten</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Lägg på</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>Hang up (%1)</source>
        <translation>Lägg på (%1)</translation>
    </message>
    <message>
        <source>Camera and microphone are blocked – the others can neither see nor hear you.</source>
        <translation>Kamera och mikrofon är blockerade – de andra kan varken se eller höra dig.</translation>
    </message>
    <message>
        <source>No microphone found – the others cannot hear you.</source>
        <translation>Ingen mikrofon hittades – de andra hör dig inte.</translation>
    </message>
    <message>
        <source>The camera is blocked – the call is audio only.</source>
        <translation>Kameran är blockerad – samtalet sker med ljud.</translation>
    </message>
    <message>
        <source>No camera found – the call is audio only.</source>
        <translation>Ingen kamera hittades – samtalet sker med ljud.</translation>
    </message>
    <message>
        <source>You cannot join this visit (it has ended or is unknown).</source>
        <translation>Du kan inte delta i det här besöket (det är avslutat eller okänt).</translation>
    </message>
    <message>
        <source>The server rejected a message: %1</source>
        <translation>Servern avvisade ett meddelande: %1</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Kamera %1</translation>
    </message>
    <message>
        <source>Microphone %1</source>
        <translation>Mikrofon %1</translation>
    </message>
    <message>
        <source>The visit has ended.</source>
        <translation>Besöket är avslutat.</translation>
    </message>
    <message>
        <source>You have left the call.</source>
        <translation>Du har lämnat samtalet.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <source>Connection lost – reconnecting…</source>
        <translation>Anslutningen bröts – återansluter…</translation>
    </message>
    <message>
        <source>The patient is waiting in the waiting room</source>
        <translation>Patienten väntar i väntrummet</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Ansluten</translation>
    </message>
    <message>
        <source>Connecting to the others…</source>
        <translation>Ansluter till de andra…</translation>
    </message>
    <message>
        <source>Waiting for the other participants…</source>
        <translation>Väntar på de andra deltagarna…</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (du)</translation>
    </message>
    <message>
        <source>in the waiting room</source>
        <translation>i väntrummet</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>ansluten</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>avbrott</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>ingen förbindelse</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>ansluter</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Okänd</translation>
    </message>
    <message>
        <source>Unmute the microphone</source>
        <translation>Slå på mikrofonen</translation>
    </message>
    <message>
        <source>Turn the camera on</source>
        <translation>Slå på kameran</translation>
    </message>
    <message>
        <source>The patient could not be let in: %1</source>
        <translation>Patienten kunde inte släppas in: %1</translation>
    </message>
    <message>
        <source>Not sent – no connection right now.</source>
        <translation>Inte skickat – ingen anslutning just nu.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Du</translation>
    </message>
</context>
<context>
    <name>nara::forms::FormAnswers</name>
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
    <name>nara::forms::FormRequests</name>
    <message>
        <source>The form was sent by the first attempt, but the answer with the link was lost on the way. The patient got an SMS if a mobile number is registered; otherwise invite them to the portal from the inbox.</source>
        <translation>Formuläret skickades vid första försöket, men svaret med länken försvann på vägen. Patienten har fått ett sms om ett mobilnummer är registrerat; annars bjuder du in patienten till portalen från inkorgen.</translation>
    </message>
    <message>
        <source>The server cannot be reached: sending a form needs a connection. Nothing you entered is lost; send again when the connection is back.</source>
        <translation>Servern går inte att nå: att skicka ett formulär kräver anslutning. Inget du har fyllt i går förlorat; skicka igen när anslutningen är tillbaka.</translation>
    </message>
    <message>
        <source>The form was not sent: %1</source>
        <translation>Formuläret skickades inte: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer held no form request or no link.</source>
        <translation>Serverns svar innehöll ingen formulärbegäran eller ingen länk.</translation>
    </message>
</context>
<context>
    <name>nara::forms::FormResponsePane</name>
    <message>
        <source>Form answer</source>
        <translation>Formulärsvar</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Formulär</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Utskick</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Fråga</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <source>&amp;Close with note…</source>
        <translation>&amp;Avsluta med anteckning…</translation>
    </message>
    <message>
        <source>Escalate to a &amp;doctor…</source>
        <translation>Eskalera till &amp;läkare…</translation>
    </message>
    <message>
        <source>Contact the &amp;patient</source>
        <translation>Kontakta &amp;patienten</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>Inget ärende valt</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Skickat %1</translation>
    </message>
    <message>
        <source>Sent by %1 on %2</source>
        <translation>Skickat av %1 den %2</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>förfaller %1</translation>
    </message>
    <message>
        <source>occasion %1 of %2</source>
        <translation>tillfälle %1 av %2</translation>
    </message>
    <message>
        <source>Answered %1</source>
        <translation>Besvarat %1</translation>
    </message>
    <message>
        <source>Not answered – was due %1</source>
        <translation>Ej besvarat – förföll %1</translation>
    </message>
    <message>
        <source>Not answered yet – due %1</source>
        <translation>Ännu inte besvarat – förfaller %1</translation>
    </message>
    <message>
        <source>Cancelled before it was answered</source>
        <translation>Återkallat innan det besvarades</translation>
    </message>
    <message>
        <source>Answered %1; the answer has not reached this workstation yet.</source>
        <translation>Besvarat %1; svaret har ännu inte kommit till den här arbetsstationen.</translation>
    </message>
    <message>
        <source>The form has not reached this workstation yet.</source>
        <translation>Formuläret har ännu inte kommit till den här arbetsstationen.</translation>
    </message>
    <message>
        <source>This answer is to a questionnaire this version of Nära does not know (%1). Update Nära to read it.</source>
        <translation>Svaret gäller ett formulär som den här versionen av Nära inte känner till (%1). Uppdatera Nära för att kunna läsa det.</translation>
    </message>
    <message>
        <source>This answer does not match the questionnaire %1 and cannot be shown. Nothing of it is displayed, so that no answer is read wrongly. Details: %2</source>
        <translation>Svaret stämmer inte med formuläret %1 och kan inte visas. Inget av det visas, så att inget svar läses fel. Detaljer: %2</translation>
    </message>
    <message>
        <source>(wording not verified)</source>
        <translation>(formuleringen ej verifierad)</translation>
    </message>
    <message>
        <source>This wording awaits verification against the official translation.</source>
        <translation>Formuleringen väntar på att kontrolleras mot den officiella översättningen.</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>ej besvarad</translation>
    </message>
    <message>
        <source>%1 of %2 points</source>
        <translation>%1 av %2 poäng</translation>
    </message>
    <message>
        <source>PSFS mean %1</source>
        <translation>PSFS-medelvärde %1</translation>
    </message>
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
        <source>Priority: %1</source>
        <translation>Prioritet: %1</translation>
    </message>
    <message>
        <source>The first answer to this questionnaire.</source>
        <translation>Det första svaret på det här formuläret.</translation>
    </message>
    <message numerus="yes">
        <source>Improved by %n point(s) since %1</source>
        <translation>
            <numerusform>Förbättrad med %n poäng sedan %1</numerusform>
            <numerusform>Förbättrad med %n poäng sedan %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Worse by %n point(s) since %1</source>
        <translation>
            <numerusform>Försämrad med %n poäng sedan %1</numerusform>
            <numerusform>Försämrad med %n poäng sedan %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Unchanged since %1</source>
        <translation>Oförändrad sedan %1</translation>
    </message>
    <message>
        <source>No clinically relevant change since %1 (%2 points)</source>
        <translation>Ingen kliniskt relevant förändring sedan %1 (%2 poäng)</translation>
    </message>
</context>
<context>
    <name>nara::forms::FormTrendChart</name>
    <message>
        <source>Score over time</source>
        <translation>Poäng över tid</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalpoäng</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This answer</source>
        <translation>Det här svaret</translation>
    </message>
    <message>
        <source>Totals, oldest first: %1. The last one is this answer.</source>
        <translation>Totalpoäng, äldst först: %1. Den sista är det här svaret.</translation>
    </message>
    <message>
        <source>Totals, oldest first: %1.</source>
        <translation>Totalpoäng, äldst först: %1.</translation>
    </message>
</context>
<context>
    <name>nara::forms::SendFormDialog</name>
    <message>
        <source>Send a form</source>
        <translation>Skicka formulär</translation>
    </message>
    <message>
        <source>Search patient</source>
        <translation>Sök patient</translation>
    </message>
    <message>
        <source>Name or personnummer</source>
        <translation>Namn eller personnummer</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Formulär</translation>
    </message>
    <message>
        <source>&amp;Once</source>
        <translation>&amp;En gång</translation>
    </message>
    <message>
        <source>&amp;Every</source>
        <translation>&amp;Upprepat, med</translation>
    </message>
    <message>
        <source>Every how many days</source>
        <translation>Antal dagar mellan utskicken</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagars mellanrum</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Till och med</translation>
    </message>
    <message>
        <source>until</source>
        <translation>till och med</translation>
    </message>
    <message>
        <source>Due in days</source>
        <translation>Dagar att svara</translation>
    </message>
    <message>
        <source> days after it is sent</source>
        <translation> dagar efter utskick</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The patient&apos;s link to the form</source>
        <translation>Patientens länk till formuläret</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Kopiera länken</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Kopiera länken</translation>
    </message>
    <message>
        <source>The link is copied.</source>
        <translation>Länken är kopierad.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Skicka</translation>
    </message>
    <message>
        <source>Send the form</source>
        <translation>Skicka formuläret</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient:</translation>
    </message>
    <message>
        <source>&amp;Questionnaire:</source>
        <translation>&amp;Formulär:</translation>
    </message>
    <message>
        <source>How often:</source>
        <translation>Hur ofta:</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>Sista svars&amp;dag:</translation>
    </message>
    <message>
        <source>The end date is before the start: the first form goes out today, %1.</source>
        <translation>Slutdatumet ligger före starten: det första formuläret skickas i dag, %1.</translation>
    </message>
    <message>
        <source>A schedule can run for at most a year.</source>
        <translation>Ett schema kan löpa i högst ett år.</translation>
    </message>
    <message>
        <source>That makes %1 forms; at most %2 can be planned at once. Choose a longer interval or an earlier end date.</source>
        <translation>Det blir %1 formulär; högst %2 kan planeras på en gång. Välj ett längre intervall eller ett tidigare slutdatum.</translation>
    </message>
    <message>
        <source>Choose the patient.</source>
        <translation>Välj patient.</translation>
    </message>
    <message>
        <source>Choose the questionnaire.</source>
        <translation>Välj formulär.</translation>
    </message>
    <message>
        <source>One form, sent now and due %1.</source>
        <translation>Ett formulär, skickas nu och förfaller %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n form(s): the first now, then every %1 days until %2; each is due %3 days after it opens.</source>
        <translation>
            <numerusform>%n formulär: det första nu, sedan med %1 dagars mellanrum till och med %2; vart och ett förfaller %3 dagar efter att det öppnats.</numerusform>
            <numerusform>%n formulär: det första nu, sedan med %1 dagars mellanrum till och med %2; vart och ett förfaller %3 dagar efter att det öppnats.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending a form needs a connection to the server. Nothing you entered is lost.</source>
        <translation>Att skicka ett formulär kräver anslutning till servern. Inget du har fyllt i går förlorat.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Skickar…</translation>
    </message>
    <message numerus="yes">
        <source>The form is sent (%n form(s)). The patient&apos;s link works until %1.</source>
        <translation>
            <numerusform>Formuläret är skickat (%n formulär). Patientens länk fungerar till %1.</numerusform>
            <numerusform>Formuläret är skickat (%n formulär). Patientens länk fungerar till %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>An SMS with the link went to the patient&apos;s registered mobile number.</source>
        <translation>Ett sms med länken har skickats till patientens registrerade mobilnummer.</translation>
    </message>
    <message>
        <source>No SMS went out (no mobile number is registered): give the patient the link.</source>
        <translation>Inget sms skickades (inget mobilnummer är registrerat): ge patienten länken.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>nara::monitoring::AlertPane</name>
    <message>
        <source>Monitoring alert</source>
        <translation>Larm från egenmonitorering</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Larm</translation>
    </message>
    <message>
        <source>&amp;Handled…</source>
        <translation>&amp;Hanterad…</translation>
    </message>
    <message>
        <source>Escalate to a &amp;doctor…</source>
        <translation>Eskalera till &amp;läkare…</translation>
    </message>
    <message>
        <source>Contact the &amp;patient</source>
        <translation>Kontakta &amp;patienten</translation>
    </message>
    <message>
        <source>&amp;Monitoring plan…</source>
        <translation>Ö&amp;vervakningsplan…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latest measurements</source>
        <translation>Senaste mätningarna</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Mätning</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Källa</translation>
    </message>
    <message>
        <source>Last %1 days</source>
        <translation>Senaste %1 dagarna</translation>
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
        <translation>Personal</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Röd</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Value beyond a limit</source>
        <translation>Värde utanför gräns</translation>
    </message>
    <message>
        <source>Measurement overdue</source>
        <translation>Utebliven mätning</translation>
    </message>
    <message>
        <source>The patient&apos;s remark</source>
        <translation>Patientens kommentar</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>Inget ärende valt</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient: %1</translation>
    </message>
    <message>
        <source>This alert concerns no measurement type: no history to show.</source>
        <translation>Larmet gäller ingen mättyp: ingen historik att visa.</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>Allvarlighetsgrad: %1</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Larm</translation>
    </message>
    <message>
        <source>The item shown changed while the dialog was open: nothing was done.</source>
        <translation>Det visade ärendet ändrades medan dialogen var öppen: inget gjordes.</translation>
    </message>
    <message>
        <source>The alert was closed meanwhile: nothing was done.</source>
        <translation>Larmet avslutades under tiden: inget gjordes.</translation>
    </message>
    <message>
        <source>Say what was done in a note: the alert is not marked as handled without one.</source>
        <translation>Skriv i en anteckning vad som gjordes: utan anteckning markeras larmet inte som hanterat.</translation>
    </message>
    <message>
        <source>There is no GP in the alert&apos;s care unit to escalate to.</source>
        <translation>Det finns ingen distriktsläkare på larmets vårdenhet att eskalera till.</translation>
    </message>
    <message>
        <source>Choose a GP of the alert&apos;s care unit: nothing was sent.</source>
        <translation>Välj en distriktsläkare på larmets vårdenhet: inget skickades.</translation>
    </message>
    <message>
        <source>Sending: the alert is marked as handled…</source>
        <translation>Skickas: larmet markeras som hanterat…</translation>
    </message>
    <message>
        <source>Sending: the alert is escalated to %1…</source>
        <translation>Skickas: larmet eskaleras till %1…</translation>
    </message>
</context>
<context>
    <name>nara::monitoring::EscalateDialog</name>
    <message>
        <source>Escalate to a doctor</source>
        <translation>Eskalera till läkare</translation>
    </message>
    <message>
        <source>GP of the care unit:</source>
        <translation>Distriktsläkare på vårdenheten:</translation>
    </message>
    <message>
        <source>GPs of the care unit</source>
        <translation>Vårdenhetens distriktsläkare</translation>
    </message>
    <message>
        <source>Note for the doctor (optional):</source>
        <translation>Anteckning till läkaren (valfri):</translation>
    </message>
    <message>
        <source>Note for the doctor</source>
        <translation>Anteckning till läkaren</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>Eskalera</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>nara::monitoring::MeasurementHistoryChart</name>
    <message>
        <source>Red %1</source>
        <translation>Röd %1</translation>
    </message>
    <message>
        <source>Orange %1</source>
        <translation>Orange %1</translation>
    </message>
    <message>
        <source>The alert&apos;s measurement</source>
        <translation>Larmets mätning</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Historik för %1</translation>
    </message>
    <message>
        <source>%1: no measurements in the last %2 days.</source>
        <translation>%1: inga mätningar de senaste %2 dagarna.</translation>
    </message>
</context>
<context>
    <name>nara::monitoring::PlanEditorDialog</name>
    <message>
        <source>Monitoring plan</source>
        <translation>Övervakningsplan</translation>
    </message>
    <message>
        <source>Monitoring plan – %1</source>
        <translation>Övervakningsplan – %1</translation>
    </message>
    <message>
        <source>End monitoring</source>
        <translation>Avsluta övervakning</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>No monitoring plan yet. Suggested: blood pressure once a day.</source>
        <translation>Ingen övervakningsplan ännu. Förslag: blodtryck en gång om dygnet.</translation>
    </message>
    <message>
        <source>The stored plan cannot be read by this version of Nära; saving replaces it.</source>
        <translation>Den sparade planen kan inte läsas av den här versionen av Nära; om du sparar ersätts den.</translation>
    </message>
    <message>
        <source>Monitoring has ended. Saving a plan starts it again.</source>
        <translation>Övervakningen är avslutad. Om du sparar en plan startar den igen.</translation>
    </message>
    <message>
        <source>Plan last changed %1.</source>
        <translation>Planen ändrades senast %1.</translation>
    </message>
    <message>
        <source>Start of monitoring</source>
        <translation>Övervakningens start</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>&amp;End monitoring…</source>
        <translation>Avsluta ö&amp;vervakning…</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Mätningar</translation>
    </message>
    <message>
        <source>Interval of %1</source>
        <translation>Intervall för %1</translation>
    </message>
    <message>
        <source>every </source>
        <translation>intervall </translation>
    </message>
    <message>
        <source>Unit of the interval of %1</source>
        <translation>Enhet för intervallet för %1</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>timmar</translation>
    </message>
    <message>
        <source>days</source>
        <translation>dygn</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Gränsvärden</translation>
    </message>
    <message>
        <source>A value at or beyond a red limit raises a red alert, beyond an orange limit an orange one. The patient&apos;s own limits replace the default of that measure.</source>
        <translation>Ett värde vid eller bortom en röd gräns ger ett rött larm, bortom en orange gräns ett orange larm. Patientens egna gränser ersätter standardgränserna för det måttet.</translation>
    </message>
    <message>
        <source>Some limits are not numbers: see the marked fields.</source>
        <translation>Några gränser är inte tal: se de markerade fälten.</translation>
    </message>
    <message>
        <source>Choose at least one measurement.</source>
        <translation>Välj minst en mätning.</translation>
    </message>
    <message>
        <source>The interval must be 1 hour – %1 days.</source>
        <translation>Intervallet måste vara 1 timme – %1 dygn.</translation>
    </message>
    <message>
        <source>The plan is not saved: see the marked fields.</source>
        <translation>Planen är inte sparad: se de markerade fälten.</translation>
    </message>
    <message>
        <source>The plan is not saved: %1</source>
        <translation>Planen är inte sparad: %1</translation>
    </message>
    <message>
        <source>End the monitoring? The patient&apos;s measurements are then no longer expected and missing ones raise no alerts.</source>
        <translation>Avsluta övervakningen? Patientens mätningar väntas då inte längre och uteblivna mätningar ger inga larm.</translation>
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
        <translation>Larmet hanterat</translation>
    </message>
    <message>
        <source>What was done (required, kept with the alert):</source>
        <translation>Vad som gjordes (krävs, sparas med larmet):</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Mark as handled</source>
        <translation>Markera som hanterat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>nara::monitoring::QuantityThresholdsEditor</name>
    <message>
        <source>Red lower limit</source>
        <translation>Röd nedre gräns</translation>
    </message>
    <message>
        <source>Red upper limit</source>
        <translation>Röd övre gräns</translation>
    </message>
    <message>
        <source>Orange lower limit</source>
        <translation>Orange nedre gräns</translation>
    </message>
    <message>
        <source>Orange upper limit</source>
        <translation>Orange övre gräns</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Nedre</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Övre</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Röd</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>Use the default</source>
        <translation>Använd standard</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>”%1” är inte ett tal.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> eller </translation>
    </message>
    <message>
        <source>red %1</source>
        <translation>röd %1</translation>
    </message>
    <message>
        <source>orange %1</source>
        <translation>orange %1</translation>
    </message>
    <message>
        <source>no limits</source>
        <translation>inga gränser</translation>
    </message>
    <message>
        <source>%1 is outside what can be measured (%2–%3 %4).</source>
        <translation>%1 ligger utanför vad som kan mätas (%2–%3 %4).</translation>
    </message>
    <message>
        <source>A low limit must be below every high limit.</source>
        <translation>En nedre gräns måste ligga under varje övre gräns.</translation>
    </message>
    <message>
        <source>The orange upper limit must be below the red one.</source>
        <translation>Den orange övre gränsen måste ligga under den röda.</translation>
    </message>
    <message>
        <source>The orange lower limit must be above the red one.</source>
        <translation>Den orange nedre gränsen måste ligga över den röda.</translation>
    </message>
</context>
<context>
    <name>nara::referrals::AddImagesDialog</name>
    <message>
        <source>Add images to the referral</source>
        <translation>Komplettera remissen med bilder</translation>
    </message>
    <message>
        <source>The dermatologist asks for more information.</source>
        <translation>Hudläkaren ber om mer information.</translation>
    </message>
    <message>
        <source>The dermatologist asks: %1</source>
        <translation>Hudläkaren frågar: %1</translation>
    </message>
    <message>
        <source>Reply to the dermatologist</source>
        <translation>Svar till hudläkaren</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Ditt svar</translation>
    </message>
    <message>
        <source>&amp;Reply:</source>
        <translation>&amp;Svar:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>S&amp;kicka</translation>
    </message>
    <message>
        <source>Send the images and the reply</source>
        <translation>Skicka bilderna och svaret</translation>
    </message>
    <message>
        <source>Send &amp;anyway</source>
        <translation>Skicka &amp;ändå</translation>
    </message>
    <message>
        <source>Send anyway, with the blurred images</source>
        <translation>Skicka ändå, med de suddiga bilderna</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>The referral has %1 images already; no more can be added.</source>
        <translation>Remissen har redan %1 bilder; fler kan inte läggas till.</translation>
    </message>
    <message>
        <source>The images were not sent: %1</source>
        <translation>Bilderna skickades inte: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Skickar…</translation>
    </message>
</context>
<context>
    <name>nara::referrals::BodyMapWidget</name>
    <message>
        <source>Body map</source>
        <translation>Kroppskarta</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>Framsida</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Baksida</translation>
    </message>
    <message>
        <source>R</source>
        <comment>the patient&apos;s right side</comment>
        <translation>H</translation>
    </message>
    <message>
        <source>L</source>
        <comment>the patient&apos;s left side</comment>
        <translation>V</translation>
    </message>
    <message>
        <source>Body site</source>
        <translation>Lokalisation</translation>
    </message>
    <message>
        <source>Choose a body site…</source>
        <translation>Välj lokalisation…</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Vald: %1</translation>
    </message>
    <message>
        <source>No body site chosen</source>
        <translation>Ingen lokalisation vald</translation>
    </message>
</context>
<context>
    <name>nara::referrals::CameraCaptureDialog</name>
    <message>
        <source>Take a photo</source>
        <translation>Ta foto</translation>
    </message>
    <message>
        <source>Camera or dermatoscope</source>
        <translation>Kamera eller dermatoskop</translation>
    </message>
    <message>
        <source>The camera&apos;s picture</source>
        <translation>Kamerans bild</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Take photo</source>
        <translation>&amp;Ta foto</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Ta foto</translation>
    </message>
    <message>
        <source>T&amp;ry again</source>
        <translation>Försök &amp;igen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Camera:</source>
        <translation>&amp;Kamera:</translation>
    </message>
    <message>
        <source>The camera gave no picture. Try again.</source>
        <translation>Kameran gav ingen bild. Försök igen.</translation>
    </message>
    <message>
        <source>The camera reported a problem: %1. Check that it is connected and not used by another program, then try again.</source>
        <translation>Kameran rapporterade ett fel: %1. Kontrollera att den är ansluten och inte används av ett annat program och försök sedan igen.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>okänt</translation>
    </message>
    <message>
        <source>No camera was found. Connect a camera or dermatoscope, or import the pictures from files.</source>
        <translation>Ingen kamera hittades. Anslut en kamera eller ett dermatoskop, eller importera bilderna från filer.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Startar kameran…</translation>
    </message>
    <message>
        <source>The camera is ready.</source>
        <translation>Kameran är klar.</translation>
    </message>
    <message numerus="yes">
        <source>The camera did not respond within %n second(s). Check that it is connected and not used by another program, then try again.</source>
        <translation>
            <numerusform>Kameran svarade inte inom %n sekund. Kontrollera att den är ansluten och inte används av ett annat program och försök sedan igen.</numerusform>
            <numerusform>Kameran svarade inte inom %n sekunder. Kontrollera att den är ansluten och inte används av ett annat program och försök sedan igen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Taking the photo…</source>
        <translation>Tar fotot…</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ImageCompareView</name>
    <message>
        <source>Compare images</source>
        <translation>Jämför bilder</translation>
    </message>
    <message>
        <source>This image</source>
        <translation>Den här bilden</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>Jämförs med</translation>
    </message>
    <message>
        <source>Earlier image to compare with</source>
        <translation>Tidigare bild att jämföra med</translation>
    </message>
    <message>
        <source>&amp;Lock zoom</source>
        <translation>&amp;Lås zoom</translation>
    </message>
    <message>
        <source>Lock zoom</source>
        <translation>Lås zoom</translation>
    </message>
    <message>
        <source>This image: %1</source>
        <translation>Den här bilden: %1</translation>
    </message>
    <message>
        <source>No earlier image to compare with.</source>
        <translation>Ingen tidigare bild att jämföra med.</translation>
    </message>
    <message>
        <source>Compared with: %1</source>
        <translation>Jämförs med: %1</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralAnswerForm</name>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>What you see in the images, and your assessment</source>
        <translation>Vad du ser på bilderna och din bedömning</translation>
    </message>
    <message>
        <source>Preliminary diagnosis</source>
        <translation>Preliminär diagnos</translation>
    </message>
    <message>
        <source>Type a code or a word, e.g. C43 or melanom</source>
        <translation>Skriv en kod eller ett ord, t.ex. C43 eller melanom</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>Handläggning</translation>
    </message>
    <message>
        <source>Months to follow-up</source>
        <translation>Månader till uppföljning</translation>
    </message>
    <message>
        <source> months</source>
        <translation> månader</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beskrivning</translation>
    </message>
    <message>
        <source>Preliminary &amp;diagnosis</source>
        <translation>Preliminär &amp;diagnos</translation>
    </message>
    <message>
        <source>a description</source>
        <translation>en beskrivning</translation>
    </message>
    <message>
        <source>a preliminary diagnosis from the list</source>
        <translation>en preliminär diagnos ur listan</translation>
    </message>
    <message>
        <source>the management</source>
        <translation>handläggningen</translation>
    </message>
    <message>
        <source>the months to follow-up (%1–%2)</source>
        <translation>antal månader till uppföljning (%1–%2)</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>Saknas: %1</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralDraft</name>
    <message>
        <source>Choose the dermatology unit to send to.</source>
        <translation>Välj den hudmottagning remissen ska till.</translation>
    </message>
    <message>
        <source>Write the clinical question.</source>
        <translation>Skriv frågeställningen.</translation>
    </message>
    <message>
        <source>Choose the body site, on the map or in the list.</source>
        <translation>Välj lokalisation, på kartan eller i listan.</translation>
    </message>
    <message>
        <source>Add at least one image.</source>
        <translation>Lägg till minst en bild.</translation>
    </message>
    <message>
        <source>Mark at least one image as an overview.</source>
        <translation>Markera minst en bild som översikt.</translation>
    </message>
    <message>
        <source>Mark at least one image as a close-up or dermoscopy.</source>
        <translation>Markera minst en bild som närbild eller dermatoskopi.</translation>
    </message>
    <message>
        <source>Wait until every image is processed.</source>
        <translation>Vänta tills alla bilder är bearbetade.</translation>
    </message>
    <message>
        <source>Write your reply to the dermatologist&apos;s question.</source>
        <translation>Skriv ditt svar på hudläkarens fråga.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) look blurred: the dermatologist may not be able to judge them. Take them again, or send anyway.</source>
        <translation>
            <numerusform>%n bild ser suddig ut: hudläkaren kan kanske inte bedöma den. Ta om den, eller skicka ändå.</numerusform>
            <numerusform>%n bilder ser suddiga ut: hudläkaren kan kanske inte bedöma dem. Ta om dem, eller skicka ändå.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralImageList</name>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>&amp;Import images…</source>
        <translation>&amp;Importera bilder…</translation>
    </message>
    <message>
        <source>Import images from files</source>
        <translation>Importera bilder från filer</translation>
    </message>
    <message>
        <source>Take &amp;photo…</source>
        <translation>Ta f&amp;oto…</translation>
    </message>
    <message>
        <source>Take a photo with a camera or dermatoscope</source>
        <translation>Ta ett foto med kamera eller dermatoskop</translation>
    </message>
    <message>
        <source>Refused images</source>
        <translation>Avvisade bilder</translation>
    </message>
    <message numerus="yes">
        <source>%1: not added, at most %n image(s) can be sent.</source>
        <translation>
            <numerusform>%1: inte tillagd, högst %n bild kan skickas.</numerusform>
            <numerusform>%1: inte tillagd, högst %n bilder kan skickas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Processing…</source>
        <translation>Bearbetar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Ta bort %1</translation>
    </message>
    <message>
        <source>%1: not a JPEG or PNG image.</source>
        <translation>%1: inte en JPEG- eller PNG-bild.</translation>
    </message>
    <message>
        <source>%1: too large (at most %2 MB and %3 megapixels).</source>
        <translation>%1: för stor (högst %2 MB och %3 megapixel).</translation>
    </message>
    <message>
        <source>%1: damaged or incomplete, it cannot be opened as an image.</source>
        <translation>%1: skadad eller ofullständig, den kan inte öppnas som bild.</translation>
    </message>
    <message>
        <source>%1: the file cannot be read.</source>
        <translation>%1: filen kan inte läsas.</translation>
    </message>
    <message>
        <source>%1: this image is added already.</source>
        <translation>%1: bilden finns redan med.</translation>
    </message>
    <message>
        <source>Thumbnail of %1</source>
        <translation>Miniatyr av %1</translation>
    </message>
    <message>
        <source>Kind of image: %1</source>
        <translation>Bildtyp: %1</translation>
    </message>
    <message>
        <source>⚠ Looks blurred</source>
        <translation>⚠ Ser suddig ut</translation>
    </message>
    <message>
        <source>The image looks blurred (sharpness %1; below %2 is flagged). Take it again if you can; it may still be sent.</source>
        <translation>Bilden ser suddig ut (skärpa %1; under %2 flaggas). Ta om den om du kan; den kan ändå skickas.</translation>
    </message>
    <message numerus="yes">
        <source>Import JPEG or PNG pictures, drop them here or take a photo: %n image(s) at most, at least one overview and one close-up.</source>
        <translation>
            <numerusform>Importera JPEG- eller PNG-bilder, släpp dem här eller ta ett foto: högst %n bild, minst en översikt och en närbild.</numerusform>
            <numerusform>Importera JPEG- eller PNG-bilder, släpp dem här eller ta ett foto: högst %n bilder, minst en översikt och en närbild.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n image(s).</source>
        <translation>
            <numerusform>%1 av %n bild.</numerusform>
            <numerusform>%1 av %n bilder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import images</source>
        <translation>Importera bilder</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Bilder (*.jpg *.jpeg *.png);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralPane</name>
    <message>
        <source>Skin referral</source>
        <translation>Hudremiss</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Remiss</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Svar senast</translation>
    </message>
    <message>
        <source>Patient and sender</source>
        <translation>Patient och avsändare</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Jämför</translation>
    </message>
    <message>
        <source>Compare with earlier images</source>
        <translation>Jämför med tidigare bilder</translation>
    </message>
    <message>
        <source>Side by side with an earlier image (C in the viewer)</source>
        <translation>Sida vid sida med en tidigare bild (C i bildvisaren)</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Ditt svar</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>&amp;Send the answer</source>
        <translation>&amp;Skicka svaret</translation>
    </message>
    <message>
        <source>Request more &amp;information…</source>
        <translation>Begär &amp;komplettering…</translation>
    </message>
    <message>
        <source>Add &amp;images…</source>
        <translation>Lägg till &amp;bilder…</translation>
    </message>
    <message>
        <source>&amp;Patient informed</source>
        <translation>&amp;Patienten informerad</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>Vad som saknas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>Inget ärende valt</translation>
    </message>
    <message>
        <source>Skin referral: %1</source>
        <translation>Hudremiss: %1</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient: %1</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Skickad %1</translation>
    </message>
    <message>
        <source>Sent by %1, %2</source>
        <translation>Skickad av %1, %2</translation>
    </message>
    <message>
        <source>The referral has not reached this workstation yet.</source>
        <translation>Remissen har inte kommit till den här arbetsstationen än.</translation>
    </message>
    <message>
        <source>The referral has no images.</source>
        <translation>Remissen har inga bilder.</translation>
    </message>
    <message>
        <source>the server sent no image</source>
        <translation>servern skickade ingen bild</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Skickas…</translation>
    </message>
    <message>
        <source>The referral shown changed while the dialog was open: nothing was sent.</source>
        <translation>Remissen som visas ändrades medan dialogen var öppen: inget skickades.</translation>
    </message>
    <message>
        <source>Write what you need from the sender: nothing was sent.</source>
        <translation>Skriv vad du behöver från avsändaren: inget skickades.</translation>
    </message>
    <message>
        <source>The server refused the change.</source>
        <translation>Servern avvisade ändringen.</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralSummary</name>
    <message>
        <source>Question</source>
        <translation>Frågeställning</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Anamnes</translation>
    </message>
    <message>
        <source>Requests for more information</source>
        <translation>Begärda kompletteringar</translation>
    </message>
    <message>
        <source>Earlier referrals of this site</source>
        <translation>Tidigare remisser för samma lokalisation</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Earlier referrals of this site:
%1</source>
        <translation>Tidigare remisser för samma lokalisation:
%1</translation>
    </message>
    <message>
        <source>The sender informed the patient %1.</source>
        <translation>Avsändaren informerade patienten %1.</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralTexts</name>
    <message>
        <source>not stated</source>
        <translation>ej angivet</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Urgent (cancer pathway)</source>
        <translation>Brådskande (SVF)</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Rutin</translation>
    </message>
    <message>
        <source>Awaiting the dermatologist&apos;s answer</source>
        <translation>Väntar på hudläkarens svar</translation>
    </message>
    <message>
        <source>More information requested from the sender</source>
        <translation>Komplettering begärd från avsändaren</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Besvarad</translation>
    </message>
    <message>
        <source>Answered – the patient has been informed</source>
        <translation>Besvarad – patienten är informerad</translation>
    </message>
    <message>
        <source>Answer due %1</source>
        <translation>Svar senast %1</translation>
    </message>
    <message>
        <source>%1 – overdue</source>
        <translation>%1 – försenad</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Hur länge: %1</translation>
    </message>
    <message>
        <source>Changed recently: %1</source>
        <translation>Förändrats nyligen: %1</translation>
    </message>
    <message>
        <source>Itch or bleeding: %1</source>
        <translation>Klåda eller blödning: %1</translation>
    </message>
    <message>
        <source>Earlier skin cancer: %1</source>
        <translation>Tidigare hudcancer: %1</translation>
    </message>
    <message>
        <source>%1 · added %2</source>
        <translation>%1 · tillagd %2</translation>
    </message>
    <message>
        <source>%1 · taken %2</source>
        <translation>%1 · tagen %2</translation>
    </message>
    <message>
        <source>%1 · %2 · this referral</source>
        <translation>%1 · %2 · denna remiss</translation>
    </message>
    <message>
        <source>%1 · %2 · referral of %3</source>
        <translation>%1 · %2 · remiss %3</translation>
    </message>
    <message>
        <source>Question from the dermatologist (%1):
%2</source>
        <translation>Fråga från hudläkaren (%1):
%2</translation>
    </message>
    <message>
        <source>Question from %1 (%2):
%3</source>
        <translation>Fråga från %1 (%2):
%3</translation>
    </message>
    <message>
        <source>Reply from the sender (%1):
%2</source>
        <translation>Svar från avsändaren (%1):
%2</translation>
    </message>
    <message>
        <source>Reply from %1 (%2):
%3</source>
        <translation>Svar från %1 (%2):
%3</translation>
    </message>
    <message>
        <source>No reply yet.</source>
        <translation>Inget svar än.</translation>
    </message>
    <message>
        <source>Answered %1</source>
        <translation>Besvarad %1</translation>
    </message>
    <message>
        <source>Answered by %1, %2</source>
        <translation>Besvarad av %1, %2</translation>
    </message>
    <message>
        <source>Preliminary diagnosis: %1 %2</source>
        <translation>Preliminär diagnos: %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, in %n month(s)</source>
        <translation>
            <numerusform>%1, om %n månad</numerusform>
            <numerusform>%1, om %n månader</numerusform>
        </translation>
    </message>
    <message>
        <source>Management: %1</source>
        <translation>Handläggning: %1</translation>
    </message>
    <message>
        <source>Referral of %1: %2</source>
        <translation>Remiss %1: %2</translation>
    </message>
</context>
<context>
    <name>nara::referrals::ReferralThumbnailStrip</name>
    <message>
        <source>Images of the referral</source>
        <translation>Remissens bilder</translation>
    </message>
    <message>
        <source>%1 – the thumbnail could not be fetched</source>
        <translation>%1 – miniatyrbilden kunde inte hämtas</translation>
    </message>
</context>
<context>
    <name>nara::referrals::RequestInfoDialog</name>
    <message>
        <source>Request more information</source>
        <translation>Begär komplettering</translation>
    </message>
    <message>
        <source>What do you need from the sender (more images, details of the history)?</source>
        <translation>Vad behöver du från avsändaren (fler bilder, uppgifter om anamnesen)?</translation>
    </message>
    <message>
        <source>Question to the sender</source>
        <translation>Fråga till avsändaren</translation>
    </message>
    <message>
        <source>Send the request</source>
        <translation>Skicka begäran</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>nara::referrals::SendReferralDialog</name>
    <message>
        <source>New dermatology referral</source>
        <translation>Ny hudremiss</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Dermatology unit</source>
        <translation>Hudmottagning</translation>
    </message>
    <message>
        <source>Choose a unit…</source>
        <translation>Välj mottagning…</translation>
    </message>
    <message>
        <source>Clinical question</source>
        <translation>Frågeställning</translation>
    </message>
    <message>
        <source>What would you like the dermatologist to answer?</source>
        <translation>Vad vill du att hudläkaren ska besvara?</translation>
    </message>
    <message>
        <source>How long has it been there</source>
        <translation>Hur länge har förändringen funnits</translation>
    </message>
    <message>
        <source>e.g. 6 months</source>
        <translation>t.ex. 6 månader</translation>
    </message>
    <message>
        <source>&amp;Changed recently</source>
        <translation>Förändrats &amp;nyligen</translation>
    </message>
    <message>
        <source>Itches or &amp;bleeds</source>
        <translation>Kliar eller &amp;blöder</translation>
    </message>
    <message>
        <source>&amp;Earlier skin cancer</source>
        <translation>Tidigare &amp;hudcancer</translation>
    </message>
    <message>
        <source>&amp;Routine</source>
        <translation>&amp;Rutin</translation>
    </message>
    <message>
        <source>Suspected melanoma or skin cancer – &amp;urgent (SVF)</source>
        <translation>Misstänkt melanom eller hudcancer – &amp;brådskande (SVF)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Send referral</source>
        <translation>&amp;Skicka remiss</translation>
    </message>
    <message>
        <source>Send the referral</source>
        <translation>Skicka remissen</translation>
    </message>
    <message>
        <source>Send &amp;anyway</source>
        <translation>Skicka &amp;ändå</translation>
    </message>
    <message>
        <source>Send anyway, with the blurred images</source>
        <translation>Skicka ändå, med de suddiga bilderna</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Patient:</source>
        <translation>Patient:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Till:</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Frågeställning:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>Hur &amp;länge:</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Anamnes:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Prioritet:</translation>
    </message>
    <message>
        <source>Body site</source>
        <translation>Lokalisation</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>The referral was not sent: %1</source>
        <translation>Remissen skickades inte: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Skickar…</translation>
    </message>
</context>
<context>
    <name>nara::referrals::SkinImageCanvas</name>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Zoom with + and -, 0 fits the image, 1 shows it 1:1, the arrow keys pan, C compares side by side.</source>
        <translation>Zooma med + och -, 0 anpassar bilden, 1 visar den 1:1, piltangenterna panorerar, C jämför sida vid sida.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Anpassad</translation>
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
        <translation>Bildvisare</translation>
    </message>
    <message>
        <source>Image status</source>
        <translation>Bildstatus</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Försök igen</translation>
    </message>
    <message>
        <source>Fetch the image again</source>
        <translation>Hämta bilden igen</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Zooma ut (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zooma in (+)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Anpassa</translation>
    </message>
    <message>
        <source>Show the whole image (0)</source>
        <translation>Visa hela bilden (0)</translation>
    </message>
    <message>
        <source>Actual size (1)</source>
        <translation>Verklig storlek (1)</translation>
    </message>
    <message>
        <source>Zoom level</source>
        <translation>Zoomnivå</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Ljusstyrka</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Reset brightness and contrast</source>
        <translation>Återställ ljusstyrka och kontrast</translation>
    </message>
    <message>
        <source>Fetching the image…</source>
        <translation>Hämtar bilden…</translation>
    </message>
    <message>
        <source>The image could not be fetched – %1</source>
        <translation>Bilden kunde inte hämtas – %1</translation>
    </message>
</context>
<context>
    <name>nara::video::AfterCallDialog</name>
    <message>
        <source>End the visit</source>
        <translation>Avsluta besöket</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>&amp;Done – nothing more is needed</source>
        <translation>&amp;Klart – inget mer behövs</translation>
    </message>
    <message>
        <source>&amp;Follow-up needed</source>
        <translation>&amp;Uppföljning behövs</translation>
    </message>
    <message>
        <source>The patient needs a &amp;physical visit</source>
        <translation>Patienten behöver ett &amp;fysiskt besök</translation>
    </message>
    <message>
        <source>&amp;Note (for the record, not sent to the patient):</source>
        <translation>&amp;Anteckning (till journalen, skickas inte till patienten):</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>nara::video::BookVisitDialog</name>
    <message>
        <source>Book a video visit</source>
        <translation>Boka videobesök</translation>
    </message>
    <message>
        <source>Search patient</source>
        <translation>Sök patient</translation>
    </message>
    <message>
        <source>Name or personnummer</source>
        <translation>Namn eller personnummer</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>No patient – a consult call between staff</source>
        <translation>Ingen patient – konsultsamtal mellan personal</translation>
    </message>
    <message>
        <source>Search colleague</source>
        <translation>Sök kollega</translation>
    </message>
    <message>
        <source>Colleague, role or unit</source>
        <translation>Kollega, yrke eller enhet</translation>
    </message>
    <message>
        <source>Other participants</source>
        <translation>Övriga deltagare</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum och tid</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Anledning</translation>
    </message>
    <message>
        <source>For example: return visit, knee training programme</source>
        <translation>Till exempel: återbesök, träningsprogram för knä</translation>
    </message>
    <message>
        <source>Booking status</source>
        <translation>Bokningens status</translation>
    </message>
    <message>
        <source>The patient&apos;s link to the visit</source>
        <translation>Patientens länk till besöket</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Kopiera länken</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Kopiera länken</translation>
    </message>
    <message>
        <source>The link is copied. Send it to the patient by SMS or read it aloud.</source>
        <translation>Länken är kopierad. Skicka den till patienten med sms eller läs upp den.</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Boka</translation>
    </message>
    <message>
        <source>Book the visit</source>
        <translation>Boka besöket</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient:</translation>
    </message>
    <message>
        <source>&amp;Colleagues:</source>
        <translation>K&amp;ollegor:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Tid:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Anledning:</translation>
    </message>
    <message>
        <source>nurse</source>
        <translation>sjuksköterska</translation>
    </message>
    <message>
        <source>GP</source>
        <translation>distriktsläkare</translation>
    </message>
    <message>
        <source>physiotherapist</source>
        <translation>fysioterapeut</translation>
    </message>
    <message>
        <source>municipal nurse</source>
        <translation>kommunsjuksköterska</translation>
    </message>
    <message>
        <source>dermatologist</source>
        <translation>hudläkare</translation>
    </message>
    <message>
        <source>quality lead</source>
        <translation>kvalitetsansvarig</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administratör</translation>
    </message>
    <message>
        <source>Write the reason for the visit.</source>
        <translation>Skriv anledningen till besöket.</translation>
    </message>
    <message>
        <source>Choose a patient or at least one colleague.</source>
        <translation>Välj en patient eller minst en kollega.</translation>
    </message>
    <message>
        <source>A video visit has at most %1 participants, you and the patient included.</source>
        <translation>Ett videobesök har högst %1 deltagare, du och patienten inräknade.</translation>
    </message>
    <message>
        <source>The time has already passed.</source>
        <translation>Tiden har redan passerat.</translation>
    </message>
    <message>
        <source>Booking a video visit needs a connection to the server. Nothing you entered is lost.</source>
        <translation>Att boka ett videobesök kräver anslutning till servern. Inget du har skrivit går förlorat.</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Bokar…</translation>
    </message>
    <message>
        <source>The consult call is booked for %1. It is in your colleagues&apos; inboxes.</source>
        <translation>Konsultsamtalet är bokat till %1. Det finns i kollegornas inkorgar.</translation>
    </message>
    <message>
        <source>The visit is booked for %1. Give the patient this link; it works until %2.</source>
        <translation>Besöket är bokat till %1. Ge patienten den här länken; den fungerar till %2.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>nara::video::PreCallCheckDialog</name>
    <message>
        <source>Pre-call check</source>
        <translation>Förkontroll</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Kamerabild</translation>
    </message>
    <message>
        <source>Audio only (no camera)</source>
        <translation>Bara ljud (ingen kamera)</translation>
    </message>
    <message>
        <source>Audio only, without camera</source>
        <translation>Bara ljud, utan kamera</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Mikrofonens ljudnivå</translation>
    </message>
    <message>
        <source>Loudspeaker</source>
        <translation>Högtalare</translation>
    </message>
    <message>
        <source>&amp;Play test sound</source>
        <translation>&amp;Spela testljud</translation>
    </message>
    <message>
        <source>Play test sound</source>
        <translation>Spela testljud</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsätt</translation>
    </message>
    <message>
        <source>Continue with these devices</source>
        <translation>Fortsätt med de här enheterna</translation>
    </message>
    <message>
        <source>Call the patient by phone instead</source>
        <translation>Ring patienten i stället</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Camera:</source>
        <translation>&amp;Kamera:</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Mikrofon:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Nivå:</translation>
    </message>
    <message>
        <source>&amp;Loudspeaker:</source>
        <translation>&amp;Högtalare:</translation>
    </message>
    <message>
        <source>No camera was found. Connect a camera, or hold the visit with audio only.</source>
        <translation>Ingen kamera hittades. Anslut en kamera, eller håll besöket med bara ljud.</translation>
    </message>
    <message>
        <source>The camera could not be used: access was denied. Allow camera access in the computer&apos;s settings or close other programs that use it, or hold the visit with audio only.</source>
        <translation>Kameran kunde inte användas: åtkomst nekades. Tillåt kameran i datorns inställningar eller stäng andra program som använder den, eller håll besöket med bara ljud.</translation>
    </message>
    <message>
        <source>No microphone was found. Connect a headset, or call the patient by phone instead.</source>
        <translation>Ingen mikrofon hittades. Anslut ett headset, eller ring patienten i stället.</translation>
    </message>
    <message>
        <source>The microphone could not be used: access was denied. Allow microphone access in the computer&apos;s settings, or call the patient by phone instead.</source>
        <translation>Mikrofonen kunde inte användas: åtkomst nekades. Tillåt mikrofonen i datorns inställningar, eller ring patienten i stället.</translation>
    </message>
</context>
<context>
    <name>nara::video::VideoPane</name>
    <message>
        <source>Video visit</source>
        <translation>Videobesök</translation>
    </message>
    <message>
        <source>Visit details</source>
        <translation>Besökets uppgifter</translation>
    </message>
    <message>
        <source>Waiting patient</source>
        <translation>Väntande patient</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Pre-call check…</source>
        <translation>&amp;Förkontroll…</translation>
    </message>
    <message>
        <source>&amp;Join the call</source>
        <translation>&amp;Anslut till samtalet</translation>
    </message>
    <message>
        <source>&amp;Let the patient in</source>
        <translation>&amp;Släpp in patienten</translation>
    </message>
    <message>
        <source>Call the patient by &amp;phone instead</source>
        <translation>&amp;Ring patienten i stället</translation>
    </message>
    <message>
        <source>&amp;End the visit…</source>
        <translation>A&amp;vsluta besöket…</translation>
    </message>
    <message>
        <source>&amp;New link for the patient</source>
        <translation>&amp;Ny länk till patienten</translation>
    </message>
    <message>
        <source>The patient&apos;s link to the visit</source>
        <translation>Patientens länk till besöket</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Kopiera länken</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Kopiera länken</translation>
    </message>
    <message>
        <source>The link is copied. Send it to the patient by SMS or read it aloud.</source>
        <translation>Länken är kopierad. Skicka den till patienten med sms eller läs upp den.</translation>
    </message>
    <message>
        <source>done</source>
        <translation>klart</translation>
    </message>
    <message>
        <source>follow-up needed</source>
        <translation>uppföljning behövs</translation>
    </message>
    <message>
        <source>physical visit needed</source>
        <translation>fysiskt besök behövs</translation>
    </message>
    <message>
        <source>phoned instead</source>
        <translation>ringde i stället</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>Inget ärende valt</translation>
    </message>
    <message>
        <source>The visit&apos;s details have not arrived yet.</source>
        <translation>Besökets uppgifter har inte kommit ännu.</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>Tid: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Anledning: %1</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient: %1</translation>
    </message>
    <message>
        <source>Consult call between staff (no patient)</source>
        <translation>Konsultsamtal mellan personal (ingen patient)</translation>
    </message>
    <message>
        <source>Participants: %1</source>
        <translation>Deltagare: %1</translation>
    </message>
    <message>
        <source>Status: ended %1</source>
        <translation>Status: avslutat %1</translation>
    </message>
    <message>
        <source>Status: ended %1 (%2)</source>
        <translation>Status: avslutat %1 (%2)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Anteckning: %1</translation>
    </message>
    <message>
        <source>Status: in the call since %1</source>
        <translation>Status: i samtal sedan %1</translation>
    </message>
    <message>
        <source>Status: the patient is in the waiting room</source>
        <translation>Status: patienten är i väntrummet</translation>
    </message>
    <message>
        <source>Status: booked</source>
        <translation>Status: bokat</translation>
    </message>
    <message>
        <source>Patient waiting since %1</source>
        <translation>Patienten väntar sedan %1</translation>
    </message>
    <message>
        <source>camera ✓</source>
        <translation>kamera ✓</translation>
    </message>
    <message>
        <source>camera ✗</source>
        <translation>kamera ✗</translation>
    </message>
    <message>
        <source>microphone ✓</source>
        <translation>mikrofon ✓</translation>
    </message>
    <message>
        <source>microphone ✗</source>
        <translation>mikrofon ✗</translation>
    </message>
    <message>
        <source>A new link for the patient; it works until %1.</source>
        <translation>En ny länk till patienten; den fungerar till %1.</translation>
    </message>
    <message>
        <source>The server refused the change: %1</source>
        <translation>Servern avvisade ändringen: %1</translation>
    </message>
    <message>
        <source>Asking the server for a new link…</source>
        <translation>Ber servern om en ny länk…</translation>
    </message>
    <message>
        <source>Only staff of the visit&apos;s care unit can end it; ask them to phone the patient.</source>
        <translation>Bara personal på besökets vårdenhet kan avsluta det; be dem ringa patienten.</translation>
    </message>
    <message>
        <source>Devices checked: audio only.</source>
        <translation>Enheterna är kontrollerade: bara ljud.</translation>
    </message>
    <message>
        <source>Devices checked.</source>
        <translation>Enheterna är kontrollerade.</translation>
    </message>
    <message>
        <source>The patient is being let in…</source>
        <translation>Patienten släpps in…</translation>
    </message>
    <message>
        <source>The visit is ended: you phone the patient instead.</source>
        <translation>Besöket är avslutat: du ringer patienten i stället.</translation>
    </message>
    <message>
        <source>The visit is being ended…</source>
        <translation>Besöket avslutas…</translation>
    </message>
    <message>
        <source>The patient is let in.</source>
        <translation>Patienten är insläppt.</translation>
    </message>
    <message>
        <source>The visit shown changed while the dialog was open: nothing was done.</source>
        <translation>Besöket som visas ändrades medan dialogen var öppen: ingenting gjordes.</translation>
    </message>
    <message>
        <source>The visit has ended meanwhile: nothing was done.</source>
        <translation>Besöket har avslutats under tiden: ingenting gjordes.</translation>
    </message>
    <message>
        <source>Letting the patient in needs a connection to the server.</source>
        <translation>Att släppa in patienten kräver anslutning till servern.</translation>
    </message>
    <message>
        <source>Only staff of the visit&apos;s care unit can end it.</source>
        <translation>Bara personal på besökets vårdenhet kan avsluta det.</translation>
    </message>
</context>
<context>
    <name>nara::video::VisitBooking</name>
    <message>
        <source>The visit was booked by the first attempt, but its answer was lost on the way. The visit is in the inbox: give the patient a new link from there.</source>
        <translation>Besöket bokades vid första försöket, men svaret kom bort på vägen. Besöket finns i inkorgen: ge patienten en ny länk därifrån.</translation>
    </message>
    <message>
        <source>The server cannot be reached: booking a video visit needs a connection. Nothing you entered is lost; book again when the connection is back.</source>
        <translation>Servern går inte att nå: att boka ett videobesök kräver anslutning. Inget du har skrivit går förlorat; boka igen när anslutningen är tillbaka.</translation>
    </message>
    <message>
        <source>The visit was not booked: %1</source>
        <translation>Besöket bokades inte: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer held no visit.</source>
        <translation>Serverns svar innehöll inget besök.</translation>
    </message>
    <message>
        <source>The server cannot be reached: a new link needs a connection.</source>
        <translation>Servern går inte att nå: en ny länk kräver anslutning.</translation>
    </message>
    <message>
        <source>No new link: %1</source>
        <translation>Ingen ny länk: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer held no link.</source>
        <translation>Serverns svar innehöll ingen länk.</translation>
    </message>
    <message>
        <source>The server cannot be reached: letting the patient in needs a connection.</source>
        <translation>Servern går inte att nå: att släppa in patienten kräver anslutning.</translation>
    </message>
    <message>
        <source>The patient was not let in: %1</source>
        <translation>Patienten släpptes inte in: %1</translation>
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
    <name>nara::workstation::FormsHost</name>
    <message>
        <source>Close with note</source>
        <translation>Avsluta med anteckning</translation>
    </message>
    <message>
        <source>What was done about the answer? The note is kept with the item.</source>
        <translation>Vad gjordes med anledning av svaret? Anteckningen sparas med ärendet.</translation>
    </message>
    <message>
        <source>Another item was opened meanwhile: nothing was closed.</source>
        <translation>Ett annat ärende öppnades under tiden: inget avslutades.</translation>
    </message>
    <message>
        <source>The form is closed.</source>
        <translation>Formulärärendet är avslutat.</translation>
    </message>
    <message>
        <source>There is no GP in the form&apos;s care unit to escalate to.</source>
        <translation>Det finns ingen distriktsläkare på formulärets vårdenhet att eskalera till.</translation>
    </message>
    <message>
        <source>Nothing was escalated: choose a GP for the item shown.</source>
        <translation>Inget eskalerades: välj en distriktsläkare för ärendet som visas.</translation>
    </message>
    <message>
        <source>Escalated to %1.</source>
        <translation>Eskalerat till %1.</translation>
    </message>
    <message>
        <source>The escalation was refused: %1</source>
        <translation>Eskaleringen avvisades: %1</translation>
    </message>
    <message>
        <source>The form is sent.</source>
        <translation>Formuläret är skickat.</translation>
    </message>
    <message>
        <source>Sending: the escalation to %1…</source>
        <translation>Skickas: eskaleringen till %1…</translation>
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
    <message>
        <source>waiting since %1</source>
        <translation>väntar sedan %1</translation>
    </message>
    <message>
        <source>Video visit at %1</source>
        <translation>Videobesök kl. %1</translation>
    </message>
    <message>
        <source>%1; the patient is waiting since %2</source>
        <translation>%1; patienten väntar sedan %2</translation>
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
    <name>nara::workstation::ItemCommands</name>
    <message>
        <source>The chat was not started: %1</source>
        <translation>Chatten startades inte: %1</translation>
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
    <message>
        <source>Video visit</source>
        <translation>Videobesök</translation>
    </message>
    <message>
        <source>&amp;Book a video visit…</source>
        <translation>&amp;Boka videobesök…</translation>
    </message>
    <message>
        <source>Send a &amp;form…</source>
        <translation>Skicka &amp;formulär…</translation>
    </message>
    <message>
        <source>&amp;Monitoring plan…</source>
        <translation>Ö&amp;vervakningsplan…</translation>
    </message>
    <message>
        <source>New chat with %1</source>
        <translation>Ny chatt med %1</translation>
    </message>
    <message>
        <source>There is no open chat with %1. Your first message to the patient (they read and answer it in the portal):</source>
        <translation>Det finns ingen öppen chatt med %1. Ditt första meddelande till patienten (hen läser och svarar i portalen):</translation>
    </message>
    <message>
        <source>Contact from the care centre</source>
        <translation>Kontakt från vårdcentralen</translation>
    </message>
    <message>
        <source>The chat with %1 is being started…</source>
        <translation>Chatten med %1 startas…</translation>
    </message>
    <message>
        <source>Dermatology &amp;referral…</source>
        <translation>Hud&amp;remiss…</translation>
    </message>
</context>
<context>
    <name>nara::workstation::MonitoringHost</name>
    <message>
        <source>The alert is marked as handled.</source>
        <translation>Larmet är markerat som hanterat.</translation>
    </message>
    <message>
        <source>The alert is escalated to %1.</source>
        <translation>Larmet är eskalerat till %1.</translation>
    </message>
    <message>
        <source>The monitoring plan is saved.</source>
        <translation>Övervakningsplanen är sparad.</translation>
    </message>
    <message>
        <source>The monitoring is ended.</source>
        <translation>Övervakningen är avslutad.</translation>
    </message>
    <message>
        <source>Sending: the alert is marked as handled…</source>
        <translation>Skickas: larmet markeras som hanterat…</translation>
    </message>
    <message>
        <source>Sending: the alert is escalated to %1…</source>
        <translation>Skickas: larmet eskaleras till %1…</translation>
    </message>
    <message>
        <source>Sending: the monitoring plan is saved…</source>
        <translation>Skickas: övervakningsplanen sparas…</translation>
    </message>
    <message>
        <source>Sending: the monitoring is ended…</source>
        <translation>Skickas: övervakningen avslutas…</translation>
    </message>
    <message>
        <source>The alert was not marked as handled</source>
        <translation>Larmet markerades inte som hanterat</translation>
    </message>
    <message>
        <source>The alert was not escalated to %1</source>
        <translation>Larmet eskalerades inte till %1</translation>
    </message>
    <message>
        <source>The monitoring plan was not saved</source>
        <translation>Övervakningsplanen sparades inte</translation>
    </message>
    <message>
        <source>The monitoring was not ended</source>
        <translation>Övervakningen avslutades inte</translation>
    </message>
    <message>
        <source>a colleague has changed the plan meanwhile – open it again</source>
        <translation>en kollega har ändrat planen under tiden – öppna den igen</translation>
    </message>
    <message>
        <source>a colleague is handling the item</source>
        <translation>en kollega hanterar ärendet</translation>
    </message>
    <message>
        <source>%1 is handling the item</source>
        <translation>%1 hanterar ärendet</translation>
    </message>
    <message>
        <source>the item was changed or closed meanwhile</source>
        <translation>ärendet har ändrats eller avslutats under tiden</translation>
    </message>
    <message>
        <source>%1 is no longer a GP of the alert&apos;s care unit</source>
        <translation>%1 är inte längre distriktsläkare på larmets vårdenhet</translation>
    </message>
    <message>
        <source>the patient is no longer in your care units</source>
        <translation>patienten tillhör inte längre dina vårdenheter</translation>
    </message>
    <message>
        <source>the alert is no longer in your care units</source>
        <translation>larmet tillhör inte längre dina vårdenheter</translation>
    </message>
    <message>
        <source>you may not do this</source>
        <translation>du har inte behörighet att göra detta</translation>
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
    <name>nara::workstation::ReferralImageLoader</name>
    <message>
        <source>the workstation is not connected to a server.</source>
        <translation>arbetsstationen är inte ansluten till någon server.</translation>
    </message>
    <message>
        <source>the server cannot be reached.</source>
        <translation>servern går inte att nå.</translation>
    </message>
    <message>
        <source>the image is not there or not yours to see.</source>
        <translation>bilden finns inte eller är inte din att se.</translation>
    </message>
    <message>
        <source>the server answered %1.</source>
        <translation>servern svarade %1.</translation>
    </message>
    <message>
        <source>the image arrived damaged.</source>
        <translation>bilden kom fram skadad.</translation>
    </message>
</context>
<context>
    <name>nara::workstation::ReferralsHost</name>
    <message>
        <source>Open an item of the patient first: the referral is about the patient shown.</source>
        <translation>Öppna först ett ärende för patienten: remissen gäller den patient som visas.</translation>
    </message>
    <message>
        <source>the referral</source>
        <translation>remissen</translation>
    </message>
    <message numerus="yes">
        <source>Sending the referral with %n image(s)…</source>
        <translation>
            <numerusform>Skickar remissen med %n bild…</numerusform>
            <numerusform>Skickar remissen med %n bilder…</numerusform>
        </translation>
    </message>
    <message>
        <source>the images</source>
        <translation>bilderna</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n image(s) and the reply to the dermatologist…</source>
        <translation>
            <numerusform>Skickar %n bild och svaret till hudläkaren…</numerusform>
            <numerusform>Skickar %n bilder och svaret till hudläkaren…</numerusform>
        </translation>
    </message>
    <message>
        <source>Uploading %1: image %2 of %3 is sent.</source>
        <translation>Laddar upp %1: bild %2 av %3 är skickad.</translation>
    </message>
    <message>
        <source>Sent: %1.</source>
        <translation>Skickat: %1.</translation>
    </message>
    <message>
        <source>the referral was changed meanwhile (answered, asked about or closed by someone else) – look at it again</source>
        <translation>remissen har ändrats under tiden (besvarad, kompletteringsbegäran eller avslutad av någon annan) – titta på den igen</translation>
    </message>
    <message>
        <source>the referral or one of its images is not on the server, or not yours to change</source>
        <translation>remissen eller en av dess bilder finns inte på servern, eller är inte din att ändra</translation>
    </message>
    <message>
        <source>the image is larger than the server takes (20 MB)</source>
        <translation>bilden är större än servern tar emot (20 MB)</translation>
    </message>
    <message>
        <source>the server found something wrong in it (%1)</source>
        <translation>servern fann något fel i den (%1)</translation>
    </message>
    <message>
        <source>your role may not do this</source>
        <translation>din roll får inte göra detta</translation>
    </message>
    <message>
        <source>Image %1 of %2 was refused by the server: %3</source>
        <translation>Bild %1 av %2 avvisades av servern: %3</translation>
    </message>
    <message>
        <source>The server did not accept %1: %2</source>
        <translation>Servern tog inte emot %1: %2</translation>
    </message>
    <message>
        <source>An image of %1 was missing on the server: sending the images again.</source>
        <translation>En bild i %1 saknades på servern: bilderna skickas igen.</translation>
    </message>
    <message>
        <source>The server did not accept the referral: %1. Nothing is lost: Hudremiss (Shift+R) on the patient opens it again.</source>
        <translation>Servern tog inte emot remissen: %1. Inget har gått förlorat: Hudremiss (Shift+R) på patienten öppnar den igen.</translation>
    </message>
    <message>
        <source>The server did not accept the images: %1. Nothing is lost: Add images on the referral opens them again.</source>
        <translation>Servern tog inte emot bilderna: %1. Inget har gått förlorat: Lägg till bilder på remissen öppnar dem igen.</translation>
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
<context>
    <name>nara::workstation::VideoVisitHost</name>
    <message>
        <source>The visit is ended.</source>
        <translation>Besöket är avslutat.</translation>
    </message>
    <message>
        <source>The video visit is booked.</source>
        <translation>Videobesöket är bokat.</translation>
    </message>
    <message>
        <source>Someone is waiting: %1</source>
        <translation>Någon väntar: %1</translation>
    </message>
    <message>
        <source>%1 is waiting: %2</source>
        <translation>%1 väntar: %2</translation>
    </message>
    <message>
        <source>Video calls need a connection to the server.</source>
        <translation>Videosamtal kräver anslutning till servern.</translation>
    </message>
</context>
</TS>
