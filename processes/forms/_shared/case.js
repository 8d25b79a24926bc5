  // @include _shared/core.js
  // 案件表单（立案、签收、改派、整改、核查、延期、挂账）共用：日期、照片、办理记录、案件基本情况。
  // 句子里的时间与公文一致：2026-11-26T18:30+08:00 → 2026年11月26日18时30分（服务器给出的时间已是北京时间）；
  // 列表和表格里用 RF.time（2026-11-26 18:30）。
  RF.date = function (iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(String(iso || ''));
    if (!m) { return String(iso || ''); }
    var time = m[4] ? Number(m[4]) + '时' + (m[5] === '00' ? '' : Number(m[5]) + '分') : '';
    return m[1] + '年' + Number(m[2]) + '月' + Number(m[3]) + '日' + time;
  };

  RF.noDecisionsText = '暂无。立案后由规则确定责任单位和整改时限，依据将显示在这里。';

  // 照片缩略图，点击在新窗口打开原图。
  RF.renderPhotos = function (node, photos, emptyText) {
    RF.clear(node);
    if (!photos.length) {
      node.appendChild(RF.el('p', 'rf-muted', emptyText));
      return;
    }
    var box = RF.el('div', 'rf-photos');
    photos.forEach(function (photo, index) {
      var item = RF.el('div', 'rf-photo');
      var link = RF.el('a');
      link.href = photo.url;
      link.target = '_blank';
      link.rel = 'noopener';
      link.title = '点击查看原图：' + (photo.fileName || '');
      var img = RF.el('img');
      img.src = photo.url;
      img.alt = photo.fileName || ('照片' + (index + 1));
      img.onerror = function () { img.alt = '照片无法显示'; };
      link.appendChild(img);
      item.appendChild(link);
      item.appendChild(RF.el('span', null, (photo.fileName || '照片') + (photo.uploadedAt ? ' · ' + RF.time(photo.uploadedAt) : '')));
      box.appendChild(item);
    });
    node.appendChild(box);
  };

  RF.lastEvent = function (events, action) {
    for (var i = events.length - 1; i >= 0; i--) { if (events[i].action === action) { return events[i]; } }
    return null;
  };

  // 加载案件详情（照片、办理记录、规则说明）；各表单在 then 里取自己需要的部分。
  RF.loadCase = function (caseId) {
    var status = RF.q('case-status');
    if (!caseId) {
      RF.notice(status, 'warning', '任务缺少案件编号，无法显示照片和办理记录。');
      root.setAttribute('data-rf-loaded', 'failed');
      return Promise.reject(new Error('no caseId'));
    }
    RF.notice(status, 'info', '正在加载照片和办理记录……');
    return RF.getJson('/api/cases/' + encodeURIComponent(caseId)).then(function (detail) {
      RF.clear(status);
      detail.photos = detail.photos || [];
      detail.history = detail.history || [];
      detail.decisions = detail.decisions || [];
      var before = detail.photos.filter(function (p) { return p.stage === 'BEFORE'; });
      RF.renderPhotos(RF.q('before-photos'), before, '上报时未附照片');
      RF.renderHistory(RF.q('history'), detail.history);
      RF.renderDecisions(RF.q('decisions'), detail.decisions);
      root.setAttribute('data-rf-loaded', 'ok');
      return detail;
    }, function (error) {
      RF.notice(status, 'warning', '照片和办理记录加载失败：' + error.message + '。可刷新页面重试，不影响办理。');
      ['before-photos', 'history', 'decisions'].forEach(function (name) { RF.clear(RF.q(name)); });
      root.setAttribute('data-rf-loaded', 'failed');
      throw error;
    });
  };

  // 案件基本情况（来自流程变量）。各表单在 form-loaded 时取这些变量。
  RF.factNames = ['caseId', 'caseNumber', 'title', 'description', 'address', 'categoryName', 'severityLabel',
    'sourceLabel', 'leadUnit', 'leadUnitName', 'coUnitNames', 'deadlineText', 'reworkCount'];
  RF.renderCaseFacts = function (options) {
    var node = RF.q('facts');
    RF.clear(node);
    var rows = [
      ['案件编号', RF.v('caseNumber')],
      ['标题', RF.v('title')],
      ['问题类别', RF.v('categoryName')],
      ['严重程度', RF.v('severityLabel'), RF.v('severityLabel') === '紧急' ? 'text-danger' : (RF.v('severityLabel') === '较重' ? 'text-warning' : null)],
      ['来源', RF.v('sourceLabel')],
      ['地址', RF.v('address')],
      ['问题描述', RF.v('description')]];
    if (options.units) {
      rows.push(['牵头单位', RF.v('leadUnitName')]);
      rows.push(['配合单位', RF.v('coUnitNames')]);
    }
    if (options.deadline) { rows.push(['整改时限', RF.v('deadlineText'), 'rf-deadline']); }
    if (options.rework) {
      var rework = Number(RF.v('reworkCount') || 0);
      rows.push(['返工次数', rework > 0 ? '已返工 ' + rework + ' 次' : '无（首次整改）', rework > 0 ? 'text-danger' : null]);
    }
    var table = RF.el('table', 'table table-bordered table-condensed rf-facts');
    var body = RF.el('tbody');
    body.setAttribute('data-rf', 'facts-body');
    rows.forEach(function (row) { RF.addFact(row[0], row[1], row[2], body); });
    table.appendChild(body);
    node.appendChild(table);
  };
  RF.addFact = function (label, value, className, body) {
    body = body || RF.q('facts-body');
    if (!body) { return null; }
    var text = RF.text(value);
    var tr = RF.el('tr');
    tr.appendChild(RF.el('th', null, label));
    var td = RF.el('td', text ? (className || null) : 'rf-muted', text || '无');
    tr.appendChild(td);
    body.appendChild(tr);
    return td;
  };

  // 审批表单（延期、挂账）提交前的检查：须选同意或不同意，不同意须说明理由；approveChecks 补上同意时的检查。
  RF.decisionMessages = function (decision, comment, what, approveChecks) {
    var messages = [];
    var text = RF.text(comment.value);
    if (decision.value !== 'APPROVE' && decision.value !== 'REFUSE') {
      messages.push('请选择“同意' + what + '”或“不同意”。');
    }
    if (decision.value === 'APPROVE' && approveChecks) { approveChecks(messages); }
    if (decision.value === 'REFUSE' && !text) { messages.push('不同意' + what + '时必须填写审批意见，说明理由。'); }
    if (text.length > 500) { messages.push('审批意见不能超过 500 字（现为 ' + text.length + ' 字）。'); }
    return messages;
  };
