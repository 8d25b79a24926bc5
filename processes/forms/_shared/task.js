  // @include _shared/core.js
  // 任务表单（签收、反馈进展、审核、纪工委审查）共用：任务的基本情况来自流程变量，写在 data-v="变量名" 的单元格里
  // （无值显示“—”）；data-show="变量名" 的提示在该变量有值时显示；data-href="taskId" 的链接指向控制台的任务页。
  RF.taskFacts = function (names) {
    RF.fetchVariables(names);
    camForm.on('variables-fetched', function () {
      names.forEach(function (name) {
        var value = RF.v(name);
        RF.qa('[data-v="' + name + '"]').forEach(function (node) { node.textContent = value === null ? '—' : String(value); });
        RF.qa('[data-show="' + name + '"]').forEach(function (node) { RF.show(node, value !== null); });
      });
      RF.qa('[data-href="taskId"]').forEach(function (link) {
        link.setAttribute('href', '/console/tasks/' + encodeURIComponent(RF.v('taskId') || ''));
      });
    });
  };
