// Nära video call mesh (docs/api/contract.md, "Video visits and consult calls"): one
// RTCPeerConnection per remote peer (at most three), shared by the workstation's call page
// (qrc:/call/call.html) and the patient portal (/portal/mesh.js). Transport-agnostic: the owner
// passes a send(frame) function and hands every signalling frame it receives to handle(frame).
//
// Who offers: the peer already in the call, when it receives `peer-joined` (no glare). An offer
// always starts a fresh connection for that peer (rejoin after a drop closes and recreates it);
// a connection that fails is offered afresh by the side that offered it.
// Every connection carries one audio and one video transceiver from the start, so mute, camera
// off, device switch and "camera on again" are replaceTrack() calls that need no renegotiation.
'use strict';

(function (global) {
  const kMaxRemotes = 3;
  const kJobTimeoutMs = 10000;
  const kMaxRetries = 3; // fresh offers after a failed connection, before giving up

  // Opens the microphone and (unless audioOnly) the camera. When the camera cannot be opened,
  // retries with audio only and says so in `warning`. Never throws: a total failure gives a
  // stream without tracks and `error` ('denied', 'nodevice' or 'failed').
  async function openMedia(options) {
    const opts = options || {};
    const audio = opts.microphoneId ? { deviceId: { exact: opts.microphoneId } } : true;
    const video = opts.cameraId
      ? { deviceId: { exact: opts.cameraId }, width: { ideal: 640 }, height: { ideal: 480 } }
      : { width: { ideal: 640 }, height: { ideal: 480 } };
    const classify = (e) => {
      const name = e && e.name;
      if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
      if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'nodevice';
      return 'failed';
    };
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia)
      return { stream: new MediaStream(), audioOnly: true, error: 'failed', warning: 'nomedia' };
    if (!opts.audioOnly) {
      try {
        const stream = await navigator.mediaDevices.getUserMedia({ audio, video });
        return { stream, audioOnly: false, error: '', warning: '' };
      } catch (e) {
        const reason = classify(e);
        try {
          const stream = await navigator.mediaDevices.getUserMedia({ audio, video: false });
          return { stream, audioOnly: true, error: '', warning: reason === 'denied' ? 'camera-denied' : 'no-camera' };
        } catch (e2) {
          return { stream: new MediaStream(), audioOnly: true, error: classify(e2), warning: 'no-camera' };
        }
      }
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio, video: false });
      return { stream, audioOnly: true, error: '', warning: '' };
    } catch (e) {
      return { stream: new MediaStream(), audioOnly: true, error: classify(e), warning: '' };
    }
  }

  // Opens only a camera (camera on again, or another camera chosen).
  async function openCamera(cameraId) {
    const video = cameraId ? { deviceId: { exact: cameraId } } : true;
    const stream = await navigator.mediaDevices.getUserMedia({ audio: false, video });
    return stream.getVideoTracks()[0];
  }

  async function openMicrophone(microphoneId) {
    const audio = microphoneId ? { deviceId: { exact: microphoneId } } : true;
    const stream = await navigator.mediaDevices.getUserMedia({ audio, video: false });
    return stream.getAudioTracks()[0];
  }

  class Mesh {
    // options: { visit, send(frame), onRemoteStream(peerId, stream, peer), onPeerGone(peerId),
    //            onPeerState(peerId, state), onLog(text) }
    constructor(options) {
      this.visit = options.visit;
      this.send = options.send;
      this.onRemoteStream = options.onRemoteStream || (() => {});
      this.onPeerGone = options.onPeerGone || (() => {});
      this.onPeerState = options.onPeerState || (() => {});
      this.onLog = options.onLog || (() => {});
      this.self = '';
      this.iceServers = [];
      this.peers = new Map(); // peerId -> { info, pc, stream, pending[] }
      this.chains = new Map(); // peerId -> the promise of its last signal
      this.retries = new Map(); // peerId -> fresh offers made since it last connected
      this.names = new Map(); // peerId -> { id, name, kind }
      this.local = { audio: null, video: null };
      this.muted = false;
    }

    // The local tracks to send (either may be null). Replaces them on every connection.
    setLocalStream(stream) {
      this.local.audio = (stream && stream.getAudioTracks()[0]) || null;
      this.local.video = (stream && stream.getVideoTracks()[0]) || null;
      if (this.local.audio) this.local.audio.enabled = !this.muted;
      this.replaceAll();
    }

    setMuted(muted) {
      this.muted = !!muted;
      if (this.local.audio) this.local.audio.enabled = !this.muted;
    }

    // A new camera track (device switch, camera on again) or null (camera off).
    async replaceVideo(track) {
      if (this.local.video && this.local.video !== track) this.local.video.stop();
      this.local.video = track || null;
      await this.replaceAll();
    }

    async replaceAudio(track) {
      if (this.local.audio && this.local.audio !== track) this.local.audio.stop();
      this.local.audio = track || null;
      if (this.local.audio) this.local.audio.enabled = !this.muted;
      await this.replaceAll();
    }

    async replaceAll() {
      const jobs = [];
      for (const entry of this.peers.values()) jobs.push(this.attachLocal(entry.pc));
      await Promise.all(jobs);
    }

    async attachLocal(pc) {
      for (const transceiver of pc.getTransceivers()) {
        const kind = transceiver.receiver.track && transceiver.receiver.track.kind;
        const track = kind === 'audio' ? this.local.audio : kind === 'video' ? this.local.video : null;
        if (transceiver.sender.track === track) continue;
        try { await transceiver.sender.replaceTrack(track); } catch (e) { this.onLog('replaceTrack: ' + e); }
      }
    }

    // Every signalling frame the owner receives. Returns true when the mesh used it.
    handle(frame) {
      if (!frame || (frame.visit && this.visit && frame.visit !== this.visit)) return false;
      switch (frame.type) {
        case 'joined':
          this.self = frame.self || '';
          this.iceServers = Array.isArray(frame.iceServers) ? frame.iceServers : [];
          // A (re)join starts from nothing: those in the call offer to us again.
          this.onLog('joined as ' + this.self + (frame.admitted === false ? ' (waiting room)' : ''));
          this.closeAll();
          this.chains.clear();
          for (const peer of frame.peers || []) this.names.set(peer.id, peer);
          return true;
        case 'admitted':
          for (const peer of frame.peers || []) this.names.set(peer.id, peer);
          return true;
        case 'peer-joined':
          if (frame.peer && frame.peer.id) {
            this.onLog('peer-joined ' + frame.peer.id + ': offering');
            this.names.set(frame.peer.id, frame.peer);
            this.offerTo(frame.peer.id);
          }
          return true;
        case 'peer-left': {
          const peerId = typeof frame.peer === 'string' ? frame.peer : frame.peer && frame.peer.id;
          this.onLog('peer-left ' + peerId);
          this.close(peerId);
          this.chains.delete(peerId); // what was pending for the old connection is moot
          return true;
        }
        case 'signal':
          if (frame.from) this.enqueue(frame.from, () => this.onSignal(frame.from, frame.data || {}));
          return true;
        case 'ended':
          this.closeAll();
          return true;
        default:
          return false;
      }
    }

    // Signals of one peer are handled strictly in order (an answer or candidate never overtakes
    // the offer it belongs to).
    enqueue(peerId, job) {
      // A promise of a connection closed meanwhile may never settle: no job waits forever.
      const guarded = () => Promise.race([
        Promise.resolve().then(job),
        new Promise((resolve, reject) => setTimeout(() => reject(new Error('timed out')), kJobTimeoutMs)),
      ]);
      const chain = this.chains.get(peerId) || Promise.resolve();
      this.chains.set(peerId, chain.then(guarded).catch((e) => this.onLog('signal from ' + peerId + ': ' + e)));
    }

    create(peerId) {
      this.close(peerId);
      if (this.peers.size >= kMaxRemotes) {
        this.onLog('too many peers, ignoring ' + peerId);
        return null;
      }
      const pc = new RTCPeerConnection({ iceServers: this.iceServers });
      const entry = { pc, stream: new MediaStream(), pending: [], info: this.names.get(peerId) || { id: peerId } };
      this.peers.set(peerId, entry);
      pc.onicecandidate = (event) => {
        if (event.candidate)
          this.send({ type: 'signal', visit: this.visit, to: peerId, data: { candidate: event.candidate.toJSON() } });
      };
      pc.ontrack = (event) => {
        if (this.peers.get(peerId) !== entry) return;
        for (const old of entry.stream.getTracks())
          if (old.kind === event.track.kind && old !== event.track) entry.stream.removeTrack(old);
        if (!entry.stream.getTracks().includes(event.track)) entry.stream.addTrack(event.track);
        this.onRemoteStream(peerId, entry.stream, entry.info);
      };
      pc.onconnectionstatechange = () => {
        if (this.peers.get(peerId) !== entry) return;
        this.onLog(peerId + ': ' + pc.connectionState);
        if (pc.connectionState === 'connected') this.retries.delete(peerId);
        this.onPeerState(peerId, pc.connectionState);
        // A failed connection is started afresh by the side that offered it (no glare).
        if (pc.connectionState === 'failed' && entry.offerer) {
          const tries = this.retries.get(peerId) || 0;
          if (tries < kMaxRetries) {
            this.retries.set(peerId, tries + 1);
            setTimeout(() => { if (this.peers.get(peerId) === entry) this.offerTo(peerId); }, 1000 * (tries + 1));
          }
        }
      };
      this.onPeerState(peerId, 'new');
      return entry;
    }

    offerTo(peerId) {
      this.enqueue(peerId, async () => {
        const entry = this.create(peerId);
        if (!entry) return;
        entry.offerer = true;
        entry.pc.addTransceiver('audio', { direction: 'sendrecv' });
        entry.pc.addTransceiver('video', { direction: 'sendrecv' });
        await this.attachLocal(entry.pc);
        const offer = await entry.pc.createOffer();
        await entry.pc.setLocalDescription(offer);
        this.send({ type: 'signal', visit: this.visit, to: peerId, data: { sdp: { type: offer.type, sdp: offer.sdp } } });
      });
    }

    async onSignal(peerId, data) {
      if (data.sdp && data.sdp.type === 'offer') {
        this.onLog('offer from ' + peerId + ': answering');
        const entry = this.create(peerId); // an offer always means a new session
        if (!entry) return;
        await entry.pc.setRemoteDescription(data.sdp);
        for (const transceiver of entry.pc.getTransceivers()) transceiver.direction = 'sendrecv';
        await this.attachLocal(entry.pc);
        const answer = await entry.pc.createAnswer();
        await entry.pc.setLocalDescription(answer);
        this.send({ type: 'signal', visit: this.visit, to: peerId, data: { sdp: { type: answer.type, sdp: answer.sdp } } });
        await this.flush(entry);
      } else if (data.sdp && data.sdp.type === 'answer') {
        const entry = this.peers.get(peerId);
        if (!entry || entry.pc.signalingState !== 'have-local-offer') {
          this.onLog('answer from ' + peerId + ' ignored (no offer pending)');
          return;
        }
        await entry.pc.setRemoteDescription(data.sdp);
        await this.flush(entry);
      } else if (data.candidate) {
        const entry = this.peers.get(peerId);
        if (!entry) return;
        if (!entry.pc.remoteDescription) entry.pending.push(data.candidate);
        else await this.addCandidate(entry, data.candidate);
      }
    }

    async flush(entry) {
      const pending = entry.pending.splice(0);
      for (const candidate of pending) await this.addCandidate(entry, candidate);
    }

    async addCandidate(entry, candidate) {
      try { await entry.pc.addIceCandidate(candidate); } catch (e) { this.onLog('candidate: ' + e); }
    }

    close(peerId) {
      const entry = peerId && this.peers.get(peerId);
      if (!entry) return;
      this.peers.delete(peerId);
      entry.pc.onicecandidate = entry.pc.ontrack = entry.pc.onconnectionstatechange = null;
      entry.pc.close();
      this.onPeerState(peerId, 'closed');
      this.onPeerGone(peerId);
    }

    closeAll() {
      for (const peerId of Array.from(this.peers.keys())) this.close(peerId);
    }

    // Leaves the call: closes every connection and stops the local tracks.
    stop() {
      this.closeAll();
      for (const track of [this.local.audio, this.local.video]) if (track) track.stop();
      this.local = { audio: null, video: null };
    }

    states() {
      const out = {};
      for (const [peerId, entry] of this.peers) out[peerId] = entry.pc.connectionState;
      return out;
    }

    // Per peer: connectionState and the bytes sent and received for audio and video, from
    // getStats() (for the tests and a quality indicator).
    async stats() {
      const out = {};
      for (const [peerId, entry] of this.peers) {
        const summary = {
          name: (entry.info && entry.info.name) || '',
          connectionState: entry.pc.connectionState,
          iceConnectionState: entry.pc.iceConnectionState,
          audio: { bytesSent: 0, bytesReceived: 0 },
          video: { bytesSent: 0, bytesReceived: 0, framesDecoded: 0 },
        };
        try {
          const report = await entry.pc.getStats();
          report.forEach((s) => {
            const kind = s.kind || s.mediaType;
            if (kind !== 'audio' && kind !== 'video') return;
            if (s.type === 'inbound-rtp') {
              summary[kind].bytesReceived += s.bytesReceived || 0;
              if (kind === 'video') summary.video.framesDecoded += s.framesDecoded || 0;
            } else if (s.type === 'outbound-rtp') {
              summary[kind].bytesSent += s.bytesSent || 0;
            }
          });
        } catch (e) {
          summary.error = String(e);
        }
        out[peerId] = summary;
      }
      return out;
    }
  }

  global.NaraMesh = { Mesh, openMedia, openCamera, openMicrophone };
})(window);
