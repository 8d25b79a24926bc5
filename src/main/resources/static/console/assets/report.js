// 上报表单的增强功能（没有 JavaScript 时表单照样可以提交）：
// 1. 获取手机定位，填入经纬度；2. 选择照片时就检查类型和大小，大照片在手机上压缩后再上传；3. 照片预览；
// 4. 防止重复提交；5. 服务器拒收某张照片时，只移除那一张，其余照片和填写的内容都保留。
(function () {
  'use strict';
  var form = document.getElementById('report-form');
  if (!form) { return; }
  var MAX_BYTES = 5 * 1024 * 1024;
  var MAX_SIDE = 1920;
  var MAX_PHOTOS = 9;

  // ---- 定位 ----
  var locate = document.getElementById('locate');
  var status = document.getElementById('locate-status');
  var lat = document.getElementById('latitude');
  var lng = document.getElementById('longitude');
  function setStatus(text) { status.textContent = text; }
  function position() {
    if (!navigator.geolocation) { setStatus('此浏览器不支持定位，请填写地点即可。'); return; }
    setStatus('正在获取位置……');
    navigator.geolocation.getCurrentPosition(function (p) {
      lat.value = p.coords.latitude.toFixed(6);
      lng.value = p.coords.longitude.toFixed(6);
      setStatus('已定位：北纬 ' + lat.value + '，东经 ' + lng.value + '（精度约 ' + Math.round(p.coords.accuracy) + ' 米）');
    }, function (e) {
      setStatus(e.code === 1 ? '未获得定位授权，请填写地点即可。' : '暂时无法定位，请填写地点即可。');
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }
  if (locate) {
    locate.hidden = false;
    locate.addEventListener('click', position);
    if (!lat.value && navigator.permissions && navigator.permissions.query) {
      navigator.permissions.query({ name: 'geolocation' }).then(function (p) {
        if (p.state === 'granted') { position(); }
      }, function () { /* 不支持查询权限：等用户点击 */ });
    }
  }

  // ---- 照片：压缩、预览 ----
  var input = document.getElementById('photos');
  var preview = document.getElementById('photo-preview');
  var help = document.getElementById('photo-help');
  var busy = false;
  function shrink(file) {
    return new Promise(function (resolve) {
      if (!/^image\//.test(file.type)) {
        resolve({ refused: '“' + file.name + '”不是照片（只能上传 JPEG 或 PNG 照片）' });
        return;
      }
      if (file.size <= 1.5 * 1024 * 1024 && /^image\/(jpeg|png)$/.test(file.type)) {
        resolve(file);
        return;
      }
      var url = URL.createObjectURL(file);
      var img = new Image();
      img.onload = function () {
        var scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(img.naturalWidth * scale);
        canvas.height = Math.round(img.naturalHeight * scale);
        canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        canvas.toBlob(function (blob) {
          if (!blob) { resolve(file); return; }
          var name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
          resolve(new File([blob], name, { type: 'image/jpeg', lastModified: Date.now() }));
        }, 'image/jpeg', 0.85);
      };
      img.onerror = function () {
        URL.revokeObjectURL(url);
        resolve({ refused: '“' + file.name + '”无法读取，请换一张 JPEG 或 PNG 照片' });
      };
      img.src = url;
    });
  }
  function showPreview() {
    preview.textContent = '';
    Array.prototype.forEach.call(input.files, function (f) {
      var img = document.createElement('img');
      img.alt = f.name;
      img.src = URL.createObjectURL(f);
      preview.appendChild(img);
    });
  }
  if (input && window.DataTransfer && window.Promise) {
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files);
      if (!files.length) { preview.textContent = ''; return; }
      if (files.length > MAX_PHOTOS) {
        help.textContent = '最多 ' + MAX_PHOTOS + ' 张，已只保留前 ' + MAX_PHOTOS + ' 张。';
        files = files.slice(0, MAX_PHOTOS);
      }
      busy = true;
      help.textContent = '正在处理照片……';
      Promise.all(files.map(shrink)).then(function (done) {
        var transfer = new DataTransfer();
        var refused = [];
        done.forEach(function (f) {
          if (f.refused) { refused.push(f.refused); } else if (f.size > MAX_BYTES) {
            refused.push('“' + f.name + '”超过 5 MB，未能压缩');
          } else { transfer.items.add(f); }
        });
        input.files = transfer.files;
        showPreview();
        help.textContent = '已选择 ' + input.files.length + ' 张照片' +
          (refused.length ? '；' + refused.join('；') + '，已移除。' : '。');
        help.className = refused.length ? 'help bad' : 'help';
        busy = false;
      });
    });
  }

  // ---- 提交：防止重复提交；服务器拒收时留在本页，只移除被拒的照片 ----
  var button = document.getElementById('submit-report');
  function showProblems(box) {
    var old = document.getElementById('report-problems');
    if (old) { old.remove(); }
    document.querySelectorAll('.report > .notice.bad').forEach(function (n) { n.remove(); });
    box.id = 'report-problems';
    form.parentNode.insertBefore(box, form);
    box.scrollIntoView({ block: 'start' });
  }
  function dropRefusedPhotos(text) {
    if (!input || !window.DataTransfer) { return []; }
    var transfer = new DataTransfer();
    var dropped = [];
    Array.prototype.forEach.call(input.files, function (f) {
      if (text.indexOf('“' + f.name + '”') >= 0) { dropped.push(f.name); } else { transfer.items.add(f); }
    });
    input.files = transfer.files;
    showPreview();
    return dropped;
  }
  form.addEventListener('submit', function (evt) {
    if (busy) { evt.preventDefault(); help.textContent = '照片还在处理，请稍候再提交。'; return; }
    if (!window.fetch || !window.DOMParser) {
      setTimeout(function () { button.disabled = true; button.textContent = '正在提交……'; }, 0);
      return;
    }
    evt.preventDefault();
    button.disabled = true;
    button.textContent = '正在提交……';
    fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' }).then(function (response) {
      if (response.redirected && /\/console\/report\/\d+/.test(response.url)) {
        window.location.href = response.url;
        return;
      }
      return response.text().then(function (html) {
        var answer = new DOMParser().parseFromString(html, 'text/html');
        var problems = answer.querySelector('.notice.bad');
        if (!problems) { throw new Error('unexpected answer'); }
        var hint = problems.querySelector('.small');
        if (hint) { hint.remove(); }
        var dropped = dropRefusedPhotos(problems.textContent);
        var kept = document.createElement('div');
        kept.className = 'small';
        kept.textContent = (dropped.length ? '已移除被拒收的照片：' + dropped.join('、') + '。' : '') +
          '其余照片和填写的内容都已保留，改正后直接再次提交即可。';
        problems.appendChild(kept);
        showProblems(problems);
        help.textContent = '已选择 ' + (input ? input.files.length : 0) + ' 张照片。';
        button.disabled = false;
        button.textContent = '提交上报';
      });
    }).catch(function () {
      var box = document.createElement('div');
      box.className = 'notice bad';
      box.textContent = '网络不稳定，上报没有提交成功。填写的内容和照片都已保留，请到信号好的地方再点“提交上报”（不会重复上报）。';
      showProblems(box);
      button.disabled = false;
      button.textContent = '提交上报';
    });
  });
})();
