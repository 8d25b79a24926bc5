// 上报表单的增强功能（没有 JavaScript 时表单照样可以提交）：
// 1. 获取手机定位，填入经纬度；2. 大照片在手机上压缩后再上传；3. 照片预览；4. 防止重复提交。
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
      if (!/^image\//.test(file.type) || (file.size <= 1.5 * 1024 * 1024 && /jpeg|png/.test(file.type))) {
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
      img.onerror = function () { URL.revokeObjectURL(url); resolve(file); };
      img.src = url;
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
        var tooBig = [];
        done.forEach(function (f) { if (f.size > MAX_BYTES) { tooBig.push(f.name); } else { transfer.items.add(f); } });
        input.files = transfer.files;
        preview.textContent = '';
        Array.prototype.forEach.call(input.files, function (f) {
          var img = document.createElement('img');
          img.alt = f.name;
          img.src = URL.createObjectURL(f);
          preview.appendChild(img);
        });
        help.textContent = '已选择 ' + input.files.length + ' 张照片' +
          (tooBig.length ? '；以下照片超过 5 MB 未能压缩，已移除：' + tooBig.join('、') : '。');
        busy = false;
      });
    });
  }

  // ---- 防止重复提交 ----
  form.addEventListener('submit', function (evt) {
    if (busy) { evt.preventDefault(); help.textContent = '照片还在处理，请稍候再提交。'; return; }
    var button = document.getElementById('submit-report');
    setTimeout(function () { button.disabled = true; button.textContent = '正在提交……'; }, 0);
  });
})();
