// 我的待办：手机上办理。网络不好时也不丢内容：
// 照片在手机上缩小后上传；每次提交带一个提交编号（Idempotency-Key），断网重试不会重复办理；失败后内容保留，可直接重试。
(function () {
  'use strict';
  var root = document.getElementById('todo');
  if (!root || !window.fetch || !window.FormData) { return; }
  var MAX_SIDE = 1600;
  var MAX_PHOTOS = 9;
  var MAX_BYTES = 5 * 1024 * 1024;
  var notice = document.getElementById('notice');
  var here = document.getElementById('here');
  var position = null;

  var saved = sessionStorage.getItem('todo-notice');
  if (saved) {
    sessionStorage.removeItem('todo-notice');
    notice.textContent = saved;
    notice.hidden = false;
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return 'k' + Date.now().toString(36) + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  }

  // ---- 位置与距离 ----
  function metres(lat1, lng1, lat2, lng2) {
    var rad = Math.PI / 180, dLat = (lat2 - lat1) * rad, dLng = (lng2 - lng1) * rad;
    var a = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
    return 2 * 6371000 * Math.asin(Math.min(1, Math.sqrt(a)));
  }
  function distanceText(m) { return m < 1000 ? Math.round(m) + ' 米' : (m / 1000).toFixed(1) + ' 公里'; }
  function located(p) {
    position = p.coords;
    here.textContent = '距离按您当前位置计算（精度约 ' + Math.round(p.coords.accuracy) + ' 米）';
    Array.prototype.forEach.call(root.querySelectorAll('article.step[data-lat]'), function (card) {
      var d = metres(position.latitude, position.longitude, parseFloat(card.dataset.lat), parseFloat(card.dataset.lng));
      var span = card.querySelector('.distance');
      if (span) { span.textContent = '· 距您 ' + distanceText(d); }
    });
    Array.prototype.forEach.call(root.querySelectorAll('form.fix'), function (form) {
      form.elements.latitude.value = position.latitude.toFixed(6);
      form.elements.longitude.value = position.longitude.toFixed(6);
      form.elements.accuracy.value = Math.round(position.accuracy);
      form.querySelector('.pos').textContent = '提交时附上手机定位：北纬 ' + position.latitude.toFixed(5) + '，东经 ' +
        position.longitude.toFixed(5) + '（精度约 ' + Math.round(position.accuracy) + ' 米）';
    });
  }
  function locate() {
    if (!navigator.geolocation) { here.textContent = '此浏览器不能定位，距离不显示'; return; }
    navigator.geolocation.getCurrentPosition(located, function (e) {
      here.textContent = e.code === 1 ? '未允许定位，距离不显示' : '暂时无法定位，距离不显示';
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }
  locate();

  // ---- 照片：选择时检查，手机上缩小成 JPEG ----
  function shrink(file) {
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(file);
      var img = new Image();
      img.onload = function () {
        var scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
        var canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
        canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
        canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        canvas.toBlob(function (blob) {
          if (blob) { resolve({ blob: blob, name: file.name.replace(/\.[^.]*$/, '') + '.jpg' }); } else { reject(file); }
        }, 'image/jpeg', 0.82);
      };
      img.onerror = function () { URL.revokeObjectURL(url); reject(file); };
      img.src = url;
    });
  }
  function showPhotos(form) {
    var box = form.querySelector('.thumbs');
    box.textContent = '';
    form.photos.forEach(function (p, i) {
      var item = document.createElement('span');
      item.className = 'thumb';
      var img = document.createElement('img');
      img.src = URL.createObjectURL(p.blob);
      img.alt = p.name;
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.title = '移除这张照片';
      remove.addEventListener('click', function () { form.photos.splice(i, 1); form.key = null; showPhotos(form); });
      item.appendChild(img);
      item.appendChild(remove);
      box.appendChild(item);
    });
  }
  Array.prototype.forEach.call(root.querySelectorAll('input.photos'), function (input) {
    var form = input.form;
    form.photos = [];
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files);
      var refused = [];
      var result = form.querySelector('.result');
      result.className = 'result';
      result.textContent = '正在处理照片……';
      Promise.all(files.map(function (f) {
        if (!/^image\//.test(f.type)) { refused.push('“' + f.name + '”不是照片'); return null; }
        return shrink(f).then(function (p) {
          if (p.blob.size > MAX_BYTES) { refused.push('“' + f.name + '”压缩后仍超过 5 MB'); return null; }
          return p;
        }, function () { refused.push('“' + f.name + '”无法读取'); return null; });
      })).then(function (done) {
        done.forEach(function (p) {
          if (!p) { return; }
          if (form.photos.length >= MAX_PHOTOS) { refused.push('最多 ' + MAX_PHOTOS + ' 张，“' + p.name + '”未添加'); return; }
          form.photos.push(p);
        });
        input.value = '';
        form.key = null;
        showPhotos(form);
        result.textContent = '已选 ' + form.photos.length + ' 张照片' + (refused.length ? '；' + refused.join('；') + '，未添加。' : '。');
        if (refused.length) { result.className = 'result bad'; }
      });
    });
  });

  // ---- 提交：带提交编号，断网自动重试，失败后内容保留 ----
  function wait(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  function send(form, attempt) {
    var body = new FormData(form);
    (form.photos || []).forEach(function (p) { body.append('photos', p.blob, p.name); });
    var headers = { 'Idempotency-Key': form.key, 'Accept': 'application/json' };
    headers[root.dataset.csrfHeader] = root.dataset.csrf;
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller && setTimeout(function () { controller.abort(); }, form.photos && form.photos.length ? 90000 : 30000);
    return fetch(form.dataset.url, { method: 'POST', body: body, headers: headers, credentials: 'same-origin',
      signal: controller ? controller.signal : undefined }).then(function (response) {
      clearTimeout(timer);
      if (response.redirected && /\/console\/login/.test(response.url)) {
        return { refused: '登录已过期：请在新标签页重新登录后，回到这里点“重试提交”（填写的内容已保留）' };
      }
      var type = response.headers.get('Content-Type') || '';
      if (response.ok && /json/.test(type)) { return response.json(); }
      if (response.status >= 400 && response.status < 500 && /json/.test(type)) {
        return response.json().then(function (p) { return { refused: p.detail || '提交未被接受' }; });
      }
      throw new Error('HTTP ' + response.status);
    }, function (e) { clearTimeout(timer); throw e; }).catch(function (e) {
      if (attempt >= 3) { throw e; }
      form.querySelector('.result').textContent = '网络不稳定，正在第 ' + (attempt + 1) + ' 次重试……';
      return wait(1500 * attempt * attempt).then(function () { return send(form, attempt + 1); });
    });
  }
  Array.prototype.forEach.call(root.querySelectorAll('form.act'), function (form) {
    form.addEventListener('input', function () { form.key = null; });
    form.addEventListener('submit', function (evt) {
      evt.preventDefault();
      var button = form.querySelector('button[type=submit]');
      var result = form.querySelector('.result');
      if (form.classList.contains('fix') && !form.photos.length) {
        result.className = 'result bad';
        result.textContent = '请至少拍一张整改后照片';
        return;
      }
      if (button.disabled) { return; }
      if (form.classList.contains('fix') && !position) { locate(); }
      form.key = form.key || newKey();
      var label = button.dataset.label || button.textContent;
      button.dataset.label = label;
      button.disabled = true;
      button.textContent = '正在提交……';
      result.className = 'result';
      result.textContent = '';
      send(form, 1).then(function (answer) {
        button.disabled = false;
        if (answer.refused) {
          button.textContent = label;
          result.className = 'result bad';
          result.textContent = answer.refused;
          return;
        }
        button.textContent = '已完成';
        button.disabled = true;
        result.className = 'result ok';
        result.textContent = '✓ ' + answer.message;
        notice.textContent = '✓ ' + answer.message;
        notice.hidden = false;
        sessionStorage.setItem('todo-notice', '✓ ' + answer.message);
        setTimeout(function () { location.replace('/console/todo'); }, 1200);
      }, function () {
        button.disabled = false;
        button.textContent = '重试提交';
        result.className = 'result bad';
        result.textContent = '网络不稳定，提交没有完成。填写的内容和照片都还在，请到信号好的地方点“重试提交”（不会重复办理）。';
      });
    });
  });
})();
