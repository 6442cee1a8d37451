// readaloud player page. No network requests, no innerHTML: the article text
// is already in the page; this script only moves the audio and the highlight.
(function () {
  'use strict';
  var audio = document.getElementById('audio');
  var data = JSON.parse(document.getElementById('cue-data').textContent);
  var cues = data.cues;            // [[start, end], ...] in seconds, by time
  var spans = [];                  // sentence elements by cue index
  Array.prototype.forEach.call(document.querySelectorAll('#text .s'), function (s) {
    spans[parseInt(s.getAttribute('data-i'), 10)] = s;
  });
  var status = document.getElementById('status');
  var follow = document.getElementById('follow');
  var speed = document.getElementById('speed');
  var reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var active = -1;

  function clock(t) {
    t = Math.max(0, Math.floor(t));
    var h = Math.floor(t / 3600), m = Math.floor(t / 60) % 60, s = t % 60;
    var ss = (s < 10 ? '0' : '') + s;
    return h ? h + ':' + (m < 10 ? '0' : '') + m + ':' + ss : m + ':' + ss;
  }

  // The cue being spoken at time t (the last one starting at or before t).
  function cueAt(t) {
    var lo = 0, hi = cues.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (cues[mid][0] <= t) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function highlight() {
    var i = cueAt(audio.currentTime);
    if (i === active) return;
    if (active >= 0 && spans[active]) spans[active].classList.remove('active');
    active = i;
    if (i < 0 || !spans[i]) return;
    spans[i].classList.add('active');
    if (follow.checked && !audio.paused) {
      spans[i].scrollIntoView({block: 'center', behavior: reduced ? 'auto' : 'smooth'});
    }
  }

  function tick() {
    highlight();
    if (!audio.paused) window.requestAnimationFrame(tick);
  }

  function playFrom(t) {
    audio.currentTime = t;
    highlight();
    var p = audio.play();
    if (p && p.catch) p.catch(function () {});
  }

  // Chapters: move the audio and say where we are.
  var buttons = document.querySelectorAll('button.chapter');
  Array.prototype.forEach.call(buttons, function (button, n) {
    button.addEventListener('click', function () {
      var start = parseFloat(button.getAttribute('data-start'));
      audio.currentTime = start;
      highlight();
      status.textContent = 'Chapter ' + (n + 1) + ' of ' + buttons.length + ': ' +
        button.querySelector('.title').textContent + ', at ' + clock(start);
    });
  });

  // Sentences: one Tab stop for the whole text (roving tabindex); arrow keys
  // move between sentences, Enter plays from the focused one.
  function focusSentence(i) {
    if (i < 0 || i >= spans.length || !spans[i]) return;
    spans.forEach(function (s) { s.tabIndex = -1; });
    spans[i].tabIndex = 0;
    spans[i].focus();
  }
  spans.forEach(function (span, i) {
    span.addEventListener('click', function () { focusSentence(i); playFrom(cues[i][0]); });
    span.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); playFrom(cues[i][0]); }
      else if (e.key === 'ArrowDown' || e.key === 'ArrowRight') { e.preventDefault(); focusSentence(i + 1); }
      else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') { e.preventDefault(); focusSentence(i - 1); }
    });
  });

  // Speed, remembered in this browser (storage may be refused, e.g. on file://).
  function setSpeed(value) {
    var v = parseFloat(value);
    if (!(v >= 0.75 && v <= 3)) return;
    audio.playbackRate = v;
    speed.value = String(v);
    try { window.localStorage.setItem('readaloud-speed', String(v)); } catch (err) { /* not remembered */ }
  }
  speed.addEventListener('change', function () { setSpeed(speed.value); });
  try {
    var saved = window.localStorage.getItem('readaloud-speed');
    if (saved) setSpeed(saved);
  } catch (err) { /* nothing saved */ }
  audio.addEventListener('loadedmetadata', function () { audio.playbackRate = parseFloat(speed.value); });

  audio.addEventListener('play', tick);
  audio.addEventListener('timeupdate', highlight);
  audio.addEventListener('seeked', highlight);
  audio.addEventListener('pause', highlight);
})();
