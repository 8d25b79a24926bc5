// Rectify: Tasklist without dead ends. Loaded by config.js (customScripts) as an ES module on every Tasklist page.
// 1. A step opened by someone who may take it is claimed for them at once (no separate 认领 before each step).
// 2. After 完成 a Chinese confirmation says that the step went through.
// 3. 新建任务 and 发起流程 stay for administrators only (user-styles.css hides them for everyone else).
// 4. Each task in the list carries the case's traffic light and time left (computed by the console, /console/todo/lights).
// 5. A completion sends only what the user changed: Tasklist also sends back every variable a form fetched merely to
//    show it (caseId, title …: a fetched variable bound to no field has no default, so it always counts as changed),
//    and the server refuses a completion carrying variables its step does not declare.
const appRoot = document.querySelector('base').getAttribute('app-root');
const engine = appRoot + '/api/engine/engine/default';
const taskNames = {};
const claimed = new Set();
/** Per task, the variables its form fetched, as the engine gave them. */
const fetched = {};

/** The completion's body without the variables sent back unchanged. */
function onlyChanged(taskId, body) {
  const shown = fetched[taskId];
  if (!shown || typeof body !== 'string') { return body; }
  try {
    const data = JSON.parse(body);
    if (!data || !data.variables) { return body; }
    Object.keys(data.variables).forEach((name) => {
      const was = shown[name];
      const now = data.variables[name];
      if (was && now && JSON.stringify(was.value) === JSON.stringify(now.value)) {
        delete data.variables[name];
      }
    });
    return JSON.stringify(data);
  } catch (e) {
    return body;
  }
}

function currentTaskId() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash || '');
  return match ? decodeURIComponent(match[1]) : null;
}

function markAdministrator(user) {
  document.body.classList.toggle('rf-admin', !!(user && (user.authorizedApps || []).includes('admin')));
}

/** Once, for a page opened with a session already there; afterwards Tasklist's own sign-in and sign-out tell. */
async function askAdministrator() {
  try {
    const response = await fetch(appRoot + '/api/admin/auth/user/default', { credentials: 'same-origin' });
    markAdministrator(response.ok ? await response.json() : null);
  } catch (e) {
    markAdministrator(null);
  }
}

function toast(text) {
  document.querySelectorAll('.rf-toast').forEach((old) => old.remove());
  const box = document.createElement('div');
  box.className = 'rf-toast';
  box.setAttribute('role', 'status');
  box.textContent = text;
  const link = document.createElement('a');
  link.href = '/console/todo';
  link.textContent = '查看我的待办';
  box.appendChild(link);
  document.body.appendChild(box);
  setTimeout(() => box.remove(), 8000);
}

// Tasklist talks to the engine with XMLHttpRequest: watch its answers for task names and completions.
const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url) {
  this.rfMethod = String(method).toUpperCase();
  this.rfUrl = String(url);
  return open.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function () {
  const completing = this.rfMethod === 'POST'
    && /\/task\/([^/]+)\/(submit-form|complete)$/.exec((this.rfUrl || '').split('?')[0]);
  if (completing && arguments.length) {
    arguments[0] = onlyChanged(decodeURIComponent(completing[1]), arguments[0]);
  }
  this.addEventListener('load', () => {
    const path = (this.rfUrl || '').split('?')[0];
    // Who is signed in, from the answers Tasklist asks for anyway (no request of our own on each page change).
    if (/\/auth\/user\/[^/]+(\/login\/[^/]+)?$/.test(path) && this.status === 200) {
      try { markAdministrator(JSON.parse(this.responseText)); } catch (e) { /* not the user */ }
      return;
    }
    if (/\/auth\/user\/[^/]+\/logout$/.test(path)) {
      markAdministrator(null);
      return;
    }
    const done = /\/task\/([^/]+)\/(submit-form|complete)$/.exec(path);
    if (this.rfMethod === 'POST' && done && this.status >= 200 && this.status < 300) {
      const name = taskNames[done[1]];
      toast('✓ 已提交' + (name ? '：' + name : '') + '。下一步已转给相应单位或岗位。');
      claimed.delete(done[1]);
      delete fetched[done[1]];
      return;
    }
    const variables = /\/task\/([^/]+)\/form-variables$/.exec(path);
    if (this.rfMethod === 'GET' && variables && this.status === 200) {
      try {
        const id = decodeURIComponent(variables[1]);
        fetched[id] = Object.assign(fetched[id] || {}, JSON.parse(this.responseText));
      } catch (e) { /* nothing to remember */ }
      return;
    }
    const one = /\/task\/([^/]+)$/.exec(path);
    if (this.rfMethod === 'GET' && one && this.status === 200) {
      try {
        taskNames[one[1]] = JSON.parse(this.responseText).name;
      } catch (e) { /* not a task */ }
    }
  });
  return send.apply(this, arguments);
};

function autoClaim() {
  const id = currentTaskId();
  if (!id || claimed.has(id)) { return; }
  const button = Array.from(document.querySelectorAll('[ng-click="claim()"]')).find((b) => b.offsetParent !== null);
  if (button) {
    claimed.add(id);
    button.click();
  }
}

const lights = {};
let asking = false;
async function showLights() {
  const links = Array.from(document.querySelectorAll('ol.tasks-list li.task h4.task a'));
  const ids = links.map((a) => (/[?&]task=([^&]+)/.exec(a.getAttribute('href') || '') || [])[1]).filter(Boolean);
  const missing = ids.filter((id) => !(id in lights));
  if (missing.length && !asking) {
    asking = true;
    try {
      const response = await fetch('/console/todo/lights?tasks=' + encodeURIComponent(missing.join(',')),
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      const answer = response.ok ? await response.json() : {};
      missing.forEach((id) => { lights[id] = answer[id] || null; });
    } catch (e) { /* the list works without lights */ }
    asking = false;
  }
  links.forEach((a, i) => {
    const light = lights[ids[i]];
    if (!light || a.parentNode.querySelector('.rf-light')) { return; }
    const badge = document.createElement('span');
    badge.className = 'rf-light rf-' + light.light;
    badge.textContent = light.label + (light.timeLeft ? ' · ' + light.timeLeft : '');
    a.parentNode.appendChild(badge);
  });
}

askAdministrator();
// On every change Tasklist makes to the page, at most once a frame: the claim and the lights come as soon as the task
// or the list is drawn (a fixed timer made them wait up to its period and woke the page for nothing in between).
let pending = false;
new MutationObserver(() => {
  if (pending) { return; }
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    autoClaim();
    showLights();
  });
}).observe(document.body, { childList: true, subtree: true });

export default [];
