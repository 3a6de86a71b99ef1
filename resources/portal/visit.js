// Nära patient portal: the video visit. Pre-call check (camera preview, microphone level, a test
// sound, device choice remembered in localStorage, audio only allowed), then the waiting room,
// then the call through the shared mesh (/portal/mesh.js). Signalling over /api/v1/events with
// the patient's session token; when the socket drops it reconnects and joins again.
'use strict';

(function () {
  const devicesKey = 'nara.portal.devices';
  const checkedKey = 'nara.portal.checked.';
  const el = (id) => document.getElementById(id);

  let session = null;
  let visit = null;
  let stream = null; // the local camera and microphone
  let meter = null; // { context, timer }
  let meterPeak = 0; // the loudest level seen since the check started
  let mesh = null;
  let socket = null;
  let retryTimer = 0;
  let attempt = 0;
  let phase = 'precheck'; // precheck | waiting | call | left | ended | refused
  let muted = false;
  let joins = 0; // answers to `join`: the first, then one per rejoin
  let cameraOn = true;

  function status(text, isError) {
    el('visit-status').textContent = text || '';
    el('visit-status').classList.toggle('error', !!isError);
  }

  function precheckMessage(text, isError) {
    el('precheck-message').textContent = text;
    el('precheck-message').classList.toggle('error', !!isError);
  }

  function show(next) {
    phase = next;
    el('precheck').hidden = next !== 'precheck';
    el('waiting').hidden = next !== 'waiting';
    el('call').hidden = next !== 'call';
    el('visit-rejoin').hidden = next !== 'left';
  }

  function prefs() {
    try { return JSON.parse(localStorage.getItem(devicesKey)) || {}; } catch (e) { return {}; }
  }

  function savePrefs(changes) {
    const next = Object.assign(prefs(), changes);
    try { localStorage.setItem(devicesKey, JSON.stringify(next)); } catch (e) { /* private mode */ }
    return next;
  }

  function bookedTime() {
    return new Date(visit.startsAt).toLocaleString('sv-SE', {
      weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit',
    });
  }

  // ---- pre-call check -------------------------------------------------------------------------

  function stopMeter() {
    if (!meter) return;
    clearInterval(meter.timer);
    meter.context.close().catch(() => {});
    meter = null;
  }

  function startMeter() {
    stopMeter();
    if (!stream || stream.getAudioTracks().length === 0 || !window.AudioContext) return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048; // about 45 ms of sound per look, one look every 40 ms
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    let shown = 0;
    const timer = setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      for (const s of samples) peak = Math.max(peak, Math.abs(s - 128));
      const level = Math.min(100, Math.round((peak / 128) * 200));
      shown = Math.max(level, Math.floor(shown * 0.85)); // falls slowly, so short sounds are seen
      meterPeak = Math.max(meterPeak, level);
      el('mic-level').value = shown;
      el('mic-level').textContent = String(shown);
    }, 40);
    meter = { context, timer };
    context.resume().catch(() => {});
  }

  function stopStream() {
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
  }

  async function fillDevices() {
    const devices = await navigator.mediaDevices.enumerateDevices();
    const current = {
      videoinput: stream && stream.getVideoTracks()[0] ? stream.getVideoTracks()[0].getSettings().deviceId : '',
      audioinput: stream && stream.getAudioTracks()[0] ? stream.getAudioTracks()[0].getSettings().deviceId : '',
    };
    for (const [kind, select, unnamed] of [['videoinput', el('camera-choice'), 'Kamera'], ['audioinput', el('microphone-choice'), 'Mikrofon']]) {
      select.replaceChildren();
      let n = 0;
      for (const device of devices.filter((d) => d.kind === kind)) {
        const option = document.createElement('option');
        option.value = device.deviceId;
        option.textContent = device.label || unnamed + ' ' + ++n;
        option.selected = device.deviceId === current[kind];
        select.append(option);
      }
      select.disabled = select.options.length < 2;
    }
    el('camera-choice').disabled = el('camera-choice').disabled || el('audio-only').checked;
  }

  // Opens the devices remembered (or the defaults when those are gone) and explains the outcome.
  async function openDevices() {
    stopMeter();
    stopStream();
    const chosen = prefs();
    let result = await NaraMesh.openMedia(chosen);
    if ((result.error || result.warning) && (chosen.cameraId || chosen.microphoneId)) {
      for (const track of result.stream.getTracks()) track.stop();
      result = await NaraMesh.openMedia({ audioOnly: chosen.audioOnly });
    }
    stream = result.stream;
    el('precheck-preview').srcObject = stream;
    el('precheck-devices').hidden = false;
    el('audio-only').checked = !!chosen.audioOnly;
    if (result.error === 'denied') {
      precheckMessage('Webbläsaren har inte fått lov att använda mikrofonen och kameran. Tillåt dem i webbläsarens inställningar för den här sidan och ladda sedan om sidan.', true);
    } else if (result.error) {
      precheckMessage('Vi hittar ingen mikrofon. Anslut en mikrofon eller ett headset och tryck på ”Starta kamera och mikrofon” igen.', true);
    } else if (result.warning === 'camera-denied') {
      precheckMessage('Kameran är blockerad. Du kan delta med bara ljud, eller tillåta kameran i webbläsarens inställningar.', true);
    } else if (result.warning) {
      precheckMessage('Vi hittar ingen kamera. Du kan ändå delta i besöket med bara ljud.', true);
    } else if (chosen.audioOnly) {
      precheckMessage('Du deltar med bara ljud. Rör sig mätaren när du pratar?', false);
    } else {
      precheckMessage('Ser du dig själv? Rör sig mätaren när du pratar? Då fungerar kameran och mikrofonen.', false);
    }
    el('precheck-done').disabled = stream.getAudioTracks().length === 0 && result.error === 'denied';
    startMeter();
    await fillDevices().catch(() => {});
    return result;
  }

  function playTestSound() {
    const context = new AudioContext();
    const gain = context.createGain();
    gain.gain.value = 0.2;
    gain.connect(context.destination);
    [[660, 0], [880, 0.35]].forEach(([frequency, at]) => {
      const tone = context.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(context.currentTime + at);
      tone.stop(context.currentTime + at + 0.3);
    });
    setTimeout(() => context.close().catch(() => {}), 1200);
  }

  // ---- waiting room and call ------------------------------------------------------------------

  function tileOf(peerId) {
    return document.querySelector('#call-grid .tile.remote[data-peer="' + CSS.escape(peerId) + '"]');
  }

  function showRemote(peerId, remote, info) {
    let tile = tileOf(peerId);
    if (!tile) {
      tile = document.createElement('figure');
      tile.className = 'tile remote';
      tile.dataset.peer = peerId;
      const video = document.createElement('video');
      video.autoplay = true;
      video.playsInline = true;
      tile.append(video, document.createElement('figcaption'));
      el('call-grid').insertBefore(tile, el('call-self'));
    }
    tile.querySelector('figcaption').textContent = (info && info.name) || 'Vårdpersonal';
    const video = tile.querySelector('video');
    if (video.srcObject !== remote) video.srcObject = remote;
    video.play().catch(() => {});
  }

  function removeRemote(peerId) {
    const tile = tileOf(peerId);
    if (tile) tile.remove();
  }

  function peerState() {
    if (phase !== 'call') return;
    const states = Object.values(mesh.states());
    if (states.includes('connected')) status('Du är i samtalet.');
    else if (states.length > 0) status('Ansluter till vårdpersonalen …');
    else status('Väntar på vårdpersonalen …');
  }

  function enterCall() {
    show('call');
    el('call-self-video').srcObject = stream;
    el('call-self').classList.toggle('camera-off', !cameraOn);
    peerState();
  }

  function addChat(who, text) {
    const item = document.createElement('li');
    const when = new Date().toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
    item.textContent = when + ' ' + who + ': ' + text; // text, never HTML
    el('call-chat-log').append(item);
    item.scrollIntoView({ block: 'nearest' });
  }

  function sendFrame(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }

  function onFrame(frame) {
    if (frame.visit && frame.visit !== visit.id) return;
    switch (frame.type) {
      case 'joined':
        attempt = 0;
        joins += 1;
        mesh.handle(frame);
        if (frame.admitted) enterCall();
        else {
          show('waiting');
          status('');
        }
        return;
      case 'admitted':
        mesh.handle(frame);
        enterCall();
        return;
      case 'ended':
        mesh.handle(frame);
        finish('ended');
        return;
      case 'chat':
        addChat(frame.name || 'Vårdpersonal', frame.text || '');
        return;
      case 'error':
        if (frame.status === 404) {
          finish('refused');
          status('Det går inte att ansluta till besöket. Det kan vara avslutat. Kontakta din vårdcentral om du har frågor.', true);
        }
        return;
      default:
        mesh.handle(frame);
        peerState();
    }
  }

  function connect() {
    clearTimeout(retryTimer);
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const ws = new WebSocket(scheme + location.host + '/api/v1/events?token=' + encodeURIComponent(session.token));
    socket = ws;
    ws.onopen = () => {
      sendFrame({
        type: 'join', visit: visit.id,
        readiness: { camera: !!(stream && stream.getVideoTracks().length), microphone: !!(stream && stream.getAudioTracks().length) },
      });
    };
    ws.onmessage = (event) => {
      let frame = null;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame && socket === ws) onFrame(frame);
    };
    ws.onclose = () => {
      if (socket !== ws || phase === 'left' || phase === 'ended' || phase === 'refused') return;
      const delay = Math.min(5000, 500 * Math.pow(2, attempt++));
      status('Anslutningen bröts. Vi försöker ansluta igen …', true);
      retryTimer = setTimeout(connect, delay);
    };
  }

  async function goToWaitingRoom() {
    stopMeter();
    savePrefs({ audioOnly: el('audio-only').checked });
    try { sessionStorage.setItem(checkedKey + visit.id, '1'); } catch (e) { /* ignore */ }
    el('waiting-time').textContent = 'Ditt besök är bokat till ' + bookedTime() + '.';
    show('waiting');
    cameraOn = !!(stream && stream.getVideoTracks().length);
    mesh = new NaraMesh.Mesh({
      visit: visit.id,
      send: sendFrame,
      onRemoteStream: showRemote,
      onPeerGone: removeRemote,
      onPeerState: () => peerState(),
      onLog: (text) => console.debug('mesh: ' + text),
    });
    mesh.setLocalStream(stream);
    mesh.setMuted(muted);
    connect();
  }

  function finish(next) {
    show(next);
    clearTimeout(retryTimer);
    if (mesh) mesh.closeAll();
    const ws = socket;
    socket = null;
    if (ws) {
      if (next === 'left' && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'leave', visit: visit.id }));
      ws.close();
    }
    if (next === 'ended') {
      if (mesh) mesh.stop();
      stopStream();
      status('Besöket är avslutat. Tack för att du deltog!');
    } else if (next === 'left') {
      status('Du har lämnat samtalet. Du kan gå in igen så länge besöket pågår.');
    }
  }

  async function rejoin() {
    if (!stream || stream.getTracks().every((t) => t.readyState === 'ended')) {
      const result = await NaraMesh.openMedia(prefs());
      stream = result.stream;
    }
    await goToWaitingRoom();
  }

  function bind() {
    el('precheck-start').addEventListener('click', () => {
      el('precheck-start').textContent = 'Starta igen';
      openDevices().catch(() => precheckMessage('Kameran och mikrofonen kunde inte startas.', true));
    });
    el('camera-choice').addEventListener('change', () => { savePrefs({ cameraId: el('camera-choice').value }); openDevices(); });
    el('microphone-choice').addEventListener('change', () => { savePrefs({ microphoneId: el('microphone-choice').value }); openDevices(); });
    el('audio-only').addEventListener('change', () => { savePrefs({ audioOnly: el('audio-only').checked }); openDevices(); });
    el('test-sound').addEventListener('click', playTestSound);
    el('precheck-done').addEventListener('click', () => goToWaitingRoom());
    el('waiting-leave').addEventListener('click', () => finish('left'));
    el('call-leave').addEventListener('click', () => finish('left'));
    el('visit-rejoin').addEventListener('click', () => rejoin());
    el('call-chat').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = el('call-chat-text').value.trim();
      if (!text) return;
      if (!socket || socket.readyState !== WebSocket.OPEN) {
        status('Meddelandet kunde inte skickas just nu. Försök igen om en stund.', true);
        return;
      }
      sendFrame({ type: 'chat', visit: visit.id, text });
      addChat('Du', text);
      el('call-chat-text').value = '';
    });
    el('call-mute').addEventListener('click', () => {
      muted = !muted;
      mesh.setMuted(muted);
      el('call-mute').classList.toggle('off', muted);
      el('call-mute').textContent = muted ? 'Slå på mikrofonen' : 'Stäng av mikrofonen';
    });
    el('call-camera').addEventListener('click', async () => {
      if (cameraOn) {
        await mesh.replaceVideo(null);
        cameraOn = false;
      } else {
        try {
          await mesh.replaceVideo(await NaraMesh.openCamera(prefs().cameraId));
          cameraOn = true;
        } catch (e) {
          status('Kameran kunde inte startas. Du hörs fortfarande.', true);
        }
      }
      stream = new MediaStream([mesh.local.audio, mesh.local.video].filter(Boolean));
      el('call-self-video').srcObject = stream;
      el('call-self').classList.toggle('camera-off', !cameraOn);
      el('call-camera').classList.toggle('off', !cameraOn);
      el('call-camera').textContent = cameraOn ? 'Stäng av kameran' : 'Slå på kameran';
    });
  }

  // What the end-to-end test reads (runJavaScript cannot wait for promises).
  const probe = {
    phase: () => phase,
    joins: () => joins,
    meterState: () => (meter ? meter.context.state : ''),
    meterPeak: () => meterPeak,
    states: () => (mesh ? mesh.states() : {}),
    lastStats: null,
    refreshStats: () => { if (mesh) mesh.stats().then((s) => { probe.lastStats = s; }); },
    dropSocket: () => { if (socket) socket.close(); },
  };

  // Entry point, called by app.js once the session has a visit.
  async function start(currentSession, currentVisit) {
    session = currentSession;
    visit = currentVisit;
    window.naraVisit = probe;
    bind();
    el('visit').hidden = false;
    el('visit-when').textContent = 'Bokat till ' + bookedTime() + (visit.reason ? ' – ' + visit.reason : '') + '.';
    el('visit-with').textContent = visit.staff && visit.staff.length ? 'Du träffar ' + visit.staff.join(', ') + '.' : '';
    if (visit.state === 'ended') {
      show('ended');
      status('Besöket är avslutat.');
      return;
    }
    // Already checked in this tab (a reload): straight back to the waiting room or the call.
    if (sessionStorage.getItem(checkedKey + visit.id) === '1') {
      const result = await NaraMesh.openMedia(prefs());
      stream = result.stream;
      await goToWaitingRoom();
      return;
    }
    show('precheck');
  }

  window.NaraVisit = { start };
})();
