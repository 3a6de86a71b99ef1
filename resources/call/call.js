// The workstation's call page (qrc:/call/call.html): video tiles only. Everything else (controls,
// chat, participants, status, the signalling socket) is Qt widgets in CallWindow; they talk to
// this page through the QWebChannel object `bridge` (modules/call/ui/callbridge.h).
'use strict';

(function () {
  const grid = document.getElementById('grid');
  const selfTile = document.getElementById('self');
  const selfVideo = document.getElementById('self-video');
  const notice = document.getElementById('notice');
  let bridge = null;
  let mesh = null;
  let config = {};
  let camera = { on: true, id: '' };
  let microphoneId = '';

  function log(text) { if (bridge) bridge.log(String(text)); }

  function showNotice(text) {
    notice.textContent = text || '';
    notice.hidden = !text;
  }

  function tileOf(peerId) {
    return document.querySelector('.tile.remote[data-peer="' + CSS.escape(peerId) + '"]');
  }

  function showRemote(peerId, stream, info) {
    let tile = tileOf(peerId);
    if (!tile) {
      tile = document.createElement('figure');
      tile.className = 'tile remote';
      tile.dataset.peer = peerId;
      const video = document.createElement('video');
      video.autoplay = true;
      video.playsInline = true;
      const caption = document.createElement('figcaption');
      const state = document.createElement('span');
      state.className = 'state';
      tile.append(video, caption, state);
      grid.insertBefore(tile, selfTile);
    }
    tile.querySelector('figcaption').textContent = (info && info.name) || '';
    const video = tile.querySelector('video');
    if (video.srcObject !== stream) video.srcObject = stream;
    video.play().catch(() => {});
    grid.classList.remove('alone');
  }

  function removeRemote(peerId) {
    const tile = tileOf(peerId);
    if (tile) tile.remove();
    grid.classList.toggle('alone', !document.querySelector('.tile.remote'));
  }

  function peerState(peerId, state) {
    const tile = tileOf(peerId);
    if (tile) tile.querySelector('.state').textContent = state === 'disconnected' || state === 'failed' ? '⚠' : '';
    bridge.peerState(peerId, state);
  }

  function labelMatch(devices, kind, label) {
    if (!label) return '';
    const wanted = label.toLowerCase();
    const hit = devices.find((d) => d.kind === kind && d.label && (d.label.toLowerCase().startsWith(wanted) || wanted.startsWith(d.label.toLowerCase())));
    return hit ? hit.deviceId : '';
  }

  async function reportDevices() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.enumerateDevices) return [];
    const devices = await navigator.mediaDevices.enumerateDevices();
    const list = devices.filter((d) => d.kind === 'audioinput' || d.kind === 'videoinput')
      .map((d) => ({ kind: d.kind, deviceId: d.deviceId, label: d.label }));
    const current = {
      camera: (mesh && mesh.local.video && mesh.local.video.getSettings().deviceId) || '',
      microphone: (mesh && mesh.local.audio && mesh.local.audio.getSettings().deviceId) || '',
    };
    bridge.devices(JSON.stringify({ devices: list, current }));
    return list;
  }

  async function start(settings) {
    config = settings;
    document.getElementById('self-name').textContent = settings.selfName || 'Du';
    mesh = new NaraMesh.Mesh({
      visit: settings.visit,
      send: (frame) => bridge.send(JSON.stringify(frame)),
      onRemoteStream: showRemote,
      onPeerGone: removeRemote,
      onPeerState: peerState,
      onLog: log,
    });
    // Device ids differ between Qt Multimedia and Chromium: the pre-call check's choice is
    // matched by its description.
    let known = [];
    try { known = await navigator.mediaDevices.enumerateDevices(); } catch (e) { known = []; }
    camera.id = labelMatch(known, 'videoinput', settings.cameraLabel);
    microphoneId = labelMatch(known, 'audioinput', settings.microphoneLabel);
    const media = await NaraMesh.openMedia({ audioOnly: !!settings.audioOnly, cameraId: camera.id, microphoneId });
    camera.on = !media.audioOnly;
    selfVideo.srcObject = media.stream;
    selfTile.classList.toggle('camera-off', !camera.on);
    mesh.setLocalStream(media.stream);
    await reportDevices().catch(() => {});
    bridge.mediaReady(JSON.stringify({
      audioOnly: media.audioOnly,
      camera: media.stream.getVideoTracks().length > 0,
      microphone: media.stream.getAudioTracks().length > 0,
      warning: media.warning,
      error: media.error,
    }));
  }

  async function setCamera(on, cameraId) {
    if (cameraId !== undefined) camera.id = cameraId;
    camera.on = on;
    if (!on) {
      await mesh.replaceVideo(null);
    } else {
      try {
        const track = await NaraMesh.openCamera(camera.id);
        await mesh.replaceVideo(track);
      } catch (e) {
        camera.on = false;
        await mesh.replaceVideo(null);
        bridge.mediaProblem('camera');
      }
    }
    selfVideo.srcObject = new MediaStream([mesh.local.video, mesh.local.audio].filter(Boolean));
    selfTile.classList.toggle('camera-off', !camera.on);
    bridge.cameraChanged(camera.on);
  }

  async function setMicrophone(deviceId) {
    microphoneId = deviceId;
    try {
      await mesh.replaceAudio(await NaraMesh.openMicrophone(deviceId));
    } catch (e) {
      bridge.mediaProblem('microphone');
    }
  }

  async function onCommand(command) {
    if (!mesh) return;
    switch (command.cmd) {
      case 'mute': mesh.setMuted(command.on); break;
      case 'camera': await setCamera(command.on); break;
      case 'selectCamera': await setCamera(true, command.deviceId); break;
      case 'selectMicrophone': await setMicrophone(command.deviceId); break;
      case 'devices': await reportDevices(); break;
      case 'stats': bridge.statsReady(command.id, JSON.stringify(await mesh.stats())); break;
      case 'notice': showNotice(command.text); break;
      case 'leave': mesh.stop(); break;
      default: log('unknown command ' + command.cmd);
    }
  }

  new QWebChannel(qt.webChannelTransport, (channel) => {
    bridge = channel.objects.bridge;
    bridge.configure.connect((json) => start(JSON.parse(json)).catch((e) => log('start: ' + e)));
    bridge.frame.connect((json) => { if (mesh) mesh.handle(JSON.parse(json)); });
    bridge.command.connect((json) => onCommand(JSON.parse(json)).catch((e) => log('command: ' + e)));
    if (navigator.mediaDevices)
      navigator.mediaDevices.addEventListener('devicechange', () => reportDevices().catch(() => {}));
    bridge.pageReady();
  });
})();
