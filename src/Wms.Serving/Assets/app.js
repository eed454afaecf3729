// The upload page: drop photos, see photo, mask and overlay side by side, download masks.
(function () {
  'use strict';

  const drop = document.getElementById('drop');
  const input = document.getElementById('files');
  const results = document.getElementById('results');
  const template = document.getElementById('card');
  const apiKey = document.getElementById('apikey');
  const downloadAll = document.getElementById('download-all');
  const summary = document.getElementById('summary');
  const model = document.getElementById('model');
  const masks = [];                 // { name, bytes } in upload order
  const pending = [];
  const parallel = 2;               // the server queues the rest; more only waits longer
  let running = 0;

  apiKey.value = sessionStorage.getItem('wms-api-key') || '';
  apiKey.addEventListener('change', () => sessionStorage.setItem('wms-api-key', apiKey.value));

  async function showModel() {
    try {
      const response = await fetch('/ready', { cache: 'no-store' });
      const body = await response.json();
      model.textContent = response.ok
        ? `Model ${body.model_version}` + (body.model_run_id ? ` (run ${body.model_run_id})` : '')
        : `Not ready: ${body.reason || 'no model loaded yet'}`;
    } catch (e) {
      model.textContent = 'Server unreachable';
    }
  }

  function stem(name) {
    const dot = name.lastIndexOf('.');
    return dot > 0 ? name.slice(0, dot) : name;
  }

  function uniqueName(name) {
    let candidate = name, n = 2;
    while (masks.some(m => m.name === candidate)) candidate = name.replace(/\.png$/, ` (${n++}).png`);
    return candidate;
  }

  function base64ToBytes(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function loadImage(src) {
    return new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => resolve(img);
      img.onerror = reject;
      img.src = src;
    });
  }

  // The photo with the counter tinted red: the mask is scaled to the photo, as the CLI's --overlay does.
  async function drawOverlay(canvas, photoUrl, maskUrl) {
    const [photo, mask] = await Promise.all([loadImage(photoUrl), loadImage(maskUrl)]);
    const scale = Math.min(1, 1024 / Math.max(photo.naturalWidth, photo.naturalHeight));
    canvas.width = Math.round(photo.naturalWidth * scale);
    canvas.height = Math.round(photo.naturalHeight * scale);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(photo, 0, 0, canvas.width, canvas.height);

    const tint = document.createElement('canvas');
    tint.width = mask.naturalWidth;
    tint.height = mask.naturalHeight;
    const tctx = tint.getContext('2d');
    tctx.drawImage(mask, 0, 0);
    const pixels = tctx.getImageData(0, 0, tint.width, tint.height);
    const d = pixels.data;
    for (let i = 0; i < d.length; i += 4) {
      const on = d[i] > 127;
      d[i] = 255; d[i + 1] = 32; d[i + 2] = 32; d[i + 3] = on ? 110 : 0;
    }
    tctx.putImageData(pixels, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(tint, 0, 0, canvas.width, canvas.height);
  }

  function addCard(file) {
    const card = template.content.firstElementChild.cloneNode(true);
    card.querySelector('.name').textContent = file.name;
    const photoUrl = URL.createObjectURL(file);
    card.querySelector('.photo').src = photoUrl;
    results.prepend(card);
    pending.push({ file, card, photoUrl });
    pump();
  }

  function pump() {
    while (running < parallel && pending.length > 0) {
      const job = pending.shift();
      running++;
      predict(job).finally(() => { running--; pump(); });
    }
  }

  async function predict({ file, card, photoUrl }) {
    const status = card.querySelector('.status');
    const meta = card.querySelector('.meta');
    status.textContent = 'predicting...';
    const form = new FormData();
    form.append('image', file, file.name);
    const headers = { Accept: 'application/json' };
    if (apiKey.value) headers['X-API-Key'] = apiKey.value;
    const started = performance.now();
    try {
      const response = await fetch('/predict', { method: 'POST', body: form, headers });
      const body = await response.json();
      const roundTrip = (performance.now() - started) / 1000;
      if (!response.ok) {
        status.textContent = `error ${response.status}`;
        status.className = 'status error';
        card.classList.add('failed');
        meta.textContent = body.detail || body.title || response.statusText;
        return;
      }
      const m = body.metadata;
      const maskUrl = 'data:image/png;base64,' + body.mask_base64;
      card.querySelector('.mask').src = maskUrl;
      await drawOverlay(card.querySelector('.overlay'), photoUrl, maskUrl);
      status.textContent = 'done';
      status.className = 'status ok';
      meta.textContent = `${m.input_size[0]}x${m.input_size[1]} photo; server ${(m.latency_seconds * 1000).toFixed(0)} ms, ` +
        `round trip ${(roundTrip * 1000).toFixed(0)} ms; counter covers ${m.coverage_percent.toFixed(2)}% of the mask; model ${m.model_version}`;

      const entry = { name: uniqueName(`mask_${stem(file.name)}.png`), bytes: base64ToBytes(body.mask_base64) };
      masks.push(entry);
      const button = card.querySelector('.download');
      button.disabled = false;
      button.addEventListener('click', () => save(new Blob([entry.bytes], { type: 'image/png' }), entry.name));
      downloadAll.disabled = false;
      summary.textContent = `${masks.length} mask(s) ready`;
    } catch (e) {
      status.textContent = 'error';
      status.className = 'status error';
      card.classList.add('failed');
      meta.textContent = String(e);
    }
  }

  function addFiles(files) {
    for (const file of files) addCard(file);
  }

  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('over');
    addFiles(e.dataTransfer.files);
  });
  input.addEventListener('change', () => { addFiles(input.files); input.value = ''; });
  downloadAll.addEventListener('click', () =>
    save(WmsZip.createZip(masks.map(m => ({ name: m.name, data: m.bytes }))), 'masks.zip'));
  document.getElementById('clear').addEventListener('click', () => {
    results.replaceChildren();
    masks.length = 0;
    downloadAll.disabled = true;
    summary.textContent = '';
  });

  showModel();
  setInterval(showModel, 15000);
})();
