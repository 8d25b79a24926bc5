  // 只用 textContent 写入数据，绝不用 innerHTML 拼接数据。
  var root = camForm.formElement[0];
  var RF = {};
  RF.q = function (name) { return root.querySelector('[data-rf="' + name + '"]'); };
  RF.qa = function (selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); };
  RF.el = function (tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  };
  RF.clear = function (node) { while (node.firstChild) { node.removeChild(node.firstChild); } };
  RF.show = function (node, visible) { node.classList.toggle('rf-hidden', !visible); };
  RF.fetchVariables = function (names) {
    names.forEach(function (name) { camForm.variableManager.fetchVariable(name); });
  };
  RF.v = function (name) {
    var variable = camForm.variableManager.variable(name);
    return variable && variable.value !== undefined && variable.value !== '' ? variable.value : null;
  };
  RF.text = function (value) { return value === null || value === undefined ? '' : String(value).trim(); };
  // 办理人按姓名显示（接口给出 actorName），不显示登录账号。
  RF.who = function (event) { return event.actorName || event.actor || ''; };
  RF.time = function (iso) { return iso ? String(iso).substring(0, 10) + ' ' + String(iso).substring(11, 16) : ''; };

  // 读取本系统的接口（沿用 Tasklist 的登录会话，只读）。失败时给出中文原因。
  RF.getJson = function (url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        return response.text().then(function (body) {
          var data = null;
          try { data = body ? JSON.parse(body) : null; } catch (e) { data = null; }
          if (!response.ok) {
            var why = data && data.detail ? data.detail : ('服务器返回 ' + response.status);
            throw new Error(why);
          }
          return data;
        });
      }, function () { throw new Error('网络连接失败'); });
  };
  RF.notice = function (node, kind, message) {
    RF.clear(node);
    node.appendChild(RF.el('div', 'alert alert-' + kind, message));
  };

  // 办理记录（全程留痕），最新一条标红。
  RF.renderHistory = function (node, events) {
    RF.clear(node);
    if (!events.length) { node.appendChild(RF.el('p', 'rf-muted', '暂无办理记录')); return; }
    var list = RF.el('ol', 'rf-timeline');
    events.forEach(function (event, index) {
      var li = RF.el('li', index === events.length - 1 ? 'rf-last' : null);
      li.appendChild(RF.el('span', 'rf-when', RF.time(event.occurredAt)));
      if (RF.who(event)) { li.appendChild(RF.el('span', 'rf-who', RF.who(event))); }
      li.appendChild(RF.el('span', null, event.summary));
      list.appendChild(li);
    });
    node.appendChild(list);
  };

  // 规则版本按“2026-12-01 第3版”显示；版本哈希只有系统管理员能从接口拿到，拿到时附在后面。
  RF.ruleSetVersion = function (item) {
    var label = item.ruleSetLabel || '';
    return item.ruleSetVersion ? (label ? label + ' · ' + item.ruleSetVersion : item.ruleSetVersion) : label;
  };

  // 规则决定及说明；没有时显示 RF.noDecisionsText（各类表单自定）。
  RF.decisionKinds = { ROUTING: '派遣规则', TIME_LIMIT: '时限规则', REWORK_TIME_LIMIT: '返工时限规则',
    ESCALATION_PLAN: '预警督办计划', ACCOUNTABILITY_PROPOSAL: '问责建议' };
  RF.renderDecisions = function (node, decisions) {
    RF.clear(node);
    if (!decisions.length) { node.appendChild(RF.el('p', 'rf-muted', RF.noDecisionsText || '暂无规则决定')); return; }
    var list = RF.el('ul', 'rf-rules');
    decisions.forEach(function (decision) {
      var li = RF.el('li');
      li.appendChild(RF.el('strong', null, (RF.decisionKinds[decision.kind] || '规则决定') + '：'));
      li.appendChild(document.createTextNode(decision.explanation || ''));
      var version = RF.ruleSetVersion(decision);
      if (version) { li.appendChild(RF.el('span', 'rf-muted', '（规则版本 ' + version + '）')); }
      list.appendChild(li);
    });
    node.appendChild(list);
  };

  // 字数计数：与服务器一致，去掉首尾空白后计数。
  RF.counter = function (field, counterNode, max) {
    var update = function () {
      var length = RF.text(field.value).length;
      counterNode.textContent = length + ' / ' + max + ' 字';
      counterNode.classList.toggle('rf-over', length > max);
    };
    field.addEventListener('input', update);
    update();
    return update;
  };
  RF.counted = function (name, counterName, max) {
    var field = RF.q(name);
    RF.counter(field, RF.q(counterName), max);
    return field;
  };

  // 单选按钮不直接绑定流程变量（Camunda 7.24 对同名单选取最后一个的值），
  // 由脚本把选中值写入隐藏的 cam-variable-name 输入框。
  RF.radios = function (groupName, hidden, onChange) {
    var radios = RF.qa('input[type=radio][name="' + groupName + '"]');
    var sync = function () {
      radios.forEach(function (radio) { radio.checked = radio.value === hidden.value; });
      if (onChange) { onChange(hidden.value); }
    };
    radios.forEach(function (radio) {
      radio.addEventListener('change', function () {
        if (radio.checked) { hidden.value = radio.value; sync(); }
      });
    });
    camForm.on('variables-applied', sync);
    return sync;
  };

  // 提交前检查：有问题则阻止提交并在表单里用中文列出。
  RF.errors = function (messages) {
    var node = RF.q('errors');
    RF.clear(node);
    if (!messages.length) { RF.show(node, false); return; }
    var box = RF.el('div', 'alert alert-danger');
    box.appendChild(RF.el('strong', null, '还不能提交，请先处理：'));
    var list = RF.el('ul');
    messages.forEach(function (message) { list.appendChild(RF.el('li', null, message)); });
    box.appendChild(list);
    node.appendChild(box);
    RF.show(node, true);
    node.scrollIntoView({ block: 'center' });
  };
  // validate() 返回问题列表；全部通过时才调用 prepare()（例如清掉未选分支里填过的内容，免得一并提交）。
  RF.guardSubmit = function (validate, prepare) {
    camForm.on('submit', function (evt) {
      var messages = validate();
      RF.errors(messages);
      if (messages.length) {
        evt.submitPrevented = true;
      } else if (prepare) {
        prepare();
      }
    });
    // 用户开始修改后，旧的提示不再准确，先收起，下次提交时重新检查。
    var hide = function () { RF.show(RF.q('errors'), false); };
    root.addEventListener('input', hide);
    root.addEventListener('change', hide);
  };
