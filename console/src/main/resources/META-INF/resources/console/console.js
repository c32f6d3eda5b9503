// The console's few behaviours: copy buttons, confirmations, panels that refresh themselves, the bitrate
// chart and the player. Pages work without it, except that a refreshing panel then shows the state of the
// page load.
"use strict";

(function () {
  const CHART_WINDOW_MS = 5 * 60 * 1000;

  function say(element, text) {
    if (element) {
      element.textContent = text;
    }
  }

  // Copy buttons: data-copy names the field whose value goes to the clipboard.
  document.addEventListener("click", async (event) => {
    const button = event.target.closest("button.copy");
    if (!button) {
      return;
    }
    const field = document.getElementById(button.dataset.copy);
    const status = button.closest("section").querySelector(".copied");
    try {
      await navigator.clipboard.writeText(field.value);
      say(status, "Copied.");
    } catch (e) {
      field.select();
      say(status, "Selected: press Ctrl+C (⌘C) to copy.");
    }
  });

  // Forms that change something hard to undo ask first.
  document.addEventListener("submit", (event) => {
    const question = event.target.dataset.confirm;
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // Simulcast presets fill the server URL; the key stays the user's to paste.
  document.addEventListener("click", (event) => {
    const preset = event.target.closest("button.preset");
    if (preset) {
      const url = document.getElementById("target-url");
      url.value = preset.dataset.url;
      document.getElementById("target-key").focus();
    }
  });

  // Panels with data-refresh fetch their content again every data-every milliseconds. A panel holding the
  // keyboard focus is left alone until the focus moves on, so that no button disappears under a key press.
  const connection = document.getElementById("connection");
  function refresh(panel) {
    if (panel.contains(document.activeElement) && document.activeElement !== document.body) {
      return Promise.resolve();
    }
    return fetch(panel.dataset.refresh, { headers: { "X-Requested-With": "JavaScript" }, credentials: "same-origin" })
      .then((response) => {
        if (response.status === 499 || response.status === 401) {
          connection.hidden = false;
          say(connection, "Your session has ended: reload the page to sign in again.");
          return null;
        }
        connection.hidden = true;
        return response.text();
      })
      .then((html) => {
        if (html === null) {
          return;
        }
        if (html !== panel.dataset.last) {
          panel.dataset.last = html;
          panel.innerHTML = html;
        }
        panel.dispatchEvent(new CustomEvent("refreshed", { bubbles: true }));
      })
      .catch(() => {
        connection.hidden = false;
        say(connection, "The connection to the console is lost; trying again.");
      });
  }
  document.querySelectorAll("[data-refresh]").forEach((panel) => {
    const every = Number(panel.dataset.every) || 5000;
    const tick = () => refresh(panel).finally(() => setTimeout(tick, every));
    setTimeout(tick, every);
  });

  // A page that answers a create or a rotation shows the key once; its address becomes the stream's own, so
  // that a reload shows the stream (without the key) instead of sending the form again.
  const page = document.querySelector("[data-stream]");
  if (page) {
    const own = "/streams/" + encodeURIComponent(page.dataset.stream);
    if (window.location.pathname !== own) {
      window.history.replaceState(null, "", own);
    }
  }

  // The bitrate chart: one sample per refresh of the status panel, kept for the page's tab in sessionStorage.
  const chart = document.getElementById("bitrate-chart");
  function samplesKey() {
    return "sluice.bitrate." + page.dataset.stream;
  }
  function loadSamples() {
    try {
      return JSON.parse(sessionStorage.getItem(samplesKey()) || "[]");
    } catch (e) {
      return [];
    }
  }
  function drawChart() {
    const live = document.querySelector("#live-panel .live");
    if (!chart || !live) {
      return;
    }
    const now = Date.now();
    const samples = loadSamples().filter((s) => now - s.t < CHART_WINDOW_MS);
    samples.push({ t: now, kbps: Number(live.dataset.bitrate) || 0 });
    sessionStorage.setItem(samplesKey(), JSON.stringify(samples));
    const peak = Math.max(1, ...samples.map((s) => s.kbps));
    const points = samples.map((s) => {
      const x = 300 - ((now - s.t) / CHART_WINDOW_MS) * 300;
      const y = 78 - (s.kbps / peak) * 74;
      return x.toFixed(1) + "," + y.toFixed(1);
    });
    chart.querySelector("polyline").setAttribute("points", points.join(" "));
    const latest = samples[samples.length - 1].kbps;
    say(document.getElementById("chart-peak"),
      "now " + latest.toLocaleString() + " kbit/s, peak " + (peak > 1 ? peak.toLocaleString() : "0") + " kbit/s");
  }

  // The player: hls.js where Media Source Extensions exist, the browser's own HLS otherwise (Safari).
  const video = document.getElementById("player");
  const playerState = document.getElementById("player-state");
  let hls = null;
  let source = null;
  function play(url, live) {
    if (!video || !url) {
      return;
    }
    source = url;
    if (hls) {
      hls.destroy();
      hls = null;
    }
    say(playerState, live ? "Loading the live stream…" : "Loading the recording…");
    if (window.Hls && window.Hls.isSupported()) {
      hls = new window.Hls({ lowLatencyMode: true, liveSyncDurationCount: 2 });
      hls.on(window.Hls.Events.MANIFEST_PARSED, () => {
        video.play().catch(() => say(playerState, "Press play to start."));
      });
      hls.on(window.Hls.Events.ERROR, (event, data) => {
        if (data.fatal) {
          say(playerState, data.response && data.response.code === 404
            ? "Nothing to play yet: the player starts when the stream goes live."
            : "The player stopped: " + data.details + ".");
          hls.destroy();
          hls = null;
          source = null;
        }
      });
      hls.loadSource(url);
      hls.attachMedia(video);
    } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
      video.src = url;
      video.play().catch(() => say(playerState, "Press play to start."));
    } else {
      say(playerState, "This browser cannot play HLS.");
    }
  }
  if (video) {
    video.addEventListener("playing", () => say(playerState, source === video.dataset.src ? "Playing." : "Playing the recording."));
    document.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-play]");
      if (button) {
        play(button.dataset.play, false);
        video.focus();
      }
    });
  }

  // What the player shows follows the page: the live stream while it is live, else the newest recording
  // (the playback URL's answer once the stream has ended), else nothing yet. It changes only when that
  // changes, so a recording picked with its Play button keeps playing.
  let wanted = null;
  function updatePlayer() {
    const live = document.querySelector("#live-panel .live");
    if (!live || !video) {
      return;
    }
    const recorded = document.querySelector("#recordings-panel tr[data-recording-id]:not([data-recording-status=deleted])");
    const want = live.dataset.live === "true" ? "live" : recorded ? "recording" : "nothing";
    if (want === wanted) {
      return;
    }
    wanted = want;
    if (want === "nothing") {
      if (hls) {
        hls.destroy();
        hls = null;
      }
      say(playerState, "Nothing to play yet: the player starts when the stream goes live.");
    } else {
      play(video.dataset.src, want === "live");
    }
  }
  const livePanel = document.getElementById("live-panel");
  if (livePanel) {
    livePanel.addEventListener("refreshed", () => {
      drawChart();
      updatePlayer();
    });
    document.getElementById("recordings-panel").addEventListener("refreshed", updatePlayer);
    drawChart();
    updatePlayer();
  }
})();
