  // @include _shared/core.js
  // 纪工委表单（问责决定、告知与申诉、申诉复核）共用：措施与对象、移交情况、规则建议、问责卷宗。
  RF.day = function (iso) { return iso ? String(iso).substring(0, 10) : ''; };

  // 问责措施（由轻到重）和问责对象由服务器给出，与规则和服务器的校验同源；需要时调用 RF.loadChoices()。
  RF.measures = [];
  RF.targets = [];
  RF.loadChoices = function () {
    return RF.getJson('/api/discipline/measures').then(function (data) {
      RF.measures = data.measures.map(function (m) { return [m.code, m.label]; });
      RF.targets = data.targets.map(function (t) { return [t.code, t.label]; });
    }, function (error) {
      var node = RF.q('errors');
      RF.notice(node, 'danger', '问责措施列表加载失败：' + error.message + '。请刷新页面重试。');
      RF.show(node, true);
      throw error;
    });
  };
  RF.weight = function (code) {
    for (var i = 0; i < RF.measures.length; i++) { if (RF.measures[i][0] === code) { return i + 1; } }
    return 0;
  };
  RF.label = function (pairs, code) {
    for (var i = 0; i < pairs.length; i++) { if (pairs[i][0] === code) { return pairs[i][1]; } }
    return code || '';
  };
  RF.fillSelect = function (select, pairs, placeholder) {
    if (placeholder !== undefined) {
      var empty = RF.el('option', null, placeholder);
      empty.value = '';
      select.appendChild(empty);
    }
    pairs.forEach(function (pair) {
      var option = RF.el('option', null, pair[1]);
      option.value = pair[0];
      select.appendChild(option);
    });
  };

  // 事实表：每行 [标签, 值, 样式]。
  RF.facts = function (node, rows) {
    RF.clear(node);
    var table = RF.el('table', 'table table-bordered table-condensed rf-facts');
    var body = RF.el('tbody');
    rows.forEach(function (row) {
      var text = RF.text(row[1]);
      var tr = RF.el('tr');
      tr.appendChild(RF.el('th', null, row[0]));
      tr.appendChild(RF.el('td', text ? (row[2] || null) : 'rf-muted', text || '无'));
      body.appendChild(tr);
    });
    table.appendChild(body);
    node.appendChild(table);
  };
  // 列表表格：headers 为表头，rows 为每行的单元格文字。
  RF.table = function (node, headers, rows, emptyText) {
    RF.clear(node);
    if (!rows.length) { node.appendChild(RF.el('p', 'rf-muted', emptyText)); return; }
    var table = RF.el('table', 'table table-bordered table-condensed rf-list');
    var head = RF.el('tr');
    headers.forEach(function (h) { head.appendChild(RF.el('th', null, h)); });
    var thead = RF.el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = RF.el('tbody');
    rows.forEach(function (cells) {
      var tr = RF.el('tr');
      cells.forEach(function (cell) { tr.appendChild(RF.el('td', null, cell)); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    node.appendChild(table);
  };

  // 移交情况（来自流程变量）。
  RF.factNames = ['caseId', 'caseNumber', 'title', 'categoryName', 'sourceLabel', 'severityLabel', 'address',
    'transferId', 'transferSequence', 'triggerLabel', 'transferDetail', 'accountableUnit', 'accountableUnitName',
    'proposedMeasure', 'proposedMeasureLabel', 'proposedTarget', 'proposedTargetLabel', 'proposedTargetName',
    'proposalExplanation', 'appealWorkingDays', 'recordId', 'decidedMeasure', 'decidedMeasureLabel', 'decidedTarget',
    'decidedTargetLabel', 'decidedTargetName', 'decisionReasonText', 'appealDeadlineText'];
  RF.renderTransfer = function () {
    RF.facts(RF.q('facts'), [
      ['案件编号', RF.v('caseNumber')],
      ['标题', RF.v('title')],
      ['问题类别', RF.v('categoryName')],
      ['来源', RF.v('sourceLabel'), /省级|国家级/.test(RF.v('sourceLabel') || '') ? 'text-danger' : null],
      ['严重程度', RF.v('severityLabel')],
      ['地址', RF.v('address')],
      ['责任单位', RF.v('accountableUnitName')],
      ['移交原因', '第' + (RF.v('transferSequence') || 1) + '次移交：' + (RF.v('triggerLabel') || ''), 'text-danger'],
      ['移交说明', RF.v('transferDetail')]]);
  };

  RF.noDecisionsText = '暂无规则决定';

  // 规则建议：措施、对象、申诉期限、依据和触发的规则。
  RF.renderProposal = function (node, proposal) {
    RF.clear(node);
    if (!proposal) { node.appendChild(RF.el('p', 'rf-muted', '未找到规则建议')); return; }
    var box = RF.el('div', 'rf-measure');
    box.appendChild(RF.el('div', 'rf-big', '对' + proposal.targetName + proposal.measureLabel));
    box.appendChild(RF.el('div', null, '问责对象：' + proposal.targetLabel + '；申诉期限：' + proposal.appealWorkingDays + '个工作日'));
    box.appendChild(RF.el('div', null, '加重情节：' + (proposal.factors && proposal.factors.length ? proposal.factors.join('，') : '无')));
    node.appendChild(box);
    node.appendChild(RF.el('p', 'rf-muted', proposal.explanation));
    if (proposal.firedRules && proposal.firedRules.length) {
      var list = RF.el('ul', 'rf-rules');
      proposal.firedRules.forEach(function (rule) { list.appendChild(RF.el('li', null, rule)); });
      node.appendChild(RF.el('div', 'rf-muted', '适用的规则（规则版本 ' + RF.ruleSetVersion(proposal) + '）：'));
      node.appendChild(list);
    }
  };

  // 问责卷宗（仅纪工委可读）：超期与返工、督办单、单位问责记录、办理记录、规则决定、本案历次移交。
  RF.loadDossier = function (caseId, transferId) {
    var status = RF.q('dossier-status');
    RF.notice(status, 'info', '正在加载问责卷宗……');
    return RF.getJson('/api/discipline/cases/' + encodeURIComponent(caseId) + '/dossier').then(function (dossier) {
      RF.clear(status);
      var detail = dossier.caseDetail || {};
      RF.facts(RF.q('overdue'), [
        ['超期情况', dossier.overdue && dossier.overdue.summary, dossier.overdue && dossier.overdue.overdueWorkingDays > 0 ? 'text-danger' : null],
        ['案件状态', detail.statusLabel],
        ['牵头单位', detail.leadUnit && detail.leadUnit.name]]);
      RF.table(RF.q('orders'), ['督办单编号', '签发时间'], (dossier.supervisionOrders || []).map(function (o) {
        return [o.number, RF.time(o.issuedAt)];
      }), '本案没有督办单');
      var record = dossier.unitRecord;
      var recordNode = RF.q('unit-record');
      if (record) {
        RF.table(recordNode, ['案件', '问责措施', '问责对象', '决定日期', '状态', '本季度'], record.thisYear.map(function (e) {
          return [e.caseNumber, e.measureLabel + (e.version > 1 ? '（' + e.basisLabel + '）' : ''), e.targetName,
            RF.day(e.offenceAt), e.statusLabel, e.thisQuarter ? '是' : ''];
        }), record.unitName + '本年度没有问责记录');
        recordNode.insertBefore(RF.el('p', record.quarterCount > 0 ? 'text-danger' : null, record.unitName + '：'
          + record.periodLabel + '已被问责 ' + record.quarterCount + ' 次，本年度 ' + record.yearCount + ' 次。'), recordNode.firstChild);
      } else {
        RF.notice(recordNode, 'warning', '案件没有责任单位');
      }
      RF.renderHistory(RF.q('history'), detail.history || []);
      RF.renderDecisions(RF.q('decisions'), detail.decisions || []);
      var current = null;
      var earlier = [];
      (dossier.transfers || []).forEach(function (t) {
        if (String(t.id) === String(transferId)) { current = t; } else { earlier.push(t); }
      });
      RF.table(RF.q('earlier'), ['编号', '移交原因', '移交时间', '问责决定', '状态'], earlier.map(function (t) {
        var standing = t.records && t.records.length ? t.records[t.records.length - 1] : null;
        return [t.businessKey, t.triggerLabel, RF.time(t.transferredAt),
          standing ? '对' + standing.targetName + standing.measureLabel : '未决定', t.statusLabel];
      }), '本案此前没有移交问责');
      dossier.current = current;
      return dossier;
    }, function (error) {
      RF.notice(status, 'warning', '问责卷宗加载失败：' + error.message + '。可刷新页面重试。');
      throw error;
    });
  };
