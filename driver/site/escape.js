/* The report site's script: sortable, filterable tables on the index
 * (state from the query string: kind, file, func, q, sort, dir, limit),
 * and on a source page, #L links into a later part of a split page. */
(function () {
  'use strict';
  function $(id) { return document.getElementById(id); }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }

  if (document.body.classList.contains('source')) {
    /* A split page: a line past this part is in a later one. */
    var follow = function () {
      var m = /^#L(\d+)$/.exec(location.hash), part = $('part');
      if (m && !$('L' + m[1]) && part && part.dataset.next &&
          +m[1] > +part.dataset.last)
        location.replace(part.dataset.next + location.hash);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return;
  }

  var D = window.escapeData;
  var params = new URLSearchParams(location.search);
  var state = {
    kind: params.get('kind') || '', file: params.get('file') || '',
    func: params.get('func') || '', q: params.get('q') || ''
  };

  function pageOf(fileIndex, part) {
    var f = D.files[fileIndex];
    return f[1] + (part ? '.' + (part + 1) : '') + '.html';
  }

  /* A table whose header cells sort it: columns have title, cls, cell(row)
   * -> html and key(row) -> sort value; rows(state) gives the rows. */
  function Table(id, columns, rows, sort, dir, limit) {
    this.el = $(id); this.columns = columns; this.rows = rows;
    this.sort = sort; this.dir = dir; this.limit = limit; this.step = limit;
    var self = this, head = '<thead><tr>';
    columns.forEach(function (c) {
      head += '<th data-sort="' + c.name + '"' + (c.num ? ' class=n' : '') +
              ' tabindex=0>' + c.title + '</th>';
    });
    this.el.innerHTML = head + '</tr></thead><tbody></tbody>';
    var thead = this.el.querySelector('thead');
    thead.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); e.target.click(); }
    });
    thead.addEventListener('click', function (e) {
      var name = e.target.dataset.sort;
      if (!name) return;
      if (self.sort === name) self.dir = self.dir === 'asc' ? 'desc' : 'asc';
      else { self.sort = name; self.dir = self.column(name).dir || 'asc'; }
      self.render();
    });
    this.more = document.createElement('button');
    this.more.className = 'more';
    this.el.parentNode.insertBefore(this.more, this.el.nextSibling);
    this.more.addEventListener('click', function () {
      self.limit += self.step * 5; self.render();
    });
  }
  Table.prototype.column = function (name) {
    for (var i = 0; i < this.columns.length; i++)
      if (this.columns[i].name === name) return this.columns[i];
    return this.columns[0];
  };
  Table.prototype.render = function () {
    var column = this.column(this.sort), key = column.key;
    var sign = this.dir === 'desc' ? -1 : 1;
    var rows = this.rows().map(function (r, i) { return [key(r), i, r]; });
    rows.sort(function (a, b) {
      var x = a[0], y = b[0];
      if (x < y) return -sign; if (x > y) return sign;
      return a[1] - b[1];
    });
    var html = '', shown = Math.min(rows.length, this.limit), columns = this.columns;
    for (var i = 0; i < shown; i++) {
      var r = rows[i][2];
      html += '<tr' + (r.id !== undefined ? ' data-id=' + r.id : '') + '>';
      for (var c = 0; c < columns.length; c++)
        html += '<td class=' + columns[c].cls + '>' + columns[c].cell(r) + '</td>';
      html += '</tr>';
    }
    this.el.tBodies[0].innerHTML = html;
    this.el.dataset.rows = shown;
    this.el.dataset.matching = rows.length;
    this.el.dataset.sort = column.name;
    this.el.dataset.dir = this.dir;
    var ths = this.el.tHead.rows[0].cells;
    for (var t = 0; t < ths.length; t++)
      ths[t].setAttribute('aria-sort', ths[t].dataset.sort === column.name
          ? (this.dir === 'desc' ? 'descending' : 'ascending') : 'none');
    this.more.hidden = shown >= rows.length;
    this.more.textContent = 'show more (' + (rows.length - shown) + ' not shown)';
  };

  function contains(text, part) {
    return !part || text.toLowerCase().indexOf(part.toLowerCase()) >= 0;
  }
  /* The data lists the remarks costliest first: "cost" sorts by rank. */
  var remarks = D.remarks.map(function (r, i) {
    return {kind: r[0], file: r[1], line: r[2], col: r[3], func: r[4],
            msg: r[5], tus: r[6], cost: r[7], part: r[8], id: r[9], hot: r[10],
            rank: i};
  });
  function where(r) {
    return r.file < 0 ? '' : D.files[r.file][0] + ':' + r.line + ':' + r.col;
  }
  function funcName(r) { return r.func < 0 ? '' : D.funcs[r.func][0]; }
  function matching() {
    return remarks.filter(function (r) {
      return (!state.kind || D.kinds[r.kind][0] === state.kind) &&
             (!state.file || (r.file >= 0 && contains(D.files[r.file][0], state.file))) &&
             (!state.func || contains(funcName(r), state.func)) &&
             (!state.q || contains(D.kinds[r.kind][0] + ' ' + where(r) + ' ' +
                                   funcName(r) + ' ' + r.msg, state.q));
    });
  }
  var remarkTable = new Table('remarks', [
    {name: 'cost', title: 'Cost', cls: 'n', num: 1, dir: 'desc',
     key: function (r) { return -r.rank; },
     cell: function (r) { return r.cost + (r.hot ? ' <span class=meta>(profile)</span>' : ''); }},
    {name: 'where', title: 'Where', cls: 'w',
     key: function (r) {
       return r.file < 0 ? '\uffff' : D.files[r.file][0] + '\u0000' +
           ('0000000' + r.line).slice(-8) + ('0000' + r.col).slice(-5);
     },
     cell: function (r) {
       return r.file < 0 ? '' : '<a href="' + pageOf(r.file, r.part) + '#r' +
           r.id + '">' + esc(where(r)) + '</a>';
     }},
    {name: 'kind', title: 'Remark', cls: 'k',
     key: function (r) { return D.kinds[r.kind][0]; },
     cell: function (r) {
       return '<span class="kind ' + D.kinds[r.kind][1] + '">' + esc(D.kinds[r.kind][0]) + '</span>';
     }},
    {name: 'msg', title: 'Message', cls: 'm',
     key: function (r) { return r.msg; }, cell: function (r) { return esc(r.msg); }},
    {name: 'func', title: 'Function', cls: 'fn', key: funcName,
     cell: function (r) { return esc(funcName(r)); }},
    {name: 'tus', title: 'TUs', cls: 'n', num: 1, dir: 'desc',
     key: function (r) { return r.tus; }, cell: function (r) { return r.tus; }}
  ], matching, 'cost', 'desc', 200);
  var sort = params.get('sort'), dir = params.get('dir');
  if (sort) {
    remarkTable.sort = remarkTable.column(sort).name;
    remarkTable.dir = dir || remarkTable.column(sort).dir || 'asc';
  }

  var fileTable = new Table('files', [
    {name: 'name', title: 'File', cls: 'f', key: function (f) { return f[0]; },
     cell: function (f) { return '<a href="' + f[1] + '.html">' + esc(f[0]) + '</a>'; }},
    {name: 'count', title: 'Remarks', cls: 'n', num: 1, dir: 'desc',
     key: function (f) { return f[2]; },
     cell: function (f) { return '<a href="?file=' + encodeURIComponent(f[0]) + '">' + f[2] + '</a>'; }},
    {name: 'cost', title: 'Cost', cls: 'n', num: 1, dir: 'desc',
     key: function (f) { return f[3]; }, cell: function (f) { return f[3]; }}
  ], function () { return D.files; }, 'cost', 'desc', 25);
  var funcTable = new Table('functions', [
    {name: 'name', title: 'Function', cls: 'fn', key: function (f) { return f[0]; },
     cell: function (f) { return esc(f[0]); }},
    {name: 'file', title: 'File', cls: 'f',
     key: function (f) { return f[1] < 0 ? '' : D.files[f[1]][0]; },
     cell: function (f) { return f[1] < 0 ? '' : '<a href="' + D.files[f[1]][1] + '.html">' + esc(D.files[f[1]][0]) + '</a>'; }},
    {name: 'count', title: 'Remarks', cls: 'n', num: 1, dir: 'desc',
     key: function (f) { return f[2]; },
     cell: function (f) { return '<a href="?func=' + encodeURIComponent(f[0]) + '">' + f[2] + '</a>'; }},
    {name: 'cost', title: 'Cost', cls: 'n', num: 1, dir: 'desc',
     key: function (f) { return f[3]; }, cell: function (f) { return f[3]; }}
  ], function () { return D.funcs; }, 'cost', 'desc', 25);

  var kindSelect = $('kind');
  D.kinds.forEach(function (k) {
    var o = document.createElement('option');
    o.value = o.textContent = k[0];
    kindSelect.appendChild(o);
  });
  ['kind', 'file', 'func', 'q'].forEach(function (name) {
    var input = $(name);
    input.value = state[name];
    input.addEventListener(name === 'kind' ? 'change' : 'input', function () {
      state[name] = input.value;
      update();
    });
  });
  function update() {
    remarkTable.limit = remarkTable.step;
    remarkTable.render();
    $('shown').textContent = remarkTable.el.dataset.matching;
    var query = new URLSearchParams();
    ['kind', 'file', 'func', 'q'].forEach(function (n) { if (state[n]) query.set(n, state[n]); });
    try { history.replaceState(null, '', '?' + query.toString()); } catch (e) { /* file:// may refuse */ }
  }
  remarkTable.limit = +params.get('limit') || remarkTable.step;
  remarkTable.render();
  $('shown').textContent = remarkTable.el.dataset.matching;
  fileTable.render();
  funcTable.render();
  /* For a person or a test: how long the index took, from navigation. */
  document.body.dataset.ready = Math.round(performance.now());
})();
