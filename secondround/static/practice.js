// Mock interview page: a timer, and recording with MediaRecorder. Pieces of the recording
// are uploaded every few seconds so the server transcribes while the candidate speaks;
// when they stop, little is left to do. The page works without this script (type the
// answer, or upload a file).
(function () {
  "use strict";
  const started = Date.now();
  const elapsed = document.getElementById("elapsed");
  const tick = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    if (elapsed) elapsed.textContent = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
  };
  setInterval(tick, 1000);

  const recorderBox = document.getElementById("recorder");
  if (!recorderBox || !window.MediaRecorder || !navigator.mediaDevices) return;
  recorderBox.hidden = false;
  const csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
  const recordButton = document.getElementById("record-button");
  const stopButton = document.getElementById("stop-button");
  const status = document.getElementById("record-status");
  const live = document.getElementById("live-transcript");
  // A piece every 3 s: the server transcribes each as it comes, so when the candidate
  // stops only the last piece is left (bench/speech.py measures with the same size).
  const PIECE_MS = 3000;
  const MAX_SECONDS = 300; // the longest answer the server takes (speech.MAX_SECONDS)
  let autoStop = null;
  let recorder = null;
  let urls = null;
  let uploads = Promise.resolve();
  let recordingStarted = 0;

  const post = (url, body) =>
    fetch(url, { method: "POST", headers: { "X-CSRFToken": csrf }, body: body, credentials: "same-origin" })
      .then((response) => response.json().then((data) => ({ ok: response.ok, data: data })));

  recordButton.addEventListener("click", async () => {
    recordButton.disabled = true;
    status.textContent = "Asking for the microphone…";
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      status.textContent = "The microphone is not available: " + error.message + ". You can type or upload instead.";
      recordButton.disabled = false;
      return;
    }
    const begun = await post(recorderBox.dataset.start, null);
    if (!begun.ok) { status.textContent = begun.data.error; recordButton.disabled = false; return; }
    urls = begun.data;
    recorder = new MediaRecorder(stream);
    recorder.addEventListener("dataavailable", (event) => {
      if (!event.data || !event.data.size) return;
      const piece = event.data;
      // Pieces are sent in order: each only decodes after the ones before it.
      uploads = uploads.then(() => post(urls.piece, piece)).then((answer) => {
        if (answer.ok && answer.data.text) live.textContent = answer.data.text;
        if (answer.ok && recorder && recorder.state === "recording") {
          const heard = answer.data.words || 0;
          status.textContent = "Recording. " + (heard ? heard + " word" + (heard === 1 ? "" : "s") + " heard so far." : "Speak as you would on the day.");
        }
        if (!answer.ok) status.textContent = answer.data.error;
      });
    });
    recorder.addEventListener("stop", () => {
      stream.getTracks().forEach((track) => track.stop());
      if (autoStop) clearTimeout(autoStop);
      status.textContent = "Finishing the transcript: sending the last seconds…";
      uploads.then(() => post(urls.finish, null)).then((answer) => { window.location.href = answer.data.result; });
    });
    recorder.start(PIECE_MS);
    recordingStarted = Date.now();
    autoStop = setTimeout(() => {
      if (recorder && recorder.state !== "inactive") {
        stopButton.disabled = true;
        recorder.stop();
        status.textContent = "Stopped at 5 minutes, the longest answer we take.";
      }
    }, MAX_SECONDS * 1000);
    status.textContent = "Recording. Speak as you would on the day.";
    stopButton.disabled = false;
  });

  stopButton.addEventListener("click", () => {
    stopButton.disabled = true;
    if (recorder && recorder.state !== "inactive") recorder.stop();
    const seconds = Math.round((Date.now() - recordingStarted) / 1000);
    status.textContent = "Stopped after " + seconds + " s.";
  });
})();
